package pipeline

import (
	"fmt"
	"math"

	"github.com/nqp-index/nqp/scoring/diag"
)

// Aggregation methods.
const (
	AMean = "amean"
	GMean = "gmean"
)

// Aggregate configures the level-by-level aggregation.
type Aggregate struct {
	Method string `json:"method"` // "amean" (default) or "gmean"
	// Scale multiplies every aggregate score (100 for the usual ×100; default 100).
	Scale *float64 `json:"scale,omitempty"`
	// MinShare: a parent is missing if fewer than this share of its
	// children are available (COINr dat_thresh; default 0 = any child suffices).
	MinShare float64 `json:"min_share"`
}

// resolve fills in the aggregation defaults.
func (a *Aggregate) resolve() {
	if a.Method == "" {
		a.Method = AMean
	}
	if a.Scale == nil {
		a.Scale = fp(100)
	}
}

// check reports invalid aggregation settings.
func (a Aggregate) check() error {
	switch a.Method {
	case AMean, GMean:
	default:
		return bad("aggregate.method", a.Method, "amean, gmean")
	}
	if s := *a.Scale; !(s > 0) {
		return fmt.Errorf("汇总缩放系数必须为正 / aggregate.scale must be positive")
	}
	if a.MinShare < 0 || a.MinShare > 1 {
		return fmt.Errorf("aggregate.min_share 必须在 [0, 1] 内 / aggregate.min_share must be in [0, 1]")
	}
	return nil
}

// aggregate computes every aggregate node for every row, level by level,
// and fills Result.Aggregates and Result.Scores.
func (st *state) aggregate() error {
	res, t, r := st.res, st.t, st.r
	y := res.Normalised
	var aggs []int
	for i := range t.codes {
		if t.aggCol[i] >= 0 {
			aggs = append(aggs, i)
			res.Aggregates = append(res.Aggregates, t.codes[i])
		}
	}
	nr := len(st.rows)
	scores := nanMatrix(nr, len(aggs))
	val := make([]float64, len(t.codes))
	scale := *r.Aggregate.Scale
	for n := 0; n < nr; n++ {
		for i := range t.codes {
			if j := t.leafCol[i]; j >= 0 {
				val[i] = y[n][j]
			}
		}
		w := st.rel[0]
		if len(st.rel) > 1 {
			w = st.rel[st.periodOf[n]]
		}
		for _, a := range t.post {
			v, err := aggregate(t, a, val, w, r.Aggregate)
			if err != nil {
				u, p := res.Units[res.Rows[n].Unit], res.Periods[res.Rows[n].Period]
				st.rep.Add(diag.Problem{Severity: diag.Error, Code: "gmean-nonpositive", Column: t.codes[a],
					Zh: fmt.Sprintf("几何平均要求所有值为正，但 %s 在 %s（%s）有非正值；请改用 min-max [1, 100] 或设置平移量", t.codes[a], u.Name, p.Label),
					En: fmt.Sprintf("the geometric mean needs positive values, but %s has a non-positive value for %s (%s); use min-max to [1, 100] or a shift", t.codes[a], u.Name, p.Label)})
				return st.rep.Err()
			}
			val[a] = v
		}
		for k, a := range aggs {
			scores[n][k] = val[a] * scale
		}
	}
	res.Scores = scores
	return nil
}

// aggregate computes node a from its children's values.
func aggregate(t *tree, a int, val []float64, rel []float64, ag Aggregate) (float64, error) {
	var sw, s float64
	avail := 0
	for _, c := range t.children[a] {
		v := val[c]
		if math.IsNaN(v) {
			continue
		}
		avail++
		w := rel[c]
		switch ag.Method {
		case GMean:
			if w == 0 {
				continue
			}
			if !(v > 0) {
				return 0, fmt.Errorf("non-positive")
			}
			s += w * math.Log(v)
		default:
			s += w * v
		}
		sw += w
	}
	n := len(t.children[a])
	if avail == 0 || float64(avail) < ag.MinShare*float64(n) || !(sw > 0) {
		return math.NaN(), nil
	}
	if ag.Method == GMean {
		return math.Exp(s / sw), nil
	}
	return s / sw, nil
}
