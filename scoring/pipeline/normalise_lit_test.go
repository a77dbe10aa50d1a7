package pipeline

import (
	"math"
	"testing"

	"github.com/nqp-index/nqp/scoring/framework"
	"github.com/nqp-index/nqp/scoring/mcda"
	"github.com/nqp-index/nqp/scoring/panel"
)

// normCol runs the pipeline on one column (c1, positive) and one column
// (c2, with direction d) and returns the normalised columns.
func normCols(t *testing.T, x1, x2 []float64, d framework.Direction, set func(n *Normalise)) (y1, y2 []float64) {
	t.Helper()
	rows := make([][]float64, len(x1))
	for i := range rows {
		rows[i] = []float64{x1[i], x2[i]}
	}
	in := flatInput(rows, []float64{1, 1}, nil)
	in.Framework.Nodes[2].Direction = d
	r := rawRecipe(AMean)
	r.Normalise.Method = ""
	set(&r.Normalise)
	res, err := Run(in, r)
	if err != nil {
		t.Fatal(err)
	}
	for i := range res.Rows {
		y1 = append(y1, res.Normalised[i][0])
		y2 = append(y2, res.Normalised[i][1])
	}
	return
}

var negDir = framework.Direction{Kind: framework.Negative}

// TestLiteratureNormalisersHand checks each literature normaliser on hand
// examples, for a positive and a negative indicator.
func TestLiteratureNormalisersHand(t *testing.T) {
	cases := []struct {
		method     string
		x          []float64
		pos, negat []float64
	}{
		{VectorNorm, []float64{3, 4}, []float64{0.6, 0.8}, []float64{0.4, 0.2}},        // x/√Σx²; 1 − x/√Σx²
		{SumNorm, []float64{1, 3}, []float64{0.25, 0.75}, []float64{0.75, 0.25}},       // x/Σx; (1/x)/Σ(1/x)
		{MaxNorm, []float64{2, 4}, []float64{0.5, 1}, []float64{1, 0.5}},               // x/max; min/x
		{MinNorm, []float64{2, 4}, []float64{1, 2}, []float64{2, 1}},                   // x/min; max/x
		{MeanNorm, []float64{2, 4}, []float64{2.0 / 3, 4.0 / 3}, []float64{1.5, 0.75}}, // x/mean; mean/x
		{Initial, []float64{2, 4}, []float64{1, 2}, []float64{1, 0.5}},                 // x/x₀; x₀/x (first row)
		{Rescale, []float64{2, 4}, []float64{0, 1}, []float64{1, 0}},                   // = minmax
	}
	for _, c := range cases {
		y1, y2 := normCols(t, c.x, c.x, negDir, func(n *Normalise) { n.Method = c.method })
		nearVec(t, c.method+" positive", y1, c.pos, 1e-15)
		nearVec(t, c.method+" negative", y2, c.negat, 1e-15)
	}
	// Reciprocal option: a negative indicator becomes 1/x, then minmax:
	// (2, 4) → (0.5, 0.25) → (1, 0); with max: (0.5, 0.25)/0.5 = (1, 0.5).
	_, y2 := normCols(t, []float64{2, 4}, []float64{2, 4}, negDir, func(n *Normalise) { n.Reciprocal = true })
	nearVec(t, "reciprocal minmax", y2, []float64{1, 0}, 1e-15)
	_, y2 = normCols(t, []float64{2, 5}, []float64{2, 4}, negDir, func(n *Normalise) { n.Method, n.Reciprocal = MaxNorm, true })
	nearVec(t, "reciprocal max", y2, []float64{1, 0.5}, 1e-15)
	// SPSSAU non-negative shift after z-score: SPSSAU's own example
	// x = (1, 2, 3, 3) gives z = (−1.3056, −0.2611, 0.7833, 0.7833) with the
	// sample sd; the column has values ≤ 0, so + 1.3056… + 0.01.
	y1, _ := normCols(t, []float64{1, 2, 3, 3}, []float64{1, 2, 3, 3}, negDir, func(n *Normalise) { n.Method, n.NonNegShift = ZScore, true })
	sd := math.Sqrt((1.5625 + 0.0625 + 2*0.5625) / 3)
	z0 := (1 - 2.25) / sd
	if math.Abs(z0+1.3056) > 1e-4 {
		t.Fatalf("z0 = %v", z0)
	}
	nearVec(t, "nonneg shift", y1, []float64{0.01, (2-2.25)/sd - z0 + 0.01, (3-2.25)/sd - z0 + 0.01, (3-2.25)/sd - z0 + 0.01}, 1e-12)
	// A column of positive values is not shifted.
	y1, _ = normCols(t, []float64{1, 2}, []float64{1, 2}, negDir, func(n *Normalise) { n.Method, n.NonNegShift = MaxNorm, true })
	nearVec(t, "no shift", y1, []float64{0.5, 1}, 0)
	// Moderate indicator (best 3): literature score 1 − |x − 3|/max|x − 3| =
	// (0, 1, 0.5) for x = (1, 3, 4), then x/max.
	_, y2 = normCols(t, []float64{1, 2, 3}, []float64{1, 3, 4}, framework.Direction{Kind: framework.Moderate, Best: 3}, func(n *Normalise) { n.Method = MaxNorm })
	nearVec(t, "moderate max", y2, []float64{0, 1, 0.5}, 1e-15)
	// Division by zero is an error, not Inf.
	in := flatInput([][]float64{{0, 1}, {0, 2}}, []float64{1, 1}, nil)
	r := rawRecipe(AMean)
	r.Normalise.Method = MeanNorm
	if _, err := Run(in, r); err == nil {
		t.Error("x/mean with mean 0: no error")
	}
}

// TestLiteratureMatchesMCDA: vector, sum, max and mean agree with
// mcda.Normalize (benefit and cost) on a random positive matrix.
func TestLiteratureMatchesMCDA(t *testing.T) {
	in := countyPanel(20, 1, 4)
	x := make([][]float64, len(in.Data.Rows))
	types := make([]int, 4)
	for j := range types {
		types[j] = mcda.Benefit
		if in.Framework.Node(in.Data.Columns[j].Name).Direction.Kind == framework.Negative {
			types[j] = mcda.Cost
		}
	}
	in.Framework.Node("x03").Direction.Kind = framework.Negative
	types[3] = mcda.Cost
	for _, m := range []string{VectorNorm, SumNorm, MaxNorm, MeanNorm} {
		r := rawRecipe(AMean)
		r.Normalise.Method = m
		res, err := Run(in, r)
		if err != nil {
			t.Fatal(err)
		}
		for i, o := range res.Rows {
			x[i] = in.Data.Rows[o.Unit].Values
		}
		want, err := mcda.Normalize(m, x, types, mcda.Params{})
		if err != nil {
			t.Fatal(err)
		}
		for i := range x {
			for j := range types {
				if m == MeanNorm && types[j] == mcda.Cost {
					continue // mcda's mean is direction-free; ours is mean/x
				}
				if !relClose(res.Normalised[i][j], want[i][j], 1e-14) {
					t.Fatalf("%s [%d][%d] = %v, mcda %v", m, i, j, res.Normalised[i][j], want[i][j])
				}
			}
		}
	}
}

// TestInitialPanel: 初值化 divides by the unit's value in its first period
// with a value, whatever the scope.
func TestInitialPanel(t *testing.T) {
	fw := &framework.Framework{Nodes: []framework.Node{{Code: "I", Weight: 1}, {Code: "a", Parent: "I", Weight: 1}}}
	p := &panel.Panel{Columns: []panel.Column{{Name: "a"}}, Units: []panel.Unit{{Code: "A"}, {Code: "B"}},
		Periods: []panel.Period{{Label: "2020", Key: 2020 * 12}, {Label: "2021", Key: 2021 * 12}, {Label: "2022", Key: 2022 * 12}}}
	vals := map[[2]int]float64{{0, 0}: 2, {0, 1}: 3, {0, 2}: 5, {1, 0}: math.NaN(), {1, 1}: 4, {1, 2}: 6}
	for u := 0; u < 2; u++ {
		for y := 0; y < 3; y++ {
			p.Rows = append(p.Rows, panel.Row{Unit: u, Period: y, Values: []float64{vals[[2]int{u, y}]}})
		}
	}
	for _, scope := range []string{ScopeGlobal, ScopePeriod} {
		r := rawRecipe(AMean)
		r.Select.MinPeriodCoverage = fp(0)
		r.Normalise.Method, r.Normalise.Scope = Initial, scope
		res, err := Run(Input{Data: p, Framework: fw}, r)
		if err != nil {
			t.Fatal(err)
		}
		// rows: (2020 A, 2020 B, 2021 A, 2021 B, 2022 A, 2022 B)
		got := []float64{}
		for i := range res.Rows {
			got = append(got, res.Normalised[i][0])
		}
		want := []float64{1, math.NaN(), 1.5, 1, 2.5, 1.5}
		for i := range got {
			if !relClose(got[i], want[i], 1e-15) {
				t.Errorf("%s: %v, want %v", scope, got, want)
				break
			}
		}
	}
}

// TestRankMethodsDirectionFlip: flipping an indicator's direction reverses
// the ranking of rank, borda and prank (no ties), and also of the
// distance-based methods.
func TestRankMethodsDirectionFlip(t *testing.T) {
	x := []float64{3.5, 1, 7, 2.25, 9, 4}
	n := float64(len(x))
	for _, m := range []string{NRank, Borda, PRank, Dist2Max, MinMax, ZScore, NNone} {
		y1, y2 := normCols(t, x, x, negDir, func(s *Normalise) { s.Method = m })
		for i := range x {
			for k := range x {
				if (y1[i] < y1[k]) != (y2[i] > y2[k]) {
					t.Fatalf("%s: order of %d, %d not reversed: %v vs %v", m, i, k, y1, y2)
				}
			}
			switch m {
			case NRank:
				if y1[i]+y2[i] != n+1 {
					t.Errorf("rank: %v + %v ≠ n + 1", y1[i], y2[i])
				}
			case PRank:
				if math.Abs(y1[i]+y2[i]-1) > 1e-15 {
					t.Errorf("prank: %v + %v ≠ 1", y1[i], y2[i])
				}
			}
		}
	}
	// Ties share the minimum rank (COINr ties.method = "min").
	y1, _ := normCols(t, []float64{5, 1, 5, 3}, []float64{1, 2, 3, 4}, negDir, func(s *Normalise) { s.Method = NRank })
	nearVec(t, "ties min", y1, []float64{3, 1, 3, 2}, 0)
	y1, _ = normCols(t, []float64{5, 1, 5, 3}, []float64{1, 2, 3, 4}, negDir, func(s *Normalise) { s.Method, s.Ties = NRank, "average" })
	nearVec(t, "ties average", y1, []float64{3.5, 1, 3.5, 2}, 0)
}

// TestScaleInvariance: multiplying an indicator by c > 0 leaves the
// scale-free normalisations unchanged (up to rounding).
func TestScaleInvariance(t *testing.T) {
	x := []float64{3.5, 1, 7, 2.25, 9, 4}
	cx := make([]float64, len(x))
	for i := range x {
		cx[i] = 7.3 * x[i]
	}
	for _, m := range []string{MinMax, ZScore, NRank, Borda, PRank, FracMax, Dist2Max, VectorNorm, SumNorm, MaxNorm, MinNorm, MeanNorm, Initial} {
		for _, d := range []framework.Direction{{}, negDir} {
			_, y1 := normCols(t, x, x, d, func(s *Normalise) { s.Method = m })
			_, y2 := normCols(t, x, cx, d, func(s *Normalise) { s.Method = m })
			for i := range y1 {
				if !relClose(y1[i], y2[i], 1e-13) {
					t.Fatalf("%s (%v): %v vs %v", m, d.Kind, y1, y2)
				}
			}
		}
	}
}

// TestPerIndicatorOverride: Normalise.Indicators replaces the spec of one
// indicator (COINr indiv_specs); the others keep the recipe's spec.
func TestPerIndicatorOverride(t *testing.T) {
	y1, y2 := normCols(t, []float64{1, 3}, []float64{3, 4}, framework.Direction{}, func(s *Normalise) {
		s.Method = MinMax
		s.Indicators = map[string]NormSpec{"c2": {Method: VectorNorm}}
	})
	nearVec(t, "c1 minmax", y1, []float64{0, 1}, 0)
	nearVec(t, "c2 vector", y2, []float64{0.6, 0.8}, 1e-15)
	// dist2ref with a reference unit code and a target override.
	y1, y2 = normCols(t, []float64{1, 3, 5}, []float64{1, 3, 5}, framework.Direction{}, func(s *Normalise) {
		s.Method, s.RefUnit, s.CapMax = Dist2Ref, "A2", true
		s.Indicators = map[string]NormSpec{"c2": {Method: Dist2Targ, Target: fp(4)}}
	})
	nearVec(t, "dist2ref A2", y1, []float64{0, 1, 1}, 0)                 // 1 − (3 − x)/(3 − 1), capped
	nearVec(t, "dist2targ 4", y2, []float64{0, 2.0 / 3, 4.0 / 3}, 1e-15) // (x − 1)/(4 − 1)
}
