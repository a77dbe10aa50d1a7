package mcda

import (
	"math/rand/v2"
	"testing"
)

// Tzeng & Huang (2011), Multiple Attribute Decision Making: Methods and
// Applications, CRC Press — the TOPSIS/VIKOR example (durability, capacity,
// reliability; all benefit; w = 0.3, 0.4, 0.3). The published numbers are
// also the expected values of scikit-criteria's tests
// (tests/agg/test_topsis.py, tests/agg/test_vikor.py).
var tzeng2011 = [][]float64{{5, 8, 4}, {7, 6, 8}, {8, 8, 6}, {7, 4, 6}}

// TestTOPSISTzengHuang2011: C = (0.5037, 0.6581, 0.7482, 0.3340).
func TestTOPSISTzengHuang2011(t *testing.T) {
	res, err := TOPSIS(tzeng2011, []int{1, 1, 1}, []float64{0.3, 0.4, 0.3}, TOPSISOptions{})
	if err != nil {
		t.Fatal(err)
	}
	checkVec(t, "C", res.Closeness, []float64{0.5037, 0.6581, 0.7482, 0.3340}, 1e-4)
	checkInts(t, "ranks", Rank(res.Closeness), []int{3, 2, 1, 4})
}

// TestTOPSISIdealsRMCDA: the R package MCDA (Bigaret, Meyer et al.),
// TOPSIS documentation example (cars Corsa, Clio, Fiesta; purchase price
// min, economy, aesthetics, boot capacity max; w = 0.35, 0.25, 0.25, 0.15)
// prints the weighted positive and negative ideal solutions.
func TestTOPSISIdealsRMCDA(t *testing.T) {
	x := [][]float64{{5490, 51.4, 8.5, 285}, {6500, 70.6, 7, 288}, {6489, 54.3, 7.5, 290}}
	res, err := TOPSIS(x, []int{Cost, 1, 1, 1}, []float64{0.35, 0.25, 0.25, 0.15}, TOPSISOptions{})
	if err != nil {
		t.Fatal(err)
	}
	checkVec(t, "ideal best", res.IdealBest, []float64{0.179573776, 0.171636015, 0.159499658, 0.087302767}, 1e-9)
	checkVec(t, "ideal worst", res.IdealWorst, []float64{0.212610118, 0.124958799, 0.131352659, 0.085797547}, 1e-9)
}

// TestTOPSISWeightVariants, by hand on z = [[1, 0], [0, 1], [0.5, 0.5]]
// (already normalised, Normalize "none"), w = (0.75, 0.25):
//
//	matrix:   v = (0.75, 0), (0, 0.25), (0.375, 0.125); v⁺ = (0.75, 0.25), v⁻ = 0
//	          D⁺ = 0.25, 0.75, 0.395285; D⁻ = 0.75, 0.25, 0.395285; C = 0.75, 0.25, 0.5
//	distance: D⁺ = √(0.25) = 0.5, √0.75 = 0.866025, √(0.75/4 + 0.25/4) = 0.5
//	          D⁻ = 0.866025, 0.5, 0.5; C = 0.633975, 0.366025, 0.5
func TestTOPSISWeightVariants(t *testing.T) {
	z := [][]float64{{1, 0}, {0, 1}, {0.5, 0.5}}
	w := []float64{3, 1} // normalised to 0.75, 0.25
	m, err := TOPSIS(z, []int{1, 1}, w, TOPSISOptions{Normalize: "none"})
	if err != nil {
		t.Fatal(err)
	}
	checkVec(t, "D+ matrix", m.DPlus, []float64{0.25, 0.75, 0.395285}, 1e-6)
	checkVec(t, "C matrix", m.Closeness, []float64{0.75, 0.25, 0.5}, 1e-12)
	d, err := TOPSIS(z, []int{1, 1}, w, TOPSISOptions{Normalize: "none", WeightsIn: "distance"})
	if err != nil {
		t.Fatal(err)
	}
	checkVec(t, "D+ distance", d.DPlus, []float64{0.5, 0.866025, 0.5}, 1e-6)
	checkVec(t, "D- distance", d.DMinus, []float64{0.866025, 0.5, 0.5}, 1e-6)
	checkVec(t, "C distance", d.Closeness, []float64{0.633975, 0.366025, 0.5}, 1e-6)
	// min-max inside: columns already span [0, 1], so the same as "none".
	mm, _ := TOPSIS(z, []int{1, 1}, w, TOPSISOptions{Normalize: "minmax"})
	checkVec(t, "C minmax", mm.Closeness, m.Closeness, 1e-12)
	_, err = TOPSIS(z, []int{1, 1}, w, TOPSISOptions{WeightsIn: "both"})
	wantErr(t, err, "weights_in")
}

// TestTOPSISProperties: closeness lies in [0, 1], the alternative that is
// best on every criterion gets 1 and the worst on every criterion gets 0.
func TestTOPSISProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for trial := 0; trial < 50; trial++ {
		m, n := 2+r.IntN(8), 1+r.IntN(5)
		x := randMatrix(r, m, n)
		types := make([]int, n)
		w := make([]float64, n)
		for j := range types {
			types[j] = 1 - 2*r.IntN(2)
			w[j] = r.Float64() + 0.01
		}
		for _, o := range []TOPSISOptions{{}, {Normalize: "minmax"}, {WeightsIn: "distance"}} {
			res, err := TOPSIS(x, types, w, o)
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range res.Closeness {
				if !(c >= 0 && c <= 1) {
					t.Fatalf("closeness %v outside [0, 1]", c)
				}
			}
		}
	}
	x := [][]float64{{9, 1}, {1, 9}, {5, 5}}
	res, _ := TOPSIS(x, []int{1, Cost}, []float64{1, 1}, TOPSISOptions{})
	checkVec(t, "dominant", []float64{res.Closeness[0], res.Closeness[1]}, []float64{1, 0}, 1e-12)
}

// TestEntropyTOPSISHand follows SPSSAU's 熵权TOPSIS steps by hand on
// x = [[−1, 2], [0, 3], [2, 7]]:
//
//  1. column 1 has values ≤ 0: + |−1| + 0.01 → (0.01, 1.01, 3.01); column 2 unchanged
//  2. entropy: e = (0.527632, 0.873479), w = (0.788741, 0.211259)
//  3. weighted data V = x'·w
//  4. TOPSIS on V (no further normalisation): D⁺₂ = 1.789563, D⁻₂ = 0.816543,
//     C = (0, 0.313319, 1)
func TestEntropyTOPSISHand(t *testing.T) {
	res, err := EntropyTOPSIS([][]float64{{-1, 2}, {0, 3}, {2, 7}}, []int{1, 1}, 0.01)
	if err != nil {
		t.Fatal(err)
	}
	checkInts(t, "shifted columns", res.ShiftApplied, []int{0})
	checkVec(t, "shifted col 1", column(res.Shifted, 0), []float64{0.01, 1.01, 3.01}, 1e-12)
	checkVec(t, "e", res.Entropy.E, []float64{0.527632, 0.873479}, 1e-6)
	checkVec(t, "w", res.Entropy.Weights, []float64{0.788741, 0.211259}, 1e-6)
	checkVec(t, "D+", res.TOPSIS.DPlus, []float64{2.591287, 1.789563, 0}, 1e-6)
	checkVec(t, "D-", res.TOPSIS.DMinus, []float64{0, 0.816543, 2.591287}, 1e-6)
	checkVec(t, "C", res.TOPSIS.Closeness, []float64{0, 0.313319, 1}, 1e-6)
}

type vikorCase struct {
	name          string
	x             [][]float64
	types         []int
	w             []float64
	S, R, Q       []float64
	tol           float64
	c1, c2        bool
	compromiseSet []int
}

// TestVIKORPublished checks VIKOR against published examples:
//
//   - Opricovic & Tzeng (2004), "Compromise solution by MCDM methods: A
//     comparative analysis of VIKOR and TOPSIS", EJOR 156(2) 445–455,
//     numerical example (risk min, altitude max; w = 0.5, 0.5):
//     S = (0.5, 0.375, 0.5), R = (0.5, 0.25, 0.5), Q = (1, 0, 1), A2 is the
//     compromise and both conditions hold. The paper also shows the result is
//     the same after an affine change of units (risk + 5, altitude/1000 − 1).
//   - Tzeng & Huang (2011), the example of TestTOPSISTzengHuang2011:
//     S = (0.6, 0.3, 0.15, 0.65), R = (0.3, 0.2, 0.15, 0.4),
//     Q = (0.75, 0.25, 0, 1); C1 fails, C2 holds, compromise {A3, A2}.
//   - Opricovic & Tzeng (2007), "Extended VIKOR method in comparison with
//     outranking methods", EJOR 178(2) 514–529, hydro-power example with
//     four weight sets, printed to 3 decimals.
//
// The numbers are those embedded, with these citations, in scikit-criteria's
// tests/agg/test_vikor.py.
func TestVIKORPublished(t *testing.T) {
	hydro := [][]float64{
		{4184.3, 2914.0, 407.2, 251.0, 195, 244, 15, 2.41},
		{5211.9, 3630.0, 501.7, 308.3, 282, 346, 21, 1.41},
		{5021.3, 3920.5, 504.0, 278.6, 12, 56, 3, 4.42},
		{5566.1, 3957.9, 559.5, 335.3, 167, 268, 16, 3.36},
		{5060.5, 3293.5, 514.1, 284.2, 69, 90, 7, 4.04},
		{4317.9, 2925.9, 432.8, 239.3, 12, 55, 3, 4.36},
	}
	hydroTypes := []int{1, Cost, 1, 1, Cost, Cost, Cost, 1}
	cases := []vikorCase{
		{"Opricovic2004", [][]float64{{1, 3000}, {2, 3750}, {5, 4500}}, []int{Cost, 1}, []float64{0.5, 0.5},
			[]float64{0.5, 0.375, 0.5}, []float64{0.5, 0.25, 0.5}, []float64{1, 0, 1}, 1e-12, true, true, []int{1}},
		{"Opricovic2004 units", [][]float64{{6, 2}, {7, 2.75}, {10, 3.5}}, []int{Cost, 1}, []float64{0.5, 0.5},
			[]float64{0.5, 0.375, 0.5}, []float64{0.5, 0.25, 0.5}, []float64{1, 0, 1}, 1e-12, true, true, []int{1}},
		{"TzengHuang2011", tzeng2011, []int{1, 1, 1}, []float64{0.3, 0.4, 0.3},
			[]float64{0.6, 0.3, 0.15, 0.65}, []float64{0.3, 0.2, 0.15, 0.4}, []float64{0.75, 0.25, 0, 1}, 1e-12, false, true, []int{2, 1}},
		{"Opricovic2007 W1", hydro, hydroTypes, []float64{1, 1, 1, 1, 1, 1, 1, 1},
			[]float64{0.692, 0.7, 0.29, 0.423, 0.28, 0.346}, []float64{0.125, 0.125, 0.121, 0.125, 0.067, 0.125},
			[]float64{0.991, 1.0, 0.473, 0.670, 0.0, 0.578}, 1e-3, true, true, []int{4}},
		{"Opricovic2007 W2", hydro, hydroTypes, []float64{2, 2, 2, 2, 1, 1, 1, 1},
			[]float64{0.701, 0.6, 0.386, 0.365, 0.317, 0.459}, []float64{0.167, 0.114, 0.161, 0.167, 0.089, 0.167},
			[]float64{1.0, 0.533, 0.552, 0.563, 0.0, 0.686}, 1e-3, true, true, []int{4}},
		{"Opricovic2007 W3", hydro, hydroTypes, []float64{1, 1, 1, 1, 2, 2, 2, 2},
			[]float64{0.683, 0.8, 0.193, 0.48, 0.243, 0.232}, []float64{0.113, 0.167, 0.08, 0.122, 0.044, 0.083},
			[]float64{0.684, 1.0, 0.147, 0.554, 0.041, 0.191}, 1e-3, false, true, []int{4, 2, 5}},
		{"Opricovic2007 W4", hydro, hydroTypes, []float64{1, 1, 1, 1, 3.2, 3.2, 3.2, 3.2},
			[]float64{0.678, 0.857, 0.138, 0.513, 0.222, 0.167}, []float64{0.129, 0.190, 0.057, 0.139, 0.042, 0.060},
			[]float64{0.668, 1.0, 0.051, 0.588, 0.058, 0.078}, 1e-3, false, true, []int{2, 4, 5}},
	}
	for _, c := range cases {
		res, err := VIKOR(c.x, c.types, c.w, 0.5)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		checkVec(t, c.name+" S", res.S, c.S, c.tol)
		checkVec(t, c.name+" R", res.R, c.R, c.tol)
		checkVec(t, c.name+" Q", res.Q, c.Q, c.tol)
		if res.AcceptableAdvantage != c.c1 || res.AcceptableStability != c.c2 {
			t.Errorf("%s: C1 = %v, C2 = %v; want %v, %v", c.name, res.AcceptableAdvantage, res.AcceptableStability, c.c1, c.c2)
		}
		checkInts(t, c.name+" compromise", res.CompromiseSet, c.compromiseSet)
	}
}

// TestVIKORCompromiseRules checks the two remaining compromise rules on
// scikit-criteria's constructed examples (tests/agg/test_vikor.py): tied
// best Q (C1 fails, compromise {A3, A4, A2}), and C1 holding while C2 fails
// (compromise = the two best by Q).
func TestVIKORCompromiseRules(t *testing.T) {
	res, err := VIKOR([][]float64{{4, 4, 4}, {7, 6, 8}, {8, 8, 6}, {6, 8, 8}}, []int{1, 1, 1}, []float64{0.3, 0.4, 0.3}, 0.5)
	if err != nil {
		t.Fatal(err)
	}
	checkVec(t, "Q tied", res.Q, []float64{1.0, 0.17352941, 0, 0}, 1e-8)
	checkInts(t, "tied set", res.CompromiseSet, []int{2, 3, 1})
	checkInts(t, "tied ranks", RankAscending(res.Q), []int{4, 3, 1, 1})

	x := [][]float64{{1, 101, 1, 101, 1}, {101, 1, 101, 1, 101}, {1, 1, 1, 1, 101}, {11, 11, 11, 16, 61}, {56, 56, 56, 56, 56}}
	res, err = VIKOR(x, []int{Cost, Cost, Cost, Cost, Cost}, []float64{1, 1, 1, 1, 1}, 0.5)
	if err != nil {
		t.Fatal(err)
	}
	checkVec(t, "Q", res.Q, []float64{0.75, 1, 0.5, 0.068, 0.4375}, 1e-3)
	if !res.AcceptableAdvantage || res.AcceptableStability {
		t.Errorf("C1 = %v, C2 = %v; want true, false", res.AcceptableAdvantage, res.AcceptableStability)
	}
	checkInts(t, "set", res.CompromiseSet, []int{3, 4})

	_, err = VIKOR(tzeng2011, []int{1, 1, 1}, []float64{1, 1, 1}, 1.5)
	wantErr(t, err, "v must")
	_, err = VIKOR([][]float64{{1, 2}}, []int{1, 1}, []float64{1, 1}, 0.5)
	wantErr(t, err, "at least 2")
}

// TestGRAHand, by hand on y = [[1.0, 0.2], [0.6, 1.0], [0.2, 0.6]] with the
// ideal reference (1, 1) and ρ = 0.5:
//
//	Δ = [[0, 0.8], [0.4, 0], [0.8, 0.4]], Δmin = 0, Δmax = 0.8, ρΔmax = 0.4
//	ξ = 0.4/(Δ + 0.4) = [[1, 1/3], [0.5, 1], [1/3, 0.5]]
//	grade (mean) = (0.666667, 0.75, 0.416667); with w = (0.6, 0.4):
//	(0.733333, 0.7, 0.4)
func TestGRAHand(t *testing.T) {
	y := [][]float64{{1.0, 0.2}, {0.6, 1.0}, {0.2, 0.6}}
	res, err := GRA(y, []int{1, 1}, nil, GRAOptions{})
	if err != nil {
		t.Fatal(err)
	}
	checkVec(t, "reference", res.Reference, []float64{1, 1}, 0)
	checkMat(t, "xi", res.Coefficients, [][]float64{{1, 1.0 / 3}, {0.5, 1}, {1.0 / 3, 0.5}}, 1e-12)
	checkVec(t, "grade", res.Grade, []float64{2.0 / 3, 0.75, 5.0 / 12}, 1e-12)
	if res.DeltaMin != 0 || !near(res.DeltaMax, 0.8, 1e-15) {
		t.Errorf("Δmin, Δmax = %v, %v", res.DeltaMin, res.DeltaMax)
	}
	w, _ := GRA(y, []int{1, 1}, []float64{0.6, 0.4}, GRAOptions{Rho: 0.5})
	checkVec(t, "weighted grade", w.Grade, []float64{0.733333, 0.7, 0.4}, 1e-6)
	// Cost criterion: its ideal is the column minimum.
	c, _ := GRA(y, []int{1, Cost}, nil, GRAOptions{})
	checkVec(t, "reference (cost)", c.Reference, []float64{1, 0.2}, 0)
	// A given reference sequence, ρ = 1: Δ to (0.6, 0.6) = [[0.4, 0.4], [0, 0.4], [0.4, 0]],
	// ξ = 0.4/(Δ + 0.4) = 0.5 or 1.
	g, _ := GRA(y, []int{1, 1}, nil, GRAOptions{Rho: 1, Reference: []float64{0.6, 0.6}})
	checkMat(t, "xi (given ref)", g.Coefficients, [][]float64{{0.5, 0.5}, {1, 0.5}, {0.5, 1}}, 1e-12)
	_, err = GRA(y, []int{1, 1}, nil, GRAOptions{Rho: 2})
	wantErr(t, err, "rho")
	_, err = GRA(y, []int{1, 1}, nil, GRAOptions{Reference: []float64{1}})
	wantErr(t, err, "reference")
}

// TestGRAProperties: every coefficient lies in (0, 1].
func TestGRAProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for trial := 0; trial < 50; trial++ {
		m, n := 1+r.IntN(8), 1+r.IntN(5)
		y := randMatrix(r, m, n)
		res, err := GRA(y, make1(n), nil, GRAOptions{Rho: 0.1 + 0.9*r.Float64()})
		if err != nil {
			t.Fatal(err)
		}
		for _, row := range res.Coefficients {
			for _, v := range row {
				if !(v > 0 && v <= 1) {
					t.Fatalf("ξ = %v outside (0, 1]", v)
				}
			}
		}
	}
}

func make1(n int) []int {
	t := make([]int, n)
	for j := range t {
		t[j] = 1
	}
	return t
}

// TestCopelandHand: y = [[3, 1], [2, 2], [1, 3]], w = (0.6, 0.4).
// o₁₂ = 0.6 > o₂₁ = 0.4, o₁₃ = 0.6 > 0.4, o₂₃ = 0.6 > 0.4, so the scores
// are (2, 0, −2). With w = (0.5, 0.5) every pair ties: (0, 0, 0). Ties on a
// criterion count half: [[3, 1], [3, 2]] gives o₁₂ = 0.25, o₂₁ = 0.75.
func TestCopelandHand(t *testing.T) {
	y := [][]float64{{3, 1}, {2, 2}, {1, 3}}
	res, err := Copeland(y, []int{1, 1}, []float64{0.6, 0.4})
	if err != nil {
		t.Fatal(err)
	}
	checkVec(t, "scores", res.Scores, []float64{2, 0, -2}, 0)
	res, _ = Copeland(y, []int{1, 1}, []float64{1, 1})
	checkVec(t, "scores (equal w)", res.Scores, []float64{0, 0, 0}, 0)
	res, _ = Copeland([][]float64{{3, 1}, {3, 2}}, []int{1, 1}, []float64{1, 1})
	checkVec(t, "o12, o21", []float64{res.Outranking[0][1], res.Outranking[1][0]}, []float64{0.25, 0.75}, 1e-15)
	checkVec(t, "scores (tie)", res.Scores, []float64{-1, 1}, 0)
	// A cost criterion reverses the comparison.
	res, _ = Copeland(y, []int{Cost, 1}, []float64{0.6, 0.4})
	checkVec(t, "scores (cost)", res.Scores, []float64{-2, 0, 2}, 0)
}

// TestWSMWPMHand: y = [[0.5, 1], [1, 0.25]], w = (0.5, 0.5):
// WSM = (0.75, 0.625); WPM = (√0.5, √0.25) = (0.707107, 0.5).
func TestWSMWPMHand(t *testing.T) {
	y := [][]float64{{0.5, 1}, {1, 0.25}}
	s, err := WSM(y, []float64{1, 1})
	if err != nil {
		t.Fatal(err)
	}
	checkVec(t, "wsm", s, []float64{0.75, 0.625}, 1e-15)
	p, err := WPM(y, []float64{1, 1})
	if err != nil {
		t.Fatal(err)
	}
	checkVec(t, "wpm", p, []float64{0.707107, 0.5}, 1e-6)
	_, err = WPM([][]float64{{-1}}, []float64{1})
	wantErr(t, err, "non-negative")
	_, err = WSM(y, []float64{1, -1})
	wantErr(t, err, "negative")
}

func TestRank(t *testing.T) {
	checkInts(t, "desc", Rank([]float64{3, 1, 3, 2}), []int{1, 4, 1, 3})
	checkInts(t, "asc", RankAscending([]float64{3, 1, 3, 2}), []int{3, 1, 3, 2})
	checkInts(t, "float noise", Rank([]float64{0.1 + 0.2, 0.3, 0.1}), []int{1, 1, 3})
	checkInts(t, "empty", Rank(nil), []int{})
}
