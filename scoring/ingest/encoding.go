package ingest

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// Encoding names as reported and accepted in Options.Encoding.
const (
	EncUTF8    = "utf-8"
	EncGB18030 = "gb18030"
	EncUTF16LE = "utf-16le"
	EncUTF16BE = "utf-16be"
)

// canonicalEncoding maps the names accepted in Options.Encoding to the
// constants above; ok is false for unknown names.
func canonicalEncoding(name string) (string, bool) {
	switch strings.ToLower(strings.ReplaceAll(strings.TrimSpace(name), "_", "-")) {
	case "":
		return "", true
	case "utf-8", "utf8":
		return EncUTF8, true
	case "gb18030", "gbk", "gb2312", "cp936", "gb-18030":
		return EncGB18030, true
	case "utf-16le", "utf16le", "utf-16-le":
		return EncUTF16LE, true
	case "utf-16be", "utf16be", "utf-16-be":
		return EncUTF16BE, true
	}
	return "", false
}

// decoded is the text of a file and how it was read.
type decoded struct {
	text     string
	encoding string // one of the Enc constants
	detected bool   // encoding was guessed without a BOM
	invalid  bool   // some bytes could not be decoded and became U+FFFD
	// bad lists the lines of a UTF-8 file that are not valid UTF-8 (each
	// read as GB18030 or with U+FFFD); invalid is false then.
	bad []badLine
	// evidence, when the file was weighed, says why it was read as it was.
	evidence *encodingEvidence
	// shared is true when text is the input's bytes, not a copy
	// (bytesText): strings cut from it must be detached before they leave
	// Read.
	shared bool
}

// decode converts data to UTF-8 text. enc is "" (detect) or one of the Enc
// constants. A BOM always wins in detection; with an explicit encoding a
// matching BOM is removed.
func decode(data []byte, enc string) decoded {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}) && (enc == "" || enc == EncUTF8):
		return decodeUTF8(data[3:], enc == "")
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}) && (enc == "" || enc == EncUTF16LE):
		return decodeWith(data, unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), EncUTF16LE, false)
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}) && (enc == "" || enc == EncUTF16BE):
		return decodeWith(data, unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), EncUTF16BE, false)
	}
	switch enc {
	case EncUTF8:
		return decodeUTF8(data, false)
	case EncGB18030:
		return decodeWith(data, simplifiedchinese.GB18030, EncGB18030, false)
	case EncUTF16LE:
		return decodeWith(data, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), EncUTF16LE, false)
	case EncUTF16BE:
		return decodeWith(data, unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), EncUTF16BE, false)
	}
	if utf8.Valid(data) {
		// UTF-16 without a BOM: ASCII text has a zero in every other byte.
		if le, be := utf16Guess(data); le {
			return decodeWith(data, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), EncUTF16LE, true)
		} else if be {
			return decodeWith(data, unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), EncUTF16BE, true)
		}
		return decoded{text: bytesText(data), encoding: EncUTF8, shared: true}
	}
	if le, be := utf16Guess(data); le {
		return decodeWith(data, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), EncUTF16LE, true)
	} else if be {
		return decodeWith(data, unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), EncUTF16BE, true)
	}
	// Neither UTF-8 nor UTF-16: GB18030 must explain the whole file better
	// than UTF-8 does, or the file is UTF-8 with a few bad lines.
	ev := weighEncodings(data)
	if !ev.gbBetter() {
		d := decodeUTF8(data, true)
		d.evidence = &ev
		return d
	}
	d := decodeWith(data, simplifiedchinese.GB18030, EncGB18030, true)
	d.evidence = &ev
	return d
}

// utf16Guess looks at the first bytes for the zero bytes of UTF-16 ASCII.
func utf16Guess(data []byte) (le, be bool) {
	n := min(len(data)&^1, 512)
	if n < 4 {
		return false, false
	}
	var zeroEven, zeroOdd int
	for i := 0; i < n; i += 2 {
		if data[i] == 0 {
			zeroEven++
		}
		if data[i+1] == 0 {
			zeroOdd++
		}
	}
	half := n / 2
	return zeroOdd*10 >= half*7 && zeroEven == 0, zeroEven*10 >= half*7 && zeroOdd == 0
}

// decodeUTF8 reads data as UTF-8; lines that are not valid UTF-8 are
// listed in bad, read as GB18030 when gb is true and they are GB18030.
func decodeUTF8(data []byte, gb bool) decoded {
	if utf8.Valid(data) {
		return decoded{text: bytesText(data), encoding: EncUTF8, shared: true}
	}
	text, bad := decodeUTF8Lines(data, gb)
	return decoded{text: text, encoding: EncUTF8, bad: bad}
}

func decodeWith(data []byte, e encoding.Encoding, name string, detected bool) decoded {
	out, err := e.NewDecoder().Bytes(data)
	if err != nil {
		// The decoders used here replace bad input rather than fail; this is
		// only a safety net.
		return decoded{text: strings.ToValidUTF8(string(data), "\uFFFD"), encoding: name, detected: detected, invalid: true}
	}
	d := decoded{text: string(out), encoding: name, detected: detected}
	if name == EncUTF16LE || name == EncUTF16BE {
		d.text = strings.TrimPrefix(d.text, "\uFEFF")
	}
	if !bytes.Contains(data, []byte("\xEF\xBF\xBD")) && strings.ContainsRune(d.text, utf8.RuneError) {
		d.invalid = true
	}
	return d
}
