package pipeline

import (
	"fmt"
	"math"
	"testing"

	"github.com/nqp-index/nqp/scoring/framework"
	"github.com/nqp-index/nqp/scoring/mcda"
	"github.com/nqp-index/nqp/scoring/panel"
)

// flatInput builds a one-period input whose index is the weighted parent of
// the given indicators (rows = units A1, A2, …).
func flatInput(x [][]float64, w []float64, dirs []framework.DirKind) Input {
	fw := &framework.Framework{Nodes: []framework.Node{{Code: "Index", Weight: 1}}}
	p := &panel.Panel{Periods: []panel.Period{{Label: "2020", Kind: panel.Year, Key: 2020 * 12}}}
	for j := range x[0] {
		c := fmt.Sprintf("c%d", j+1)
		n := framework.Node{Code: c, Parent: "Index", Weight: w[j]}
		if dirs != nil {
			n.Direction.Kind = dirs[j]
		}
		fw.Nodes = append(fw.Nodes, n)
		p.Columns = append(p.Columns, panel.Column{Name: c})
	}
	for i, row := range x {
		p.Units = append(p.Units, panel.Unit{Code: fmt.Sprintf("A%d", i+1)})
		p.Rows = append(p.Rows, panel.Row{Unit: i, Period: 0, Values: append([]float64(nil), row...)})
	}
	return Input{Data: p, Framework: fw}
}

func rawRecipe(method string) Recipe {
	r := Recipe{}
	r.Normalise.Method = NNone
	r.Weights.Method = WManual
	r.Aggregate.Method = method
	r.Aggregate.Scale = fp(1)
	return r
}

func indexScores(res *Result) []float64 {
	s := make([]float64, len(res.Rows))
	for i := range s {
		s[i] = res.Scores[i][0]
	}
	return s
}

func nearVec(t *testing.T, what string, got, want []float64, tol float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d values, want %d", what, len(got), len(want))
	}
	for i := range got {
		if math.Abs(got[i]-want[i]) > tol {
			t.Errorf("%s[%d] = %.10g, want %.10g", what, i, got[i], want[i])
		}
	}
}

// tzeng2011 is the TOPSIS/VIKOR example of Tzeng & Huang (2011), Multiple
// Attribute Decision Making, CRC Press (durability, capacity, reliability,
// all benefit; w = 0.3, 0.4, 0.3): C = 0.5037, 0.6581, 0.7482, 0.3340;
// VIKOR S = 0.6, 0.3, 0.15, 0.65; R = 0.3, 0.2, 0.15, 0.4; Q = 0.75, 0.25,
// 0, 1 (C1 fails, compromise {A3, A2}).
var tzeng2011 = [][]float64{{5, 8, 4}, {7, 6, 8}, {8, 8, 6}, {7, 4, 6}}

func TestTOPSISPipelinePublished(t *testing.T) {
	in := flatInput(tzeng2011, []float64{0.3, 0.4, 0.3}, nil)
	res, err := Run(in, rawRecipe(TOPSISAgg))
	if err != nil {
		t.Fatal(err)
	}
	nearVec(t, "C", indexScores(res), []float64{0.5037, 0.6581, 0.7482, 0.3340}, 5e-5)
	if got := []int{res.Ranks[0][0], res.Ranks[1][0], res.Ranks[2][0], res.Ranks[3][0]}; fmt.Sprint(got) != "[3 2 1 4]" {
		t.Errorf("ranks %v", got)
	}
	if len(res.AggregateDetails) != 1 || res.AggregateDetails[0].Node != "Index" {
		t.Fatalf("details %+v", res.AggregateDetails)
	}
	d := res.AggregateDetails[0]
	nearVec(t, "closeness", d.Closeness, indexScores(res), 0)
}

func TestVIKORPipelinePublished(t *testing.T) {
	in := flatInput(tzeng2011, []float64{0.3, 0.4, 0.3}, nil)
	res, err := Run(in, rawRecipe(VIKORAgg))
	if err != nil {
		t.Fatal(err)
	}
	d := res.AggregateDetails[0]
	nearVec(t, "S", d.S, []float64{0.6, 0.3, 0.15, 0.65}, 1e-12)
	nearVec(t, "R", d.R, []float64{0.3, 0.2, 0.15, 0.4}, 1e-12)
	nearVec(t, "Q", d.Q, []float64{0.75, 0.25, 0, 1}, 1e-12)
	nearVec(t, "score = 1 − Q", indexScores(res), []float64{0.25, 0.75, 1, 0}, 1e-12)
	if fmt.Sprint(d.CompromiseSet) != "[2 1]" || *d.AcceptableAdvantage || !*d.AcceptableStability {
		t.Errorf("compromise %v C1 %v C2 %v", d.CompromiseSet, *d.AcceptableAdvantage, *d.AcceptableStability)
	}
	// Opricovic & Tzeng (2004), EJOR 156(2): risk (min) and altitude (max),
	// w = 0.5, 0.5: S = 0.5, 0.375, 0.5; R = 0.5, 0.25, 0.5; Q = 1, 0, 1.
	// With normalise "none" the risk enters as −risk (COINr's x·Direction).
	in = flatInput([][]float64{{1, 3000}, {2, 3750}, {5, 4500}}, []float64{0.5, 0.5}, []framework.DirKind{framework.Negative, framework.Positive})
	res, err = Run(in, rawRecipe(VIKORAgg))
	if err != nil {
		t.Fatal(err)
	}
	d = res.AggregateDetails[0]
	nearVec(t, "S", d.S, []float64{0.5, 0.375, 0.5}, 1e-12)
	nearVec(t, "R", d.R, []float64{0.5, 0.25, 0.5}, 1e-12)
	nearVec(t, "Q", d.Q, []float64{1, 0, 1}, 1e-12)
}

// TestGRAPipelineHand: a hand computation. y = {{1, 0.5}, {0.5, 1}, {0, 0}}
// with the ideal (1, 1): Δ = {{0, 0.5}, {0.5, 0}, {1, 1}}, Δmin = 0,
// Δmax = 1, ρ = 0.5: ξ = 0.5/(Δ + 0.5) = {{1, 0.5}, {0.5, 1}, {1/3, 1/3}}.
// Weights 0.75/0.25: r = 0.875, 0.625, 1/3; plain mean: 0.75, 0.75, 1/3.
// Reference unit A2 (0.5, 1): Δ = {{0.5, 0.5}, {0, 0}, {0.5, 1}}, Δmax = 1,
// ξ = {{0.5, 0.5}, {1, 1}, {0.5, 1/3}}: r = 0.5, 1, 0.4583….
func TestGRAPipelineHand(t *testing.T) {
	in := flatInput([][]float64{{1, 0.5}, {0.5, 1}, {0, 0}}, []float64{3, 1}, nil)
	r := rawRecipe(GRAAgg)
	res, err := Run(in, r)
	if err != nil {
		t.Fatal(err)
	}
	nearVec(t, "weighted grade", indexScores(res), []float64{0.875, 0.625, 1.0 / 3}, 1e-15)
	nearVec(t, "xi A1", res.AggregateDetails[0].Coefficients[0], []float64{1, 0.5}, 1e-15)
	r.Aggregate.Grade = "mean"
	res, err = Run(in, r)
	if err != nil {
		t.Fatal(err)
	}
	nearVec(t, "plain grade", indexScores(res), []float64{0.75, 0.75, 1.0 / 3}, 1e-15)
	r.Aggregate.Grade = ""
	r.Aggregate.Reference = "A2"
	res, err = Run(in, r)
	if err != nil {
		t.Fatal(err)
	}
	nearVec(t, "grade vs A2", indexScores(res), []float64{0.5, 1, 0.75*0.5 + 0.25/3}, 1e-15)
}

// TestMatrixMethodsMatchMCDA runs every whole-matrix method on a
// two-level framework with unequal weights and checks each aggregate
// against mcda on the same matrix (descendant indicators, effective
// within-node weights), per period and over the whole panel.
func TestMatrixMethodsMatchMCDA(t *testing.T) {
	in := countyPanel(30, 3, 10)
	in.Framework.Nodes[1].Weight = 3 // D0
	in.Framework.Nodes[7].Weight = 2 // x01
	for _, scope := range []string{AggScopePeriod, AggScopePanel} {
		for _, m := range []string{TOPSISAgg, EntropyTOPSIS, VIKORAgg, GRAAgg} {
			for _, variant := range []string{"", "minmax-distance"} {
				if variant != "" && m != TOPSISAgg {
					continue
				}
				r := Recipe{}
				r.Weights.Method = WManual
				r.Aggregate.Method = m
				r.Aggregate.Scope = scope
				if variant != "" {
					r.Aggregate.TOPSISNormalize, r.Aggregate.WeightsIn = "minmax", "distance"
				}
				res, err := Run(in, r)
				if err != nil {
					t.Fatal(m, err)
				}
				want := map[string]int{AggScopePeriod: 3 * 6, AggScopePanel: 6}[scope]
				if len(res.AggregateDetails) != want {
					t.Fatalf("%s %s: %d detail tables, want %d", m, scope, len(res.AggregateDetails), want)
				}
				for _, d := range res.AggregateDetails {
					a := res.AggregateIndex(d.Node)
					x := make([][]float64, len(d.Rows))
					for k, i := range d.Rows {
						for _, c := range d.Indicators {
							x[k] = append(x[k], res.Normalised[i][strIndex(res.Indicators, c)])
						}
					}
					types := make([]int, len(d.Indicators))
					for j := range types {
						types[j] = mcda.Benefit
					}
					// effective within-node weights from the framework
					ew := make([]float64, len(d.Indicators))
					for j, c := range d.Indicators {
						ew[j] = 1
						for n := c; n != d.Node; n = in.Framework.Node(n).Parent {
							ew[j] *= in.Framework.Node(n).Weight / siblingsWeight(in.Framework, n)
						}
					}
					var score []float64
					switch m {
					case TOPSISAgg:
						opt := mcda.TOPSISOptions{}
						if variant != "" {
							opt = mcda.TOPSISOptions{Normalize: "minmax", WeightsIn: "distance"}
						}
						tr, err := mcda.TOPSIS(x, types, ew, opt)
						if err != nil {
							t.Fatal(err)
						}
						score = tr.Closeness
					case EntropyTOPSIS:
						tr, err := mcda.EntropyTOPSIS(x, types, 0.01)
						if err != nil {
							t.Fatal(err)
						}
						score = tr.TOPSIS.Closeness
					case VIKORAgg:
						vr, err := mcda.VIKOR(x, types, ew, 0.5)
						if err != nil {
							t.Fatal(err)
						}
						for _, q := range vr.Q {
							score = append(score, 1-q)
						}
					case GRAAgg:
						gr, err := mcda.GRA(x, types, ew, mcda.GRAOptions{Rho: 0.5})
						if err != nil {
							t.Fatal(err)
						}
						score = gr.Grade
					}
					for k, i := range d.Rows {
						if got := res.Scores[i][a]; !relClose(got, 100*score[k], 1e-12) {
							t.Fatalf("%s %s %s row %d: %v, mcda %v", m, scope, d.Node, i, got, 100*score[k])
						}
					}
				}
			}
		}
	}
}

func strIndex(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

func siblingsWeight(fw *framework.Framework, code string) float64 {
	p := fw.Node(code).Parent
	s := 0.0
	for _, n := range fw.Nodes {
		if n.Parent == p {
			s += n.Weight
		}
	}
	return s
}

// TestLevelMeansHand checks hmean, genmean (with and without COINr's NA
// rule) and the domain errors on a hand example: children (2, 4, NaN) with
// weights 1, 3, 1.
func TestLevelMeansHand(t *testing.T) {
	in := flatInput([][]float64{{2, 4, math.NaN()}, {1, 1, 1}}, []float64{1, 3, 1}, nil)
	check := func(set func(a *Aggregate), want0 float64) {
		t.Helper()
		r := rawRecipe(AMean)
		set(&r.Aggregate)
		res, err := Run(in, r)
		if err != nil {
			t.Fatal(err)
		}
		if got := res.Scores[0][0]; !(math.IsNaN(want0) && math.IsNaN(got)) && math.Abs(got-want0) > 1e-15 {
			t.Errorf("%s: %v, want %v", r.Aggregate.Method, got, want0)
		}
	}
	check(func(a *Aggregate) { a.Method = HMean }, 4/(0.5+0.75))                               // Σw/Σ(w/x)
	check(func(a *Aggregate) { a.Method, a.P = GenMean, fp(2) }, math.Sqrt((4+3*16)/4.0))      // (Σw x²/Σw)^½
	check(func(a *Aggregate) { a.Method, a.P = GenMean, fp(-1) }, 4/(0.5+0.75))                // p = −1 is the harmonic mean
	check(func(a *Aggregate) { a.Method, a.P, a.StrictNA = GenMean, fp(2), true }, math.NaN()) // COINr: any NA → NA
	check(func(a *Aggregate) { a.Method = GMean }, math.Exp((math.Log(2)+3*math.Log(4))/4))
	in.Data.Rows[0].Values[0] = 0
	r := rawRecipe(HMean)
	if _, err := Run(in, r); err == nil {
		t.Error("hmean with a zero child: no error")
	}
	r.Aggregate.Method = GMean
	if _, err := Run(in, r); err == nil {
		t.Error("gmean with a zero child: no error")
	}
	r.Aggregate.Method = GenMean
	if _, err := Run(in, r); err == nil {
		t.Error("genmean without p: no error")
	}
}
