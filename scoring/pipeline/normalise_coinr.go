package pipeline

import (
	"math"
	"sort"

	"github.com/nqp-index/nqp/scoring/framework"
	"github.com/nqp-index/nqp/scoring/mcda"
)

// literatureScore returns, aligned with idx, the literature's score of a
// moderate or interval indicator, 1 − dist/max dist (中间型 / 区间型), which
// is larger-is-better and lies in [0, 1]. NaN stays NaN.
func literatureScore(x []float64, idx []int, d framework.Direction) []float64 {
	v := make([]float64, len(idx))
	h, dh := scaledGoodness(x, idx, d) // no overflow in |x − best|
	m := 0.0
	for k, i := range idx {
		v[k] = x[i]
		if !math.IsNaN(x[i]) {
			m = math.Max(m, -goodness(x[i]*h, dh))
		}
	}
	for k, xv := range v {
		if math.IsNaN(xv) {
			continue
		}
		v[k] = 1
		if m > 0 {
			v[k] = 1 - (-goodness(xv*h, dh))/m
		}
	}
	return v
}

// directed returns, aligned with idx, COINr's x·Direction (x for positive,
// −x for negative indicators) or the literature score of a moderate or
// interval indicator.
func directed(x []float64, idx []int, d framework.Direction) []float64 {
	switch d.Kind {
	case framework.Moderate, framework.Interval:
		return literatureScore(x, idx, d)
	}
	v := make([]float64, len(idx))
	for k, i := range idx {
		v[k] = x[i]
		if d.Kind == framework.Negative {
			v[k] = -x[i]
		}
	}
	return v
}

func rangeOf(v []float64) (lo, hi float64, n int) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, x := range v {
		if math.IsNaN(x) {
			continue
		}
		n++
		lo = math.Min(lo, x)
		hi = math.Max(hi, x)
	}
	return
}

// ranksOf ranks the non-NaN values of v ascending (1 = smallest) with the
// given ties rule ("min", "max" or "average"), as R's rank(na.last="keep").
func ranksOf(v []float64, ties string) []float64 {
	ord := make([]int, 0, len(v))
	for k, x := range v {
		if !math.IsNaN(x) {
			ord = append(ord, k)
		}
	}
	sort.SliceStable(ord, func(a, b int) bool { return v[ord[a]] < v[ord[b]] })
	r := make([]float64, len(v))
	for k := range r {
		r[k] = math.NaN()
	}
	for a := 0; a < len(ord); {
		b := a
		for b+1 < len(ord) && v[ord[b+1]] == v[ord[a]] {
			b++
		}
		var rk float64
		switch ties {
		case "max":
			rk = float64(b + 1)
		case "average":
			rk = float64(a+b+2) / 2
		default:
			rk = float64(a + 1)
		}
		for k := a; k <= b; k++ {
			r[ord[k]] = rk
		}
		a = b + 1
	}
	return r
}

// refRow returns the row of unit ref in idx whose value is the reference:
// the only such row, the row of period refPeriod, or the latest row with a
// value. -1 if none.
func (st *state) refRow(x []float64, idx []int, ref, refPeriod string) int {
	best := -1
	for _, i := range idx {
		o := st.res.Rows[i]
		if !equalFoldTrim(st.res.Units[o.Unit].Code, ref) {
			continue
		}
		if refPeriod != "" {
			if st.res.Periods[o.Period].Label == refPeriod {
				return i
			}
			continue
		}
		if !math.IsNaN(x[i]) && (best < 0 || st.res.Rows[best].Period < o.Period) {
			best = i
		}
	}
	return best
}

func equalFoldTrim(a, b string) bool { return containsFold([]string{b}, a) }

// coinrColumn applies one of COINr's n_* functions to x·Direction (the
// literature score for moderate and interval indicators).
func (st *state) coinrColumn(x, y []float64, idx []int, d framework.Direction, s *NormSpec, node *framework.Node) (constant bool, params map[string]float64, err *colErr) {
	code := node.Code
	v := directed(x, idx, d)
	lo, hi, _ := rangeOf(v)
	out := func(f func(v float64) float64) {
		for k, i := range idx {
			if math.IsNaN(v[k]) {
				y[i] = math.NaN()
			} else {
				y[i] = f(v[k])
			}
		}
	}
	switch s.Method {
	case NNone:
		out(func(v float64) float64 { return v })
	case Scaled:
		p1, p2, sf := *s.ScaledLower, *s.ScaledUpper, *s.ScaleFactor
		out(func(v float64) float64 { return mcda.Frac(v, p1, p2, p1) * sf })
	case NRank, Borda, PRank:
		r := ranksOf(v, s.Ties)
		n := 0
		for _, x := range v {
			if !math.IsNaN(x) {
				n++
			}
		}
		for k, i := range idx {
			switch s.Method {
			case Borda:
				y[i] = r[k] - 1
			case PRank:
				y[i] = (r[k] - 1) / float64(n-1)
			default:
				y[i] = r[k]
			}
		}
	case FracMax:
		if hi == 0 {
			return false, nil, errCol("zero-max", "指标 %s 的最大值为 0，x/max 无定义", "indicator %s has maximum 0; x/max is undefined", code)
		}
		out(func(v float64) float64 { return v / hi })
		params = map[string]float64{"max": hi}
	case Dist2Max:
		if !(hi > lo) {
			out(func(float64) float64 { return 0 })
			return true, nil, nil
		}
		out(func(v float64) float64 { return 1 - mcda.Frac(hi, v, hi, lo) })
		params = map[string]float64{"min": lo, "max": hi}
	case Dist2Ref:
		ri := st.refRow(x, idx, s.RefUnit, s.RefPeriod)
		if ri < 0 {
			return false, nil, errCol("no-reference", "指标 %s：参照地区 %s 在该范围内没有取值", "indicator %s: the reference unit %s has no value here", code, s.RefUnit)
		}
		var xref float64
		for k, i := range idx {
			if i == ri {
				xref = v[k]
			}
		}
		if math.IsNaN(xref) {
			return false, nil, errCol("no-reference", "指标 %s：参照地区 %s 的取值缺失", "indicator %s: the reference unit %s has a missing value", code, s.RefUnit)
		}
		if xref == lo {
			return false, nil, errCol("reference-at-min", "指标 %s：参照地区 %s 的取值即最小值，dist2ref 无定义", "indicator %s: the reference unit %s has the minimum value; dist2ref is undefined", code, s.RefUnit)
		}
		out(func(v float64) float64 {
			r := 1 - mcda.Frac(xref, v, xref, lo)
			if s.CapMax && r > 1 {
				r = 1
			}
			return r
		})
		params = map[string]float64{"min": lo, "reference": xref}
	case Dist2Targ:
		if d.Kind != framework.Positive && d.Kind != framework.Negative {
			return false, nil, errCol("direction", "指标 %s 为适度/区间型，dist2targ 只适用于正向或负向指标", "indicator %s is moderate/interval; dist2targ needs a positive or negative indicator", code)
		}
		t := s.Target
		if t == nil {
			t = node.Target
		}
		if t == nil {
			return false, nil, errCol("no-target", "指标 %s 没有目标值（指标体系 Target 列或 normalise.indicators 的 target）", "indicator %s has no target (framework Target column or normalise.indicators target)", code)
		}
		targ := *t
		if d.Kind == framework.Negative {
			targ = -targ
		}
		if targ == lo {
			return false, nil, errCol("target-at-min", "指标 %s 的目标值等于最小值，dist2targ 无定义", "indicator %s: the target equals the minimum; dist2targ is undefined", code)
		}
		out(func(v float64) float64 {
			r := mcda.Frac(v, lo, targ, lo)
			if s.CapMax && r > 1 {
				r = 1
			}
			return r
		})
		params = map[string]float64{"min": lo, "target": targ}
	case Goalposts:
		if d.Kind != framework.Positive && d.Kind != framework.Negative {
			return false, nil, errCol("direction", "指标 %s 为适度/区间型，goalposts 只适用于正向或负向指标", "indicator %s is moderate/interval; goalposts need a positive or negative indicator", code)
		}
		gl, gu := *s.GoalLower, *s.GoalUpper
		if d.Kind == framework.Negative {
			gl, gu = -gu, -gl
		}
		sc, trunc := *s.GoalScale, *s.Trunc2Posts
		out(func(v float64) float64 {
			r := mcda.Frac(v, gl, gu, gl)
			if trunc {
				r = math.Min(math.Max(r, 0), 1)
			}
			return r * sc
		})
		params = map[string]float64{"lower": gl, "upper": gu, "scale": sc}
	}
	return false, params, nil
}
