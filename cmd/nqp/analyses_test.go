package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

const scoreAnalysesRecipe = `{"schema":"nqp-recipe/1","rank":{"groups":"region4"},"analyses":[
 {"name":"coupling"},{"name":"dagum"},{"name":"moran","permutations":49},
 {"name":"spatial-markov"},{"name":"sigma"},
 {"name":"ua","n":20,"inputs":[{"name":"w","path":"weights.method","alternatives":["entropy","equal"]}]}]}`

// nqp score runs the recipe's analyses into the JSON, XLSX and -tables.
func TestScoreWithAnalyses(t *testing.T) {
	dir := t.TempDir()
	rf := filepath.Join(dir, "r.json")
	os.WriteFile(rf, []byte(scoreAnalysesRecipe), 0o644)
	js := filepath.Join(dir, "out.json")
	tabs := filepath.Join(dir, "tabs")
	if code, _, e := runCLI("score", "-sample", "-recipe", rf, "-o", js, "-tables", tabs); code != exitOK {
		t.Fatalf("exit %d: %s", code, e)
	}
	var doc struct {
		Analyses []struct {
			ID     string
			Tables []struct{ Name string }
		}
	}
	b, _ := os.ReadFile(js)
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, a := range doc.Analyses {
		ids = append(ids, a.ID)
	}
	if strings.Join(ids, ",") != "coupling,dagum,moran,spatial-markov,sigma,ua" {
		t.Errorf("analyses %v", ids)
	}
	for _, f := range []string{"coupling.csv", "dagum_groups.csv", "moran.csv", "markov_lag4.csv", "sigma.csv", "uncertainty.csv", "scores.csv"} {
		if _, err := os.Stat(filepath.Join(tabs, f)); err != nil {
			t.Errorf("-tables lacks %s", f)
		}
	}
	// the same run twice gives the same bytes
	js2 := filepath.Join(dir, "out2.json")
	runCLI("score", "-sample", "-recipe", rf, "-o", js2)
	if b2, _ := os.ReadFile(js2); string(b) != string(b2) {
		t.Error("two runs differ")
	}
	xl := filepath.Join(dir, "out.xlsx")
	if code, _, e := runCLI("score", "-sample", "-recipe", rf, "-o", xl, "-lang", "en"); code != exitOK {
		t.Fatalf("exit %d: %s", code, e)
	}
	f, err := excelize.OpenFile(xl)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheets := strings.Join(f.GetSheetList(), ",")
	for _, s := range []string{"scores", "coupling", "dagum", "moran", "spatial_markov", "sigma", "uncertainty", "recipe"} {
		if !strings.Contains(","+sheets+",", ","+s+",") {
			t.Errorf("XLSX lacks sheet %s (%s)", s, sheets)
		}
	}
	if v, _ := f.GetCellValue("sigma", "A2"); v != "All" {
		t.Errorf("sigma A2 = %q", v)
	}
	// a recipe with a bad declaration is a usage error naming the field
	os.WriteFile(rf, []byte(`{"schema":"nqp-recipe/1","analyses":[{"name":"kde","kernel":"box"}]}`), 0o644)
	if code, _, e := runCLI("score", "-sample", "-recipe", rf); code != exitUsage || !strings.Contains(e, "analyses[0].kernel") {
		t.Errorf("bad recipe: exit %d: %s", code, e)
	}
	// an analysis that cannot run on the data is a data error naming it
	os.WriteFile(rf, []byte(`{"schema":"nqp-recipe/1","analyses":[{"name":"kde"},{"name":"moran","w":{"entries":[{"i":"北京","j":"天津","w":1}]}}]}`), 0o644)
	if code, _, e := runCLI("score", "-sample", "-recipe", rf, "-lang", "en"); code != exitData || !strings.Contains(e, "analysis moran (analyses[1])") || !strings.Contains(e, "no row and column for unit") {
		t.Errorf("missing units: exit %d: %s", code, e)
	}
}

func TestAnalyzeWeightFile(t *testing.T) {
	dir := t.TempDir()
	// contiguity as a long file gives the built-in contiguity's numbers
	code, want, e := runCLI("analyze", "-sample", "-what", "moran", "-n", "19", "-lang", "en")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, e)
	}
	_, sheet, _ := runCLI("analyze", "-sample", "-what", "moran", "-n", "19", "-lang", "en", "-w", "distance")
	if sheet == want {
		t.Error("-w distance changes nothing")
	}
	wf := filepath.Join(dir, "w.csv")
	os.WriteFile(wf, []byte(",北京,天津\n北京,0,1\n天津,1,0\n"), 0o644)
	code, _, e = runCLI("analyze", "-sample", "-what", "lisa", "-wfile", wf, "-lang", "zh")
	if code != exitData || !strings.Contains(e, "权重矩阵中没有地区") {
		t.Errorf("partial matrix: exit %d: %s", code, e)
	}
	for _, c := range []struct{ text, want string }{
		{",北京,天津\n北京,0,1\n", "not square"},
		{",北京,天津\n北京,0,-2\n天津,1,0\n", "row 北京, column 天津 (-2) must be a non-negative"},
		{",北京,天津\n北京,1,1\n天津,1,0\n", "diagonal (北京, 北京) must be 0"},
		{"i,j,w\n北京,天津,abc\n", `line 2, column 3: "abc" is not a number`},
	} {
		os.WriteFile(wf, []byte(c.text), 0o644)
		code, _, e := runCLI("analyze", "-sample", "-what", "moran", "-wfile", wf, "-lang", "en")
		if code != exitUsage || !strings.Contains(e, c.want) || !strings.Contains(e, wf) {
			t.Errorf("%q: exit %d: %s", c.text, code, e)
		}
	}
}
