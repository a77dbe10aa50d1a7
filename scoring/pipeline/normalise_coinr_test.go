package pipeline

import (
	"math"
	"strconv"
	"testing"

	"github.com/nqp-index/nqp/scoring/framework"
	"github.com/nqp-index/nqp/scoring/panel"
)

// coinrRefDir holds COINr 1.1.14's reference outputs (see its README.md).
const coinrRefDir = "testdata/coinr/"

// asemFramework reads testdata/asem/ASEM_iMeta.csv with directions,
// weights and targets.
func asemFramework(t testing.TB) *framework.Framework {
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
		n := framework.Node{Code: r[col["iCode"]], NameEn: r[col["iName"]], Parent: r[col["Parent"]], Weight: num(r[col["Weight"]])}
		if r[col["Direction"]] == "-1" {
			n.Direction.Kind = framework.Negative
		}
		if s := r[col["Target"]]; s != "" && typ == "Indicator" {
			v := num(s)
			n.Target = &v
		}
		fw.Nodes = append(fw.Nodes, n)
	}
	return fw
}

// coinrInput reads a COINr data set (uCode, optional Time, indicators) as a
// panel, with the ASEM framework.
func coinrInput(t testing.TB, file string) Input {
	fw := asemFramework(t)
	data := readCSV(t, coinrRefDir+file)
	p := &panel.Panel{File: file}
	first := 1
	hasTime := data[0][1] == "Time"
	if hasTime {
		first = 2
	}
	for j, h := range data[0][first:] {
		p.Columns = append(p.Columns, panel.Column{Name: h, Source: j + first + 1})
	}
	units, periods := map[string]int{}, map[string]int{}
	for i, r := range data[1:] {
		u, ok := units[r[0]]
		if !ok {
			u = len(p.Units)
			units[r[0]] = u
			p.Units = append(p.Units, panel.Unit{Code: r[0], Name: r[0]})
		}
		lab := "2018"
		if hasTime {
			lab = r[1]
		}
		pi, ok := periods[lab]
		if !ok {
			pi = len(p.Periods)
			periods[lab] = pi
			y, _ := strconv.Atoi(lab)
			p.Periods = append(p.Periods, panel.Period{Label: lab, Kind: panel.Year, Key: y * 12})
		}
		row := panel.Row{Unit: u, Period: pi, Line: i + 2}
		for _, s := range r[first:] {
			row.Values = append(row.Values, num(s))
		}
		p.Rows = append(p.Rows, row)
	}
	return Input{Data: p, Framework: fw}
}

// coinrPostRecipe is COINr's pipeline after treatment: framework weights, no
// rescaling of the aggregates.
func coinrPostRecipe() Recipe {
	r := Recipe{}
	r.Weights.Method = WManual
	r.Aggregate.Scale = fp(1)
	r.Select.MinPeriodCoverage = fp(0)
	return r
}

// compareCOINr compares the result's normalised values and scores with a
// COINr data set (rows keyed by uCode and Time) and returns the maximum
// relative error and the number of values compared. Columns of the file
// that are neither indicators nor aggregates are skipped.
func compareCOINr(t *testing.T, res *Result, file string, tol float64, skip map[string]bool) (maxRel float64, n int) {
	t.Helper()
	recs := readCSV(t, coinrRefDir+file)
	row := map[string]int{}
	for i, o := range res.Rows {
		row[res.Units[o.Unit].Code+"|"+res.Periods[o.Period].Label] = i
	}
	ind := map[string]int{}
	for j, c := range res.Indicators {
		ind[c] = j
	}
	first := 1
	hasTime := recs[0][1] == "Time"
	if hasTime {
		first = 2
	}
	for _, r := range recs[1:] {
		key := r[0] + "|2018"
		if hasTime {
			key = r[0] + "|" + r[1]
		}
		i, ok := row[key]
		if !ok {
			t.Fatalf("%s: row %s not in the result", file, key)
		}
		for k, h := range recs[0][first:] {
			if skip[h] {
				continue
			}
			want := num(r[k+first])
			var got float64
			if j, ok := ind[h]; ok {
				got = res.Normalised[i][j]
			} else if a := res.AggregateIndex(h); a >= 0 {
				got = res.Scores[i][a]
			} else {
				t.Fatalf("%s: column %s unknown", file, h)
			}
			n++
			if !relClose(got, want, tol) {
				t.Errorf("%s %s/%s = %.17g, COINr %.17g", file, key, h, got, want)
				continue
			}
			if d := math.Abs(got - want); d > 0 {
				maxRel = math.Max(maxRel, d/math.Max(math.Abs(got), math.Abs(want)))
			}
		}
	}
	return
}

// undefinedCOINr returns the indicators with an infinite or NaN value in a
// COINr file, and every aggregate above one of them.
func undefinedCOINr(t *testing.T, fw *framework.Framework, file string) map[string]bool {
	recs := readCSV(t, coinrRefDir+file)
	skip := map[string]bool{}
	for _, r := range recs[1:] {
		for k, h := range recs[0] {
			if r[k] == "Inf" || r[k] == "-Inf" || r[k] == "NaN" {
				for c := h; c != ""; c = fw.Node(c).Parent {
					skip[c] = true
				}
			}
		}
	}
	return skip
}

// negatives returns the ASEM indicators with direction −1.
func negatives(fw *framework.Framework) map[string]bool {
	negDir := map[string]bool{}
	for _, n := range fw.Nodes {
		if n.Direction.Kind == framework.Negative {
			negDir[n.Code] = true
		}
	}
	return negDir
}

// TestCOINrNormalisers applies each COINr normaliser to COINr's Treated
// data (full_Treated.csv), aggregates with the arithmetic mean and compares
// both with COINr 1.1.14 (norm_<method>_{Normalised,Aggregated}.csv) to
// 1e-9 relative.
func TestCOINrNormalisers(t *testing.T) {
	in := coinrInput(t, "full_Treated.csv")
	negDir := negatives(in.Framework)
	goal := readCSV(t, coinrRefDir+"norm_goalposts_iMeta_params.csv")
	cases := []struct {
		name string
		set  func(n *Normalise)
	}{
		{"minmax", func(n *Normalise) { n.Method, n.Lower, n.Upper = MinMax, fp(0), fp(100) }},
		{"zscore", func(n *Normalise) { n.Method = ZScore }},
		{"scaled", func(n *Normalise) { n.Method = Scaled }},
		{"rank", func(n *Normalise) { n.Method = NRank }},
		{"borda", func(n *Normalise) { n.Method = Borda }},
		{"prank", func(n *Normalise) { n.Method = PRank }},
		{"fracmax", func(n *Normalise) { n.Method = FracMax }},
		{"dist2max", func(n *Normalise) { n.Method = Dist2Max }},
		// iref = 1 is the first row after sorting by uCode: AUS.
		{"dist2ref", func(n *Normalise) { n.Method, n.RefUnit = Dist2Ref, "AUS" }},
		// use_iMeta: framework targets × Direction, cap_max FALSE.
		{"dist2targ", func(n *Normalise) { n.Method = Dist2Targ }},
		// gposts = c(0, 1, 100) act on x·Direction; our posts are raw units,
		// so a negative indicator gets the posts (−1, 0).
		{"goalposts", func(n *Normalise) {
			n.Method, n.GoalLower, n.GoalUpper, n.GoalScale = Goalposts, fp(0), fp(1), fp(100)
			n.Indicators = map[string]NormSpec{}
			for c := range negDir {
				n.Indicators[c] = NormSpec{Method: Goalposts, GoalLower: fp(-1), GoalUpper: fp(0), GoalScale: fp(100)}
			}
		}},
		// use_iMeta goalposts in raw units: per-indicator overrides.
		{"goalposts_iMeta", func(n *Normalise) {
			n.Method = Goalposts
			n.GoalLower, n.GoalUpper = fp(0), fp(1)
			n.Indicators = map[string]NormSpec{}
			for _, r := range goal[1:] {
				tr := r[5] == "TRUE"
				n.Indicators[r[0]] = NormSpec{Method: Goalposts, GoalLower: fp(num(r[2])), GoalUpper: fp(num(r[3])), GoalScale: fp(num(r[4])), Trunc2Posts: &tr}
			}
		}},
		{"none", func(n *Normalise) { n.Method = NNone }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := coinrPostRecipe()
			c.set(&r.Normalise)
			// COINr divides by zero on a few indicators (fracmax: max of
			// x·Direction = 0; dist2ref: AUS at the minimum) and writes
			// ±Inf/NaN; we stop with an error there instead. Those
			// indicators are left out and the aggregates above them skipped.
			skip := undefinedCOINr(t, in.Framework, "norm_"+c.name+"_Normalised.csv")
			r.Select.ExcludeIndicators = nil
			for h := range skip {
				if in.Framework.IsLeaf(h) {
					r.Select.ExcludeIndicators = append(r.Select.ExcludeIndicators, h)
				}
			}
			res, err := Run(in, r)
			if err != nil {
				t.Fatal(err)
			}
			m1, n1 := compareCOINr(t, res, "norm_"+c.name+"_Normalised.csv", 1e-9, skip)
			m2, n2 := compareCOINr(t, res, "norm_"+c.name+"_Aggregated.csv", 1e-9, skip)
			if len(skip) == 0 && (n1 != 51*49 || n2 != 51*60) {
				t.Errorf("compared %d and %d values", n1, n2)
			}
			if len(skip) > 0 {
				t.Logf("norm_%s: COINr gives Inf/NaN in %d columns (skipped)", c.name, len(skip))
			}
			t.Logf("norm_%s: max relative error %.3g (Normalised, %d values), %.3g (Aggregated, %d values)", c.name, m1, n1, m2, n2)
		})
	}
}

// TestCOINrPurseGlobalNormalise checks pooled (global) min-max normalisation of the
// ASEM panel (5 years, 230 unit-years) and the arithmetic mean against
// COINr's purse with global = TRUE.
func TestCOINrPurseGlobalNormalise(t *testing.T) {
	in := coinrInput(t, "purse_global_Treated.csv")
	r := coinrPostRecipe()
	r.Normalise.Lower, r.Normalise.Upper = fp(0), fp(100)
	res, err := Run(in, r)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Rows) != 230 || len(res.Periods) != 5 {
		t.Fatalf("%d rows, %d periods", len(res.Rows), len(res.Periods))
	}
	m1, n1 := compareCOINr(t, res, "purse_global_Normalised.csv", 1e-9, nil)
	m2, n2 := compareCOINr(t, res, "purse_global_Aggregated.csv", 1e-9, nil)
	t.Logf("purse_global: max relative error %.3g (Normalised, %d values), %.3g (Aggregated, %d values)", m1, n1, m2, n2)
}
