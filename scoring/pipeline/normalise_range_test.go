package pipeline

import (
	"math"
	"strings"
	"testing"

	"github.com/nqp-index/nqp/scoring/diag"
	"github.com/nqp-index/nqp/scoring/framework"
)

// TestSumNormSubnormalCost: sum normalisation of a negative indicator
// takes (1/x)/Σ(1/x); with x = 2^−1074, 2^−1073, 1, 2 the reciprocals
// 2^1074, 2^1073, 1, ½ overflow (1/x = +Inf) but the shares are, by hand,
// Σ = 3·2^1073 (1.5 is below its last bit), so 2/3, 1/3, 2^−1073/3 and
// 2^−1074/3, the last two correctly rounded to 2^−1074 and 0. The details
// record Σ as 3 × 2^1073 and the result writes to JSON.
func TestSumNormSubnormalCost(t *testing.T) {
	tiny := math.Ldexp(1, -1074)
	x := []float64{tiny, 2 * tiny, 1, 2}
	rows := make([][]float64, len(x))
	for i := range rows {
		rows[i] = []float64{1, x[i]}
	}
	in := flatInput(rows, []float64{1, 1}, nil)
	in.Framework.Nodes[2].Direction = negDir
	r := rawRecipe(AMean)
	r.Normalise.Method = SumNorm
	res, err := Run(in, r)
	if err != nil {
		t.Fatal(err)
	}
	want := []float64{2.0 / 3, 1.0 / 3, tiny, 0}
	for i, w := range want {
		if got := res.Normalised[i][1]; got != w {
			t.Errorf("row %d: %g, want %g", i, got, w)
		}
	}
	for _, d := range res.NormaliseDetails {
		if d.Indicator == "c2" && (d.Params["sum_mantissa"] != 3 || d.Params["sum_exp2"] != 1073 || d.Params["sum"] != 0) {
			t.Errorf("details %v, want sum = 3 × 2^1073", d.Params)
		}
	}
	if _, err := res.JSON(); err != nil {
		t.Errorf("result JSON: %v", err)
	}
	// Ordinary values give the textbook formula bit for bit: 1/x of
	// (1, 2, 4) is (1, ½, ¼), Σ = 7/4.
	in = flatInput([][]float64{{1, 1}, {1, 2}, {1, 4}}, []float64{1, 1}, nil)
	in.Framework.Nodes[2].Direction = negDir
	res, err = Run(in, r)
	if err != nil {
		t.Fatal(err)
	}
	for i, v := range []float64{1, 2, 4} {
		if got, w := res.Normalised[i][1], (1/v)/1.75; got != w {
			t.Errorf("(1/%g)/1.75 = %v, got %v", v, w, got)
		}
	}
}

// TestNormaliseBeyondRange: a normalised value that no float64 can hold
// is an error naming the indicator, the unit and the value, in each
// language, never ±Inf or null: x + |min| + δ of a ±1e308 column
// (nonneg_shift after none: 1e308 + 1e308 = 2e308), the reciprocal of a
// subnormal (1/2^−1074 = 2^1074), min/x of a cost column with min −1e300
// at x = 1e−10 (−1e310).
func TestNormaliseBeyondRange(t *testing.T) {
	tiny := math.Ldexp(1, -1074)
	for _, c := range []struct {
		name   string
		x      []float64
		d      framework.Direction
		set    func(n *Normalise)
		zh, en string
	}{
		{"nonneg shift", []float64{1e308, -1e308, 5e307, -2e307}, framework.Direction{Kind: framework.Positive},
			func(n *Normalise) { n.Method, n.NonNegShift = NNone, true },
			"指标 c2：A1（2020）的值 1e+308 经 none 标准化后超出双精度浮点数的范围",
			"indicator c2: the value 1e+308 of A1 (2020) normalised by none is beyond the range of double-precision numbers"},
		{"reciprocal", []float64{tiny, 1, 2}, negDir, func(n *Normalise) { n.Method, n.Reciprocal = MinMax, true },
			"指标 c2 的值 5e-324 取倒数后超出双精度浮点数的范围",
			"indicator c2: the reciprocal of the value 5e-324 is beyond the range of double-precision numbers"},
		{"max cost", []float64{-1e300, 1e-10, 1}, negDir, func(n *Normalise) { n.Method = MaxNorm },
			"指标 c2：A2（2020）的值 1e-10 经 max 标准化后超出双精度浮点数的范围",
			"indicator c2: the value 1e-10 of A2 (2020) normalised by max is beyond the range of double-precision numbers"},
	} {
		rows := make([][]float64, len(c.x))
		for i := range rows {
			rows[i] = []float64{float64(i), c.x[i]}
		}
		in := flatInput(rows, []float64{1, 1}, nil)
		in.Framework.Nodes[2].Direction = c.d
		r := rawRecipe(AMean)
		r.Normalise.Method = ""
		c.set(&r.Normalise)
		res, err := Run(in, r)
		if err == nil {
			t.Errorf("%s: no error; normalised %v", c.name, res.Normalised)
			continue
		}
		if zh, en := diag.Message(err, "zh"), diag.Message(err, "en"); !strings.Contains(zh, c.zh) || !strings.Contains(en, c.en) || strings.Contains(zh, "beyond") {
			t.Errorf("%s: %v\nwant zh %s\nen %s", c.name, err, c.zh, c.en)
		}
	}
}
