package mcda

import (
	"math"
	"sort"
)

// checkYW validates a matrix and a weight vector and returns the weights
// normalised to sum 1.
func checkYW(y [][]float64, w []float64) (m, n int, nw []float64, err error) {
	m, n, err = checkMatrix(y)
	if err != nil {
		return 0, 0, nil, err
	}
	nw, err = NormalizeWeights(w, n)
	return m, n, nw, err
}

// WSM returns the weighted sums S_i = Σ_j w_j y_ij (weights normalised to
// sum 1). y should be normalised so that larger is better.
func WSM(y [][]float64, w []float64) ([]float64, error) {
	_, _, nw, err := checkYW(y, w)
	if err != nil {
		return nil, err
	}
	return weightedSum(y, nw), nil
}

// weightedSum returns Σ_j w_j y_ij with w as it is.
func weightedSum(y [][]float64, w []float64) []float64 {
	s := make([]float64, len(y))
	for i := range y {
		for j, wj := range w {
			s[i] += wj * y[i][j]
		}
	}
	return s
}

// WPM returns the weighted products P_i = Π_j y_ij^{w_j} (weights
// normalised to sum 1). Every y_ij must be ≥ 0 (shift first).
func WPM(y [][]float64, w []float64) ([]float64, error) {
	_, _, nw, err := checkYW(y, w)
	if err != nil {
		return nil, err
	}
	return weightedProduct(y, nw)
}

// weightedProduct returns Π_j y_ij^{w_j} with w as it is (y ≥ 0).
func weightedProduct(y [][]float64, nw []float64) ([]float64, error) {
	m, n := len(y), len(nw)
	s := make([]float64, m)
	for i := 0; i < m; i++ {
		s[i] = 1
		for j := 0; j < n; j++ {
			if y[i][j] < 0 {
				return nil, errf("加权乘积法要求非负数据，第 %d 行第 %d 列为 %v（请先平移）", "the weighted product needs non-negative data; row %d, column %d is %v (shift first)", i+1, j+1, y[i][j])
			}
			if nw[j] > 0 {
				s[i] *= math.Pow(y[i][j], nw[j])
			}
		}
	}
	return s, nil
}

// HMean returns the weighted harmonic means H_i = Σ_j w_j / Σ_j (w_j/y_ij)
// (COINr a_hmean; weights normalised to sum 1, so H_i = 1/Σ_j w_j/y_ij).
// Every y_ij with a positive weight must be > 0.
func HMean(y [][]float64, w []float64) ([]float64, error) {
	m, n, nw, err := checkYW(y, w)
	if err != nil {
		return nil, err
	}
	s := make([]float64, m)
	for i := 0; i < m; i++ {
		d := 0.0
		for j := 0; j < n; j++ {
			if nw[j] == 0 {
				continue
			}
			if !(y[i][j] > 0) {
				return nil, errf("调和平均要求正数，第 %d 行第 %d 列为 %v（请先平移或换用其他标准化）", "the harmonic mean needs positive values; row %d, column %d is %v (shift first or use another normalisation)", i+1, j+1, y[i][j])
			}
			d += nw[j] / y[i][j]
		}
		s[i] = 1 / d
	}
	return s, nil
}

// GenMean returns the weighted generalised (power) means
// M_i = (Σ_j w_j y_ij^p / Σ_j w_j)^{1/p} (COINr a_genmean; weights
// normalised to sum 1). p must be finite and non-zero (p = 1 is the
// arithmetic, p = −1 the harmonic mean; the geometric mean is the limit
// p → 0, method gmean). A negative p needs y > 0 and a non-integer p needs
// y ≥ 0 (terms with weight 0 are skipped).
func GenMean(y [][]float64, w []float64, p float64) ([]float64, error) {
	m, n, nw, err := checkYW(y, w)
	if err != nil {
		return nil, err
	}
	if p == 0 || math.IsNaN(p) || math.IsInf(p, 0) {
		return nil, errf("广义均值的指数 p 须为非零有限数（%v）", "the generalised mean's exponent p must be finite and non-zero (%v)", p)
	}
	s := make([]float64, m)
	for i := 0; i < m; i++ {
		a := 0.0
		for j := 0; j < n; j++ {
			if nw[j] == 0 {
				continue
			}
			v := y[i][j]
			if p < 0 && !(v > 0) {
				return nil, errf("p < 0 的广义均值要求正数，第 %d 行第 %d 列为 %v", "the generalised mean with p < 0 needs positive values; row %d, column %d is %v", i+1, j+1, v)
			}
			if v < 0 && p != math.Trunc(p) {
				return nil, errf("非整数 p 的广义均值要求非负数，第 %d 行第 %d 列为 %v", "the generalised mean with a non-integer p needs non-negative values; row %d, column %d is %v", i+1, j+1, v)
			}
			a += nw[j] * math.Pow(v, p)
		}
		s[i] = math.Pow(a, 1/p)
		if math.IsNaN(s[i]) {
			return nil, errf("第 %d 个方案的广义均值无定义（Σw·x^p = %v < 0，1/p 次方）", "the generalised mean of alternative %d is undefined (Σw·x^p = %v < 0 under the power 1/p)", i+1, a)
		}
	}
	return s, nil
}

// TOPSISOptions selects the TOPSIS variant.
type TOPSISOptions struct {
	// Normalize is "vector" (default: the classic x/√Σx² with the ideal
	// taken as the minimum for cost criteria), "minmax", "none" (the data
	// are already normalised), or any other Normalize name.
	Normalize string
	// WeightsIn is "matrix" (default: v = w·z, D = √Σ(v − v*)²) or
	// "distance" (清风 style: D = √Σ w (z − z*)²).
	WeightsIn string
	// AsGiven uses w as given instead of rescaling it to sum 1 (pymcdm,
	// scikit-criteria). The closeness is the same (D⁺ and D⁻ scale alike);
	// D⁺, D⁻ and the weighted matrix differ.
	AsGiven bool
}

// TOPSISResult holds TOPSIS's intermediate and final quantities.
type TOPSISResult struct {
	Normalized [][]float64 `json:"normalized"`
	Weighted   [][]float64 `json:"weighted"` // v = w·z, or z when WeightsIn is "distance"
	IdealBest  []float64   `json:"ideal_best"`
	IdealWorst []float64   `json:"ideal_worst"`
	DPlus      []float64   `json:"d_plus"`
	DMinus     []float64   `json:"d_minus"`
	Closeness  []float64   `json:"closeness"`
}

// TOPSIS ranks the alternatives (rows of x) by their relative closeness
// C_i = D⁻_i/(D⁺_i + D⁻_i) to the ideal solution (Hwang & Yoon 1981). The
// ideal best is the column maximum for benefit and the minimum for cost
// criteria (after a direction-aware normalisation every column is benefit).
// When every column is constant, D⁺ = D⁻ = 0 and C is set to 0.5.
func TOPSIS(x [][]float64, types []int, w []float64, opt TOPSISOptions) (TOPSISResult, error) {
	m, n, nw, err := checkYW(x, w)
	if err != nil {
		return TOPSISResult{}, err
	}
	if opt.AsGiven {
		nw = append([]float64(nil), w...)
	}
	if err := checkTypes(types, n); err != nil {
		return TOPSISResult{}, err
	}
	eff := append([]int(nil), types...)
	var z [][]float64
	switch opt.Normalize {
	case "", "vector":
		z = vectorClassic(x)
	default:
		z, err = Normalize(opt.Normalize, x, types, Params{})
		if err != nil {
			return TOPSISResult{}, err
		}
		if directionAware(opt.Normalize, Params{}) {
			for j := range eff {
				eff[j] = Benefit
			}
		}
	}
	var dw []float64 // weights inside the distance
	v := make([][]float64, m)
	switch opt.WeightsIn {
	case "", "matrix":
		dw = ones(n)
		for i := range v {
			v[i] = make([]float64, n)
			for j := range v[i] {
				v[i][j] = nw[j] * z[i][j]
			}
		}
	case "distance":
		dw = nw
		for i := range v {
			v[i] = append([]float64(nil), z[i]...)
		}
	default:
		return TOPSISResult{}, errf("未知 TOPSIS 加权方式 %q（可选：matrix, distance）", "unknown TOPSIS weights_in %q (known: matrix, distance)", opt.WeightsIn)
	}
	res := topsisOn(v, eff, dw)
	res.Normalized = z
	return res, nil
}

func ones(n int) []float64 {
	v := make([]float64, n)
	for j := range v {
		v[j] = 1
	}
	return v
}

// topsisOn computes the ideals, distances and closeness of the (weighted)
// matrix v, with dw the weights inside the distance.
func topsisOn(v [][]float64, eff []int, dw []float64) TOPSISResult {
	m, n := len(v), len(v[0])
	res := TOPSISResult{Weighted: v, IdealBest: make([]float64, n), IdealWorst: make([]float64, n),
		DPlus: make([]float64, m), DMinus: make([]float64, m), Closeness: make([]float64, m)}
	for j := 0; j < n; j++ {
		lo, hi := minMax(column(v, j))
		if eff[j] == Cost {
			res.IdealBest[j], res.IdealWorst[j] = lo, hi
		} else {
			res.IdealBest[j], res.IdealWorst[j] = hi, lo
		}
	}
	for i := 0; i < m; i++ {
		var dp, dm float64
		for j := 0; j < n; j++ {
			a, b := v[i][j]-res.IdealBest[j], v[i][j]-res.IdealWorst[j]
			dp += dw[j] * a * a
			dm += dw[j] * b * b
		}
		res.DPlus[i], res.DMinus[i] = math.Sqrt(dp), math.Sqrt(dm)
		if s := res.DPlus[i] + res.DMinus[i]; s > 0 {
			res.Closeness[i] = res.DMinus[i] / s
		} else {
			res.Closeness[i] = 0.5
		}
	}
	return res
}

// EntropyTOPSISResult holds SPSSAU's entropy-weight TOPSIS (熵权TOPSIS).
type EntropyTOPSISResult struct {
	Shifted      [][]float64   `json:"shifted"`       // data after the non-negative shift
	ShiftApplied []int         `json:"shift_applied"` // 0-based columns shifted
	Entropy      EntropyResult `json:"entropy"`
	TOPSIS       TOPSISResult  `json:"topsis"`
}

// EntropyTOPSIS follows SPSSAU's 熵权TOPSIS help text: (1) a column of x
// with any value ≤ 0 gets + |min| + shift (SPSSAU: shift = 0.01); (2) the
// entropy weights of the shifted data; (3) every column is multiplied by its
// weight; (4) TOPSIS on that weighted matrix with no further normalisation
// and unit weights (ideal = column max, or min for a cost column). SPSSAU
// expects x to be positivised and normalised by the user beforehand.
func EntropyTOPSIS(x [][]float64, types []int, shift float64) (EntropyTOPSISResult, error) {
	m, n, err := checkMatrix(x)
	if err != nil {
		return EntropyTOPSISResult{}, err
	}
	if err := checkTypes(types, n); err != nil {
		return EntropyTOPSISResult{}, err
	}
	if !(shift > 0) || math.IsInf(shift, 0) {
		return EntropyTOPSISResult{}, errf("非负平移量 shift 必须为正", "the non-negative shift must be positive")
	}
	res := EntropyTOPSISResult{Shifted: make([][]float64, m)}
	for i := range x {
		res.Shifted[i] = append([]float64(nil), x[i]...)
	}
	for j := 0; j < n; j++ {
		lo, _ := minMax(column(x, j))
		if lo <= 0 {
			res.ShiftApplied = append(res.ShiftApplied, j)
			for i := 0; i < m; i++ {
				res.Shifted[i][j] += math.Abs(lo) + shift
			}
		}
	}
	res.Entropy, err = Entropy(res.Shifted, EntropyOptions{})
	if err != nil {
		return EntropyTOPSISResult{}, err
	}
	wx := make([][]float64, m)
	for i := range wx {
		wx[i] = make([]float64, n)
		for j := range wx[i] {
			wx[i][j] = res.Shifted[i][j] * res.Entropy.Weights[j]
		}
	}
	res.TOPSIS = topsisOn(wx, types, ones(n))
	res.TOPSIS.Normalized = res.Shifted
	return res, nil
}

// VIKORResult holds VIKOR's quantities. Q is "lower is better".
type VIKORResult struct {
	Best  []float64 `json:"f_best"`  // f*_j
	Worst []float64 `json:"f_worst"` // f⁻_j
	S     []float64 `json:"S"`
	R     []float64 `json:"R"`
	Q     []float64 `json:"Q"`
	// CompromiseSet lists the 0-based alternatives of the compromise
	// solution, best Q first.
	CompromiseSet       []int `json:"compromise_set"`
	AcceptableAdvantage bool  `json:"acceptable_advantage"` // C1: Q(a″) − Q(a′) ≥ DQ = 1/(m − 1)
	AcceptableStability bool  `json:"acceptable_stability"` // C2: a′ is also best by S or by R
}

// VIKOR runs the VIKOR method (Opricovic & Tzeng 2004) on the raw matrix x
// with criterion types and weights w (normalised to sum 1):
// S_i = Σ_j w_j (f*_j − x_ij)/(f*_j − f⁻_j), R_i = max_j of the same terms,
// Q_i = v (S_i − S*)/(S⁻ − S*) + (1 − v)(R_i − R*)/(R⁻ − R*). A constant
// criterion (f* = f⁻) contributes 0, and so does a Q term whose range is 0.
// The compromise set follows conditions C1 and C2.
func VIKOR(x [][]float64, types []int, w []float64, v float64) (VIKORResult, error) {
	m, n, nw, err := checkYW(x, w)
	if err != nil {
		return VIKORResult{}, err
	}
	if err := checkTypes(types, n); err != nil {
		return VIKORResult{}, err
	}
	if !(v >= 0 && v <= 1) {
		return VIKORResult{}, errf("VIKOR 参数 v 须在 [0, 1] 内（%v）", "VIKOR's v must lie in [0, 1] (%v)", v)
	}
	if m < 2 {
		return VIKORResult{}, errf("VIKOR 至少需要 2 个方案", "VIKOR needs at least 2 alternatives")
	}
	res := VIKORResult{Best: make([]float64, n), Worst: make([]float64, n), S: make([]float64, m), R: make([]float64, m), Q: make([]float64, m)}
	for j := 0; j < n; j++ {
		lo, hi := minMax(column(x, j))
		if types[j] == Cost {
			res.Best[j], res.Worst[j] = lo, hi
		} else {
			res.Best[j], res.Worst[j] = hi, lo
		}
	}
	for i := 0; i < m; i++ {
		for j := 0; j < n; j++ {
			d := res.Best[j] - res.Worst[j]
			t := 0.0
			if d != 0 {
				t = nw[j] * (res.Best[j] - x[i][j]) / d
			}
			res.S[i] += t
			res.R[i] = math.Max(res.R[i], t)
		}
	}
	sLo, sHi := minMax(res.S)
	rLo, rHi := minMax(res.R)
	for i := 0; i < m; i++ {
		q := 0.0
		if sHi > sLo {
			q += v * (res.S[i] - sLo) / (sHi - sLo)
		}
		if rHi > rLo {
			q += (1 - v) * (res.R[i] - rLo) / (rHi - rLo)
		}
		res.Q[i] = q
	}
	order := make([]int, m)
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return res.Q[order[a]] < res.Q[order[b]] })
	const tol = 1e-12
	dq := 1 / float64(m-1)
	a1 := order[0]
	res.AcceptableAdvantage = res.Q[order[1]]-res.Q[a1] >= dq-tol
	res.AcceptableStability = res.S[a1] <= sLo+tol || res.R[a1] <= rLo+tol
	switch {
	case res.AcceptableAdvantage && res.AcceptableStability:
		res.CompromiseSet = []int{a1}
	case !res.AcceptableAdvantage:
		for _, i := range order {
			if res.Q[i]-res.Q[a1] < dq-tol {
				res.CompromiseSet = append(res.CompromiseSet, i)
			}
		}
	default:
		res.CompromiseSet = []int{a1, order[1]}
	}
	return res, nil
}

// GRAOptions configures grey relational analysis.
type GRAOptions struct {
	// Rho is the distinguishing coefficient ρ in (0, 1] (0.5 if 0).
	Rho float64
	// Reference is the reference sequence x₀ (one value per criterion). If
	// nil, the ideal is used: the column maximum (minimum for a cost
	// criterion).
	Reference []float64
}

// GRAResult holds the grey relational coefficients and grades.
type GRAResult struct {
	Reference    []float64   `json:"reference"`
	Coefficients [][]float64 `json:"coefficients"`
	DeltaMin     float64     `json:"delta_min"`
	DeltaMax     float64     `json:"delta_max"`
	Grade        []float64   `json:"grade"`
}

// GRA computes Deng's grey relational analysis on the normalised matrix y:
// Δ_ij = |x₀j − y_ij|, ξ_ij = (Δmin + ρΔmax)/(Δ_ij + ρΔmax) with the
// two-level Δmin = min_i min_j Δ_ij and Δmax = max_i max_j Δ_ij, and the
// grade r_i = Σ_j w_j ξ_ij (w normalised to sum 1; nil w gives the plain
// mean). When Δmax = 0 every ξ is 1.
func GRA(y [][]float64, types []int, w []float64, opt GRAOptions) (GRAResult, error) {
	m, n, err := checkMatrix(y)
	if err != nil {
		return GRAResult{}, err
	}
	if err := checkTypes(types, n); err != nil {
		return GRAResult{}, err
	}
	if w == nil {
		w = Equal(n)
	}
	nw, err := NormalizeWeights(w, n)
	if err != nil {
		return GRAResult{}, err
	}
	rho := opt.Rho
	if rho == 0 {
		rho = 0.5
	}
	if !(rho > 0 && rho <= 1) {
		return GRAResult{}, errf("分辨系数 ρ 须在 (0, 1] 内（%v）", "the distinguishing coefficient rho must lie in (0, 1] (%v)", rho)
	}
	res := GRAResult{Reference: make([]float64, n), Coefficients: make([][]float64, m), Grade: make([]float64, m)}
	if opt.Reference != nil {
		if len(opt.Reference) != n {
			return GRAResult{}, errf("参考序列有 %d 个值，但有 %d 个指标", "the reference sequence has %d values but there are %d criteria", len(opt.Reference), n)
		}
		for j, v := range opt.Reference {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return GRAResult{}, errf("参考序列第 %d 个值不是有限数值", "reference value %d is not finite", j+1)
			}
		}
		copy(res.Reference, opt.Reference)
	} else {
		for j := 0; j < n; j++ {
			lo, hi := minMax(column(y, j))
			res.Reference[j] = hi
			if types[j] == Cost {
				res.Reference[j] = lo
			}
		}
	}
	dmin, dmax := math.Inf(1), 0.0
	for i := 0; i < m; i++ {
		res.Coefficients[i] = make([]float64, n)
		for j := 0; j < n; j++ {
			d := math.Abs(res.Reference[j] - y[i][j])
			res.Coefficients[i][j] = d
			dmin = math.Min(dmin, d)
			dmax = math.Max(dmax, d)
		}
	}
	res.DeltaMin, res.DeltaMax = dmin, dmax
	for i := 0; i < m; i++ {
		for j := 0; j < n; j++ {
			xi := 1.0
			if dmax > 0 {
				xi = (dmin + rho*dmax) / (res.Coefficients[i][j] + rho*dmax)
			}
			res.Coefficients[i][j] = xi
			res.Grade[i] += nw[j] * xi
		}
	}
	return res, nil
}

// CopelandResult holds the weighted outranking matrix and Copeland scores.
type CopelandResult struct {
	Outranking [][]float64 `json:"outranking"`
	Scores     []float64   `json:"scores"`
}

// Copeland aggregates by weighted pairwise outranking as COINr's Copeland
// option does: o_ij = Σ_k w_k [i better than j on k] + ½ Σ_k w_k [tie on k]
// (weights normalised to sum 1; "better" follows the criterion type), then
// each pair scores +1 if o_ij > o_ji, 0 if equal and −1 otherwise, and the
// score of i is the sum over j ≠ i.
func Copeland(y [][]float64, types []int, w []float64) (CopelandResult, error) {
	m, n, nw, err := checkYW(y, w)
	if err != nil {
		return CopelandResult{}, err
	}
	if err := checkTypes(types, n); err != nil {
		return CopelandResult{}, err
	}
	res := CopelandResult{Outranking: make([][]float64, m), Scores: make([]float64, m)}
	for i := 0; i < m; i++ {
		res.Outranking[i] = make([]float64, m)
		for k := 0; k < m; k++ {
			if i == k {
				continue
			}
			o := 0.0
			for j := 0; j < n; j++ {
				a, b := y[i][j], y[k][j]
				if types[j] == Cost {
					a, b = -a, -b
				}
				switch {
				case a > b:
					o += nw[j]
				case a == b:
					o += nw[j] / 2
				}
			}
			res.Outranking[i][k] = o
		}
	}
	for i := 0; i < m; i++ {
		for k := 0; k < m; k++ {
			if i == k {
				continue
			}
			d := res.Outranking[i][k] - res.Outranking[k][i]
			switch {
			case d > 1e-12:
				res.Scores[i]++
			case d < -1e-12:
				res.Scores[i]--
			}
		}
	}
	return res, nil
}
