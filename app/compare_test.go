package app

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/nqp-index/nqp/scoring/analysis"
)

// TestSpearman checks the page's Spearman against scoring/analysis (ties
// included) and against 1 − 6Σd²/(n(n²−1)) without ties.
func TestSpearman(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for k := 0; k < 20; k++ {
		n := 5 + rng.IntN(30)
		x, y := make([]float64, n), make([]float64, n)
		for i := range x {
			x[i] = float64(rng.IntN(10)) // ties
			y[i] = x[i] + rng.NormFloat64()*3
		}
		got, m := spearman(x, y)
		if want := analysis.Spearman(x, y); m != n || math.Abs(got-want) > 1e-12 {
			t.Fatalf("spearman %v (n %d), analysis %v", got, m, want)
		}
	}
	x := []float64{1, 2, 3, 4, 5}
	y := []float64{2, 1, 4, 3, 5}
	// d = (1, 1, 1, 1, 0): ρ = 1 − 6·4/(5·24) = 0.8
	if got, _ := spearman(x, y); math.Abs(got-0.8) > 1e-12 {
		t.Errorf("ρ = %v, want 0.8", got)
	}
	if got, n := spearman([]float64{1, math.NaN(), 3}, []float64{1, 2, 2}); n != 2 || got != 1 {
		t.Errorf("with a missing pair: %v (n %d)", got, n)
	}
}

// TestCompareRecipes runs the sample with a second recipe and pairs the
// two rankings.
func TestCompareRecipes(t *testing.T) {
	w := sampleWorkspace(t)
	r, ok := w.compareRecipe("preset:coinr")
	if !ok {
		t.Fatal("no coinr preset")
	}
	j := w.Job()
	j.Recipe = r
	o := Compute(j)
	if o.Result == nil {
		t.Fatalf("coinr: %v", o.Report)
	}
	rows := compareRows(w.Result, o.Result, "2023")
	if len(rows) != 31 {
		t.Fatalf("%d rows", len(rows))
	}
	xs, ys := make([]float64, len(rows)), make([]float64, len(rows))
	for i, r := range rows {
		xs[i], ys[i] = r.ScoreA, r.ScoreB
	}
	rho, n := spearman(xs, ys)
	if n != 31 || !(rho > 0.5 && rho <= 1) {
		t.Errorf("ρ = %v over %d units", rho, n)
	}
}
