package pipeline

import (
	"math"
	"testing"

	"github.com/nqp-index/nqp/scoring/framework"
)

// ext is a column whose range overflows: max − min = 2e308 > MaxFloat64.
var ext = []float64{1e308, -1e308, 5e307, -2e307}

// TestExtremeValuesHand: the normalisers that subtract or sum give the
// hand-computed values on columns of ±1e308 and of 1e-300s, as on the same
// numbers scaled to ordinary magnitudes (each of these normalisers is
// scale-invariant).
func TestExtremeValuesHand(t *testing.T) {
	// min-max: (x − min)/(max − min) = (x + 1e308)/2e308.
	minmax := []float64{1, 0, 0.75, 0.4}
	// z-score of ext/1e307 = (10, −10, 5, −2): mean 0.75, deviations
	// 9.25, −10.75, 4.25, −2.75, sample sd √(226.75/3) = 8.69387….
	z := []float64{9.25 / math.Sqrt(226.75/3), -10.75 / math.Sqrt(226.75/3), 4.25 / math.Sqrt(226.75/3), -2.75 / math.Sqrt(226.75/3)}
	neg := func(v []float64) []float64 {
		out := make([]float64, len(v))
		for i, x := range v {
			out[i] = -x
		}
		return out
	}
	one := func(v []float64) []float64 { // 1 − v
		out := make([]float64, len(v))
		for i, x := range v {
			out[i] = 1 - x
		}
		return out
	}
	cases := []struct {
		name     string
		x        []float64
		d        framework.Direction
		set      func(n *Normalise)
		pos, dir []float64
	}{
		{"minmax", ext, negDir, func(n *Normalise) { n.Method = MinMax }, minmax, one(minmax)},
		{"minmax [0,100]", ext, negDir, func(n *Normalise) { n.Method, n.Lower, n.Upper = MinMax, fp(0), fp(100) },
			[]float64{100, 0, 75, 40}, []float64{0, 100, 25, 60}},
		{"dist2max", ext, negDir, func(n *Normalise) { n.Method = Dist2Max }, minmax, one(minmax)},
		{"zscore", ext, negDir, func(n *Normalise) { n.Method = ZScore }, z, neg(z)},
		// moderate, best −1e308: 1 − |x − best|/max|x − best| with
		// |x − best| = 2e308, 0, 1.5e308, 0.8e308.
		{"moderate", ext, framework.Direction{Kind: framework.Moderate, Best: -1e308}, func(n *Normalise) { n.Method = MinMax },
			minmax, []float64{0, 1, 0.25, 0.6}},
		// interval [−1e308, −9e307]: distances 1.9e308, 0, 1.4e308, 0.7e308.
		{"interval", ext, framework.Direction{Kind: framework.Interval, Lo: -1e308, Hi: -9e307}, func(n *Normalise) { n.Method = MinMax },
			minmax, []float64{0, 1, 1 - 1.4/1.9, 1 - 0.7/1.9}},
		{"interval zscore", ext, framework.Direction{Kind: framework.Interval, Lo: -1e308, Hi: -9e307}, func(n *Normalise) { n.Method = ZScore },
			// goodness −(1.9, 0, 1.4, 0.7)e308: mean −1, deviations −0.9, 1, −0.4, 0.3, sd √(2.06/3)
			z, []float64{-0.9 / math.Sqrt(2.06/3), 1 / math.Sqrt(2.06/3), -0.4 / math.Sqrt(2.06/3), 0.3 / math.Sqrt(2.06/3)}},
		// vector: √Σx² = 2e308; sum: Σx = 3e308; mean 7.5e307.
		{"vector", []float64{1e308, 1e308, 1e308, 1e308}, negDir, func(n *Normalise) { n.Method = VectorNorm },
			[]float64{0.5, 0.5, 0.5, 0.5}, []float64{0.5, 0.5, 0.5, 0.5}},
		{"sum", []float64{1e308, 1e308, 5e307, 5e307}, negDir, func(n *Normalise) { n.Method = SumNorm },
			[]float64{1.0 / 3, 1.0 / 3, 1.0 / 6, 1.0 / 6}, []float64{1.0 / 6, 1.0 / 6, 1.0 / 3, 1.0 / 3}},
		{"mean", []float64{1e308, 1e308, 5e307, 5e307}, negDir, func(n *Normalise) { n.Method = MeanNorm },
			[]float64{4.0 / 3, 4.0 / 3, 2.0 / 3, 2.0 / 3}, []float64{0.75, 0.75, 1.5, 1.5}},
		// 1e-300s: the squares underflow; z of (1, 2, 3, 4) and x/√30.
		{"tiny zscore", []float64{1e-300, 2e-300, 3e-300, 4e-300}, negDir, func(n *Normalise) { n.Method = ZScore },
			[]float64{-1.161895003862225, -0.3872983346207417, 0.3872983346207417, 1.161895003862225},
			[]float64{1.161895003862225, 0.3872983346207417, -0.3872983346207417, -1.161895003862225}},
		{"tiny vector", []float64{1e-300, 2e-300, 3e-300, 4e-300}, negDir, func(n *Normalise) { n.Method = VectorNorm },
			[]float64{1 / math.Sqrt(30), 2 / math.Sqrt(30), 3 / math.Sqrt(30), 4 / math.Sqrt(30)},
			[]float64{1 - 1/math.Sqrt(30), 1 - 2/math.Sqrt(30), 1 - 3/math.Sqrt(30), 1 - 4/math.Sqrt(30)}},
		{"tiny minmax", []float64{1e-300, 2e-300, 3e-300, 4e-300}, negDir, func(n *Normalise) { n.Method = MinMax },
			[]float64{0, 1.0 / 3, 2.0 / 3, 1}, []float64{1, 2.0 / 3, 1.0 / 3, 0}},
	}
	for _, c := range cases {
		y1, y2 := normCols(t, c.x, c.x, c.d, c.set)
		if c.d.Kind == framework.Negative && c.pos != nil {
			nearVec(t, c.name+" positive", y1, c.pos, 1e-14)
		}
		nearVec(t, c.name+" "+c.d.Kind.String(), y2, c.dir, 1e-14)
	}
}

// TestExtremeColumnNoFalseWarning: with the default recipe (pooled min-max,
// entropy weights) a ±1e308 column is finite, weighted like any other and
// draws no constant-indicator or all-zero warning.
func TestExtremeColumnNoFalseWarning(t *testing.T) {
	rows := make([][]float64, len(ext))
	for i := range rows {
		rows[i] = []float64{ext[i], float64(i + 1)}
	}
	in := flatInput(rows, []float64{1, 1}, nil)
	r := Default()
	r.Rank.Groups = ""
	res, err := Run(in, r)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range res.Report.Problems {
		t.Errorf("unexpected problem: %s", p.Format("en"))
	}
	for i, row := range res.Normalised {
		if math.Abs(row[0]-[]float64{1, 0, 0.75, 0.4}[i]) > 1e-15 {
			t.Errorf("row %d: normalised %v", i, row[0])
		}
	}
	if w := res.Weights[0].Nodes[1].Effective; !(w > 0) {
		t.Errorf("the extreme column has weight %v", w)
	}
}
