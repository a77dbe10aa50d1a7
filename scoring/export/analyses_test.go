package export

import (
	"bytes"
	"math"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/nqp-index/nqp/scoring/pipeline"
)

// The tables of declared analyses follow the result's own tables, in the
// chosen language, with unique sheet-safe names.
func TestAnalysisTables(t *testing.T) {
	r := pipeline.Recipe{}
	r.Weights.Method = pipeline.WManual
	res, err := pipeline.Run(methodInput(), r)
	if err != nil {
		t.Fatal(err)
	}
	base := len(Tables(res, "en"))
	tb := pipeline.AnalysisTable{Name: "scores", Title: pipeline.Text{Zh: "测试", En: "Test"},
		Header: []pipeline.Text{{Zh: "组", En: "Group"}, {Zh: "值", En: "Value"}},
		Rows:   [][]any{{pipeline.Text{Zh: "全部", En: "All"}, 1.5}, {"东部", math.NaN()}, {nil, 3}}}
	long := tb
	long.Name = "a_very_long_analysis_table_name_beyond_31"
	res.Analyses = []pipeline.AnalysisOutput{{ID: "x", Name: "kde", Tables: []pipeline.AnalysisTable{tb, long, long}}}
	for _, lang := range []string{"zh", "en"} {
		ts := Tables(res, lang)
		if len(ts) != base+3 {
			t.Fatalf("%d tables, want %d", len(ts), base+3)
		}
		got := ts[base:]
		if got[0].Name != "scores_2" || got[1].Name != "a_very_long_analysis_table_name" || got[2].Name != "a_very_long_analysis_table_na_2" {
			t.Errorf("names %s, %s, %s", got[0].Name, got[1].Name, got[2].Name)
		}
		want := map[string]string{"zh": "全部", "en": "All"}[lang]
		if got[0].Rows[0][0] != want || got[0].Header[0] != map[string]string{"zh": "组", "en": "Group"}[lang] {
			t.Errorf("%s: row %v header %v", lang, got[0].Rows[0], got[0].Header)
		}
		var b bytes.Buffer
		if err := WriteXLSX(&b, ts, res.Recipe.JSON()); err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenReader(&b)
		if err != nil {
			t.Fatal(err)
		}
		v, _ := f.GetCellValue("scores_2", "A2")
		if v != want {
			t.Errorf("sheet scores_2 A2 = %q", v)
		}
		f.Close()
	}
}
