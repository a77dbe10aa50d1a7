package diag

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// Severity grades a problem.
type Severity int

const (
	// Info is a note that needs no action (e.g. "detected GB18030 encoding").
	Info Severity = iota
	// Warning means the data can be used, but a result may not be what the user expects.
	Warning
	// Error means the data (or recipe) cannot be used as it is.
	Error
)

var severityNames = [...]string{"info", "warning", "error"}

// String returns "info", "warning" or "error".
func (s Severity) String() string {
	if s < 0 || int(s) >= len(severityNames) {
		return fmt.Sprintf("severity(%d)", int(s))
	}
	return severityNames[s]
}

// Label returns the severity in the given language ("zh" or "en").
func (s Severity) Label(lang string) string {
	if lang == "zh" {
		switch s {
		case Info:
			return "提示"
		case Warning:
			return "警告"
		case Error:
			return "错误"
		}
	}
	return s.String()
}

// MarshalText encodes the severity as its name.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText decodes a severity name.
func (s *Severity) UnmarshalText(b []byte) error {
	for i, n := range severityNames {
		if string(b) == n {
			*s = Severity(i)
			return nil
		}
	}
	return fmt.Errorf("diag: unknown severity %q", b)
}

// Problem is one finding about an input, with its location.
// Row and Col are 1-based as a spreadsheet user sees them (Row 1 is the
// header line of a CSV file); zero means "not applicable".
type Problem struct {
	Severity Severity `json:"severity"`
	// Code is a stable machine-readable identifier, e.g. "ragged-row".
	Code   string `json:"code"`
	File   string `json:"file,omitempty"`
	Row    int    `json:"row,omitempty"`
	Col    int    `json:"col,omitempty"`
	Column string `json:"column,omitempty"` // header text of Col, when known
	Text   string `json:"text,omitempty"`   // the offending text, when there is one
	Zh     string `json:"message_zh"`
	En     string `json:"message_en"`
}

// Message returns the bare message in lang ("zh" or "en"; anything else is English).
func (p Problem) Message(lang string) string {
	if lang == "zh" && p.Zh != "" {
		return p.Zh
	}
	return p.En
}

// Where describes the problem's location in lang, or "" if it has none.
func (p Problem) Where(lang string) string {
	var parts []string
	zh := lang == "zh"
	if p.File != "" {
		if zh {
			parts = append(parts, "文件 "+p.File)
		} else {
			parts = append(parts, p.File)
		}
	}
	if p.Row > 0 {
		if zh {
			parts = append(parts, fmt.Sprintf("第 %d 行", p.Row))
		} else {
			parts = append(parts, fmt.Sprintf("row %d", p.Row))
		}
	}
	if p.Col > 0 {
		c := fmt.Sprintf("column %d", p.Col)
		if zh {
			c = fmt.Sprintf("第 %d 列", p.Col)
		}
		if p.Column != "" {
			c += "（" + p.Column + "）"
			if !zh {
				c = fmt.Sprintf("column %d (%s)", p.Col, p.Column)
			}
		}
		parts = append(parts, c)
	} else if p.Column != "" {
		if zh {
			parts = append(parts, "列“"+p.Column+"”")
		} else {
			parts = append(parts, "column "+p.Column)
		}
	}
	if zh {
		return strings.Join(parts, " ")
	}
	return strings.Join(parts, ", ")
}

// Format renders the problem on one line in lang, e.g.
// "错误 文件 a.csv 第 3 行 第 2 列（人口）：无法识别的数字“12x”".
func (p Problem) Format(lang string) string {
	var b strings.Builder
	b.WriteString(p.Severity.Label(lang))
	w := p.Where(lang)
	if lang == "zh" {
		if w != "" {
			b.WriteString(" " + w)
		}
		b.WriteString("：")
		b.WriteString(p.Message(lang))
		if p.Text != "" && !strings.Contains(p.Message(lang), p.Text) {
			b.WriteString("（内容：“" + p.Text + "”）")
		}
		return b.String()
	}
	if w != "" {
		b.WriteString(" " + w)
	}
	b.WriteString(": ")
	b.WriteString(p.Message(lang))
	if p.Text != "" && !strings.Contains(p.Message(lang), p.Text) {
		b.WriteString(fmt.Sprintf(" (text: %q)", p.Text))
	}
	return b.String()
}

// Error implements error with the English rendering.
func (p Problem) Error() string { return p.Format("en") }

// Report is an ordered list of problems.
type Report struct {
	Problems []Problem `json:"problems"`
}

// Add appends p.
func (r *Report) Add(p Problem) { r.Problems = append(r.Problems, p) }

// Addf appends a problem built from its parts; zh and en are messages.
func (r *Report) Addf(sev Severity, code, file string, row, col int, column, text, zh, en string) {
	r.Add(Problem{Severity: sev, Code: code, File: file, Row: row, Col: col, Column: column, Text: text, Zh: zh, En: en})
}

// Merge appends all problems of o.
func (r *Report) Merge(o Report) { r.Problems = append(r.Problems, o.Problems...) }

// Count returns how many problems have severity s.
func (r Report) Count(s Severity) int {
	n := 0
	for _, p := range r.Problems {
		if p.Severity == s {
			n++
		}
	}
	return n
}

// HasErrors reports whether any problem is an Error.
func (r Report) HasErrors() bool { return r.Count(Error) > 0 }

// Err returns the report as an error if it has errors, else nil.
func (r Report) Err() error {
	if !r.HasErrors() {
		return nil
	}
	return &ReportError{Report: r}
}

// Write prints every problem on its own line in lang.
func (r Report) Write(w io.Writer, lang string) error {
	for _, p := range r.Problems {
		if _, err := fmt.Fprintln(w, p.Format(lang)); err != nil {
			return err
		}
	}
	return nil
}

// MarshalJSON keeps an empty report as {"problems": []}.
func (r Report) MarshalJSON() ([]byte, error) {
	ps := r.Problems
	if ps == nil {
		ps = []Problem{}
	}
	return json.Marshal(struct {
		Problems []Problem `json:"problems"`
	}{ps})
}

// ReportError is the error form of a Report that holds errors.
type ReportError struct{ Report Report }

func (e *ReportError) Error() string { return e.Message("en") }

// Message renders the first error in lang, with the count of the others.
func (e *ReportError) Message(lang string) string {
	for _, p := range e.Report.Problems {
		if p.Severity == Error {
			n := e.Report.Count(Error)
			if n > 1 {
				if lang == "zh" {
					return fmt.Sprintf("%s（另有 %d 个错误）", p.Format(lang), n-1)
				}
				return fmt.Sprintf("%s (and %d more errors)", p.Format(lang), n-1)
			}
			return p.Format(lang)
		}
	}
	if lang == "zh" {
		return "没有错误"
	}
	return "no errors"
}

// New builds a single problem.
func New(sev Severity, code, zh, en string) Problem {
	return Problem{Severity: sev, Code: code, Zh: zh, En: en}
}
