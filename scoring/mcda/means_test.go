package mcda

import (
	"math"
	"testing"
)

// TestMeansHand: y = [[1, 2], [4, 4]], w = (1, 3) → (0.25, 0.75).
func TestMeansHand(t *testing.T) {
	y := [][]float64{{1, 2}, {4, 4}}
	w := []float64{1, 3}
	// hmean: 1/(0.25/1 + 0.75/2) = 1/0.625 = 1.6; 1/(0.25/4 + 0.75/4) = 4.
	h, err := HMean(y, w)
	if err != nil {
		t.Fatal(err)
	}
	checkVec(t, "hmean", h, []float64{1.6, 4}, 1e-15)
	// genmean p = 2: √(0.25·1 + 0.75·4) = √3.25; √16 = 4.
	g, err := GenMean(y, w, 2)
	if err != nil {
		t.Fatal(err)
	}
	checkVec(t, "genmean p=2", g, []float64{math.Sqrt(3.25), 4}, 1e-15)
	// p = 1 is the arithmetic mean 0.25 + 1.5 = 1.75; p = −1 the harmonic mean.
	g, _ = GenMean(y, w, 1)
	checkVec(t, "genmean p=1", g, []float64{1.75, 4}, 1e-15)
	g, _ = GenMean(y, w, -1)
	checkVec(t, "genmean p=-1", g, h, 1e-15)
	// p = 3 with an odd power of a negative value: (0.5·(−1)³ + 0.5·2³)^{1/3} = 3.5^{1/3}.
	g, err = GenMean([][]float64{{-1, 2}}, []float64{1, 1}, 3)
	if err != nil {
		t.Fatal(err)
	}
	checkVec(t, "genmean p=3", g, []float64{math.Cbrt(3.5)}, 1e-15)

	_, err = HMean([][]float64{{1, 0}}, []float64{1, 1})
	wantErr(t, err, "positive")
	_, err = HMean([][]float64{{1, -2}}, []float64{1, 1})
	wantErr(t, err, "positive")
	// A zero weight skips its term.
	h, err = HMean([][]float64{{2, 0}}, []float64{1, 0})
	if err != nil || h[0] != 2 {
		t.Errorf("hmean with a zero weight: %v %v", h, err)
	}
	_, err = GenMean(y, w, 0)
	wantErr(t, err, "non-zero")
	_, err = GenMean([][]float64{{1, 0}}, []float64{1, 1}, -2)
	wantErr(t, err, "p < 0")
	_, err = GenMean([][]float64{{1, -1}}, []float64{1, 1}, 0.5)
	wantErr(t, err, "non-integer")
	// (0.5·(−2)³ + 0.5·1)^{1/3}: Σ < 0 under a fractional power.
	_, err = GenMean([][]float64{{-2, 1}}, []float64{1, 1}, 3)
	wantErr(t, err, "undefined")
}

// TestSolveMeans: amean = wsm, gmean = wpm; hmean and genmean through
// Solve; genmean requires p.
func TestSolveMeans(t *testing.T) {
	x := [][]float64{{1, 2}, {4, 4}, {3, 1}}
	for _, pair := range [][2]string{{"amean", "wsm"}, {"gmean", "wpm"}} {
		a, err := Solve(Request{Matrix: x, Types: []int{1, 1}, Weights: []float64{1, 3}, Method: pair[0]})
		if err != nil {
			t.Fatal(err)
		}
		b, err := Solve(Request{Matrix: x, Types: []int{1, 1}, Weights: []float64{1, 3}, Method: pair[1]})
		if err != nil {
			t.Fatal(err)
		}
		checkVec(t, pair[0], a.Scores, b.Scores, 0)
	}
	// hmean row 3: 1/(0.25/3 + 0.75/1) = 1/(5/6) = 1.2.
	a, err := Solve(Request{Matrix: x, Types: []int{1, 1}, Weights: []float64{1, 3}, Method: "hmean"})
	if err != nil {
		t.Fatal(err)
	}
	checkVec(t, "hmean", a.Scores, []float64{1.6, 4, 1.2}, 1e-15)
	checkInts(t, "hmean ranks", a.Ranks, []int{2, 1, 3})
	// genmean p = 2 row 3: √(0.25·9 + 0.75·1) = √3.
	a, err = Solve(Request{Matrix: x, Types: []int{1, 1}, Weights: []float64{1, 3}, Method: "genmean", Params: Params{Num: map[string]float64{"p": 2}}})
	if err != nil {
		t.Fatal(err)
	}
	checkVec(t, "genmean", a.Scores, []float64{math.Sqrt(3.25), 4, math.Sqrt(3)}, 1e-15)
	if a.Details["p"] != 2.0 {
		t.Errorf("details p = %v", a.Details["p"])
	}
	_, err = Solve(Request{Matrix: x, Types: []int{1, 1}, Method: "genmean"})
	wantErr(t, err, "genmean", "p")
	// A cost criterion left as is: the same warning as wsm.
	a, err = Solve(Request{Matrix: x, Types: []int{1, -1}, Method: "hmean"})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := a.Details["warning"]; !ok {
		t.Error("hmean with normalize=none and a cost criterion: no warning")
	}
	// minmax gives zeros: hmean refuses them.
	_, err = Solve(Request{Matrix: x, Types: []int{1, 1}, Normalize: "minmax", Method: "hmean"})
	wantErr(t, err, "harmonic")
}

// TestSolveCombination: given base vectors a = (0.5, 0.3, 0.2) and
// b = (0.2, 0.3, 0.5) (vectors entries), and computed bases.
func TestSolveCombination(t *testing.T) {
	x := [][]float64{{5, 8, 4}, {7, 6, 8}, {8, 8, 6}, {7, 4, 6}, {6, 7, 7}}
	base := func(rule string, num map[string]float64, vec map[string][]float64) Request {
		v := map[string][]float64{"a": {0.5, 0.3, 0.2}, "b": {2, 3, 5}} // b is normalised to sum 1
		for k, x := range vec {
			v[k] = x
		}
		return Request{Matrix: x, Types: []int{1, 1, 1}, Weighting: "combination", Method: "wsm",
			Params: Params{Num: num, Str: map[string]string{"bases": "a, b", "rule": rule}, Vec: v}}
	}
	g := math.Sqrt(0.1)
	cases := []struct {
		name string
		r    Request
		want []float64
	}{
		// linear α = 0.6: 0.6a + 0.4b = (0.30 + 0.08, 0.18 + 0.12, 0.12 + 0.20).
		{"linear 0.6", base("linear", map[string]float64{"alpha": 0.6}, nil), []float64{0.38, 0.30, 0.32}},
		// default equal shares: (0.35, 0.3, 0.35).
		{"linear default", base("", nil, nil), []float64{0.35, 0.3, 0.35}},
		// multiplicative: (0.10, 0.09, 0.10)/0.29.
		{"multiplicative", base("multiplicative", nil, nil), []float64{0.1 / 0.29, 0.09 / 0.29, 0.1 / 0.29}},
		// geometric: (√0.1, 0.3, √0.1)/(2√0.1 + 0.3).
		{"geometric", base("geometric", nil, nil), []float64{g / (2*g + 0.3), 0.3 / (2*g + 0.3), g / (2*g + 0.3)}},
		// game theory: a·a = b·b = 0.38, a·b = 0.10 + 0.09 + 0.10 = 0.29, so WᵀW = [[0.38, 0.29], [0.29, 0.38]], right side (0.38, 0.38),
		// α = (0.38/0.67)(1, 1), α* = (0.5, 0.5), w* = (0.35, 0.3, 0.35).
		{"game-theory", base("game-theory", nil, nil), []float64{0.35, 0.3, 0.35}},
	}
	for _, c := range cases {
		a, err := Solve(c.r)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		checkVec(t, c.name, a.Weights, c.want, 1e-15)
		res := a.Details["combination"].(CombinationResult)
		if len(res.Bases) != 2 || res.Bases[1].Name != "b" {
			t.Fatalf("%s: bases %+v", c.name, res.Bases)
		}
		checkVec(t, c.name+" base b", res.Bases[1].Weights, []float64{0.2, 0.3, 0.5}, 1e-15)
	}
	a, _ := Solve(base("game-theory", nil, nil))
	checkVec(t, "game-theory alpha", a.Details["combination"].(CombinationResult).Alpha, []float64{0.5, 0.5}, 1e-15)
	checkVec(t, "game-theory alpha_raw", a.Details["combination"].(CombinationResult).AlphaRaw, []float64{0.38 / 0.67, 0.38 / 0.67}, 1e-15)

	// Three bases: c = (1, 1, 1)/3. Linear with α = (0.5, 0.25, 0.25):
	// (0.25 + 0.05 + 1/12, 0.15 + 0.075 + 1/12, 0.1 + 0.125 + 1/12).
	r3 := base("linear", nil, map[string][]float64{"c": {1, 1, 1}, "alpha": {0.5, 0.25, 0.25}})
	r3.Str["bases"] = "a,b,c"
	a, err := Solve(r3)
	if err != nil {
		t.Fatal(err)
	}
	checkVec(t, "linear 3", a.Weights, []float64{0.3 + 1.0/12, 0.225 + 1.0/12, 0.225 + 1.0/12}, 1e-15)
	// multiplicative with three: (0.1, 0.09, 0.1)/3 renormalised = as with two.
	r3.Str["rule"] = "multiplicative"
	a, err = Solve(r3)
	if err != nil {
		t.Fatal(err)
	}
	checkVec(t, "multiplicative 3", a.Weights, []float64{0.1 / 0.29, 0.09 / 0.29, 0.1 / 0.29}, 1e-15)
	// geometric with three: ∛(0.1/3), ∛(0.09/3), ∛(0.1/3), renormalised.
	r3.Str["rule"] = "geometric"
	a, err = Solve(r3)
	if err != nil {
		t.Fatal(err)
	}
	g1, g2 := math.Cbrt(0.1/3), math.Cbrt(0.09/3)
	checkVec(t, "geometric 3", a.Weights, []float64{g1 / (2*g1 + g2), g2 / (2*g1 + g2), g1 / (2*g1 + g2)}, 1e-15)

	// Computed bases: entropy and CRITIC on the minmax matrix, linear α = 0.3.
	r := Request{Matrix: x, Types: []int{1, 1, 1}, Normalize: "minmax", Weighting: "combination", Method: "topsis",
		Params: Params{Num: map[string]float64{"alpha": 0.3}, Str: map[string]string{"bases": "entropy,critic"}}}
	a, err = Solve(r)
	if err != nil {
		t.Fatal(err)
	}
	z, _ := Normalize("minmax", x, []int{1, 1, 1}, Params{})
	e, _ := Entropy(z, EntropyOptions{})
	cr, _ := CRITIC(z, false)
	want, _ := CombineLinear(e.Weights, cr.Weights, 0.3)
	checkVec(t, "entropy+critic", a.Weights, want, 1e-15)
	res := a.Details["combination"].(CombinationResult)
	if _, ok := res.Bases[0].Details["entropy"]; !ok {
		t.Errorf("base details %v", res.Bases[0].Details)
	}
	want, _ = CombineGameTheory(e.Weights, cr.Weights)
	r.Str["rule"] = "game-theory"
	a, err = Solve(r)
	if err != nil {
		t.Fatal(err)
	}
	checkVec(t, "entropy+critic game theory", a.Weights, want, 1e-15)
}

func TestSolveCombinationErrors(t *testing.T) {
	x := [][]float64{{5, 8, 4}, {7, 6, 8}, {8, 8, 6}}
	cases := []struct {
		name string
		str  map[string]string
		num  map[string]float64
		vec  map[string][]float64
		frag string
	}{
		{"no bases", nil, nil, nil, "bases"},
		{"one base", map[string]string{"bases": "entropy"}, nil, nil, "at least 2"},
		{"unknown base", map[string]string{"bases": "entropy,merec"}, nil, nil, "merec"},
		{"nested", map[string]string{"bases": "entropy,combination"}, nil, nil, "cannot itself"},
		{"rule", map[string]string{"bases": "entropy,critic", "rule": "max"}, nil, nil, "rule"},
		{"alpha range", map[string]string{"bases": "entropy,critic"}, map[string]float64{"alpha": 1.5}, nil, "alpha"},
		{"alpha 3 bases", map[string]string{"bases": "entropy,critic,equal"}, map[string]float64{"alpha": 0.5}, nil, "vectors.alpha"},
		{"alpha length", map[string]string{"bases": "entropy,critic"}, nil, map[string][]float64{"alpha": {1}}, "one coefficient per base"},
		{"alpha sum", map[string]string{"bases": "entropy,critic"}, nil, map[string][]float64{"alpha": {0.5, 0.6}}, "sum to 1"},
		{"bad vector", map[string]string{"bases": "entropy,v"}, nil, map[string][]float64{"v": {1, -1, 1}}, "negative"},
		{"short vector", map[string]string{"bases": "entropy,v"}, nil, map[string][]float64{"v": {1, 1}}, "base 2"},
		{"ahp missing", map[string]string{"bases": "ahp,entropy"}, nil, nil, "ahp"},
		{"singular", map[string]string{"bases": "equal,v", "rule": "game-theory"}, nil, map[string][]float64{"v": {2, 2, 2}}, "singular"},
	}
	for _, c := range cases {
		_, err := Solve(Request{Matrix: x, Types: []int{1, 1, 1}, Normalize: "minmax-ab", Weighting: "combination", Method: "wsm",
			Params: Params{Num: c.num, Str: c.str, Vec: c.vec}})
		if err == nil {
			t.Errorf("%s: no error", c.name)
			continue
		}
		wantErr(t, err, c.frag)
	}
}
