package analysis

import (
	"math"
	"sort"

	"gonum.org/v1/gonum/mat"
)

// Threshold modes of Markov classes.
const (
	Pooled    = "pooled" // quantile breaks of all unit-periods pooled
	PerPeriod = "period" // quantile breaks computed within each period
)

// MarkovOptions configures Markov and SpatialMarkov.
type MarkovOptions struct {
	K          int       `json:"k"`                // number of classes (default 4: quartiles)
	Thresholds string    `json:"thresholds"`       // pooled (default) or period
	Breaks     []float64 `json:"breaks,omitempty"` // fixed inner breaks (K−1 values), overriding the quantiles
	Lag        int       `json:"lag"`              // transitions t → t + Lag (default 1)
}

func (o *MarkovOptions) resolve() error {
	if o.Breaks != nil {
		o.K = len(o.Breaks) + 1
	}
	if o.K == 0 {
		o.K = 4
	}
	if o.Lag == 0 {
		o.Lag = 1
	}
	if o.Thresholds == "" {
		o.Thresholds = Pooled
	}
	if o.K < 2 || o.Lag < 1 {
		return errorf("bad-markov", "马尔可夫链至少需要 2 个状态、滞后期 ≥ 1", "a Markov chain needs at least 2 classes and a lag ≥ 1")
	}
	if o.Thresholds != Pooled && o.Thresholds != PerPeriod {
		return errorf("bad-thresholds", "未知的分类阈值方式 %q（可选：pooled、period）", "unknown threshold mode %q (known: pooled, period)", o.Thresholds)
	}
	return nil
}

// QuantileBreaks returns the K−1 inner type-7 quantile breaks of the
// non-missing x.
func QuantileBreaks(x []float64, k int) []float64 {
	s := finite(x)
	sort.Float64s(s)
	out := make([]float64, k-1)
	for i := range out {
		out[i] = quantile7(s, float64(i+1)/float64(k))
	}
	return out
}

// Classify returns the class (0..len(breaks)) of every value: class c holds
// breaks[c−1] < x ≤ breaks[c]; missing values get −1.
func Classify(x, breaks []float64) []int {
	out := make([]int, len(x))
	for i, v := range x {
		if math.IsNaN(v) {
			out[i] = -1
			continue
		}
		c := 0
		for c < len(breaks) && v > breaks[c] {
			c++
		}
		out[i] = c
	}
	return out
}

// MarkovResult is a transition matrix with its counts and steady state.
type MarkovResult struct {
	K      int         `json:"k"`
	Breaks [][]float64 `json:"breaks"` // one set (pooled or fixed) or one per period
	Counts [][]int     `json:"counts"` // n_ab
	N      []int       `json:"n"`      // n_a
	P      [][]float64 `json:"p"`      // n_ab / n_a (a row without transitions is 0)
	Steady []float64   `json:"steady"` // π = πP, Σπ = 1
}

// classes classifies a unit × period table.
func classes(y [][]float64, opt MarkovOptions) ([][]int, [][]float64) {
	nu := len(y)
	np := 0
	if nu > 0 {
		np = len(y[0])
	}
	cls := make([][]int, nu)
	for u := range cls {
		cls[u] = make([]int, np)
	}
	var breaks [][]float64
	switch {
	case opt.Breaks != nil || opt.Thresholds == Pooled:
		b := opt.Breaks
		if b == nil {
			var all []float64
			for _, row := range y {
				all = append(all, row...)
			}
			b = QuantileBreaks(all, opt.K)
		}
		breaks = [][]float64{b}
		for u, row := range y {
			cls[u] = Classify(row, b)
		}
	default:
		for p := 0; p < np; p++ {
			col := make([]float64, nu)
			for u := range y {
				col[u] = y[u][p]
			}
			b := QuantileBreaks(col, opt.K)
			breaks = append(breaks, b)
			for u, c := range Classify(col, b) {
				cls[u][p] = c
			}
		}
	}
	return cls, breaks
}

func newCounts(k int) [][]int {
	c := make([][]int, k)
	for i := range c {
		c[i] = make([]int, k)
	}
	return c
}

func finish(k int, counts [][]int) *MarkovResult {
	r := &MarkovResult{K: k, Counts: counts, N: make([]int, k), P: make([][]float64, k)}
	for a := range counts {
		r.P[a] = make([]float64, k)
		for _, c := range counts[a] {
			r.N[a] += c
		}
		for b, c := range counts[a] {
			if r.N[a] > 0 {
				r.P[a][b] = float64(c) / float64(r.N[a])
			}
		}
	}
	r.Steady = SteadyState(r.P)
	return r
}

// Markov counts the transitions of the quantile classes of y (units ×
// periods) from t to t + Lag over all units and periods.
func Markov(y [][]float64, opt MarkovOptions) (*MarkovResult, error) {
	if err := opt.resolve(); err != nil {
		return nil, err
	}
	cls, breaks := classes(y, opt)
	counts := newCounts(opt.K)
	for _, row := range cls {
		for t := 0; t+opt.Lag < len(row); t++ {
			if a, b := row[t], row[t+opt.Lag]; a >= 0 && b >= 0 {
				counts[a][b]++
			}
		}
	}
	r := finish(opt.K, counts)
	r.Breaks = breaks
	return r, nil
}

// SteadyState returns the stationary distribution π = πP with Σπ = 1. A row
// without transitions is treated as absorbing. When the chain has several
// closed classes (π not unique) the Cesàro average of the rows of Pⁿ from
// the uniform start is returned.
func SteadyState(p [][]float64) []float64 {
	k := len(p)
	q := make([][]float64, k)
	for a := range p {
		q[a] = append([]float64(nil), p[a]...)
		var s float64
		for _, v := range q[a] {
			s += v
		}
		if s == 0 {
			q[a][a] = 1
		}
	}
	// Solve (Pᵀ − I)π = 0 with the last equation replaced by Σπ = 1.
	A := mat.NewDense(k, k, nil)
	b := mat.NewVecDense(k, nil)
	for i := 0; i < k; i++ {
		for j := 0; j < k; j++ {
			v := q[j][i]
			if i == j {
				v--
			}
			A.Set(i, j, v)
		}
	}
	for j := 0; j < k; j++ {
		A.Set(k-1, j, 1)
	}
	b.SetVec(k-1, 1)
	var x mat.VecDense
	if err := x.SolveVec(A, b); err == nil {
		ok := true
		out := make([]float64, k)
		for i := range out {
			out[i] = x.AtVec(i)
			if out[i] < -1e-9 || math.IsNaN(out[i]) {
				ok = false
			}
			out[i] = math.Max(out[i], 0)
		}
		if ok {
			return out
		}
	}
	pi := make([]float64, k)
	avg := make([]float64, k)
	for i := range pi {
		pi[i] = 1 / float64(k)
	}
	const steps = 20000
	for s := 0; s < steps; s++ {
		next := make([]float64, k)
		for a := range q {
			for c, v := range q[a] {
				next[c] += pi[a] * v
			}
		}
		pi = next
		for i := range avg {
			avg[i] += pi[i] / steps
		}
	}
	return avg
}

// SpatialMarkovResult holds one transition matrix per class of the
// neighbours' (spatial lag's) value at the start of each transition.
type SpatialMarkovResult struct {
	K         int             `json:"k"`
	Breaks    [][]float64     `json:"breaks"`     // classes of y
	LagBreaks [][]float64     `json:"lag_breaks"` // classes of the spatial lag
	Global    *MarkovResult   `json:"global"`     // the unconditional chain
	ByLag     []*MarkovResult `json:"by_lag"`     // conditioned on lag class 0..K−1
}

// SpatialMarkov is the spatial Markov chain (Rey 2001): each transition of
// unit i from t to t + Lag is counted in the matrix of the class of the
// spatial lag Σ_j w_ij y_jt (W row-standardised here; units whose
// neighbours are all missing are skipped). Lag classes use the same
// threshold mode on the lag values.
func SpatialMarkov(y [][]float64, w [][]float64, opt MarkovOptions) (*SpatialMarkovResult, error) {
	if err := opt.resolve(); err != nil {
		return nil, err
	}
	if len(w) != len(y) {
		return nil, errorf("bad-w", "空间权重矩阵的维数（%d）与地区数不符", "the weight matrix size (%d) does not match the units", len(w))
	}
	ws := RowStandardise(w)
	nu := len(y)
	np := 0
	if nu > 0 {
		np = len(y[0])
	}
	lag := make([][]float64, nu)
	for i := range lag {
		lag[i] = make([]float64, np)
		for t := 0; t < np; t++ {
			var s, sw float64
			for j, wij := range ws[i] {
				if wij != 0 && !math.IsNaN(y[j][t]) {
					s += wij * y[j][t]
					sw += wij
				}
			}
			lag[i][t] = math.NaN()
			if sw > 0 {
				lag[i][t] = s / sw
			}
		}
	}
	cls, breaks := classes(y, opt)
	lopt := opt
	lopt.Breaks = nil
	lcls, lbreaks := classes(lag, lopt)
	global := newCounts(opt.K)
	by := make([][][]int, opt.K)
	for c := range by {
		by[c] = newCounts(opt.K)
	}
	for i, row := range cls {
		for t := 0; t+opt.Lag < len(row); t++ {
			a, b := row[t], row[t+opt.Lag]
			if a < 0 || b < 0 {
				continue
			}
			global[a][b]++
			if l := lcls[i][t]; l >= 0 {
				by[l][a][b]++
			}
		}
	}
	r := &SpatialMarkovResult{K: opt.K, Breaks: breaks, LagBreaks: lbreaks, Global: finish(opt.K, global)}
	r.Global.Breaks = breaks
	for c := range by {
		r.ByLag = append(r.ByLag, finish(opt.K, by[c]))
	}
	return r, nil
}
