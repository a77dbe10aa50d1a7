package docs

import (
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// anchors gives the method documents' headings and table rows ids, so that
// the workbench's formula links open the exact formula (app.FormulaRef):
//
//   - a heading's id is its first code span (### 2. 插补 `impute` → impute),
//     else sec-N for a numbered heading (### 1. 方法一览, ### 1. Methods →
//     sec-1), else its first ASCII word (## select · 选择 → select);
//   - a table row whose first cell starts with a code span gets that code,
//     prefixed with the id of the section's heading when that heading has
//     a code span itself (`minmax` under 标准化（配方 `normalise`） →
//     normalise-minmax);
//   - ids repeat as id-2, id-3… (the first one is the link target).
//
// The Chinese and English pages name the same codes, so a link carries the
// same anchor in both languages.
type anchors struct{}

func (anchors) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	used := map[string]int{}
	set := func(n ast.Node, id string) {
		if id == "" {
			return
		}
		used[id]++
		if k := used[id]; k > 1 {
			id += "-" + strconv.Itoa(k)
		}
		n.SetAttributeString("id", []byte(id))
	}
	prefix := ""
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			code := firstCode(n, src)
			prefix = ""
			if code != "" {
				prefix = code + "-"
				set(n, code)
			} else {
				set(n, headingWord(plainText(n, src)))
			}
			return ast.WalkSkipChildren, nil
		case *east.TableRow:
			if c := n.FirstChild(); c != nil {
				if code := leadingCode(c, src); code != "" {
					set(n, prefix+code)
				}
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
}

// slug keeps a code's letters, digits, '-' and '_', lower-cased.
func slug(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(s)) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-', r == '_':
			b.WriteRune(r)
		case r == ' ' || r == '.':
			b.WriteByte('-')
		}
	}
	return strings.Trim(b.String(), "-")
}

// codeText is the text of a code span.
func codeText(c ast.Node, src []byte) string {
	var b strings.Builder
	for t := c.FirstChild(); t != nil; t = t.NextSibling() {
		if tx, ok := t.(*ast.Text); ok {
			b.Write(tx.Segment.Value(src))
		}
	}
	return slug(b.String())
}

// firstCode is the first code span among n's children.
func firstCode(n ast.Node, src []byte) string {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if _, ok := c.(*ast.CodeSpan); ok {
			return codeText(c, src)
		}
	}
	return ""
}

// leadingCode is the code span a cell starts with (blanks aside).
func leadingCode(cell ast.Node, src []byte) string {
	for c := cell.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.CodeSpan:
			return codeText(c, src)
		case *ast.Text:
			if strings.TrimSpace(string(c.Segment.Value(src))) != "" {
				return ""
			}
		default:
			return ""
		}
	}
	return ""
}

func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			b.Write(t.Segment.Value(src))
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// headingWord is sec-N for "N. …", else a heading's first ASCII word.
func headingWord(h string) string {
	h = strings.TrimSpace(h)
	num := ""
	for i, r := range h {
		if r >= '0' && r <= '9' {
			continue
		}
		if r == '.' && i > 0 {
			num = h[:i]
		}
		break
	}
	if num != "" {
		return "sec-" + num
	}
	rest := h
	start := -1
	for i, r := range rest {
		az := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
		if az && start < 0 {
			start = i
		}
		if !az && start >= 0 {
			return strings.ToLower(rest[start:i])
		}
	}
	if start >= 0 {
		return strings.ToLower(rest[start:])
	}
	return ""
}
