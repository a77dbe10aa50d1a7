package pipeline

import (
	"math"

	"github.com/nqp-index/nqp/scoring/framework"
)

// goodness maps a raw value to a "larger is better" value for methods that
// are applied to positive indicators: x for positive, −x for negative (as
// COINr's x·Direction), −|x − best| for moderate and minus the distance to
// [lo, hi] for interval indicators.
func goodness(x float64, d framework.Direction) float64 {
	switch d.Kind {
	case framework.Negative:
		return -x
	case framework.Moderate:
		return -math.Abs(x - d.Best)
	case framework.Interval:
		switch {
		case x < d.Lo:
			return x - d.Lo
		case x > d.Hi:
			return d.Hi - x
		}
		return 0
	}
	return x
}

// groupsOf returns the row sets that are normalised together: one group of
// all rows (global scope) or one per period.
func groupsOf(periods []int, nPeriods int, scope string) [][]int {
	if scope != ScopePeriod {
		all := make([]int, len(periods))
		for i := range all {
			all[i] = i
		}
		return [][]int{all}
	}
	g := make([][]int, nPeriods)
	for i, p := range periods {
		g[p] = append(g[p], i)
	}
	return g
}

// normaliseColumn writes the normalised values of column x (rows in idx)
// into y and reports whether the column was constant within idx.
func normaliseColumn(x, y []float64, idx []int, d framework.Direction, n Normalise) (constant bool) {
	switch n.Method {
	case ZScore:
		return zscoreColumn(x, y, idx, d, *n.Mean, *n.SD)
	default:
		return minmaxColumn(x, y, idx, d, *n.Lower, *n.Upper, n.Shift)
	}
}

// minmaxColumn applies (direction-aware) min-max scaling to [l, u] plus shift.
// Positive and negative indicators follow COINr's n_minmax exactly
// (x ← x·Direction; (x−min)/(max−min)·(u−l)+l); moderate and interval
// indicators use the literature's 1 − |x − best|/max|x − best| and its
// interval analogue, mapped to [l, u].
func minmaxColumn(x, y []float64, idx []int, d framework.Direction, l, u, shift float64) bool {
	switch d.Kind {
	case framework.Moderate, framework.Interval:
		m := 0.0
		for _, i := range idx {
			if v := x[i]; !math.IsNaN(v) {
				if g := -goodness(v, d); g > m {
					m = g
				}
			}
		}
		for _, i := range idx {
			v := x[i]
			if math.IsNaN(v) {
				y[i] = math.NaN()
				continue
			}
			s := 1.0
			if m > 0 {
				s = 1 - (-goodness(v, d))/m
			}
			y[i] = s*(u-l) + l + shift
		}
		return m == 0
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, i := range idx {
		v := x[i]
		if math.IsNaN(v) {
			continue
		}
		v = goodness(v, d)
		if v < lo {
			lo = v
		}
		if v > hi {
			hi = v
		}
	}
	constant := !(hi > lo)
	for _, i := range idx {
		v := x[i]
		if math.IsNaN(v) {
			y[i] = math.NaN()
			continue
		}
		if constant {
			y[i] = l + shift
			continue
		}
		v = goodness(v, d)
		y[i] = (v-lo)/(hi-lo)*(u-l) + l + shift
	}
	return constant
}

// zscoreColumn applies (x−mean)/sd·sd' + mean' with the sample sd (n−1),
// on direction-adjusted values.
func zscoreColumn(x, y []float64, idx []int, d framework.Direction, mu, sigma float64) bool {
	var s float64
	n := 0
	for _, i := range idx {
		if v := x[i]; !math.IsNaN(v) {
			s += goodness(v, d)
			n++
		}
	}
	mean := s / float64(n)
	var ss float64
	for _, i := range idx {
		if v := x[i]; !math.IsNaN(v) {
			dv := goodness(v, d) - mean
			ss += dv * dv
		}
	}
	sd := 0.0
	if n > 1 {
		sd = math.Sqrt(ss / float64(n-1))
	}
	constant := !(sd > 0)
	for _, i := range idx {
		v := x[i]
		switch {
		case math.IsNaN(v):
			y[i] = math.NaN()
		case constant:
			y[i] = mu
		default:
			y[i] = (goodness(v, d)-mean)/sd*sigma + mu
		}
	}
	return constant
}
