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
