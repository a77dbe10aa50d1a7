//go:build !nqppage

package app

import (
	"bytes"
	"encoding/json"

	"github.com/nqp-index/nqp/scoring/diag"
	"github.com/nqp-index/nqp/scoring/export"
)

// Engine runs Jobs as the engine's Web Worker does. It keeps the last
// full outcome, so that exporting the result just computed (JobXLSX,
// JobJSON) does not compute it again, and it answers plain jobs with the
// page's share of the outcome only (see ForPage).
type Engine struct {
	key  []byte // the cached job without its kind, language and table page
	data []byte
	full Outcome
	// tables are full's tables in tablesLang (JobTable), made on demand.
	tables     []export.Table
	tablesLang Lang
	// Progress, if set, is told each stage of a computation (Stage*).
	Progress func(stage string)
}

// Do runs j.
func (e *Engine) Do(j Job) Outcome {
	switch j.Kind {
	case JobReadFramework:
		return Compute(j)
	case JobTable:
		full := e.compute(j)
		if full.Result == nil {
			return Outcome{Report: full.Report}
		}
		l := j.Lang
		if l == "" {
			l = Zh
		}
		if e.tables == nil || e.tablesLang != l {
			res := *full.Result
			res.Report = full.Report
			e.tables, e.tablesLang = export.Tables(&res, string(l)), l
		}
		return tablesOutcome(e.tables, j.Table, j.Offset, l)
	case JobXLSX, JobJSON:
		full := e.compute(j)
		out := Outcome{Report: full.Report}
		if full.Result == nil {
			return out
		}
		if j.Kind == JobXLSX {
			out.Result = full.Result
			workbookOutcome(&out, j)
			out.Result = nil
			return out
		}
		res := *full.Result
		res.Report = full.Report
		b, err := res.JSON()
		if err != nil {
			out.Report.Add(diag.New(diag.Error, "json", "无法生成 JSON："+err.Error(), "cannot write the JSON: "+err.Error()))
			return out
		}
		out.JSON = b
		return out
	}
	return e.compute(j).ForPage()
}

// compute returns the full outcome of j, from the cache when j's data,
// framework and recipe are those of the last job.
func (e *Engine) compute(j Job) Outcome {
	k := j
	k.Kind, k.Lang, k.Data, k.Table, k.Offset = "", "", nil, "", 0
	key, _ := json.Marshal(k)
	if e.key != nil && bytes.Equal(key, e.key) && bytes.Equal(j.Data, e.data) {
		return e.full
	}
	plain := j
	plain.Kind = ""
	e.full, e.key, e.data = compute(plain, e.Progress), key, j.Data
	e.tables = nil
	return e.full
}

// ForPage returns the part of an outcome the page works with: everything
// but the result's intermediate tables of observation size (raw,
// denominated, imputed, screened and treated values, the imputed and
// treated cells, the screen's lines, the whole-matrix aggregations'
// details), which the exports and the table viewer take from the engine.
// The receiver is not modified.
func (o Outcome) ForPage() Outcome {
	if o.Result == nil {
		return o
	}
	r := *o.Result
	r.Raw, r.Denominated, r.Imputed, r.Screened, r.Treated = nil, nil, nil, nil, nil
	r.ImputedCells, r.TreatedPoints, r.ScreenSummary, r.AggregateDetails = nil, nil, nil, nil
	o.Result = &r
	return o
}
