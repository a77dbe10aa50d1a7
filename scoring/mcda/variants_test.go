package mcda

import (
	"math"
	"testing"
)

// The variants other tools use (issue 10, item 9), each against that
// tool's own test vectors or a hand computation written out below.

// diakoulaki is the CRITIC paper's matrix (Diakoulaki, Mavrotas &
// Papayannakis 1995), as in scikit-criteria's tests/preprocessing/
// test_weighters.py (test_critic_weight_weights_diakoulaki1995determining).
var diakoulaki = [][]float64{
	{61, 1.08, 4.33}, {20.7, 0.26, 4.34}, {16.3, 1.98, 2.53}, {9, 3.29, 1.65},
	{5.4, 2.77, 2.33}, {4, 4.12, 1.21}, {-6.1, 3.52, 2.10}, {-34.6, 3.31, 0.98},
}

// TestCRITICCorrelationSKCriteria: scikit-criteria's expected weights for
// correlation = pearson and spearman, with scale = True (its
// scale_by_cenit_distance, i.e. min-max for maximised criteria) and
// scale = False (raw data). scikit-criteria takes np.std (divisor n) and we
// the sample sd (n − 1): the factor √(n/(n−1)) is common to every column
// and cancels in w = C/ΣC.
func TestCRITICCorrelationSKCriteria(t *testing.T) {
	types := []int{Benefit, Benefit, Benefit}
	scaled, err := Normalize("minmax", diakoulaki, types, Params{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		x    [][]float64
		corr string
		want []float64
	}{
		{scaled, Pearson, []float64{0.20222554, 0.48090173, 0.31687273}},
		{diakoulaki, Pearson, []float64{0.86874234, 0.08341434, 0.04784331}},
		{scaled, Spearman, []float64{0.21454645, 0.4898563, 0.29559726}},
		{diakoulaki, Spearman, []float64{0.87672195, 0.08082369, 0.04245436}},
	} {
		res, err := CRITICWith(c.x, CRITICOptions{Correlation: c.corr})
		if err != nil {
			t.Fatal(err)
		}
		checkVec(t, "critic "+c.corr, res.Weights, c.want, 5e-9)
	}
	// Through Solve (options.correlation), as `nqp mcda` reads it.
	ans, err := Solve(Request{Matrix: diakoulaki, Types: types, Normalize: "minmax", Weighting: "critic", Method: "wsm",
		Params: Params{Str: map[string]string{"correlation": "spearman"}}})
	if err != nil {
		t.Fatal(err)
	}
	checkVec(t, "solve critic spearman", ans.Weights, []float64{0.21454645, 0.4898563, 0.29559726}, 5e-9)
	_, err = Solve(Request{Matrix: diakoulaki, Types: types, Weighting: "critic", Method: "wsm",
		Params: Params{Str: map[string]string{"correlation": "pearsn"}}})
	wantErr(t, err, "pearsn", "spearman")
}

// TestKendallTauB checks τ-b by hand.
//
// a = (1, 2, 2, 3), b = (1, 2, 3, 3): of the n₀ = 6 pairs, (2,3) is tied in
// a and (3,4) tied in b (n₁ = n₂ = 1); the other four are concordant, none
// discordant: τ-b = (4 − 0)/√((6 − 1)(6 − 1)) = 4/5 = 0.8. (gonum's
// stat.Kendall counts the ties as concordant: τ-a = 6/6 = 1.)
//
// a = (1, 2, 3, 4), b = (1, 3, 2, 4): one discordant pair (2,3), five
// concordant: τ = (5 − 1)/6 = 2/3.
//
// Reversed order on 5 values: τ = −1. A constant column: undefined (ok false).
func TestKendallTauB(t *testing.T) {
	for _, c := range []struct {
		a, b []float64
		want float64
	}{
		{[]float64{1, 2, 2, 3}, []float64{1, 2, 3, 3}, 0.8},
		{[]float64{2, 2, 1, 3}, []float64{2, 3, 1, 3}, 0.8}, // the same pairs in another order
		{[]float64{1, 2, 3, 4}, []float64{1, 3, 2, 4}, 2.0 / 3},
		{[]float64{5, 4, 3, 2, 1}, []float64{1, 2, 3, 4, 5}, -1},
	} {
		r, ok := Correlate(Kendall, c.a, c.b)
		if !ok || !near(r, c.want, 1e-15) {
			t.Errorf("τ-b(%v, %v) = %v %v, want %v", c.a, c.b, r, ok, c.want)
		}
	}
	if _, ok := Correlate(Kendall, []float64{1, 1, 1}, []float64{1, 2, 3}); ok {
		t.Error("τ-b of a constant column is defined")
	}
	// Average ranks: 10, 20, 20, 30 → 1, 2.5, 2.5, 4.
	checkVec(t, "average ranks", AverageRanks([]float64{20, 10, 30, 20}), []float64{2.5, 1, 4, 2.5}, 0)
	// Spearman with ties = Pearson of the average ranks: a = (1, 2, 2, 3)
	// has ranks (1, 2.5, 2.5, 4), b = (1, 2, 3, 3) has (1, 2, 3.5, 3.5);
	// deviations from 2.5: (−1.5, 0, 0, 1.5) and (−1.5, −0.5, 1, 1);
	// Σ products = 2.25 + 1.5 = 3.75; Σ squares 4.5 and 4.5;
	// ρ = 3.75/4.5 = 0.8333….
	r, _ := Correlate(Spearman, []float64{1, 2, 2, 3}, []float64{1, 2, 3, 3})
	if !near(r, 3.75/4.5, 1e-15) {
		t.Errorf("spearman = %v, want %v", r, 3.75/4.5)
	}
}

// TestCRITICKendallByHand: columns c1 = (1, 2, 3, 4), c2 = (1, 3, 2, 4),
// c3 = (4, 3, 2, 1) have the same sample sd √(5/3), so the weights follow
// the conflict alone.
//
//	Kendall: τ12 = 2/3, τ13 = −1, τ23 = −2/3;
//	R1 = (1 − 2/3) + (1 + 1) = 7/3, R2 = 1/3 + 5/3 = 2, R3 = 2 + 5/3 = 11/3;
//	ΣR = 8, w = (7/24, 6/24, 11/24).
//	Spearman (no ties: 1 − 6Σd²/(n(n² − 1))): ρ12 = 1 − 12/60 = 0.8,
//	ρ13 = −1, ρ23 = −0.8; R = (2.2, 2.0, 3.8), ΣR = 8, w = (0.275, 0.25, 0.475).
func TestCRITICKendallByHand(t *testing.T) {
	y := [][]float64{{1, 1, 4}, {2, 3, 3}, {3, 2, 2}, {4, 4, 1}}
	res, err := CRITICWith(y, CRITICOptions{Correlation: Kendall})
	if err != nil {
		t.Fatal(err)
	}
	checkVec(t, "kendall", res.Weights, []float64{7.0 / 24, 6.0 / 24, 11.0 / 24}, 1e-15)
	checkVec(t, "kendall conflict", res.Conflict, []float64{7.0 / 3, 2, 11.0 / 3}, 1e-15)
	if res.Correlation != Kendall {
		t.Errorf("correlation %q", res.Correlation)
	}
	res, _ = CRITICWith(y, CRITICOptions{Correlation: Spearman})
	checkVec(t, "spearman", res.Weights, []float64{0.275, 0.25, 0.475}, 1e-15)
	res, _ = CRITIC(y, false)
	checkVec(t, "pearson", res.Weights, []float64{0.275, 0.25, 0.475}, 1e-15)
	if res.Correlation != "" {
		t.Errorf("pearson result names its correlation %q (the JSON must stay as before)", res.Correlation)
	}
}

// TestPymcdmMax: pymcdm's test/test_normalizations.py TestMaxNormalization
// (types −1, −1, 1): cost 1 − x/max, benefit x/max, rounded to 8 digits.
// Our "max" (最大值化) keeps min/x for cost columns.
func TestPymcdmMax(t *testing.T) {
	x := [][]float64{{66, 56, 95}, {61, 55, 166}, {65, 49, 113}, {95, 56, 99}, {63, 43, 178}, {74, 59, 140}}
	types := []int{Cost, Cost, Benefit}
	want := [][]float64{
		{0.30526316, 0.05084746, 0.53370787}, {0.35789474, 0.06779661, 0.93258427}, {0.31578947, 0.16949153, 0.63483146},
		{0.0, 0.05084746, 0.55617978}, {0.33684211, 0.27118644, 1.0}, {0.22105263, 0.0, 0.78651685},
	}
	y, err := Normalize("pymcdm-max", x, types, Params{})
	if err != nil {
		t.Fatal(err)
	}
	checkMat(t, "pymcdm-max", y, want, 5e-9)
	old, _ := Normalize("max", x, types, Params{})
	if !near(old[0][0], 61.0/66, 1e-15) { // min/x
		t.Errorf("max (最大值化) changed: %v", old[0][0])
	}
	_, err = Normalize("pymcdm-max", [][]float64{{0}, {0}}, []int{Benefit}, Params{})
	wantErr(t, err, "max")
}

// TestZScoreSKCriteria: scikit-criteria's StandarScaler (scikit-learn's
// StandardScaler: divisor n, objectives untouched), from its
// tests/preprocessing/test_scalers.py test_StandarScaler_simple_matrix:
// [[1, 2, 3], [4, 5, 6]] with objectives (min, max, min) →
// (x − mean)/1.5 = [[−1, −1, −1], [1, 1, 1]]. Ours by default: sample sd
// 3/√2 = 2.1213 and cost columns negated.
func TestZScoreSKCriteria(t *testing.T) {
	x := [][]float64{{1, 2, 3}, {4, 5, 6}}
	types := []int{Cost, Benefit, Cost}
	sk := Params{Num: map[string]float64{"ddof": 0, "flip_cost": 0}}
	y, err := Normalize("zscore", x, types, sk)
	if err != nil {
		t.Fatal(err)
	}
	checkMat(t, "zscore skcriteria", y, [][]float64{{-1, -1, -1}, {1, 1, 1}}, 1e-15)
	d := 1.5 / (3 / math.Sqrt2)
	y, _ = Normalize("zscore", x, types, Params{})
	checkMat(t, "zscore default", y, [][]float64{{d, -d, d}, {-d, d, -d}}, 1e-15)
	// SPSSAU's example still holds by default: (1, 2, 3, 3) → −1.3056.
	y, _ = Normalize("zscore", [][]float64{{1}, {2}, {3}, {3}}, []int{Benefit}, Params{})
	if !near(y[0][0], -1.3056, 5e-5) {
		t.Errorf("SPSSAU example %v", y[0][0])
	}
	// flip_cost = 0 keeps the cost type for TOPSIS: its ideal of a cost
	// column is the minimum, so the closeness equals the flipped run's.
	flipped, err := Solve(Request{Matrix: x, Types: types, Normalize: "zscore", Method: "topsis", Params: Params{Num: map[string]float64{"ddof": 0}}})
	if err != nil {
		t.Fatal(err)
	}
	kept, err := Solve(Request{Matrix: x, Types: types, Normalize: "zscore", Method: "topsis", Params: sk})
	if err != nil {
		t.Fatal(err)
	}
	checkMat(t, "kept z", kept.Normalized, [][]float64{{-1, -1, -1}, {1, 1, 1}}, 1e-15)
	checkVec(t, "closeness", kept.Scores, flipped.Scores, 1e-15)
	_, err = Normalize("zscore", x, types, Params{Num: map[string]float64{"ddof": 2}})
	wantErr(t, err, "ddof")
}

// TestWeightsAsGiven: params.rescale_weights = 0 uses the weights as given
// (pymcdm, scikit-criteria).
//
//	z = [[0.5, 1], [1, 0]], w = (3, 1):
//	wsm as given: 3·0.5 + 1 = 2.5 and 3·1 + 0 = 3; rescaled (0.75, 0.25): 0.625, 0.75.
//	z = [[0.25, 1], [1, 0.5]], w = (2, 1):
//	wpm as given: 0.25² · 1 = 0.0625 and 1 · 0.5 = 0.5;
//	rescaled (⅔, ⅓): 0.25^⅔ = 0.39685 and 0.5^⅓ = 0.79370.
//	topsis: D⁺ and D⁻ scale with w, the closeness does not.
func TestWeightsAsGiven(t *testing.T) {
	raw := Params{Num: map[string]float64{"rescale_weights": 0}}
	run := func(z [][]float64, w []float64, method string, p Params) Answer {
		t.Helper()
		ans, err := Solve(Request{Matrix: z, Types: []int{Benefit, Benefit}, Weights: w, Method: method, Params: p})
		if err != nil {
			t.Fatal(err)
		}
		return ans
	}
	z := [][]float64{{0.5, 1}, {1, 0}}
	checkVec(t, "wsm as given", run(z, []float64{3, 1}, "wsm", raw).Scores, []float64{2.5, 3}, 1e-15)
	checkVec(t, "wsm weights", run(z, []float64{3, 1}, "wsm", raw).Weights, []float64{3, 1}, 0)
	checkVec(t, "wsm rescaled", run(z, []float64{3, 1}, "wsm", Params{}).Scores, []float64{0.625, 0.75}, 1e-15)
	z = [][]float64{{0.25, 1}, {1, 0.5}}
	checkVec(t, "wpm as given", run(z, []float64{2, 1}, "wpm", raw).Scores, []float64{0.0625, 0.5}, 1e-15)
	checkVec(t, "wpm rescaled", run(z, []float64{2, 1}, "wpm", Params{}).Scores, []float64{math.Pow(0.25, 2.0/3), math.Pow(0.5, 1.0/3)}, 1e-15)
	x := [][]float64{{250, 16}, {200, 16}, {300, 32}}
	a, b := run(x, []float64{2, 2}, "topsis", raw), run(x, []float64{2, 2}, "topsis", Params{})
	checkVec(t, "topsis closeness", a.Scores, b.Scores, 1e-15)
	dp, dp1 := a.Details["d_plus"].([]float64), b.Details["d_plus"].([]float64)
	for i := range dp {
		if !near(dp[i], 4*dp1[i], 1e-12) { // w = (2, 2) is 4 × (½, ½)
			t.Errorf("D⁺[%d] = %v, rescaled %v", i, dp[i], dp1[i])
		}
	}
	_, err := Solve(Request{Matrix: x, Types: []int{Benefit, Benefit}, Weights: []float64{1, 1}, Method: "vikor", Params: raw})
	wantErr(t, err, "rescale_weights", "vikor")
	_, err = Solve(Request{Matrix: x, Types: []int{Benefit, Benefit}, Weights: []float64{1, 1}, Method: "wsm", Params: Params{Num: map[string]float64{"rescale_weights": 2}}})
	wantErr(t, err, "rescale_weights")
}
