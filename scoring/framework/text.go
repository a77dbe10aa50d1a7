package framework

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// fold applies Unicode compatibility folding (full-width letters, digits,
// brackets and the ideographic space become ASCII), trims the result and
// drops zero-width and other format characters.
func fold(s string) string {
	s = norm.NFKC.String(s)
	s = strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Cf, r) {
			return -1
		}
		if unicode.IsSpace(r) {
			return ' '
		}
		return r
	}, s)
	return strings.TrimSpace(s)
}

// stripParens removes every bracketed part, e.g. the unit in
// "R&D经费（亿元）" or "rate (%)". Brackets are ASCII after fold.
func stripParens(s string) string {
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch r {
		case '(', '[', '【', '〔', '<', '《':
			depth++
			continue
		case ')', ']', '】', '〕', '>', '》':
			if depth > 0 {
				depth--
				continue
			}
		}
		if depth == 0 {
			b.WriteRune(r)
		}
	}
	if depth > 0 { // unbalanced: keep the text as it was
		return s
	}
	return b.String()
}

// removeSpace deletes all white space.
func removeSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// nameKey is the normal form used to match names and aliases to column
// headers: folded, lower-case, bracketed units removed, no white space.
func nameKey(s string) string {
	s = strings.ToLower(fold(s))
	if t := removeSpace(stripParens(s)); t != "" {
		return t
	}
	return removeSpace(s)
}

// headerKey is the normal form of a header cell for role recognition:
// nameKey without "_", "-", "." and "/".
func headerKey(s string) string {
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune("_-./:：", r) {
			return -1
		}
		return r
	}, nameKey(s))
}

// hasHan reports whether s contains a Chinese character.
func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// splitAliases splits "a|b; c" into its trimmed non-empty parts.
func splitAliases(s string) []string {
	var out []string
	for _, a := range strings.FieldsFunc(s, func(r rune) bool { return r == '|' || r == ';' || r == '；' }) {
		if a = strings.TrimSpace(a); a != "" {
			out = append(out, a)
		}
	}
	return out
}
