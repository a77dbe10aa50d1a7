package pipeline

import (
	"math"
	"strings"
	"testing"

	"github.com/nqp-index/nqp/scoring/panel"
)

// TestDenominateByHand: framework denominators, recipe pairs with scales
// and overrides, and missing or zero denominators.
func TestDenominateByHand(t *testing.T) {
	p := smallPanel()
	p.Columns = append(p.Columns, panel.Column{Name: "pop"}, panel.Column{Name: "gdp"})
	pop := []float64{2, 4, 0, 5, math.NaN(), 10}
	gdp := []float64{100, 200, 300, 400, 500, 600}
	for i := range p.Rows {
		p.Rows[i].Values = append(p.Rows[i].Values, pop[i], gdp[i])
	}
	fw := smallFramework()
	for i := range fw.Nodes {
		if fw.Nodes[i].Code == "a1" {
			fw.Nodes[i].Denominator = "pop"
		}
	}
	in := Input{Data: p, Framework: fw}
	r := Default()
	r.Denominate = Denominate{Enabled: true, Pairs: []DenomPair{{Indicator: "b1", Denominator: "gdp", Scale: fp(1000)}}}
	res, err := Run(in, r)
	if err != nil {
		t.Fatal(err)
	}
	// rows: 2020 110000, 310000, 420000, then 2021
	a1 := []float64{10, 8, 2, 12, 9, 3}
	b1 := []float64{1, 3, 2, 2, 4, 2}
	for n := range a1 {
		want := a1[n] / (pop[n] / 1)
		if pop[n] == 0 || math.IsNaN(pop[n]) {
			want = math.NaN()
		}
		if got := res.Denominated[n][0]; !relClose(got, want, 1e-15) {
			t.Errorf("a1 row %d = %v, want %v", n, got, want)
		}
		if got, want := res.Denominated[n][2], b1[n]/(gdp[n]/1000); !relClose(got, want, 1e-15) {
			t.Errorf("b1 row %d = %v, want %v", n, got, want)
		}
		if res.Denominated[n][1] != res.Raw[n][1] {
			t.Errorf("a2 changed")
		}
	}
	var msg string
	for _, pr := range res.Report.Problems {
		if pr.Code == "denominator-missing" {
			msg = pr.En
		}
	}
	if !strings.Contains(msg, "420000 2020") || !strings.Contains(msg, "310000 2021") {
		t.Errorf("warning %q should name both observations", msg)
	}
	if len(res.Denominators) != 2 || res.Denominators[1].Denominator != "gdp" || *res.Denominators[1].Scale != 1000 {
		t.Errorf("pairs %+v", res.Denominators)
	}
	for i, row := range res.Scores {
		for _, v := range row {
			if math.IsNaN(v) {
				t.Errorf("row %d: NaN score after denominate", i)
			}
		}
	}
	// "none" switches the framework pair off; a scale alone keeps its denominator
	r.Denominate = Denominate{Enabled: true, Pairs: []DenomPair{{Indicator: "a1", Denominator: "none"}}}
	res, err = Run(in, r)
	if err != nil {
		t.Fatal(err)
	}
	if res.Denominated[0][0] != 10 || len(res.Denominators) != 0 {
		t.Errorf("none: %v %v", res.Denominated[0], res.Denominators)
	}
	r.Denominate = Denominate{Enabled: true, Pairs: []DenomPair{{Indicator: "A1", Scale: fp(100)}}}
	res, err = Run(in, r)
	if err != nil {
		t.Fatal(err)
	}
	if got := res.Denominated[0][0]; !relClose(got, 10/(2.0/100), 1e-15) {
		t.Errorf("scale 100: %v", got)
	}
	// unknown denominator column: an error naming it
	r.Denominate = Denominate{Enabled: true, Pairs: []DenomPair{{Indicator: "b1", Denominator: "area"}}}
	if _, err := Run(in, r); err == nil || !strings.Contains(err.Error(), "area") {
		t.Errorf("unknown column: %v", err)
	}
	// off: no table; on by framework only: a1 divided
	r.Denominate = Denominate{}
	res, _ = Run(in, r)
	if res.Denominated != nil {
		t.Error("denominate off but table filled")
	}
}
