package mcda

import (
	"math"
	"sort"

	"gonum.org/v1/gonum/stat"
)

// Correlation names accepted by CRITIC (Request option "correlation"),
// as scikit-criteria's CRITIC(correlation=…) and pandas' DataFrame.corr.
const (
	Pearson  = "pearson"
	Spearman = "spearman"
	Kendall  = "kendall"
)

// CorrelationNames lists the accepted correlation names.
var CorrelationNames = []string{Pearson, Spearman, Kendall}

// Correlate returns the correlation named (pearson, spearman or kendall)
// of a and b (equal lengths, at least 2 values). ok is false when either
// is constant (the correlation is undefined; CRITIC then takes 0).
//
//   - pearson: Σ(a − ā)(b − b̄)/√(Σ(a − ā)² Σ(b − b̄)²)
//   - spearman: Pearson's r of the average ranks (ties share the mean of
//     their ranks), as scipy.stats.spearmanr and pandas
//   - kendall: Kendall's τ-b = (C − D)/√((n₀ − n₁)(n₀ − n₂)), n₀ = n(n−1)/2,
//     n₁ and n₂ the pairs tied in a and in b, as scipy.stats.kendalltau
//     and pandas (gonum's stat.Kendall is τ-a and counts a tie as
//     concordant, so it is not used)
func Correlate(name string, a, b []float64) (r float64, ok bool) {
	switch name {
	case Spearman:
		ra, rb := AverageRanks(a), AverageRanks(b)
		if constant(ra) || constant(rb) {
			return 0, false
		}
		r = stat.Correlation(ra, rb, nil)
	case Kendall:
		return kendallTauB(a, b)
	default:
		return pearson(a, b)
	}
	return math.Max(-1, math.Min(1, r)), true
}

func constant(v []float64) bool {
	for _, x := range v {
		if x != v[0] {
			return false
		}
	}
	return true
}

// AverageRanks returns the ascending ranks of v (1 = smallest), tied
// values sharing the mean of the ranks they span (R's ties.method =
// "average", scipy's rankdata default).
func AverageRanks(v []float64) []float64 {
	n := len(v)
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return v[idx[a]] < v[idx[b]] })
	r := make([]float64, n)
	for i := 0; i < n; {
		j := i + 1
		for j < n && v[idx[j]] == v[idx[i]] {
			j++
		}
		avg := float64(i+1+j) / 2 // mean of ranks i+1 … j
		for k := i; k < j; k++ {
			r[idx[k]] = avg
		}
		i = j
	}
	return r
}

// kendallTauB computes τ-b in O(n log n) (Knight 1966): sort the pairs by
// (a, b), count the ties in a and the joint ties, count the discordant
// pairs as the swaps of a merge sort on b, then the ties in b.
func kendallTauB(a, b []float64) (float64, bool) {
	n := len(a)
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(i, j int) bool {
		x, y := idx[i], idx[j]
		if a[x] != a[y] {
			return a[x] < a[y]
		}
		return b[x] < b[y]
	})
	tiedPairs := func(eq func(i, j int) bool) float64 {
		var t float64
		run := 1
		for k := 1; k <= n; k++ {
			if k < n && eq(idx[k-1], idx[k]) {
				run++
				continue
			}
			t += float64(run) * float64(run-1) / 2
			run = 1
		}
		return t
	}
	n1 := tiedPairs(func(i, j int) bool { return a[i] == a[j] })
	n3 := tiedPairs(func(i, j int) bool { return a[i] == a[j] && b[i] == b[j] })
	// Merge sort idx by b, counting the swaps (pairs out of order in b
	// while in order in a: the discordant pairs).
	swaps := 0.0
	buf := make([]int, n)
	for width := 1; width < n; width *= 2 {
		for lo := 0; lo < n; lo += 2 * width {
			mid, hi := min(lo+width, n), min(lo+2*width, n)
			i, j, k := lo, mid, lo
			for i < mid && j < hi {
				if b[idx[j]] < b[idx[i]] {
					buf[k] = idx[j]
					swaps += float64(mid - i)
					j++
				} else {
					buf[k] = idx[i]
					i++
				}
				k++
			}
			k += copy(buf[k:], idx[i:mid])
			copy(buf[k:], idx[j:hi])
		}
		idx, buf = buf, idx
	}
	n2 := tiedPairs(func(i, j int) bool { return b[i] == b[j] })
	n0 := float64(n) * float64(n-1) / 2
	den := math.Sqrt((n0 - n1) * (n0 - n2))
	if !(den > 0) {
		return 0, false
	}
	// C − D = n₀ − n₁ − n₂ + n₃ − 2·D.
	r := (n0 - n1 - n2 + n3 - 2*swaps) / den
	return math.Max(-1, math.Min(1, r)), true
}
