//go:build !nqppage

package app

import (
	"bytes"

	"github.com/nqp-index/nqp/scoring/diag"
	"github.com/nqp-index/nqp/scoring/export"
	"github.com/nqp-index/nqp/scoring/pipeline"
)

// The engine side of the exports (export_view.go) and of the table viewer
// (tables_view.go).

// workbookOutcome builds the workbook of a computed Job into out (in the
// engine worker) and drops the tables the page already has, so that the
// answer stays small. out.Result is not modified (the engine caches it).
func workbookOutcome(out *Outcome, j Job) {
	if out.Result == nil {
		return
	}
	res := *out.Result
	res.Report = out.Report
	b, err := workbook(&res, j.Lang)
	if err != nil {
		out.Report.Add(diag.New(diag.Error, "xlsx", "无法生成工作簿："+err.Error(), "cannot build the workbook: "+err.Error()))
		return
	}
	out.XLSX = b
	out.Result, out.Table, out.Stats = nil, nil, nil
}

// workbook returns the XLSX workbook of res: every table of
// export.Tables, a notes sheet on the methods (zh and en) and the recipe.
func workbook(res *pipeline.Result, l Lang) ([]byte, error) {
	if l == "" {
		l = Zh
	}
	tables := append(export.Tables(res, string(l)), notesTable(res))
	var b bytes.Buffer
	if err := export.WriteXLSX(&b, tables, res.Recipe.JSON()); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// tablesOutcome answers a JobTable from the result's tables.
func tablesOutcome(ts []export.Table, name string, offset int, l Lang) Outcome {
	var o Outcome
	sel := -1
	for i, t := range ts {
		o.Tables = append(o.Tables, TableInfo{Name: t.Name, Title: t.Title, Rows: len(t.Rows)})
		if t.Name == name {
			sel = i
		}
	}
	if len(ts) == 0 {
		return o
	}
	if sel < 0 {
		sel = 0
	}
	t := ts[sel]
	offset = max(0, min(offset, len(t.Rows)-1))
	offset -= offset % TablePageSize
	p := &TablePage{Name: t.Name, Header: t.Header, Offset: offset, Total: len(t.Rows)}
	for _, row := range t.Rows[offset:min(len(t.Rows), offset+TablePageSize)] {
		cells := make([]string, len(row))
		for j, v := range row {
			cells[j] = FmtCell(v, l)
		}
		p.Rows = append(p.Rows, cells)
	}
	o.Page = p
	return o
}
