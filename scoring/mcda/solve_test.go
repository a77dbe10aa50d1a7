package mcda

import (
	"encoding/json"
	"math"
	"testing"
)

func TestSolveValidation(t *testing.T) {
	good := Request{Matrix: [][]float64{{1, 2}, {3, 4}}, Types: []int{1, -1}, Method: "wsm", Normalize: "minmax"}
	if _, err := Solve(good); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		edit func(r *Request)
		frag string
	}{
		{"empty", func(r *Request) { r.Matrix = nil }, "empty"},
		{"ragged", func(r *Request) { r.Matrix = [][]float64{{1, 2}, {3}} }, "ragged"},
		{"types", func(r *Request) { r.Types = []int{1} }, "types"},
		{"type value", func(r *Request) { r.Types = []int{1, 2} }, "benefit"},
		{"NaN", func(r *Request) { r.Matrix = [][]float64{{1, math.NaN()}, {3, 4}} }, "not finite"},
		{"Inf", func(r *Request) { r.Matrix = [][]float64{{1, math.Inf(1)}, {3, 4}} }, "not finite"},
		{"negative weight", func(r *Request) { r.Weights = []float64{1, -1} }, "negative"},
		{"weights length", func(r *Request) { r.Weights = []float64{1} }, "weights"},
		{"zero weights", func(r *Request) { r.Weights = []float64{0, 0} }, "positive sum"},
		{"no method", func(r *Request) { r.Method = "" }, "no method"},
		{"method", func(r *Request) { r.Method = "electre" }, "electre"},
		{"normalize", func(r *Request) { r.Normalize = "l3" }, "l3"},
		{"weighting", func(r *Request) { r.Weighting = "merec" }, "merec"},
		{"both", func(r *Request) { r.Weights = []float64{1, 1}; r.Weighting = "entropy" }, "both"},
		{"ahp missing", func(r *Request) { r.Weighting = "ahp" }, "ahp"},
		{"vikor v", func(r *Request) { r.Method = "vikor"; r.Num = map[string]float64{"v": 2} }, "v must"},
	}
	for _, c := range cases {
		r := good
		c.edit(&r)
		_, err := Solve(r)
		if err == nil {
			t.Errorf("%s: no error", c.name)
			continue
		}
		wantErr(t, err, c.frag)
	}
}

// TestSolveTOPSIS reproduces Tzeng & Huang (2011) through Solve (default
// normalisation "vector" for topsis).
func TestSolveTOPSIS(t *testing.T) {
	a, err := Solve(Request{Matrix: tzeng2011, Types: []int{1, 1, 1}, Weights: []float64{3, 4, 3}, Method: "topsis"})
	if err != nil {
		t.Fatal(err)
	}
	checkVec(t, "scores", a.Scores, []float64{0.5037, 0.6581, 0.7482, 0.3340}, 1e-4)
	checkInts(t, "ranks", a.Ranks, []int{3, 2, 1, 4})
	checkVec(t, "weights", a.Weights, []float64{0.3, 0.4, 0.3}, 1e-15)
	for _, k := range []string{"d_plus", "d_minus", "closeness", "ideal_best", "ideal_worst"} {
		if _, ok := a.Details[k]; !ok {
			t.Errorf("details lack %q", k)
		}
	}
	// Cost criterion through Solve equals the building block.
	x := [][]float64{{5490, 51.4, 8.5, 285}, {6500, 70.6, 7, 288}, {6489, 54.3, 7.5, 290}}
	a, err = Solve(Request{Matrix: x, Types: []int{-1, 1, 1, 1}, Weights: []float64{0.35, 0.25, 0.25, 0.15}, Method: "topsis"})
	if err != nil {
		t.Fatal(err)
	}
	checkVec(t, "ideal best", a.Details["ideal_best"].([]float64), []float64{0.179573776, 0.171636015, 0.159499658, 0.087302767}, 1e-9)
	// 清风 style, min-max inside.
	d, err := Solve(Request{Matrix: x, Types: []int{-1, 1, 1, 1}, Weights: []float64{0.35, 0.25, 0.25, 0.15}, Method: "topsis",
		Normalize: "minmax", Params: Params{Str: map[string]string{"weights_in": "distance"}}})
	if err != nil {
		t.Fatal(err)
	}
	z, _ := Normalize("minmax", x, []int{-1, 1, 1, 1}, Params{})
	ref, _ := TOPSIS(z, []int{1, 1, 1, 1}, []float64{0.35, 0.25, 0.25, 0.15}, TOPSISOptions{Normalize: "none", WeightsIn: "distance"})
	checkVec(t, "distance variant", d.Scores, ref.Closeness, 1e-15)
}

// TestSolveVIKOR: Opricovic & Tzeng (2004) through Solve; scores are Q and
// ranks ascend.
func TestSolveVIKOR(t *testing.T) {
	a, err := Solve(Request{Matrix: [][]float64{{1, 3000}, {2, 3750}, {5, 4500}}, Types: []int{-1, 1}, Method: "vikor"})
	if err != nil {
		t.Fatal(err)
	}
	checkVec(t, "Q", a.Scores, []float64{1, 0, 1}, 1e-12)
	checkInts(t, "ranks", a.Ranks, []int{2, 1, 2})
	if a.Details["lower_is_better"] != true {
		t.Error("lower_is_better missing")
	}
	checkInts(t, "compromise", a.Details["compromise_set"].([]int), []int{1})
}

// TestSolvePipelines runs each weighting and method once through Solve and
// checks the invariants: weights sum to 1, ranks in 1..m.
func TestSolvePipelines(t *testing.T) {
	x := [][]float64{{5, 8, 4, 120}, {7, 6, 8, 90}, {8, 8, 6, 100}, {7, 4, 6, 80}, {6, 7, 7, 110}}
	types := []int{1, 1, 1, -1}
	ahp := [][]float64{{1, 2, 3, 4}, {0.5, 1, 2, 3}, {1.0 / 3, 0.5, 1, 2}, {0.25, 1.0 / 3, 0.5, 1}}
	for _, wt := range WeightingNames {
		for _, method := range MethodNames {
			if method == "entropy-topsis" {
				continue
			}
			r := Request{Matrix: x, Types: types, Normalize: "minmax-ab", Weighting: wt, Method: method, AHP: ahp}
			// Only the keys the steps read: Solve rejects the others.
			if method == "genmean" {
				r.Num = map[string]float64{"p": 2}
			}
			if wt == "combination" {
				r.Str = map[string]string{"bases": "ahp,entropy"}
			}
			a, err := Solve(r)
			if err != nil && wt == "pca-loadings" {
				wantErr(t, err, "negative loading")
				continue
			}
			if err != nil {
				t.Errorf("%s/%s: %v", wt, method, err)
				continue
			}
			if !near(sum(a.Weights), 1, 1e-12) {
				t.Errorf("%s/%s: Σw = %v", wt, method, sum(a.Weights))
			}
			for _, rk := range a.Ranks {
				if rk < 1 || rk > len(x) {
					t.Errorf("%s/%s: rank %d", wt, method, rk)
				}
			}
			if _, err := json.Marshal(a); err != nil {
				t.Errorf("%s/%s: answer does not marshal: %v", wt, method, err)
			}
		}
	}
	a, err := Solve(Request{Matrix: x, Types: types, Normalize: "minmax", Method: "entropy-topsis"})
	if err != nil {
		t.Fatal(err)
	}
	if !near(sum(a.Weights), 1, 1e-12) || len(a.Details["shift_applied"].([]int)) != 4 {
		t.Errorf("entropy-topsis: %v %v", a.Weights, a.Details["shift_applied"])
	}
	_, err = Solve(Request{Matrix: x, Types: types, Weighting: "entropy", Method: "entropy-topsis"})
	wantErr(t, err, "entropy-topsis")
}

// TestSolveGRAMeanSPSSAU: SPSSAU's GRA with 均值化 keeps directions; the
// reference is the column max (min for cost) of the mean-ratio data.
func TestSolveGRAMeanSPSSAU(t *testing.T) {
	x := [][]float64{{2, 4}, {4, 2}, {6, 6}}
	a, err := Solve(Request{Matrix: x, Types: []int{1, -1}, Normalize: "mean", Method: "gra"})
	if err != nil {
		t.Fatal(err)
	}
	// mean-ratio: col 1 (0.5, 1, 1.5), col 2 (1, 0.5, 1.5); reference (1.5, 0.5)
	// Δ = [[1, 0.5], [0.5, 0], [0, 1]], Δmax = 1, ξ = 0.5/(Δ + 0.5)
	checkMat(t, "xi", a.Details["coefficients"].([][]float64), [][]float64{{1.0 / 3, 0.5}, {0.5, 1}, {1, 1.0 / 3}}, 1e-12)
	checkVec(t, "grade", a.Scores, []float64{5.0 / 12, 0.75, 2.0 / 3}, 1e-12)
}

func TestRequestJSON(t *testing.T) {
	const in = `{"matrix": [[3, 5, 9], [5, 2, 1], [4, 4, 5]], "types": [1, 1, -1],
		"normalize": "moderate", "vectors": {"best": [4, 4, 5]},
		"method": "gra", "params": {"rho": 0.4}}`
	var r Request
	if err := json.Unmarshal([]byte(in), &r); err != nil {
		t.Fatal(err)
	}
	if r.Num["rho"] != 0.4 || len(r.Vec["best"]) != 3 {
		t.Fatalf("decoded %+v", r)
	}
	a, err := Solve(r)
	if err != nil {
		t.Fatal(err)
	}
	if a.Ranks[2] != 1 || a.Details["rho"] != 0.4 {
		t.Errorf("alternative 3 sits on the moderate optimum and must rank 1: %v", a.Ranks)
	}
	out, err := json.Marshal(a)
	if err != nil || len(out) == 0 {
		t.Fatal(err)
	}
}
