package app

import (
	"bytes"
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/nqp-index/nqp/scoring/pipeline"
	"github.com/nqp-index/nqp/scoring/sample"
)

// TestEngineAnswer runs the sample as the worker does (Engine.Do, then the
// codec) and checks that the page receives exactly the outcome's page
// share: its JSON equals the computed outcome's once the intermediate
// tables are dropped, NaN cells included.
func TestEngineAnswer(t *testing.T) {
	r := pipeline.Default()
	r.Impute.Method = pipeline.ImpNone // keep NaN cells in the result
	j := Job{FileName: sample.TechmePanelName, Data: sample.TechmePanelCSV(), Template: "drivers", Recipe: r}
	full := Compute(j)
	if full.Result == nil || full.Result.Raw == nil {
		t.Fatalf("no result: %v", full.Report)
	}
	nan := 0
	for _, row := range full.Result.Normalised {
		for _, v := range row {
			if math.IsNaN(v) {
				nan++
			}
		}
	}
	if nan == 0 {
		t.Fatal("the test needs missing values in the normalised table")
	}
	var e Engine
	b, err := EncodeOutcome(e.Do(j))
	if err != nil {
		t.Fatal(err)
	}
	got, err := DecodeOutcome(b)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Result.Raw) != 0 || len(got.Result.Treated) != 0 || len(got.Result.Imputed) != 0 {
		t.Error("the page outcome carries the intermediate tables")
	}
	if got.Model == nil {
		t.Errorf("no frozen model: %s", got.ModelErr)
	}
	want, _ := json.Marshal(full.ForPage())
	have, _ := json.Marshal(got)
	if !bytes.Equal(want, have) {
		t.Errorf("decoded outcome differs from the computed one (%d vs %d bytes of JSON):\n%s", len(have), len(want), firstDiff(want, have))
	}
	if full.Result.Raw == nil {
		t.Error("ForPage modified the full outcome")
	}
	// The JSON export is the full result, as job.Run and nqp score write it.
	je := j
	je.Kind = JobJSON
	o := e.Do(je)
	res := *full.Result
	wantJSON, _ := res.JSON()
	if !bytes.Equal(o.JSON, wantJSON) || o.Result != nil {
		t.Errorf("JSON export: %d bytes, want %d", len(o.JSON), len(wantJSON))
	}
}

// TestEngineCache: an export of the job just computed reuses its outcome,
// and a change of data or recipe computes again.
func TestEngineCache(t *testing.T) {
	j := Job{FileName: sample.TechmePanelName, Data: sample.TechmePanelCSV(), Template: "drivers", Recipe: pipeline.Default()}
	var e Engine
	e.Do(j)
	first := e.full.Result
	je := j
	je.Kind, je.Lang = JobJSON, En
	e.Do(je)
	if e.full.Result != first {
		t.Error("the JSON export computed the job again")
	}
	j2 := j
	j2.Data = append([]byte(nil), j.Data...)
	j2.Data[len(j2.Data)-2] ^= 1 // another digit in the last cell
	e.Do(j2)
	if e.full.Result == first {
		t.Error("changed data: the cached outcome was used")
	}
	second := e.full.Result
	j3 := j2
	one := 1.0
	j3.Recipe.Aggregate.Scale = &one
	e.Do(j3)
	if e.full.Result == second {
		t.Error("changed recipe: the cached outcome was used")
	}
}

func firstDiff(a, b []byte) string {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			lo := max(0, i-150)
			return string(a[lo:min(len(a), i+100)]) + "\n---\n" + string(b[lo:min(len(b), i+100)])
		}
	}
	return "prefix"
}

// TestEngineTables: the table viewer's pages come from the engine's full
// outcome: the raw values (which the page does not hold) page by page.
func TestEngineTables(t *testing.T) {
	j := Job{FileName: sample.TechmePanelName, Data: sample.TechmePanelCSV(), Template: "drivers", Recipe: pipeline.Default()}
	full := Compute(j)
	var e Engine
	j.Kind, j.Lang, j.Table, j.Offset = JobTable, En, "raw", 30
	o := e.Do(j)
	if o.Page == nil {
		t.Fatalf("no page: %v", o.Report)
	}
	names := map[string]int{}
	for _, ti := range o.Tables {
		names[ti.Name] = ti.Rows
	}
	n := len(full.Result.Rows)
	if names["raw"] != n || names["normalised"] != n || names["scores"] != n {
		t.Errorf("tables %v, want raw, normalised and scores with %d rows", names, n)
	}
	p := o.Page
	if p.Name != "raw" || p.Offset != 25 || p.Total != n || len(p.Rows) != TablePageSize {
		t.Fatalf("page %s offset %d total %d rows %d", p.Name, p.Offset, p.Total, len(p.Rows))
	}
	res := full.Result
	for k, row := range p.Rows {
		i := p.Offset + k
		if row[1] != res.Units[res.Rows[i].Unit].Code {
			t.Fatalf("row %d: unit %s, want %s", i, row[1], res.Units[res.Rows[i].Unit].Code)
		}
		for jj := range res.Indicators {
			if want := FmtCell(res.Raw[i][jj], En); row[3+jj] != want {
				t.Errorf("raw[%d][%d] shown %s, want %s", i, jj, row[3+jj], want)
			}
		}
	}
	// The last page is short; an unknown table gives the first.
	j.Offset = n + 100
	if o := e.Do(j); o.Page.Offset != (n-1)/TablePageSize*TablePageSize || len(o.Page.Rows) != n-o.Page.Offset {
		t.Errorf("last page: offset %d, %d rows", o.Page.Offset, len(o.Page.Rows))
	}
	j.Table, j.Offset = "nonesuch", 0
	if o := e.Do(j); o.Page.Name != "scores" {
		t.Errorf("unknown table gave %s", o.Page.Name)
	}
}

// TestEngineProgress: the engine reports its stages in order, the
// analyses' only when the recipe declares some; a cached job reports none.
func TestEngineProgress(t *testing.T) {
	var got []string
	e := Engine{Progress: func(s string) { got = append(got, s) }}
	j := Job{FileName: sample.TechmePanelName, Data: sample.TechmePanelCSV(), Template: "drivers", Recipe: pipeline.Default()}
	e.Do(j)
	if strings.Join(got, ",") != StageRead+","+StageScore {
		t.Errorf("stages %v", got)
	}
	got = nil
	j.Kind = JobJSON
	e.Do(j)
	if len(got) != 0 {
		t.Errorf("a cached job reported %v", got)
	}
	got = nil
	j.Kind = ""
	j.Recipe.Analyses = []pipeline.Analysis{{Name: pipeline.ASigma}}
	e.Do(j)
	if strings.Join(got, ",") != StageRead+","+StageScore+","+StageAnalyse {
		t.Errorf("stages with an analysis %v", got)
	}
}
