package mcda

import "math"

// Exact arithmetic for extreme values. A column of ±1e308 overflows the
// differences, sums and squares of the textbook formulas ((x − min)/(max −
// min), Σx, Σ(x − mean)²) and a column of 1e-300s underflows the squares,
// turning correct values into NaN, ±Inf or a false "constant column". The
// helpers below scale by powers of two first: multiplying by 2^k is exact
// for every normal number, so results are bit-identical to the textbook
// formula whenever that formula neither overflows nor underflows, and
// correctly rounded ratios otherwise. Both mcda and scoring/pipeline use them.

// Frac returns (a − b)/(c − d) without overflow in the differences: when
// one overflows (operands near ±MaxFloat64 of opposite signs), every
// operand is halved first, which is exact for numbers that large.
func Frac(a, b, c, d float64) float64 {
	n, m := a-b, c-d
	if math.IsInf(n, 0) || math.IsInf(m, 0) {
		n, m = a/2-b/2, c/2-d/2
	}
	return n / m
}

// Lerp returns l + t·(u − l) without overflow in u − l.
func Lerp(l, u, t float64) float64 {
	if r := u - l; !math.IsInf(r, 0) {
		return l + t*r
	}
	return l + 2*t*(u/2-l/2)
}

// HalfIf returns the factor (1 or ½) by which values whose magnitude
// reaches maxAbs must be multiplied before they are subtracted from each
// other: ½ when a difference could overflow, else 1 (no change at all).
func HalfIf(maxAbs float64) float64 {
	if maxAbs >= math.MaxFloat64/2 {
		return 0.5
	}
	return 1
}

// pow2Exp returns e such that v·2^−e lies in (−1, 1) for every v (NaN
// skipped): the binary exponent of the largest |v|, or 0 when every value
// is 0 or missing. Scaling by math.Ldexp(x, −e) is exact, so sums, squares
// and ratios of the scaled values neither overflow nor underflow.
func pow2Exp(v []float64) int {
	m := 0.0
	for _, x := range v {
		if a := math.Abs(x); a > m && !math.IsInf(a, 0) { // NaN compares false
			m = a
		}
	}
	if m == 0 {
		return 0
	}
	_, e := math.Frexp(m)
	return e
}

// Moments are the mean and standard deviation of a column, held in the
// column's power-of-two scale so that standardising never overflows.
type Moments struct {
	N        int // values (NaN skipped)
	exp      int // the scale 2^exp
	mean, sd float64
}

// ColumnMoments computes the mean and the standard deviation with divisor
// n − ddof (ddof 0 or 1) of v, skipping NaN.
func ColumnMoments(v []float64, ddof int) Moments {
	m := Moments{exp: pow2Exp(v)}
	sum := 0.0
	for _, x := range v {
		if !math.IsNaN(x) {
			sum += math.Ldexp(x, -m.exp)
			m.N++
		}
	}
	if m.N == 0 {
		return m
	}
	m.mean = sum / float64(m.N)
	ss := 0.0
	for _, x := range v {
		if !math.IsNaN(x) {
			d := math.Ldexp(x, -m.exp) - m.mean
			ss += d * d
		}
	}
	if m.N > ddof {
		m.sd = math.Sqrt(ss / float64(m.N-ddof))
	}
	return m
}

// Varies reports whether the standard deviation is positive.
func (m Moments) Varies() bool { return m.sd > 0 }

// Mean returns the mean in the column's units.
func (m Moments) Mean() float64 { return math.Ldexp(m.mean, m.exp) }

// SD returns the standard deviation in the column's units (+Inf when it
// exceeds MaxFloat64, although Z stays exact).
func (m Moments) SD() float64 { return math.Ldexp(m.sd, m.exp) }

// Z returns (x − mean)/sd, computed in the scaled units.
func (m Moments) Z(x float64) float64 { return (math.Ldexp(x, -m.exp) - m.mean) / m.sd }

// OverMean returns x/mean, computed in the scaled units.
func (m Moments) OverMean(x float64) float64 { return math.Ldexp(x, -m.exp) / m.mean }

// Sums holds Σx and √Σx² of a column in its power-of-two scale.
type Sums struct {
	exp       int
	sum, norm float64
}

// ColumnSums computes Σx and √Σx² of v (NaN skipped) without overflow or
// underflow.
func ColumnSums(v []float64) Sums {
	s := Sums{exp: pow2Exp(v)}
	ss := 0.0
	for _, x := range v {
		if !math.IsNaN(x) {
			y := math.Ldexp(x, -s.exp)
			s.sum += y
			ss += y * y
		}
	}
	s.norm = math.Sqrt(ss)
	return s
}

// Sum returns Σx in the column's units (±Inf when it exceeds MaxFloat64).
func (s Sums) Sum() float64 { return math.Ldexp(s.sum, s.exp) }

// Norm returns √Σx² in the column's units (+Inf when it exceeds MaxFloat64).
func (s Sums) Norm() float64 { return math.Ldexp(s.norm, s.exp) }

// ZeroSum reports whether Σx is 0.
func (s Sums) ZeroSum() bool { return s.sum == 0 }

// ZeroNorm reports whether every value is 0.
func (s Sums) ZeroNorm() bool { return s.norm == 0 }

// OverSum returns x/Σx, computed in the scaled units.
func (s Sums) OverSum(x float64) float64 { return math.Ldexp(x, -s.exp) / s.sum }

// OverNorm returns x/√Σx², computed in the scaled units.
func (s Sums) OverNorm(x float64) float64 { return math.Ldexp(x, -s.exp) / s.norm }

// ReciprocalShares returns the shares (1/x_i)/Σ_k(1/x_k) of v (NaN skipped
// and kept) and Σ(1/x) as Sums, without the overflow of 1/x for tiny x (a
// subnormal x gives 1/x = +Inf): each 1/x is taken on the mantissa of x
// and scaled by 2^(e − exponent of x), e the exponent of the smallest
// non-zero |x|, so every term lies in (−2, 2]. A share whose scaled term
// would lose bits to underflow is computed as 2^(e − a)/(f·Σ) instead
// (x = f·2^a). Results are bit-identical to the textbook formula whenever
// it neither overflows nor underflows. Every x must be non-zero.
func ReciprocalShares(v []float64) ([]float64, Sums) {
	e, first := 0, true
	for _, x := range v {
		if x != 0 && !math.IsNaN(x) {
			if _, a := math.Frexp(x); first || a < e {
				e, first = a, false
			}
		}
	}
	terms := make([]float64, len(v))
	sum := 0.0
	for i, x := range v {
		if math.IsNaN(x) {
			terms[i] = x
			continue
		}
		f, a := math.Frexp(x)
		terms[i] = math.Ldexp(1/f, e-a) // (1/x)·2^e, |·| ≤ 2
		sum += terms[i]
	}
	y := make([]float64, len(v))
	for i, x := range v {
		t := terms[i]
		switch {
		case math.IsNaN(t):
			y[i] = t
		case math.Abs(t) >= smallestNormal:
			y[i] = t / sum
		default:
			f, a := math.Frexp(x)
			y[i] = math.Ldexp(1/(f*sum), e-a)
		}
	}
	return y, Sums{exp: -e, sum: sum}
}

// smallestNormal is the smallest positive normal float64 (2^−1022).
const smallestNormal = 0x1p-1022

// Finite reports whether every value of y is finite where the matching x
// is not missing: a normalised value that is ±Inf or NaN means the exact
// result is not representable as a float64.
func Finite(x, y []float64) (int, bool) {
	for i := range y {
		if !math.IsNaN(x[i]) && (math.IsNaN(y[i]) || math.IsInf(y[i], 0)) {
			return i, false
		}
	}
	return -1, true
}

// SumParts returns Σx as m·2^e (m the scaled sum), for a record of a sum
// beyond the float64 range.
func (s Sums) SumParts() (m float64, e int) { return s.sum, s.exp }

// NormParts returns √Σx² as m·2^e.
func (s Sums) NormParts() (m float64, e int) { return s.norm, s.exp }
