package pipeline

import (
	"math"

	"github.com/nqp-index/nqp/scoring/mcda"
)

// EntropyDiag holds the entropy method's intermediate quantities for one
// run: k, and per indicator the entropy e_j, the divergence d_j = 1 − e_j
// and the weight w_j = d_j / Σd. N is the number of values used per column.
type EntropyDiag struct {
	Period string `json:"period,omitempty"` // "" for a pooled run
	K      Vector `json:"k"`                // 1/ln(N_j) per indicator
	N      []int  `json:"n"`
	E      Vector `json:"e"`
	D      Vector `json:"d"`
	W      Vector `json:"w"`
}

// CRITICDiag holds CRITIC's σ_j (sample sd), conflict R_j = Σ_k (1 − r_jk),
// information C_j = σ_j R_j and the weights; Correlation names the
// correlation when it is not Pearson's.
type CRITICDiag struct {
	Correlation string `json:"correlation,omitempty"`
	Sigma       Vector `json:"sigma"`
	Conflict    Vector `json:"conflict"`
	Info        Vector `json:"info"`
	W           Vector `json:"w"`
}

// SpreadDiag holds the coefficient-of-variation or standard-deviation
// method's quantities: mean, sample sd, the spread measure (CV = sd/mean or
// sd) and the weights.
type SpreadDiag struct {
	Mean   Vector `json:"mean"`
	SD     Vector `json:"sd"`
	Spread Vector `json:"spread"`
	W      Vector `json:"w"`
}

// colIssue is a per-indicator note raised while weighting.
type colIssue struct {
	col  int
	code string
	zh   string
	en   string
}

// entropy computes entropy weights of the columns y[j] over the rows idx.
// Negative columns are shifted by |min| + 0.01 (SPSSAU's 非负平移) with a
// note; zero rules are applied as configured. It returns the diagnostics
// and notes; err is set when no column has at least two values.
func entropy(y Matrix, idx []int, w Weights) (EntropyDiag, []colIssue) {
	p := len(y)
	dg := EntropyDiag{K: make(Vector, p), N: make([]int, p), E: make(Vector, p), D: make(Vector, p), W: make(Vector, p)}
	colNotes := make([][]colIssue, p)
	parallel(p, func(j int) {
		vals := make([]float64, 0, len(idx))
		note := func(c colIssue) { colNotes[j] = append(colNotes[j], c) }
		lo, hi := math.Inf(1), math.Inf(-1)
		col := y[j]
		for _, i := range idx {
			v := col[i]
			if math.IsNaN(v) {
				continue
			}
			vals = append(vals, v)
			if v < lo {
				lo = v
			}
			if v > hi {
				hi = v
			}
		}
		n := len(vals)
		dg.N[j] = n
		if n < 2 {
			dg.K[j], dg.E[j], dg.D[j] = math.NaN(), 1, 0
			note(colIssue{j, "entropy-too-few", "有效样本少于 2 个，熵值法无法计算（k = 1/ln N 无定义），该指标权重记为 0", "fewer than 2 values: the entropy method is undefined (k = 1/ln N), weight set to 0"})
			return
		}
		if lo < 0 {
			s := -lo + 0.01
			for i := range vals {
				vals[i] += s
			}
			lo, hi = lo+s, hi+s
			note(colIssue{j, "entropy-negative", "存在负值，已按 SPSSAU 非负平移（加 |min| + 0.01）后计算熵值", "negative values: shifted by |min| + 0.01 (SPSSAU's non-negative shift) before the entropy step"})
		}
		switch w.ZeroRule {
		case ZeroShift:
			for i := range vals {
				vals[i] += w.Delta
			}
		case ZeroRescale:
			for i := range vals {
				if hi > lo {
					vals[i] = w.A + (w.B-w.A)*(vals[i]-lo)/(hi-lo)
				} else {
					vals[i] = w.A
				}
			}
		}
		var sum float64
		for _, v := range vals {
			sum += v
		}
		k := 1 / math.Log(float64(n))
		dg.K[j] = k
		if !(sum > 0) {
			dg.E[j], dg.D[j] = 1, 0
			note(colIssue{j, "entropy-all-zero", "所有值为 0，不含信息，熵值记为 1、权重为 0", "all values are 0: no information, entropy set to 1 and weight to 0"})
			return
		}
		// Σ q ln q with q = v/sum equals (Σ v ln v)/sum − ln sum.
		var h float64
		for _, v := range vals {
			if v > 0 {
				h += v * math.Log(v)
			}
		}
		e := -k * (h/sum - math.Log(sum))
		d := 1 - e
		if d < 0 { // a constant column gives e = 1 up to rounding
			d = 0
		}
		dg.E[j], dg.D[j] = e, d
	})
	var notes []colIssue
	for _, ns := range colNotes {
		notes = append(notes, ns...)
	}
	var sd float64
	for _, d := range dg.D {
		sd += d
	}
	for j := range dg.W {
		if sd > 0 {
			dg.W[j] = dg.D[j] / sd
		} else {
			dg.W[j] = 1 / float64(p)
		}
	}
	if !(sd > 0) && p > 0 {
		notes = append(notes, colIssue{-1, "entropy-no-information", "所有指标的信息效用值均为 0（数据无差异），改用等权重", "every indicator has zero divergence (no variation in the data): equal weights used instead"})
	}
	return dg, notes
}

// colStats returns the mean and sample sd of column j over idx and the count.
func colStats(c []float64, idx []int) (mean, sd float64, n int) {
	var s float64
	for _, i := range idx {
		if v := c[i]; !math.IsNaN(v) {
			s += v
			n++
		}
	}
	if n == 0 {
		return math.NaN(), math.NaN(), 0
	}
	mean = s / float64(n)
	var ss float64
	for _, i := range idx {
		if v := c[i]; !math.IsNaN(v) {
			d := v - mean
			ss += d * d
		}
	}
	if n < 2 {
		return mean, 0, n
	}
	return mean, math.Sqrt(ss / float64(n-1)), n
}

// pearson is the correlation of columns a and b over rows where both exist.
func pearson(a, b []float64, idx []int) float64 {
	var sa, sb float64
	n := 0
	for _, i := range idx {
		x, y := a[i], b[i]
		if math.IsNaN(x) || math.IsNaN(y) {
			continue
		}
		sa += x
		sb += y
		n++
	}
	if n < 2 {
		return 0
	}
	ma, mb := sa/float64(n), sb/float64(n)
	var sxy, sxx, syy float64
	for _, i := range idx {
		x, y := a[i], b[i]
		if math.IsNaN(x) || math.IsNaN(y) {
			continue
		}
		dx, dy := x-ma, y-mb
		sxy += dx * dy
		sxx += dx * dx
		syy += dy * dy
	}
	if sxx == 0 || syy == 0 {
		return 0
	}
	return sxy / math.Sqrt(sxx*syy)
}

// rankCorrelation is the Spearman or Kendall τ-b correlation (mcda.Correlate)
// of columns a and b over the rows of idx where both exist (pairwise
// complete, as pandas' DataFrame.corr); 0 when undefined.
func rankCorrelation(method string, a, b []float64, idx []int) float64 {
	xa, xb := make([]float64, 0, len(idx)), make([]float64, 0, len(idx))
	for _, i := range idx {
		if x, y := a[i], b[i]; !math.IsNaN(x) && !math.IsNaN(y) {
			xa, xb = append(xa, x), append(xb, y)
		}
	}
	if len(xa) < 2 {
		return 0
	}
	r, _ := mcda.Correlate(method, xa, xb)
	return r
}

// critic computes CRITIC weights on y over idx with the correlation named
// ("" or pearson, spearman, kendall). Constant columns get σ = 0 and
// weight 0 and are left out of the other columns' conflict sums.
func critic(y Matrix, idx []int, correlation string) (CRITICDiag, []colIssue) {
	p := len(y)
	dg := CRITICDiag{Sigma: make(Vector, p), Conflict: make(Vector, p), Info: make(Vector, p), W: make(Vector, p)}
	if correlation == mcda.Pearson {
		correlation = ""
	}
	dg.Correlation = correlation
	var notes []colIssue
	live := make([]bool, p)
	for j := 0; j < p; j++ {
		_, sd, _ := colStats(y[j], idx)
		dg.Sigma[j] = sd
		live[j] = sd > 0
		if !live[j] {
			dg.Sigma[j] = 0
			notes = append(notes, colIssue{j, "critic-constant", "指标无变化（标准差为 0），CRITIC 权重为 0，且不计入其他指标的冲突性", "the indicator does not vary (sd = 0): CRITIC weight 0, left out of the other indicators' conflict"})
		}
	}
	var total float64
	for j := 0; j < p; j++ {
		if !live[j] {
			continue
		}
		var r float64
		for k := 0; k < p; k++ {
			if k == j || !live[k] {
				continue
			}
			if correlation == "" {
				r += 1 - pearson(y[j], y[k], idx)
			} else {
				r += 1 - rankCorrelation(correlation, y[j], y[k], idx)
			}
		}
		dg.Conflict[j] = r
		dg.Info[j] = dg.Sigma[j] * r
		total += dg.Info[j]
	}
	for j := range dg.W {
		if total > 0 {
			dg.W[j] = dg.Info[j] / total
		} else {
			dg.W[j] = 1 / float64(p)
		}
	}
	if !(total > 0) {
		notes = append(notes, colIssue{-1, "critic-no-information", "CRITIC 信息量全为 0，改用等权重", "all CRITIC information amounts are 0: equal weights used instead"})
	}
	return dg, notes
}

// spread computes coefficient-of-variation (cv = true) or standard-deviation
// weights of m's columns over idx.
func spread(m Matrix, idx []int, cv bool) (SpreadDiag, []colIssue) {
	p := len(m)
	dg := SpreadDiag{Mean: make(Vector, p), SD: make(Vector, p), Spread: make(Vector, p), W: make(Vector, p)}
	var notes []colIssue
	var total float64
	for j := 0; j < p; j++ {
		mean, sd, n := colStats(m[j], idx)
		dg.Mean[j], dg.SD[j] = mean, sd
		s := sd
		if n < 2 {
			s = 0
			dg.SD[j] = 0
			notes = append(notes, colIssue{j, "spread-too-few", "有效样本少于 2 个，离散程度记为 0、权重为 0", "fewer than 2 values: spread set to 0 and weight to 0"})
		} else if cv {
			if mean > 0 {
				s = sd / mean
			} else {
				s = 0
				notes = append(notes, colIssue{j, "cv-nonpositive-mean", "均值不为正，变异系数无意义，权重记为 0（变异系数法需要正数数据）", "the mean is not positive, so the coefficient of variation is meaningless: weight set to 0 (the CV method needs positive data)"})
			}
		}
		dg.Spread[j] = s
		total += s
	}
	for j := range dg.W {
		if total > 0 {
			dg.W[j] = dg.Spread[j] / total
		} else {
			dg.W[j] = 1 / float64(p)
		}
	}
	if !(total > 0) {
		notes = append(notes, colIssue{-1, "spread-no-information", "所有指标离散程度为 0，改用等权重", "no indicator varies: equal weights used instead"})
	}
	return dg, notes
}
