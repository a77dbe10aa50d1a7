package pipeline

import (
	"fmt"
	"math"
	"strings"

	"github.com/nqp-index/nqp/scoring/diag"
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

// Normalisation methods.
const (
	MinMax = "minmax"
	ZScore = "zscore"
)

// Scopes of normalisation and of objective weights.
const (
	ScopeGlobal = "global" // pool all periods (the default)
	ScopePeriod = "period" // each period on its own
)

// Normalise configures the normalisation step.
type Normalise struct {
	Method string `json:"method"` // "minmax" (default) or "zscore"
	// MinMax: y = l + (u−l)(x−min)/(max−min) + shift.
	Lower *float64 `json:"lower,omitempty"` // default 0
	Upper *float64 `json:"upper,omitempty"` // default 1
	Shift float64  `json:"shift"`           // δ added after scaling (e.g. 0.0001)
	// ZScore: y = (x−mean)/sd·SD + Mean with the sample sd (n−1).
	Mean *float64 `json:"mean,omitempty"` // default 0
	SD   *float64 `json:"sd,omitempty"`   // default 1
	// Scope: "global" (pooled over all periods; default) or "period".
	Scope string `json:"scope"`
}

// resolve fills in the normalisation defaults.
func (n *Normalise) resolve() {
	if n.Method == "" {
		n.Method = MinMax
	}
	if n.Scope == "" {
		n.Scope = ScopeGlobal
	}
	switch n.Method {
	case MinMax:
		if n.Lower == nil {
			n.Lower = fp(0)
		}
		if n.Upper == nil {
			n.Upper = fp(1)
		}
	case ZScore:
		if n.Mean == nil {
			n.Mean = fp(0)
		}
		if n.SD == nil {
			n.SD = fp(1)
		}
	}
}

// check reports invalid normalisation settings.
func (n Normalise) check() error {
	switch n.Method {
	case MinMax:
		if !(*n.Upper > *n.Lower) {
			return fmt.Errorf("归一化上限必须大于下限 / normalise.upper must be greater than normalise.lower")
		}
	case ZScore:
		if !(*n.SD > 0) {
			return fmt.Errorf("z-score 的目标标准差必须为正 / normalise.sd must be positive")
		}
	default:
		return bad("normalise.method", n.Method, "minmax, zscore")
	}
	switch n.Scope {
	case ScopeGlobal, ScopePeriod:
	default:
		return bad("normalise.scope", n.Scope, "global, period")
	}
	return nil
}

// normalise fills st.yc and Result.Normalised.
func (st *state) normalise() {
	r, res := st.r, st.res
	np := len(st.leaves)
	dirs := make([]framework.Direction, np)
	for j, c := range st.leaves {
		dirs[j] = st.fw.Node(c).Direction
	}
	st.yc = newMatrix(np, len(st.rows))
	groups := groupsOf(st.periodOf, len(res.Periods), r.Normalise.Scope)
	constant := make([][]string, np)
	parallel(np, func(j int) {
		for g, idx := range groups {
			if len(idx) == 0 {
				continue
			}
			if normaliseColumn(st.xc[j], st.yc[j], idx, dirs[j], r.Normalise) {
				if r.Normalise.Scope == ScopePeriod {
					constant[j] = append(constant[j], res.Periods[g].Label)
				} else {
					constant[j] = append(constant[j], "")
				}
			}
		}
	})
	for j := 0; j < np; j++ {
		if constIn := constant[j]; len(constIn) > 0 {
			c := st.leaves[j]
			where, whereEn := "", ""
			if r.Normalise.Scope == ScopePeriod {
				where = "（时期：" + strings.Join(constIn, "、") + "）"
				whereEn = " (periods: " + strings.Join(constIn, ", ") + ")"
			}
			st.rep.Add(diag.Problem{Severity: diag.Warning, Code: "constant-indicator", Column: c,
				Zh: fmt.Sprintf("指标 %s 取值无差异%s，标准化结果统一记为 %g", c, where, r.Normalise.constantValue()),
				En: fmt.Sprintf("indicator %s does not vary%s; its normalised values are all set to %g", c, whereEn, r.Normalise.constantValue())})
		}
	}
	res.Normalised = transpose(st.yc)
}

// constantValue is the normalised value given to a constant indicator.
func (n Normalise) constantValue() float64 {
	if n.Method == ZScore {
		return *n.Mean
	}
	return *n.Lower + n.Shift
}
