package job

import (
	"strings"
	"testing"

	"github.com/nqp-index/nqp/scoring/diag"
	"github.com/nqp-index/nqp/scoring/framework"
	"github.com/nqp-index/nqp/scoring/pipeline"
)

func TestKeepForData(t *testing.T) {
	for _, c := range []struct {
		matched, columns int
		keep             bool
	}{{0, 0, false}, {0, 3, false}, {1, 2, true}, {1, 3, false}, {2, 4, true}, {3, 7, false}, {3, 6, true}, {8, 16, true}, {7, 20, false}} {
		if got := framework.KeepForData(c.matched, c.columns); got != c.keep {
			t.Errorf("KeepForData(%d, %d) = %v, want %v", c.matched, c.columns, got, c.keep)
		}
	}
}

// choiceData has 7 numeric columns of which 3 (R&D经费投入强度, SCI论文数,
// 单位GDP能耗) are indicators of the drivers template; without the last
// column (常住人口) 3 of 6 match.
func choiceData(withPop bool) []byte {
	h := "地区,年份,R&D经费投入强度,SCI论文数,单位GDP能耗,人均GDP,城镇登记失业率,森林覆盖率"
	rows := []string{"北京,2020,6.4,50000,0.21,16.5,3.1,44", "上海,2020,4.2,30000,0.30,15.6,3.7,18", "广东,2020,3.1,25000,0.33,8.8,2.5,58", "江苏,2020,2.9,28000,0.31,12.1,3.2,24"}
	pop := []string{"2189", "2488", "12601", "8475"}
	if withPop {
		h += ",常住人口"
		for i := range rows {
			rows[i] += "," + pop[i]
		}
	}
	return []byte(h + "\n" + strings.Join(rows, "\n") + "\n")
}

func problem(rep diag.Report, code string) *diag.Problem {
	for i, p := range rep.Problems {
		if p.Code == code {
			return &rep.Problems[i]
		}
	}
	return nil
}

func TestFollowFallsBackToAllColumns(t *testing.T) {
	out, err := Run(Spec{DataName: "x.csv", Data: choiceData(true), Template: "drivers", FollowData: true, Recipe: pipeline.Default()})
	if err != nil {
		t.Fatal(err)
	}
	ch := out.Choice
	if ch == nil || !ch.FellBack || !ch.AllColumns || ch.Matched != 3 || ch.Columns != 7 || ch.Requested != "drivers" {
		t.Fatalf("choice %+v", ch)
	}
	if got := len(out.Result.Indicators); got != 7 {
		t.Errorf("%d indicators, want all 7 columns", got)
	}
	p := problem(out.Report, "framework-fallback")
	if p == nil || p.Severity != diag.Warning || !strings.Contains(p.En, "only 3 of the new data's 7") {
		t.Errorf("fallback notice %+v", p)
	}
	// Directions guessed from the names: 单位GDP能耗 and 城镇登记失业率.
	if strings.Join(ch.Guessed, ",") != "单位GDP能耗,城镇登记失业率" {
		t.Errorf("guessed %v", ch.Guessed)
	}
	for _, c := range ch.Guessed {
		if n := out.Framework.Node(c); n.Direction.Kind != framework.Negative || !n.DirectionGuessed {
			t.Errorf("%s: %+v", c, n)
		}
	}
	if p := problem(out.Report, "direction-guessed"); p == nil || !strings.Contains(p.Zh, "单位GDP能耗、城镇登记失业率") {
		t.Errorf("guess warning %+v", p)
	}
	// The guess is recorded in the result's framework (the JSON export).
	js, _ := out.Result.JSON()
	if !strings.Contains(string(js), `"direction_guessed": true`) {
		t.Error("the result JSON does not record the guessed direction")
	}
}

func TestFollowKeepsTemplateMatchingHalf(t *testing.T) {
	out, err := Run(Spec{DataName: "x.csv", Data: choiceData(false), Template: "drivers", FollowData: true, Recipe: pipeline.Default()})
	if err != nil {
		t.Fatal(err)
	}
	ch := out.Choice
	if ch.FellBack || ch.AllColumns || ch.Matched != 3 || ch.Columns != 6 || len(ch.Guessed) != 0 {
		t.Fatalf("choice %+v", ch)
	}
	if got := strings.Join(out.Result.Indicators, ","); got != "rd_intensity,sci_papers,energy_intensity" {
		t.Errorf("indicators %s", got)
	}
	// The template states the direction: negative, not guessed.
	if n := out.Framework.Node("energy_intensity"); n.Direction.Kind != framework.Negative || n.DirectionGuessed {
		t.Errorf("energy_intensity %+v", n)
	}
}

func TestExplicitTemplateKeptWithWarning(t *testing.T) {
	out, err := Run(Spec{DataName: "x.csv", Data: choiceData(true), Template: "drivers", Recipe: pipeline.Default()})
	if err != nil {
		t.Fatal(err)
	}
	if out.Choice.FellBack || len(out.Result.Indicators) != 3 {
		t.Fatalf("choice %+v, indicators %v", out.Choice, out.Result.Indicators)
	}
	p := problem(out.Report, "framework-few-columns")
	if p == nil || p.Severity != diag.Warning || !strings.Contains(p.En, "matches only 3 of the data's 7 numeric columns") ||
		!strings.Contains(p.Zh, "7 个数值列中的 3 个") {
		t.Errorf("warning %+v", p)
	}
}

func TestCustomFrameworkMatchingNothingFallsBack(t *testing.T) {
	fw := &framework.Framework{Name: "mine", Nodes: []framework.Node{{Code: "Index", Weight: 1}, {Code: "x", Parent: "Index", Weight: 1}, {Code: "y", Parent: "Index", Weight: 1}}}
	out, err := Run(Spec{DataName: "x.csv", Data: choiceData(false), Framework: fw, FollowData: true, Recipe: pipeline.Default()})
	if err != nil {
		t.Fatal(err)
	}
	if !out.Choice.FellBack || out.Choice.Requested != "custom" || out.Choice.Matched != 0 || len(out.Result.Indicators) != 6 {
		t.Errorf("choice %+v, indicators %v", out.Choice, out.Result.Indicators)
	}
	if p := problem(out.Report, "framework-fallback"); p == nil || !strings.Contains(p.Zh, "“mine”只对应新数据中 6 个数值列中的 0 个") {
		t.Errorf("notice %+v", p)
	}
}

func TestFlatGuessesDirections(t *testing.T) {
	r, _ := pipeline.Preset("coinr") // min-max to [0, 100]
	out, err := Run(Spec{DataName: "x.csv", Data: choiceData(false), Recipe: r})
	if err != nil {
		t.Fatal(err)
	}
	if !out.Choice.AllColumns || out.Choice.FellBack || strings.Join(out.Choice.Guessed, ",") != "单位GDP能耗,城镇登记失业率" {
		t.Errorf("choice %+v", out.Choice)
	}
	// Negative: Beijing has the lowest energy intensity (0.21) and so the
	// best normalised value, 100 under min-max to [0, 100]; Guangdong the
	// highest (0.33), 0.
	res := out.Result
	j := -1
	for k, c := range res.Indicators {
		if c == "单位GDP能耗" {
			j = k
		}
	}
	if j < 0 {
		t.Fatal("no 单位GDP能耗")
	}
	for i, o := range res.Rows {
		u := res.Units[o.Unit].Name
		v := res.Normalised[i][j]
		if (u == "北京" && v != 100) || (u == "广东" && v != 0) {
			t.Errorf("%s: normalised 单位GDP能耗 %v", u, v)
		}
	}
}
