package pipeline

import (
	"math"

	"github.com/nqp-index/nqp/scoring/framework"
	"github.com/nqp-index/nqp/scoring/mcda"
)

// literatureColumn applies one of the literature's ratio normalisations
// (SPSSAU 生成变量 → 量纲处理; mcda.Normalize uses the same formulas):
//
//	method   positive          negative
//	vector   x/√Σx²            1 − x/√Σx²         (pymcdm)
//	sum      x/Σx              (1/x)/Σ(1/x)        (pymcdm)
//	max      x/max             min/x               (最大值化)
//	pymcdm-max x/max           1 − x/max           (pymcdm max_normalization)
//	min      x/min             max/x               (最小值化)
//	mean     x/mean            mean/x              (均值化)
//	initial  x/x₀              x₀/x                (初值化)
//
// x₀ is the unit's value in its first period with a value (panels) or the
// first row's value (a single period: rows are sorted by unit code).
// Moderate and interval indicators are first turned into the literature
// score 1 − dist/max dist and then treated as positive.
func (st *state) literatureColumn(x, y []float64, idx []int, d framework.Direction, s *NormSpec, code string) (map[string]float64, *colErr) {
	neg := d.Kind == framework.Negative
	var v []float64
	if d.Kind == framework.Moderate || d.Kind == framework.Interval {
		v = literatureScore(x, idx, d)
	} else {
		v = make([]float64, len(idx))
		for k, i := range idx {
			v[k] = x[i]
		}
	}
	lo, hi, n := rangeOf(v)
	zero := func(whatZh, whatEn string) *colErr {
		return errCol("division-by-zero", "指标 %[1]s 的%[2]s为 0（或含 0），%[4]s 无定义", "indicator %[1]s: %[3]s is 0 (or a value is 0); %[4]s normalisation is undefined", code, whatZh, whatEn, s.Method)
	}
	out := func(f func(v float64) float64) {
		for k, i := range idx {
			if math.IsNaN(v[k]) {
				y[i] = math.NaN()
			} else {
				y[i] = f(v[k])
			}
		}
	}
	hasZero := func() bool {
		for _, x := range v {
			if x == 0 {
				return true
			}
		}
		return false
	}
	var params map[string]float64
	switch s.Method {
	case VectorNorm:
		sums := mcda.ColumnSums(v) // √Σx² without overflow or underflow
		if sums.ZeroNorm() {
			return nil, zero("平方和", "sum of squares")
		}
		out(func(v float64) float64 {
			if neg {
				return 1 - sums.OverNorm(v)
			}
			return sums.OverNorm(v)
		})
		m, e := sums.NormParts()
		params = map[string]float64{}
		putParam(params, "norm", sums.Norm(), m, e)
	case SumNorm:
		if neg && hasZero() {
			return nil, zero("取值", "a value")
		}
		params = map[string]float64{}
		if neg {
			// (1/x)/Σ(1/x) without the overflow of 1/x for tiny x.
			shares, sums := mcda.ReciprocalShares(v)
			if sums.ZeroSum() {
				return nil, zero("倒数之和", "the sum of reciprocals")
			}
			for k, i := range idx {
				y[i] = shares[k]
			}
			m, e := sums.SumParts()
			putParam(params, "sum", sums.Sum(), m, e)
			break
		}
		sums := mcda.ColumnSums(v) // Σ without overflow
		if sums.ZeroSum() {
			return nil, zero("总和", "the sum")
		}
		out(sums.OverSum)
		m, e := sums.SumParts()
		putParam(params, "sum", sums.Sum(), m, e)
	case MaxNorm, MinNorm:
		if n == 0 {
			out(nil)
			return nil, nil
		}
		// positive: x/ref with ref = max (max) or min (min);
		// negative: other/x with other = min (max) or max (min).
		ref, other := hi, lo
		if s.Method == MinNorm {
			ref, other = lo, hi
		}
		if neg {
			if hasZero() {
				return nil, zero("取值", "a value")
			}
			out(func(v float64) float64 { return other / v })
		} else {
			if ref == 0 {
				return nil, zero("参照值", "the reference value")
			}
			out(func(v float64) float64 { return v / ref })
		}
		params = map[string]float64{"min": lo, "max": hi}
	case PymcdmMax:
		if n == 0 {
			out(nil)
			return nil, nil
		}
		if hi == 0 {
			return nil, zero("最大值", "the maximum")
		}
		out(func(v float64) float64 {
			if neg {
				return 1 - v/hi
			}
			return v / hi
		})
		params = map[string]float64{"max": hi}
	case MeanNorm:
		mo := mcda.ColumnMoments(v, 1) // the mean without overflow of Σx
		mean := mo.Mean()
		if neg {
			if hasZero() {
				return nil, zero("取值", "a value")
			}
			out(func(v float64) float64 { return mean / v })
		} else {
			if mean == 0 {
				return nil, zero("均值", "the mean")
			}
			out(mo.OverMean)
		}
		params = map[string]float64{"mean": mean}
	case Initial:
		base := st.initialBase(x, idx, d)
		for k, i := range idx {
			if math.IsNaN(v[k]) {
				y[i] = math.NaN()
				continue
			}
			b := base[k]
			switch {
			case math.IsNaN(b):
				y[i] = math.NaN()
			case neg:
				if v[k] == 0 {
					return nil, zero("取值", "a value")
				}
				y[i] = b / v[k]
			default:
				if b == 0 {
					return nil, zero("初值", "the initial value")
				}
				y[i] = v[k] / b
			}
		}
	}
	return params, nil
}

// putParam records a parameter of the details table: v, or when v is
// beyond the float64 range (a column sum of ±1e308s, Σ1/x of subnormal
// x), its exact form key_mantissa × 2^key_exp2, since JSON has no ±Inf.
func putParam(params map[string]float64, key string, v, mant float64, exp int) {
	if !math.IsInf(v, 0) {
		params[key] = v
		return
	}
	params[key+"_mantissa"], params[key+"_exp2"] = mant, float64(exp)
}

// initialBase returns, aligned with idx, the initial value x₀ of each row:
// for a panel the unit's value in its first period with a value, for a
// single period the first row of idx with a value. Moderate and interval
// indicators use the literature score of the rows the base comes from.
func (st *state) initialBase(x []float64, idx []int, d framework.Direction) []float64 {
	base := make([]float64, len(idx))
	if len(st.res.Periods) <= 1 {
		v := x
		if d.Kind == framework.Moderate || d.Kind == framework.Interval {
			v = make([]float64, len(x))
			for k, s := range literatureScore(x, idx, d) {
				v[idx[k]] = s
			}
		}
		b := math.NaN()
		for _, i := range idx {
			if !math.IsNaN(v[i]) {
				b = v[i]
				break
			}
		}
		for k := range base {
			base[k] = b
		}
		return base
	}
	// Panel: rows are ordered by period, so the first row of a unit with a
	// value is its first period. The score of moderate/interval indicators
	// is taken over all rows.
	all := make([]int, len(x))
	for i := range all {
		all[i] = i
	}
	v := x
	if d.Kind == framework.Moderate || d.Kind == framework.Interval {
		v = literatureScore(x, all, d)
	}
	first := map[int]float64{}
	for i := range v {
		u := st.res.Rows[i].Unit
		if _, ok := first[u]; !ok && !math.IsNaN(v[i]) {
			first[u] = v[i]
		}
	}
	for k, i := range idx {
		b, ok := first[st.res.Rows[i].Unit]
		if !ok {
			b = math.NaN()
		}
		base[k] = b
	}
	return base
}
