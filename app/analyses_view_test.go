package app

import (
	"math"
	"strings"
	"testing"

	"github.com/nqp-index/nqp/scoring/pipeline"
	"github.com/nqp-index/nqp/scoring/region"
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

// TestSuggestNotProvinces: regional and spatial analyses are listed for
// other units, each saying why it cannot run.
func TestSuggestNotProvinces(t *testing.T) {
	o := Compute(Job{FileName: "c.csv", Data: []byte("code,unit,year,a,b\n900001,甲,2020,1,2\n900002,乙,2020,3,1\n900003,丙,2020,2,2\n900001,甲,2021,2,2\n900002,乙,2021,3,3\n900003,丙,2021,1,2\n"), Recipe: pipeline.Default()})
	if o.Result == nil {
		t.Fatalf("no result: %v", o.Report)
	}
	why := map[string]string{}
	for _, s := range SuggestAnalyses(o.Result) {
		why[s.Analysis.Name] = s.why(En)
	}
	for name, want := range map[string]string{
		pipeline.ADagum: "cannot run: no groups", pipeline.ATheil: "cannot run: no groups",
		pipeline.AMoran: "cannot run: the units are not provinces, so there are no built-in spatial weights: upload a weights matrix CSV",
		pipeline.ABeta:  "cannot run: needs at least 3 periods",
	} {
		if !strings.HasPrefix(why[name], want) {
			t.Errorf("%s: why %q, want %q", name, why[name], want)
		}
	}
}

// anCountyCSV is a county panel: 3 counties of 嘉兴市 and 3 of 湖州市, their
// names in several forms, two periods.
const anCountyCSV = "县区,地级市,年份,GDP,专利\n" +
	"嘉善县,嘉兴市,2022,1,5\n平湖,嘉兴市,2022,2,3\n330483,嘉兴市,2022,3,4\n德清县,湖州市,2022,4,1\n长兴,湖州市,2022,5,2\n安吉县,湖州市,2022,6,6\n" +
	"嘉善县,嘉兴市,2023,2,5\n平湖,嘉兴市,2023,3,4\n330483,嘉兴市,2023,3,5\n德清县,湖州市,2023,5,2\n长兴,湖州市,2023,5,3\n安吉县,湖州市,2023,7,6\n"

// TestSuggestCounties: county units are recognised with their
// prefectures, Dagum and Theil run by prefecture, and Moran's I says why
// until a weights matrix is uploaded, then runs with it.
func TestSuggestCounties(t *testing.T) {
	j := Job{FileName: "c.csv", Data: []byte(anCountyCSV), Recipe: pipeline.Default()}
	o := Compute(j)
	if o.Result == nil {
		t.Fatalf("no result: %v", o.Report)
	}
	d := DivisionsOf(o.Result)
	if d.Level != region.LevelCounty || d.Units != 6 || len(d.Prefectures) != 2 {
		t.Fatalf("divisions %+v", d)
	}
	if got, want := unitsNote(Zh, d), "6 个县级地区，分属 2 个地级市：嘉兴市 3、湖州市 3"; got != want {
		t.Errorf("units note %q, want %q", got, want)
	}
	byName := func(sug []SuggestedAnalysis) map[string]SuggestedAnalysis {
		m := map[string]SuggestedAnalysis{}
		for _, s := range sug {
			m[s.Analysis.Name] = s
		}
		return m
	}
	m := byName(SuggestAnalyses(o.Result))
	for _, n := range []string{pipeline.ADagum, pipeline.ATheil} {
		if s := m[n]; s.Why != "" || s.Analysis.Groups != "prefecture" {
			t.Errorf("%s: %+v, want by prefecture", n, s)
		}
	}
	if got := m[pipeline.AMoran].why(Zh); got != "无法进行：县级地区没有内置空间权重，请上传空间权重矩阵 CSV" {
		t.Errorf("moran why %q", got)
	}
	w, err := WeightsFromCSV([]byte("i,j,w\n嘉善,平湖,1\n平湖,嘉善,1\n平湖,桐乡,1\n桐乡,平湖,1\n桐乡,德清,1\n德清,桐乡,1\n德清,长兴,1\n长兴,德清,1\n长兴,安吉,1\n安吉,长兴,1\n"))
	if err != nil {
		t.Fatal(err)
	}
	m = byName(SuggestAnalyses(o.Result, w))
	if s := m[pipeline.AMoran]; s.Why != "" || s.Analysis.W != w || s.Key != "an_moran_w" {
		t.Fatalf("moran with the matrix: %+v", s)
	}
	r := j.Recipe
	for _, n := range []string{pipeline.ADagum, pipeline.ATheil, pipeline.AMoran} {
		r = WithAnalysis(r, m[n].Analysis, true)
	}
	var ws Workspace
	if err := ws.SetRecipe(r); err != nil {
		t.Fatal(err)
	}
	j.Recipe = ws.recipe()
	o = Compute(j)
	if o.Result == nil {
		t.Fatalf("no result: %v", o.Report)
	}
	for _, p := range o.Report.Problems {
		if p.Code == "analysis-failed" {
			t.Errorf("analysis failed: %s", p.En)
		}
	}
	tables := map[string]pipeline.AnalysisTable{}
	for _, a := range o.Result.Analyses {
		for _, tb := range a.Tables {
			tables[tb.Name] = tb
		}
	}
	g := tables["theil_groups"]
	if len(g.Rows) != 4 || g.Rows[0][1] != "嘉兴市" && g.Rows[0][1] != "湖州市" {
		t.Errorf("theil groups %v", g.Rows)
	}
	if mo := tables["moran"]; len(mo.Rows) != 2 {
		t.Errorf("moran rows %v", mo.Rows)
	}
	// a bad matrix is refused with its line
	for text, want := range map[string]string{
		",a,b\na,0,1\n":        "not square",
		",a,b\na,0,x\nb,1,0\n": `line 2, column 3: "x" is not a number`,
		"i,j,w\na,a,1\n":       "diagonal",
		",甲\n\xb8\xa3,0\n":     "must be UTF-8",
	} {
		_, err := WeightsFromCSV([]byte(text))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: %v, want %q", text, err, want)
		}
	}
}

// TestFormerNamesOption: the load options' former-names table maps 襄樊 to
// 襄阳市 (420600); a bad table is reported and not used.
func TestFormerNamesOption(t *testing.T) {
	data := []byte("城市,年份,x,y\n襄樊,2022,1,2\n武汉市,2022,2,1\n宜昌,2022,3,3\n")
	o := Compute(Job{FileName: "c.csv", Data: data, Recipe: pipeline.Default(), Ingest: IngestOptions{FormerNames: "襄樊,襄阳\n"}})
	if o.Result == nil {
		t.Fatalf("no result: %v", o.Report)
	}
	var got []string
	for _, u := range o.Result.Units {
		got = append(got, u.Code+" "+u.Name)
	}
	if strings.Join(got, "; ") != "420100 武汉市; 420500 宜昌市; 420600 襄阳市" {
		t.Errorf("units %v", got)
	}
	o = Compute(Job{FileName: "c.csv", Data: data, Recipe: pipeline.Default(), Ingest: IngestOptions{FormerNames: "襄樊,襄阳\n襄樊,襄州\n"}})
	found := false
	for _, p := range o.Report.Problems {
		if p.Code == "bad-former-names" && strings.Contains(p.Zh, "曾用名对照表未使用：曾用名文件第 2 行的“襄樊”已在第 1 行出现") {
			found = true
		}
	}
	if !found {
		t.Errorf("bad table not reported: %v", o.Report)
	}
	if o.Result == nil || o.Result.Units[len(o.Result.Units)-1].Name != "襄樊" {
		t.Errorf("without the table 襄樊 should be kept as written")
	}
}
