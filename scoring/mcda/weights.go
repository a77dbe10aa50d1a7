package mcda

import (
	"math"
	"sort"

	"gonum.org/v1/gonum/mat"
)

// Equal returns n equal weights 1/n.
func Equal(n int) []float64 {
	w := make([]float64, n)
	for j := range w {
		w[j] = 1 / float64(n)
	}
	return w
}

// column returns column j of x.
func column(x [][]float64, j int) []float64 {
	c := make([]float64, len(x))
	for i := range x {
		c[i] = x[i][j]
	}
	return c
}

// normalizeSum scales v to sum 1; it fails when the sum is not positive.
func normalizeSum(v []float64, whatZh, whatEn string) ([]float64, error) {
	s := 0.0
	for _, x := range v {
		s += x
	}
	if !(s > 0) || math.IsInf(s, 0) {
		return nil, errf("%[1]s：各指标的量之和不为正，无法得到权重（所有列都是常数？）", "%[2]s: the criteria's measures do not have a positive sum, so no weights can be formed (all columns constant?)", whatZh, whatEn)
	}
	w := make([]float64, len(v))
	for j, x := range v {
		w[j] = x / s
	}
	return w, nil
}

// EntropyOptions configures Entropy.
type EntropyOptions struct {
	// Shift δ is added to every value before p_ij is formed (0 by default;
	// papers use 0.0001, 0.001 or 0.01 to avoid ln 0).
	Shift float64
	// NonNegShift applies SPSSAU's 非负平移 first: a column with any value
	// ≤ 0 gets + |min| + 0.01.
	NonNegShift bool
}

// EntropyResult holds the entropy method's quantities: k = 1/ln m, the
// entropy e_j, the divergence d_j = 1 − e_j and the weights w_j = d_j/Σd.
type EntropyResult struct {
	K       float64   `json:"k"`
	E       []float64 `json:"e"`
	D       []float64 `json:"d"`
	Weights []float64 `json:"weights"`
	// Shifted lists the (0-based) columns moved by the non-negative shift.
	Shifted []int    `json:"shifted,omitempty"`
	Notes   []string `json:"notes,omitempty"`
}

// Entropy computes entropy weights (熵值法) of the columns of the m×n
// matrix y, which must already be normalised and non-negative:
// p_ij = y_ij/Σ_i y_ij, e_j = −(1/ln m) Σ_i p_ij ln p_ij with 0·ln 0 = 0,
// d_j = 1 − e_j, w_j = d_j/Σd. A constant or all-zero column gets d_j = 0.
// It needs m ≥ 2 and at least one non-constant column.
func Entropy(y [][]float64, opt EntropyOptions) (EntropyResult, error) {
	m, n, err := checkMatrix(y)
	if err != nil {
		return EntropyResult{}, err
	}
	if m < 2 {
		return EntropyResult{}, errf("熵值法至少需要 2 个评价对象（k = 1/ln m）", "the entropy method needs at least 2 alternatives (k = 1/ln m)")
	}
	if math.IsNaN(opt.Shift) || math.IsInf(opt.Shift, 0) || opt.Shift < 0 {
		return EntropyResult{}, errf("平移量 shift 必须是非负有限数", "shift must be finite and non-negative")
	}
	res := EntropyResult{K: 1 / math.Log(float64(m)), E: make([]float64, n), D: make([]float64, n)}
	for j := 0; j < n; j++ {
		c := column(y, j)
		lo, hi := minMax(c)
		if opt.NonNegShift && lo <= 0 {
			s := math.Abs(lo) + 0.01
			for i := range c {
				c[i] += s
			}
			res.Shifted = append(res.Shifted, j)
		}
		sum := 0.0
		for i := range c {
			c[i] += opt.Shift
			if c[i] < 0 {
				return EntropyResult{}, errf("熵值法要求非负数据，第 %d 列含负值（请先做极差标准化或使用非负平移 nonneg_shift）", "the entropy method needs non-negative data; column %d has a negative value (normalise with minmax first or set nonneg_shift)", j+1)
			}
			sum += c[i]
		}
		if lo == hi || sum == 0 {
			res.E[j], res.D[j] = 1, 0
			res.Notes = append(res.Notes, sprintf2("第 %d 列为常数或全为 0，权重记为 0", "column %d is constant or all zero; weight set to 0", j+1))
			continue
		}
		e := 0.0
		for _, v := range c {
			if v > 0 {
				p := v / sum
				e -= p * math.Log(p)
			}
		}
		e *= res.K
		res.E[j] = e
		res.D[j] = math.Max(0, 1-e)
	}
	res.Weights, err = normalizeSum(res.D, "熵值法", "entropy")
	if err != nil {
		return EntropyResult{}, err
	}
	return res, nil
}

func sprintf2(zh, en string, a ...any) string { return errf(zh, en, a...).Error() }

// pearson returns the Pearson correlation of a and b; ok is false when
// either is constant.
func pearson(a, b []float64) (r float64, ok bool) {
	ma, mb := mean(a), mean(b)
	var sab, saa, sbb float64
	for i := range a {
		da, db := a[i]-ma, b[i]-mb
		sab += da * db
		saa += da * da
		sbb += db * db
	}
	if saa == 0 || sbb == 0 {
		return 0, false
	}
	r = sab / math.Sqrt(saa*sbb)
	return math.Max(-1, math.Min(1, r)), true
}

// CRITICResult holds CRITIC's σ_j (sample sd), the correlation matrix, the
// conflict R_j = Σ_k (1 − r_jk), the information C_j = σ_j R_j and weights.
// Correlation is set when it is not Pearson's.
type CRITICResult struct {
	Sigma       []float64   `json:"sigma"`
	Corr        [][]float64 `json:"corr"`
	Conflict    []float64   `json:"conflict"`
	Info        []float64   `json:"info"`
	Weights     []float64   `json:"weights"`
	AbsCorr     bool        `json:"abs_corr"`
	Correlation string      `json:"correlation,omitempty"`
}

// CRITICOptions selects the CRITIC variant: Σ(1 − |r|) (AbsCorr) and the
// correlation (Pearson when empty; "spearman" or "kendall" as
// scikit-criteria's CRITIC(correlation=…)).
type CRITICOptions struct {
	AbsCorr     bool
	Correlation string
}

// CRITIC computes CRITIC weights (Diakoulaki et al. 1995; SPSSAU) of the
// columns of the already normalised matrix y: σ_j is the sample standard
// deviation, r_jk the Pearson correlation, R_j = Σ_k (1 − r_jk) (or
// Σ_k (1 − |r_jk|) when absCorr), C_j = σ_j R_j, w_j = C_j/ΣC. A constant
// column has σ = 0 and its correlations are taken as 0.
func CRITIC(y [][]float64, absCorr bool) (CRITICResult, error) {
	return CRITICWith(y, CRITICOptions{AbsCorr: absCorr})
}

// CRITICWith is CRITIC with the correlation of opt (Correlate).
func CRITICWith(y [][]float64, opt CRITICOptions) (CRITICResult, error) {
	m, n, err := checkMatrix(y)
	if err != nil {
		return CRITICResult{}, err
	}
	if m < 2 {
		return CRITICResult{}, errf("CRITIC 至少需要 2 个评价对象", "CRITIC needs at least 2 alternatives")
	}
	corr := opt.Correlation
	if corr == "" {
		corr = Pearson
	}
	if !contains(CorrelationNames, corr) {
		return CRITICResult{}, errf("未知相关系数 %q（可选：%v）", "unknown correlation %q (known: %v)", corr, CorrelationNames)
	}
	cols := make([][]float64, n)
	for j := range cols {
		cols[j] = column(y, j)
	}
	absCorr := opt.AbsCorr
	res := CRITICResult{Sigma: make([]float64, n), Corr: make([][]float64, n), Conflict: make([]float64, n), Info: make([]float64, n), AbsCorr: absCorr}
	if corr != Pearson {
		res.Correlation = corr
	}
	for j := 0; j < n; j++ {
		res.Sigma[j] = sampleSD(cols[j])
		res.Corr[j] = make([]float64, n)
	}
	for j := 0; j < n; j++ {
		for k := 0; k < n; k++ {
			r := 1.0
			if j != k {
				r, _ = Correlate(corr, cols[j], cols[k])
			} else if res.Sigma[j] == 0 {
				r = 0
			}
			res.Corr[j][k] = r
			if absCorr {
				r = math.Abs(r)
			}
			res.Conflict[j] += 1 - r
		}
		res.Info[j] = res.Sigma[j] * res.Conflict[j]
	}
	res.Weights, err = normalizeSum(res.Info, "CRITIC", "CRITIC")
	if err != nil {
		return CRITICResult{}, err
	}
	return res, nil
}

// SpreadResult holds the coefficient-of-variation or standard-deviation
// method's mean, sample sd, spread (sd/mean or sd) and weights.
type SpreadResult struct {
	Mean    []float64 `json:"mean"`
	SD      []float64 `json:"sd"`
	Spread  []float64 `json:"spread"`
	Weights []float64 `json:"weights"`
}

// CV computes coefficient-of-variation weights (变异系数法): V_j = s_j/x̄_j
// with the sample sd, w_j = V_j/ΣV. Every column mean must be positive.
func CV(y [][]float64) (SpreadResult, error) { return spread(y, true) }

// SD computes standard-deviation weights: w_j = s_j/Σs with the sample sd.
func SD(y [][]float64) (SpreadResult, error) { return spread(y, false) }

func spread(y [][]float64, cv bool) (SpreadResult, error) {
	m, n, err := checkMatrix(y)
	if err != nil {
		return SpreadResult{}, err
	}
	if m < 2 {
		return SpreadResult{}, errf("标准差至少需要 2 个评价对象", "a standard deviation needs at least 2 alternatives")
	}
	res := SpreadResult{Mean: make([]float64, n), SD: make([]float64, n), Spread: make([]float64, n)}
	for j := 0; j < n; j++ {
		c := column(y, j)
		res.Mean[j], res.SD[j] = mean(c), sampleSD(c)
		res.Spread[j] = res.SD[j]
		if cv {
			if !(res.Mean[j] > 0) {
				return SpreadResult{}, errf("变异系数法要求各列均值为正，第 %d 列均值为 %v（请用原始正值数据或均值化数据）", "the CV method needs positive column means; column %d has mean %v (use raw positive or mean-ratio data)", j+1, res.Mean[j])
			}
			res.Spread[j] = res.SD[j] / res.Mean[j]
		}
	}
	nameZh, nameEn := "标准差法", "SD"
	if cv {
		nameZh, nameEn = "变异系数法", "CV"
	}
	res.Weights, err = normalizeSum(res.Spread, nameZh, nameEn)
	if err != nil {
		return SpreadResult{}, err
	}
	return res, nil
}

// correlationMatrix returns the Pearson correlation matrix of the columns
// of y; every column must vary.
func correlationMatrix(y [][]float64) (*mat.SymDense, error) {
	n := len(y[0])
	cols := make([][]float64, n)
	for j := range cols {
		cols[j] = column(y, j)
		if lo, hi := minMax(cols[j]); lo == hi {
			return nil, errf("第 %d 列为常数，相关系数无定义，无法做主成分分析", "column %d is constant; its correlations are undefined, so PCA cannot run", j+1)
		}
	}
	s := mat.NewSymDense(n, nil)
	for j := 0; j < n; j++ {
		s.SetSym(j, j, 1)
		for k := j + 1; k < n; k++ {
			r, _ := pearson(cols[j], cols[k])
			s.SetSym(j, k, r)
		}
	}
	return s, nil
}

// eigenSymDesc returns the eigenvalues (descending) and the matching unit
// eigenvectors (as columns) of the symmetric s. Each eigenvector's sign is
// chosen so that its entries sum to a non-negative number (the largest
// entry by magnitude positive when the sum is 0).
func eigenSymDesc(s *mat.SymDense) ([]float64, [][]float64, error) {
	var es mat.EigenSym
	if !es.Factorize(s, true) {
		return nil, nil, errf("特征分解失败", "the eigen decomposition failed")
	}
	vals := es.Values(nil)
	var ev mat.Dense
	es.VectorsTo(&ev)
	n := len(vals)
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return vals[order[a]] > vals[order[b]] })
	outVals := make([]float64, n)
	outVecs := make([][]float64, n)
	for k, o := range order {
		outVals[k] = vals[o]
		v := make([]float64, n)
		sum, big := 0.0, 0.0
		for j := 0; j < n; j++ {
			v[j] = ev.At(j, o)
			sum += v[j]
			if math.Abs(v[j]) > math.Abs(big) {
				big = v[j]
			}
		}
		if sum < -1e-12 || (math.Abs(sum) <= 1e-12 && big < 0) {
			for j := range v {
				v[j] = -v[j]
			}
		}
		outVecs[k] = v
	}
	return outVals, outVecs, nil
}

// PCAOptions selects the components kept by PCA.
type PCAOptions struct {
	// MinEigen keeps components with eigenvalue > MinEigen (1 by default,
	// the Kaiser rule) unless Cumulative is set.
	MinEigen float64
	// Cumulative, when in (0, 1], keeps the fewest leading components whose
	// cumulative share of variance is ≥ Cumulative.
	Cumulative float64
}

// PCAResult holds the principal-component weights and their ingredients.
type PCAResult struct {
	Eigenvalues []float64   `json:"eigenvalues"`    // all, descending
	Variance    []float64   `json:"variance_ratio"` // λ_k/Σλ
	Kept        int         `json:"kept"`
	Loadings    [][]float64 `json:"loadings"`     // p × kept, l_jk = v_jk √λ_k
	Coef        [][]float64 `json:"coefficients"` // p × kept, a_jk = l_jk/√λ_k
	B           []float64   `json:"b"`            // composite coefficient
	Weights     []float64   `json:"weights"`
	Warning     string      `json:"warning,omitempty"`
}

// PCA computes the principal-component weights used in Chinese papers
// (主成分分析法赋权). On the correlation matrix of the columns of y (i.e. on
// standardised data) it keeps the components with eigenvalue > MinEigen (or
// enough for the Cumulative share), forms the loadings l_jk = v_jk √λ_k,
// the coefficients a_jk = l_jk/√λ_k, the composite coefficients
// b_j = Σ_k a_jk λ_k / Σ_kept λ_k and the weights w_j = |b_j|/Σ|b|. A
// warning is set when any b_j < 0. Each component's sign is fixed so that
// its coefficients sum to a non-negative number. Because it uses
// correlations, the weights do not change when a column is rescaled.
func PCA(y [][]float64, opt PCAOptions) (PCAResult, error) {
	m, n, err := checkMatrix(y)
	if err != nil {
		return PCAResult{}, err
	}
	if m < 2 {
		return PCAResult{}, errf("主成分分析至少需要 2 个评价对象", "PCA needs at least 2 alternatives")
	}
	s, err := correlationMatrix(y)
	if err != nil {
		return PCAResult{}, err
	}
	vals, vecs, err := eigenSymDesc(s)
	if err != nil {
		return PCAResult{}, err
	}
	total := 0.0
	for k := range vals {
		vals[k] = math.Max(vals[k], 0)
		total += vals[k]
	}
	res := PCAResult{Eigenvalues: vals, Variance: make([]float64, n)}
	for k := range vals {
		res.Variance[k] = vals[k] / total
	}
	kept := 0
	if opt.Cumulative > 0 {
		if opt.Cumulative > 1 {
			return PCAResult{}, errf("累计方差贡献率阈值须在 (0, 1] 内", "cumulative must lie in (0, 1]")
		}
		c := 0.0
		for kept < n {
			c += res.Variance[kept]
			kept++
			if c >= opt.Cumulative-1e-12 {
				break
			}
		}
	} else {
		for kept < n && vals[kept] > opt.MinEigen {
			kept++
		}
	}
	if kept == 0 {
		kept = 1
		res.Warning = sprintf2("没有特征值大于 %v 的主成分，只保留第 1 主成分", "no component has eigenvalue > %v; the first component is kept", opt.MinEigen)
	}
	res.Kept = kept
	keptSum := 0.0
	for k := 0; k < kept; k++ {
		keptSum += vals[k]
	}
	res.Loadings = make([][]float64, n)
	res.Coef = make([][]float64, n)
	res.B = make([]float64, n)
	abs := make([]float64, n)
	neg := false
	for j := 0; j < n; j++ {
		res.Loadings[j] = make([]float64, kept)
		res.Coef[j] = make([]float64, kept)
		for k := 0; k < kept; k++ {
			l := vecs[k][j] * math.Sqrt(vals[k])
			a := 0.0
			if vals[k] > 0 {
				a = l / math.Sqrt(vals[k])
			}
			res.Loadings[j][k] = l
			res.Coef[j][k] = a
			res.B[j] += a * vals[k] / keptSum
		}
		abs[j] = math.Abs(res.B[j])
		if res.B[j] < 0 {
			neg = true
		}
	}
	if neg {
		w := sprintf2("部分综合系数 b_j 为负，权重按 |b_j| 归一化", "some composite coefficients b_j are negative; weights use |b_j|")
		if res.Warning != "" {
			res.Warning += "; " + w
		} else {
			res.Warning = w
		}
	}
	res.Weights, err = normalizeSum(abs, "主成分", "PCA")
	if err != nil {
		return PCAResult{}, err
	}
	return res, nil
}

// PCALoadings computes weights from the first principal component as
// COINr's get_PCA does (prcomp on standardised data): the loadings are the
// first eigenvector of the correlation matrix, its sign fixed so that they
// sum to a non-negative number, and the weights are the loadings divided by
// their sum. A warning is set when any loading is negative (the weight is
// then negative too).
func PCALoadings(y [][]float64) (PCAResult, error) {
	m, n, err := checkMatrix(y)
	if err != nil {
		return PCAResult{}, err
	}
	if m < 2 {
		return PCAResult{}, errf("主成分分析至少需要 2 个评价对象", "PCA needs at least 2 alternatives")
	}
	s, err := correlationMatrix(y)
	if err != nil {
		return PCAResult{}, err
	}
	vals, vecs, err := eigenSymDesc(s)
	if err != nil {
		return PCAResult{}, err
	}
	total := 0.0
	for _, v := range vals {
		total += math.Max(v, 0)
	}
	res := PCAResult{Eigenvalues: vals, Variance: make([]float64, n), Kept: 1, Loadings: make([][]float64, n), B: vecs[0]}
	for k := range vals {
		res.Variance[k] = math.Max(vals[k], 0) / total
	}
	sum := 0.0
	for j := 0; j < n; j++ {
		res.Loadings[j] = []float64{vecs[0][j]}
		sum += vecs[0][j]
		if vecs[0][j] < 0 {
			res.Warning = sprintf2("第一主成分载荷有负值，对应权重为负", "some first-component loadings are negative, so are their weights")
		}
	}
	if !(sum > 0) {
		return PCAResult{}, errf("第一主成分载荷之和为 0，无法归一化", "the first-component loadings sum to 0 and cannot be normalised")
	}
	res.Weights = make([]float64, n)
	for j := range res.Weights {
		res.Weights[j] = vecs[0][j] / sum
	}
	return res, nil
}

// pair validates two weight vectors of equal length and returns them
// normalised to sum 1.
func pair(a, b []float64) ([]float64, []float64, error) {
	if len(a) == 0 || len(a) != len(b) {
		return nil, nil, errf("两组权重长度不同（%d 与 %d）或为空", "the two weight vectors differ in length (%d and %d) or are empty", len(a), len(b))
	}
	na, err := NormalizeWeights(a, len(a))
	if err != nil {
		return nil, nil, err
	}
	nb, err := NormalizeWeights(b, len(b))
	if err != nil {
		return nil, nil, err
	}
	return na, nb, nil
}

// CombineLinear returns α a + (1 − α) b, with a and b first normalised to
// sum 1 (线性加权组合; a is usually the subjective, b the objective weight).
func CombineLinear(a, b []float64, alpha float64) ([]float64, error) {
	if !(alpha >= 0 && alpha <= 1) {
		return nil, errf("组合系数 α 须在 [0, 1] 内（%v）", "alpha must lie in [0, 1] (%v)", alpha)
	}
	na, nb, err := pair(a, b)
	if err != nil {
		return nil, err
	}
	w := make([]float64, len(na))
	for j := range w {
		w[j] = alpha*na[j] + (1-alpha)*nb[j]
	}
	return w, nil
}

// CombineMultiplicative returns a_j b_j / Σ a_k b_k (乘法合成).
func CombineMultiplicative(a, b []float64) ([]float64, error) {
	na, nb, err := pair(a, b)
	if err != nil {
		return nil, err
	}
	w := make([]float64, len(na))
	for j := range w {
		w[j] = na[j] * nb[j]
	}
	return normalizeSum(w, "乘法合成", "multiplicative")
}

// CombineGeometric returns √(a_j b_j) / Σ √(a_k b_k), the minimum
// discrimination information combination (最小信息熵组合).
func CombineGeometric(a, b []float64) ([]float64, error) {
	na, nb, err := pair(a, b)
	if err != nil {
		return nil, err
	}
	w := make([]float64, len(na))
	for j := range w {
		w[j] = math.Sqrt(na[j] * nb[j])
	}
	return normalizeSum(w, "几何组合", "geometric")
}

// GameTheoryResult holds the game-theory combination: the raw solution α of
// (WᵀW) α = diag(WᵀW), its normalised form and the combined weights.
type GameTheoryResult struct {
	AlphaRaw []float64 `json:"alpha_raw"`
	Alpha    []float64 `json:"alpha"`
	Weights  []float64 `json:"weights"`
}

// GameTheory combines k weight vectors (博弈论组合赋权). With W = [w_1 … w_k]
// (each normalised to sum 1) it solves (WᵀW) α = diag(WᵀW), normalises α to
// α* = α/Σα (or |α|/Σ|α| when abs) and returns w* = Wα* normalised to sum 1.
func GameTheory(ws [][]float64, abs bool) (GameTheoryResult, error) {
	k := len(ws)
	if k < 2 {
		return GameTheoryResult{}, errf("博弈论组合至少需要 2 组权重", "the game-theory combination needs at least 2 weight vectors")
	}
	n := len(ws[0])
	W := mat.NewDense(n, k, nil)
	for c, w := range ws {
		if len(w) != n || n == 0 {
			return GameTheoryResult{}, errf("各组权重长度不同或为空", "the weight vectors differ in length or are empty")
		}
		nw, err := NormalizeWeights(w, n)
		if err != nil {
			return GameTheoryResult{}, err
		}
		for j, v := range nw {
			W.Set(j, c, v)
		}
	}
	var G mat.Dense
	G.Mul(W.T(), W)
	rhs := mat.NewVecDense(k, nil)
	for c := 0; c < k; c++ {
		rhs.SetVec(c, G.At(c, c))
	}
	var alpha mat.VecDense
	if err := alpha.SolveVec(&G, rhs); err != nil {
		return GameTheoryResult{}, errf("WᵀW 奇异（有两组权重相同或线性相关），博弈论组合无唯一解", "WᵀW is singular (two weight vectors are equal or linearly dependent); the game-theory combination has no unique solution")
	}
	res := GameTheoryResult{AlphaRaw: make([]float64, k), Alpha: make([]float64, k)}
	s := 0.0
	for c := 0; c < k; c++ {
		a := alpha.AtVec(c)
		res.AlphaRaw[c] = a
		if abs {
			a = math.Abs(a)
		}
		res.Alpha[c] = a
		s += a
	}
	if s == 0 || math.IsNaN(s) || math.IsInf(s, 0) {
		return GameTheoryResult{}, errf("组合系数之和为 0，无法归一化", "the combination coefficients sum to 0 and cannot be normalised")
	}
	w := make([]float64, n)
	for c := range res.Alpha {
		res.Alpha[c] /= s
		for j := 0; j < n; j++ {
			w[j] += res.Alpha[c] * W.At(j, c)
		}
	}
	ws2, err := normalizeSum(w, "博弈论组合", "game theory")
	if err != nil {
		return GameTheoryResult{}, err
	}
	res.Weights = ws2
	return res, nil
}

// CombineGameTheory is GameTheory(ws, false) returning only the weights.
func CombineGameTheory(ws ...[]float64) ([]float64, error) {
	res, err := GameTheory(ws, false)
	if err != nil {
		return nil, err
	}
	return res.Weights, nil
}

// VHResult holds the vertical-horizontal scatter weights.
type VHResult struct {
	H       [][]float64 `json:"h"`
	Lambda  float64     `json:"lambda"`
	Weights []float64   `json:"weights"`
}

// VerticalHorizontal computes the weights of 纵横向拉开档次法 (郭亚军): for
// normalised panel matrices A_t (units × criteria, one per period), H =
// Σ_t A_tᵀA_t and the weights are the eigenvector of H's largest
// eigenvalue, its sign made positive and normalised to sum 1.
func VerticalHorizontal(panels [][][]float64) (VHResult, error) {
	if len(panels) == 0 {
		return VHResult{}, errf("没有面板数据", "no panel matrices given")
	}
	_, p, err := checkMatrix(panels[0])
	if err != nil {
		return VHResult{}, err
	}
	H := mat.NewSymDense(p, nil)
	for t, A := range panels {
		_, pt, err := checkMatrix(A)
		if err != nil {
			return VHResult{}, errf("第 %d 期：%v", "period %d: %v", t+1, err)
		}
		if pt != p {
			return VHResult{}, errf("第 %d 期有 %d 个指标，第 1 期有 %d 个", "period %d has %d criteria but period 1 has %d", t+1, pt, p)
		}
		for j := 0; j < p; j++ {
			for k := j; k < p; k++ {
				s := 0.0
				for i := range A {
					s += A[i][j] * A[i][k]
				}
				H.SetSym(j, k, H.At(j, k)+s)
			}
		}
	}
	vals, vecs, err := eigenSymDesc(H)
	if err != nil {
		return VHResult{}, err
	}
	w, err := normalizeSum(vecs[0], "纵横向拉开档次法", "vertical-horizontal")
	if err != nil {
		return VHResult{}, err
	}
	res := VHResult{H: make([][]float64, p), Lambda: vals[0], Weights: w}
	for j := 0; j < p; j++ {
		res.H[j] = make([]float64, p)
		for k := 0; k < p; k++ {
			res.H[j][k] = H.At(j, k)
		}
	}
	return res, nil
}
