package export

import (
	"fmt"

	"github.com/nqp-index/nqp/scoring/pipeline"
)

// AnalysisTable converts a table of a declared analysis to lang.
func AnalysisTable(t pipeline.AnalysisTable, lang string) Table {
	out := Table{Name: t.Name, Title: t.Title.In(lang), Header: make([]string, len(t.Header)), Rows: make([][]any, len(t.Rows))}
	for i, h := range t.Header {
		out.Header[i] = h.In(lang)
	}
	for i, row := range t.Rows {
		out.Rows[i] = make([]any, len(row))
		for j, v := range row {
			if x, ok := v.(pipeline.Text); ok {
				v = x.In(lang)
			}
			out.Rows[i][j] = v
		}
	}
	return out
}

// analysisTables returns the tables of the result's declared analyses, in
// order, with sheet-safe unique names (at most 31 characters, distinct
// from the names in taken).
func analysisTables(res *pipeline.Result, lang string, taken []Table) []Table {
	used := map[string]bool{"recipe": true}
	for _, t := range taken {
		used[t.Name] = true
	}
	var ts []Table
	for _, a := range res.Analyses {
		for _, t := range a.Tables {
			x := AnalysisTable(t, lang)
			name := x.Name
			if len(name) > 31 {
				name = name[:31]
			}
			for n := 2; used[name]; n++ {
				suf := fmt.Sprintf("_%d", n)
				base := x.Name
				if len(base)+len(suf) > 31 {
					base = base[:31-len(suf)]
				}
				name = base + suf
			}
			used[name] = true
			x.Name = name
			ts = append(ts, x)
		}
	}
	return ts
}
