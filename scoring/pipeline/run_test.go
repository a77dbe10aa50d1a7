package pipeline

import (
	"bytes"
	"errors"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/nqp-index/nqp/scoring/diag"
	"github.com/nqp-index/nqp/scoring/framework"
	"github.com/nqp-index/nqp/scoring/panel"
)

// smallFramework: I → A (a1, a2−), B (b1).
func smallFramework() *framework.Framework {
	return &framework.Framework{Nodes: []framework.Node{
		{Code: "I", Weight: 1},
		{Code: "A", Parent: "I", Weight: 1},
		{Code: "B", Parent: "I", Weight: 1},
		{Code: "a1", Parent: "A", Weight: 1},
		{Code: "a2", Parent: "A", Weight: 1, Direction: framework.Direction{Kind: framework.Negative}},
		{Code: "b1", Parent: "B", Weight: 1},
	}}
}

// smallPanel: units 110000 (北京), 310000 (上海), 420000 (湖北) in 2020 and 2021.
func smallPanel() *panel.Panel {
	p := &panel.Panel{
		File:    "small.csv",
		Units:   []panel.Unit{{Code: "110000", Name: "北京"}, {Code: "310000", Name: "上海"}, {Code: "420000", Name: "湖北"}},
		Periods: []panel.Period{{Label: "2020", Kind: panel.Year, Key: 2020 * 12}, {Label: "2021", Kind: panel.Year, Key: 2021 * 12}},
		Columns: []panel.Column{{Name: "a1"}, {Name: "a2"}, {Name: "b1"}},
	}
	vals := [][]float64{
		{10, 5, 1}, {8, 4, 3}, {2, 1, 2}, // 2020
		{12, 6, 2}, {9, 2, 4}, {3, 3, 2}, // 2021
	}
	for i, v := range vals {
		p.Rows = append(p.Rows, panel.Row{Unit: i % 3, Period: i / 3, Line: i + 2, Values: v})
	}
	return p
}

func TestPooledEntropyHierarchy(t *testing.T) {
	res, err := Run(Input{Data: smallPanel(), Framework: smallFramework()}, Default())
	if err != nil {
		t.Fatal(err)
	}
	// Global min-max by hand: a1 ∈ [2, 12], a2 (negative) ∈ [1, 6], b1 ∈ [1, 4].
	// Row order: 2020 北京, 上海, 湖北, 2021 北京, 上海, 湖北.
	want := Matrix{
		{0.8, 0.2, 0}, {0.6, 0.4, 2.0 / 3}, {0, 1, 1.0 / 3},
		{1, 0, 1.0 / 3}, {0.7, 0.8, 1}, {0.1, 0.6, 1.0 / 3},
	}
	for i := range want {
		for j := range want[i] {
			if !relClose(res.Normalised[i][j], want[i][j], 1e-15) {
				t.Errorf("y[%d][%d] = %v, want %v", i, j, res.Normalised[i][j], want[i][j])
			}
		}
	}
	// Pooled entropy over N = 6 with k = 1/ln 6, by hand for column b1:
	// values (0, 2/3, 1/3, 1/3, 1, 1/3), sum 8/3, p = (0, 1/4, 1/8, 1/8, 3/8, 1/8).
	pb := []float64{0.25, 0.125, 0.125, 0.375, 0.125}
	var h float64
	for _, q := range pb {
		h += q * math.Log(q)
	}
	eb := -h / math.Log(6)
	if !relClose(res.Entropy[0].E[2], eb, 1e-14) {
		t.Errorf("e(b1) = %v, want %v", res.Entropy[0].E[2], eb)
	}
	w := res.Entropy[0].W
	// Derived upper weights: the index equals 100·Σ w_j y_j, and each
	// dimension is the within-dimension weighted mean.
	for i := range res.Rows {
		var s float64
		for j := range w {
			s += w[j] * res.Normalised[i][j]
		}
		if got := res.Scores[i][0]; !relClose(got, 100*s, 1e-13) {
			t.Errorf("row %d: index %v, want 100·Σwy = %v", i, got, 100*s)
		}
		a := 100 * (w[0]*res.Normalised[i][0] + w[1]*res.Normalised[i][1]) / (w[0] + w[1])
		if got := res.Scores[i][res.AggregateIndex("A")]; !relClose(got, a, 1e-13) {
			t.Errorf("row %d: A = %v, want %v", i, got, a)
		}
	}
	checkWeights(t, res)
	// Group ranks: 北京 and 上海 are 东部, 湖北 is 中部.
	if res.Groups[0] != "东部" || res.Groups[2] != "中部" {
		t.Errorf("groups %v", res.Groups)
	}
	for i := range res.Rows {
		if res.Groups[i] == "中部" && res.GroupRanks[i][0] != 1 {
			t.Errorf("湖北 group rank %d, want 1", res.GroupRanks[i][0])
		}
	}
}

// checkWeights asserts weight properties: non-negative, relative weights
// sum to 1 in each group, leaf effective weights sum to 1.
func checkWeights(t *testing.T, res *Result) {
	t.Helper()
	for _, s := range res.Weights {
		groupSum := map[string]float64{}
		var leaf float64
		for _, n := range s.Nodes {
			if n.Relative < 0 || n.Effective < 0 || math.IsNaN(n.Relative) {
				t.Errorf("bad weight %+v", n)
			}
			if n.Parent != "" {
				groupSum[n.Parent] += n.Relative
			}
			if n.Level == 1 {
				leaf += n.Effective
			}
		}
		for g, v := range groupSum {
			if math.Abs(v-1) > 1e-12 {
				t.Errorf("relative weights under %s sum to %v", g, v)
			}
		}
		if math.Abs(leaf-1) > 1e-12 {
			t.Errorf("effective leaf weights sum to %v", leaf)
		}
	}
}

func TestRowOrderInvariance(t *testing.T) {
	for _, r := range []Recipe{Default(), mustPreset("coinr"), {Weights: Weights{Method: WCRITIC}}, {Weights: Weights{Method: WEntropy, Variant: EntropyPerPeriod}, Normalise: Normalise{Scope: ScopePeriod}}} {
		r.Resolve()
		a, err := Run(Input{Data: smallPanel(), Framework: smallFramework()}, r)
		if err != nil {
			t.Fatal(err)
		}
		ja, _ := a.JSON()
		rng := rand.New(rand.NewPCG(1, 2))
		for k := 0; k < 5; k++ {
			p := smallPanel()
			rng.Shuffle(len(p.Rows), func(i, j int) { p.Rows[i], p.Rows[j] = p.Rows[j], p.Rows[i] })
			b, err := Run(Input{Data: p, Framework: smallFramework()}, r)
			if err != nil {
				t.Fatal(err)
			}
			jb, _ := b.JSON()
			if !bytes.Equal(ja, jb) {
				t.Fatalf("recipe %+v: output depends on row order", r.Weights)
			}
		}
		checkWeights(t, a)
	}
}

func mustPreset(n string) Recipe {
	r, err := Preset(n)
	if err != nil {
		panic(err)
	}
	return r
}

func TestPerPeriodEntropyAndScope(t *testing.T) {
	r := Recipe{Normalise: Normalise{Scope: ScopePeriod}, Weights: Weights{Variant: EntropyPerPeriod}}
	res, err := Run(Input{Data: smallPanel(), Framework: smallFramework()}, r)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Entropy) != 2 || len(res.Weights) != 2 || res.Weights[1].Period != "2021" {
		t.Fatalf("want one weight set per period, got %d/%d", len(res.Entropy), len(res.Weights))
	}
	// Per-period min-max: 2020 a1 = (10, 8, 2) → (1, 0.75, 0).
	for i, want := range []float64{1, 0.75, 0} {
		if !relClose(res.Normalised[i][0], want, 1e-15) {
			t.Errorf("2020 a1[%d] = %v, want %v", i, res.Normalised[i][0], want)
		}
	}
	// Each period is scored with its own weights.
	for i, o := range res.Rows {
		w := res.Entropy[o.Period].W
		var s float64
		for j := range w {
			s += w[j] * res.Normalised[i][j]
		}
		if !relClose(res.Scores[i][0], 100*s, 1e-13) {
			t.Errorf("row %d: %v, want %v", i, res.Scores[i][0], 100*s)
		}
	}
	// per-period-mean averages the two vectors.
	r.Weights.Variant = EntropyPerPeriodMean
	res2, err := Run(Input{Data: smallPanel(), Framework: smallFramework()}, r)
	if err != nil {
		t.Fatal(err)
	}
	for j, c := range res2.Indicators {
		want := (res.Entropy[0].W[j] + res.Entropy[1].W[j]) / 2
		var got float64
		for _, n := range res2.Weights[0].Nodes {
			if n.Code == c {
				got = n.Effective
			}
		}
		if !relClose(got, want, 1e-14) {
			t.Errorf("mean weight %s = %v, want %v", c, got, want)
		}
	}
}

func TestRanksTies(t *testing.T) {
	s := Matrix{{3}, {5}, {5}, {1}, {math.NaN()}}
	r := rankBy(s, []int{0, 0, 0, 0, 0}, nil)
	want := []int{3, 1, 1, 4, 0}
	for i := range want {
		if r[i][0] != want[i] {
			t.Errorf("rank[%d] = %d, want %d", i, r[i][0], want[i])
		}
	}
}

func TestDegenerateInputsNoNaN(t *testing.T) {
	fw := &framework.Framework{Nodes: []framework.Node{{Code: "I", Weight: 1}, {Code: "x", Parent: "I", Weight: 1}}}
	cases := map[string]*panel.Panel{
		"one unit one period": {Units: []panel.Unit{{Code: "u"}}, Periods: []panel.Period{{Label: "2020"}}, Columns: []panel.Column{{Name: "x"}},
			Rows: []panel.Row{{Values: []float64{5}}}},
		"constant": {Units: []panel.Unit{{Code: "u"}, {Code: "v"}}, Periods: []panel.Period{{Label: "2020"}}, Columns: []panel.Column{{Name: "x"}},
			Rows: []panel.Row{{Unit: 0, Values: []float64{5}}, {Unit: 1, Values: []float64{5}}}},
		"all zero": {Units: []panel.Unit{{Code: "u"}, {Code: "v"}}, Periods: []panel.Period{{Label: "2020"}}, Columns: []panel.Column{{Name: "x"}},
			Rows: []panel.Row{{Unit: 0, Values: []float64{0}}, {Unit: 1, Values: []float64{0}}}},
	}
	for name, p := range cases {
		for _, w := range []string{WEntropy, WCRITIC, WCV, WSD, WEqual} {
			res, err := Run(Input{Data: p, Framework: fw}, Recipe{Weights: Weights{Method: w}})
			if err != nil {
				t.Fatalf("%s/%s: %v", name, w, err)
			}
			js, _ := res.JSON()
			if strings.Contains(string(js), "NaN") {
				t.Errorf("%s/%s: NaN in output", name, w)
			}
			for _, row := range res.Scores {
				for _, v := range row {
					if math.IsNaN(v) {
						t.Errorf("%s/%s: NaN score", name, w)
					}
				}
			}
			if w == WEntropy && len(res.Report.Problems) == 0 {
				t.Errorf("%s: no warning for degenerate data", name)
			}
		}
	}
}

func TestZScoreNegativesUnderEntropy(t *testing.T) {
	r := Recipe{Normalise: Normalise{NormSpec: NormSpec{Method: ZScore}}}
	res, err := Run(Input{Data: smallPanel(), Framework: smallFramework()}, r)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, p := range res.Report.Problems {
		if p.Code == "entropy-negative" {
			found = true
		}
	}
	if !found {
		t.Error("z-scores under entropy should warn about the non-negative shift")
	}
	// z-score with sample sd: a1 pooled = (10, 8, 2, 12, 9, 3), mean 44/6.
	m := 44.0 / 6
	var ss float64
	for _, v := range []float64{10, 8, 2, 12, 9, 3} {
		ss += (v - m) * (v - m)
	}
	sd := math.Sqrt(ss / 5)
	if !relClose(res.Normalised[0][0], (10-m)/sd, 1e-14) {
		t.Errorf("z = %v, want %v", res.Normalised[0][0], (10-m)/sd)
	}
}

func TestGMeanNonPositiveIsAnError(t *testing.T) {
	r := Recipe{Aggregate: Aggregate{Method: GMean}}
	_, err := Run(Input{Data: smallPanel(), Framework: smallFramework()}, r)
	var re *diag.ReportError
	if !errors.As(err, &re) || re.Report.Problems[len(re.Report.Problems)-1].Code != "gmean-nonpositive" {
		t.Fatalf("want gmean-nonpositive error, got %v", err)
	}
	// With min-max to [1, 100] it works: gmean of (1,1) children etc.
	r.Normalise = Normalise{NormSpec: NormSpec{Lower: fp(1), Upper: fp(100)}}
	r.Aggregate.Scale = fp(1)
	r.Weights.Method = WEqual
	res, err := Run(Input{Data: smallPanel(), Framework: smallFramework()}, r)
	if err != nil {
		t.Fatal(err)
	}
	// 湖北 2020: a1 = 1, a2 (negative, value 1 = best) = 100, b1 = 1 + 99/3 = 34.
	// A = sqrt(1·100) = 10; I = sqrt(10·34).
	if got, want := res.Scores[2][0], math.Sqrt(10*34); !relClose(got, want, 1e-13) {
		t.Errorf("gmean index = %v, want %v", got, want)
	}
}

func TestModerateAndIntervalDirections(t *testing.T) {
	x := []float64{1, 3, 5, 9}
	y := make([]float64, 4)
	minmaxColumn(x, y, all(4), framework.Direction{Kind: framework.Moderate, Best: 4}, 0, 1, 0)
	// |x − 4| = (3, 1, 1, 5), max 5: y = 1 − d/5.
	for i, want := range []float64{0.4, 0.8, 0.8, 0} {
		if !relClose(y[i], want, 1e-15) {
			t.Errorf("moderate y[%d] = %v, want %v", i, y[i], want)
		}
	}
	minmaxColumn(x, y, all(4), framework.Direction{Kind: framework.Interval, Lo: 3, Hi: 5}, 0, 1, 0)
	// M = max(3 − 1, 9 − 5) = 4: y = (1 − 2/4, 1, 1, 1 − 4/4).
	for i, want := range []float64{0.5, 1, 1, 0} {
		if !relClose(y[i], want, 1e-15) {
			t.Errorf("interval y[%d] = %v, want %v", i, y[i], want)
		}
	}
}

func TestRecipeRoundTripAndErrors(t *testing.T) {
	r := Default()
	back, err := ParseRecipe(bytes.NewReader(r.JSON()))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(back.JSON(), r.JSON()) {
		t.Error("recipe does not round-trip")
	}
	_, err = ParseRecipe(strings.NewReader(`{"schema":"nqp-recipe/1","weights":{"method":"magic"}}`))
	if err == nil || !strings.Contains(err.Error(), "weights.method") || !strings.Contains(err.Error(), "magic") {
		t.Errorf("bad method error: %v", err)
	}
	_, err = ParseRecipe(strings.NewReader(`{"schema":"nqp-recipe/1","wieghts":{}}`))
	if err == nil || !strings.Contains(err.Error(), "wieghts") {
		t.Errorf("unknown field error: %v", err)
	}
}

// Every preset resolves, checks and scores the small panel.
func TestPresets(t *testing.T) {
	for _, name := range Presets() {
		r, err := Preset(name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		res, err := Run(Input{Data: smallPanel(), Framework: smallFramework()}, r)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, row := range res.Scores {
			if math.IsNaN(row[0]) {
				t.Errorf("%s: NaN index", name)
			}
		}
	}
	if _, err := Preset("nope"); err == nil || !strings.Contains(err.Error(), "critic") {
		t.Errorf("unknown preset error: %v", err)
	}
}
