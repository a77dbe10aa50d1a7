package describe

import (
	"math"
	"sort"

	"github.com/nqp-index/nqp/scoring/panel"
)

// Stat describes one column.
type Stat struct {
	Column  string  `json:"column"`
	N       int     `json:"n"`       // non-missing values
	Missing int     `json:"missing"` // missing values
	Min     float64 `json:"min"`
	Max     float64 `json:"max"`
	Mean    float64 `json:"mean"`
	Median  float64 `json:"median"`
	SD      float64 `json:"sd"`   // sample sd (n−1); 0 when n < 2
	Skew    float64 `json:"skew"` // adjusted G1; 0 when undefined
	Kurt    float64 `json:"kurt"` // adjusted excess G2; 0 when undefined
	Unique  int     `json:"unique"`
	Outlier bool    `json:"outlier"` // |skew| > 2 and kurt > 3.5 (COINr get_stats)
}

// Column computes the statistics of the non-NaN values of x.
func Column(name string, x []float64) Stat {
	v := make([]float64, 0, len(x))
	for _, a := range x {
		if !math.IsNaN(a) {
			v = append(v, a)
		}
	}
	s := Stat{Column: name, N: len(v), Missing: len(x) - len(v)}
	if len(v) == 0 {
		return s
	}
	sort.Float64s(v)
	s.Min, s.Max = v[0], v[len(v)-1]
	n := float64(len(v))
	var sum float64
	for _, a := range v {
		sum += a
	}
	s.Mean = sum / n
	if len(v)%2 == 1 {
		s.Median = v[len(v)/2]
	} else {
		s.Median = (v[len(v)/2-1] + v[len(v)/2]) / 2
	}
	s.Unique = 1
	for i := 1; i < len(v); i++ {
		if v[i] != v[i-1] {
			s.Unique++
		}
	}
	var m2, m3, m4 float64
	for _, a := range v {
		d := a - s.Mean
		m2 += d * d
		m3 += d * d * d
		m4 += d * d * d * d
	}
	if len(v) > 1 {
		s.SD = math.Sqrt(m2 / (n - 1))
	}
	if len(v) > 2 && m2 > 0 {
		g1 := math.Sqrt(n) * m3 / math.Pow(m2, 1.5)
		s.Skew = g1 * math.Sqrt(n*(n-1)) / (n - 2)
	}
	if len(v) > 3 && m2 > 0 {
		r := n * m4 / (m2 * m2)
		s.Kurt = ((n+1)*(r-3) + 6) * (n - 1) / ((n - 2) * (n - 3))
	}
	s.Outlier = math.Abs(s.Skew) > 2 && s.Kurt > 3.5
	return s
}

// Panel describes every numeric column of p.
func Panel(p *panel.Panel) []Stat {
	out := make([]Stat, len(p.Columns))
	for j, c := range p.Columns {
		out[j] = Column(c.Name, p.Column(j))
	}
	return out
}
