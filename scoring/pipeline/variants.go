package pipeline

import (
	"github.com/nqp-index/nqp/scoring/diag"
	"github.com/nqp-index/nqp/scoring/framework"
	"github.com/nqp-index/nqp/scoring/mcda"
)

// The variants other tools use, which need more than one section of the
// recipe: z-scores that keep negative indicators unflipped
// (normalise.keep_direction) need an aggregation that honours directions,
// and weights used as given (weights.as_given) an aggregation that applies
// them so.

// directionAggregations lists the aggregations that take each indicator's
// direction (the ideal of a cost column is its minimum).
var directionAggregations = []string{TOPSISAgg, EntropyTOPSIS, VIKORAgg, GRAAgg}

// asGivenAggregations lists the aggregations that accept weights as given.
var asGivenAggregations = []string{AMean, WSM, GMean, WPM, TOPSISAgg}

// checkVariants reports a variant combined with an aggregation that would
// silently change its meaning.
func (r *Recipe) checkVariants() error {
	keep := r.Normalise.KeepDirection
	for _, c := range r.Normalise.overrides() {
		keep = keep || r.Normalise.Indicators[c].KeepDirection
	}
	if keep && !contains(directionAggregations, r.Aggregate.Method) {
		return diag.Errorf("normalise.keep_direction 保留负向指标的 z 值方向，需要能按指标方向汇总的方法（topsis、entropy-topsis、vikor、gra），%s 会把负向指标当作越大越好", "normalise.keep_direction keeps negative indicators' z-scores unflipped and needs an aggregation that honours directions (topsis, entropy-topsis, vikor, gra); %s would treat them as larger-is-better", r.Aggregate.Method)
	}
	if err := r.checkObstacle(keep); err != nil {
		return err
	}
	switch r.Rank.Indicators {
	case "", RankIndNormalised, RankIndRaw, RankIndBoth:
	default:
		return bad("rank.indicators", r.Rank.Indicators, "normalised, raw, both (or empty: none)")
	}
	if r.Weights.AsGiven && !contains(asGivenAggregations, r.Aggregate.Method) {
		return diag.Errorf("weights.as_given 只适用于 amean、wsm、gmean、wpm 和 topsis 汇总，不适用于 %s", "weights.as_given applies to the amean, wsm, gmean, wpm and topsis aggregations only, not %s", r.Aggregate.Method)
	}
	return nil
}

// checkObstacle refuses an obstacle analysis on normalised values it would
// misread. The obstacle degree 1 − y reads every indicator's normalised
// value as larger-is-better in the recipe's min-max range: z-scores kept
// unflipped (keep_direction) would count a negative indicator's worst
// value as its best, and an indicator normalised by another method or
// range would be read on the wrong scale. (The other analyses read the
// aggregated scores, which honour directions.)
func (r *Recipe) checkObstacle(keep bool) error {
	at := -1
	for i, a := range r.Analyses {
		if a.Name == AObstacle {
			at = i
			break
		}
	}
	if at < 0 {
		return nil
	}
	field := analysisField(at, "name")
	if keep {
		return diag.Errorf("%s obstacle（障碍度）把标准化值当作越大越好，不能与 normalise.keep_direction（负向指标的 z 值不翻转）同用：负向指标的最差值会被当作最好", "%s obstacle reads normalised values as larger-is-better and cannot be combined with normalise.keep_direction (negative indicators' z-scores unflipped): a negative indicator's worst value would count as its best", field)
	}
	base := r.Normalise.NormSpec
	for _, c := range r.Normalise.overrides() {
		s := r.Normalise.Indicators[c]
		if base.Method == MinMax && s.Method == MinMax && eqPtr(s.Lower, base.Lower) && eqPtr(s.Upper, base.Upper) && s.Shift == base.Shift && !s.NonNegShift {
			continue
		}
		return diag.Errorf("%s obstacle（障碍度）按配方的 min-max 区间读取标准化值，normalise.indicators.%s 的标准化方法或区间不同（%s），其障碍度会按错误的尺度计算", "%s obstacle reads normalised values in the recipe's min-max range; normalise.indicators.%s uses another method or range (%s), so its obstacle degree would be on the wrong scale", field, c, s.Method)
	}
	return nil
}

func eqPtr(a, b *float64) bool {
	return a == nil && b == nil || a != nil && b != nil && *a == *b
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// leafType is the mcda criterion type of indicator node i in the
// whole-matrix methods: Cost for a negative indicator whose z-scores kept
// their direction, Benefit otherwise (every other normalisation makes the
// values larger-is-better).
func (st *state) leafType(i int) int {
	code := st.t.codes[i]
	if st.r.Normalise.specFor(code).KeepDirection && st.fw.Node(code).Direction.Kind == framework.Negative {
		return mcda.Cost
	}
	return mcda.Benefit
}
