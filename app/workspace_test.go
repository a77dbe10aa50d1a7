package app

import (
	"bytes"
	"strings"
	"testing"

	"github.com/nqp-index/nqp/scoring/pipeline"
)

func TestWorkspaceSample(t *testing.T) {
	var w Workspace
	w.LoadSample()
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
	w.LoadSample()
	r := pipeline.Default()
	r.Weights.Method = pipeline.WCRITIC
	w.SetRecipe(r)
	if w.Result == nil || w.Result.CRITIC == nil {
		t.Fatal("CRITIC recipe not applied")
	}
	js1, _ := w.Result.JSON()
	var v Workspace
	if err := v.OpenJSON(w.ProjectJSON()); err != nil {
		t.Fatal(err)
	}
	js2, _ := v.Result.JSON()
	if !bytes.Equal(js1, js2) {
		t.Error("a reopened project does not reproduce the result")
	}
	if err := v.OpenJSON([]byte(`{"schema":"other"}`)); err == nil || !strings.Contains(err.Error(), "project") {
		t.Errorf("bad project error: %v", err)
	}
}

func TestWorkspaceBadFile(t *testing.T) {
	var w Workspace
	w.Load("empty.csv", nil)
	if w.Result != nil || !w.Report.HasErrors() {
		t.Fatal("an empty file must give an error report")
	}
	if !strings.Contains(w.Report.Problems[0].Format("zh"), "empty.csv") {
		t.Errorf("message lacks the file name: %s", w.Report.Problems[0].Format("zh"))
	}
	w.LoadSample()
	bad := w.Recipe
	bad.Weights.Method = "magic"
	w.SetRecipe(bad)
	if w.Recipe.Weights.Method == "magic" || !w.Report.HasErrors() {
		t.Error("an invalid recipe must be refused and reported")
	}
}
