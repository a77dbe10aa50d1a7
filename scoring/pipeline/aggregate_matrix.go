package pipeline

import (
	"fmt"
	"math"
	"strings"

	"github.com/nqp-index/nqp/scoring/diag"
	"github.com/nqp-index/nqp/scoring/mcda"
)

// NodeDetail holds the intermediate quantities of a whole-matrix method
// (TOPSIS, entropy-TOPSIS, VIKOR, GRA) at one aggregate node for one group
// of rows (a period, or "" for the whole panel). Rows are Result rows;
// per-row vectors follow Rows, per-indicator vectors follow Indicators.
type NodeDetail struct {
	Node       string   `json:"node"`
	Method     string   `json:"method"`
	Period     string   `json:"period,omitempty"`
	Rows       []int    `json:"rows"`
	Indicators []string `json:"indicators"`
	// Weights are the within-node weights used (entropy weights for
	// entropy-topsis).
	Weights Vector `json:"weights"`
	// TOPSIS and entropy-TOPSIS.
	IdealBest  Vector `json:"ideal_best,omitempty"`
	IdealWorst Vector `json:"ideal_worst,omitempty"`
	DPlus      Vector `json:"d_plus,omitempty"`
	DMinus     Vector `json:"d_minus,omitempty"`
	Closeness  Vector `json:"closeness,omitempty"`
	// VIKOR (the score is 1 − Q); CompromiseSet holds Result rows, best Q first.
	S                   Vector `json:"S,omitempty"`
	R                   Vector `json:"R,omitempty"`
	Q                   Vector `json:"Q,omitempty"`
	CompromiseSet       []int  `json:"compromise_set,omitempty"`
	AcceptableAdvantage *bool  `json:"acceptable_advantage,omitempty"`
	AcceptableStability *bool  `json:"acceptable_stability,omitempty"`
	// GRA.
	Reference    Vector   `json:"reference,omitempty"`
	DeltaMin     *float64 `json:"delta_min,omitempty"`
	DeltaMax     *float64 `json:"delta_max,omitempty"`
	Coefficients Matrix   `json:"coefficients,omitempty"`
	Grade        Vector   `json:"grade,omitempty"`
}

// aggGroups returns the row groups compared together by a cross-unit
// method, with their period labels ("" = panel).
func (st *state) aggGroups() ([][]int, []string) {
	if st.r.Aggregate.Scope == AggScopePanel {
		return groupsOf(st.periodOf, len(st.res.Periods), ScopeGlobal), []string{""}
	}
	g := groupsOf(st.periodOf, len(st.res.Periods), ScopePeriod)
	labels := make([]string, len(g))
	for p := range g {
		labels[p] = st.res.Periods[p].Label
	}
	return g, labels
}

// weightSet returns the relative node weights for a group of rows, or an
// error when the rows span periods with different weight sets.
func (st *state) weightSet(idx []int) ([]float64, error) {
	if len(st.rel) == 1 {
		return st.rel[0], nil
	}
	p := st.periodOf[idx[0]]
	for _, i := range idx {
		if st.periodOf[i] != p {
			return nil, st.fail("aggregate-scope-weights",
				"aggregate.scope = panel 需要所有时期使用同一套权重，但权重按时期计算；请改用 aggregate.scope = period 或汇总的熵值法变体",
				"aggregate.scope = panel needs one weight set for all periods, but the weights are per period; use aggregate.scope = period or a pooled weighting variant")
		}
	}
	return st.rel[p], nil
}

// complete returns the rows of idx with a value in every column of cols.
func complete(idx []int, cols [][]float64) (keep []int, dropped int) {
	for _, i := range idx {
		ok := true
		for _, c := range cols {
			if math.IsNaN(c[i]) {
				ok = false
				break
			}
		}
		if ok {
			keep = append(keep, i)
		} else {
			dropped++
		}
	}
	return
}

func (st *state) warnIncomplete(node string, dropped int) {
	if dropped == 0 {
		return
	}
	st.rep.Add(diag.Problem{Severity: diag.Warning, Code: "aggregate-incomplete", Column: node,
		Zh: fmt.Sprintf("%s：%d 个观测的下级指标有缺失，%s 方法需要完整数据，这些观测不计分", node, dropped, st.r.Aggregate.Method),
		En: fmt.Sprintf("%s: %d observations have a missing child; %s needs complete rows, so they get no score", node, dropped, st.r.Aggregate.Method)})
}

func mcdaFail(st *state, node string, err error) error {
	return st.fail("aggregate-"+st.r.Aggregate.Method, fmt.Sprintf("%s 在 %s 处失败：%v", st.r.Aggregate.Method, node, err), fmt.Sprintf("%s failed at %s: %v", st.r.Aggregate.Method, node, err))
}

// copelandNode scores aggregate a by COINr's Copeland rule on its
// children's values (mcda.Copeland): the weighted outranking matrix
// o_ik = Σ w [i > k] + ½ Σ w [i = k], +1/0/−1 per pair, summed. Rows with a
// missing child get no score.
func (st *state) copelandNode(a int, val [][]float64) error {
	t := st.t
	nr := len(st.rows)
	out := make([]float64, nr)
	for i := range out {
		out[i] = math.NaN()
	}
	val[a] = out
	kids := t.children[a]
	cols := make([][]float64, len(kids))
	for k, c := range kids {
		cols[k] = val[c]
	}
	groups, _ := st.aggGroups()
	total := 0
	for _, idx := range groups {
		if len(idx) == 0 {
			continue
		}
		rel, err := st.weightSet(idx)
		if err != nil {
			return err
		}
		rows, dropped := complete(idx, cols)
		total += dropped
		if len(rows) == 0 {
			continue
		}
		y := make([][]float64, len(rows))
		for r, i := range rows {
			y[r] = make([]float64, len(kids))
			for k := range kids {
				y[r][k] = cols[k][i]
			}
		}
		w := make([]float64, len(kids))
		types := make([]int, len(kids))
		for k, c := range kids {
			w[k] = rel[c]
			types[k] = mcda.Benefit
		}
		res, err := mcda.Copeland(y, types, w)
		if err != nil {
			return mcdaFail(st, t.codes[a], err)
		}
		for r, i := range rows {
			out[i] = res.Scores[r]
		}
	}
	st.warnIncomplete(t.codes[a], total)
	return nil
}

// descendants returns the indicator nodes under a and their weights
// within a (the product of relative weights from a down to the indicator).
func descendants(t *tree, a int, rel []float64) (leaves []int, w []float64) {
	var walk func(i int, prod float64)
	walk = func(i int, prod float64) {
		if t.leafCol[i] >= 0 {
			leaves = append(leaves, i)
			w = append(w, prod)
			return
		}
		for _, c := range t.children[i] {
			walk(c, prod*rel[c])
		}
	}
	walk(a, 1)
	return
}

// aggregateMatrix scores every aggregate node with a whole-matrix method on
// its descendant indicators' normalised values, one group of rows at a
// time, and records the method tables.
func (st *state) aggregateMatrix(val [][]float64) error {
	t, ag := st.t, st.r.Aggregate
	nr := len(st.rows)
	groups, labels := st.aggGroups()
	// Aggregates in pre-order (root first), as Result.Aggregates.
	for a := range t.codes {
		if t.aggCol[a] < 0 {
			continue
		}
		out := make([]float64, nr)
		for i := range out {
			out[i] = math.NaN()
		}
		val[a] = out
		total := 0
		for g, idx := range groups {
			if len(idx) == 0 {
				continue
			}
			rel, err := st.weightSet(idx)
			if err != nil {
				return err
			}
			leaves, w := descendants(t, a, rel)
			if len(leaves) == 0 {
				continue
			}
			cols := make([][]float64, len(leaves))
			codes := make([]string, len(leaves))
			types := make([]int, len(leaves))
			for k, l := range leaves {
				cols[k] = val[l]
				codes[k] = t.codes[l]
				types[k] = st.leafType(l)
			}
			// Indicators with no value at all in this group are left out (their
			// weight goes to the others, as the arithmetic mean does); rows
			// missing any remaining indicator get no score.
			cols, codes, types, w = st.dropEmptyColumns(t.codes[a], labels[g], idx, cols, codes, types, w)
			if len(cols) == 0 {
				continue
			}
			rows, dropped := complete(idx, cols)
			total += dropped
			if len(rows) == 0 {
				continue
			}
			x := make([][]float64, len(rows))
			for r, i := range rows {
				x[r] = make([]float64, len(cols))
				for k := range cols {
					x[r][k] = cols[k][i]
				}
			}
			nw, err := mcda.NormalizeWeights(w, len(w))
			if st.r.Weights.AsGiven {
				nw, err = mcda.CheckWeights(w, len(w))
			}
			if err != nil {
				return mcdaFail(st, t.codes[a], err)
			}
			d := NodeDetail{Node: t.codes[a], Method: ag.Method, Period: labels[g], Rows: rows, Indicators: codes, Weights: nw}
			var score []float64
			switch ag.Method {
			case TOPSISAgg:
				res, err := mcda.TOPSIS(x, types, nw, mcda.TOPSISOptions{Normalize: ag.TOPSISNormalize, WeightsIn: ag.WeightsIn, AsGiven: st.r.Weights.AsGiven})
				if err != nil {
					return mcdaFail(st, t.codes[a], err)
				}
				d.IdealBest, d.IdealWorst, d.DPlus, d.DMinus, d.Closeness = res.IdealBest, res.IdealWorst, res.DPlus, res.DMinus, res.Closeness
				score = res.Closeness
			case EntropyTOPSIS:
				res, err := mcda.EntropyTOPSIS(x, types, *ag.EntropyShift)
				if err != nil {
					return mcdaFail(st, t.codes[a], err)
				}
				tp := res.TOPSIS
				d.Weights = res.Entropy.Weights
				d.IdealBest, d.IdealWorst, d.DPlus, d.DMinus, d.Closeness = tp.IdealBest, tp.IdealWorst, tp.DPlus, tp.DMinus, tp.Closeness
				score = tp.Closeness
			case VIKORAgg:
				if len(rows) < 2 {
					continue
				}
				res, err := mcda.VIKOR(x, types, nw, *ag.V)
				if err != nil {
					return mcdaFail(st, t.codes[a], err)
				}
				d.S, d.R, d.Q = res.S, res.R, res.Q
				for _, r := range res.CompromiseSet {
					d.CompromiseSet = append(d.CompromiseSet, rows[r])
				}
				c1, c2 := res.AcceptableAdvantage, res.AcceptableStability
				d.AcceptableAdvantage, d.AcceptableStability = &c1, &c2
				score = make([]float64, len(rows))
				for r, q := range res.Q {
					score[r] = 1 - q
				}
			case GRAAgg:
				opt := mcda.GRAOptions{Rho: *ag.Rho}
				if ag.Reference != "ideal" {
					ri := -1
					for r, i := range rows {
						o := st.res.Rows[i]
						if !equalFoldTrim(st.res.Units[o.Unit].Code, ag.Reference) {
							continue
						}
						if ag.RefPeriod != "" {
							if st.res.Periods[o.Period].Label == ag.RefPeriod {
								ri = r
							}
						} else if ri < 0 || st.res.Rows[rows[ri]].Period < o.Period {
							ri = r
						}
					}
					if ri < 0 {
						return st.fail("aggregate-gra-reference",
							fmt.Sprintf("灰色关联的参考地区 %s 在 %s 的比较范围内没有完整数据", ag.Reference, t.codes[a]),
							fmt.Sprintf("the GRA reference unit %s has no complete row among the units compared at %s", ag.Reference, t.codes[a]))
					}
					opt.Reference = x[ri]
				}
				gw := nw
				if ag.Grade == "mean" {
					gw = nil
				}
				res, err := mcda.GRA(x, types, gw, opt)
				if err != nil {
					return mcdaFail(st, t.codes[a], err)
				}
				rho := res.DeltaMin
				dmax := res.DeltaMax
				d.Reference, d.DeltaMin, d.DeltaMax, d.Coefficients, d.Grade = res.Reference, &rho, &dmax, res.Coefficients, res.Grade
				score = res.Grade
			}
			for r, i := range rows {
				out[i] = score[r]
			}
			st.res.AggregateDetails = append(st.res.AggregateDetails, d)
		}
		st.warnIncomplete(t.codes[a], total)
	}
	return nil
}

// dropEmptyColumns removes the indicators that have no value in any row of
// idx, with a warning naming them and the period.
func (st *state) dropEmptyColumns(node, period string, idx []int, cols [][]float64, codes []string, types []int, w []float64) ([][]float64, []string, []int, []float64) {
	var kc [][]float64
	var kcodes, gone []string
	var kt []int
	var kw []float64
	for k, c := range cols {
		empty := true
		for _, i := range idx {
			if !math.IsNaN(c[i]) {
				empty = false
				break
			}
		}
		if empty {
			gone = append(gone, codes[k])
			continue
		}
		kc, kcodes, kt, kw = append(kc, c), append(kcodes, codes[k]), append(kt, types[k]), append(kw, w[k])
	}
	if len(gone) > 0 {
		where, whereEn := "", ""
		if period != "" {
			where, whereEn = "（时期 "+period+"）", " (period "+period+")"
		}
		st.rep.Add(diag.Problem{Severity: diag.Warning, Code: "aggregate-empty-indicator", Column: node,
			Zh: fmt.Sprintf("%s%s：指标 %s 全部缺失，%s 在其余指标上计算", node, where, strings.Join(gone, "、"), st.r.Aggregate.Method),
			En: fmt.Sprintf("%s%s: indicators %s have no values; %s uses the other indicators", node, whereEn, strings.Join(gone, ", "), st.r.Aggregate.Method)})
	}
	return kc, kcodes, kt, kw
}
