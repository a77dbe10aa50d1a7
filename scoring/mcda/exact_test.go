package mcda

import (
	"math"
	"testing"
)

// TestExtremeNormalizeHand: every normalisation that subtracts or sums
// gives the hand-computed values on a column of ±1e308 (whose range 2e308
// overflows) and on a column of 1e-300s (whose squares underflow), as on
// the same numbers at ordinary magnitudes; cost columns take the mirror
// values.
func TestExtremeNormalizeHand(t *testing.T) {
	ext := []float64{1e308, -1e308, 5e307, -2e307}
	big := []float64{1e308, 1e308, 5e307, 5e307}
	tiny := []float64{1e-300, 2e-300, 3e-300, 4e-300}
	sd := math.Sqrt(226.75 / 3) // ext/1e307 = 10, −10, 5, −2: mean 0.75
	cases := []struct {
		name string
		x    []float64
		p    Params
		ben  []float64
		cost []float64
	}{
		{"minmax", ext, Params{}, []float64{1, 0, 0.75, 0.4}, []float64{0, 1, 0.25, 0.6}},
		{"minmax-ab", ext, Params{}, []float64{0.99, 0.01, 0.745, 0.402}, []float64{0.01, 0.99, 0.255, 0.598}},
		{"zscore", ext, Params{}, []float64{9.25 / sd, -10.75 / sd, 4.25 / sd, -2.75 / sd}, []float64{-9.25 / sd, 10.75 / sd, -4.25 / sd, 2.75 / sd}},
		{"vector", []float64{1e308, 1e308, 1e308, 1e308}, Params{}, []float64{0.5, 0.5, 0.5, 0.5}, []float64{0.5, 0.5, 0.5, 0.5}},
		{"sum", big, Params{}, []float64{1.0 / 3, 1.0 / 3, 1.0 / 6, 1.0 / 6}, []float64{1.0 / 6, 1.0 / 6, 1.0 / 3, 1.0 / 3}},
		{"mean", big, Params{}, []float64{4.0 / 3, 4.0 / 3, 2.0 / 3, 2.0 / 3}, []float64{4.0 / 3, 4.0 / 3, 2.0 / 3, 2.0 / 3}},
		// |x − best| = 2e308, 0, 1.5e308, 0.8e308
		{"moderate", ext, Params{Vec: map[string][]float64{"best": {-1e308}}}, []float64{0, 1, 0.25, 0.6}, []float64{0, 1, 0.25, 0.6}},
		// distances to [−1e308, −9e307]: 1.9e308, 0, 1.4e308, 0.7e308
		{"interval", ext, Params{Vec: map[string][]float64{"lower": {-1e308}, "upper": {-9e307}}},
			[]float64{0, 1, 1 - 1.4/1.9, 1 - 0.7/1.9}, []float64{0, 1, 1 - 1.4/1.9, 1 - 0.7/1.9}},
		{"dist2max", ext, Params{}, []float64{1, 0, 0.75, 0.4}, []float64{0, 1, 0.25, 0.6}},
		{"scaled", ext, Params{Num: map[string]float64{"scaled_lower": -1e308, "scaled_upper": 1e308}}, []float64{100, 0, 75, 40}, nil},
		{"goalposts", ext, Params{Num: map[string]float64{"goal_lower": -1e308, "goal_upper": 1e308}}, []float64{1, 0, 0.75, 0.4}, []float64{0, 1, 0.25, 0.6}},
		{"dist2targ", ext, Params{Vec: map[string][]float64{"target": {1e308}}}, []float64{1, 0, 0.75, 0.4}, nil},
		{"dist2ref", ext, Params{Num: map[string]float64{"ref_row": 1}}, []float64{1, 0, 0.75, 0.4}, nil},
		{"zscore", tiny, Params{}, []float64{-1.161895003862225, -0.3872983346207417, 0.3872983346207417, 1.161895003862225},
			[]float64{1.161895003862225, 0.3872983346207417, -0.3872983346207417, -1.161895003862225}},
		{"vector", tiny, Params{}, []float64{1 / math.Sqrt(30), 2 / math.Sqrt(30), 3 / math.Sqrt(30), 4 / math.Sqrt(30)},
			[]float64{1 - 1/math.Sqrt(30), 1 - 2/math.Sqrt(30), 1 - 3/math.Sqrt(30), 1 - 4/math.Sqrt(30)}},
	}
	for _, c := range cases {
		for k, want := range [][]float64{c.ben, c.cost} {
			if want == nil {
				continue
			}
			typ := []int{Benefit, Cost}[k]
			x := make([][]float64, len(c.x))
			for i, v := range c.x {
				x[i] = []float64{v}
			}
			z, err := Normalize(c.name, x, []int{typ}, c.p)
			if err != nil {
				t.Errorf("%s (type %d): %v", c.name, typ, err)
				continue
			}
			for i := range want {
				if math.Abs(z[i][0]-want[i]) > 1e-14*math.Max(1, math.Abs(want[i])) {
					t.Errorf("%s (type %d) row %d: %v, want %v", c.name, typ, i+1, z[i][0], want[i])
				}
			}
		}
	}
}

// TestExtremeSolve: a TOPSIS/WSM request with a ±1e308 criterion solves
// (it used to fail with "normalised value not finite").
func TestExtremeSolve(t *testing.T) {
	x := [][]float64{{1e308, 1}, {-1e308, 2}, {5e307, 3}, {-2e307, 4}}
	a, err := Solve(Request{Matrix: x, Types: []int{1, 1}, Normalize: "minmax", Method: "wsm"})
	if err != nil {
		t.Fatal(err)
	}
	// (1 + 0)/2, (0 + 1/3)/2, (0.75 + 2/3)/2, (0.4 + 1)/2
	want := []float64{0.5, 1.0 / 6, (0.75 + 2.0/3) / 2, 0.7}
	for i := range want {
		if math.Abs(a.Scores[i]-want[i]) > 1e-15 {
			t.Errorf("score %d: %v, want %v", i+1, a.Scores[i], want[i])
		}
	}
}
