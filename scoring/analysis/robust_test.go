package analysis

import (
	"math"
	"testing"
)

// asemFourth is the fourth uncertain input of the benchmark, COINr's
// vignette's imputation (i_mean or i_median), when the recipe has an
// imputation step; otherwise the weighting (framework or equal weights).
func asemFourth(t testing.TB) Uncertain {
	imp := Choice("Imputation", "impute.method", "mean", "median")
	if _, err := EditRecipe(asemNominal(t), imp.Path, imp.Alternatives[0]); err == nil {
		return imp
	}
	return Choice("Weighting", "weights.method", "manual", "equal")
}

func TestUncertaintyFastPathIsExact(t *testing.T) {
	in := asemInput(t)
	opt := UAOptions{Inputs: asemInputs(t), N: 60, Seed: 7, KeepScores: true}
	fast, err := Uncertainty(in, asemNominal(t), opt)
	if err != nil {
		t.Fatal(err)
	}
	opt.NoFastPath = true
	slow, err := Uncertainty(in, asemNominal(t), opt)
	if err != nil {
		t.Fatal(err)
	}
	for i := range fast.Scores {
		if !equalBits(fast.Scores[i], slow.Scores[i]) {
			t.Fatalf("run %d: fast path differs from pipeline.Run", i)
		}
	}
	if fast.Failed != slow.Failed {
		t.Errorf("failed runs %d vs %d", fast.Failed, slow.Failed)
	}
}

func TestUncertaintyDeterministic(t *testing.T) {
	in := asemInput(t)
	opt := UAOptions{Inputs: asemInputs(t), N: 50, Seed: 3, KeepScores: true, Workers: 1}
	a, err := Uncertainty(in, asemNominal(t), opt)
	if err != nil {
		t.Fatal(err)
	}
	opt.Workers = 4
	b, err := Uncertainty(in, asemNominal(t), opt)
	if err != nil {
		t.Fatal(err)
	}
	for i := range a.Scores {
		if !equalBits(a.Scores[i], b.Scores[i]) {
			t.Fatalf("run %d differs between 1 and 4 workers", i)
		}
	}
	for i := range a.Mean {
		if a.Mean[i] != b.Mean[i] || a.Q5[i] != b.Q5[i] || a.Q95[i] != b.Q95[i] {
			t.Fatalf("rank statistics differ for row %d", i)
		}
		if !(a.Q5[i] <= a.Median[i] && a.Median[i] <= a.Q95[i]) {
			t.Errorf("row %d: q5 %v, median %v, q95 %v out of order", i, a.Q5[i], a.Median[i], a.Q95[i])
		}
	}
	if len(a.Choices) != 50 || len(a.Choices[0]) != 4 {
		t.Errorf("choices %dx%d", len(a.Choices), len(a.Choices[0]))
	}
}

// BenchmarkUncertaintyASEM is COINr's uncertainty analysis of its ASEM
// example (51 units, 49 indicators, 4 levels) with four uncertain inputs
// and N = 1000 runs. COINr 1.1.14 takes 151–170 s on the same machines.
func BenchmarkUncertaintyASEM(b *testing.B) {
	in := asemInput(b)
	r := asemNominal(b)
	opt := UAOptions{Inputs: asemInputs(b), N: 1000, Seed: 42}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		res, err := Uncertainty(in, r, opt)
		if err != nil {
			b.Fatal(err)
		}
		if math.IsNaN(res.Mean[0]) {
			b.Fatal("no ranks")
		}
	}
}

// BenchmarkUncertaintyASEMRun is the same without the fast path: every
// run goes through pipeline.Run.
func BenchmarkUncertaintyASEMRun(b *testing.B) {
	in := asemInput(b)
	r := asemNominal(b)
	opt := UAOptions{Inputs: asemInputs(b), N: 1000, Seed: 42, NoFastPath: true}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Uncertainty(in, r, opt); err != nil {
			b.Fatal(err)
		}
	}
}
