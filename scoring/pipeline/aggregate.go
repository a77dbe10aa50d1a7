package pipeline

import (
	"fmt"
	"math"

	"github.com/nqp-index/nqp/scoring/diag"
)

// Aggregation methods. Level by level (each parent from its children, as
// COINr's Aggregate): amean (= wsm), gmean (= wpm), hmean, genmean and
// copeland. Whole-matrix methods (each aggregate from all its descendant
// indicators at once, with their within-node effective weights): topsis,
// entropy-topsis, vikor and gra.
const (
	AMean         = "amean"
	GMean         = "gmean"
	HMean         = "hmean"
	GenMean       = "genmean"
	WSM           = "wsm"
	WPM           = "wpm"
	CopelandAgg   = "copeland"
	TOPSISAgg     = "topsis"
	EntropyTOPSIS = "entropy-topsis"
	VIKORAgg      = "vikor"
	GRAAgg        = "gra"
)

const aggregateMethods = "amean, gmean, hmean, genmean, wsm, wpm, copeland, topsis, entropy-topsis, vikor, gra"

// Scopes of the cross-unit methods (copeland, topsis, entropy-topsis,
// vikor, gra): the units compared together.
const (
	AggScopePeriod = "period" // each period on its own (default)
	AggScopePanel  = "panel"  // all unit-periods together (ideals fixed over the panel)
)

// Aggregate configures the aggregation.
type Aggregate struct {
	Method string `json:"method"` // see aggregateMethods; "amean" by default
	// Scale multiplies every aggregate score (100 for the usual ×100; default 100).
	Scale *float64 `json:"scale,omitempty"`
	// MinShare: a parent is missing if fewer than this share of its
	// children are available (COINr dat_thresh; default 0 = any child suffices).
	MinShare float64 `json:"min_share"`
	// P is the exponent of the generalised mean (required, ≠ 0).
	P *float64 `json:"p,omitempty"`
	// StrictNA makes genmean missing when any child is missing, as COINr's
	// a_genmean (whose sums have no na.rm). By default missing children are
	// skipped and the weights renormalised, as for amean.
	StrictNA bool `json:"strict_na,omitempty"`
	// Scope of the cross-unit methods: "period" (default) or "panel".
	Scope string `json:"scope,omitempty"`
	// TOPSIS: the normalisation inside TOPSIS, "vector" (default, classic),
	// "minmax" or "none"; and where the weights enter, "matrix" (default,
	// v = w·z) or "distance" (D = √Σ w (z − z*)²).
	TOPSISNormalize string `json:"topsis_normalize,omitempty"`
	WeightsIn       string `json:"weights_in,omitempty"`
	// EntropyShift is SPSSAU's non-negative shift in entropy-topsis (0.01).
	EntropyShift *float64 `json:"entropy_shift,omitempty"`
	// V is VIKOR's weight of the group utility S (default 0.5). The score is
	// 1 − Q (larger is better), so ranks follow Q ascending.
	V *float64 `json:"v,omitempty"`
	// GRA: the distinguishing coefficient ρ (default 0.5), the reference
	// sequence ("ideal", the column maxima, by default; or a unit code),
	// its period when the panel holds several rows of that unit (default:
	// the latest), and the grade: "weighted" (Σ w ξ, default) or "mean".
	Rho       *float64 `json:"rho,omitempty"`
	Reference string   `json:"reference,omitempty"`
	RefPeriod string   `json:"ref_period,omitempty"`
	Grade     string   `json:"grade,omitempty"`
}

// matrixMethod reports whether the method scores each aggregate from its
// descendant indicators at once.
func (a Aggregate) matrixMethod() bool {
	switch a.Method {
	case TOPSISAgg, EntropyTOPSIS, VIKORAgg, GRAAgg:
		return true
	}
	return false
}

// crossUnit reports whether the method compares units with each other.
func (a Aggregate) crossUnit() bool { return a.matrixMethod() || a.Method == CopelandAgg }

// resolve fills in the aggregation defaults.
func (a *Aggregate) resolve() {
	if a.Method == "" {
		a.Method = AMean
	}
	if a.Scale == nil {
		a.Scale = fp(100)
	}
	if a.crossUnit() && a.Scope == "" {
		a.Scope = AggScopePeriod
	}
	switch a.Method {
	case TOPSISAgg:
		if a.TOPSISNormalize == "" {
			a.TOPSISNormalize = "vector"
		}
		if a.WeightsIn == "" {
			a.WeightsIn = "matrix"
		}
	case EntropyTOPSIS:
		if a.EntropyShift == nil {
			a.EntropyShift = fp(0.01)
		}
	case VIKORAgg:
		if a.V == nil {
			a.V = fp(0.5)
		}
	case GRAAgg:
		if a.Rho == nil {
			a.Rho = fp(0.5)
		}
		if a.Reference == "" {
			a.Reference = "ideal"
		}
		if a.Grade == "" {
			a.Grade = "weighted"
		}
	}
}

// check reports invalid aggregation settings.
func (a Aggregate) check() error {
	switch a.Method {
	case AMean, GMean, HMean, WSM, WPM, CopelandAgg, TOPSISAgg, EntropyTOPSIS, VIKORAgg, GRAAgg:
	case GenMean:
		if a.P == nil || *a.P == 0 || math.IsNaN(*a.P) || math.IsInf(*a.P, 0) {
			return diag.Errorf("广义均值需要非零有限的指数 aggregate.p", "genmean needs a finite, non-zero aggregate.p")
		}
	default:
		return bad("aggregate.method", a.Method, aggregateMethods)
	}
	if s := *a.Scale; !(s > 0) {
		return diag.Errorf("汇总缩放系数必须为正", "aggregate.scale must be positive")
	}
	if a.MinShare < 0 || a.MinShare > 1 {
		return diag.Errorf("aggregate.min_share 必须在 [0, 1] 内", "aggregate.min_share must be in [0, 1]")
	}
	if a.crossUnit() {
		switch a.Scope {
		case AggScopePeriod, AggScopePanel:
		default:
			return bad("aggregate.scope", a.Scope, "period, panel")
		}
	}
	switch a.Method {
	case TOPSISAgg:
		switch a.TOPSISNormalize {
		case "vector", "minmax", "none":
		default:
			return bad("aggregate.topsis_normalize", a.TOPSISNormalize, "vector, minmax, none")
		}
		switch a.WeightsIn {
		case "matrix", "distance":
		default:
			return bad("aggregate.weights_in", a.WeightsIn, "matrix, distance")
		}
	case EntropyTOPSIS:
		if s := *a.EntropyShift; !(s > 0) || math.IsInf(s, 0) {
			return diag.Errorf("aggregate.entropy_shift 必须为正", "aggregate.entropy_shift must be positive")
		}
	case VIKORAgg:
		if v := *a.V; !(v >= 0 && v <= 1) {
			return diag.Errorf("VIKOR 参数 v 须在 [0, 1] 内", "aggregate.v must be in [0, 1]")
		}
	case GRAAgg:
		if r := *a.Rho; !(r > 0 && r <= 1) {
			return diag.Errorf("分辨系数 ρ 须在 (0, 1] 内", "aggregate.rho must be in (0, 1]")
		}
		switch a.Grade {
		case "weighted", "mean":
		default:
			return bad("aggregate.grade", a.Grade, "weighted, mean")
		}
	}
	return nil
}

// aggregate computes every aggregate node for every row and fills
// Result.Aggregates and Result.Scores: level by level for the means and
// Copeland, from the descendant indicators for the whole-matrix methods.
func (st *state) aggregate() error {
	if st.rep.HasErrors() { // a normalisation error
		return st.rep.Err()
	}
	res, t, r := st.res, st.t, st.r
	var aggs []int
	for i := range t.codes {
		if t.aggCol[i] >= 0 {
			aggs = append(aggs, i)
			res.Aggregates = append(res.Aggregates, t.codes[i])
		}
	}
	nr := len(st.rows)
	// val[node] is the node's column over the rows: the normalised values
	// of an indicator, or the unscaled score of an aggregate.
	val := make([][]float64, len(t.codes))
	for i := range t.codes {
		if j := t.leafCol[i]; j >= 0 {
			val[i] = st.yc[j]
		}
	}
	var err error
	switch {
	case r.Aggregate.matrixMethod():
		err = st.aggregateMatrix(val)
	default:
		for _, a := range t.post {
			if r.Aggregate.Method == CopelandAgg {
				if err = st.copelandNode(a, val); err != nil {
					break
				}
				continue
			}
			col := make([]float64, nr)
			for n := 0; n < nr; n++ {
				w := st.rel[0]
				if len(st.rel) > 1 {
					w = st.rel[st.periodOf[n]]
				}
				v, bad := aggregate(t, a, n, val, w, r.Aggregate, r.Weights.AsGiven)
				if bad != "" {
					u, p := res.Units[res.Rows[n].Unit], res.Periods[res.Rows[n].Period]
					return st.fail(r.Aggregate.Method+"-"+bad,
						fmt.Sprintf("%s 要求%s，但 %s 在 %s（%s）的下级取值不满足；请改用 min-max [1, 100] 或设置平移量", r.Aggregate.Method, badZh[bad], t.codes[a], u.Name, p.Label),
						fmt.Sprintf("%s needs %s, but a child of %s for %s (%s) is not; use min-max to [1, 100] or a shift", r.Aggregate.Method, badEn[bad], t.codes[a], u.Name, p.Label))
				}
				col[n] = v
			}
			val[a] = col
		}
	}
	if err != nil {
		return err
	}
	scale := *r.Aggregate.Scale
	scores := nanMatrix(nr, len(aggs))
	for k, a := range aggs {
		for n := 0; n < nr; n++ {
			scores[n][k] = val[a][n] * scale
		}
	}
	res.Scores = scores
	return nil
}

var (
	badZh = map[string]string{"nonpositive": "所有值为正", "zero": "所有值非零"}
	badEn = map[string]string{"nonpositive": "positive values", "zero": "non-zero values"}
)

// aggregate computes node a for row n from its children's values with the
// level-by-level means. bad is "nonpositive" or "zero" when a value is
// outside the method's domain.
//
// asGiven (weights.as_given) skips the division by Σw: Σ w x and
// exp(Σ w ln x) with the weights as given (pymcdm, scikit-criteria); a
// parent with a missing child is then missing.
func aggregate(t *tree, a, n int, val [][]float64, rel []float64, ag Aggregate, asGiven bool) (v float64, bad string) {
	var sw, s float64
	avail := 0
	p := 0.0
	if ag.P != nil {
		p = *ag.P
	}
	for _, c := range t.children[a] {
		v := val[c][n]
		if math.IsNaN(v) {
			if ag.Method == GenMean && ag.StrictNA || asGiven {
				return math.NaN(), ""
			}
			continue
		}
		avail++
		w := rel[c]
		switch ag.Method {
		case GMean, WPM:
			if w == 0 {
				continue
			}
			if !(v > 0) {
				return 0, "nonpositive"
			}
			s += w * math.Log(v)
		case HMean:
			if v == 0 {
				return 0, "zero"
			}
			s += w / v
		case GenMean:
			if p < 0 && !(v > 0) {
				return 0, "nonpositive"
			}
			s += w * math.Pow(v, p)
		default:
			s += w * v
		}
		sw += w
	}
	nc := len(t.children[a])
	if avail == 0 || float64(avail) < ag.MinShare*float64(nc) || !(sw > 0) {
		return math.NaN(), ""
	}
	if asGiven {
		sw = 1
	}
	switch ag.Method {
	case GMean, WPM:
		return math.Exp(s / sw), ""
	case HMean:
		return sw / s, ""
	case GenMean:
		return math.Pow(s/sw, 1/p), ""
	}
	return s / sw, ""
}
