package pipeline

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/nqp-index/nqp/scoring/diag"
	"github.com/nqp-index/nqp/scoring/framework"
	"github.com/nqp-index/nqp/scoring/mcda"
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

// minmaxColumn applies (direction-aware) min-max scaling to [l, u] plus shift.
// Positive and negative indicators follow COINr's n_minmax exactly
// (x ← x·Direction; (x−min)/(max−min)·(u−l)+l); moderate and interval
// indicators use the literature's 1 − |x − best|/max|x − best| and its
// interval analogue, mapped to [l, u].
func minmaxColumn(x, y []float64, idx []int, d framework.Direction, l, u, shift float64) bool {
	switch d.Kind {
	case framework.Moderate, framework.Interval:
		k, dk := scaledGoodness(x, idx, d) // no overflow in |x − best|
		m := 0.0
		for _, i := range idx {
			if v := x[i]; !math.IsNaN(v) {
				if g := -goodness(v*k, dk); g > m {
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
				s = 1 - (-goodness(v*k, dk))/m
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
		y[i] = mcda.Lerp(l, u, mcda.Frac(v, lo, hi, lo)) + shift // exact when max − min overflows
	}
	return constant
}

// zscoreColumn applies (x−mean)/sd·sd' + mean' with the sample sd (n−1),
// or the population sd (n) when population, on direction-adjusted values.
func zscoreColumn(x, y []float64, idx []int, d framework.Direction, mu, sigma float64, population bool) bool {
	// The moments are computed in a power-of-two scale (mcda.ColumnMoments):
	// no overflow of Σx or Σ(x − mean)² for ±1e308, no underflow for 1e-300s.
	k, dk := scaledGoodness(x, idx, d)
	g := make([]float64, len(idx))
	for n, i := range idx {
		g[n] = math.NaN()
		if v := x[i]; !math.IsNaN(v) {
			g[n] = goodness(v*k, dk)
		}
	}
	ddof := 1
	if population {
		ddof = 0
	}
	mo := mcda.ColumnMoments(g, ddof)
	constant := !mo.Varies()
	for n, i := range idx {
		switch {
		case math.IsNaN(g[n]):
			y[i] = math.NaN()
		case constant:
			y[i] = mu
		default:
			y[i] = mo.Z(g[n])*sigma + mu
		}
	}
	return constant
}

// Normalisation methods. COINr's n_* functions: minmax, zscore, scaled,
// rank, borda, prank, fracmax, dist2max, dist2ref, dist2targ, goalposts and
// none. The literature's (SPSSAU 生成变量 → 量纲处理, TOPSIS/GRA papers):
// vector, sum, max, min, mean, initial and rescale (= minmax).
const (
	MinMax     = "minmax"
	ZScore     = "zscore"
	Scaled     = "scaled"
	NRank      = "rank"
	Borda      = "borda"
	PRank      = "prank"
	FracMax    = "fracmax"
	Dist2Max   = "dist2max"
	Dist2Ref   = "dist2ref"
	Dist2Targ  = "dist2targ"
	Goalposts  = "goalposts"
	NNone      = "none"
	VectorNorm = "vector"
	SumNorm    = "sum"
	MaxNorm    = "max"
	MinNorm    = "min"
	MeanNorm   = "mean"
	Initial    = "initial"
	Rescale    = "rescale"
	// PymcdmMax is pymcdm's max_normalization: x/max, cost 1 − x/max.
	PymcdmMax = "pymcdm-max"
)

const normaliseMethods = "minmax, zscore, scaled, rank, borda, prank, fracmax, dist2max, dist2ref, dist2targ, goalposts, none, vector, sum, max, min, mean, initial, rescale, pymcdm-max"

// Scopes of normalisation and of objective weights.
const (
	ScopeGlobal = "global" // pool all periods (the default)
	ScopePeriod = "period" // each period on its own
)

// NormSpec is one normalisation method with its parameters. The recipe's
// Normalise holds the spec for every indicator, and Normalise.Indicators
// may override it for single indicators (COINr's indiv_specs).
// Parameters are read only by the method that uses them.
type NormSpec struct {
	// Method is one of the names above ("minmax" by default).
	Method string `json:"method"`
	// MinMax / rescale: y = l + (u−l)(x−min)/(max−min) + shift.
	Lower *float64 `json:"lower,omitempty"` // default 0
	Upper *float64 `json:"upper,omitempty"` // default 1
	Shift float64  `json:"shift"`           // δ added after min-max scaling (e.g. 0.0001)
	// ZScore: y = (x−mean)/sd·SD + Mean with the sample sd (n−1).
	Mean *float64 `json:"mean,omitempty"` // default 0
	SD   *float64 `json:"sd,omitempty"`   // default 1
	// PopulationSD divides by n instead of n − 1 (numpy's std,
	// scikit-learn's and scikit-criteria's StandardScaler).
	PopulationSD bool `json:"population_sd,omitempty"`
	// KeepDirection leaves negative indicators' z-scores unflipped; they
	// stay cost criteria for the aggregation, which must then honour
	// directions (topsis, entropy-topsis, vikor, gra), as scikit-criteria's
	// StandarScaler keeps the objectives for its aggregators.
	KeepDirection bool `json:"keep_direction,omitempty"`
	// Scaled (COINr n_scaled): y = (x − scaled_lower)/(scaled_upper − scaled_lower)·scale_factor,
	// on x·Direction. Defaults 0, 100, 100.
	ScaledLower *float64 `json:"scaled_lower,omitempty"`
	ScaledUpper *float64 `json:"scaled_upper,omitempty"`
	ScaleFactor *float64 `json:"scale_factor,omitempty"`
	// Ties for rank, borda and prank: "min" (default, COINr), "max" or "average".
	Ties string `json:"ties,omitempty"`
	// Dist2Ref: the reference unit (a unit code; COINr takes a row index)
	// and, when the pooled panel holds several of its rows, the period
	// whose value is the reference (default: its latest period with a value).
	RefUnit   string `json:"ref_unit,omitempty"`
	RefPeriod string `json:"ref_period,omitempty"`
	// Dist2Targ: the target in raw units (default: the framework's Target),
	// multiplied by the direction as COINr's use_iMeta does.
	Target *float64 `json:"target,omitempty"`
	// CapMax caps dist2ref and dist2targ at 1.
	CapMax bool `json:"cap_max,omitempty"`
	// Goalposts: y = (x − lo)/(hi − lo), truncated to [0, 1] if trunc2posts,
	// times goal_scale (default 1). lo and hi are raw units; for a negative
	// indicator they are multiplied by −1 and swapped (COINr use_iMeta).
	GoalLower   *float64 `json:"goal_lower,omitempty"`
	GoalUpper   *float64 `json:"goal_upper,omitempty"`
	GoalScale   *float64 `json:"goal_scale,omitempty"`
	Trunc2Posts *bool    `json:"trunc2posts,omitempty"`
	// Reciprocal: negative indicators are replaced by 1/x (x > 0) and then
	// treated as positive (倒数法).
	Reciprocal bool `json:"reciprocal,omitempty"`
	// NonNegShift: after the method, a column (within its scope) with any
	// value ≤ 0 gets + |min| + nonneg_delta (SPSSAU 非负平移; δ = 0.01).
	NonNegShift bool     `json:"nonneg_shift,omitempty"`
	NonNegDelta *float64 `json:"nonneg_delta,omitempty"`
}

// Normalise configures the normalisation step: the spec of every
// indicator (the same fields as NormSpec), its scope and per-indicator
// overrides.
type Normalise struct {
	// NormSpec is the recipe-wide method and its parameters (its fields
	// appear directly in the recipe's "normalise" object).
	NormSpec
	// Scope: "global" (pooled over all periods; default) or "period".
	Scope string `json:"scope"`
	// Indicators overrides the spec for single indicators (by code). An
	// override replaces the whole spec (COINr indiv_specs); an empty method
	// means the recipe's method.
	Indicators map[string]NormSpec `json:"indicators,omitempty"`
}

// spec returns the recipe-wide spec.
func (n *Normalise) spec() NormSpec { return n.NormSpec }

// setSpec writes the recipe-wide spec back.
func (n *Normalise) setSpec(s NormSpec) { n.NormSpec = s }

// resolve fills in the normalisation defaults.
func (n *Normalise) resolve() {
	if n.Method == "" {
		n.Method = MinMax
	}
	if n.Scope == "" {
		n.Scope = ScopeGlobal
	}
	base := n.spec()
	base.resolve()
	n.setSpec(base)
	for c, s := range n.Indicators {
		if s.Method == "" {
			s.Method = n.Method
		}
		s.resolve()
		n.Indicators[c] = s
	}
}

func (s *NormSpec) resolve() {
	if s.Method == "" {
		s.Method = MinMax
	}
	switch s.Method {
	case MinMax, Rescale:
		if s.Lower == nil {
			s.Lower = fp(0)
		}
		if s.Upper == nil {
			s.Upper = fp(1)
		}
	case ZScore:
		if s.Mean == nil {
			s.Mean = fp(0)
		}
		if s.SD == nil {
			s.SD = fp(1)
		}
	case Scaled:
		if s.ScaledLower == nil {
			s.ScaledLower = fp(0)
		}
		if s.ScaledUpper == nil {
			s.ScaledUpper = fp(100)
		}
		if s.ScaleFactor == nil {
			s.ScaleFactor = fp(100)
		}
	case NRank, Borda, PRank:
		if s.Ties == "" {
			s.Ties = "min"
		}
	case Goalposts:
		if s.GoalScale == nil {
			s.GoalScale = fp(1)
		}
		if s.Trunc2Posts == nil {
			t := true
			s.Trunc2Posts = &t
		}
	}
	if s.NonNegShift && s.NonNegDelta == nil {
		s.NonNegDelta = fp(0.01)
	}
}

// check reports invalid normalisation settings.
func (n Normalise) check() error {
	if err := n.spec().check("normalise"); err != nil {
		return err
	}
	switch n.Scope {
	case ScopeGlobal, ScopePeriod:
	default:
		return bad("normalise.scope", n.Scope, "global, period")
	}
	for _, c := range n.overrides() {
		if err := n.Indicators[c].check("normalise.indicators." + c); err != nil {
			return err
		}
	}
	return nil
}

func (s NormSpec) check(field string) error {
	finite := func(v *float64) bool { return v != nil && !math.IsNaN(*v) && !math.IsInf(*v, 0) }
	switch s.Method {
	case MinMax, Rescale:
		if !finite(s.Lower) || !finite(s.Upper) || !(*s.Upper > *s.Lower) {
			return diag.Errorf("归一化上限必须大于下限（%[1]s）", "%s.upper must be greater than %s.lower", field, field)
		}
	case ZScore:
		if !finite(s.Mean) || !finite(s.SD) || !(*s.SD > 0) {
			return diag.Errorf("z-score 的目标标准差必须为正（%[1]s）", "%s.sd must be positive", field)
		}
		if s.KeepDirection && s.Reciprocal {
			return diag.Errorf("%s：keep_direction 与 reciprocal 不能同用", "%s: keep_direction and reciprocal exclude each other", field)
		}
	case Scaled:
		if !finite(s.ScaledLower) || !finite(s.ScaledUpper) || !finite(s.ScaleFactor) || *s.ScaledUpper == *s.ScaledLower {
			return diag.Errorf("scaled 的 scaled_lower 与 scaled_upper 不能相等（%[1]s）", "%s: scaled_lower and scaled_upper must differ", field)
		}
	case NRank, Borda, PRank:
		switch s.Ties {
		case "min", "max", "average":
		default:
			return bad(field+".ties", s.Ties, "min, max, average")
		}
	case Dist2Ref:
		if strings.TrimSpace(s.RefUnit) == "" {
			return diag.Errorf("dist2ref 需要参照地区 ref_unit（%[1]s）", "%s: dist2ref needs ref_unit (a unit code)", field)
		}
	case Dist2Targ:
		if s.Target != nil && !finite(s.Target) {
			return diag.Errorf("目标值必须是有限数值（%[1]s）", "%s.target must be finite", field)
		}
	case Goalposts:
		if !finite(s.GoalLower) || !finite(s.GoalUpper) || !(*s.GoalUpper > *s.GoalLower) {
			return diag.Errorf("goalposts 需要 goal_lower < goal_upper（%[1]s）", "%s: goalposts need goal_lower < goal_upper", field)
		}
		if !finite(s.GoalScale) || !(*s.GoalScale > 0) {
			return diag.Errorf("goal_scale 必须为正（%[1]s）", "%s.goal_scale must be positive", field)
		}
	case FracMax, Dist2Max, NNone, VectorNorm, SumNorm, MaxNorm, MinNorm, MeanNorm, Initial, PymcdmMax:
	default:
		return bad(field+".method", s.Method, normaliseMethods)
	}
	if s.Method != ZScore && (s.PopulationSD || s.KeepDirection) {
		return diag.Errorf("%s：population_sd 与 keep_direction 只用于 zscore，当前方法为 %s", "%s: population_sd and keep_direction apply to zscore only, not %s", field, s.Method)
	}
	if s.NonNegShift && (!finite(s.NonNegDelta) || !(*s.NonNegDelta > 0)) {
		return diag.Errorf("非负平移量必须为正（%[1]s）", "%s.nonneg_delta must be positive", field)
	}
	return nil
}

// specFor returns the spec that normalises indicator code.
func (n *Normalise) specFor(code string) *NormSpec {
	s, ok := n.Indicators[code]
	if !ok {
		s = n.spec()
	}
	return &s
}

// constantValue is the normalised value given to a constant indicator.
func (s NormSpec) constantValue() float64 {
	switch s.Method {
	case ZScore:
		return *s.Mean
	case MinMax, Rescale:
		return *s.Lower + s.Shift
	}
	return 0
}

// colErr is a normalisation failure of one column (a division by zero, a
// missing reference or target…).
type colErr struct{ code, zh, en string }

func (e *colErr) Error() string { return e.en }

func errCol(code, zh, en string, a ...any) *colErr {
	return &colErr{code: code, zh: fmt.Sprintf(zh, a...), en: fmt.Sprintf(en, a...)}
}

// normaliseColumn writes the normalised values of column j (rows in idx,
// one normalisation group) into y and reports whether the column was
// constant within idx, and the parameters used (for the details table).
func (st *state) normaliseColumn(j int, y []float64, idx []int, s *NormSpec) (constant bool, params map[string]float64, err *colErr) {
	code := st.leaves[j]
	node := st.fw.Node(code)
	d := node.Direction
	x := st.xc[j]
	if s.Reciprocal && d.Kind == framework.Negative {
		rx := make([]float64, len(x))
		for k := range rx {
			rx[k] = math.NaN()
		}
		for _, i := range idx {
			v := x[i]
			if math.IsNaN(v) {
				continue
			}
			if !(v > 0) {
				return false, nil, errCol("reciprocal-nonpositive", "指标 %s 有非正值 %g，不能取倒数", "indicator %s has the non-positive value %g; the reciprocal needs x > 0", code, v)
			}
			rx[i] = 1 / v
			if math.IsInf(rx[i], 0) { // v below 2^−1024 (a subnormal)
				return false, nil, errCol("beyond-range", "指标 %s 的值 %g 取倒数后超出双精度浮点数的范围", "indicator %s: the reciprocal of the value %g is beyond the range of double-precision numbers", code, v)
			}
		}
		x = rx
		d = framework.Direction{Kind: framework.Positive}
	}
	switch s.Method {
	case MinMax, Rescale:
		constant = minmaxColumn(x, y, idx, d, *s.Lower, *s.Upper, s.Shift)
	case ZScore:
		dz := d
		if s.KeepDirection && d.Kind == framework.Negative {
			dz = framework.Direction{Kind: framework.Positive}
		}
		constant = zscoreColumn(x, y, idx, dz, *s.Mean, *s.SD, s.PopulationSD)
	case VectorNorm, SumNorm, MaxNorm, MinNorm, MeanNorm, Initial, PymcdmMax:
		params, err = st.literatureColumn(x, y, idx, d, s, code)
	default:
		constant, params, err = st.coinrColumn(x, y, idx, d, s, node)
	}
	if err != nil {
		return false, nil, err
	}
	if s.NonNegShift {
		lo := math.Inf(1)
		for _, i := range idx {
			if v := y[i]; !math.IsNaN(v) && v < lo {
				lo = v
			}
		}
		if lo <= 0 {
			add := math.Abs(lo) + *s.NonNegDelta
			for _, i := range idx {
				y[i] += add
			}
			if params == nil {
				params = map[string]float64{}
			}
			params["nonneg_added"] = add
		}
	}
	// A normalised value beyond the float64 range (x + |min| + δ, min/x
	// of a tiny x…) is an error naming the value, never ±Inf or null.
	for _, i := range idx {
		if v := y[i]; !math.IsNaN(st.xc[j][i]) && (math.IsInf(v, 0) || math.IsNaN(v)) {
			u := st.res.Units[st.res.Rows[i].Unit]
			if u.Name == "" {
				u.Name = u.Code
			}
			return false, nil, errCol("beyond-range", "指标 %s：%s（%s）的值 %g 经 %s 标准化后超出双精度浮点数的范围", "indicator %[1]s: the value %[4]g of %[2]s (%[3]s) normalised by %[5]s is beyond the range of double-precision numbers",
				code, u.Name, st.res.Periods[st.res.Rows[i].Period].Label, st.xc[j][i], s.Method)
		}
	}
	return constant, params, nil
}

// NormDetail records the parameters one normalisation method used for one
// indicator in one normalisation group (period label, or "" when pooled):
// the column statistics and reference values of the formula.
type NormDetail struct {
	Indicator string             `json:"indicator"`
	Method    string             `json:"method"`
	Period    string             `json:"period,omitempty"`
	Params    map[string]float64 `json:"params"`
}

// normalise fills st.yc (Run builds Result.Normalised from it once
// aggregation is done). A column that cannot be normalised is reported as
// an error and left missing.
func (st *state) normalise() {
	r, res := st.r, st.res
	np := len(st.leaves)
	st.yc = newMatrix(np, len(st.rows))
	groups := groupsOf(st.periodOf, len(res.Periods), r.Normalise.Scope)
	constant := make([][]string, np)
	details := make([][]NormDetail, np)
	errs := make([]*colErr, np)
	specs := make([]*NormSpec, np)
	for j, c := range st.leaves {
		specs[j] = r.Normalise.specFor(c)
	}
	parallel(np, func(j int) {
		for g, idx := range groups {
			if len(idx) == 0 {
				continue
			}
			period := ""
			if r.Normalise.Scope == ScopePeriod {
				period = res.Periods[g].Label
			}
			c, params, err := st.normaliseColumn(j, st.yc[j], idx, specs[j])
			if err != nil {
				errs[j] = err
				for i := range st.yc[j] {
					st.yc[j][i] = math.NaN()
				}
				return
			}
			if c && hasValue(st.xc[j], idx) {
				constant[j] = append(constant[j], period)
			}
			if params != nil {
				details[j] = append(details[j], NormDetail{Indicator: st.leaves[j], Method: specs[j].Method, Period: period, Params: params})
			}
		}
	})
	for j := 0; j < np; j++ {
		c := st.leaves[j]
		if e := errs[j]; e != nil {
			st.rep.Add(diag.Problem{Severity: diag.Error, Code: "normalise-" + e.code, Column: c, Zh: e.zh, En: e.en})
			continue
		}
		res.NormaliseDetails = append(res.NormaliseDetails, details[j]...)
		if constIn := constant[j]; len(constIn) > 0 {
			where, whereEn := "", ""
			if r.Normalise.Scope == ScopePeriod {
				where = "（时期：" + strings.Join(constIn, "、") + "）"
				whereEn = " (periods: " + strings.Join(constIn, ", ") + ")"
			}
			cv := specs[j].constantValue()
			st.rep.Add(diag.Problem{Severity: diag.Warning, Code: "constant-indicator", Column: c,
				Zh: fmt.Sprintf("指标 %s 取值无差异%s，标准化结果统一记为 %g", c, where, cv),
				En: fmt.Sprintf("indicator %s does not vary%s; its normalised values are all set to %g", c, whereEn, cv)})
		}
	}
}

// hasValue reports whether x has a non-missing value in a row of idx.
func hasValue(x []float64, idx []int) bool {
	for _, i := range idx {
		if !math.IsNaN(x[i]) {
			return true
		}
	}
	return false
}

// overrides returns the codes of the per-indicator normalisations in
// sorted order, so that checks report the same indicator every time.
func (n *Normalise) overrides() []string {
	codes := make([]string, 0, len(n.Indicators))
	for c := range n.Indicators {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	return codes
}
