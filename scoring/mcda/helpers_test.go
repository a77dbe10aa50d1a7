package mcda

import (
	"math"
	"strings"
	"testing"
)

// near reports whether got and want agree within tol.
func near(got, want, tol float64) bool { return math.Abs(got-want) <= tol }

func checkVec(t *testing.T, name string, got, want []float64, tol float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: got %d values %v, want %d %v", name, len(got), got, len(want), want)
	}
	for i := range want {
		if !near(got[i], want[i], tol) {
			t.Errorf("%s[%d] = %.9g, want %.9g (±%g)", name, i, got[i], want[i], tol)
		}
	}
}

func checkMat(t *testing.T, name string, got, want [][]float64, tol float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: got %d rows, want %d", name, len(got), len(want))
	}
	for i := range want {
		checkVec(t, name+"["+string(rune('0'+i))+"]", got[i], want[i], tol)
	}
}

func checkInts(t *testing.T, name string, got, want []int) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s = %v, want %v", name, got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("%s = %v, want %v", name, got, want)
		}
	}
}

// wantErr checks that err is a bilingual error mentioning every fragment.
func wantErr(t *testing.T, err error, fragments ...string) {
	t.Helper()
	if err == nil {
		t.Fatalf("no error, want one mentioning %q", fragments)
	}
	msg := err.Error()
	if !strings.Contains(msg, " / ") {
		t.Errorf("error %q is not bilingual (zh / en)", msg)
	}
	for _, f := range fragments {
		if !strings.Contains(msg, f) {
			t.Errorf("error %q does not mention %q", msg, f)
		}
	}
}

func sum(v []float64) float64 {
	s := 0.0
	for _, x := range v {
		s += x
	}
	return s
}
