package docs

import (
	"html"
	"regexp"
	"strings"
	"unicode"
)

// MathML renders a formula written in the plain notation of the method
// documents (x_ij, λ^{1/n}, Σ_j w_j y_j, (x − min)/(max − min)) as inline
// MathML, read by the browser with no external renderer. Subscripts and
// superscripts are "_" or "^" followed by {a group}, (a group) for "^", or
// a run of letters and digits.
func MathML(s string) string {
	return `<math display="inline"><mrow>` + mrow([]rune(strings.TrimSpace(s))) + `</mrow></math>`
}

var functions = map[string]bool{"ln": true, "log": true, "exp": true, "max": true, "min": true, "sd": true, "mean": true, "dist": true, "median": true, "sgn": true, "abs": true}

func isLetter(r rune) bool {
	return r != 'Σ' && r != 'Π' && (unicode.IsLetter(r) || unicode.Is(unicode.Mn, r))
}

// mrow converts a sequence of runes into MathML elements.
func mrow(rs []rune) string {
	var out []string
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case unicode.IsSpace(r):
			i++
		case r == '_' || r == '^':
			arg, n := script(rs[i+1:], r == '^')
			i += 1 + n
			base := `<mi></mi>`
			if len(out) > 0 {
				base = out[len(out)-1]
				out = out[:len(out)-1]
			}
			tag := "msub"
			if r == '^' {
				tag = "msup"
			}
			out = append(out, "<"+tag+">"+base+"<mrow>"+arg+"</mrow></"+tag+">")
		case unicode.IsDigit(r) || (r == '.' && i+1 < len(rs) && unicode.IsDigit(rs[i+1])):
			j := i
			for j < len(rs) && (unicode.IsDigit(rs[j]) || rs[j] == '.') {
				j++
			}
			out = append(out, "<mn>"+string(rs[i:j])+"</mn>")
			i = j
		case isLetter(r):
			j := i
			for j < len(rs) && isLetter(rs[j]) {
				j++
			}
			w := string(rs[i:j])
			if functions[w] || j-i == 1 || (j-i == 2 && unicode.Is(unicode.Mn, rs[i+1])) {
				out = append(out, "<mi>"+html.EscapeString(w)+"</mi>")
			} else {
				// A run of single-letter symbols (xy, ij) or a word.
				out = append(out, "<mi>"+html.EscapeString(w)+"</mi>")
			}
			i = j
		default:
			out = append(out, "<mo>"+html.EscapeString(string(r))+"</mo>")
			i++
		}
	}
	return strings.Join(out, "")
}

// script reads the argument of "_" or "^" and returns it as MathML with
// the number of runes used.
func script(rs []rune, sup bool) (string, int) {
	if len(rs) == 0 {
		return "", 0
	}
	if rs[0] == '{' || (sup && rs[0] == '(') {
		closeR := '}'
		if rs[0] == '(' {
			closeR = ')'
		}
		depth := 0
		for j, r := range rs {
			if r == rs[0] {
				depth++
			} else if r == closeR {
				depth--
				if depth == 0 {
					return mrow(rs[1:j]), j + 1
				}
			}
		}
		return mrow(rs[1:]), len(rs)
	}
	j := 0
	for j < len(rs) && (isLetter(rs[j]) || unicode.IsDigit(rs[j]) || (sup && (rs[j] == '-' || rs[j] == '−') && j == 0)) {
		j++
	}
	if j == 0 {
		return "", 0
	}
	return mrow(rs[:j]), j
}

// scripted matches a symbol with a subscript or superscript in prose.
var scripted = regexp.MustCompile(`[\p{L}\p{Mn}]+(?:_(?:\{[^}<]*\}|[\p{L}\p{N}]+)|\^(?:\{[^}<]*\}|\([^)<]*\)|[\p{L}\p{N}]+))+`)

// codeFormula says whether a code span is a formula rather than code: it
// states an equation or proportion and reads as mathematics.
func codeFormula(s string) bool {
	if !strings.ContainsAny(s, "=∝") {
		return false
	}
	for _, bad := range []string{`"`, ".", "TRUE", "FALSE", "list(", "matrix", ":", "{", "==", "true", "false", "[", "Impute"} {
		if strings.Contains(s, bad) {
			return false
		}
	}
	return true
}

var (
	codeSpan  = regexp.MustCompile(`<code>([^<]*)</code>`)
	tagOrText = regexp.MustCompile(`(<pre[\s\S]*?</pre>|<code>[\s\S]*?</code>|<math[\s\S]*?</math>|<[^>]+>)|([^<]+)`)
)

// mathify turns formula code spans and scripted symbols in prose into
// MathML in rendered HTML.
func mathify(h string) string {
	h = codeSpan.ReplaceAllStringFunc(h, func(m string) string {
		inner := html.UnescapeString(codeSpan.FindStringSubmatch(m)[1])
		if codeFormula(inner) {
			return MathML(inner)
		}
		return m
	})
	return tagOrText.ReplaceAllStringFunc(h, func(m string) string {
		if strings.HasPrefix(m, "<") {
			return m
		}
		text := html.UnescapeString(m)
		var b strings.Builder
		last := 0
		for _, loc := range scripted.FindAllStringIndex(text, -1) {
			b.WriteString(html.EscapeString(text[last:loc[0]]))
			b.WriteString(MathML(text[loc[0]:loc[1]]))
			last = loc[1]
		}
		b.WriteString(html.EscapeString(text[last:]))
		return b.String()
	})
}
