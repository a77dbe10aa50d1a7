package app

import (
	"bytes"
	"encoding/json"
	"math"
	"slices"
	"testing"

	"github.com/nqp-index/nqp/scoring/framework"
	"github.com/nqp-index/nqp/scoring/pipeline"
)

func drivers(t *testing.T) *framework.Framework {
	t.Helper()
	f, err := framework.Template("drivers")
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestEditFrameworkOps(t *testing.T) {
	f := drivers(t)
	before := f.Clone()
	edit := func(f *framework.Framework, e FwEdit) *framework.Framework {
		t.Helper()
		g, rep := EditFramework(f, e)
		if g == nil {
			t.Fatalf("%+v refused: %v", e, rep.Problems)
		}
		return g
	}
	refuse := func(f *framework.Framework, e FwEdit, code string) {
		t.Helper()
		g, rep := EditFramework(f, e)
		if g != nil || !rep.HasErrors() {
			t.Fatalf("%+v accepted", e)
		}
		if code != "" && rep.Problems[0].Code != code {
			t.Errorf("%+v: problem %q, want %q", e, rep.Problems[0].Code, code)
		}
	}

	g := edit(f, FwEdit{Op: FwAdd, Parent: "tech_innovation", NewCode: "patents_granted", NameZh: "专利授权数", NameEn: "Patents granted"})
	if n := g.Node("patents_granted"); n == nil || n.Parent != "tech_innovation" || n.Weight != 1 || n.NameEn != "Patents granted" {
		t.Errorf("added node: %+v", n)
	}
	if len(f.Nodes) != len(before.Nodes) {
		t.Error("EditFramework changed its input")
	}
	refuse(g, FwEdit{Op: FwAdd, Parent: "Index", NewCode: "patents_granted"}, "fw-duplicate")
	refuse(g, FwEdit{Op: FwAdd, Parent: "nowhere", NewCode: "x"}, "fw-no-parent")
	refuse(g, FwEdit{Op: FwAdd, Parent: "Index", NewCode: " "}, "fw-empty-code")

	g = edit(g, FwEdit{Op: FwRename, Code: "tech_innovation", NameZh: "科技创新力", NameEn: "Innovation"})
	if n := g.Node("tech_innovation"); n.NameZh != "科技创新力" || n.NameEn != "Innovation" {
		t.Errorf("renamed: %+v", n)
	}
	g = edit(g, FwEdit{Op: FwRename, Code: "talent", NewCode: "people", NameZh: "人才"})
	if g.Node("talent") != nil || len(g.Children("people")) != 3 {
		t.Errorf("code change: children of people %v", g.Children("people"))
	}
	refuse(g, FwEdit{Op: FwRename, Code: "people", NewCode: "Index"}, "fw-duplicate")
	refuse(g, FwEdit{Op: FwRename, Code: "nope"}, "fw-no-node")

	g = edit(g, FwEdit{Op: FwMove, Code: "sci_papers", Parent: "people"})
	if g.Node("sci_papers").Parent != "people" {
		t.Error("move")
	}
	refuse(g, FwEdit{Op: FwMove, Code: "people", Parent: "rd_fte"}, "fw-cycle")
	refuse(g, FwEdit{Op: FwMove, Code: "people", Parent: "people"}, "fw-cycle")
	refuse(g, FwEdit{Op: FwMove, Code: "Index", Parent: "people"}, "fw-move-root")
	refuse(g, FwEdit{Op: FwMove, Code: "people", Parent: "nowhere"}, "fw-no-parent")

	n := len(g.Nodes)
	g = edit(g, FwEdit{Op: FwDelete, Code: "future_industries"}) // an aggregate and its two indicators
	if len(g.Nodes) != n-3 || g.Node("nev_output") != nil {
		t.Errorf("delete subtree: %d nodes, want %d", len(g.Nodes), n-3)
	}
	refuse(g, FwEdit{Op: FwDelete, Code: "Index"}, "fw-delete-root")

	g = edit(g, FwEdit{Op: FwDirection, Code: "energy_intensity", Direction: framework.Direction{Kind: framework.Interval, Lo: 0.2, Hi: 0.5}})
	if d := g.Node("energy_intensity").Direction; d.Kind != framework.Interval || d.Hi != 0.5 {
		t.Errorf("direction %+v", d)
	}
	refuse(g, FwEdit{Op: FwDirection, Code: "energy_intensity", Direction: framework.Direction{Kind: framework.Interval, Lo: 2, Hi: 1}}, framework.CodeBadDirection)
	refuse(g, FwEdit{Op: FwDirection, Code: "energy_intensity", Direction: framework.Direction{Kind: framework.Moderate, Best: math.NaN()}}, framework.CodeBadDirection)

	g = edit(g, FwEdit{Op: FwWeight, Code: "tech_innovation", Weight: 2.5})
	if g.Node("tech_innovation").Weight != 2.5 {
		t.Error("weight")
	}
	refuse(g, FwEdit{Op: FwWeight, Code: "tech_innovation", Weight: -1}, "fw-bad-weight")
	// Every child of an aggregate at weight 0 is refused by Validate.
	g2 := g
	for _, ch := range g.Children("people") {
		if c := g2.Children("people"); c[len(c)-1] == ch {
			refuse(g2, FwEdit{Op: FwWeight, Code: ch, Weight: 0}, framework.CodeZeroWeightGroup)
			break
		}
		g2 = edit(g2, FwEdit{Op: FwWeight, Code: ch, Weight: 0})
	}
	refuse(g, FwEdit{Op: "explode", Code: "Index"}, "fw-bad-edit")
	if rep := g.Validate(); rep.HasErrors() {
		t.Errorf("edited framework invalid: %v", rep.Problems)
	}
}

func TestBuildFromScratch(t *testing.T) {
	g, rep := EditFramework(NewFramework(), FwEdit{Op: FwAdd, Parent: "Index", NewCode: "inno", NameZh: "创新"})
	if g == nil {
		t.Fatal(rep.Problems)
	}
	for _, c := range []string{"rd_intensity_pct", "sci_papers"} {
		if g, rep = EditFramework(g, FwEdit{Op: FwAdd, Parent: "inno", NewCode: c}); g == nil {
			t.Fatal(rep.Problems)
		}
	}
	if got := g.Leaves(); !slices.Equal(got, []string{"rd_intensity_pct", "sci_papers"}) {
		t.Errorf("leaves %v", got)
	}
	// From nothing at all: the first node becomes the root.
	if g, _ := EditFramework(nil, FwEdit{Op: FwAdd, NewCode: "Root"}); g == nil || g.Root() != "Root" {
		t.Error("first node is not the root")
	}
	if f := FrameworkFromColumns([]string{"a", "b"}); len(f.Leaves()) != 2 || f.Validate().HasErrors() {
		t.Error("FrameworkFromColumns")
	}
}

// A custom framework goes with the Job, replaces the template, is saved in
// the project and restored; edits change the result.
func TestWorkspaceCustomFramework(t *testing.T) {
	var w Workspace
	w.SetSample()
	w.Run()
	if w.Result == nil || w.FwUsed == nil || w.FwMatch == nil {
		t.Fatalf("no result or framework: %v", w.Report.Problems)
	}
	if len(w.FwMatch.Present) != 7 || len(w.FwMatch.Missing) != 9 || len(w.FwMatch.Extra) != 13 {
		t.Errorf("drivers match: %d present, %d missing, %d extra", len(w.FwMatch.Present), len(w.FwMatch.Missing), len(w.FwMatch.Extra))
	}
	if len(w.FwUsed.Leaves()) != 16 {
		t.Errorf("the outcome's framework has %d indicators, want the full template's 16", len(w.FwUsed.Leaves()))
	}
	n := len(w.Result.Indicators)
	if !w.EditFramework(FwEdit{Op: FwDelete, Code: "sci_papers"}) {
		t.Fatal(w.FwReport.Problems)
	}
	if !w.EditFramework(FwEdit{Op: FwRename, Code: "tech_innovation", NameZh: "科创", NameEn: "Innovation"}) {
		t.Fatal(w.FwReport.Problems)
	}
	if w.EditFramework(FwEdit{Op: FwDelete, Code: "Index"}) || !w.FwReport.HasErrors() {
		t.Error("deleting the root was accepted")
	}
	if w.Job().Framework == nil {
		t.Fatal("the Job has no custom framework")
	}
	// The job travels as JSON to the worker.
	b, _ := json.Marshal(w.Job())
	var j Job
	if err := json.Unmarshal(b, &j); err != nil || j.Framework == nil || j.Framework.Node("sci_papers") != nil {
		t.Fatalf("job round trip: %v", err)
	}
	w.Run()
	if w.Result == nil {
		t.Fatalf("no result: %v", w.Report.Problems)
	}
	if len(w.Result.Indicators) != n-1 || slices.Contains(w.Result.Indicators, "sci_papers") {
		t.Errorf("indicators %v after deleting sci_papers (had %d)", w.Result.Indicators, n)
	}
	if got := w.Result.Framework.Node("tech_innovation").NameZh; got != "科创" {
		t.Errorf("renamed dimension scored as %q", got)
	}
	// Saved and restored with the project.
	var w2 Workspace
	if err := w2.OpenJSON(w.ProjectJSON()); err != nil {
		t.Fatal(err)
	}
	w2.Run()
	if w2.FwCustom == nil || w2.Result == nil || len(w2.Result.Indicators) != n-1 {
		t.Errorf("restored project lost the custom framework")
	}
	// Picking a template drops it.
	w2.UseTemplate("drivers")
	w2.Run()
	if w2.FwCustom != nil || len(w2.Result.Indicators) != n {
		t.Errorf("template after a custom framework: %d indicators", len(w2.Result.Indicators))
	}
}

// An imported framework file is used as it is; export and re-import keep it.
func TestWorkspaceImportExport(t *testing.T) {
	var w Workspace
	w.SetSample()
	w.Run()
	var js, im bytes.Buffer
	if err := w.Framework().WriteJSON(&js); err != nil {
		t.Fatal(err)
	}
	if err := w.Framework().WriteIMetaCSV(&im); err != nil {
		t.Fatal(err)
	}
	for name, b := range map[string][]byte{"fw.json": js.Bytes(), "fw.csv": im.Bytes()} {
		f, rep, err := framework.Read(name, b)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var w2 Workspace
		w2.SetSample()
		w2.SetFramework(f, rep)
		w2.Run()
		if w2.Result == nil || len(w2.Result.Indicators) != 7 {
			t.Errorf("%s: imported framework did not score the 7 indicators: %v", name, w2.Report.Problems)
		}
	}
	// A broken file is reported and not used.
	f, rep, _ := framework.Read("bad.csv", []byte("code,name,dimension,weight\na,A,D,-1\n"))
	w.SetFramework(f, rep)
	if w.FwCustom != nil || !w.FwReport.HasErrors() {
		t.Error("an invalid framework file was accepted")
	}
}

// The check step: statistics and the data table come with the outcome,
// NaN survives JSON as null, and problems locate their cells.
func TestCheckOutcome(t *testing.T) {
	csv := "地区,年份,专利,研发\n北京,2022,10,5\n北京,2023,12,x\n上海,2022,8,9\n上海,2023,9,10\n广东,2023,12,3\n"
	o := Compute(Job{FileName: "bad.csv", Data: []byte(csv), Recipe: pipeline.Default()})
	if o.Table == nil || len(o.Stats) != 2 || len(o.Table.Rows) != 5 {
		t.Fatalf("table %v stats %v; %v", o.Table, o.Stats, o.Report.Problems)
	}
	b, err := json.Marshal(o)
	if err != nil {
		t.Fatal(err)
	}
	var back Outcome
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if back.Table.Missing() != 1 || o.Stats[1].Missing != 1 {
		t.Errorf("missing cells after JSON: %d", back.Table.Missing())
	}
	found := false
	for _, p := range back.Report.Problems {
		if p.Code != "non-numeric" {
			continue
		}
		found = true
		row, col := back.Table.Locate(p)
		if row < 0 || col != 1 || !math.IsNaN(back.Table.Rows[row].Values[col]) || back.Table.Units[back.Table.Rows[row].Unit] != "北京" {
			t.Errorf("non-numeric cell %+v located at row %d col %d", p, row, col)
		}
	}
	if !found {
		t.Errorf("no non-numeric problem: %v", back.Report.Problems)
	}
	// Paging and the missing-only filter.
	var v CheckView
	big := &DataTable{Columns: []string{"a"}, Sources: []int{2}}
	for i := range 527 {
		x := float64(i)
		if i%100 == 7 {
			x = math.NaN()
		}
		big.Rows = append(big.Rows, TableRow{Line: i + 2, Values: Values{x}})
	}
	v.Reset(big)
	if w := v.Window(); len(w) != PageSize || w[0] != 0 {
		t.Errorf("first window %v", w)
	}
	v.Page(1 << 30)
	if w := v.Window(); len(w) != 27 || w[0] != 500 {
		t.Errorf("last window starts at %d, %d rows", w[0], len(w))
	}
	v.SetMissingOnly(big, true)
	if v.Visible() != 6 {
		t.Errorf("%d rows with missing values, want 6", v.Visible())
	}
	v.Highlight(big, 300, 0) // not missing: the filter goes off
	if v.MissingOnly || v.Start != 300 || v.HlRow != 300 {
		t.Errorf("highlight: %+v", v)
	}
	if r, c := big.Locate(o.Report.Problems[0]); r != -1 && c != -1 {
		t.Logf("located %d %d", r, c)
	}
	// Values: shortest numbers, null for NaN.
	vb, _ := json.Marshal(Values{1, math.NaN(), 0.25})
	if string(vb) != "[1,null,0.25]" {
		t.Errorf("values JSON %s", vb)
	}
	var vv Values
	if err := json.Unmarshal([]byte("[]"), &vv); err != nil || len(vv) != 0 {
		t.Errorf("empty values: %v %v", vv, err)
	}
}
