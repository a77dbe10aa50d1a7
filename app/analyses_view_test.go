package app

import (
	"math"
	"testing"

	"github.com/nqp-index/nqp/scoring/pipeline"
	"github.com/nqp-index/nqp/scoring/sample"
)

// TestAnalysesCompute declares every analysis suggested for the sample and
// checks that the engine returns their tables, through the worker's codec.
func TestAnalysesCompute(t *testing.T) {
	j := Job{FileName: sample.TechmePanelName, Data: sample.TechmePanelCSV(), Template: "drivers", Recipe: pipeline.Default()}
	o := Compute(j)
	if o.Result == nil {
		t.Fatalf("no result: %v", o.Report)
	}
	sug := SuggestAnalyses(o.Result)
	names := map[string]SuggestedAnalysis{}
	for _, s := range sug {
		names[s.Analysis.Name] = s
	}
	for _, n := range []string{pipeline.ACoupling, pipeline.AObstacle, pipeline.ADagum, pipeline.ATheil, pipeline.ASigma, pipeline.ABeta, pipeline.AMoran, pipeline.AKDE, pipeline.AMarkov, pipeline.AUA} {
		if _, ok := names[n]; !ok {
			t.Errorf("%s is not suggested for the provincial sample", n)
		}
	}
	if s := names[pipeline.ADagum]; s.Analysis.Groups != "region4" {
		t.Errorf("dagum groups %q, want region4", s.Analysis.Groups)
	}
	if s := names[pipeline.AMoran]; s.Analysis.W == nil || s.Analysis.W.Type != pipeline.WContiguity {
		t.Errorf("moran weights %+v, want contiguity", s.Analysis.W)
	}
	if s := names[pipeline.AUA]; s.Analysis.N != 200 {
		t.Errorf("ua N = %d, want 200", s.Analysis.N)
	}
	if s := names[pipeline.AObstacle]; s.Analysis.Top != 5 {
		t.Errorf("obstacle top = %d, want 5", s.Analysis.Top)
	}
	r := j.Recipe
	for _, s := range sug {
		r = WithAnalysis(r, s.Analysis, true)
	}
	var ws Workspace
	if err := ws.SetRecipe(r); err != nil {
		t.Fatal(err)
	}
	j.Recipe = ws.recipe()
	o = Compute(j)
	if o.Result == nil || o.Report.HasErrors() {
		t.Fatalf("no result with the analyses: %v", o.Report)
	}
	for _, p := range o.Report.Problems {
		if p.Code == "analysis-failed" {
			t.Errorf("analysis failed: %s", p.En)
		}
	}
	b, err := EncodeOutcome(o.ForPage())
	if err != nil {
		t.Fatal(err)
	}
	back, err := DecodeOutcome(b)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, a := range back.Result.Analyses {
		got[a.Name] = true
		for _, tb := range a.Tables {
			if len(tb.Header) == 0 || tb.Title.Zh == "" || tb.Title.En == "" {
				t.Errorf("%s: table %s has no header or title", a.ID, tb.Name)
			}
			for _, row := range tb.Rows {
				for _, c := range row {
					if FmtCell(c, En) == "" && c != "" {
						t.Errorf("%s: cell %v formats empty", tb.Name, c)
					}
				}
			}
		}
	}
	for _, s := range sug {
		if !got[s.Analysis.Name] {
			t.Errorf("no tables for %s", s.Analysis.Name)
		}
	}
	// Switching one off removes it.
	r = WithAnalysis(r, pipeline.Analysis{Name: pipeline.AUA}, false)
	if declared(r, pipeline.AUA) || !declared(r, pipeline.AKDE) {
		t.Error("WithAnalysis(off) removed the wrong analyses")
	}
}

func TestFmtCell(t *testing.T) {
	for _, c := range []struct {
		v    any
		want string
	}{{nil, "–"}, {math.NaN(), "–"}, {math.Inf(1), "–"}, {3.0, "3"}, {0.123456, "0.1235"}, {"x", "x"},
		{pipeline.Text{Zh: "东部", En: "East"}, "East"}, {map[string]any{"zh": "东部", "en": "East"}, "East"}} {
		if got := FmtCell(c.v, En); got != c.want {
			t.Errorf("FmtCell(%v) = %q, want %q", c.v, got, c.want)
		}
	}
}

// TestSuggestNotProvinces: no regional or spatial analyses for other units.
func TestSuggestNotProvinces(t *testing.T) {
	o := Compute(Job{FileName: "c.csv", Data: []byte("code,unit,year,a,b\n900001,甲,2020,1,2\n900002,乙,2020,3,1\n900003,丙,2020,2,2\n900001,甲,2021,2,2\n900002,乙,2021,3,3\n900003,丙,2021,1,2\n"), Recipe: pipeline.Default()})
	if o.Result == nil {
		t.Fatalf("no result: %v", o.Report)
	}
	for _, s := range SuggestAnalyses(o.Result) {
		switch s.Analysis.Name {
		case pipeline.ADagum, pipeline.AMoran, pipeline.ATheil:
			t.Errorf("%s suggested for units that are not provinces", s.Analysis.Name)
		}
	}
}
