package export

import (
	"fmt"
	"testing"

	"github.com/nqp-index/nqp/scoring/framework"
	"github.com/nqp-index/nqp/scoring/panel"
	"github.com/nqp-index/nqp/scoring/pipeline"
)

func methodInput() pipeline.Input {
	fw := &framework.Framework{Nodes: []framework.Node{{Code: "I", Weight: 1}, {Code: "D", Parent: "I", Weight: 1},
		{Code: "a", Parent: "D", Weight: 1}, {Code: "b", Parent: "D", Weight: 2}, {Code: "c", Parent: "I", Weight: 1}}}
	p := &panel.Panel{Columns: []panel.Column{{Name: "a"}, {Name: "b"}, {Name: "c"}},
		Periods: []panel.Period{{Label: "2020", Kind: panel.Year, Key: 2020 * 12}}}
	for i, v := range [][]float64{{1, 5, 2}, {3, 2, 8}, {4, 4, 4}, {2, 9, 1}} {
		p.Units = append(p.Units, panel.Unit{Code: fmt.Sprintf("U%d", i), Name: fmt.Sprintf("unit %d", i)})
		p.Rows = append(p.Rows, panel.Row{Unit: i, Period: 0, Values: v})
	}
	return pipeline.Input{Data: p, Framework: fw}
}

// TestMethodTables: the whole-matrix methods and non-default normalisers
// add their tables (one row per node, period and unit).
func TestMethodTables(t *testing.T) {
	for _, c := range []struct {
		agg, norm string
		want      map[string]int
	}{
		{pipeline.TOPSISAgg, pipeline.VectorNorm, map[string]int{"topsis": 2 * 4, "aggregate_weights": 3 + 2, "normalise_params": 3}},
		{pipeline.VIKORAgg, pipeline.MinMax, map[string]int{"vikor": 2 * 4, "aggregate_weights": 5}},
		{pipeline.GRAAgg, pipeline.MinMax, map[string]int{"gra": 3*4 + 2*4, "aggregate_weights": 5}},
		{pipeline.AMean, pipeline.MinMax, map[string]int{"topsis": -1, "aggregate_weights": -1, "normalise_params": -1}},
	} {
		r := pipeline.Recipe{}
		r.Weights.Method = pipeline.WManual
		r.Aggregate.Method = c.agg
		r.Normalise.Method = c.norm
		res, err := pipeline.Run(methodInput(), r)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]int{}
		for _, tb := range Tables(res, "en") {
			got[tb.Name] = len(tb.Rows)
			for _, row := range tb.Rows {
				if len(row) != len(tb.Header) {
					t.Fatalf("%s: row of %d cells, header %d", tb.Name, len(row), len(tb.Header))
				}
			}
		}
		for name, n := range c.want {
			if g, ok := got[name]; (n < 0 && ok) || (n >= 0 && g != n) {
				t.Errorf("%s/%s: table %s has %d rows (present %v), want %d", c.agg, c.norm, name, g, ok, n)
			}
		}
	}
}
