package ingest

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/nqp-index/nqp/scoring/diag"
)

// encodingEvidence counts, over the lines of a file that hold non-ASCII
// bytes, how well UTF-8 and GB18030 explain them.
type encodingEvidence struct {
	nonASCII int // lines with a byte ≥ 0x80
	utf8Bad  int // of those, lines that are not valid UTF-8
	gbBad    int // of those, lines GB18030 explains badly: invalid GB18030, or valid UTF-8 (mojibake as GB18030)
}

// gbBetter reports whether GB18030 explains the whole file better than
// UTF-8: fewer lines it reads badly. A UTF-8 file with a few GBK lines
// stays UTF-8; a GBK file, whose non-ASCII lines are almost all invalid
// UTF-8, is GB18030.
func (e encodingEvidence) gbBetter() bool { return e.utf8Bad > e.gbBad }

// weighEncodings counts the evidence line by line (lines end at "\n").
func weighEncodings(data []byte) encodingEvidence {
	var e encodingEvidence
	for len(data) > 0 {
		end := bytes.IndexByte(data, '\n')
		if end < 0 {
			end = len(data) - 1
		}
		line := data[:end+1]
		data = data[end+1:]
		if !hasNonASCII(line) {
			continue
		}
		e.nonASCII++
		switch {
		case !utf8.Valid(line):
			e.utf8Bad++
			if !validGB18030(line) {
				e.gbBad++
			}
		default:
			e.gbBad++
		}
	}
	return e
}

func hasNonASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return true
		}
	}
	return false
}

// validGB18030 reports whether b is well-formed GB18030: ASCII bytes,
// two-byte sequences [81–FE][40–7E 80–FE] and four-byte sequences
// [81–FE][30–39][81–FE][30–39].
func validGB18030(b []byte) bool {
	for i := 0; i < len(b); {
		c := b[i]
		switch {
		case c < 0x80:
			i++
		case c == 0x80 || c == 0xFF || i+1 >= len(b):
			return false
		case b[i+1] >= 0x30 && b[i+1] <= 0x39:
			if i+3 >= len(b) || b[i+2] < 0x81 || b[i+2] == 0xFF || b[i+3] < 0x30 || b[i+3] > 0x39 {
				return false
			}
			i += 4
		case (b[i+1] >= 0x40 && b[i+1] <= 0x7E) || (b[i+1] >= 0x80 && b[i+1] <= 0xFE):
			i += 2
		default:
			return false
		}
	}
	return true
}

// badLine is a line of a UTF-8 file that is not valid UTF-8.
type badLine struct {
	line   int    // 1-based physical line (breaks at "\n", "\r\n", lone "\r")
	bytes  string // the run of non-ASCII bytes holding the first invalid one, escaped (\xC9\xCF)
	prefix string // the line as read before that run
	text   string // the whole line as read
	gb     bool   // the line was read as GB18030
}

// decodeUTF8Lines reads data as UTF-8 line by line. A line that is not
// valid UTF-8 is read as GB18030 when gb is true and it is well-formed
// GB18030 (a GBK line pasted into a UTF-8 file), else its invalid bytes
// become U+FFFD; either way it is listed in bad.
func decodeUTF8Lines(data []byte, gb bool) (text string, bad []badLine) {
	var b strings.Builder
	b.Grow(len(data) + len(data)/8)
	line := 1
	for len(data) > 0 {
		end := bytes.IndexAny(data, "\r\n")
		next := len(data)
		if end < 0 {
			end = len(data)
		} else {
			next = end + 1
			if data[end] == '\r' && next < len(data) && data[next] == '\n' {
				next++
			}
		}
		seg := data[:end]
		if utf8.Valid(seg) {
			b.Write(seg)
		} else {
			bl := badLine{line: line}
			i, j := badRun(seg)
			bl.bytes = escapeBytes(seg[i:j])
			var read string
			if gb && validGB18030(seg) {
				if out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(seg); err == nil {
					read, bl.gb = string(out), true
					if pre, err := simplifiedchinese.GB18030.NewDecoder().Bytes(seg[:i]); err == nil {
						bl.prefix = string(pre)
					}
				}
			}
			if !bl.gb {
				read = strings.ToValidUTF8(string(seg), "\uFFFD")
				bl.prefix = string(seg[:i])
			}
			bl.text = read
			bad = append(bad, bl)
			b.WriteString(read)
		}
		b.Write(data[end:next])
		data = data[next:]
		line++
	}
	return b.String(), bad
}

// badRun returns the bytes b[i:j] around the first invalid UTF-8 byte of
// b: the run of invalid bytes and two-byte sequences (which GBK bytes
// often form by chance) that holds it, between ASCII bytes or longer
// (CJK) UTF-8 sequences; at most 16 bytes.
func badRun(b []byte) (i, j int) {
	start, bad := -1, false
	for k := 0; k < len(b); {
		r, n := rune(b[k]), 1
		if b[k] >= utf8.RuneSelf {
			r, n = utf8.DecodeRune(b[k:])
		}
		junk := b[k] >= utf8.RuneSelf && (r == utf8.RuneError && n == 1 || n == 2)
		switch {
		case junk && start < 0:
			start = k
		case !junk && start >= 0:
			if bad {
				return start, min(k, start+16)
			}
			start = -1
		}
		if r == utf8.RuneError && n == 1 {
			bad = true
		}
		k += n
	}
	if start < 0 {
		return len(b), len(b)
	}
	return start, min(len(b), start+16)
}

// escapeBytes writes bytes as \xHH.
func escapeBytes(b []byte) string {
	var s strings.Builder
	for _, c := range b {
		fmt.Fprintf(&s, "\\x%02X", c)
	}
	return s.String()
}

// recordLines returns the 1-based physical line on which each record of g
// starts: records follow lines except where a quoted field holds line
// breaks.
func recordLines(g *grid) []int {
	out := make([]int, g.rows())
	line := 1
	for r := range out {
		out[r] = line
		for _, c := range g.row(r) {
			line += lineBreaks(c)
		}
		line++
	}
	return out
}

// lineBreaks counts "\n", "\r\n" and lone "\r" in s.
func lineBreaks(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\n':
			n++
		case '\r':
			if i+1 >= len(s) || s[i+1] != '\n' {
				n++
			}
		}
	}
	return n
}

// fieldIndex returns the 0-based field of a record line that starts at
// the end of prefix (quotes toggle; delimiters inside quotes do not count).
func fieldIndex(prefix string, delim byte) int {
	n, quoted := 0, false
	for i := 0; i < len(prefix); i++ {
		switch prefix[i] {
		case '"':
			quoted = !quoted
		case delim:
			if !quoted {
				n++
			}
		}
	}
	return n
}

// shorten cuts s to at most n runes, marking the cut with "…".
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}

// reportBadLines reports each line of a UTF-8 file that is not valid
// UTF-8: its row and column, its bytes, and how it was read. The first
// maxPerColumn lines are listed one by one, the rest counted.
func reportBadLines(r *reporter, g *grid, d decoded, delim byte) {
	starts := recordLines(g)
	gbLines := 0
	for _, bl := range d.bad {
		if bl.gb {
			gbLines++
		}
	}
	if ev := d.evidence; ev != nil {
		r.add(diag.Info, CodeMixedEncoding, 0, 0, "", EncUTF8,
			fmt.Sprintf("文件按 UTF-8 读取：%d 行含非 ASCII 字符，其中 %d 行不是有效的 UTF-8（%d 行按 GB18030 读取），逐行列出", ev.nonASCII, len(d.bad), gbLines),
			fmt.Sprintf("the file was read as UTF-8: of %d lines with non-ASCII bytes, %d are not valid UTF-8 (%d read as GB18030), listed below", ev.nonASCII, len(d.bad), gbLines))
	}
	for k, bl := range d.bad {
		if k == maxPerColumn {
			more := len(d.bad) - k
			r.add(diag.Warning, CodeBadEncoding, 0, 0, "", "",
				fmt.Sprintf("另有 %d 行不是有效的 UTF-8，未逐一列出（共 %d 行）", more, len(d.bad)),
				fmt.Sprintf("%d more lines are not valid UTF-8 and are not listed (%d in all)", more, len(d.bad)))
			break
		}
		// The record holding the line, and the field of the bad bytes.
		row, col := bl.line, 0
		for i, s := range starts {
			if s > bl.line {
				break
			}
			row = i + 1
			if s == bl.line {
				col = fieldIndex(bl.prefix, delim) + 1
			}
		}
		if len(starts) == 0 {
			row = bl.line
		}
		line := shorten(bl.text, 60)
		if bl.gb {
			r.add(diag.Warning, CodeBadEncoding, row, col, "", bl.bytes,
				fmt.Sprintf("第 %d 行不是有效的 UTF-8（字节 %s），该行按 GB18030 读取为“%s”；请检查文件编码", row, bl.bytes, line),
				fmt.Sprintf("row %d is not valid UTF-8 (bytes %s); the row was read as GB18030: %q; check the file's encoding", row, bl.bytes, line))
			continue
		}
		r.add(diag.Warning, CodeBadEncoding, row, col, "", bl.bytes,
			fmt.Sprintf("第 %d 行有不是 UTF-8 的字节 %s，已替换为“\uFFFD”（“%s”）；请检查文件编码", row, bl.bytes, line),
			fmt.Sprintf("row %d has bytes that are not UTF-8 (%s), replaced by \"\uFFFD\" (%q); check the file's encoding", row, bl.bytes, line))
	}
}
