package mcda

import (
	"testing"
)

// coinrX has a benefit column c1 = (2, 4, 4, 10) (with a tie) and a cost
// column c2 = (1, 3, 2, 5). COINr's normalisers act on v = x·type:
// v1 = (2, 4, 4, 10), v2 = (−1, −3, −2, −5).
var (
	coinrX     = [][]float64{{2, 1}, {4, 3}, {4, 2}, {10, 5}}
	coinrTypes = []int{Benefit, Cost}
)

func cols2(a, b []float64) [][]float64 {
	y := make([][]float64, len(a))
	for i := range a {
		y[i] = []float64{a[i], b[i]}
	}
	return y
}

// TestCOINrNormalizersHand checks each COINr normaliser against hand
// computations on coinrX.
func TestCOINrNormalizersHand(t *testing.T) {
	num := func(kv ...any) Params {
		p := Params{Num: map[string]float64{}, Str: map[string]string{}, Vec: map[string][]float64{}}
		for k := 0; k < len(kv); k += 2 {
			switch v := kv[k+1].(type) {
			case float64:
				p.Num[kv[k].(string)] = v
			case int:
				p.Num[kv[k].(string)] = float64(v)
			case string:
				p.Str[kv[k].(string)] = v
			case []float64:
				p.Vec[kv[k].(string)] = v
			}
		}
		return p
	}
	cases := []struct {
		name   string
		method string
		p      Params
		want   [][]float64
	}{
		// scaled, defaults (0, 100, 100): (v − 0)/100·100 = v.
		{"scaled default", "scaled", Params{}, cols2([]float64{2, 4, 4, 10}, []float64{-1, -3, -2, -5})},
		// scaled (0, 10, 1): v/10.
		{"scaled 0 10 1", "scaled", num("scaled_upper", 10, "scale_factor", 1), cols2([]float64{0.2, 0.4, 0.4, 1}, []float64{-0.1, -0.3, -0.2, -0.5})},
		// rank ascending of v, ties "min": v1 → 1, 2, 2, 4; v2: −5 < −3 < −2 < −1 → 4, 2, 3, 1.
		{"rank", "rank", Params{}, cols2([]float64{1, 2, 2, 4}, []float64{4, 2, 3, 1})},
		// ties "max": 1, 3, 3, 4; "average": 1, 2.5, 2.5, 4.
		{"rank max", "rank", num("ties", "max"), cols2([]float64{1, 3, 3, 4}, []float64{4, 2, 3, 1})},
		{"rank average", "rank", num("ties", "average"), cols2([]float64{1, 2.5, 2.5, 4}, []float64{4, 2, 3, 1})},
		// borda = rank − 1.
		{"borda", "borda", Params{}, cols2([]float64{0, 1, 1, 3}, []float64{3, 1, 2, 0})},
		// prank = (rank − 1)/(m − 1) = borda/3.
		{"prank", "prank", Params{}, cols2([]float64{0, 1.0 / 3, 1.0 / 3, 1}, []float64{1, 1.0 / 3, 2.0 / 3, 0})},
		// fracmax v/max v: v1/10; v2/(−1) = (1, 3, 2, 5) (COINr: max of −x is −1).
		{"fracmax", "fracmax", Params{}, cols2([]float64{0.2, 0.4, 0.4, 1}, []float64{1, 3, 2, 5})},
		// dist2max 1 − (max − v)/(max − min): v1: 1 − (10 − v)/8 = 0, 0.25, 0.25, 1;
		// v2: 1 − (−1 − v)/4 = 1, 0.5, 0.75, 0.
		{"dist2max", "dist2max", Params{}, cols2([]float64{0, 0.25, 0.25, 1}, []float64{1, 0.5, 0.75, 0})},
		// dist2ref, row 2: v1 ref 4, min 2: 1 − (4 − v)/2 = 0, 1, 1, 4;
		// v2 ref −3, min −5: 1 − (−3 − v)/2 = 2, 1, 1.5, 0.
		{"dist2ref", "dist2ref", num("ref_row", 2), cols2([]float64{0, 1, 1, 4}, []float64{2, 1, 1.5, 0})},
		{"dist2ref cap", "dist2ref", num("ref_row", 2, "cap_max", 1), cols2([]float64{0, 1, 1, 1}, []float64{1, 1, 1, 0})},
		// dist2targ, targets (8, 2) → g = (8, −2): v1: (v − 2)/6 = 0, 1/3, 1/3, 4/3;
		// v2: (v + 5)/3 = 4/3, 2/3, 1, 0.
		{"dist2targ", "dist2targ", num("target", []float64{8, 2}), cols2([]float64{0, 1.0 / 3, 1.0 / 3, 4.0 / 3}, []float64{4.0 / 3, 2.0 / 3, 1, 0})},
		{"dist2targ cap", "dist2targ", num("target", []float64{8, 2}, "cap_max", 1), cols2([]float64{0, 1.0 / 3, 1.0 / 3, 1}, []float64{1, 2.0 / 3, 1, 0})},
		// goalposts, posts (3, 9) and (1, 4) in raw units; the cost posts
		// become (−4, −1): v1: (v − 3)/6 = −1/6→0, 1/6, 1/6, 7/6→1;
		// v2: (v + 4)/3 = 1, 1/3, 2/3, −1/3→0.
		{"goalposts vec", "goalposts", num("goal_lower", []float64{3, 1}, "goal_upper", []float64{9, 4}), cols2([]float64{0, 1.0 / 6, 1.0 / 6, 1}, []float64{1, 1.0 / 3, 2.0 / 3, 0})},
		// untruncated, × 100.
		{"goalposts untrunc", "goalposts", num("goal_lower", []float64{3, 1}, "goal_upper", []float64{9, 4}, "trunc2posts", 0, "goal_scale", 100),
			cols2([]float64{-100.0 / 6, 100.0 / 6, 100.0 / 6, 700.0 / 6}, []float64{100, 100.0 / 3, 200.0 / 3, -100.0 / 3})},
		// one pair of posts (0, 10) for both: v1/10; cost posts (−10, 0): (v + 10)/10 = 0.9, 0.7, 0.8, 0.5.
		{"goalposts num", "goalposts", num("goal_lower", 0, "goal_upper", 10), cols2([]float64{0.2, 0.4, 0.4, 1}, []float64{0.9, 0.7, 0.8, 0.5})},
	}
	for _, c := range cases {
		y, err := Normalize(c.method, coinrX, coinrTypes, c.p)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		checkMat(t, c.name, y, c.want, 1e-12)
	}
}

// TestCOINrNormalizersErrors: undefined cases are bilingual errors, not
// Inf or NaN.
func TestCOINrNormalizersErrors(t *testing.T) {
	cases := []struct {
		name, method string
		x            [][]float64
		p            Params
		frag         string
	}{
		{"scaled l = u", "scaled", coinrX, Params{Num: map[string]float64{"scaled_upper": 0}}, "must differ"},
		{"ties", "rank", coinrX, Params{Str: map[string]string{"ties": "first"}}, "ties"},
		{"prank m = 1", "prank", [][]float64{{1, 2}}, Params{}, "at least 2"},
		{"fracmax max 0", "fracmax", [][]float64{{0, 1}, {-1, 2}}, Params{}, "maximum 0"},
		{"dist2ref missing", "dist2ref", coinrX, Params{}, "ref_row"},
		{"dist2ref range", "dist2ref", coinrX, Params{Num: map[string]float64{"ref_row": 5}}, "ref_row"},
		{"dist2ref integer", "dist2ref", coinrX, Params{Num: map[string]float64{"ref_row": 1.5}}, "ref_row"},
		// row 1 of c1 is its minimum: 1 − (x_r − x)/(x_r − min) divides by 0.
		{"dist2ref at min", "dist2ref", coinrX, Params{Num: map[string]float64{"ref_row": 1}}, "minimum"},
		{"dist2targ missing", "dist2targ", coinrX, Params{}, "target"},
		{"dist2targ short", "dist2targ", coinrX, Params{Vec: map[string][]float64{"target": {8}}}, "target"},
		// cost target 5 → g = −5 = min of v2.
		{"dist2targ at min", "dist2targ", coinrX, Params{Vec: map[string][]float64{"target": {8, 5}}}, "minimum"},
		{"goalposts missing", "goalposts", coinrX, Params{Num: map[string]float64{"goal_lower": 0}}, "goal_upper"},
		{"goalposts order", "goalposts", coinrX, Params{Num: map[string]float64{"goal_lower": 1, "goal_upper": 1}}, "goal_lower < goal_upper"},
		{"goalposts scale", "goalposts", coinrX, Params{Num: map[string]float64{"goal_lower": 0, "goal_upper": 1, "goal_scale": -1}}, "goal_scale"},
	}
	for _, c := range cases {
		_, err := Normalize(c.method, c.x, []int{Benefit, Cost}[:len(c.x[0])], c.p)
		if err == nil {
			t.Errorf("%s: no error", c.name)
			continue
		}
		wantErr(t, err, c.frag)
	}
	// A constant column gives 0 under dist2max (as minmax).
	y, err := Normalize("dist2max", [][]float64{{3}, {3}}, []int{Benefit}, Params{})
	if err != nil {
		t.Fatal(err)
	}
	checkMat(t, "dist2max constant", y, [][]float64{{0}, {0}}, 0)
}

// TestSolveCOINrNormalize: after a COINr normaliser every criterion is a
// benefit criterion, so wsm has no direction warning; dist2max equals
// minmax (hand values in TestCOINrNormalizersHand).
func TestSolveCOINrNormalize(t *testing.T) {
	a, err := Solve(Request{Matrix: coinrX, Types: coinrTypes, Normalize: "dist2max", Method: "wsm"})
	if err != nil {
		t.Fatal(err)
	}
	// (0 + 1)/2, (0.25 + 0.5)/2, (0.25 + 0.75)/2, (1 + 0)/2.
	checkVec(t, "scores", a.Scores, []float64{0.5, 0.375, 0.5, 0.5}, 1e-15)
	checkInts(t, "ranks", a.Ranks, []int{1, 4, 1, 1})
	if _, ok := a.Details["warning"]; ok {
		t.Errorf("unexpected warning %v", a.Details["warning"])
	}
	b, err := Solve(Request{Matrix: coinrX, Types: coinrTypes, Normalize: "minmax", Method: "wsm"})
	if err != nil {
		t.Fatal(err)
	}
	checkMat(t, "dist2max = minmax", a.Normalized, b.Normalized, 1e-15)
}
