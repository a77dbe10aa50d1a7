package mcda

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestEntropyHand: a hand computation of the entropy method on
//
//	y = [[1, 1], [2, 1], [3, 4]],  m = 3, k = 1/ln 3 = 0.910239.
//
// Column 1: p = (1/6, 1/3, 1/2), Σ p ln p = −1.011404, e = 0.920620,
// d = 0.079380. Column 2: p = (1/6, 1/6, 2/3), Σ p ln p = −0.867563,
// e = 0.789690, d = 0.210310. w = d/Σd = (0.274018, 0.725982).
func TestEntropyHand(t *testing.T) {
	res, err := Entropy([][]float64{{1, 1}, {2, 1}, {3, 4}}, EntropyOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !near(res.K, 1/math.Log(3), 1e-15) {
		t.Errorf("k = %v", res.K)
	}
	checkVec(t, "e", res.E, []float64{0.920620, 0.789690}, 1e-6)
	checkVec(t, "d", res.D, []float64{0.079380, 0.210310}, 1e-6)
	checkVec(t, "w", res.Weights, []float64{0.274018, 0.725982}, 1e-6)
}

// TestEntropyRules covers 0·ln 0 = 0, the δ shift, constant columns and
// SPSSAU's non-negative shift.
func TestEntropyRules(t *testing.T) {
	y := [][]float64{{0, 1, 5}, {0.5, 2, 5}, {1, 4, 5}}
	res, err := Entropy(y, EntropyOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// Column 1: p = (0, 1/3, 2/3); 0·ln 0 = 0 → e = −(1/3 ln 1/3 + 2/3 ln 2/3)/ln 3.
	e1 := -(math.Log(1.0/3)/3 + 2*math.Log(2.0/3)/3) / math.Log(3)
	if !near(res.E[0], e1, 1e-12) {
		t.Errorf("e1 = %v, want %v", res.E[0], e1)
	}
	if res.Weights[2] != 0 || len(res.Notes) != 1 {
		t.Errorf("constant column: weight %v, notes %v", res.Weights[2], res.Notes)
	}
	shifted, _ := Entropy(y, EntropyOptions{Shift: 0.01})
	if !(shifted.E[0] > res.E[0]) {
		t.Errorf("a shift δ must raise the entropy of a column with zeros: %v vs %v", shifted.E[0], res.E[0])
	}
	_, err = Entropy([][]float64{{-1, 1}, {2, 3}}, EntropyOptions{})
	wantErr(t, err, "non-negative")
	nn, err := Entropy([][]float64{{-1, 1}, {2, 3}}, EntropyOptions{NonNegShift: true})
	if err != nil || len(nn.Shifted) != 1 || nn.Shifted[0] != 0 {
		t.Errorf("non-negative shift: %v %v", nn, err)
	}
	_, err = Entropy([][]float64{{1, 2}}, EntropyOptions{})
	wantErr(t, err, "at least 2")
	_, err = Entropy([][]float64{{1, 2}, {1, 2}}, EntropyOptions{})
	wantErr(t, err, "positive sum")
}

func randMatrix(r *rand.Rand, m, n int) [][]float64 {
	x := make([][]float64, m)
	for i := range x {
		x[i] = make([]float64, n)
		for j := range x[i] {
			x[i][j] = r.Float64()
		}
	}
	return x
}

// TestEntropyProperties: the weights sum to 1 and do not depend on the order
// of the rows.
func TestEntropyProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for trial := 0; trial < 50; trial++ {
		m, n := 2+r.IntN(10), 1+r.IntN(6)
		y := randMatrix(r, m, n)
		a, err := Entropy(y, EntropyOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if !near(sum(a.Weights), 1, 1e-12) {
			t.Fatalf("Σw = %v", sum(a.Weights))
		}
		perm := r.Perm(m)
		py := make([][]float64, m)
		for i, p := range perm {
			py[i] = y[p]
		}
		b, _ := Entropy(py, EntropyOptions{})
		checkVec(t, "permuted w", b.Weights, a.Weights, 1e-12)
	}
}

// TestCRITICHand: CRITIC on the 4×3 matrix below, computed by hand
// (sample σ; Pearson r):
//
//	σ = (0.420317, 0.427200, 0.443471)
//	r12 = −0.993170, r13 = 0.160945, r23 = −0.079176
//	R = Σ(1 − r) = (2.832225, 3.072347, 1.918231)
//	C = σR = (1.190433, 1.312507, 0.850680), w = (0.354970, 0.391370, 0.253660)
//
// With Σ(1 − |r|) the weights are (0.232032, 0.258629, 0.509340).
func TestCRITICHand(t *testing.T) {
	y := [][]float64{{0.0, 1.0, 0.2}, {0.5, 0.4, 0.0}, {1.0, 0.0, 0.6}, {0.3, 0.7, 1.0}}
	res, err := CRITIC(y, false)
	if err != nil {
		t.Fatal(err)
	}
	checkVec(t, "sigma", res.Sigma, []float64{0.420317, 0.427200, 0.443471}, 1e-6)
	checkVec(t, "conflict", res.Conflict, []float64{2.832225, 3.072347, 1.918231}, 1e-6)
	checkVec(t, "info", res.Info, []float64{1.190433, 1.312507, 0.850680}, 1e-6)
	checkVec(t, "w", res.Weights, []float64{0.354970, 0.391370, 0.253660}, 1e-6)
	if !near(res.Corr[0][1], -0.993170, 1e-6) {
		t.Errorf("r12 = %v", res.Corr[0][1])
	}
	abs, _ := CRITIC(y, true)
	checkVec(t, "w |r|", abs.Weights, []float64{0.232032, 0.258629, 0.509340}, 1e-6)
}

// TestSpreadHand: columns (1, 2, 3) and (2, 4, 6) have means 2, 4 and
// sample sds 1, 2, so equal CVs (0.5) and sd weights (1/3, 2/3).
func TestSpreadHand(t *testing.T) {
	y := [][]float64{{1, 2}, {2, 4}, {3, 6}}
	cv, err := CV(y)
	if err != nil {
		t.Fatal(err)
	}
	checkVec(t, "cv", cv.Spread, []float64{0.5, 0.5}, 1e-15)
	checkVec(t, "cv w", cv.Weights, []float64{0.5, 0.5}, 1e-15)
	sd, _ := SD(y)
	checkVec(t, "sd w", sd.Weights, []float64{1.0 / 3, 2.0 / 3}, 1e-15)
	_, err = CV([][]float64{{-1, 1}, {0, 2}})
	wantErr(t, err, "positive column means")
}

// TestPCATwoVariables: for two positively correlated variables the
// correlation matrix [[1, r], [r, 1]] has eigenvalues 1 ± r with
// eigenvectors (1, 1)/√2 and (1, −1)/√2; only 1 + r exceeds 1, so
// b = (1/√2, 1/√2) and the weights are (1/2, 1/2).
func TestPCATwoVariables(t *testing.T) {
	y := [][]float64{{1, 2}, {2, 1}, {3, 5}, {4, 4}}
	res, err := PCA(y, PCAOptions{MinEigen: 1})
	if err != nil {
		t.Fatal(err)
	}
	r, _ := pearson(column(y, 0), column(y, 1))
	checkVec(t, "eigenvalues", res.Eigenvalues, []float64{1 + r, 1 - r}, 1e-12)
	if res.Kept != 1 {
		t.Errorf("kept %d", res.Kept)
	}
	checkVec(t, "b", res.B, []float64{1 / math.Sqrt2, 1 / math.Sqrt2}, 1e-12)
	checkVec(t, "w", res.Weights, []float64{0.5, 0.5}, 1e-12)
	checkVec(t, "loadings", []float64{res.Loadings[0][0], res.Loadings[1][0]}, []float64{math.Sqrt((1 + r) / 2), math.Sqrt((1 + r) / 2)}, 1e-12)
	l, err := PCALoadings(y)
	if err != nil {
		t.Fatal(err)
	}
	checkVec(t, "pca-loadings w", l.Weights, []float64{0.5, 0.5}, 1e-12)
	// cumulative ≥ 0.99 keeps both components: b = (1/√2)(1+r)/2 ± (1/√2)(1−r)/2.
	all, _ := PCA(y, PCAOptions{Cumulative: 0.99})
	if all.Kept != 2 {
		t.Fatalf("kept %d, want 2", all.Kept)
	}
	b1 := (1+r)/2/math.Sqrt2 + (1-r)/2/math.Sqrt2
	b2 := (1+r)/2/math.Sqrt2 - (1-r)/2/math.Sqrt2
	checkVec(t, "b (2 kept)", all.B, []float64{b1, b2}, 1e-12)
}

// TestPCAProperties: the weights sum to 1, are unchanged when a column is
// rescaled, and b_j = Σ_k a_jk λ_k/Σλ holds for the reported quantities.
func TestPCAProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for trial := 0; trial < 30; trial++ {
		m, n := 6+r.IntN(10), 2+r.IntN(5)
		y := randMatrix(r, m, n)
		a, err := PCA(y, PCAOptions{MinEigen: 1})
		if err != nil {
			t.Fatal(err)
		}
		if !near(sum(a.Weights), 1, 1e-12) {
			t.Fatalf("Σw = %v", sum(a.Weights))
		}
		ls := 0.0
		for k := 0; k < a.Kept; k++ {
			ls += a.Eigenvalues[k]
		}
		for j := 0; j < n; j++ {
			b := 0.0
			for k := 0; k < a.Kept; k++ {
				b += a.Coef[j][k] * a.Eigenvalues[k] / ls
				if !near(a.Coef[j][k], a.Loadings[j][k]/math.Sqrt(a.Eigenvalues[k]), 1e-12) {
					t.Fatalf("a ≠ l/√λ")
				}
			}
			if !near(b, a.B[j], 1e-12) {
				t.Fatalf("b[%d] = %v, want %v", j, a.B[j], b)
			}
		}
		c := 1 + r.IntN(n)
		c--
		s := 1 + 100*r.Float64()
		ys := make([][]float64, m)
		for i := range y {
			ys[i] = append([]float64(nil), y[i]...)
			ys[i][c] = ys[i][c]*s + 7
		}
		b, _ := PCA(ys, PCAOptions{MinEigen: 1})
		checkVec(t, "rescaled w", b.Weights, a.Weights, 1e-9)
	}
	_, err := PCA([][]float64{{1, 2}, {1, 3}, {1, 4}}, PCAOptions{})
	wantErr(t, err, "constant")
}

// TestCombineHand: a = (0.2, 0.8), b = (0.6, 0.4).
//
//	linear α = 0.5: (0.4, 0.6)
//	multiplicative: (0.12, 0.32)/0.44 = (0.272727, 0.727273)
//	geometric: (√0.12, √0.32)/Σ = (0.379796, 0.620204)
//	game theory: WᵀW = [[0.68, 0.44], [0.44, 0.52]], rhs (0.68, 0.52),
//	  det 0.16 → α = (0.78, 0.34), α* = (0.696429, 0.303571),
//	  w = α*₁a + α*₂b = (0.321429, 0.678571).
func TestCombineHand(t *testing.T) {
	a, b := []float64{0.2, 0.8}, []float64{0.6, 0.4}
	w, err := CombineLinear(a, b, 0.5)
	if err != nil {
		t.Fatal(err)
	}
	checkVec(t, "linear", w, []float64{0.4, 0.6}, 1e-15)
	w, _ = CombineMultiplicative(a, b)
	checkVec(t, "multiplicative", w, []float64{0.12 / 0.44, 0.32 / 0.44}, 1e-15)
	w, _ = CombineGeometric(a, b)
	checkVec(t, "geometric", w, []float64{0.379796, 0.620204}, 1e-6)
	g, err := GameTheory([][]float64{a, b}, false)
	if err != nil {
		t.Fatal(err)
	}
	checkVec(t, "alpha raw", g.AlphaRaw, []float64{0.78, 0.34}, 1e-12)
	checkVec(t, "alpha", g.Alpha, []float64{0.78 / 1.12, 0.34 / 1.12}, 1e-12)
	checkVec(t, "game", g.Weights, []float64{0.321429, 0.678571}, 1e-6)
	w, _ = CombineGameTheory(a, b)
	checkVec(t, "CombineGameTheory", w, g.Weights, 0)
	// Unnormalised inputs are normalised first.
	w, _ = CombineLinear([]float64{1, 4}, []float64{3, 2}, 0.5)
	checkVec(t, "linear (raw)", w, []float64{0.4, 0.6}, 1e-15)

	_, err = CombineGameTheory(a, a)
	wantErr(t, err, "singular")
	_, err = CombineLinear(a, []float64{1}, 0.5)
	wantErr(t, err, "length")
	_, err = CombineLinear(a, b, 2)
	wantErr(t, err, "alpha")
	_, err = CombineMultiplicative([]float64{1, 0}, []float64{0, 1})
	wantErr(t, err, "positive sum")
}

// TestVerticalHorizontalHand: A₁ = [[1, 0], [0, 1], [1, 1]] and A₂ = [[1, 0]]
// give H = [[2, 1], [1, 2]] + [[1, 0], [0, 0]] = [[3, 1], [1, 2]], whose
// largest eigenvalue is (5 + √5)/2 with eigenvector (1, φ − 1), φ the golden
// ratio, so w = (1/φ, 1 − 1/φ) = (0.618034, 0.381966).
func TestVerticalHorizontalHand(t *testing.T) {
	res, err := VerticalHorizontal([][][]float64{{{1, 0}, {0, 1}, {1, 1}}, {{1, 0}}})
	if err != nil {
		t.Fatal(err)
	}
	phi := (1 + math.Sqrt(5)) / 2
	if !near(res.Lambda, (5+math.Sqrt(5))/2, 1e-12) {
		t.Errorf("λ = %v", res.Lambda)
	}
	checkVec(t, "w", res.Weights, []float64{1 / phi, 1 - 1/phi}, 1e-12)
	_, err = VerticalHorizontal([][][]float64{{{1, 0}}, {{1}}})
	wantErr(t, err, "period 2")
}
