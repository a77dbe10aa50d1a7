package mcda

import (
	"math"
	"strings"
	"testing"

	"github.com/nqp-index/nqp/scoring/diag"
)

// TestNormalizeExtremeReciprocals: "sum" on a cost column takes
// (1/x)/Σ(1/x); with x = 2^−1074, 2^−1073, 1 the reciprocals overflow but
// the shares are, by hand, 2/3, 1/3 and 2^−1073/3 (correctly rounded to
// 2^−1074), Σ = 3·2^1073; ordinary values give the textbook formula bit
// for bit.
func TestNormalizeExtremeReciprocals(t *testing.T) {
	tiny := math.Ldexp(1, -1074)
	y, err := Normalize("sum", [][]float64{{tiny, 1}, {2 * tiny, 2}, {1, 4}}, []int{Cost, Cost}, Params{})
	if err != nil {
		t.Fatal(err)
	}
	for i, w := range [][2]float64{{2.0 / 3, 1 / 1.75}, {1.0 / 3, 0.5 / 1.75}, {tiny, 0.25 / 1.75}} {
		if y[i][0] != w[0] || y[i][1] != w[1] {
			t.Errorf("row %d: %v, want %v", i, y[i], w)
		}
	}
	if _, s := ReciprocalShares([]float64{tiny, 2 * tiny, 1}); s.Sum() != math.Inf(1) || func() bool { m, e := s.SumParts(); return m != 3 || e != 1073 }() {
		t.Errorf("Σ(1/x) = %v", s)
	}
}

// TestNormalizeBeyondRange: a normalised value beyond the float64 range
// is an error naming the column, the row, the value and the method, in
// each language: spssau-shift of a ±1e308 column (1e308 + 1e308 + 0.01),
// the reciprocal of 2^−1074, max on a cost column (min −1e300 over 1e−10).
func TestNormalizeBeyondRange(t *testing.T) {
	tiny := math.Ldexp(1, -1074)
	for _, c := range []struct {
		name   string
		x      [][]float64
		types  []int
		zh, en string
	}{
		{"spssau-shift", [][]float64{{1, 1e308}, {2, -1e308}}, []int{Benefit, Benefit},
			"第 2 列第 1 行的值 1e+308 经 spssau-shift 标准化后超出双精度浮点数的范围（结果为 +Inf）",
			"column 2, row 1: the value 1e+308 normalised by spssau-shift is beyond the range of double-precision numbers (gives +Inf)"},
		{"reciprocal", [][]float64{{tiny}, {1}}, []int{Cost},
			"第 1 列第 1 行的值 5e-324 经 reciprocal 标准化后超出", "column 1, row 1: the value 5e-324 normalised by reciprocal is beyond"},
		{"max", [][]float64{{-1e300}, {1e-10}, {1}}, []int{Cost},
			"第 1 列第 2 行的值 1e-10 经 max 标准化后超出", "column 1, row 2: the value 1e-10 normalised by max is beyond"},
	} {
		y, err := Normalize(c.name, c.x, c.types, Params{})
		if err == nil {
			t.Errorf("%s: no error: %v", c.name, y)
			continue
		}
		if !strings.Contains(diag.Message(err, "zh"), c.zh) || !strings.Contains(diag.Message(err, "en"), c.en) {
			t.Errorf("%s: %v", c.name, err)
		}
	}
}
