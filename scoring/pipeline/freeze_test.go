package pipeline_test

import (
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/nqp-index/nqp/scoring/framework"
	"github.com/nqp-index/nqp/scoring/ingest"
	"github.com/nqp-index/nqp/scoring/panel"
	"github.com/nqp-index/nqp/scoring/pipeline"
	"github.com/nqp-index/nqp/scoring/region"
	"github.com/nqp-index/nqp/scoring/sample"
)

// sampleInput is the bundled panel with the drivers template.
func sampleInput(t *testing.T) pipeline.Input {
	t.Helper()
	p, rep, err := ingest.Read(sample.TechmePanelName, sample.TechmePanelCSV(), ingest.Options{UnitMatcher: region.MatchName})
	if err != nil || rep.HasErrors() {
		t.Fatalf("ingest: %v %v", err, rep)
	}
	fw, err := framework.Template("drivers")
	if err != nil {
		t.Fatal(err)
	}
	cols := make([]string, len(p.Columns))
	for i, c := range p.Columns {
		cols[i] = c.Name
	}
	m := fw.MatchColumns(cols)
	return pipeline.Input{Data: p, Framework: fw.Restrict(m), Columns: m.Mapping}
}

func f64(v float64) *float64 { return &v }

func recipes(t *testing.T) map[string]pipeline.Recipe {
	coinr, err := pipeline.Preset("coinr")
	if err != nil {
		t.Fatal(err)
	}
	z := pipeline.Default()
	z.Normalise = pipeline.Normalise{NormSpec: pipeline.NormSpec{Method: pipeline.ZScore}}
	z.Weights = pipeline.Weights{Method: pipeline.WEqual}
	g := pipeline.Default()
	g.Normalise.Lower, g.Normalise.Upper = f64(1), f64(100)
	g.Aggregate.Method = pipeline.GMean
	per := pipeline.Default()
	per.Normalise.Scope = pipeline.ScopePeriod
	per.Weights.Variant = pipeline.EntropyPerPeriod
	critic := pipeline.Default()
	critic.Weights = pipeline.Weights{Method: pipeline.WCRITIC}
	critic.Normalise.Shift = 0.0001
	out := map[string]pipeline.Recipe{"default": pipeline.Default(), "coinr": coinr, "zscore": z, "gmean": g, "per-period": per, "critic": critic}
	for k, r := range out {
		r.Resolve()
		out[k] = r
	}
	return out
}

// TestFreezeScoresSameData freezes runs of the sample and scores the same
// data with the model (after a JSON round trip): every score of the frozen
// period(s) is the original one to 1e-12, and the ranks are the same.
func TestFreezeScoresSameData(t *testing.T) {
	in := sampleInput(t)
	for name, r := range recipes(t) {
		t.Run(name, func(t *testing.T) {
			res, err := pipeline.Run(in, r)
			if err != nil {
				t.Fatal(err)
			}
			m, err := pipeline.Freeze(res)
			if err != nil {
				t.Fatal(err)
			}
			b, err := json.Marshal(m)
			if err != nil {
				t.Fatal(err)
			}
			var m2 pipeline.Model
			if err := json.Unmarshal(b, &m2); err != nil {
				t.Fatal(err)
			}
			got, err := m2.Score(in.Data)
			if err != nil {
				t.Fatal(err)
			}
			if len(got.Aggregates) != len(res.Aggregates) {
				t.Fatalf("aggregates %v, want %v", got.Aggregates, res.Aggregates)
			}
			compared := 0
			for n, o := range res.Rows {
				u, p := res.Units[o.Unit].Code, res.Periods[o.Period].Label
				if m.Period != "" && p != m.Period {
					continue
				}
				for k, a := range res.Aggregates {
					v, ok := got.Score(a, u, p)
					want := res.Scores[n][k]
					if !ok || !(math.Abs(v-want) <= 1e-12) && !(math.IsNaN(v) && math.IsNaN(want)) {
						t.Fatalf("%s %s %s: frozen %v, run %v", a, u, p, v, want)
					}
					compared++
				}
			}
			if compared == 0 {
				t.Fatal("nothing compared")
			}
			// The ranks of a scored period are the run's.
			last := res.Periods[len(res.Periods)-1].Label
			rankOf := func(r *pipeline.Result) map[string]int {
				out := map[string]int{}
				for n, o := range r.Rows {
					if r.Periods[o.Period].Label == last {
						out[r.Units[o.Unit].Code] = r.Ranks[n][0]
					}
				}
				return out
			}
			a, g := rankOf(res), rankOf(got)
			for u, rk := range a {
				if g[u] != rk {
					t.Errorf("rank of %s in %s: frozen %d, run %d", u, last, g[u], rk)
				}
			}
		})
	}
}

// TestFreezeNewUnitOutsideRange hand-checks a new unit scored against the
// frozen min-max bounds: I = mean(A, B) with A = mean(a1, a2−), equal
// weights, ×100. Pooled ranges: a1 ∈ [2, 12], a2 ∈ [1, 6] (negative),
// b1 ∈ [1, 4]. A new unit with a1 = 17, a2 = 3.5, b1 = 4:
// a1 → (17−2)/10 = 1.5 (beyond the range: not truncated), a2 → (−3.5+6)/5 = 0.5,
// b1 → 1; A = 1, I = 100·(1 + 1)/2 = 100.
func TestFreezeNewUnitOutsideRange(t *testing.T) {
	fw := &framework.Framework{Nodes: []framework.Node{
		{Code: "I", Weight: 1},
		{Code: "A", Parent: "I", Weight: 1},
		{Code: "B", Parent: "I", Weight: 1},
		{Code: "a1", Parent: "A", Weight: 1},
		{Code: "a2", Parent: "A", Weight: 1, Direction: framework.Direction{Kind: framework.Negative}},
		{Code: "b1", Parent: "B", Weight: 1},
	}}
	p := &panel.Panel{
		Units:   []panel.Unit{{Code: "110000", Name: "北京"}, {Code: "310000", Name: "上海"}, {Code: "420000", Name: "湖北"}},
		Periods: []panel.Period{{Label: "2020", Kind: panel.Year, Key: 2020 * 12}, {Label: "2021", Kind: panel.Year, Key: 2021 * 12}},
		Columns: []panel.Column{{Name: "a1"}, {Name: "a2"}, {Name: "b1"}},
	}
	vals := [][]float64{{10, 5, 1}, {8, 4, 3}, {2, 1, 2}, {12, 6, 2}, {9, 2, 4}, {3, 3, 2}}
	for i, v := range vals {
		p.Rows = append(p.Rows, panel.Row{Unit: i % 3, Period: i / 3, Values: v})
	}
	r := pipeline.Default()
	r.Weights = pipeline.Weights{Method: pipeline.WEqual}
	res, err := pipeline.Run(pipeline.Input{Data: p, Framework: fw}, r)
	if err != nil {
		t.Fatal(err)
	}
	m, err := pipeline.Freeze(res)
	if err != nil {
		t.Fatal(err)
	}
	if n := m.Norms[0]; n.Min != 2 || n.Max != 12 || !n.Outside(17) || n.Outside(12) {
		t.Errorf("a1 bounds: %+v", n)
	}
	q := &panel.Panel{
		Units:   []panel.Unit{{Code: "500000", Name: "重庆"}},
		Periods: []panel.Period{{Label: "2021", Kind: panel.Year, Key: 2021 * 12}},
		Columns: []panel.Column{{Name: "a1"}, {Name: "a2"}, {Name: "b1"}},
		Rows:    []panel.Row{{Unit: 0, Period: 0, Values: []float64{17, 3.5, 4}}},
	}
	got, err := m.Score(q)
	if err != nil {
		t.Fatal(err)
	}
	if v := got.Normalised[0][0]; math.Abs(v-1.5) > 1e-12 {
		t.Errorf("a1 normalised = %v, want 1.5", v)
	}
	if v, _ := got.Score("I", "500000", "2021"); math.Abs(v-100) > 1e-12 {
		t.Errorf("index = %v, want 100", v)
	}
	// Among the 2021 units (indices 80-ish and below) the new unit ranks first of 4.
	if rk, of := m.RankAmong(100, "2021"); rk != 1 || of != 4 {
		t.Errorf("rank %d of %d, want 1 of 4", rk, of)
	}
	// A recipe with imputation cannot be frozen.
	r.Impute.Method = "mean"
	if res2, err := pipeline.Run(pipeline.Input{Data: p, Framework: fw}, r); err == nil {
		if _, err := pipeline.Freeze(res2); err == nil {
			t.Error("a recipe with imputation was frozen")
		}
	}
}

// TestReweightMatchesRun checks that re-aggregating a result with new
// dimension weights gives what a full run with those weights as manual
// framework weights gives (amean and gmean).
func TestReweightMatchesRun(t *testing.T) {
	in := sampleInput(t)
	rs := recipes(t)
	for _, name := range []string{"default", "gmean", "zscore"} {
		r := rs[name]
		t.Run(name, func(t *testing.T) {
			res, err := pipeline.Run(in, r)
			if err != nil {
				t.Fatal(err)
			}
			root := res.Framework.Root()
			w := map[string]float64{}
			for i, c := range res.Framework.Children(root) {
				w[c] = float64(i + 1)
			}
			if len(w) < 2 {
				t.Fatalf("the template has %d dimensions", len(w))
			}
			rw, err := pipeline.Reweight(res, w)
			if err != nil {
				t.Fatal(err)
			}
			full, err := pipeline.Run(pipeline.Input{Data: in.Data, Framework: rw.Framework, Columns: in.Columns}, rw.Recipe)
			if err != nil {
				t.Fatal(err)
			}
			if len(full.Rows) != len(rw.Rows) {
				t.Fatalf("rows %d, want %d", len(rw.Rows), len(full.Rows))
			}
			changed := false
			for n := range rw.Scores {
				for k := range rw.Scores[n] {
					a, b := rw.Scores[n][k], full.Scores[n][k]
					if !(math.Abs(a-b) <= 1e-9) && !(math.IsNaN(a) && math.IsNaN(b)) {
						t.Fatalf("row %d col %d: reweighted %v, run %v", n, k, a, b)
					}
					if rw.Ranks[n][k] != full.Ranks[n][k] {
						t.Fatalf("row %d col %d: rank %d, run %d", n, k, rw.Ranks[n][k], full.Ranks[n][k])
					}
				}
				if rw.Ranks[n][0] != res.Ranks[n][0] {
					changed = true
				}
			}
			if !changed {
				t.Error("the new weights changed no rank")
			}
			for i, ws := range full.Weights[0].Nodes {
				if math.Abs(ws.Effective-rw.Weights[0].Nodes[i].Effective) > 1e-12 {
					t.Errorf("effective weight of %s: %v, run %v", ws.Code, rw.Weights[0].Nodes[i].Effective, ws.Effective)
				}
			}
		})
	}
}

// TestFreezeReciprocalBeyondRange: a frozen model with reciprocal negative
// indicators applied to a subnormal value (1/x = +Inf) is an error naming
// the indicator and the value, never an infinite score.
func TestFreezeReciprocalBeyondRange(t *testing.T) {
	fw := &framework.Framework{Nodes: []framework.Node{
		{Code: "I", Weight: 1},
		{Code: "a", Parent: "I", Weight: 1, Direction: framework.Direction{Kind: framework.Negative}},
		{Code: "b", Parent: "I", Weight: 1},
	}}
	p := &panel.Panel{
		Units:   []panel.Unit{{Code: "110000", Name: "北京"}, {Code: "310000", Name: "上海"}, {Code: "420000", Name: "湖北"}},
		Periods: []panel.Period{{Label: "2020", Kind: panel.Year, Key: 2020 * 12}},
		Columns: []panel.Column{{Name: "a"}, {Name: "b"}},
	}
	for i, v := range [][]float64{{1, 2}, {2, 1}, {4, 3}} {
		p.Rows = append(p.Rows, panel.Row{Unit: i, Period: 0, Values: v})
	}
	r := pipeline.Default()
	r.Weights = pipeline.Weights{Method: pipeline.WEqual}
	r.Normalise.Reciprocal = true
	res, err := pipeline.Run(pipeline.Input{Data: p, Framework: fw}, r)
	if err != nil {
		t.Fatal(err)
	}
	m, err := pipeline.Freeze(res)
	if err != nil {
		t.Fatal(err)
	}
	q := &panel.Panel{
		Units:   []panel.Unit{{Code: "500000", Name: "重庆"}},
		Periods: []panel.Period{{Label: "2020", Kind: panel.Year, Key: 2020 * 12}},
		Columns: []panel.Column{{Name: "a"}, {Name: "b"}},
		Rows:    []panel.Row{{Unit: 0, Period: 0, Values: []float64{5e-324, 2}}},
	}
	if _, err := m.Score(q); err == nil || !strings.Contains(err.Error(), "indicator a: the value 5e-324") {
		t.Errorf("err = %v, want the value named", err)
	}
	// A small but representable value scores: 1/0.5 = 2 > 1/1, so a is at
	// its frozen maximum and beyond (min-max of 1/x over 0.25..1: (2 − 0.25)/0.75).
	q.Rows[0].Values = []float64{0.5, 2}
	got, err := m.Score(q)
	if err != nil {
		t.Fatal(err)
	}
	if v := got.Normalised[0][0]; math.Abs(v-1.75/0.75) > 1e-12 {
		t.Errorf("a normalised = %v, want %v", v, 1.75/0.75)
	}
}
