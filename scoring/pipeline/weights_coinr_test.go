package pipeline

import (
	"math"
	"strconv"
	"testing"

	"github.com/nqp-index/nqp/scoring/framework"
	"github.com/nqp-index/nqp/scoring/panel"
)

// The tests in this file compare the weighting methods with COINr 1.1.14's
// own output on its ASEM example (testdata/coinr, see its README.md).

// wtNormalisedInput is the ASEM framework (iMeta weights, every
// direction positive) with COINr's normalised data set
// (full_Normalised.csv: the full build_example_coin pipeline up to
// Normalise) as the data. With the coinr preset, min-max to [0, 100] of
// these columns reproduces them to rounding, so the weighting methods see
// COINr's "Normalised" data set.
func wtNormalisedInput(t testing.TB) Input {
	meta := readCSV(t, "testdata/asem/ASEM_iMeta.csv")
	col := map[string]int{}
	for i, h := range meta[0] {
		col[h] = i
	}
	fw := &framework.Framework{Name: "ASEM"}
	for _, r := range meta[1:] {
		typ := r[col["Type"]]
		if typ != "Indicator" && typ != "Aggregate" {
			continue
		}
		fw.Nodes = append(fw.Nodes, framework.Node{Code: r[col["iCode"]], NameEn: r[col["iName"]], Parent: r[col["Parent"]], Weight: num(r[col["Weight"]])})
	}
	data := readCSV(t, "testdata/coinr/full_Normalised.csv")
	p := &panel.Panel{File: "full_Normalised.csv", Periods: []panel.Period{{Label: "2018", Kind: panel.Year, Key: 2018 * 12}}}
	for j, h := range data[0][1:] {
		p.Columns = append(p.Columns, panel.Column{Name: h, Source: j + 2})
	}
	for i, r := range data[1:] {
		p.Units = append(p.Units, panel.Unit{Code: r[0], Name: r[0]})
		row := panel.Row{Unit: i, Period: 0, Line: i + 2}
		for _, v := range r[1:] {
			row.Values = append(row.Values, num(v))
		}
		p.Rows = append(p.Rows, row)
	}
	return Input{Data: p, Framework: fw}
}

func wtCOINrRecipe(t testing.TB) Recipe {
	r, err := Preset("coinr")
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func wtRunOK(t testing.TB, in Input, r Recipe) *Result {
	t.Helper()
	res, err := Run(in, r)
	if err != nil {
		t.Fatal(err)
	}
	if res.Report.HasErrors() {
		t.Fatalf("report has errors: %v", res.Report.Problems)
	}
	return res
}

func wtNode(res *Result, code string) NodeWeight {
	for _, n := range res.Weights[0].Nodes {
		if n.Code == code {
			return n
		}
	}
	return NodeWeight{Code: "?"}
}

// wtCheckScores compares the result's scores with a COINr *_Aggregated.csv
// file (columns after the 49 indicators) to rel.
func wtCheckScores(t *testing.T, res *Result, file string, rel float64) {
	t.Helper()
	recs := readCSV(t, file)
	unitRow := map[string]int{}
	for i, o := range res.Rows {
		unitRow[res.Units[o.Unit].Code] = i
	}
	n, worst := 0, 0.0
	for _, rec := range recs[1:] {
		i := unitRow[rec[0]]
		for k, h := range recs[0] {
			a := res.AggregateIndex(h)
			if a < 0 {
				continue
			}
			want, got := num(rec[k]), res.Scores[i][a]
			if d := math.Abs(got-want) / math.Max(math.Abs(want), 1); d > worst {
				worst = d
			}
			if !relClose(got, want, rel) {
				t.Errorf("%s/%s = %.15g, COINr %.15g", rec[0], h, got, want)
			}
			n++
		}
	}
	if n != 51*11 {
		t.Errorf("compared %d scores, want %d", n, 51*11)
	}
	t.Logf("%s: max relative difference %.3g over %d scores", file, worst, n)
}

// TestCOINrNormalisedInput: the input reproduces COINr's full pipeline
// scores (full_Aggregated.csv) with the framework weights.
func TestCOINrNormalisedInput(t *testing.T) {
	res := wtRunOK(t, wtNormalisedInput(t), wtCOINrRecipe(t))
	wtCheckScores(t, res, "testdata/coinr/full_Aggregated.csv", 1e-12)
}

// TestCOINrEffectiveWeights: get_eff_weights (full_eff_weights.csv) equals
// our effective weights, the product of the group-normalised weights.
func TestCOINrEffectiveWeights(t *testing.T) {
	res := wtRunOK(t, wtNormalisedInput(t), wtCOINrRecipe(t))
	recs := readCSV(t, "testdata/coinr/full_eff_weights.csv")
	for _, r := range recs[1:] {
		n := wtNode(res, r[0])
		if n.Code != r[0] {
			t.Fatalf("node %s missing", r[0])
		}
		lv, _ := strconv.Atoi(r[1])
		if n.Level != lv {
			t.Errorf("%s: level %d, COINr %d", r[0], n.Level, lv)
		}
		if want := num(r[3]); !relClose(n.Effective, want, 1e-14) {
			t.Errorf("%s: effective weight %.17g, COINr %.17g", r[0], n.Effective, want)
		}
	}
}

// wtCheckPCA compares the coinr-form PCA diagnostics with COINr's get_PCA
// files: PC1 loadings up to one sign per group (prcomp's sign depends on
// LAPACK; ours is fixed so that the loadings sum to ≥ 0), sdev² and the
// variance shares, and the relative weights with COINr's weights divided
// by their group sum (which a_amean does; this ratio is sign-free).
func wtCheckPCA(t *testing.T, res *Result, prefix string, level int) {
	t.Helper()
	load := readCSV(t, "testdata/coinr/"+prefix+"_loadings.csv")
	sdev := readCSV(t, "testdata/coinr/"+prefix+"_sdev.csv")
	wts := readCSV(t, "testdata/coinr/"+prefix+"_weights.csv")
	byGroup := map[string]PCADiag{}
	for _, d := range res.PCA {
		byGroup[d.Group] = d
	}
	want := map[string]map[string]float64{}
	for _, r := range load[1:] {
		if want[r[0]] == nil {
			want[r[0]] = map[string]float64{}
		}
		want[r[0]][r[1]] = num(r[2])
	}
	if len(byGroup) != len(want) {
		t.Fatalf("%d PCA groups, COINr %d", len(byGroup), len(want))
	}
	worst := 0.0
	for g, w := range want {
		d, ok := byGroup[g]
		if !ok {
			t.Fatalf("group %s missing", g)
		}
		// the sign: match the first code
		sign := 1.0
		if (d.Loadings[0][0] < 0) != (w[d.Codes[0]] < 0) {
			sign = -1
		}
		for m, c := range d.Codes {
			got := sign * d.Loadings[m][0]
			worst = math.Max(worst, math.Abs(got-w[c]))
			if math.Abs(got-w[c]) > 1e-12 {
				t.Errorf("%s/%s: loading %.17g (sign %v), COINr %.17g", g, c, got, sign, w[c])
			}
		}
		if d.NObs != 51 || d.Level != level {
			t.Errorf("%s: nObs %d level %d", g, d.NObs, d.Level)
		}
	}
	for _, r := range sdev[1:] {
		d := byGroup[r[0]]
		k, _ := strconv.Atoi(r[1])
		sd, pv := num(r[2]), num(r[3])
		if got := math.Sqrt(d.Eigenvalues[k-1]); math.Abs(got-sd) > 1e-12 {
			t.Errorf("%s PC%d: sdev %.17g, COINr %.17g", r[0], k, got, sd)
		}
		if math.Abs(d.Variance[k-1]-pv) > 1e-12 {
			t.Errorf("%s PC%d: share %.17g, COINr %.17g", r[0], k, d.Variance[k-1], pv)
		}
	}
	// relative weights = COINr weight / Σ COINr weights in the group
	cw := map[string]float64{}
	for _, r := range wts[1:] {
		cw[r[0]] = num(r[2])
	}
	for g, w := range want {
		s := 0.0
		for c := range w {
			s += cw[c]
		}
		for c := range w {
			got := wtNode(res, c).Relative
			if !relClose(got, cw[c]/s, 1e-10) {
				t.Errorf("%s/%s: relative weight %.17g, COINr %.17g", g, c, got, cw[c]/s)
			}
		}
	}
	t.Logf("%s: max |loading − COINr| = %.3g", prefix, worst)
}

// TestCOINrPCANormalisedL1: get_PCA(dset = "Normalised", Level = 1,
// by_groups = TRUE). Loadings agree to 1e-12 after one sign per group.
func TestCOINrPCANormalisedL1(t *testing.T) {
	r := wtCOINrRecipe(t)
	r.Weights = Weights{Method: WPCA, PCA: &PCASpec{Form: PCACOINr, Level: 1}}
	res := wtRunOK(t, wtNormalisedInput(t), r)
	wtCheckPCA(t, res, "pca_normalised_L1", 1)
	if !wtHasWarning(res, "pca-negative-loading") {
		t.Error("no warning about negative loadings (TBTs, Forest, …)")
	}
}

// TestCOINrPCAAggregatedL2: get_PCA(dset = "Aggregated", Level = 2): the
// pillars are aggregated with the framework weights first. Social's
// loading is negative (−0.744) in COINr and here.
func TestCOINrPCAAggregatedL2(t *testing.T) {
	r := wtCOINrRecipe(t)
	r.Weights = Weights{Method: WPCA, PCA: &PCASpec{Form: PCACOINr, Level: 2}}
	res := wtRunOK(t, wtNormalisedInput(t), r)
	wtCheckPCA(t, res, "pca_aggregated_L2", 2)
	// level-1 weights stay the framework's
	if w := wtNode(res, "LPI").Relative; w != 1.0/8 {
		t.Errorf("LPI relative weight %v, want 1/8", w)
	}
}

func wtHasWarning(res *Result, code string) bool {
	for _, p := range res.Report.Problems {
		if p.Code == code {
			return true
		}
	}
	return false
}

// wtCheckOpt compares an optimisation with COINr's get_opt_weights files.
//
// Tolerances. Our Nelder–Mead is R's nmmin step for step (same simplex,
// coefficients and convergence test) and the objective is the same
// function of the weights, so the evaluation sequence is R's unless a
// comparison of two objective values falls within their rounding (~1e-15).
// It does not here: the evaluation count and the weights agree exactly, so
// weights are compared to 1e-12 (absolute, a few ulps of rounding in w/Σw).
// The correlations, the objective value and the scores are compared to
// 1e-9 relative: they are sums over 51 units computed in a different
// order than R's. COINr's "Obtained" column holds the correlations of the
// LAST evaluation, not of the optimum; we report those at the optimum and
// compare them with Obtained only where the two coincide (see below).
func wtCheckOpt(t *testing.T, typ string) *Result {
	t.Helper()
	r := wtCOINrRecipe(t)
	r.Weights.Optimise = &OptimiseSpec{Level: 3, Type: typ}
	res := wtRunOK(t, wtNormalisedInput(t), r)
	d := res.Optimised
	if d == nil {
		t.Fatal("no optimisation diagnostics")
	}
	prefix := "testdata/coinr/opt_" + typ + "_L3_"
	optim := readCSV(t, prefix+"optim.csv")[1]
	if cnt, _ := strconv.Atoi(optim[1]); d.Evaluations != cnt || strconv.Itoa(d.Convergence) != optim[2] {
		t.Errorf("evaluations %d convergence %d, R %s %s", d.Evaluations, d.Convergence, optim[1], optim[2])
	}
	if v := num(optim[0]); !relClose(d.Value, v, 1e-9) {
		t.Errorf("objective %.17g, R %.17g", d.Value, v)
	}
	corr := readCSV(t, prefix+"corr.csv")
	for m, rec := range corr[1:] {
		if d.Codes[m] != rec[0] {
			t.Fatalf("node %d: %s, COINr %s", m, d.Codes[m], rec[0])
		}
		if w := num(rec[3]); math.Abs(d.Weights[m]-w) > 1e-12 {
			t.Errorf("%s: weight %.17g, COINr %.17g", rec[0], d.Weights[m], w)
		} else {
			t.Logf("%s: weight %.17g, COINr %.17g (difference %.3g)", rec[0], d.Weights[m], w, d.Weights[m]-w)
		}
		if w := num(rec[3]); math.Abs(wtNode(res, rec[0]).Relative-w) > 1e-12 {
			t.Errorf("%s: relative weight %.17g, COINr %.17g", rec[0], wtNode(res, rec[0]).Relative, w)
		}
	}
	wtCheckScores(t, res, prefix+"Aggregated.csv", 1e-12)
	return res
}

// TestCOINrOptBalance: get_opt_weights(itarg = "equal", Level = 3,
// optype = "balance"): Conn 16/41 = 0.3902439, Sust 0.6097561, 15
// evaluations. The correlations of Conn and Sust with the index at the
// optimum, normalised, are 0.501291/0.498709 (objective −13.3043, R's
// value). COINr's Obtained, 0.50155/0.49845, are those of the last (15th)
// evaluation, a contraction point that was not accepted; they are in
// LastEvaluation.
func TestCOINrOptBalance(t *testing.T) {
	res := wtCheckOpt(t, OptBalance)
	d := res.Optimised
	corr := readCSV(t, "testdata/coinr/opt_balance_L3_corr.csv")
	for m, rec := range corr[1:] {
		if got, want := d.LastEvaluation[m], num(rec[2]); !relClose(got, want, 1e-9) {
			t.Errorf("%s: last normalised correlation %.17g, COINr Obtained %.17g", rec[0], got, want)
		}
	}
	// the optimum's own correlations reproduce the objective value
	ss := 0.0
	for _, c := range d.CorrNormalised {
		ss += (0.5 - c) * (0.5 - c)
	}
	if v := math.Log(ss / 2); !relClose(v, d.Value, 1e-12) {
		t.Errorf("objective from the optimum's correlations %v, reported %v", v, d.Value)
	}
	if math.Abs(d.CorrNormalised[0]-0.501291) > 1e-6 {
		t.Errorf("normalised correlation of Conn at the optimum %v", d.CorrNormalised[0])
	}
}

// TestCOINrOptInfomax: optype = "infomax" starts from the framework
// weights (1, 1) and stops after the initial simplex (3 evaluations, since
// reltol = 0.1 is loose): Conn 10/21, Sust 11/21. COINr's Obtained holds
// the correlations of the last evaluated vertex (1, 1.1), which is also the
// optimum.
func TestCOINrOptInfomax(t *testing.T) {
	res := wtCheckOpt(t, OptInfomax)
	corr := readCSV(t, "testdata/coinr/opt_infomax_L3_corr.csv")
	for m, rec := range corr[1:] {
		if got, want := res.Optimised.Corr[m], num(rec[2]); !relClose(got, want, 1e-9) {
			t.Errorf("%s: correlation %.17g, COINr %.17g", rec[0], got, want)
		}
	}
}
