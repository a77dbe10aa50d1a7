package pipeline

import (
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/nqp-index/nqp/scoring/framework"
	"github.com/nqp-index/nqp/scoring/mcda"
	"github.com/nqp-index/nqp/scoring/panel"
)

// wtFlat is a one-level framework I → leaves with the given framework
// weights, and a one-period panel of the given rows (units u1, u2, …).
func wtFlat(codes []string, weights []float64, rows [][]float64) Input {
	fw := &framework.Framework{Nodes: []framework.Node{{Code: "I", Weight: 1}}}
	p := &panel.Panel{File: "flat.csv", Periods: []panel.Period{{Label: "2020", Kind: panel.Year, Key: 2020 * 12}}}
	for j, c := range codes {
		fw.Nodes = append(fw.Nodes, framework.Node{Code: c, Parent: "I", Weight: weights[j]})
		p.Columns = append(p.Columns, panel.Column{Name: c})
	}
	for i, r := range rows {
		p.Units = append(p.Units, panel.Unit{Code: "u" + string(rune('a'+i)), Name: "u" + string(rune('a'+i))})
		p.Rows = append(p.Rows, panel.Row{Unit: i, Period: 0, Line: i + 2, Values: r})
	}
	return Input{Data: p, Framework: fw}
}

func wtParse(t *testing.T, js string) Recipe {
	t.Helper()
	r, err := ParseRecipe(strings.NewReader(js))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func wtLeaves(res *Result) []float64 {
	var w []float64
	for _, c := range res.Indicators {
		w = append(w, wtNode(res, c).Effective)
	}
	return w
}

func wtVec(t *testing.T, what string, got, want []float64, tol float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %v, want %v", what, got, want)
	}
	for i := range got {
		if math.Abs(got[i]-want[i]) > tol {
			t.Errorf("%s[%d] = %.9g, want %.9g", what, i, got[i], want[i])
		}
	}
}

// TestAHPRecipe: the closed-form 3×3 matrix of scoring/mcda's
// TestAHPClosedForm (a12 = 3, a13 = 5, a23 = 3): eigenvector and geometric
// weights (0.636986, 0.258285, 0.104729), λ = 1 + (5/9)^⅓ + (9/5)^⅓ =
// 3.038511, CR = 0.033199 (Saaty RI 0.58) or 0.037029 (Chinese RI 0.52);
// sum-product (0.633346, 0.260498, 0.106156). Fractions may be strings.
func TestAHPRecipe(t *testing.T) {
	in := wtFlat([]string{"a", "b", "c"}, []float64{1, 1, 1}, [][]float64{{1, 2, 3}, {2, 1, 5}, {3, 3, 1}})
	lambda := 1 + math.Cbrt(5.0/9) + math.Cbrt(9.0/5)
	for _, c := range []struct {
		method, ri string
		w          []float64
		cr         float64
	}{
		{"eigenvector", "saaty", []float64{0.636986, 0.258285, 0.104729}, (lambda - 3) / 2 / 0.58},
		{"geometric", "chinese", []float64{0.636986, 0.258285, 0.104729}, 0.037029},
		{"sum-product", "saaty", []float64{0.633346, 0.260498, 0.106156}, math.NaN()},
	} {
		r := wtParse(t, `{"schema":"nqp-recipe/1","weights":{"method":"ahp","ahp":{"method":"`+c.method+`","ri":"`+c.ri+`",
			"matrices":{"I":[[1,3,5],["1/3",1,3],[0.2,"1/3",1]]}}}}`)
		res := wtRunOK(t, in, r)
		wtVec(t, c.method+" weights", wtLeaves(res), c.w, 1e-6)
		if len(res.AHP) != 1 {
			t.Fatalf("%d AHP diagnostics", len(res.AHP))
		}
		d := res.AHP[0]
		if d.Node != "I" || !reflect.DeepEqual(d.Children, []string{"a", "b", "c"}) || !d.Consistent {
			t.Errorf("diag %+v", d)
		}
		if !math.IsNaN(c.cr) && math.Abs(d.CR-c.cr) > 1e-6 {
			t.Errorf("%s: CR = %v, want %v", c.method, d.CR, c.cr)
		}
		checkWeights(t, res)
		// scores are the weighted sums
		for i := range res.Rows {
			s := 0.0
			for j, w := range wtLeaves(res) {
				s += w * res.Normalised[i][j]
			}
			if !relClose(res.Scores[i][0], 100*s, 1e-12) {
				t.Errorf("row %d: %v, want %v", i, res.Scores[i][0], 100*s)
			}
		}
	}
}

// TestAHPHierarchy: matrices per parent; a leaf's weight is the product
// along its path; children may be listed in any order; a group without a
// matrix keeps its framework weights (warning); an inconsistent matrix
// warns. The 4×4 matrix is the Excel template of scoring/mcda's
// TestAHPSumProductExcelTemplate (w₁ = 0.411184, CI = 0.010946).
func TestAHPHierarchy(t *testing.T) {
	fw := &framework.Framework{Nodes: []framework.Node{
		{Code: "I", Weight: 1},
		{Code: "A", Parent: "I", Weight: 1}, {Code: "B", Parent: "I", Weight: 1},
		{Code: "a1", Parent: "A", Weight: 1}, {Code: "a2", Parent: "A", Weight: 1}, {Code: "a3", Parent: "A", Weight: 1}, {Code: "a4", Parent: "A", Weight: 1},
		{Code: "b1", Parent: "B", Weight: 1}, {Code: "b2", Parent: "B", Weight: 3},
	}}
	p := &panel.Panel{Periods: []panel.Period{{Label: "2020", Key: 1}}}
	for _, c := range []string{"a1", "a2", "a3", "a4", "b1", "b2"} {
		p.Columns = append(p.Columns, panel.Column{Name: c})
	}
	for i, r := range [][]float64{{1, 2, 3, 4, 5, 6}, {2, 3, 1, 5, 4, 1}, {6, 1, 2, 2, 1, 3}} {
		p.Units = append(p.Units, panel.Unit{Code: string(rune('x' + i))})
		p.Rows = append(p.Rows, panel.Row{Unit: i, Values: r})
	}
	in := Input{Data: p, Framework: fw}
	r := wtParse(t, `{"schema":"nqp-recipe/1","weights":{"method":"ahp","ahp":{"matrices":{
		"I":{"children":["B","A"],"matrix":[[1,"1/3"],[3,1]]},
		"A":[[1,1,5,3],[1,1,3,3],["1/5","1/3",1,1],["1/3","1/3",1,1]]}}}}`)
	res := wtRunOK(t, in, r)
	if w := wtNode(res, "A").Relative; math.Abs(w-0.75) > 1e-15 {
		t.Errorf("A = %v, want 0.75", w)
	}
	if w := wtNode(res, "a1"); math.Abs(w.Relative-0.411184) > 1e-6 || math.Abs(w.Effective-0.75*w.Relative) > 1e-15 {
		t.Errorf("a1 = %+v", w)
	}
	// B has no matrix: framework weights 1 : 3
	if w := wtNode(res, "b2"); math.Abs(w.Relative-0.75) > 1e-15 || math.Abs(w.Effective-0.1875) > 1e-15 {
		t.Errorf("b2 = %+v", w)
	}
	if !wtHasWarning(res, "ahp-no-matrix") {
		t.Error("no warning for B without a matrix")
	}
	var dA AHPDiag
	for _, d := range res.AHP {
		if d.Node == "A" {
			dA = d
		}
	}
	if math.Abs(dA.CI-0.010946) > 1e-6 || dA.RI != 0.90 {
		t.Errorf("A: CI = %v RI = %v", dA.CI, dA.RI)
	}
	checkWeights(t, res)

	// inconsistent judgements warn
	r = wtParse(t, `{"schema":"nqp-recipe/1","weights":{"method":"ahp","ahp":{"matrices":{
		"A":[[1,9,"1/9",1],["1/9",1,9,1],[9,"1/9",1,1],[1,1,1,1]]}}}}`)
	res = wtRunOK(t, in, r)
	if !wtHasWarning(res, "ahp-inconsistent") {
		t.Error("no warning for CR ≥ 0.1")
	}
}

// TestAHPRecipeErrors: malformed matrices are recipe errors in both
// languages.
func TestAHPRecipeErrors(t *testing.T) {
	for js, want := range map[string]string{
		`{"method":"ahp"}`: "matrices",
		`{"method":"ahp","ahp":{"matrices":{"I":[[1,3],[3,1]]}}}`:                               "reciprocal",
		`{"method":"ahp","ahp":{"matrices":{"I":[[1,3],["x",1]]}}}`:                             "judgement",
		`{"method":"ahp","ahp":{"ri":"nasa","matrices":{"I":[[1]]}}}`:                           "weights.ahp.ri",
		`{"method":"ahp","ahp":{"matrices":{"I":{"children":["a"],"matrix":[[1,2],[0.5,1]]}}}}`: "children",
	} {
		_, err := ParseRecipe(strings.NewReader(`{"schema":"nqp-recipe/1","weights":` + js + `}`))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: error %v, want %q", js, err, want)
		}
	}
	// wrong order for the tree: a run-time error with a hint
	in := wtFlat([]string{"a", "b", "c"}, []float64{1, 1, 1}, [][]float64{{1, 2, 3}, {2, 1, 5}})
	r := wtParse(t, `{"schema":"nqp-recipe/1","weights":{"method":"ahp","ahp":{"matrices":{"I":[[1,3],["1/3",1]]}}}}`)
	res, err := Run(in, r)
	if err == nil && !res.Report.HasErrors() {
		t.Fatal("no error for a 2×2 matrix over 3 children")
	}
}

// TestCombinationRecipe reproduces scoring/mcda's TestCombineHand with
// pipeline bases: AHP [[1, 1/4], [4, 1]] gives (0.2, 0.8), manual framework
// weights 3 : 2 give (0.6, 0.4). Linear α = 0.5 → (0.4, 0.6);
// multiplicative → (0.12, 0.32)/0.44; geometric → (0.379796, 0.620204);
// game theory: α = (0.78, 0.34)/1.12, w = (0.321429, 0.678571).
func TestCombinationRecipe(t *testing.T) {
	in := wtFlat([]string{"x", "y"}, []float64{3, 2}, [][]float64{{1, 5}, {2, 3}, {4, 4}, {3, 1}})
	bases := `"bases":[{"method":"ahp","ahp":{"matrices":{"I":[[1,"1/4"],[4,1]]}}},{"method":"manual"}]`
	for rule, want := range map[string][]float64{
		"linear":         {0.4, 0.6},
		"multiplicative": {0.12 / 0.44, 0.32 / 0.44},
		"geometric":      {0.379796, 0.620204},
		"game-theory":    {0.321429, 0.678571},
	} {
		r := wtParse(t, `{"schema":"nqp-recipe/1","weights":{"method":"combination","combine":{"rule":"`+rule+`","alpha":[0.5],`+bases+`}}}`)
		res := wtRunOK(t, in, r)
		wtVec(t, rule, wtLeaves(res), want, 1e-6)
		d := res.Combination
		wtVec(t, rule+" base 1", d.Bases[0].W, []float64{0.2, 0.8}, 1e-15)
		wtVec(t, rule+" base 2", d.Bases[1].W, []float64{0.6, 0.4}, 1e-15)
		if rule == "game-theory" {
			wtVec(t, "alpha raw", d.AlphaRaw, []float64{0.78, 0.34}, 1e-12)
		}
		checkWeights(t, res)
	}
}

// TestCombinationEntropy: a subjective + objective combination on the
// small panel; the entropy base equals a plain entropy run's weights and
// the result equals mcda.CombineLinear / mcda.GameTheory of the bases.
func TestCombinationEntropy(t *testing.T) {
	in := Input{Data: smallPanel(), Framework: smallFramework()}
	plain := wtRunOK(t, in, Default())
	for _, rule := range []string{"linear", "game-theory"} {
		r := wtParse(t, `{"schema":"nqp-recipe/1","weights":{"method":"combination","combine":{"rule":"`+rule+`","alpha":[0.3],
			"bases":[{"method":"manual"},{"method":"entropy"}]}}}`)
		res := wtRunOK(t, in, r)
		d := res.Combination
		wtVec(t, "entropy base", d.Bases[1].W, wtLeaves(plain), 1e-15)
		wtVec(t, "manual base", d.Bases[0].W, []float64{0.25, 0.25, 0.5}, 1e-15)
		var want []float64
		if rule == "linear" {
			want, _ = mcda.CombineLinear(d.Bases[0].W, d.Bases[1].W, 0.3)
		} else {
			g, _ := mcda.GameTheory([][]float64{d.Bases[0].W, d.Bases[1].W}, false)
			want = g.Weights
		}
		wtVec(t, rule, wtLeaves(res), want, 1e-15)
		checkWeights(t, res)
	}
	// a per-period entropy base is rejected
	_, err := ParseRecipe(strings.NewReader(`{"schema":"nqp-recipe/1","weights":{"method":"combination","combine":{"bases":[{"method":"manual"},{"method":"entropy","variant":"per-period"}]}}}`))
	if err == nil || !strings.Contains(err.Error(), "per-period") {
		t.Errorf("error %v", err)
	}
}

// TestVerticalHorizontalRecipe reproduces scoring/mcda's
// TestVerticalHorizontalHand through the pipeline: with min-max data
// A₁ = [[1, 0], [0, 1], [1, 1]] (2020) and A₂ = [[1, 0]] (2021),
// H = [[3, 1], [1, 2]] and w = (1/φ, 1 − 1/φ).
func TestVerticalHorizontalRecipe(t *testing.T) {
	fw := &framework.Framework{Nodes: []framework.Node{{Code: "I", Weight: 1}, {Code: "x", Parent: "I", Weight: 1}, {Code: "y", Parent: "I", Weight: 1}}}
	p := &panel.Panel{Columns: []panel.Column{{Name: "x"}, {Name: "y"}},
		Units:   []panel.Unit{{Code: "u1"}, {Code: "u2"}, {Code: "u3"}},
		Periods: []panel.Period{{Label: "2020", Key: 1}, {Label: "2021", Key: 2}}}
	for _, r := range []panel.Row{{Unit: 0, Period: 0, Values: []float64{1, 0}}, {Unit: 1, Period: 0, Values: []float64{0, 1}},
		{Unit: 2, Period: 0, Values: []float64{1, 1}}, {Unit: 0, Period: 1, Values: []float64{1, 0}}} {
		p.Rows = append(p.Rows, r)
	}
	r := wtParse(t, `{"schema":"nqp-recipe/1","weights":{"method":"vertical-horizontal"}}`)
	res := wtRunOK(t, Input{Data: p, Framework: fw}, r)
	phi := (1 + math.Sqrt(5)) / 2
	wtVec(t, "vh", wtLeaves(res), []float64{1 / phi, 1 - 1/phi}, 1e-12)
	if res.VH == nil || res.VH.NObs != 4 || math.Abs(res.VH.Lambda-(5+math.Sqrt(5))/2) > 1e-12 {
		t.Errorf("diag %+v", res.VH)
	}
	checkWeights(t, res)
}

// TestPCAComposite: the composite form equals mcda.PCA on the normalised
// data; weights are ≥ 0 and sum to 1; they do not change when a raw
// column is rescaled (PCA works on correlations; here z-scores).
func TestPCAComposite(t *testing.T) {
	rows := [][]float64{{1, 2, 3, 9}, {2, 1, 5, 7}, {3, 3, 1, 8}, {4, 6, 2, 1}, {5, 4, 4, 3}, {6, 5, 7, 2}}
	in := wtFlat([]string{"a", "b", "c", "d"}, []float64{1, 1, 1, 1}, rows)
	r := wtParse(t, `{"schema":"nqp-recipe/1","normalise":{"method":"zscore"},"weights":{"method":"pca","pca":{"cumulative":0.8}}}`)
	res := wtRunOK(t, in, r)
	want, err := mcda.PCA(res.Normalised, mcda.PCAOptions{Cumulative: 0.8})
	if err != nil {
		t.Fatal(err)
	}
	wtVec(t, "composite", wtLeaves(res), want.Weights, 1e-15)
	if res.PCA[0].Kept != want.Kept || res.PCA[0].Form != PCAComposite {
		t.Errorf("diag %+v", res.PCA[0])
	}
	checkWeights(t, res)
	// rescale column b by 1000 and shift d
	scaled := make([][]float64, len(rows))
	for i, row := range rows {
		scaled[i] = []float64{row[0], row[1] * 1000, row[2], row[3] + 50}
	}
	res2 := wtRunOK(t, wtFlat([]string{"a", "b", "c", "d"}, []float64{1, 1, 1, 1}, scaled), r)
	wtVec(t, "rescaled", wtLeaves(res2), wtLeaves(res), 1e-12)
	// the COINr form is invariant too
	rc := wtParse(t, `{"schema":"nqp-recipe/1","weights":{"method":"pca","pca":{"form":"coinr"}}}`)
	wtVec(t, "coinr rescaled", wtLeaves(wtRunOK(t, wtFlat([]string{"a", "b", "c", "d"}, []float64{1, 1, 1, 1}, scaled), rc)),
		wtLeaves(wtRunOK(t, in, rc)), 1e-12)
}

// TestPCAConstantColumn: PCA cannot run on a constant column; the run
// reports an error (and the weights fall back to the framework's).
func TestPCAConstantColumn(t *testing.T) {
	in := wtFlat([]string{"a", "b"}, []float64{1, 1}, [][]float64{{1, 5}, {2, 5}, {3, 5}})
	r := wtParse(t, `{"schema":"nqp-recipe/1","weights":{"method":"pca"}}`)
	res, err := Run(in, r)
	if err == nil && !res.Report.HasErrors() {
		t.Fatal("no error for a constant column")
	}
}

// TestNoisyWeights: the same seed gives the same weights; each perturbed
// weight lies within w(1 ± factor) before the group renormalisation; factor
// 0 changes nothing; NoisyWeights replicate 0 equals the recipe's noise.
func TestNoisyWeights(t *testing.T) {
	in := wtNormalisedInput(t)
	base := wtRunOK(t, in, wtCOINrRecipe(t))
	r := wtCOINrRecipe(t)
	r.Weights.Noise = &NoiseSpec{Levels: []NoiseLevel{{Level: 2, Factor: 0.25}, {Level: 3, Factor: 0.25}}, Seed: 42}
	a := wtRunOK(t, in, r)
	b := wtRunOK(t, in, r)
	if !reflect.DeepEqual(a.Weights, b.Weights) || !reflect.DeepEqual(a.Scores, b.Scores) {
		t.Fatal("same seed, different results")
	}
	if got := NoisyWeights(base.Weights[0], r.Weights.Noise.Levels, 42, 0); !reflect.DeepEqual(got, a.Weights[0]) {
		t.Error("NoisyWeights(rep 0) differs from the recipe's noise")
	}
	checkWeights(t, a)
	changed := 0
	for k, n := range a.Weights[0].Nodes {
		o := base.Weights[0].Nodes[k]
		switch n.Level {
		case 1, 4:
			if n.Relative != o.Relative {
				t.Errorf("%s (level %d) changed", n.Code, n.Level)
			}
		default:
			if n.Relative != o.Relative {
				changed++
			}
		}
	}
	if changed != 10 {
		t.Errorf("%d of 10 level-2/3 weights changed", changed)
	}
	// bounds before renormalisation: w(1 − f) ≤ w' ≤ w(1 + f), so the
	// ratio of two siblings lies within [(1−f)/(1+f), (1+f)/(1−f)]
	conn, sust := wtNode(a, "Conn").Relative, wtNode(a, "Sust").Relative
	if q := conn / sust; q < 0.75/1.25 || q > 1.25/0.75 {
		t.Errorf("Conn/Sust = %v out of bounds", q)
	}
	c := NoisyWeights(base.Weights[0], r.Weights.Noise.Levels, 43, 0)
	if reflect.DeepEqual(c, a.Weights[0]) {
		t.Error("seeds 42 and 43 give the same weights")
	}
	if z := NoisyWeights(base.Weights[0], []NoiseLevel{{Level: 2, Factor: 0}}, 1, 5); !reflect.DeepEqual(z.Nodes, base.Weights[0].Nodes) {
		t.Error("factor 0 changed the weights")
	}
}

// TestNelderMeadRosenbrock: R's ?optim example, optim(c(-1.2, 1), fr) with
// the defaults (reltol = √ε): par (1.000260, 1.000506), value
// 8.825241e-08, 195 function evaluations.
func TestNelderMeadRosenbrock(t *testing.T) {
	fr := func(x []float64) float64 {
		return 100*(x[1]-x[0]*x[0])*(x[1]-x[0]*x[0]) + (1-x[0])*(1-x[0])
	}
	r := nelderMead(fr, []float64{-1.2, 1}, 1, 0.5, 2, 1.490116119384765625e-8, 500)
	wtVec(t, "par", r.X, []float64{1.000260, 1.000506}, 5e-7)
	if r.Count != 195 || r.Fail != 0 || math.Abs(r.F-8.825241e-08) > 1e-13 {
		t.Errorf("count %d fail %d value %v", r.Count, r.Fail, r.F)
	}
}

// TestCorrelationKinds: hand values (and R's cor): x = (1, 2, 3, 4),
// y = (1, 3, 2, 4): pearson = spearman = 0.8, kendall = 4/6; with ties
// x = (1, 1, 2), y = (1, 2, 3): kendall tau-b = 2/√6 = 0.8164966.
func TestCorrelationKinds(t *testing.T) {
	x, y := []float64{1, 2, 3, 4}, []float64{1, 3, 2, 4}
	for kind, want := range map[string]float64{"pearson": 0.8, "spearman": 0.8, "kendall": 4.0 / 6} {
		if got := correlation(x, y, kind); math.Abs(got-want) > 1e-15 {
			t.Errorf("%s = %v, want %v", kind, got, want)
		}
	}
	if got := correlation([]float64{1, 1, 2}, []float64{1, 2, 3}, "kendall"); math.Abs(got-2/math.Sqrt(6)) > 1e-15 {
		t.Errorf("tau-b = %v", got)
	}
	if got := correlation([]float64{1, 1, 2, 5}, []float64{3, 1, 2, 9}, "spearman"); math.Abs(got-correlation([]float64{1.5, 1.5, 3, 4}, []float64{3, 1, 2, 4}, "pearson")) > 1e-15 {
		t.Errorf("spearman with ties = %v", got)
	}
}

// TestOptimiseSpearman: other correlation types and a target run and
// keep the weights a valid set.
func TestOptimiseSpearman(t *testing.T) {
	r := wtCOINrRecipe(t)
	r.Weights.Optimise = &OptimiseSpec{Level: 2, Cor: "spearman", Target: []float64{1, 1, 1, 1, 1, 1, 1, 1}}
	res := wtRunOK(t, wtNormalisedInput(t), r)
	d := res.Optimised
	if len(d.Codes) != 8 || d.Evaluations < 9 {
		t.Errorf("diag %+v", d)
	}
	// the optimum is no worse than the start
	s := 0.0
	for _, v := range d.Weights {
		s += v
	}
	if math.Abs(s-1) > 1e-12 {
		t.Errorf("weights sum to %v", s)
	}
	if _, err := ParseRecipe(strings.NewReader(`{"schema":"nqp-recipe/1","weights":{"method":"equal","optimise":{"level":2,"cor":"tau"}}}`)); err == nil {
		t.Error("unknown cor accepted")
	}
}
