package pipeline

import (
	"fmt"

	"github.com/nqp-index/nqp/scoring/diag"
)

// Weighting methods.
const (
	WEqual   = "equal"
	WManual  = "manual"
	WEntropy = "entropy"
	WCRITIC  = "critic"
	WCV      = "cv"
	WSD      = "sd"
)

// Entropy variants.
const (
	EntropyPooled        = "pooled"          // one run over all unit-periods, k = 1/ln(N) ("加入时间变量", SPSSAU 一次法)
	EntropyPerPeriod     = "per-period"      // one run per period, k = 1/ln(m); each period scored with its own weights
	EntropyPerPeriodMean = "per-period-mean" // per-period weights averaged into one vector (SPSSAU 多次法)
)

// Entropy zero rules: how p·ln p is made finite when p = 0.
const (
	ZeroAsZero  = "zero"    // define 0·ln0 = 0 (SPSSAU)
	ZeroShift   = "shift"   // add δ to every normalised value before computing p
	ZeroRescale = "rescale" // rescale each column linearly to [a, b] before computing p
)

// Upper-level weight sources for objective methods.
const (
	UpperDerived   = "derived"   // an aggregate's weight is the sum of its indicators' weights
	UpperFramework = "framework" // aggregates keep the framework's weights
	UpperEqual     = "equal"     // aggregates get equal weights within their group
)

// Weights configures the indicator weights.
type Weights struct {
	// Method: "entropy" (default), "critic", "cv", "sd", "equal" or "manual".
	Method string `json:"method"`
	// Entropy options.
	Variant  string  `json:"variant,omitempty"`   // pooled (default), per-period, per-period-mean
	ZeroRule string  `json:"zero_rule,omitempty"` // zero (default), shift, rescale
	Delta    float64 `json:"delta,omitempty"`     // δ for zero_rule=shift (default 0.0001)
	A        float64 `json:"a,omitempty"`         // lower end for zero_rule=rescale (default 0.002)
	B        float64 `json:"b,omitempty"`         // upper end for zero_rule=rescale (default 0.998)
	// CV option: compute the coefficient of variation on "raw" data (default) or "normalised".
	CVOn string `json:"cv_on,omitempty"`
	// Upper: how aggregates are weighted for objective methods:
	// derived (default), framework or equal.
	Upper string `json:"upper,omitempty"`
}

// resolve fills in the weighting defaults.
func (w *Weights) resolve() {
	if w.Method == "" {
		w.Method = WEntropy
	}
	switch w.Method {
	case WEntropy:
		if w.Variant == "" {
			w.Variant = EntropyPooled
		}
		if w.ZeroRule == "" {
			w.ZeroRule = ZeroAsZero
		}
		if w.ZeroRule == ZeroShift && w.Delta == 0 {
			w.Delta = 0.0001
		}
		if w.ZeroRule == ZeroRescale && w.A == 0 && w.B == 0 {
			w.A, w.B = 0.002, 0.998
		}
	case WCV:
		if w.CVOn == "" {
			w.CVOn = "raw"
		}
	}
	if w.Method != WEqual && w.Method != WManual && w.Upper == "" {
		w.Upper = UpperDerived
	}
}

// check reports invalid weighting settings.
func (w Weights) check() error {
	switch w.Method {
	case WEqual, WManual, WCRITIC, WSD:
	case WCV:
		if w.CVOn != "raw" && w.CVOn != "normalised" {
			return bad("weights.cv_on", w.CVOn, "raw, normalised")
		}
	case WEntropy:
		switch w.Variant {
		case EntropyPooled, EntropyPerPeriod, EntropyPerPeriodMean:
		default:
			return bad("weights.variant", w.Variant, "pooled, per-period, per-period-mean")
		}
		switch w.ZeroRule {
		case ZeroAsZero:
		case ZeroShift:
			if !(w.Delta > 0) {
				return fmt.Errorf("熵值法平移量 delta 必须为正 / weights.delta must be positive")
			}
		case ZeroRescale:
			if !(w.B > w.A && w.A >= 0) {
				return fmt.Errorf("熵值法区间 [a, b] 须满足 0 ≤ a < b / weights.a and weights.b must satisfy 0 ≤ a < b")
			}
		default:
			return bad("weights.zero_rule", w.ZeroRule, "zero, shift, rescale")
		}
	default:
		return bad("weights.method", w.Method, "entropy, critic, cv, sd, equal, manual")
	}
	if w.Method != WEqual && w.Method != WManual {
		switch w.Upper {
		case UpperDerived, UpperFramework, UpperEqual:
		default:
			return bad("weights.upper", w.Upper, "derived, framework, equal")
		}
	}
	return nil
}

// computeWeights (x and y are column-major: x[j][row]) returns the indicator weight vectors (one, or one per
// period for the per-period entropy variant) with the label of the period
// each applies to, and records the method's diagnostics in res.
func computeWeights(res *Result, x, y Matrix, periodOf []int, w Weights, rep *diag.Report) ([][]float64, []string) {
	np := len(res.Indicators)
	all := make([]int, len(res.Rows))
	for i := range all {
		all[i] = i
	}
	note := func(ns []colIssue, period string) {
		for _, n := range ns {
			p := diag.Problem{Severity: diag.Warning, Code: n.code, Zh: n.zh, En: n.en}
			if n.col >= 0 {
				c := res.Indicators[n.col]
				p.Column = c
				p.Zh = "指标 " + c + "：" + p.Zh
				p.En = "indicator " + c + ": " + p.En
			}
			if period != "" {
				p.Zh = "时期 " + period + "，" + p.Zh
				p.En = "period " + period + ", " + p.En
			}
			rep.Add(p)
		}
	}
	switch w.Method {
	case WEqual, WManual:
		// Leaves take their weights from the tree; see relativeWeights.
		return [][]float64{nil}, []string{""}
	case WCRITIC:
		dg, ns := critic(y, all)
		note(ns, "")
		res.CRITIC = &dg
		return [][]float64{dg.W}, []string{""}
	case WCV, WSD:
		m := y
		if w.Method == WCV && w.CVOn == "raw" {
			m = x
		}
		dg, ns := spread(m, all, w.Method == WCV)
		note(ns, "")
		res.Spread = &dg
		return [][]float64{dg.W}, []string{""}
	}
	// Entropy.
	if w.Variant == EntropyPooled || len(res.Periods) == 1 {
		dg, ns := entropy(y, all, w)
		note(ns, "")
		res.Entropy = []EntropyDiag{dg}
		return [][]float64{dg.W}, []string{""}
	}
	byP := make([][]int, len(res.Periods))
	for i, p := range periodOf {
		byP[p] = append(byP[p], i)
	}
	sets := make([][]float64, len(res.Periods))
	labels := make([]string, len(res.Periods))
	for p, idx := range byP {
		dg, ns := entropy(y, idx, w)
		dg.Period = res.Periods[p].Label
		note(ns, dg.Period)
		res.Entropy = append(res.Entropy, dg)
		sets[p] = dg.W
		labels[p] = dg.Period
	}
	if w.Variant == EntropyPerPeriod {
		return sets, labels
	}
	mean := make([]float64, np)
	for _, s := range sets {
		for j, v := range s {
			mean[j] += v / float64(len(sets))
		}
	}
	return [][]float64{mean}, []string{""}
}

// weigh computes the indicator weights and the relative and effective
// weights of every node (one set, or one per period).
func (st *state) weigh() {
	res, t := st.res, st.t
	leafW, setPeriods := computeWeights(res, st.xc, st.yc, st.periodOf, st.r.Weights, st.rep)
	st.rel = make([][]float64, len(leafW))
	for s := range leafW {
		var notes []string
		st.rel[s], notes = relativeWeights(t, leafW[s], st.r.Weights)
		eff := effective(t, st.rel[s])
		ws := WeightSet{Period: setPeriods[s]}
		for i, c := range t.codes {
			p := ""
			if t.parent[i] >= 0 {
				p = t.codes[t.parent[i]]
			}
			ws.Nodes = append(ws.Nodes, NodeWeight{Code: c, Parent: p, Level: t.level[i], Relative: st.rel[s][i], Effective: eff[i]})
		}
		res.Weights = append(res.Weights, ws)
		if s == 0 {
			for _, c := range notes {
				st.rep.Add(diag.Problem{Severity: diag.Warning, Code: "zero-weight-group", Column: c,
					Zh: fmt.Sprintf("%s 的下级权重之和为 0，组内改用等权重", c),
					En: fmt.Sprintf("the weights under %s sum to 0: equal weights used within that group", c)})
			}
		}
	}
}
