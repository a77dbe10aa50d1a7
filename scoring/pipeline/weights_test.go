package pipeline

import (
	"math"
	"testing"
)

func all(n int) []int {
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	return idx
}

// Hand computation. Column 1 = (0, 1, 1): p = (0, ½, ½), so
// e₁ = −(1/ln 3)(2·½ ln ½) = ln2/ln3. Column 2 = (0, ½, 1): p = (0, ⅓, ⅔), so
// e₂ = (ln3 − ⅔ ln2)/ln3 = 1 − ⅔·ln2/ln3. With 0·ln0 = 0.
func TestEntropyZeroRuleHand(t *testing.T) {
	y := Matrix{{0, 0}, {1, 0.5}, {1, 1}}
	dg, notes := entropy(transpose(y), all(3), Weights{ZeroRule: ZeroAsZero})
	if len(notes) != 0 {
		t.Fatalf("unexpected notes %v", notes)
	}
	l := math.Ln2 / math.Log(3)
	e1, e2 := l, 1-2*l/3
	d1, d2 := 1-e1, 1-e2
	want := []float64{d1 / (d1 + d2), d2 / (d1 + d2)}
	for j, v := range []float64{e1, e2} {
		if !relClose(dg.E[j], v, 1e-14) {
			t.Errorf("e[%d] = %v, want %v", j, dg.E[j], v)
		}
		if !relClose(dg.W[j], want[j], 1e-14) {
			t.Errorf("w[%d] = %v, want %v", j, dg.W[j], want[j])
		}
	}
	if !relClose(dg.K[0], 1/math.Log(3), 1e-15) {
		t.Errorf("k = %v", dg.K[0])
	}
}

// Shift rule with δ = 1: column (0, 1, 1) becomes (1, 2, 2), p = (⅕, ⅖, ⅖):
// e = −(1/ln3)(⅕ ln⅕ + ⅘ ln⅖). Column (0, 1, 2)/2 = (0, ½, 1) becomes
// (1, 1.5, 2), p = (2/9, 3/9, 4/9).
func TestEntropyShiftHand(t *testing.T) {
	y := Matrix{{0, 0}, {1, 0.5}, {1, 1}}
	dg, _ := entropy(transpose(y), all(3), Weights{ZeroRule: ZeroShift, Delta: 1})
	k := 1 / math.Log(3)
	e1 := -k * (0.2*math.Log(0.2) + 0.8*math.Log(0.4))
	e2 := -k * (2.0/9*math.Log(2.0/9) + 3.0/9*math.Log(3.0/9) + 4.0/9*math.Log(4.0/9))
	if !relClose(dg.E[0], e1, 1e-14) || !relClose(dg.E[1], e2, 1e-14) {
		t.Errorf("e = %v, want %v %v", dg.E, e1, e2)
	}
	w1 := (1 - e1) / (2 - e1 - e2)
	if !relClose(dg.W[0], w1, 1e-13) {
		t.Errorf("w1 = %v, want %v", dg.W[0], w1)
	}
}

// Rescale rule to [a, b] = [1, 2] maps (0, 1, 1) → (1, 2, 2) and
// (0, ½, 1) → (1, 1.5, 2): the same numbers as the shift test.
func TestEntropyRescaleHand(t *testing.T) {
	y := Matrix{{0, 0}, {1, 0.5}, {1, 1}}
	dg, _ := entropy(transpose(y), all(3), Weights{ZeroRule: ZeroRescale, A: 1, B: 2})
	k := 1 / math.Log(3)
	e1 := -k * (0.2*math.Log(0.2) + 0.8*math.Log(0.4))
	if !relClose(dg.E[0], e1, 1e-14) {
		t.Errorf("e1 = %v, want %v", dg.E[0], e1)
	}
}

// Degenerate columns: constant → e = 1, w = 0; all zero → w = 0 with a
// note; negative values → shifted with a note; all degenerate → equal weights.
func TestEntropyDegenerate(t *testing.T) {
	y := Matrix{{2, 0, -1}, {2, 0, 1}, {2, 0, 3}}
	dg, notes := entropy(transpose(y), all(3), Weights{ZeroRule: ZeroAsZero})
	if dg.W[0] != 0 || dg.W[1] != 0 || dg.W[2] != 1 {
		t.Errorf("weights %v, want [0 0 1]", dg.W)
	}
	codes := map[string]bool{}
	for _, n := range notes {
		codes[n.code] = true
	}
	if !codes["entropy-all-zero"] || !codes["entropy-negative"] {
		t.Errorf("notes %v", notes)
	}
	// column 3 shifted by 1.01: (0.01, 2.01, 4.01)
	s := 0.01 + 2.01 + 4.01
	var h float64
	for _, v := range []float64{0.01, 2.01, 4.01} {
		h += v / s * math.Log(v/s)
	}
	if !relClose(dg.E[2], -h/math.Log(3), 1e-14) {
		t.Errorf("e3 = %v, want %v", dg.E[2], -h/math.Log(3))
	}
	y = Matrix{{1, 0}, {1, 0}}
	dg, notes = entropy(transpose(y), all(2), Weights{ZeroRule: ZeroAsZero})
	if dg.W[0] != 0.5 || dg.W[1] != 0.5 {
		t.Errorf("all-degenerate weights %v, want equal", dg.W)
	}
	if notes[len(notes)-1].code != "entropy-no-information" {
		t.Errorf("missing no-information note: %v", notes)
	}
	for _, v := range dg.E {
		if math.IsNaN(v) {
			t.Error("NaN entropy")
		}
	}
}

// CRITIC by hand on three columns: a = (1,2,3), b = (3,2,1) (r_ab = −1),
// c = (1,3,2) (r_ac = ½, r_bc = −½). σ = 1 for all, so
// R_a = (1+1) + (1−½) = 2.5, R_b = 2 + 1.5 = 3.5, R_c = ½ + 1.5 = 2.
func TestCRITICHand(t *testing.T) {
	y := Matrix{{1, 3, 1}, {2, 2, 3}, {3, 1, 2}}
	dg, _ := critic(transpose(y), all(3), "")
	want := []float64{2.5 / 8, 3.5 / 8, 2.0 / 8}
	for j := range want {
		if !relClose(dg.W[j], want[j], 1e-14) || !relClose(dg.Sigma[j], 1, 1e-15) {
			t.Errorf("col %d: w = %v σ = %v, want %v and 1", j, dg.W[j], dg.Sigma[j], want[j])
		}
	}
}

// CV by hand: (1, 2, 3) has mean 2, sd 1 → 0.5; (2, 4, 6) → 0.5; (10, 10, 13)
// has mean 11, sd √3 → √3/11.
func TestCVHand(t *testing.T) {
	m := Matrix{{1, 2, 10}, {2, 4, 10}, {3, 6, 13}}
	dg, _ := spread(transpose(m), all(3), true)
	c := math.Sqrt(3) / 11
	tot := 1 + c
	want := []float64{0.5 / tot, 0.5 / tot, c / tot}
	for j := range want {
		if !relClose(dg.W[j], want[j], 1e-14) {
			t.Errorf("w[%d] = %v, want %v", j, dg.W[j], want[j])
		}
	}
}
