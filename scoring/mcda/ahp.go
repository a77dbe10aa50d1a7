package mcda

import (
	"math"
	"math/cmplx"

	"gonum.org/v1/gonum/mat"
)

// RISaaty is Saaty's random consistency index for n = 1..15.
var RISaaty = [15]float64{0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59}

// RIChinese is the random index table common in Chinese textbooks (large
// simulations), n = 1..15.
var RIChinese = [15]float64{0, 0, 0.52, 0.89, 1.12, 1.26, 1.36, 1.41, 1.46, 1.49, 1.52, 1.54, 1.56, 1.58, 1.59}

// AHPResult holds the weights and the consistency check of one judgement
// matrix.
type AHPResult struct {
	Method     string    `json:"method"`
	RITable    string    `json:"ri_table"`
	Weights    []float64 `json:"weights"`
	AW         []float64 `json:"aw"` // (Aw)_i
	LambdaMax  float64   `json:"lambda_max"`
	CI         float64   `json:"ci"`
	RI         float64   `json:"ri"`
	CR         float64   `json:"cr"`
	Consistent bool      `json:"consistent"` // CR < 0.1
}

// AHP computes the priority weights of the n×n pairwise judgement matrix a
// (Saaty's 1–9 scale) and its consistency.
//
// method is "sum-product" (和积法, SPSSAU's default: normalise each column,
// average each row), "geometric" (方根法: w_i ∝ (Π_j a_ij)^{1/n}) or
// "eigenvector" (the principal right eigenvector). For the first two,
// λ_max = (1/n) Σ_i (Aw)_i/w_i as SPSSAU prints it; for "eigenvector" it is
// the principal eigenvalue. CI = (λ_max − n)/(n − 1), CR = CI/RI with RI
// from the table ri: "saaty" (default) or "chinese". n ≤ 2 gives CI = CR = 0.
//
// The matrix must be square (n ≤ 15), positive and reciprocal:
// |a_ji − 1/a_ij| ≤ 1e-9·(1/a_ij) for every pair and a_ii = 1; the first
// offending cell is reported.
func AHP(a [][]float64, method, ri string) (AHPResult, error) {
	if method == "" {
		method = "sum-product"
	}
	if ri == "" {
		ri = "saaty"
	}
	var table [15]float64
	switch ri {
	case "saaty":
		table = RISaaty
	case "chinese":
		table = RIChinese
	default:
		return AHPResult{}, errf("未知 RI 表 %q（可选：saaty, chinese）", "unknown RI table %q (known: saaty, chinese)", ri)
	}
	n := len(a)
	if n == 0 {
		return AHPResult{}, errf("判断矩阵为空", "the judgement matrix is empty")
	}
	if n > 15 {
		return AHPResult{}, errf("判断矩阵阶数 %d 超过 15，RI 表无对应值", "the judgement matrix has order %d; RI tables stop at 15", n)
	}
	for i, row := range a {
		if len(row) != n {
			return AHPResult{}, errf("判断矩阵不是方阵：第 %d 行有 %d 个数，应为 %d", "the judgement matrix is not square: row %d has %d entries, want %d", i+1, len(row), n)
		}
		for j, v := range row {
			if math.IsNaN(v) || math.IsInf(v, 0) || v <= 0 {
				return AHPResult{}, errf("判断矩阵第 %d 行第 %d 列须为正的有限数（%v）", "judgement a[%d][%d] must be positive and finite (%v)", i+1, j+1, v)
			}
		}
	}
	for i := 0; i < n; i++ {
		if math.Abs(a[i][i]-1) > 1e-9 {
			return AHPResult{}, errf("判断矩阵对角线第 %d 个元素应为 1（%v）", "diagonal entry a[%d][%d] must be 1 (%v)", i+1, i+1, a[i][i])
		}
		for j := i + 1; j < n; j++ {
			want := 1 / a[i][j]
			if math.Abs(a[j][i]-want) > 1e-9*want {
				return AHPResult{}, errf("判断矩阵不满足互反性：a[%d][%d] = %v，但 1/a[%d][%d] = %v（请输入精确分数，如 1/3 = 0.3333333333333333）",
					"the judgement matrix is not reciprocal: a[%d][%d] = %v but 1/a[%d][%d] = %v (enter exact fractions, e.g. 1/3 = 0.3333333333333333)",
					j+1, i+1, a[j][i], i+1, j+1, want)
			}
		}
	}
	res := AHPResult{Method: method, RITable: ri, Weights: make([]float64, n), AW: make([]float64, n)}
	w := res.Weights
	switch method {
	case "sum-product":
		for j := 0; j < n; j++ {
			s := 0.0
			for i := 0; i < n; i++ {
				s += a[i][j]
			}
			for i := 0; i < n; i++ {
				w[i] += a[i][j] / s / float64(n)
			}
		}
	case "geometric":
		s := 0.0
		for i := 0; i < n; i++ {
			l := 0.0
			for j := 0; j < n; j++ {
				l += math.Log(a[i][j])
			}
			w[i] = math.Exp(l / float64(n))
			s += w[i]
		}
		for i := range w {
			w[i] /= s
		}
	case "eigenvector":
		lambda, v, err := principalEigen(a)
		if err != nil {
			return AHPResult{}, err
		}
		copy(w, v)
		res.LambdaMax = lambda
	default:
		return AHPResult{}, errf("未知 AHP 权重方法 %q（可选：sum-product, geometric, eigenvector）", "unknown AHP method %q (known: sum-product, geometric, eigenvector)", method)
	}
	lm := 0.0
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			res.AW[i] += a[i][j] * w[j]
		}
		lm += res.AW[i] / w[i]
	}
	if method != "eigenvector" {
		res.LambdaMax = lm / float64(n)
	}
	res.RI = table[n-1]
	if n > 2 {
		res.CI = (res.LambdaMax - float64(n)) / float64(n-1)
		res.CR = res.CI / res.RI
	}
	res.Consistent = res.CR < 0.1
	return res, nil
}

// principalEigen returns the Perron eigenvalue of the positive matrix a and
// its eigenvector normalised to sum 1.
func principalEigen(a [][]float64) (float64, []float64, error) {
	n := len(a)
	A := mat.NewDense(n, n, nil)
	for i := range a {
		for j := range a[i] {
			A.Set(i, j, a[i][j])
		}
	}
	var eg mat.Eigen
	if !eg.Factorize(A, mat.EigenRight) {
		return 0, nil, errf("判断矩阵特征分解失败", "the eigen decomposition of the judgement matrix failed")
	}
	vals := eg.Values(nil)
	best := 0
	for k := range vals {
		if real(vals[k]) > real(vals[best]) {
			best = k
		}
	}
	var V mat.CDense
	eg.VectorsTo(&V)
	v := make([]float64, n)
	s := 0.0
	for i := 0; i < n; i++ {
		v[i] = real(V.At(i, best))
		if math.Abs(imag(V.At(i, best))) > 1e-9*cmplx.Abs(V.At(i, best)) {
			return 0, nil, errf("主特征向量不是实向量", "the principal eigenvector is not real")
		}
		s += v[i]
	}
	for i := range v {
		v[i] /= s
	}
	return real(vals[best]), v, nil
}

// HierarchyWeights returns the global weights of the leaves of a two-level
// hierarchy: local[k] holds the local weights of the children of top-level
// criterion k, and the global weight of a leaf is top[k]·local[k][j]. The
// result lists the leaves in order (all children of criterion 1, then of
// criterion 2, ...). Both levels are normalised to sum 1 first.
func HierarchyWeights(top []float64, local [][]float64) ([]float64, error) {
	t, err := NormalizeWeights(top, len(top))
	if err != nil {
		return nil, err
	}
	if len(local) != len(top) {
		return nil, errf("上层有 %d 个准则，但给出了 %d 组下层权重", "there are %d top-level criteria but %d groups of local weights", len(top), len(local))
	}
	var out []float64
	for k, l := range local {
		nl, err := NormalizeWeights(l, len(l))
		if err != nil {
			return nil, errf("第 %d 组下层权重：%v", "local weights %d: %v", k+1, err)
		}
		for _, v := range nl {
			out = append(out, t[k]*v)
		}
	}
	return out, nil
}
