package pipeline

import (
	"testing"
)

// TestCOINrAggregators normalises COINr's Treated data to [1, 100] and
// aggregates it with each COINr aggregator, comparing with COINr 1.1.14
// (agg_minmax1_100_Normalised.csv, agg_<method>_Aggregated.csv) to 1e-9
// relative. Copeland is level by level (levels 3 and 4 are Copeland scores
// of Copeland scores), as the golden file's wrapper call.
func TestCOINrAggregators(t *testing.T) {
	in := coinrInput(t, "full_Treated.csv")
	cases := []struct {
		file string
		set  func(a *Aggregate)
	}{
		{"amean", func(a *Aggregate) { a.Method = AMean }},
		{"gmean", func(a *Aggregate) { a.Method = GMean }},
		{"hmean", func(a *Aggregate) { a.Method = HMean }},
		{"genmean_p2", func(a *Aggregate) { a.Method, a.P = GenMean, fp(2) }},
		{"genmean_p2", func(a *Aggregate) { a.Method, a.P, a.StrictNA = GenMean, fp(2), true }},
		{"copeland", func(a *Aggregate) { a.Method = CopelandAgg }},
		// wsm and wpm are other names for amean and gmean.
		{"amean", func(a *Aggregate) { a.Method = WSM }},
		{"gmean", func(a *Aggregate) { a.Method = WPM }},
	}
	for _, c := range cases {
		r := coinrPostRecipe()
		r.Normalise.Lower, r.Normalise.Upper = fp(1), fp(100)
		c.set(&r.Aggregate)
		res, err := Run(in, r)
		if err != nil {
			t.Fatal(c.file, err)
		}
		m1, n1 := compareCOINr(t, res, "agg_minmax1_100_Normalised.csv", 1e-9, nil)
		m2, n2 := compareCOINr(t, res, "agg_"+c.file+"_Aggregated.csv", 1e-9, nil)
		if n1 != 51*49 || n2 != 51*60 {
			t.Errorf("compared %d and %d values", n1, n2)
		}
		t.Logf("agg_%s (%s): max relative error %.3g (Normalised), %.3g (Aggregated, %d values)", c.file, r.Aggregate.Method, m1, m2, n2)
	}
}
