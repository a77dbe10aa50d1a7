package app

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/nqp-index/nqp/scoring/pipeline"
)

func TestWorkspaceSample(t *testing.T) {
	var w Workspace
	w.SetSample()
	w.Run()
	if w.Result == nil {
		t.Fatalf("no result: %v", w.Report)
	}
	rows := w.Ranking()
	if len(rows) != 31 || rows[0].Rank != 1 || rows[30].Rank != 31 {
		t.Fatalf("ranking of the last period: %d rows", len(rows))
	}
	if w.Result.Periods[w.Period].Label != "2023" {
		t.Errorf("default period %s, want the latest (2023)", w.Result.Periods[w.Period].Label)
	}
	if !bytes.HasPrefix(w.CSV(), []byte("\ufeff")) {
		t.Error("CSV lacks the BOM")
	}
}

func TestWorkspaceProjectRoundTrip(t *testing.T) {
	var w Workspace
	w.SetSample()
	r := pipeline.Default()
	r.Weights.Method = pipeline.WCRITIC
	if err := w.SetRecipe(r); err != nil {
		t.Fatal(err)
	}
	w.Run()
	if w.Result == nil || w.Result.CRITIC == nil {
		t.Fatal("CRITIC recipe not applied")
	}
	w.Charts = ChartChoice{Kind: ChartTrend, Units: []string{"110000", "310000"}}
	js1, _ := w.Result.JSON()
	var v Workspace
	if err := v.OpenJSON(w.ProjectJSON()); err != nil {
		t.Fatal(err)
	}
	v.Run()
	js2, _ := v.Result.JSON()
	if !bytes.Equal(js1, js2) {
		t.Error("a reopened project does not reproduce the result")
	}
	if v.Charts.Kind != ChartTrend || strings.Join(v.Charts.Units, ",") != "110000,310000" {
		t.Errorf("chart choice not restored: %+v", v.Charts)
	}
	if err := v.OpenJSON([]byte(`{"schema":"other"}`)); err == nil || !strings.Contains(err.Error(), "project") {
		t.Errorf("bad project error: %v", err)
	}
}

func TestWorkspaceBadFile(t *testing.T) {
	var w Workspace
	w.SetData("empty.csv", nil)
	w.Run()
	if w.Result != nil || !w.Report.HasErrors() {
		t.Fatal("an empty file must give an error report")
	}
	if !strings.Contains(w.Report.Problems[0].Format("zh"), "empty.csv") {
		t.Errorf("message lacks the file name: %s", w.Report.Problems[0].Format("zh"))
	}
	w.SetSample()
	w.Run()
	bad := w.Recipe
	bad.Weights.Method = "magic"
	if err := w.SetRecipe(bad); err == nil || w.Recipe.Weights.Method == "magic" {
		t.Error("an invalid recipe must be refused and reported")
	}
}

// The worker sends the Outcome as JSON; the page must get the same result.
func TestOutcomeJSONRoundTrip(t *testing.T) {
	var w Workspace
	w.SetSample()
	o := Compute(w.Job())
	b, err := json.Marshal(o)
	if err != nil {
		t.Fatal(err)
	}
	var back Outcome
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	a1, _ := o.Result.JSON()
	a2, _ := back.Result.JSON()
	if !bytes.Equal(a1, a2) || len(back.Report.Problems) != len(o.Report.Problems) || *back.Summary != *o.Summary {
		t.Error("Outcome does not survive JSON")
	}
}
