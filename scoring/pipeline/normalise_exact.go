package pipeline

import (
	"math"

	"github.com/nqp-index/nqp/scoring/framework"
)

// Extreme values (see mcda.Frac and mcda.ColumnMoments): the normalisers
// that subtract scale first, so that a column of ±1e308 or of 1e-300s
// normalises exactly instead of giving NaN or a false "constant" warning.

// scaledGoodness returns the factor k (1 or ½) and the direction scaled by
// k such that goodness(v·k, dk) = k·goodness(v, d) for every value of x in
// idx without overflow: |x − best| and the distances to an interval stay
// finite. Positive and negative indicators never need it (±x).
func scaledGoodness(x []float64, idx []int, d framework.Direction) (float64, framework.Direction) {
	m := math.Max(math.Abs(d.Best), math.Max(math.Abs(d.Lo), math.Abs(d.Hi)))
	for _, i := range idx {
		if a := math.Abs(x[i]); a > m { // NaN compares false
			m = a
		}
	}
	k := 0.5
	if m < math.MaxFloat64/2 {
		return 1, d
	}
	d.Best, d.Lo, d.Hi = d.Best*k, d.Lo*k, d.Hi*k
	return k, d
}
