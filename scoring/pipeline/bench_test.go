package pipeline

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/nqp-index/nqp/scoring/framework"
	"github.com/nqp-index/nqp/scoring/panel"
)

// countyPanel generates a county-level panel: units × years × indicators
// (2,850 × 10 × 40 = 1.14 M values in the benchmark), with a fixed seed,
// ~2% missing values and indicators in 5 dimensions, every 7th negative.
func countyPanel(units, years, inds int) Input {
	rng := rand.New(rand.NewPCG(42, 2850))
	p := &panel.Panel{}
	for u := 0; u < units; u++ {
		p.Units = append(p.Units, panel.Unit{Code: fmt.Sprintf("C%06d", u), Name: fmt.Sprintf("county %d", u)})
	}
	for y := 0; y < years; y++ {
		p.Periods = append(p.Periods, panel.Period{Label: fmt.Sprint(2014 + y), Kind: panel.Year, Key: (2014 + y) * 12})
	}
	fw := &framework.Framework{Nodes: []framework.Node{{Code: "NQP", Weight: 1}}}
	for d := 0; d < 5; d++ {
		fw.Nodes = append(fw.Nodes, framework.Node{Code: fmt.Sprintf("D%d", d), Parent: "NQP", Weight: 1})
	}
	for j := 0; j < inds; j++ {
		code := fmt.Sprintf("x%02d", j)
		n := framework.Node{Code: code, Parent: fmt.Sprintf("D%d", j%5), Weight: 1}
		if j%7 == 6 {
			n.Direction.Kind = framework.Negative
		}
		fw.Nodes = append(fw.Nodes, n)
		p.Columns = append(p.Columns, panel.Column{Name: code})
	}
	for y := 0; y < years; y++ {
		for u := 0; u < units; u++ {
			v := make([]float64, inds)
			for j := range v {
				v[j] = rng.ExpFloat64() * float64(j+1) * (1 + 0.05*float64(y))
			}
			p.Rows = append(p.Rows, panel.Row{Unit: u, Period: y, Values: v})
		}
	}
	return Input{Data: p, Framework: fw}
}

// BenchmarkEntropyPipeline runs the NQP standard recipe (pooled min-max,
// pooled entropy, weighted sum ×100, ranks) on 2,850 counties × 10 years ×
// 40 indicators.
func BenchmarkEntropyPipeline(b *testing.B) {
	in := countyPanel(2850, 10, 40)
	r := Default()
	r.Rank.Groups = ""
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Run(in, r); err != nil {
			b.Fatal(err)
		}
	}
}
