package mcda

import (
	"math"
	"testing"
)

func col(v ...float64) [][]float64 {
	x := make([][]float64, len(v))
	for i, e := range v {
		x[i] = []float64{e}
	}
	return x
}

func firstCol(y [][]float64) []float64 { return column(y, 0) }

// TestZScoreSPSSAU checks SPSSAU's documented z-score example: its help on
// 生成变量 → 标准化 (S) lists x = (1, 2, 3, 3) → −1.3056 for the first
// value, which only fits the sample standard deviation (n − 1):
// mean 2.25, s = √(2.75/3) = 0.957427, (1 − 2.25)/s = −1.30558.
func TestZScoreSPSSAU(t *testing.T) {
	y, err := Normalize("zscore", col(1, 2, 3, 3), []int{Benefit}, Params{})
	if err != nil {
		t.Fatal(err)
	}
	if got := y[0][0]; !near(got, -1.3056, 5e-5) {
		t.Errorf("z(1) = %.6f, want −1.3056 (SPSSAU)", got)
	}
	checkVec(t, "z", firstCol(y), []float64{-1.305582, -0.261116, 0.783349, 0.783349}, 1e-6)
	y, _ = Normalize("zscore", col(1, 2, 3, 3), []int{Cost}, Params{})
	checkVec(t, "z cost", firstCol(y), []float64{1.305582, 0.261116, -0.783349, -0.783349}, 1e-6)
}

// TestNormalizeHand checks every normalisation on small columns whose
// results are worked out by hand in the table.
func TestNormalizeHand(t *testing.T) {
	p := Params{
		Num: map[string]float64{"a": 0.1, "b": 0.9},
		Vec: map[string][]float64{"best": {5}, "lower": {4}, "upper": {6}},
	}
	cases := []struct {
		name string
		x    []float64
		typ  int
		p    Params
		want []float64
	}{
		// (x − 2)/8 and (10 − x)/8
		{"minmax", []float64{2, 4, 6, 10}, Benefit, Params{}, []float64{0, 0.25, 0.5, 1}},
		{"minmax", []float64{2, 4, 6, 10}, Cost, Params{}, []float64{1, 0.75, 0.5, 0}},
		// constant column → 0
		{"minmax", []float64{3, 3, 3}, Benefit, Params{}, []float64{0, 0, 0}},
		// SPSSAU 区间化 default [0.01, 0.99]: 0.01 + 0.98·u
		{"minmax-ab", []float64{2, 4, 6, 10}, Benefit, Params{}, []float64{0.01, 0.255, 0.5, 0.99}},
		{"minmax-ab", []float64{2, 4, 6, 10}, Cost, p, []float64{0.9, 0.7, 0.5, 0.1}},
		// ‖(3, 4)‖ = 5
		{"vector", []float64{3, 4}, Benefit, Params{}, []float64{0.6, 0.8}},
		{"vector", []float64{3, 4}, Cost, Params{}, []float64{0.4, 0.2}},
		// 1/4, 3/4; cost (1/1, 1/3)/(4/3)
		{"sum", []float64{1, 3}, Benefit, Params{}, []float64{0.25, 0.75}},
		{"sum", []float64{1, 3}, Cost, Params{}, []float64{0.75, 0.25}},
		// x/4; cost 2/x
		{"max", []float64{2, 4}, Benefit, Params{}, []float64{0.5, 1}},
		{"max", []float64{2, 4}, Cost, Params{}, []float64{1, 0.5}},
		// mean 2
		{"mean", []float64{1, 3}, Cost, Params{}, []float64{0.5, 1.5}},
		// x/2
		{"initial", []float64{2, 4, 5}, Benefit, Params{}, []float64{1, 2, 2.5}},
		{"reciprocal", []float64{2, 4}, Cost, Params{}, []float64{0.5, 0.25}},
		{"reciprocal", []float64{2, 4}, Benefit, Params{}, []float64{2, 4}},
		// SPSSAU 非负平移: min −1 ≤ 0 → + 1 + 0.01
		{"spssau-shift", []float64{-1, 0, 2}, Benefit, Params{}, []float64{0.01, 1.01, 3.01}},
		{"spssau-shift", []float64{0, 5, 1}, Benefit, Params{}, []float64{0.01, 5.01, 1.01}},
		{"spssau-shift", []float64{1, 2, 3}, Benefit, Params{}, []float64{1, 2, 3}},
		// best 5: |x − 5| = 2, 0, 4 → 1 − d/4
		{"moderate", []float64{3, 5, 9}, Benefit, p, []float64{0.5, 1, 0}},
		// [4, 6], M = max(4 − 2, 10 − 6) = 4
		{"interval", []float64{2, 5, 10}, Benefit, p, []float64{0.5, 1, 0}},
		{"none", []float64{-2, 7}, Cost, Params{}, []float64{-2, 7}},
	}
	for _, c := range cases {
		y, err := Normalize(c.name, col(c.x...), []int{c.typ}, c.p)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		checkVec(t, c.name, firstCol(y), c.want, 1e-12)
	}
}

func TestNormalizeErrors(t *testing.T) {
	x := [][]float64{{1, 2}, {3, 4}}
	_, err := Normalize("bogus", x, []int{1, 1}, Params{})
	wantErr(t, err, "bogus")
	_, err = Normalize("minmax", [][]float64{{1, 2}, {3}}, []int{1, 1}, Params{})
	wantErr(t, err, "ragged")
	_, err = Normalize("minmax", [][]float64{{1, math.NaN()}}, []int{1, 1}, Params{})
	wantErr(t, err, "not finite")
	_, err = Normalize("minmax", x, []int{1}, Params{})
	wantErr(t, err, "types")
	_, err = Normalize("minmax", x, []int{1, 0}, Params{})
	wantErr(t, err, "benefit")
	_, err = Normalize("moderate", x, []int{1, 1}, Params{})
	wantErr(t, err, "best")
	_, err = Normalize("initial", [][]float64{{0}, {1}}, []int{1}, Params{})
	wantErr(t, err, "x₁")
	_, err = Normalize("reciprocal", [][]float64{{0}, {1}}, []int{Cost}, Params{})
	wantErr(t, err, "reciprocal")
	_, err = Normalize("minmax-ab", x, []int{1, 1}, Params{Num: map[string]float64{"a": 1, "b": 0}})
	wantErr(t, err, "a < b")
}

// TestVectorVariantsSameCloseness: pymcdm's vector normalisation turns a
// cost column into 1 − x/‖x‖; the classic TOPSIS keeps x/‖x‖ and takes the
// minimum as ideal. Both give the same distances, hence the same closeness.
func TestVectorVariantsSameCloseness(t *testing.T) {
	x := [][]float64{{250, 16, 12, 5}, {200, 16, 8, 3}, {300, 32, 16, 4}, {275, 32, 8, 4}, {225, 16, 16, 2}}
	types := []int{Cost, Benefit, Benefit, Benefit}
	w := []float64{0.35, 0.25, 0.25, 0.15}
	classic, err := TOPSIS(x, types, w, TOPSISOptions{})
	if err != nil {
		t.Fatal(err)
	}
	pym, err := TOPSIS(x, types, w, TOPSISOptions{Normalize: "vector-pymcdm"})
	if err == nil {
		t.Fatal("unknown inner normalisation accepted")
	}
	z, _ := Normalize("vector", x, types, Params{})
	pym, err = TOPSIS(z, []int{1, 1, 1, 1}, w, TOPSISOptions{Normalize: "none"})
	if err != nil {
		t.Fatal(err)
	}
	checkVec(t, "closeness", pym.Closeness, classic.Closeness, 1e-12)
}
