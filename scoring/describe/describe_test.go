package describe

import (
	"math"
	"testing"
)

// A hand computation for x = (1, 2, 3, 4, 10), with COINr's (e1071 type 2)
// formulas: mean 4, deviations (−3, −2, −1, 0, 6), m2 = 50,
// m3 = 180, m4 = 1394; g1 = √5·180/50^1.5 = 1.13842, G1 = g1·√20/3 = 1.69708;
// r = 5·1394/2500 = 2.788, G2 = (6·(−0.212) + 6)·4/(3·2) = 3.1520.
func TestColumnHand(t *testing.T) {
	s := Column("x", []float64{1, 2, math.NaN(), 3, 4, 10})
	if s.N != 5 || s.Missing != 1 || s.Min != 1 || s.Max != 10 || s.Mean != 4 || s.Median != 3 || s.Unique != 5 {
		t.Fatalf("basic stats %+v", s)
	}
	if math.Abs(s.SD-math.Sqrt(12.5)) > 1e-15 {
		t.Errorf("sd %v", s.SD)
	}
	g1 := math.Sqrt(5) * 180 / math.Pow(50, 1.5)
	if want := g1 * math.Sqrt(20) / 3; math.Abs(s.Skew-want) > 1e-14 {
		t.Errorf("skew %v, want %v", s.Skew, want)
	}
	if want := (6*(2.788-3) + 6) * 4 / 6; math.Abs(s.Kurt-want) > 1e-13 {
		t.Errorf("kurt %v, want %v", s.Kurt, want)
	}
	if s.Outlier {
		t.Error("kurt 3.15 < 3.5: not an outlier")
	}
	e := Column("e", nil)
	if e.N != 0 || math.IsNaN(e.Mean) {
		t.Errorf("empty column %+v", e)
	}
}
