package mcda

import (
	"math"
	"sort"

	"github.com/nqp-index/nqp/scoring/diag"
)

// Benefit and Cost are the criterion types: larger is better, smaller is
// better.
const (
	Benefit = 1
	Cost    = -1
)

// Params carries the optional parameters of a normalisation, weighting or
// method. Num holds numbers (rho, v, shift, a, b, ...), Str holds string
// options (weights_in, ri, ahp_method, ...) and Vec holds one value per
// criterion (best, lower, upper, reference). A nil Params is valid and
// means "all defaults".
type Params struct {
	Num map[string]float64   `json:"params,omitempty"`
	Str map[string]string    `json:"options,omitempty"`
	Vec map[string][]float64 `json:"vectors,omitempty"`
}

// num returns the numeric parameter name, or def when it is absent.
func (p Params) num(name string, def float64) float64 {
	if v, ok := p.Num[name]; ok {
		return v
	}
	return def
}

// has reports whether the numeric parameter name is present.
func (p Params) has(name string) bool {
	_, ok := p.Num[name]
	return ok
}

// str returns the string option name, or def when it is absent or empty.
func (p Params) str(name, def string) string {
	if v, ok := p.Str[name]; ok && v != "" {
		return v
	}
	return def
}

// vec returns the per-criterion vector name (nil when absent).
func (p Params) vec(name string) []float64 { return p.Vec[name] }

// Request is one decision problem: a matrix of alternatives (rows) by
// criteria (columns), their types, and the names of the normalisation,
// weighting and aggregation method. It is also the JSON input of the
// `nqp mcda` command.
type Request struct {
	Matrix    [][]float64 `json:"matrix"`            // alternatives × criteria
	Types     []int       `json:"types"`             // 1 benefit, -1 cost (len = criteria)
	Weights   []float64   `json:"weights,omitempty"` // given weights (normalised to sum 1), or nil → Weighting
	Normalize string      `json:"normalize,omitempty"`
	Weighting string      `json:"weighting,omitempty"`
	Method    string      `json:"method"`
	// AHP is a pairwise judgement matrix over the criteria, used when
	// Weighting is "ahp".
	AHP [][]float64 `json:"ahp,omitempty"`
	Params
}

// Answer is the result of Solve. Scores are "higher is better" for every
// method except VIKOR, whose scores are Q (lower is better; Details has
// "lower_is_better": true). Ranks are 1 for the best alternative, and tied
// alternatives share the lower (better) rank.
type Answer struct {
	Normalized [][]float64    `json:"normalized"`
	Weights    []float64      `json:"weights"`
	Scores     []float64      `json:"scores"`
	Ranks      []int          `json:"ranks"`
	Details    map[string]any `json:"details"`
}

// Names accepted by Solve.
var (
	// NormalizeNames lists the accepted normalisation names.
	NormalizeNames = []string{"none", "minmax", "minmax-ab", "vector", "sum", "max", "pymcdm-max", "zscore", "mean", "initial", "reciprocal", "spssau-shift", "moderate", "interval",
		"scaled", "rank", "borda", "prank", "fracmax", "dist2max", "dist2ref", "dist2targ", "goalposts"}
	// WeightingNames lists the accepted weighting names.
	WeightingNames = []string{"equal", "entropy", "critic", "cv", "sd", "pca", "pca-loadings", "ahp", "combination"}
	// MethodNames lists the accepted method names.
	MethodNames = []string{"wsm", "wpm", "amean", "gmean", "hmean", "genmean", "topsis", "entropy-topsis", "vikor", "gra", "copeland"}
)

// errf builds a bilingual error (diag.Errorf): both formats receive the
// same arguments, and an error argument contributes its own zh or en part.
func errf(zh, en string, a ...any) error { return diag.Errorf(zh, en, a...) }

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// checkMatrix validates a rectangular, finite, non-empty matrix and returns
// its dimensions.
func checkMatrix(x [][]float64) (m, n int, err error) {
	m = len(x)
	if m == 0 {
		return 0, 0, errf("决策矩阵为空", "the decision matrix is empty")
	}
	n = len(x[0])
	if n == 0 {
		return 0, 0, errf("决策矩阵没有指标列", "the decision matrix has no criteria")
	}
	for i, row := range x {
		if len(row) != n {
			return 0, 0, errf("决策矩阵第 %d 行有 %d 列，第 1 行有 %d 列（矩阵不规整）", "row %d of the decision matrix has %d columns but row 1 has %d (ragged matrix)", i+1, len(row), n)
		}
		for j, v := range row {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return 0, 0, errf("决策矩阵第 %d 行第 %d 列不是有限数值（%v）", "row %d, column %d of the decision matrix is not finite (%v)", i+1, j+1, v)
			}
		}
	}
	return m, n, nil
}

// checkTypes validates a types vector of length n (1 or -1 only).
func checkTypes(types []int, n int) error {
	if len(types) != n {
		return errf("指标类型 types 有 %d 个，但矩阵有 %d 列", "types has %d entries but the matrix has %d columns", len(types), n)
	}
	for j, t := range types {
		if t != Benefit && t != Cost {
			return errf("第 %d 个指标类型为 %d，只能是 1（效益型）或 -1（成本型）", "type of criterion %d is %d; it must be 1 (benefit) or -1 (cost)", j+1, t)
		}
	}
	return nil
}

// NormalizeWeights checks w (length n, finite, non-negative, positive sum)
// and returns a copy scaled to sum 1.
func NormalizeWeights(w []float64, n int) ([]float64, error) {
	out, err := CheckWeights(w, n)
	if err != nil {
		return nil, err
	}
	s := 0.0
	for _, v := range out {
		s += v
	}
	for j, v := range out {
		out[j] = v / s
	}
	return out, nil
}

// CheckWeights checks w (length n, finite, non-negative, positive finite
// sum) and returns a copy as given, not rescaled (pymcdm's and
// scikit-criteria's WSM, WPM and TOPSIS use the weights so).
func CheckWeights(w []float64, n int) ([]float64, error) {
	if len(w) != n {
		return nil, errf("权重有 %d 个，但有 %d 个指标", "there are %d weights but %d criteria", len(w), n)
	}
	s := 0.0
	for j, v := range w {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, errf("第 %d 个权重不是有限数值", "weight %d is not finite", j+1)
		}
		if v < 0 {
			return nil, errf("第 %d 个权重为负数（%v）", "weight %d is negative (%v)", j+1, v)
		}
		s += v
	}
	if !(s > 0) || math.IsInf(s, 0) {
		return nil, errf("权重之和必须为正", "the weights must have a positive sum")
	}
	return append([]float64(nil), w...), nil
}

// weightsAsGiven reads params.rescale_weights: 1 (default) rescales given
// weights to sum 1; 0 uses them as given, for wsm/amean, wpm/gmean and
// topsis only (the methods pymcdm and scikit-criteria apply so).
func weightsAsGiven(r Request, method string) (bool, error) {
	v := r.num("rescale_weights", 1)
	switch {
	case v == 1:
		return false, nil
	case v != 0:
		return false, errf("params.rescale_weights 只能是 1（权重归一化为和 1，默认）或 0（按给定值使用）", "params.rescale_weights must be 1 (weights rescaled to sum 1, the default) or 0 (used as given)")
	}
	switch method {
	case "wsm", "amean", "wpm", "gmean", "topsis":
		return true, nil
	}
	return false, errf("权重按给定值使用（rescale_weights = 0）只适用于 wsm、amean、wpm、gmean 和 topsis，不适用于 %s", "weights used as given (rescale_weights = 0) apply to wsm, amean, wpm, gmean and topsis only, not %s", method)
}

// Rank returns ranks for scores: 1 for the highest score, and alternatives
// whose scores are equal (within a relative 1e-12) share the lower rank
// (competition ranking 1, 1, 3). NaN scores are ranked last.
func Rank(scores []float64) []int { return rankBy(scores, true) }

// RankAscending is Rank with the lowest score first (used for VIKOR's Q).
func RankAscending(scores []float64) []int { return rankBy(scores, false) }

func rankBy(scores []float64, desc bool) []int {
	m := len(scores)
	idx := make([]int, m)
	for i := range idx {
		idx[i] = i
	}
	key := func(i int) float64 {
		v := scores[i]
		if math.IsNaN(v) {
			return math.Inf(-1)
		}
		if desc {
			return v
		}
		return -v
	}
	sort.SliceStable(idx, func(a, b int) bool { return key(idx[a]) > key(idx[b]) })
	ranks := make([]int, m)
	for pos, i := range idx {
		if pos > 0 {
			prev := idx[pos-1]
			a, b := key(prev), key(i)
			if a == b || math.Abs(a-b) <= 1e-12*math.Max(math.Abs(a), math.Abs(b)) {
				ranks[i] = ranks[prev]
				continue
			}
		}
		ranks[i] = pos + 1
	}
	return ranks
}

// directionAware reports whether the normalisation named (with its
// parameters) turns every criterion into a benefit criterion: not none,
// mean, initial, spssau-shift, nor zscore with flip_cost = 0.
func directionAware(name string, p Params) bool {
	switch name {
	case "none", "mean", "initial", "spssau-shift":
		return false
	case "zscore":
		return p.num("flip_cost", 1) != 0
	}
	return true
}

// Solve runs one decision problem: normalise, weight, aggregate, rank. It
// validates the request and returns a bilingual error for a ragged matrix, a
// wrong number of types, non-finite values, negative weights or unknown
// names; it never panics.
//
// Defaults: Normalize "none" ("vector" for topsis, in the classic
// Hwang–Yoon form), Weighting "equal" when Weights is nil.
func Solve(r Request) (ans Answer, err error) {
	defer func() {
		if p := recover(); p != nil {
			ans = Answer{}
			err = errf("内部错误：%v", "internal error: %v", p)
		}
	}()
	_, n, err := checkMatrix(r.Matrix)
	if err != nil {
		return Answer{}, err
	}
	if err := checkTypes(r.Types, n); err != nil {
		return Answer{}, err
	}
	method := r.Method
	if method == "" {
		return Answer{}, errf("未指定方法 method（可选：%v）", "no method given (known: %v)", MethodNames)
	}
	if !contains(MethodNames, method) {
		return Answer{}, errf("未知方法 %q（可选：%v）", "unknown method %q (known: %v)", method, MethodNames)
	}
	norm := r.Normalize
	if norm == "" {
		norm = "none"
		if method == "topsis" {
			norm = "vector"
		}
	}
	if !contains(NormalizeNames, norm) {
		return Answer{}, errf("未知标准化方法 %q（可选：%v）", "unknown normalisation %q (known: %v)", norm, NormalizeNames)
	}
	weighting := r.Weighting
	if r.Weights != nil && weighting != "" {
		return Answer{}, errf("同时给出了权重 weights 和赋权方法 weighting=%q，只能二选一", "both weights and weighting=%q were given; use one", weighting)
	}
	if weighting == "" {
		weighting = "equal"
	}
	if !contains(WeightingNames, weighting) {
		return Answer{}, errf("未知赋权方法 %q（可选：%v）", "unknown weighting %q (known: %v)", weighting, WeightingNames)
	}
	if method == "entropy-topsis" && (r.Weights != nil || r.Weighting != "") {
		return Answer{}, errf("entropy-topsis 自带熵权，不能再给出 weights 或 weighting", "entropy-topsis computes its own entropy weights; do not give weights or weighting")
	}
	if err := checkParams(r, norm, weighting, method); err != nil {
		return Answer{}, err
	}

	details := map[string]any{"normalize": norm, "method": method}

	// 1. Normalise. TOPSIS with "vector" keeps the classic form (cost
	// columns keep x/‖x‖ and their ideal is the minimum).
	var z [][]float64
	eff := append([]int(nil), r.Types...)
	if method == "topsis" && norm == "vector" {
		z = vectorClassic(r.Matrix)
	} else {
		z, err = Normalize(norm, r.Matrix, r.Types, r.Params)
		if err != nil {
			return Answer{}, err
		}
		if directionAware(norm, r.Params) {
			for j := range eff {
				eff[j] = Benefit
			}
		}
	}
	for i := range z {
		for j, v := range z[i] {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return Answer{}, errf("标准化后第 %d 行第 %d 列不是有限数值", "normalised value at row %d, column %d is not finite", i+1, j+1)
			}
		}
	}

	// 2. Weights.
	var w []float64
	if method == "entropy-topsis" {
		res, err := EntropyTOPSIS(z, eff, r.num("shift", 0.01))
		if err != nil {
			return Answer{}, err
		}
		details["weighting"] = "entropy"
		details["shifted"] = res.Shifted
		details["shift_applied"] = res.ShiftApplied
		details["entropy"] = res.Entropy
		details["weighted"] = res.TOPSIS.Weighted
		putTOPSIS(details, res.TOPSIS)
		return Answer{Normalized: z, Weights: res.Entropy.Weights, Scores: res.TOPSIS.Closeness, Ranks: Rank(res.TOPSIS.Closeness), Details: details}, nil
	}
	asGiven, err := weightsAsGiven(r, method)
	if err != nil {
		return Answer{}, err
	}
	if r.Weights != nil {
		if asGiven {
			w, err = CheckWeights(r.Weights, n)
			details["rescale_weights"] = 0
		} else {
			w, err = NormalizeWeights(r.Weights, n)
		}
		if err != nil {
			return Answer{}, err
		}
		details["weighting"] = "given"
	} else {
		details["weighting"] = weighting
		w, err = solveWeights(weighting, z, r, details)
		if err != nil {
			return Answer{}, err
		}
	}

	switch method {
	case "wsm", "wpm", "amean", "gmean", "hmean", "genmean":
		for _, t := range eff {
			if t == Cost {
				details["warning"] = sprintf2("normalize=%s 未改变方向，%s 把成本型指标也当作越大越好", "normalize=%s keeps directions, so %s treats cost criteria as larger-is-better", norm, method)
				break
			}
		}
	}

	// 3. Aggregate.
	var scores []float64
	var ranks []int
	switch method {
	case "wsm", "amean":
		if asGiven {
			scores = weightedSum(z, w)
		} else {
			scores, err = WSM(z, w)
		}
	case "wpm", "gmean":
		if asGiven {
			scores, err = weightedProduct(z, w)
		} else {
			scores, err = WPM(z, w)
		}
	case "hmean":
		scores, err = HMean(z, w)
	case "genmean":
		if !r.has("p") {
			err = errf("genmean 需要指数参数 p（params.p，非零）", "genmean needs the exponent p (params.p, non-zero)")
			break
		}
		details["p"] = r.num("p", 0)
		scores, err = GenMean(z, w, r.num("p", 0))
	case "topsis":
		var res TOPSISResult
		opt := TOPSISOptions{Normalize: "none", WeightsIn: r.str("weights_in", "matrix"), AsGiven: asGiven}
		res, err = TOPSIS(z, eff, w, opt)
		if err == nil {
			putTOPSIS(details, res)
			details["weighted"] = res.Weighted
			details["weights_in"] = opt.WeightsIn
			scores = res.Closeness
		}
	case "vikor":
		var res VIKORResult
		res, err = VIKOR(z, eff, w, r.num("v", 0.5))
		if err == nil {
			details["S"] = res.S
			details["R"] = res.R
			details["Q"] = res.Q
			details["f_best"] = res.Best
			details["f_worst"] = res.Worst
			details["compromise_set"] = res.CompromiseSet
			details["acceptable_advantage"] = res.AcceptableAdvantage
			details["acceptable_stability"] = res.AcceptableStability
			details["lower_is_better"] = true
			scores = res.Q
			ranks = RankAscending(res.Q)
		}
	case "gra":
		var res GRAResult
		opt := GRAOptions{Rho: r.num("rho", 0.5), Reference: r.vec("reference")}
		res, err = GRA(z, eff, w, opt)
		if err == nil {
			details["reference"] = res.Reference
			details["coefficients"] = res.Coefficients
			details["delta_min"] = res.DeltaMin
			details["delta_max"] = res.DeltaMax
			details["rho"] = opt.Rho
			details["grade"] = res.Grade
			scores = res.Grade
		}
	case "copeland":
		var res CopelandResult
		res, err = Copeland(z, eff, w)
		if err == nil {
			details["outranking"] = res.Outranking
			scores = res.Scores
		}
	}
	if err != nil {
		return Answer{}, err
	}
	for i, v := range scores {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return Answer{}, errf("第 %d 个方案的得分不是有限数值（数值溢出？请先标准化）", "the score of alternative %d is not finite (overflow? normalise first)", i+1)
		}
	}
	if ranks == nil {
		ranks = Rank(scores)
	}
	return Answer{Normalized: z, Weights: w, Scores: scores, Ranks: ranks, Details: details}, nil
}

func putTOPSIS(d map[string]any, res TOPSISResult) {
	d["d_plus"] = res.DPlus
	d["d_minus"] = res.DMinus
	d["closeness"] = res.Closeness
	d["ideal_best"] = res.IdealBest
	d["ideal_worst"] = res.IdealWorst
}

// solveWeights computes the weights named on the normalised matrix z.
func solveWeights(name string, z [][]float64, r Request, d map[string]any) ([]float64, error) {
	n := len(z[0])
	switch name {
	case "equal":
		return Equal(n), nil
	case "entropy":
		res, err := Entropy(z, EntropyOptions{Shift: r.num("shift", 0), NonNegShift: r.num("nonneg_shift", 0) != 0})
		if err != nil {
			return nil, err
		}
		d["entropy"] = res
		return res.Weights, nil
	case "critic":
		res, err := CRITICWith(z, CRITICOptions{AbsCorr: r.num("abs_corr", 0) != 0, Correlation: r.str("correlation", Pearson)})
		if err != nil {
			return nil, err
		}
		d["critic"] = res
		return res.Weights, nil
	case "cv":
		res, err := CV(z)
		if err != nil {
			return nil, err
		}
		d["cv"] = res
		return res.Weights, nil
	case "sd":
		res, err := SD(z)
		if err != nil {
			return nil, err
		}
		d["sd"] = res
		return res.Weights, nil
	case "pca":
		res, err := PCA(z, PCAOptions{MinEigen: r.num("min_eigen", 1), Cumulative: r.num("cumulative", 0)})
		if err != nil {
			return nil, err
		}
		d["pca"] = res
		return res.Weights, nil
	case "pca-loadings":
		res, err := PCALoadings(z)
		if err != nil {
			return nil, err
		}
		d["pca"] = res
		for j, w := range res.Weights {
			if w < 0 {
				return nil, errf("第一主成分在第 %d 个指标上的载荷为负（%.4f），不能直接作为权重；请检查指标方向或改用 pca", "the first principal component has a negative loading on criterion %d (%.4f), which cannot serve as a weight; check the criterion directions or use pca", j+1, res.Loadings[j][0])
			}
		}
		return res.Weights, nil
	case "ahp":
		if r.AHP == nil {
			return nil, errf("weighting=ahp 需要给出判断矩阵 ahp", "weighting=ahp needs the judgement matrix ahp")
		}
		if len(r.AHP) != n {
			return nil, errf("AHP 判断矩阵为 %d 阶，但有 %d 个指标", "the AHP matrix has order %d but there are %d criteria", len(r.AHP), n)
		}
		res, err := AHP(r.AHP, r.str("ahp_method", "sum-product"), r.str("ri", "saaty"))
		if err != nil {
			return nil, err
		}
		d["ahp"] = res
		return res.Weights, nil
	case "combination":
		return combineWeights(z, r, d)
	}
	return nil, errf("未知赋权方法 %q", "unknown weighting %q", name)
}
