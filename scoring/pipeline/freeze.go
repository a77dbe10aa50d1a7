package pipeline

import (
	"math"

	"github.com/nqp-index/nqp/scoring/diag"
	"github.com/nqp-index/nqp/scoring/framework"
	"github.com/nqp-index/nqp/scoring/mcda"
	"github.com/nqp-index/nqp/scoring/panel"
)

// This file holds two ways of re-using a finished run without running the
// whole pipeline again:
//
//   - Reweight re-aggregates a Result with new relative weights (the
//     workbench's live sliders);
//   - Freeze captures a run as a Model whose Score method scores new
//     observations against the run's own normalisation bounds and weights
//     (the public self-assessment: "where would my region stand?").

// Reweight returns a copy of res re-aggregated with new relative weights:
// weights maps node codes to weights that are rescaled to sum to 1 within
// each group of siblings (nodes not named keep their relative weight in
// res; with several weight sets, the last one). The result is what Run
// gives for the same data with the recipe's weights set to "manual" and the
// framework's weights set to the returned Framework's: the normalised
// values do not depend on the weights, so only the level-by-level means
// (amean, gmean, hmean, genmean) and the ranks are recomputed. The
// whole-matrix and Copeland aggregations compare units with each other and
// need a full run; they are refused.
func Reweight(res *Result, weights map[string]float64) (*Result, error) {
	if res == nil || res.Framework == nil || len(res.Weights) == 0 {
		return nil, diag.Errorf("没有可重新加权的结果", "no result to reweight")
	}
	ag := res.Recipe.Aggregate
	ag.resolve()
	if ag.crossUnit() {
		return nil, diag.Errorf("汇总方法 %s 需要完整重算，不能即时调整权重", "the %s aggregation needs a full run; weights cannot be adjusted live", ag.Method)
	}
	if res.Recipe.Weights.AsGiven {
		return nil, diag.Errorf("weights.as_given 的结果不能即时调整权重（调整时权重按组归一化），请修改指标体系中的权重后重算", "a result with weights.as_given cannot be reweighted live (reweighting rescales the weights); change the framework's weights and run again")
	}
	fw := res.Framework.Clone()
	last := res.Weights[len(res.Weights)-1]
	for _, n := range last.Nodes {
		if node := fw.Node(n.Code); node != nil {
			node.Weight = n.Relative
		}
	}
	for code, w := range weights {
		node := fw.Node(code)
		if node == nil {
			return nil, diag.Errorf("指标体系中没有节点 %s", "the framework has no node %s", code)
		}
		if !(w >= 0) || math.IsInf(w, 0) {
			return nil, diag.Errorf("节点 %s 的权重必须为非负数", "the weight of %s must be non-negative", code)
		}
		node.Weight = w
	}
	t := buildTree(fw, res.Indicators)
	rel, _ := relativeWeights(t, nil, Weights{Method: WManual})
	for i, c := range t.codes { // write the rescaled weights back, as a manual recipe reads them
		if t.parent[i] >= 0 {
			fw.Node(c).Weight = rel[i]
		}
	}
	nr := len(res.Rows)
	val := make([][]float64, len(t.codes))
	for i := range t.codes {
		if j := t.leafCol[i]; j >= 0 {
			col := make([]float64, nr)
			for n := range col {
				col[n] = res.Normalised[n][j]
			}
			val[i] = col
		}
	}
	for _, a := range t.post {
		col := make([]float64, nr)
		for n := range col {
			v, bad := aggregate(t, a, n, val, rel, ag, false)
			if bad != "" {
				return nil, diag.Errorf("%[1]s 要求%[2]s，%[3]s 的下级取值不满足", "%[4]s needs %[5]s, but a child of %[6]s is not", ag.Method, badZh[bad], t.codes[a], ag.Method, badEn[bad], t.codes[a])
			}
			col[n] = v
		}
		val[a] = col
	}
	out := *res
	out.Framework = fw
	out.Recipe.Weights = Weights{Method: WManual}
	out.Recipe.Weights.resolve()
	out.Entropy, out.CRITIC, out.Spread, out.PCA, out.AHP = nil, nil, nil, nil, nil
	out.Combination, out.VH, out.Optimised, out.Noise, out.Analyses = nil, nil, nil, nil, nil
	eff := effective(t, rel)
	ws := WeightSet{}
	for i, c := range t.codes {
		p := ""
		if t.parent[i] >= 0 {
			p = t.codes[t.parent[i]]
		}
		ws.Nodes = append(ws.Nodes, NodeWeight{Code: c, Parent: p, Level: t.level[i], Relative: rel[i], Effective: eff[i]})
	}
	out.Weights = []WeightSet{ws}
	scale := *ag.Scale
	out.Aggregates = nil
	var aggs []int
	for i := range t.codes {
		if t.aggCol[i] >= 0 {
			aggs = append(aggs, i)
			out.Aggregates = append(out.Aggregates, t.codes[i])
		}
	}
	out.Scores = nanMatrix(nr, len(aggs))
	for k, a := range aggs {
		for n := 0; n < nr; n++ {
			out.Scores[n][k] = val[a][n] * scale
		}
	}
	periodOf := make([]int, nr)
	for n, o := range res.Rows {
		periodOf[n] = o.Period
	}
	out.Ranks = rankBy(out.Scores, periodOf, nil)
	if res.GroupBy != "" {
		out.GroupRanks = rankBy(out.Scores, periodOf, res.Groups)
	}
	return &out, nil
}

// ModelSchema versions Model files.
const ModelSchema = "nqp-model/1"

// Model is a frozen run: everything needed to score new observations as
// the original run scored its own, for the same values. It holds the
// framework with the run's relative weights (as manual weights), each
// indicator's normalisation with the parameters the run computed from its
// data (min and max for min-max, mean and sd for z-score…), the
// denominate pairs, the aggregation with its scale, and the run's index
// scores, so that a new unit can be placed among them.
//
// The parameters are those of the pooled normalisation group, or of the
// latest period when the recipe normalises (or weights, with the
// per-period entropy variant) period by period: Period names it.
//
// Choice: new values are not truncated. A value beyond the frozen range
// gives a normalised value outside [lower, upper] (for min-max) and an
// index outside the original scale, which says how far beyond the
// original units the new one lies; Norms[j].RawMin/RawMax let a caller
// flag such values. Goalposts keep their own trunc2posts setting.
//
// Data-dependent pre-steps (impute, treat) cannot be frozen and are
// refused; screening is not applied to new data; the cross-unit
// aggregations (copeland, topsis, vikor, gra) are refused.
type Model struct {
	Schema     string               `json:"schema"`
	Recipe     Recipe               `json:"recipe"`           // the frozen run's recipe, for the record
	Period     string               `json:"period,omitempty"` // period whose bounds and weights were frozen ("" = pooled)
	Framework  *framework.Framework `json:"framework"`        // weights are the run's relative weights
	Columns    []IndicatorColumn    `json:"columns"`
	Norms      []FrozenNorm         `json:"norms"` // one per indicator, in Columns order
	Denominate Denominate           `json:"denominate"`
	// Denominators are the data columns the denominate step divides by
	// (population, GDP…) that are not indicator columns: new data must
	// carry them too.
	Denominators []string     `json:"denominators,omitempty"`
	Aggregate    Aggregate    `json:"aggregate"`
	Rank         Rank         `json:"rank"`
	Scores       []ModelScore `json:"scores"` // the run's index scores
}

// ModelScore is one index score of the frozen run.
type ModelScore struct {
	Unit   string  `json:"unit"` // code
	Name   string  `json:"name"`
	Period string  `json:"period"`
	Score  float64 `json:"score"`
}

// FrozenNorm is one indicator's normalisation with fixed parameters. The
// values normalised are the "larger is better" values v of the pipeline:
// x for positive indicators, −x for negative ones and −|x − best| (minus
// the distance to the interval) for moderate and interval indicators;
// 1/x for negative indicators under the reciprocal option.
type FrozenNorm struct {
	Indicator  string              `json:"indicator"`
	Method     string              `json:"method"` // minmax, rescale, zscore, goalposts, scaled or none
	Direction  framework.Direction `json:"direction"`
	Reciprocal bool                `json:"reciprocal,omitempty"`
	// RawMin and RawMax are the range of the values normalised (after
	// denominate), in the indicator's units.
	RawMin float64 `json:"raw_min"`
	RawMax float64 `json:"raw_max"`
	// minmax/rescale: y = (v − Min)/(Max − Min)·(Upper − Lower) + Lower + Shift;
	// for moderate and interval indicators y = (1 − d/Max)·(Upper − Lower) + Lower + Shift
	// with d the distance to the best value.
	Min   float64 `json:"min,omitempty"`
	Max   float64 `json:"max,omitempty"`
	Lower float64 `json:"lower,omitempty"`
	Upper float64 `json:"upper,omitempty"`
	Shift float64 `json:"shift,omitempty"`
	// zscore: y = (v − Mean)/SD·TargetSD + TargetMean (sample sd).
	Mean       float64 `json:"mean,omitempty"`
	SD         float64 `json:"sd,omitempty"`
	TargetMean float64 `json:"target_mean,omitempty"`
	TargetSD   float64 `json:"target_sd,omitempty"`
	// goalposts: y = (v − GoalLower)/(GoalUpper − GoalLower)·GoalScale, in
	// the larger-is-better space (COINr's −hi, −lo for negative indicators).
	GoalLower float64 `json:"goal_lower,omitempty"`
	GoalUpper float64 `json:"goal_upper,omitempty"`
	GoalScale float64 `json:"goal_scale,omitempty"`
	Trunc     bool    `json:"trunc,omitempty"`
	// scaled: y = (v − ScaledLower)/(ScaledUpper − ScaledLower)·ScaleFactor.
	ScaledLower float64 `json:"scaled_lower,omitempty"`
	ScaledUpper float64 `json:"scaled_upper,omitempty"`
	ScaleFactor float64 `json:"scale_factor,omitempty"`
	// NonNegAdd is the non-negative shift the run added (0 if none).
	NonNegAdd float64 `json:"nonneg_add,omitempty"`
	// Constant: the indicator did not vary; every value maps to Value.
	Constant bool    `json:"constant,omitempty"`
	Value    float64 `json:"value,omitempty"`
	// Empty: the indicator had no value; new values are ignored (missing).
	Empty bool `json:"empty,omitempty"`
}

// Apply normalises one raw value x (in the indicator's units, after
// denominate) with the frozen parameters. NaN stays NaN.
func (f *FrozenNorm) Apply(x float64) float64 {
	if math.IsNaN(x) || f.Empty {
		return math.NaN()
	}
	d := f.Direction
	if f.Reciprocal && d.Kind == framework.Negative {
		if !(x > 0) {
			return math.NaN()
		}
		x, d = 1/x, framework.Direction{Kind: framework.Positive}
	}
	var y float64
	switch {
	case f.Constant:
		y = f.Value
	case f.Method == MinMax || f.Method == Rescale:
		l, u := f.Lower, f.Upper
		if d.Kind == framework.Moderate || d.Kind == framework.Interval {
			s := 1 - (-goodness(x, d))/f.Max
			y = s*(u-l) + l + f.Shift
		} else {
			v := goodness(x, d)
			y = mcda.Lerp(l, u, mcda.Frac(v, f.Min, f.Max, f.Min)) + f.Shift
		}
	case f.Method == ZScore:
		y = mcda.Frac(goodness(x, d), f.Mean, f.SD, 0)*f.TargetSD + f.TargetMean
	case f.Method == Goalposts:
		r := mcda.Frac(goodness(x, d), f.GoalLower, f.GoalUpper, f.GoalLower)
		if f.Trunc {
			r = math.Min(math.Max(r, 0), 1)
		}
		y = r * f.GoalScale
	case f.Method == Scaled:
		y = mcda.Frac(goodness(x, d), f.ScaledLower, f.ScaledUpper, f.ScaledLower) * f.ScaleFactor
	default: // none
		y = goodness(x, d)
	}
	return y + f.NonNegAdd
}

// Outside reports whether x lies outside the range of the frozen run's
// values of the indicator.
func (f *FrozenNorm) Outside(x float64) bool {
	return !f.Empty && !math.IsNaN(x) && (x < f.RawMin || x > f.RawMax)
}

// Freeze captures res as a Model (see Model for what is frozen and what is
// refused).
func Freeze(res *Result) (Model, error) {
	if res == nil || res.Framework == nil || len(res.Weights) == 0 || len(res.Rows) == 0 {
		return Model{}, diag.Errorf("没有可固化的结果", "no result to freeze")
	}
	r := res.Recipe
	r.Resolve()
	if r.Impute.Method != ImpNone || r.Treat.Method != TreatNone {
		return Model{}, diag.Errorf("插补与异常值处理依赖整个数据集，含这两步的配方不能固化", "a recipe with imputation or outlier treatment cannot be frozen: both depend on the whole data set")
	}
	if r.Aggregate.crossUnit() {
		return Model{}, diag.Errorf("汇总方法 %s 在地区之间比较，不能固化", "the %s aggregation compares units with each other and cannot be frozen", r.Aggregate.Method)
	}
	last := len(res.Periods) - 1
	m := Model{Schema: ModelSchema, Recipe: r, Columns: res.Columns, Denominate: r.Denominate, Aggregate: r.Aggregate, Rank: r.Rank}
	ws := res.Weights[0]
	if len(res.Weights) > 1 {
		ws = res.Weights[len(res.Weights)-1]
		m.Period = ws.Period
	}
	if r.Normalise.Scope == ScopePeriod {
		m.Period = res.Periods[last].Label
	}
	// the rows of the normalisation group
	var idx []int
	for n, o := range res.Rows {
		if r.Normalise.Scope != ScopePeriod || o.Period == last {
			idx = append(idx, n)
		}
	}
	x := res.Raw
	if r.Denominate.Enabled && res.Denominated != nil {
		x = res.Denominated
		scored := map[string]bool{}
		for _, c := range res.Columns {
			scored[c.Column] = true
		}
		for _, d := range res.Denominators {
			if !scored[d.Denominator] {
				scored[d.Denominator] = true
				m.Denominators = append(m.Denominators, d.Denominator)
			}
		}
	}
	for j, c := range res.Indicators {
		node := res.Framework.Node(c)
		if node == nil {
			return Model{}, diag.Errorf("指标 %s 不在指标体系中", "indicator %s is not in the framework", c)
		}
		s := r.Normalise.specFor(c)
		col := make([]float64, len(idx))
		for k, n := range idx {
			col[k] = x[n][j]
		}
		f, err := freezeColumn(c, col, node.Direction, s)
		if err != nil {
			return Model{}, err
		}
		if s.NonNegShift {
			for _, dt := range res.NormaliseDetails {
				if dt.Indicator == c && dt.Period == m.Period {
					f.NonNegAdd = dt.Params["nonneg_added"]
				}
			}
		}
		m.Norms = append(m.Norms, f)
	}
	fw := res.Framework.Clone()
	for _, n := range ws.Nodes {
		if node := fw.Node(n.Code); node != nil {
			node.Weight = n.Relative
		}
	}
	m.Framework = fw
	if k := res.AggregateIndex(fw.Root()); k >= 0 {
		for n, o := range res.Rows {
			if v := res.Scores[n][k]; !math.IsNaN(v) {
				u := res.Units[o.Unit]
				m.Scores = append(m.Scores, ModelScore{Unit: u.Code, Name: u.Name, Period: res.Periods[o.Period].Label, Score: v})
			}
		}
	}
	return m, nil
}

// freezeColumn computes one indicator's parameters as the pipeline does
// (minmaxColumn, zscoreColumn, coinrColumn) over the group's values x.
func freezeColumn(code string, x []float64, d framework.Direction, s *NormSpec) (FrozenNorm, error) {
	f := FrozenNorm{Indicator: code, Method: s.Method, Direction: d, Reciprocal: s.Reciprocal && d.Kind == framework.Negative}
	f.RawMin, f.RawMax = math.Inf(1), math.Inf(-1)
	v := make([]float64, 0, len(x))
	for _, xv := range x {
		if math.IsNaN(xv) {
			continue
		}
		f.RawMin, f.RawMax = math.Min(f.RawMin, xv), math.Max(f.RawMax, xv)
		if f.Reciprocal {
			if !(xv > 0) {
				continue
			}
			xv = 1 / xv
		}
		v = append(v, xv)
	}
	if f.Reciprocal {
		d = framework.Direction{Kind: framework.Positive}
	}
	if len(v) == 0 {
		f.Empty, f.RawMin, f.RawMax = true, 0, 0
		return f, nil
	}
	plain := d.Kind == framework.Positive || d.Kind == framework.Negative
	switch s.Method {
	case MinMax, Rescale:
		l, u := *s.Lower, *s.Upper
		f.Lower, f.Upper, f.Shift = l, u, s.Shift
		if !plain {
			m := 0.0
			for _, xv := range v {
				if g := -goodness(xv, d); g > m {
					m = g
				}
			}
			if m == 0 {
				f.Constant, f.Value = true, 1.0*(u-l)+l+s.Shift
			}
			f.Max = m
			break
		}
		lo, hi := math.Inf(1), math.Inf(-1)
		for _, xv := range v {
			g := goodness(xv, d)
			lo, hi = math.Min(lo, g), math.Max(hi, g)
		}
		f.Min, f.Max = lo, hi
		if !(hi > lo) {
			f.Constant, f.Value = true, l+s.Shift
		}
	case ZScore:
		g := make([]float64, len(v))
		for k, xv := range v {
			g[k] = goodness(xv, d)
		}
		mo := mcda.ColumnMoments(g, 1) // no overflow of Σx, no underflow of Σ(x − mean)²
		sd := mo.SD()
		f.Mean, f.SD, f.TargetMean, f.TargetSD = mo.Mean(), sd, *s.Mean, *s.SD
		if !mo.Varies() {
			f.Constant, f.Value = true, *s.Mean
		}
	case Goalposts, Scaled, NNone:
		if !plain {
			return f, diag.Errorf("指标 %s 为适度/区间型，%s 标准化不能固化", "indicator %s is moderate/interval: its %s normalisation cannot be frozen", code, s.Method)
		}
		switch s.Method {
		case Goalposts:
			gl, gu := *s.GoalLower, *s.GoalUpper
			if d.Kind == framework.Negative {
				gl, gu = -gu, -gl
			}
			f.GoalLower, f.GoalUpper, f.GoalScale, f.Trunc = gl, gu, *s.GoalScale, *s.Trunc2Posts
		case Scaled:
			f.ScaledLower, f.ScaledUpper, f.ScaleFactor = *s.ScaledLower, *s.ScaledUpper, *s.ScaleFactor
		}
	default:
		return f, diag.Errorf("标准化方法 %s（指标 %s）依赖整个数据集的排序或参照，不能固化；请改用 min-max、z-score、goalposts 或 scaled", "the %s normalisation (indicator %s) depends on the whole data set and cannot be frozen; use minmax, zscore, goalposts or scaled", s.Method, code)
	}
	return f, nil
}

// Score scores the observations of p with the frozen model: the
// indicators are read from the columns the frozen run read (Columns),
// denominated as the run did, normalised with the frozen parameters,
// weighted with the frozen weights and aggregated with the frozen method
// and scale. Ranks are among the rows of p; to place a unit among the
// frozen run's units, compare its index with Scores (see RankAmong).
// Every period of p is scored (no coverage screen).
func (m Model) Score(p *panel.Panel) (*Result, error) {
	if m.Schema != ModelSchema {
		return nil, diag.Errorf("不是本工具的模型文件（版本 %q）", "not a model file of this tool (schema %q)", m.Schema)
	}
	if m.Framework == nil || len(m.Norms) == 0 {
		return nil, diag.Errorf("模型文件不完整", "the model file is incomplete")
	}
	r := Recipe{Denominate: m.Denominate, Normalise: Normalise{NormSpec: NormSpec{Method: NNone}}, Weights: Weights{Method: WManual}, Aggregate: m.Aggregate, Rank: m.Rank}
	r.Select.MinPeriodCoverage = fp(0)
	r.Resolve()
	if err := r.Check(); err != nil {
		return nil, err
	}
	if r.Aggregate.crossUnit() {
		return nil, diag.Errorf("模型的汇总方法 %s 不能用于新数据", "the model's aggregation %s cannot score new data", r.Aggregate.Method)
	}
	cols := map[string]string{}
	for _, c := range m.Columns {
		cols[c.Code] = c.Column
	}
	norms := map[string]*FrozenNorm{}
	for i := range m.Norms {
		norms[m.Norms[i].Indicator] = &m.Norms[i]
	}
	st, err := prepare(Input{Data: p, Framework: m.Framework, Columns: cols}, r)
	if err != nil {
		return nil, err
	}
	st.buildRaw()
	if err := st.denominate(); err != nil {
		return nil, err
	}
	if st.rep.HasErrors() {
		return nil, st.rep.Err()
	}
	st.reportMissing()
	st.yc = newMatrix(len(st.leaves), len(st.rows))
	for j, c := range st.leaves {
		f := norms[c]
		for n := range st.rows {
			if f == nil {
				st.yc[j][n] = math.NaN()
			} else {
				st.yc[j][n] = f.Apply(st.xc[j][n])
				// 1/x of a tiny x, or a value far outside the frozen
				// range: an error naming it, never ±Inf in the scores.
				if math.IsInf(st.yc[j][n], 0) {
					return nil, diag.Errorf("指标 %s 的值 %g 经冻结模型标准化后超出双精度浮点数的范围", "indicator %s: the value %g normalised by the frozen model is beyond the range of double-precision numbers", c, st.xc[j][n])
				}
			}
		}
	}
	st.res.Normalised = transpose(st.yc)
	t := st.t
	rel, _ := relativeWeights(t, nil, Weights{Method: WManual})
	// Groups that kept all their members use the frozen weights as they
	// are (rescaling them again could move the last bit); groups that lost
	// an indicator missing from p are rescaled over the members left.
	for i, c := range t.codes {
		if len(t.children[i]) > 0 && len(t.children[i]) == len(m.Framework.Children(c)) {
			for _, k := range t.children[i] {
				rel[k] = m.Framework.Node(t.codes[k]).Weight
			}
		}
	}
	st.rel = [][]float64{rel}
	eff := effective(t, rel)
	ws := WeightSet{Period: m.Period}
	for i, c := range t.codes {
		par := ""
		if t.parent[i] >= 0 {
			par = t.codes[t.parent[i]]
		}
		ws.Nodes = append(ws.Nodes, NodeWeight{Code: c, Parent: par, Level: t.level[i], Relative: rel[i], Effective: eff[i]})
	}
	st.res.Weights = []WeightSet{ws}
	if err := st.aggregate(); err != nil {
		return nil, err
	}
	st.rank()
	st.res.Recipe = m.Recipe
	st.res.Report = *st.rep
	return st.res, nil
}

// RankAmong returns the rank that index score v would have among the
// frozen run's index scores of period (1 = best; ties share the better
// rank) and the number of units it is ranked among (including itself).
func (m Model) RankAmong(v float64, period string) (rank, of int) {
	rank, of = 1, 1
	for _, s := range m.Scores {
		if s.Period != period {
			continue
		}
		of++
		if s.Score > v {
			rank++
		}
	}
	return rank, of
}

// Periods returns the periods of the frozen run's scores, in order.
func (m Model) Periods() []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range m.Scores {
		if !seen[s.Period] {
			seen[s.Period] = true
			out = append(out, s.Period)
		}
	}
	return out
}
