package app

import (
	"math"
	"strconv"
	"testing"

	"github.com/nqp-index/nqp/scoring/pipeline"
)

// TestModelScoresTypedRegion freezes the sample's result and types in
// Guangdong's 2023 values: the form gives its saved score and rank; the
// model survives its JSON file.
func TestModelScoresTypedRegion(t *testing.T) {
	w := sampleWorkspace(t)
	res := w.Result
	m, err := pipeline.Freeze(res)
	if err != nil {
		t.Fatal(err)
	}
	m2, err := openModel(modelJSON(&m))
	if err != nil {
		t.Fatal(err)
	}
	var row int = -1
	for n, o := range res.Rows {
		if res.Units[o.Unit].Name == "广东" && res.Periods[o.Period].Label == "2023" {
			row = n
		}
	}
	if row < 0 {
		t.Fatal("no 广东 2023")
	}
	vals := map[string]string{}
	for j, c := range res.Indicators {
		if v := res.Raw[row][j]; !math.IsNaN(v) {
			vals[c] = strconv.FormatFloat(v, 'g', -1, 64)
		}
	}
	out, err := scoreTyped(m2, vals, "广东（新）", "2023")
	if err != nil {
		t.Fatal(err)
	}
	if want := res.Scores[row][0]; math.Abs(out.Score-want) > 1e-9 {
		t.Errorf("score %v, want %v", out.Score, want)
	}
	if out.Rank != res.Ranks[row][0] || out.Of != 32 {
		t.Errorf("rank %d of %d, want %d of 32", out.Rank, out.Of, res.Ranks[row][0])
	}
	if len(out.Outside) != 0 {
		t.Errorf("flagged outside: %v", out.Outside)
	}
	// A value ten times the largest is flagged and raises the score.
	c0 := res.Indicators[0]
	vals[c0] = strconv.FormatFloat(m2.Norms[0].RawMax*10, 'g', -1, 64)
	hi, err := scoreTyped(m2, vals, "x", "2023")
	if err != nil {
		t.Fatal(err)
	}
	if len(hi.Outside) != 1 || hi.Outside[0] != c0 {
		t.Errorf("outside: %v", hi.Outside)
	}
	if _, err := scoreTyped(m2, map[string]string{}, "x", "2023"); err != errNoValues {
		t.Errorf("empty form: %v", err)
	}
	if _, err := scoreTyped(m2, map[string]string{c0: "abc"}, "x", "2023"); err == nil {
		t.Error("a bad number was accepted")
	}
	if v, _ := parseValue(" 1,234.5 "); v != 1234.5 {
		t.Errorf("parseValue = %v", v)
	}
	if got := splitPasted("1\t2,5\t3"); len(got) != 3 || got[1] != "2,5" {
		t.Errorf("splitPasted tab row = %q", got)
	}
	if got := splitPasted("1, 2, 3"); len(got) != 3 {
		t.Errorf("splitPasted comma row = %q", got)
	}
}

// TestModelDenominator: a recipe that divides an indicator by a data
// column that is not scored freezes that column as an input of the form;
// typing Guangdong's 2023 values and its denominator gives its score back,
// and without the denominator the indicator is missing.
func TestModelDenominator(t *testing.T) {
	const den, ind = "gov_budget_exp_total_100m_cny", "hightech_revenue"
	w := &Workspace{}
	w.SetSample()
	r := pipeline.Default()
	one := 1.0
	r.Denominate = pipeline.Denominate{Enabled: true, Pairs: []pipeline.DenomPair{{Indicator: ind, Denominator: den, Scale: &one}}}
	if err := w.SetRecipe(r); err != nil {
		t.Fatal(err)
	}
	w.Run()
	res := w.Result
	if res == nil || len(res.Denominated) == 0 {
		t.Fatalf("no denominated result: %v", w.Report)
	}
	if w.Frozen == nil {
		t.Fatalf("not frozen: %s", w.FrozenErr)
	}
	m := w.Frozen
	if len(m.Denominators) != 1 || m.Denominators[0] != den {
		t.Fatalf("model denominators %v, want [%s]", m.Denominators, den)
	}
	row, j := -1, -1
	for n, o := range res.Rows {
		if res.Units[o.Unit].Name == "广东" && res.Periods[o.Period].Label == "2023" {
			row = n
		}
	}
	for k, c := range res.Indicators {
		if c == ind {
			j = k
		}
	}
	if row < 0 || j < 0 {
		t.Fatal("no 广东 2023 or no indicator")
	}
	vals := map[string]string{}
	for k, c := range res.Indicators {
		if v := res.Raw[row][k]; !math.IsNaN(v) {
			vals[c] = strconv.FormatFloat(v, 'g', -1, 64)
		}
	}
	without, err := scoreTyped(m, vals, "x", "2023")
	if err != nil {
		t.Fatal(err)
	}
	vals[denKey(den)] = strconv.FormatFloat(res.Raw[row][j]/res.Denominated[row][j], 'g', -1, 64)
	out, err := scoreTyped(m, vals, "x", "2023")
	if err != nil {
		t.Fatal(err)
	}
	if want := res.Scores[row][0]; math.Abs(out.Score-want) > 1e-9 || len(out.Outside) != 0 {
		t.Errorf("score %v (outside %v), want %v", out.Score, out.Outside, want)
	}
	if math.Abs(without.Score-out.Score) < 1e-6 {
		t.Errorf("the denominator made no difference (%v)", without.Score)
	}
}
