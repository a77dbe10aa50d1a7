package mcda

import (
	"math"
)

// Normalize applies the normalisation name to the m×n matrix x, column by
// column, and returns a new matrix. types (length n; 1 benefit, −1 cost)
// selects the direction for the direction-aware names; after those, every
// column is "larger is better". The names and their parameters:
//
//	none          y = x
//	minmax        benefit (x−min)/(max−min); cost (max−x)/(max−min)   (SPSSAU 正向化/逆向化)
//	minmax-ab     a + (b−a)·minmax, Num "a" (0.01), "b" (0.99)          (SPSSAU 区间化)
//	vector        r = x/√Σx²; cost 1 − r                               (pymcdm)
//	sum           x/Σx; cost (1/x)/Σ(1/x)                              (pymcdm)
//	max           x/max; cost min/x                                    (最大值化)
//	pymcdm-max    x/max; cost 1 − x/max                                (pymcdm max_normalization)
//	zscore        (x−mean)/s with the sample s (n−1); cost −z          (SPSSAU 标准化)
//	              Num "ddof" 0: population s (divisor n); Num "flip_cost" 0: cost
//	              columns keep +z and stay cost criteria (scikit-criteria StandarScaler)
//	mean          x/mean (direction-free)                              (均值化)
//	initial       x/x₁, x₁ the first alternative (direction-free)      (初值化)
//	reciprocal    benefit x; cost 1/x (x > 0)                          (倒数)
//	spssau-shift  columns with any x ≤ 0: x + |min| + Num "shift" (0.01); others unchanged (非负平移)
//	moderate      1 − |x − best|/max|x − best|, Vec "best"            (中间型/适度)
//	interval      Vec "lower", "upper": 1 inside [a, b], else 1 − dist/M, M = max(a − min, max − b)  (区间型)
//
// COINr's n_* normalisers act on v = x·type (a cost column is negated
// first), exactly as COINr's Normalise and the recipe pipeline do:
//
//	scaled        (v − l)/(u − l)·f; Num "scaled_lower" l (0), "scaled_upper" u (100), "scale_factor" f (100)
//	rank          rank of v, ascending (1 = smallest); Str "ties" min (default, R's ties.method), max, average
//	borda         rank − 1
//	prank         (rank − 1)/(m − 1)
//	fracmax       v/max v
//	dist2max      1 − (max − v)/(max − min)
//	dist2ref      1 − (v_r − v)/(v_r − min); Num "ref_row" r (1-based, COINr's iref), "cap_max" (1 caps at 1)
//	dist2targ     (v − min)/(g − min), g = target·type; Vec "target" (raw units), Num "cap_max"
//	goalposts     (v − lo)/(hi − lo), truncated to [0, 1] unless Num "trunc2posts" = 0, × "goal_scale" (1);
//	              posts "goal_lower", "goal_upper" in raw units (Vec per criterion, else Num);
//	              for a cost column lo, hi = −upper, −lower
//
// A constant column gives 0 under minmax, dist2max and zscore (a under
// minmax-ab). A division by zero elsewhere (a zero column sum, mean, first
// value or maximum; a dist2ref reference or dist2targ target at the
// minimum) is an error.
func Normalize(name string, x [][]float64, types []int, p Params) ([][]float64, error) {
	m, n, err := checkMatrix(x)
	if err != nil {
		return nil, err
	}
	if err := checkTypes(types, n); err != nil {
		return nil, err
	}
	y := make([][]float64, m)
	for i := range y {
		y[i] = make([]float64, n)
	}
	col := make([]float64, m)
	for j := 0; j < n; j++ {
		for i := 0; i < m; i++ {
			col[i] = x[i][j]
		}
		out, err := normalizeColumn(name, col, types[j], j, p)
		if err != nil {
			return nil, err
		}
		// A value beyond the float64 range (x + |min| + δ of a ±1e308
		// column, 1/x of a subnormal x, min/x…) is an error, never ±Inf.
		if i, ok := Finite(col, out); !ok {
			return nil, errf("第 %d 列第 %d 行的值 %g 经 %s 标准化后超出双精度浮点数的范围（结果为 %g）", "column %d, row %d: the value %g normalised by %s is beyond the range of double-precision numbers (gives %g)", j+1, i+1, col[i], name, out[i])
		}
		for i := 0; i < m; i++ {
			y[i][j] = out[i]
		}
	}
	return y, nil
}

func minMax(c []float64) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, v := range c {
		lo = math.Min(lo, v)
		hi = math.Max(hi, v)
	}
	return lo, hi
}

func mean(c []float64) float64 {
	s := 0.0
	for _, v := range c {
		s += v
	}
	return s / float64(len(c))
}

// sampleSD is the standard deviation with divisor n − 1 (0 when n < 2).
func sampleSD(c []float64) float64 {
	if len(c) < 2 {
		return 0
	}
	mu := mean(c)
	s := 0.0
	for _, v := range c {
		s += (v - mu) * (v - mu)
	}
	return math.Sqrt(s / float64(len(c)-1))
}

func vecParam(p Params, name string, j, n int) (float64, error) {
	v := p.vec(name)
	if v == nil {
		return 0, errf("需要每个指标的参数向量 %q", "the per-criterion vector %q is required", name)
	}
	if j >= len(v) {
		return 0, errf("参数向量 %q 的长度 %d 少于指标数", "vector %q has length %d, fewer than the criteria", name, len(v))
	}
	if math.IsNaN(v[j]) || math.IsInf(v[j], 0) {
		return 0, errf("参数向量 %q 的第 %d 个值不是有限数值", "vector %q, entry %d is not finite", name, j+1)
	}
	return v[j], nil
}

func normalizeColumn(name string, c []float64, t, j int, p Params) ([]float64, error) {
	m := len(c)
	y := make([]float64, m)
	lo, hi := minMax(c)
	switch name {
	case "none":
		copy(y, c)
	case "minmax", "minmax-ab":
		a, b := 0.0, 1.0
		if name == "minmax-ab" {
			a, b = p.num("a", 0.01), p.num("b", 0.99)
			if math.IsNaN(a) || math.IsNaN(b) || math.IsInf(a, 0) || math.IsInf(b, 0) || a >= b {
				return nil, errf("区间化参数须满足 a < b（a=%v, b=%v）", "minmax-ab needs a < b (a=%v, b=%v)", a, b)
			}
		}
		for i, v := range c {
			u := 0.0
			if hi > lo { // Frac: exact even when max − min overflows
				if t == Cost {
					u = Frac(hi, v, hi, lo)
				} else {
					u = Frac(v, lo, hi, lo)
				}
			}
			y[i] = Lerp(a, b, u)
		}
	case "vector":
		s := ColumnSums(c) // √Σx² without overflow or underflow
		for i, v := range c {
			r := 0.0
			if !s.ZeroNorm() {
				r = s.OverNorm(v)
			}
			if t == Cost {
				r = 1 - r
			}
			y[i] = r
		}
	case "sum":
		if t == Cost {
			for _, v := range c {
				if v == 0 {
					return nil, errf("第 %d 列为成本型且含 0，无法取倒数求和归一化", "column %d is a cost criterion containing 0; sum normalisation takes 1/x", j+1)
				}
			}
			shares, s := ReciprocalShares(c) // no overflow of 1/x for tiny x
			if s.ZeroSum() {
				return nil, errf("第 %d 列的倒数之和为 0，无法求和归一化", "column %d: the reciprocals sum to 0; sum normalisation is undefined", j+1)
			}
			copy(y, shares)
			break
		}
		s := ColumnSums(c) // Σ without overflow
		if s.ZeroSum() {
			return nil, errf("第 %d 列之和为 0，无法求和归一化", "column %d sums to 0; sum normalisation is undefined", j+1)
		}
		for i, v := range c {
			y[i] = s.OverSum(v)
		}
	case "max":
		if t == Cost {
			for i, v := range c {
				if v == 0 {
					return nil, errf("第 %d 列为成本型且含 0，min/x 无定义", "column %d is a cost criterion containing 0; min/x is undefined", j+1)
				}
				y[i] = lo / v
			}
		} else {
			if hi == 0 {
				return nil, errf("第 %d 列最大值为 0，x/max 无定义", "column %d has maximum 0; x/max is undefined", j+1)
			}
			for i, v := range c {
				y[i] = v / hi
			}
		}
	case "pymcdm-max":
		if hi == 0 {
			return nil, errf("第 %d 列最大值为 0，x/max 无定义", "column %d has maximum 0; x/max is undefined", j+1)
		}
		for i, v := range c {
			y[i] = v / hi
			if t == Cost {
				y[i] = 1 - v/hi
			}
		}
	case "zscore":
		ddof, flip := p.num("ddof", 1), p.num("flip_cost", 1)
		if ddof != 0 && ddof != 1 {
			return nil, errf("params.ddof 只能是 1（样本标准差，默认）或 0（总体标准差）", "params.ddof must be 1 (sample sd, the default) or 0 (population sd)")
		}
		if flip != 0 && flip != 1 {
			return nil, errf("params.flip_cost 只能是 1（成本型取 −z，默认）或 0（保持 z）", "params.flip_cost must be 1 (cost columns give −z, the default) or 0 (z kept)")
		}
		mo := ColumnMoments(c, int(ddof)) // scaled: no overflow of Σx or Σ(x − mean)²
		for i, v := range c {
			if mo.Varies() {
				y[i] = mo.Z(v)
			}
			if t == Cost && flip != 0 {
				y[i] = -y[i]
			}
		}
	case "mean":
		mo := ColumnMoments(c, 1)
		if mo.Mean() == 0 {
			return nil, errf("第 %d 列均值为 0，无法均值化", "column %d has mean 0; x/mean is undefined", j+1)
		}
		for i, v := range c {
			y[i] = mo.OverMean(v)
		}
	case "initial":
		if c[0] == 0 {
			return nil, errf("第 %d 列第一个值为 0，无法初值化", "column %d has first value 0; x/x₁ is undefined", j+1)
		}
		for i, v := range c {
			y[i] = v / c[0]
		}
	case "reciprocal":
		for i, v := range c {
			if t == Cost {
				if v <= 0 {
					return nil, errf("第 %d 列为成本型且含非正值，倒数法需要 x > 0", "column %d is a cost criterion with a value ≤ 0; the reciprocal needs x > 0", j+1)
				}
				y[i] = 1 / v
			} else {
				y[i] = v
			}
		}
	case "spssau-shift":
		d := p.num("shift", 0.01)
		s := 0.0
		if lo <= 0 {
			s = math.Abs(lo) + d
		}
		for i, v := range c {
			y[i] = v + s
		}
	case "moderate":
		best, err := vecParam(p, "best", j, m)
		if err != nil {
			return nil, err
		}
		k := HalfIf(math.Max(math.Abs(best), math.Max(math.Abs(lo), math.Abs(hi)))) // |x − best| must not overflow
		mx := 0.0
		for _, v := range c {
			mx = math.Max(mx, math.Abs(v*k-best*k))
		}
		for i, v := range c {
			y[i] = 1
			if mx > 0 {
				y[i] = 1 - math.Abs(v*k-best*k)/mx
			}
		}
	case "interval":
		a, err := vecParam(p, "lower", j, m)
		if err != nil {
			return nil, err
		}
		b, err := vecParam(p, "upper", j, m)
		if err != nil {
			return nil, err
		}
		if a > b {
			return nil, errf("第 %d 列区间下限 %v 大于上限 %v", "column %d: interval lower bound %v exceeds upper bound %v", j+1, a, b)
		}
		k := HalfIf(math.Max(math.Max(math.Abs(a), math.Abs(b)), math.Max(math.Abs(lo), math.Abs(hi)))) // no overflow in the distances
		M := math.Max(a*k-lo*k, hi*k-b*k)
		for i, v := range c {
			switch {
			case v < a:
				y[i] = 1 - (a*k-v*k)/M
			case v > b:
				y[i] = 1 - (v*k-b*k)/M
			default:
				y[i] = 1
			}
		}
	default:
		if isCOINr(name) {
			return coinrColumn(name, c, t, j, p)
		}
		return nil, errf("未知标准化方法 %q（可选：%v）", "unknown normalisation %q (known: %v)", name, NormalizeNames)
	}
	return y, nil
}

// vectorClassic is the classic TOPSIS normalisation x/√Σx² without any
// change of direction (Hwang & Yoon 1981).
func vectorClassic(x [][]float64) [][]float64 {
	m, n := len(x), len(x[0])
	y := make([][]float64, m)
	for i := range y {
		y[i] = make([]float64, n)
	}
	for j := 0; j < n; j++ {
		s := 0.0
		for i := 0; i < m; i++ {
			s += x[i][j] * x[i][j]
		}
		s = math.Sqrt(s)
		for i := 0; i < m; i++ {
			if s > 0 {
				y[i][j] = x[i][j] / s
			}
		}
	}
	return y
}
