package pipeline

import (
	"fmt"
	"math"
	"sort"

	"github.com/nqp-index/nqp/scoring/diag"
)

// Optimisation types (COINr get_opt_weights).
const (
	OptBalance = "balance" // minimise log(mean((target − corr/Σcorr)²))
	OptInfomax = "infomax" // maximise Σ corr
)

// OptimiseSpec re-tunes the weights of one level after the weighting
// method, as COINr's get_opt_weights: Nelder–Mead (R's optim defaults:
// reflection 1, contraction 0.5, expansion 2, shrink 0.5, relative
// tolerance Toler, at most MaxIter evaluations) over the level's weights;
// each evaluation re-aggregates the tree and correlates the level's nodes
// with the index.
type OptimiseSpec struct {
	// Level whose weights are optimised (1 = indicators; below the index).
	Level int `json:"level"`
	// Type: balance (default) or infomax.
	Type string `json:"type"`
	// Target (balance): the desired shares of the correlations, one per node
	// of the level in framework order (default equal).
	Target []float64 `json:"target,omitempty"`
	// Cor: pearson (default), spearman or kendall.
	Cor string `json:"cor"`
	// Toler: optim's reltol (COINr default 0.1).
	Toler float64 `json:"toler"`
	// MaxIter: optim's maxit, the evaluation budget (COINr default 500).
	MaxIter int `json:"maxiter"`
}

func (o *OptimiseSpec) resolve() {
	if o.Type == "" {
		o.Type = OptBalance
	}
	if o.Cor == "" {
		o.Cor = "pearson"
	}
	if o.Toler == 0 {
		o.Toler = 0.1
	}
	if o.MaxIter == 0 {
		o.MaxIter = 500
	}
}

func (o *OptimiseSpec) check() error {
	switch o.Type {
	case OptBalance, OptInfomax:
	default:
		return bad("weights.optimise.type", o.Type, "balance, infomax")
	}
	switch o.Cor {
	case "pearson", "spearman", "kendall":
	default:
		return bad("weights.optimise.cor", o.Cor, "pearson, spearman, kendall")
	}
	if o.Level < 1 {
		return diag.Errorf("weights.optimise.level 必须 ≥ 1", "weights.optimise.level must be at least 1")
	}
	if !(o.Toler > 0) || o.MaxIter < 1 {
		return diag.Errorf("weights.optimise.toler 须为正、maxiter 须 ≥ 1", "weights.optimise.toler must be positive and maxiter at least 1")
	}
	for _, v := range o.Target {
		if !(v >= 0) {
			return diag.Errorf("weights.optimise.target 须为非负数", "weights.optimise.target must be non-negative")
		}
	}
	return nil
}

// OptimisedDiag records an optimisation: the level's nodes, the target
// shares (balance), the start and optimised weights (normalised to sum 1
// over the level, as COINr reports them), the correlations of the nodes
// with the index at the optimum (raw, and divided by their sum), the
// objective value, the number of evaluations and optim's convergence code
// (0 converged, 1 evaluation budget reached, 10 degenerate simplex).
type OptimisedDiag struct {
	Level          int      `json:"level"`
	Type           string   `json:"type"`
	Cor            string   `json:"cor"`
	Codes          []string `json:"codes"`
	Target         Vector   `json:"target,omitempty"`
	Start          Vector   `json:"start"`
	Weights        Vector   `json:"weights"`
	Corr           Vector   `json:"corr"`
	CorrNormalised Vector   `json:"corr_normalised"`
	// LastEvaluation is what COINr reports as "Obtained": the correlations
	// (balance: divided by their sum) of the LAST evaluated weights, which
	// need not be the optimum.
	LastEvaluation Vector  `json:"last_evaluation"`
	Value          float64 `json:"value"`
	Evaluations    int     `json:"evaluations"`
	Convergence    int     `json:"convergence"`
}

// nmResult is the outcome of nelderMead.
type nmResult struct {
	X     []float64
	F     float64
	Count int
	Fail  int
}

// nmBig replaces non-finite objective values, as R's optim does.
const nmBig = 1.0e+35

// nelderMead minimises f from x0 exactly as R's optim(method =
// "Nelder-Mead") does (src/appl/optim.c nmmin, Nash's algorithm): initial
// step 0.1·max|x0| (0.1 if x0 = 0), reflection alpha, contraction beta,
// expansion gamma, convergence when the simplex's function values span
// at most reltol·(|f(x0)| + reltol), and a budget of maxit evaluations.
// The sequence of evaluations is R's, so with the same objective the
// result is R's to the last bit, up to rounding in the objective itself.
func nelderMead(f func([]float64) float64, x0 []float64, alpha, beta, gamma, reltol float64, maxit int) nmResult {
	n := len(x0)
	b := append([]float64(nil), x0...)
	eval := func(x []float64) float64 {
		v := f(x)
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nmBig
		}
		return v
	}
	if maxit <= 0 {
		return nmResult{X: b, F: f(b)}
	}
	// P[i][j]: coordinate i of vertex j (i < n), P[n][j] its value;
	// column n+1 is the centroid / work vertex.
	n1 := n + 1
	P := make([][]float64, n1)
	for i := range P {
		P[i] = make([]float64, n+2)
	}
	fv := f(b)
	if math.IsNaN(fv) || math.IsInf(fv, 0) {
		return nmResult{X: b, F: fv, Fail: 1}
	}
	count := 1
	convtol := reltol * (math.Abs(fv) + reltol)
	P[n1-1][0] = fv
	for i := 0; i < n; i++ {
		P[i][0] = b[i]
	}
	L := 1
	size := 0.0
	step := 0.0
	for i := 0; i < n; i++ {
		if 0.1*math.Abs(b[i]) > step {
			step = 0.1 * math.Abs(b[i])
		}
	}
	if step == 0 {
		step = 0.1
	}
	for j := 2; j <= n1; j++ {
		for i := 0; i < n; i++ {
			P[i][j-1] = b[i]
		}
		try := step
		for P[j-2][j-1] == b[j-2] {
			P[j-2][j-1] = b[j-2] + try
			try *= 10
		}
		size += try
	}
	oldsize := size
	calcvert := true
	fail := 0
	C := n + 2
	for {
		if calcvert {
			for j := 0; j < n1; j++ {
				if j+1 != L {
					for i := 0; i < n; i++ {
						b[i] = P[i][j]
					}
					P[n1-1][j] = eval(b)
					count++
				}
			}
			calcvert = false
		}
		VL := P[n1-1][L-1]
		VH := VL
		H := L
		for j := 1; j <= n1; j++ {
			if j != L {
				v := P[n1-1][j-1]
				if v < VL {
					L = j
					VL = v
				}
				if v > VH {
					H = j
					VH = v
				}
			}
		}
		if VH <= VL+convtol { // abstol = −Inf
			break
		}
		for i := 0; i < n; i++ {
			temp := -P[i][H-1]
			for j := 0; j < n1; j++ {
				temp += P[i][j]
			}
			P[i][C-1] = temp / float64(n)
		}
		for i := 0; i < n; i++ {
			b[i] = (1+alpha)*P[i][C-1] - alpha*P[i][H-1]
		}
		VR := eval(b)
		count++
		if VR < VL {
			P[n1-1][C-1] = VR
			for i := 0; i < n; i++ {
				v := gamma*b[i] + (1-gamma)*P[i][C-1]
				P[i][C-1] = b[i]
				b[i] = v
			}
			fe := eval(b)
			count++
			if fe < VR {
				for i := 0; i < n; i++ {
					P[i][H-1] = b[i]
				}
				P[n1-1][H-1] = fe
			} else {
				for i := 0; i < n; i++ {
					P[i][H-1] = P[i][C-1]
				}
				P[n1-1][H-1] = VR
			}
		} else {
			if VR < VH {
				for i := 0; i < n; i++ {
					P[i][H-1] = b[i]
				}
				P[n1-1][H-1] = VR
			}
			for i := 0; i < n; i++ {
				b[i] = (1-beta)*P[i][H-1] + beta*P[i][C-1]
			}
			fc := eval(b)
			count++
			if fc < P[n1-1][H-1] {
				for i := 0; i < n; i++ {
					P[i][H-1] = b[i]
				}
				P[n1-1][H-1] = fc
			} else if VR >= VH {
				calcvert = true
				size = 0
				for j := 0; j < n1; j++ {
					if j+1 != L {
						for i := 0; i < n; i++ {
							P[i][j] = beta*(P[i][j]-P[i][L-1]) + P[i][L-1]
							size += math.Abs(P[i][j] - P[i][L-1])
						}
					}
				}
				if size < oldsize {
					oldsize = size
				} else {
					fail = 10
					break
				}
			}
		}
		if count > maxit {
			break
		}
	}
	x := make([]float64, n)
	for i := range x {
		x[i] = P[i][L-1]
	}
	if count > maxit {
		fail = 1
	}
	return nmResult{X: x, F: P[n1-1][L-1], Count: count, Fail: fail}
}

// ranks returns average ranks (1-based) of v (no NaN).
func ranks(v []float64) []float64 {
	idx := make([]int, len(v))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return v[idx[a]] < v[idx[b]] })
	r := make([]float64, len(v))
	for i := 0; i < len(idx); {
		j := i
		for j+1 < len(idx) && v[idx[j+1]] == v[idx[i]] {
			j++
		}
		avg := float64(i+j)/2 + 1
		for k := i; k <= j; k++ {
			r[idx[k]] = avg
		}
		i = j + 1
	}
	return r
}

// correlation returns the pearson, spearman (pearson of average ranks) or
// kendall (tau-b, as R's cor) correlation of a and b over the rows where
// both are present; NaN when undefined.
func correlation(a, b []float64, kind string) float64 {
	var x, y []float64
	for i := range a {
		if !math.IsNaN(a[i]) && !math.IsNaN(b[i]) {
			x = append(x, a[i])
			y = append(y, b[i])
		}
	}
	n := len(x)
	if n < 2 {
		return math.NaN()
	}
	switch kind {
	case "spearman":
		x, y = ranks(x), ranks(y)
	case "kendall":
		var s, tx, ty float64
		for i := 0; i < n; i++ {
			for j := 0; j < n; j++ {
				if i == j {
					continue
				}
				sx, sy := sign(x[i]-x[j]), sign(y[i]-y[j])
				s += sx * sy
				tx += sx * sx
				ty += sy * sy
			}
		}
		if tx == 0 || ty == 0 {
			return math.NaN()
		}
		return s / math.Sqrt(tx*ty)
	}
	var mx, my float64
	for i := range x {
		mx += x[i]
		my += y[i]
	}
	mx /= float64(n)
	my /= float64(n)
	var sxy, sxx, syy float64
	for i := range x {
		dx, dy := x[i]-mx, y[i]-my
		sxy += dx * dy
		sxx += dx * dx
		syy += dy * dy
	}
	if sxx == 0 || syy == 0 {
		return math.NaN()
	}
	return sxy / math.Sqrt(sxx*syy)
}

func sign(v float64) float64 {
	switch {
	case v > 0:
		return 1
	case v < 0:
		return -1
	}
	return 0
}

// nodeValues aggregates every row with the relative weights rel, with the
// recipe's aggregation method (through state.aggregate, so every method
// is honoured), and returns the node values (row-major: [row][node]):
// the normalised values of the indicators and the scores of the
// aggregates (scaled by aggregate.scale, which correlations and PCA do not
// see). The run's result and report are left untouched; when the
// aggregation fails, every aggregate is NaN.
func (st *state) nodeValues(rel []float64) [][]float64 {
	t := st.t
	savedRes, savedRep, savedRel := *st.res, *st.rep, st.rel
	st.res.Aggregates, st.res.Scores = nil, nil
	st.rel = [][]float64{rel}
	err := st.aggregate()
	scores := st.res.Scores
	*st.res, *st.rep, st.rel = savedRes, savedRep, savedRel
	out := make([][]float64, len(st.rows))
	for n := range out {
		val := make([]float64, len(t.codes))
		for i := range t.codes {
			switch {
			case t.leafCol[i] >= 0:
				val[i] = st.yc[t.leafCol[i]][n]
			case err != nil || scores == nil:
				val[i] = math.NaN()
			default:
				val[i] = scores[n][t.aggCol[i]]
			}
		}
		out[n] = val
	}
	return out
}

// optimise tunes the relative weights of the nodes at o.Level (in place).
// raw holds the start weights of the level's nodes for infomax (COINr
// starts from the original weights; balance starts from the target).
func (st *state) optimise(o *OptimiseSpec, rel []float64, start func(nodes []int) []float64) error {
	t := st.t
	root := 0
	var nodes []int
	for i := range t.codes {
		if t.level[i] == o.Level && t.parent[i] >= 0 {
			nodes = append(nodes, i)
		}
	}
	if len(nodes) == 0 {
		return &msg{fmt.Sprintf("第 %d 层没有可优化权重的节点（须低于总指数）", o.Level), fmt.Sprintf("level %d has no node whose weight can be optimised (it must lie below the index)", o.Level)}
	}
	k := len(nodes)
	dg := &OptimisedDiag{Level: o.Level, Type: o.Type, Cor: o.Cor}
	for _, i := range nodes {
		dg.Codes = append(dg.Codes, t.codes[i])
	}
	var target []float64
	if o.Type == OptBalance {
		target = make([]float64, k)
		if len(o.Target) == 0 {
			for i := range target {
				target[i] = 1
			}
		} else {
			if len(o.Target) != k {
				return &msg{fmt.Sprintf("weights.optimise.target 有 %d 个值，但第 %d 层有 %d 个节点", len(o.Target), o.Level, k),
					fmt.Sprintf("weights.optimise.target has %d values but level %d has %d nodes", len(o.Target), o.Level, k)}
			}
			copy(target, o.Target)
		}
		s := 0.0
		for _, v := range target {
			s += v
		}
		if !(s > 0) {
			return &msg{"weights.optimise.target 之和须为正", "weights.optimise.target must have a positive sum"}
		}
		for i := range target {
			target[i] /= s
		}
		dg.Target = target
	}
	cand := append([]float64(nil), rel...)
	// apply writes the candidate weights w (one per node) into cand,
	// normalised within each sibling group; false if a group sums to 0.
	apply := func(w []float64) bool {
		sum := map[int]float64{}
		share := map[int]float64{}
		for m, i := range nodes {
			sum[t.parent[i]] += w[m]
			share[t.parent[i]] += rel[i]
		}
		for p, s := range sum {
			if s == 0 || math.IsNaN(s) {
				return false
			}
			if len(t.children[p]) == countIn(nodes, t.children[p]) {
				share[p] = 1
			}
		}
		for m, i := range nodes {
			cand[i] = share[t.parent[i]] * w[m] / sum[t.parent[i]]
		}
		return true
	}
	corr := func(w []float64) []float64 {
		if !apply(w) {
			return nil
		}
		vals := st.nodeValues(cand)
		idx := make([]float64, len(vals))
		for n := range vals {
			idx[n] = vals[n][root]
		}
		cr := make([]float64, k)
		col := make([]float64, len(vals))
		for m, i := range nodes {
			for n := range vals {
				col[n] = vals[n][i]
			}
			cr[m] = correlation(col, idx, o.Cor)
		}
		return cr
	}
	objective := func(w []float64) float64 {
		cr := corr(w)
		if cr == nil {
			return math.NaN()
		}
		dg.LastEvaluation = cr
		if o.Type == OptInfomax {
			s := 0.0
			for _, c := range cr {
				s += c
			}
			return -s
		}
		s := 0.0
		for _, c := range cr {
			s += c
		}
		ss := 0.0
		last := make(Vector, k)
		for m, c := range cr {
			last[m] = c / s
			d := target[m] - last[m]
			ss += d * d
		}
		dg.LastEvaluation = last
		return math.Log(ss / float64(k))
	}
	x0 := target
	if o.Type == OptInfomax {
		x0 = start(nodes)
	}
	dg.Start = append(Vector(nil), x0...)
	nm := nelderMead(objective, x0, 1, 0.5, 2, o.Toler, o.MaxIter)
	s := 0.0
	for _, v := range nm.X {
		s += v
	}
	w := make([]float64, k)
	for m := range w {
		w[m] = nm.X[m] / s
	}
	dg.Weights, dg.Value, dg.Evaluations, dg.Convergence = w, nm.F, nm.Count, nm.Fail
	cr := corr(w)
	if cr == nil {
		return &msg{"优化得到的权重在某组内之和为 0", "the optimised weights sum to 0 within a group"}
	}
	copy(rel, cand)
	dg.Corr = cr
	cs := 0.0
	for _, c := range cr {
		cs += c
	}
	dg.CorrNormalised = make(Vector, k)
	for m, c := range cr {
		dg.CorrNormalised[m] = c / cs
	}
	st.res.Optimised = dg
	if nm.Fail != 0 {
		st.warn("optimise-not-converged", fmt.Sprintf("权重优化未收敛（代码 %d，%d 次函数计算）；可增大 maxiter 或 toler", nm.Fail, nm.Count),
			fmt.Sprintf("the weight optimisation did not converge (code %d after %d evaluations); increase maxiter or toler", nm.Fail, nm.Count), "")
	}
	for _, v := range w {
		if v < 0 {
			st.warn("optimise-negative", "优化得到负权重（COINr 的优化不加约束）", "the optimisation produced a negative weight (COINr's optimisation is unconstrained)", "")
			break
		}
	}
	return nil
}

func countIn(set []int, xs []int) int {
	c := 0
	for _, x := range xs {
		for _, s := range set {
			if s == x {
				c++
				break
			}
		}
	}
	return c
}
