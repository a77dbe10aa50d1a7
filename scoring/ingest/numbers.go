package ingest

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Errors returned by ParseNumber.
var (
	// ErrNotNumber means the text is neither a number nor a missing-value token.
	ErrNotNumber = errors.New("ingest: not a number")
	// ErrNotFinite means the text is a number too large for float64, or an infinity.
	ErrNotFinite = errors.New("ingest: number is not finite")
)

// missingTokens are read as "no data" (compared case-insensitively after
// trimming spaces and quotes and folding full-width forms).
var missingTokens = [...]string{
	"", "na", "n/a", "n.a.", "null", "none", "nil",
	"-", "--", "---", "—", "——", "–", "…", "……", "...", "..",
	"无", "缺失", "空",
	"#n/a", "#div/0!", "#value!", "#ref!", "#num!", "#name?", "#null!",
}

// isMissingToken reports whether s (already trimmed) is a missing-value token.
func isMissingToken(s string) bool {
	if len(s) > 8 {
		return false
	}
	for _, t := range missingTokens {
		if len(t) == len(s) && strings.EqualFold(t, s) {
			return true
		}
	}
	return false
}

// pow10 holds the powers of ten that float64 represents exactly.
var pow10 = [...]float64{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
	1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22}

// simpleDecimal reads [-]digits[.digits] with at most 15 significant
// digits, which is exact: both the integer mantissa and the power of ten
// are exact in float64, so one correctly rounded division gives the
// correctly rounded result (Clinger's fast path). ok is false otherwise.
func simpleDecimal(s string) (float64, bool) {
	i, neg := 0, false
	if s[0] == '-' {
		neg, i = true, 1
	}
	var mant uint64
	digits, frac := 0, -1
	for ; i < len(s); i++ {
		c := s[i]
		if c >= '0' && c <= '9' {
			mant = mant*10 + uint64(c-'0')
			digits++
			if frac >= 0 {
				frac++
			}
			continue
		}
		if c == '.' && frac < 0 {
			frac = 0
			continue
		}
		return 0, false
	}
	if digits == 0 || digits > 15 {
		return 0, false
	}
	f := float64(mant)
	if frac > 0 {
		f /= pow10[frac]
	}
	if neg {
		f = -f
	}
	return f, true
}

// isFastNumber reports whether s consists only of ASCII digits, '.', '+',
// '-', 'e' and 'E', which strconv.ParseFloat can read as it is.
func isFastNumber(s string) bool {
	if len(s) == 0 || len(s) > 40 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < '0' || c > '9') && c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E' {
			return false
		}
	}
	return true
}

// ParseNumber reads one cell as a number.
//
// It accepts, besides what strconv.ParseFloat reads in decimal: thousands
// separators ("1,234,567.8", or "1.234.567,8" when decimalComma is true;
// the groups must have three digits, so "1,5" is an error unless
// decimalComma is set), full-width digits, signs, point and comma
// ("１２３．４", "－5", "＋3", "１，２３４"), the Unicode minus sign U+2212,
// spaces of any kind (including no-break and ideographic spaces) around
// and between the digits, surrounding quotes, a leading "+", a leading
// apostrophe (Excel's "text number" mark), accounting negatives "(12)",
// and a trailing or leading percent sign. A percentage is kept as written,
// in percent units: "12.5%" gives 12.5.
//
// Missing-value tokens (empty, NA, N/A, null, -, --, —, ——, …, ...,
// .., 无, 缺失, #N/A, #DIV/0!, #VALUE!, #REF!, #NUM!, #NAME? and a few
// more, case-insensitive) give missing == true and v == NaN.
// Unreadable text gives ErrNotNumber, and NaN, infinities ("Inf",
// "-Infinity") or numbers out of the float64 range ("1e999") give
// ErrNotFinite; v is NaN in both cases. NaN is not a missing-value token:
// a cell holding it is reported by Read, with its row and column.
func ParseNumber(s string, decimalComma bool) (v float64, missing bool, err error) {
	if s == "" {
		return math.NaN(), true, nil
	}
	// Fastest path: short plain decimals, computed exactly.
	if !decimalComma {
		if f, ok := simpleDecimal(s); ok {
			return f, false, nil
		}
	}
	// Fast path: plain ASCII numbers as written by most programs.
	if isFastNumber(s) && (!decimalComma || strings.IndexByte(s, '.') < 0) {
		if f, e := strconv.ParseFloat(s, 64); e == nil {
			return f, false, nil
		}
	}
	return parseNumberSlow(s, decimalComma)
}

// isSpaceRune reports whether r is a space to be ignored in numbers and
// collapsed in names.
func isSpaceRune(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\v', '\f', 0x85, 0xA0, 0x1680, 0x2028, 0x2029,
		0x202F, 0x205F, 0x3000, 0xFEFF, 0x200B:
		return true
	}
	return r >= 0x2000 && r <= 0x200A
}

// trimSpace removes spaces (see isSpaceRune) at both ends of s.
func trimSpace(s string) string {
	for len(s) > 0 {
		if s[0] < utf8.RuneSelf {
			if !isSpaceRune(rune(s[0])) {
				break
			}
			s = s[1:]
			continue
		}
		r, n := utf8.DecodeRuneInString(s)
		if !isSpaceRune(r) {
			break
		}
		s = s[n:]
	}
	for len(s) > 0 {
		if c := s[len(s)-1]; c < utf8.RuneSelf {
			if !isSpaceRune(rune(c)) {
				break
			}
			s = s[:len(s)-1]
			continue
		}
		r, n := utf8.DecodeLastRuneInString(s)
		if !isSpaceRune(r) {
			break
		}
		s = s[:len(s)-n]
	}
	return s
}

// stripQuotes removes one pair of matching quotes around s, and spaces inside.
func stripQuotes(s string) string {
	pairs := [...][2]string{{`"`, `"`}, {`'`, `'`}, {"“", "”"}, {"‘", "’"}, {"「", "」"}}
	for _, p := range pairs {
		if len(s) >= len(p[0])+len(p[1]) && strings.HasPrefix(s, p[0]) && strings.HasSuffix(s, p[1]) {
			return trimSpace(s[len(p[0]) : len(s)-len(p[1])])
		}
	}
	return s
}

// foldRune maps full-width and look-alike characters used in numbers to
// their ASCII forms; it returns 0 for spaces to drop, and -1 for anything else.
func foldRune(r rune) rune {
	switch {
	case r < utf8.RuneSelf:
		if isSpaceRune(r) {
			return 0
		}
		return r
	case r >= '０' && r <= '９':
		return r - '０' + '0'
	case isSpaceRune(r):
		return 0
	}
	switch r {
	case '．':
		return '.'
	case '，':
		return ','
	case '－', '−', '‐', '‑', '﹣':
		return '-'
	case '＋', '﹢':
		return '+'
	case '％', '﹪':
		return '%'
	case 'ｅ':
		return 'e'
	case 'Ｅ':
		return 'E'
	case '（':
		return '('
	case '）':
		return ')'
	case '’':
		return '\''
	}
	return -1
}

func parseNumberSlow(s string, decimalComma bool) (float64, bool, error) {
	nan := math.NaN()
	s = stripQuotes(trimSpace(s))
	if isMissingToken(s) {
		return nan, true, nil
	}
	// Fold to ASCII in a small buffer, dropping spaces.
	var arr [64]byte
	buf := arr[:0]
	for _, r := range s {
		f := foldRune(r)
		if f < 0 || len(buf) >= 64 {
			return nan, false, ErrNotNumber
		}
		if f > 0 {
			buf = append(buf, byte(f))
		}
	}
	if len(buf) < len(s) && isMissingToken(string(buf)) {
		return nan, true, nil
	}
	// Leading apostrophe (Excel text mark), accounting parentheses, percent.
	if len(buf) > 0 && buf[0] == '\'' {
		buf = buf[1:]
	}
	neg := false
	if len(buf) >= 2 && buf[0] == '(' && buf[len(buf)-1] == ')' {
		neg = true
		buf = buf[1 : len(buf)-1]
	}
	if len(buf) > 0 && buf[len(buf)-1] == '%' {
		buf = buf[:len(buf)-1]
	} else if len(buf) > 0 && buf[0] == '%' {
		buf = buf[1:]
	}
	if len(buf) > 0 && (buf[0] == '+' || buf[0] == '-') {
		if buf[0] == '-' {
			neg = !neg
		}
		buf = buf[1:]
	}
	if len(buf) == 0 {
		return nan, false, ErrNotNumber
	}
	// NaN and infinities are numbers, but not finite ones.
	if len(buf) <= 8 {
		switch strings.ToLower(string(buf)) {
		case "nan", "inf", "infinity":
			return nan, false, ErrNotFinite
		}
	}
	// Remove thousands separators, checking that groups have three digits.
	thou, dec := byte(','), byte('.')
	if decimalComma {
		thou, dec = '.', ','
	}
	var arr2 [64]byte
	out := arr2[:0]
	digitsSinceSep := 0
	sawSep, sawDec, sawExp := false, false, false
	for i := 0; i < len(buf); i++ {
		c := buf[i]
		switch {
		case c >= '0' && c <= '9':
			digitsSinceSep++
			out = append(out, c)
		case c == thou && !sawDec && !sawExp:
			if sawSep {
				if digitsSinceSep != 3 {
					return nan, false, ErrNotNumber
				}
			} else {
				if digitsSinceSep < 1 || digitsSinceSep > 3 {
					return nan, false, ErrNotNumber
				}
			}
			sawSep = true
			digitsSinceSep = 0
		case c == dec && !sawDec && !sawExp:
			if sawSep && digitsSinceSep != 3 {
				return nan, false, ErrNotNumber
			}
			sawDec = true
			out = append(out, '.')
		case (c == 'e' || c == 'E') && !sawExp && len(out) > 0:
			if sawSep && !sawDec && digitsSinceSep != 3 {
				return nan, false, ErrNotNumber
			}
			sawExp = true
			out = append(out, 'e')
			if i+1 < len(buf) && (buf[i+1] == '+' || buf[i+1] == '-') {
				i++
				out = append(out, buf[i])
			}
		default:
			return nan, false, ErrNotNumber
		}
	}
	if sawSep && !sawDec && !sawExp && digitsSinceSep != 3 {
		return nan, false, ErrNotNumber
	}
	f, err := strconv.ParseFloat(string(out), 64)
	if err != nil {
		var ne *strconv.NumError
		if errors.As(err, &ne) && ne.Err == strconv.ErrRange && math.IsInf(f, 0) {
			return nan, false, ErrNotFinite
		}
		if math.IsInf(f, 0) {
			return nan, false, ErrNotFinite
		}
		if errors.As(err, &ne) && ne.Err == strconv.ErrRange {
			// Underflow: ParseFloat returns the nearest value (0 or a subnormal).
			if neg {
				f = -f
			}
			return f, false, nil
		}
		return nan, false, ErrNotNumber
	}
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return nan, false, ErrNotFinite
	}
	if neg {
		f = -f
	}
	return f, false, nil
}
