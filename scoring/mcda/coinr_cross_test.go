package mcda_test

import (
	"encoding/csv"
	"fmt"
	"math"
	"os"
	"strconv"
	"testing"

	"github.com/nqp-index/nqp/scoring/framework"
	"github.com/nqp-index/nqp/scoring/mcda"
	"github.com/nqp-index/nqp/scoring/panel"
	"github.com/nqp-index/nqp/scoring/pipeline"
)

func fp(v float64) *float64 { return &v }

// flatRun runs the recipe pipeline on the matrix x (one period, a flat
// framework Index → c1..cn with equal weights, directions from types,
// targets given per indicator) with the normaliser set by set, and returns
// the normalised matrix in the rows and columns of x.
func flatRun(t *testing.T, x [][]float64, types []int, targets []float64, set func(n *pipeline.Normalise)) [][]float64 {
	t.Helper()
	fw := &framework.Framework{Nodes: []framework.Node{{Code: "Index", Weight: 1}}}
	p := &panel.Panel{Periods: []panel.Period{{Label: "2020", Kind: panel.Year, Key: 2020 * 12}}}
	for j := range x[0] {
		c := fmt.Sprintf("c%d", j+1)
		n := framework.Node{Code: c, Parent: "Index", Weight: 1}
		if types[j] == mcda.Cost {
			n.Direction.Kind = framework.Negative
		}
		if targets != nil {
			n.Target = fp(targets[j])
		}
		fw.Nodes = append(fw.Nodes, n)
		p.Columns = append(p.Columns, panel.Column{Name: c})
	}
	for i, row := range x {
		p.Units = append(p.Units, panel.Unit{Code: fmt.Sprintf("A%02d", i+1)})
		p.Rows = append(p.Rows, panel.Row{Unit: i, Period: 0, Values: append([]float64(nil), row...)})
	}
	r := pipeline.Recipe{}
	r.Weights.Method = pipeline.WManual
	r.Aggregate.Method = pipeline.AMean
	r.Aggregate.Scale = fp(1)
	set(&r.Normalise)
	res, err := pipeline.Run(pipeline.Input{Data: p, Framework: fw}, r)
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for k, c := range res.Indicators {
		col[c] = k
	}
	y := make([][]float64, len(x))
	for k, o := range res.Rows {
		y[o.Unit] = make([]float64, len(x[0]))
		for j := range x[0] {
			y[o.Unit][j] = res.Normalised[k][col[fmt.Sprintf("c%d", j+1)]]
		}
	}
	return y
}

// TestNormalizeMatchesPipeline: each COINr normaliser of mcda.Normalize
// gives the recipe pipeline's normalised matrix (scoring/pipeline,
// normalise_coinr.go) on the same matrix, with two cost criteria and ties.
func TestNormalizeMatchesPipeline(t *testing.T) {
	x := [][]float64{
		{3.2, 12, 0.5, 7},
		{4.1, 9, 0.8, 7},
		{2.7, 15, 0.5, 3},
		{5.0, 9, 1.4, 9},
		{3.9, 11, 0.9, 4},
		{6.3, 20, 0.2, 5},
		{4.1, 14, 1.1, 8},
		{1.8, 10, 0.7, 6},
		{5.5, 13, 0.6, 2},
	}
	types := []int{mcda.Benefit, mcda.Cost, mcda.Benefit, mcda.Cost}
	targets := []float64{6, 9.5, 1.2, 2.5}
	lo, hi := []float64{2, 10, 0.4, 3}, []float64{6, 18, 1.2, 8}
	cases := []struct {
		name string
		p    mcda.Params
		set  func(n *pipeline.Normalise)
	}{
		{"minmax", mcda.Params{}, func(n *pipeline.Normalise) {}},
		{"zscore", mcda.Params{}, func(n *pipeline.Normalise) {}},
		{"scaled", mcda.Params{}, func(n *pipeline.Normalise) {}},
		{"scaled", mcda.Params{Num: map[string]float64{"scaled_lower": 1, "scaled_upper": 3, "scale_factor": 10}},
			func(n *pipeline.Normalise) { n.ScaledLower, n.ScaledUpper, n.ScaleFactor = fp(1), fp(3), fp(10) }},
		{"rank", mcda.Params{}, func(n *pipeline.Normalise) {}},
		{"rank", mcda.Params{Str: map[string]string{"ties": "max"}}, func(n *pipeline.Normalise) { n.Ties = "max" }},
		{"borda", mcda.Params{Str: map[string]string{"ties": "average"}}, func(n *pipeline.Normalise) { n.Ties = "average" }},
		{"borda", mcda.Params{}, func(n *pipeline.Normalise) {}},
		{"prank", mcda.Params{}, func(n *pipeline.Normalise) {}},
		{"fracmax", mcda.Params{}, func(n *pipeline.Normalise) {}},
		{"dist2max", mcda.Params{}, func(n *pipeline.Normalise) {}},
		{"dist2ref", mcda.Params{Num: map[string]float64{"ref_row": 5}}, func(n *pipeline.Normalise) { n.RefUnit = "A05" }},
		{"dist2ref", mcda.Params{Num: map[string]float64{"ref_row": 5, "cap_max": 1}}, func(n *pipeline.Normalise) { n.RefUnit, n.CapMax = "A05", true }},
		{"dist2targ", mcda.Params{Vec: map[string][]float64{"target": targets}}, func(n *pipeline.Normalise) {}},
		{"dist2targ", mcda.Params{Num: map[string]float64{"cap_max": 1}, Vec: map[string][]float64{"target": targets}}, func(n *pipeline.Normalise) { n.CapMax = true }},
		{"goalposts", mcda.Params{Num: map[string]float64{"goal_lower": 2, "goal_upper": 12}},
			func(n *pipeline.Normalise) { n.GoalLower, n.GoalUpper = fp(2), fp(12) }},
		{"goalposts", mcda.Params{Num: map[string]float64{"trunc2posts": 0, "goal_scale": 100}, Vec: map[string][]float64{"goal_lower": lo, "goal_upper": hi}},
			func(n *pipeline.Normalise) {
				f := false
				n.GoalLower, n.GoalUpper = fp(0), fp(1)
				n.Indicators = map[string]pipeline.NormSpec{}
				for j := range lo {
					n.Indicators[fmt.Sprintf("c%d", j+1)] = pipeline.NormSpec{Method: "goalposts", GoalLower: fp(lo[j]), GoalUpper: fp(hi[j]), GoalScale: fp(100), Trunc2Posts: &f}
				}
			}},
	}
	for k, c := range cases {
		want := flatRun(t, x, types, targets, func(n *pipeline.Normalise) { n.Method = c.name; c.set(n) })
		got, err := mcda.Normalize(c.name, x, types, c.p)
		if err != nil {
			t.Errorf("case %d %s: %v", k, c.name, err)
			continue
		}
		maxErr := 0.0
		for i := range x {
			for j := range x[i] {
				maxErr = math.Max(maxErr, math.Abs(got[i][j]-want[i][j]))
			}
		}
		if maxErr > 1e-13 {
			t.Errorf("case %d %s: max |mcda − pipeline| = %g\nmcda %v\npipeline %v", k, c.name, maxErr, got, want)
		}
		t.Logf("case %d %-9s max |mcda − pipeline| = %g", k, c.name, maxErr)
	}
}

func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

func atof(t *testing.T, s string) float64 {
	t.Helper()
	switch s {
	case "Inf":
		return math.Inf(1)
	case "-Inf":
		return math.Inf(-1)
	case "NaN", "":
		return math.NaN()
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// table reads a COINr per-unit CSV (uCode first) as column name → values.
func table(t *testing.T, path string) (cols map[string][]float64, order []string) {
	recs := readCSV(t, path)
	cols = map[string][]float64{}
	for k, h := range recs[0][1:] {
		order = append(order, h)
		for _, r := range recs[1:] {
			cols[h] = append(cols[h], atof(t, r[k+1]))
		}
	}
	return cols, order
}

const coinrDir = "../pipeline/testdata/coinr/"

// asemMeta returns the ASEM indicators' types, weights, targets and parents
// from ASEM_iMeta.csv.
func asemMeta(t *testing.T) (types map[string]int, weight, target map[string]float64, parent map[string]string) {
	meta := readCSV(t, "../pipeline/testdata/asem/ASEM_iMeta.csv")
	col := map[string]int{}
	for i, h := range meta[0] {
		col[h] = i
	}
	types, weight, target, parent = map[string]int{}, map[string]float64{}, map[string]float64{}, map[string]string{}
	for _, r := range meta[1:] {
		if r[col["Type"]] != "Indicator" && r[col["Type"]] != "Aggregate" {
			continue
		}
		c := r[col["iCode"]]
		types[c] = mcda.Benefit
		if r[col["Direction"]] == "-1" {
			types[c] = mcda.Cost
		}
		weight[c] = atof(t, r[col["Weight"]])
		if s := r[col["Target"]]; s != "" {
			target[c] = atof(t, s)
		}
		parent[c] = r[col["Parent"]]
	}
	return
}

// TestNormalizeCOINrASEM applies each COINr normaliser of mcda.Normalize
// to COINr's Treated ASEM data (51 × 49, full_Treated.csv, directions from
// ASEM_iMeta.csv) and compares with COINr 1.1.14's
// norm_<method>_Normalised.csv. Columns where COINr divides by zero (±Inf or
// NaN) are dropped; on the full matrix mcda returns an error there.
func TestNormalizeCOINrASEM(t *testing.T) {
	raw, codes := table(t, coinrDir+"full_Treated.csv")
	types, _, target, _ := asemMeta(t)
	goal := readCSV(t, coinrDir+"norm_goalposts_iMeta_params.csv")
	gl, gu, gs := map[string]float64{}, map[string]float64{}, map[string]float64{}
	for _, r := range goal[1:] {
		if r[5] != "TRUE" {
			t.Fatalf("%s: trunc2posts %s", r[0], r[5])
		}
		gl[r[0]], gu[r[0]], gs[r[0]] = atof(t, r[2]), atof(t, r[3]), atof(t, r[4])
	}
	cases := []struct {
		file, method string
		p            func(cols []string) mcda.Params
	}{
		{"minmax", "minmax-ab", func([]string) mcda.Params { return mcda.Params{Num: map[string]float64{"a": 0, "b": 100}} }},
		{"zscore", "zscore", nil},
		{"scaled", "scaled", nil},
		// COINr's "none" is x·Direction = scaled with (0, 1, 1).
		{"none", "scaled", func([]string) mcda.Params {
			return mcda.Params{Num: map[string]float64{"scaled_lower": 0, "scaled_upper": 1, "scale_factor": 1}}
		}},
		{"rank", "rank", nil},
		{"borda", "borda", nil},
		{"prank", "prank", nil},
		{"fracmax", "fracmax", nil},
		{"dist2max", "dist2max", nil},
		// iref = 1: the first row, AUS.
		{"dist2ref", "dist2ref", func([]string) mcda.Params { return mcda.Params{Num: map[string]float64{"ref_row": 1}} }},
		{"dist2targ", "dist2targ", func(cols []string) mcda.Params {
			v := make([]float64, len(cols))
			for j, c := range cols {
				v[j] = target[c]
			}
			return mcda.Params{Vec: map[string][]float64{"target": v}}
		}},
		// gposts = c(0, 1, 100) on x·Direction: raw posts (0, 1), or (−1, 0) for a cost criterion.
		{"goalposts", "goalposts", func(cols []string) mcda.Params {
			lo, hi := make([]float64, len(cols)), make([]float64, len(cols))
			for j, c := range cols {
				lo[j], hi[j] = 0, 1
				if types[c] == mcda.Cost {
					lo[j], hi[j] = -1, 0
				}
			}
			return mcda.Params{Num: map[string]float64{"goal_scale": 100}, Vec: map[string][]float64{"goal_lower": lo, "goal_upper": hi}}
		}},
		{"goalposts_iMeta", "goalposts", func(cols []string) mcda.Params {
			lo, hi, sc := make([]float64, len(cols)), make([]float64, len(cols)), make([]float64, len(cols))
			for j, c := range cols {
				lo[j], hi[j], sc[j] = gl[c], gu[c], gs[c]
			}
			return mcda.Params{Vec: map[string][]float64{"goal_lower": lo, "goal_upper": hi, "goal_scale": sc}}
		}},
	}
	for _, c := range cases {
		ref, _ := table(t, coinrDir+"norm_"+c.file+"_Normalised.csv")
		var cols []string
		dropped := 0
		for _, h := range codes {
			ok := true
			for _, v := range ref[h] {
				if math.IsNaN(v) || math.IsInf(v, 0) {
					ok = false
				}
			}
			if ok {
				cols = append(cols, h)
			} else {
				dropped++
			}
		}
		build := func(cols []string) ([][]float64, []int, mcda.Params) {
			m := len(raw[cols[0]])
			x := make([][]float64, m)
			ty := make([]int, len(cols))
			for i := range x {
				x[i] = make([]float64, len(cols))
				for j, h := range cols {
					x[i][j] = raw[h][i]
				}
			}
			for j, h := range cols {
				ty[j] = types[h]
			}
			var p mcda.Params
			if c.p != nil {
				p = c.p(cols)
			}
			return x, ty, p
		}
		if dropped > 0 {
			x, ty, p := build(codes)
			if _, err := mcda.Normalize(c.method, x, ty, p); err == nil {
				t.Errorf("%s: COINr gives Inf/NaN in %d columns, mcda no error", c.file, dropped)
			}
		}
		x, ty, p := build(cols)
		y, err := mcda.Normalize(c.method, x, ty, p)
		if err != nil {
			t.Errorf("%s: %v", c.file, err)
			continue
		}
		maxRel, n := 0.0, 0
		for j, h := range cols {
			for i := range y {
				want := ref[h][i]
				e := math.Abs(y[i][j]-want) / math.Max(1, math.Abs(want))
				maxRel = math.Max(maxRel, e)
				n++
			}
		}
		if maxRel > 1e-12 {
			t.Errorf("%s: max relative error %g over %d values", c.file, maxRel, n)
		}
		t.Logf("norm_%-15s %-9s %4d values (%d columns dropped), max error %.3g", c.file, c.method, n, dropped, maxRel)
	}
}

// TestMeansCOINrASEM: amean, gmean, hmean and genmean (p = 2) of each ASEM
// pillar's indicators (COINr's min-max (1, 100) Normalised set, iMeta
// weights) equal the pillar scores of COINr 1.1.14's Aggregate
// (agg_<method>_Aggregated.csv).
func TestMeansCOINrASEM(t *testing.T) {
	norm, codes := table(t, coinrDir+"agg_minmax1_100_Normalised.csv")
	_, weight, _, parent := asemMeta(t)
	var pillars []string
	children := map[string][]string{}
	for _, c := range codes {
		p := parent[c]
		if children[p] == nil {
			pillars = append(pillars, p)
		}
		children[p] = append(children[p], c)
	}
	for _, c := range []struct {
		file, method string
		p            float64
	}{{"amean", "amean", 0}, {"gmean", "gmean", 0}, {"hmean", "hmean", 0}, {"genmean_p2", "genmean", 2}} {
		ref, _ := table(t, coinrDir+"agg_"+c.file+"_Aggregated.csv")
		maxRel, n := 0.0, 0
		for _, pl := range pillars {
			kids := children[pl]
			x := make([][]float64, len(norm[kids[0]]))
			w := make([]float64, len(kids))
			ty := make([]int, len(kids))
			for i := range x {
				x[i] = make([]float64, len(kids))
				for j, k := range kids {
					x[i][j] = norm[k][i]
				}
			}
			for j, k := range kids {
				w[j], ty[j] = weight[k], mcda.Benefit
			}
			r := mcda.Request{Matrix: x, Types: ty, Weights: w, Method: c.method}
			if c.p != 0 {
				r.Num = map[string]float64{"p": c.p}
			}
			a, err := mcda.Solve(r)
			if err != nil {
				t.Fatalf("%s %s: %v", c.file, pl, err)
			}
			for i, s := range a.Scores {
				want := ref[pl][i]
				maxRel = math.Max(maxRel, math.Abs(s-want)/math.Max(1, math.Abs(want)))
				n++
			}
		}
		if n != 51*8 || maxRel > 1e-12 {
			t.Errorf("agg_%s: %d values, max relative error %g", c.file, n, maxRel)
		}
		t.Logf("agg_%-11s %d pillars, %d values, max error %.3g", c.file, len(pillars), n, maxRel)
	}
}
