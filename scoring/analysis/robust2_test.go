package analysis

import (
	"github.com/nqp-index/nqp/scoring/pipeline"
	"math"
	"strconv"
	"testing"
)

// RemoveElements against COINr 1.1.14's remove_elements on ASEM (simple
// pipeline), levels 1–3: the mean absolute rank change per element.
func TestRemoveElementsCOINr(t *testing.T) {
	in := asemInput(t)
	ref := readCSV(t, "testdata/coinr_remove.csv")
	byLevel := map[int]map[string]float64{}
	for _, r := range ref[1:] {
		l, _ := strconv.Atoi(r[0])
		if byLevel[l] == nil {
			byLevel[l] = map[string]float64{}
		}
		byLevel[l][r[1]] = refNum(r[2])
	}
	checked := 0
	for level, want := range byLevel {
		res, err := RemoveElements(in, asemNominal(t), level, "")
		if err != nil {
			t.Fatal(err)
		}
		for k, e := range res.Elements {
			w, ok := want[e]
			if !ok {
				t.Errorf("level %d: %s not in COINr's output", level, e)
				continue
			}
			if math.Abs(res.MeanAbsDiff[k]-w) > 1e-12 {
				t.Errorf("level %d, %s: mean |Δrank| %v, COINr %v", level, e, res.MeanAbsDiff[k], w)
			}
			checked++
		}
	}
	if checked != 49+8+2 {
		t.Errorf("checked %d elements", checked)
	}
}

func TestSensitivityASEM(t *testing.T) {
	in := asemInput(t)
	opt := SAOptions{Inputs: asemInputs(t), N: 40, Seed: 5, Nboot: 100}
	r, err := Sensitivity(in, asemNominal(t), opt)
	if err != nil {
		t.Fatal(err)
	}
	if r.Runs != 40*6 || len(r.Indices) != 4 {
		t.Fatalf("runs %d, indices %d", r.Runs, len(r.Indices))
	}
	for _, x := range r.Indices {
		if math.IsNaN(x.Si) || !(x.STi >= 0) {
			t.Errorf("%s: Si %v STi %v", x.Input, x.Si, x.STi)
		}
	}
	opt.NoFastPath = true
	r2, err := Sensitivity(in, asemNominal(t), opt)
	if err != nil {
		t.Fatal(err)
	}
	if !equalBits(r.Y, r2.Y) {
		t.Error("sensitivity outputs differ between the fast path and pipeline.Run")
	}
}

func TestCompareRecipes(t *testing.T) {
	in := asemInput(t)
	a := asemNominal(t)
	b := a
	b.Aggregate.Method = "gmean"
	b.Normalise.Lower = new(float64)
	*b.Normalise.Lower = 1
	r, err := Compare(in, []string{"amean", "gmean"}, []pipeline.Recipe{a, b}, "")
	if err != nil {
		t.Fatal(err)
	}
	if r.MeanAbsDiff[0] != 0 || r.Spearman[0][0] != 1 {
		t.Errorf("self-comparison: %v, %v", r.MeanAbsDiff[0], r.Spearman[0][0])
	}
	if !(r.Spearman[1][0] > 0.9 && r.Spearman[1][0] < 1) || !(r.MeanAbsDiff[1] > 0) {
		t.Errorf("amean vs gmean: ρ %v, mean |Δrank| %v", r.Spearman[1][0], r.MeanAbsDiff[1])
	}
}
