package analysis

import (
	"math"
	"math/rand/v2"
	"sort"

	"github.com/nqp-index/nqp/scoring/pipeline"
)

// SAOptions configures Sensitivity.
type SAOptions struct {
	Inputs  []Uncertain `json:"inputs"`
	N       int         `json:"n"` // base sample size (N(d + 2) runs; default 500)
	Seed    uint64      `json:"seed"`
	Nboot   int         `json:"nboot"` // bootstrap replicates (default 1000; < 0 = none)
	Code    string      `json:"code,omitempty"`
	Workers int         `json:"-"`
	// NoFastPath forces pipeline.Run for every run (for testing).
	NoFastPath bool `json:"-"`
}

// SensIndex is the first-order and total sensitivity index of one input
// with bootstrap 5–95% intervals.
type SensIndex struct {
	Input  string  `json:"input"`
	Si     float64 `json:"si"`
	STi    float64 `json:"sti"`
	SiQ5   float64 `json:"si_q5"`
	SiQ95  float64 `json:"si_q95"`
	STiQ5  float64 `json:"sti_q5"`
	STiQ95 float64 `json:"sti_q95"`
}

// SAResult is a variance-based sensitivity analysis of the mean absolute
// rank change against the nominal run (COINr's get_sensitivity with
// SA_type = "SA").
type SAResult struct {
	Code     string      `json:"code"`
	N        int         `json:"n"`
	Runs     int         `json:"runs"`
	Used     int         `json:"used"` // base samples whose runs all succeeded
	Variance float64     `json:"variance"`
	Indices  []SensIndex `json:"indices"`
	Y        []float64   `json:"y"` // output per run: A (N), B (N), AB_1 … AB_d (N each)
}

// Sensitivity builds the Saltelli design (matrices A and B of U(0, 1),
// and AB_i = A with column i from B), runs the N(d + 2) regenerations and
// estimates Si and STi with SAEstimate.
func Sensitivity(in pipeline.Input, nominal pipeline.Recipe, opt SAOptions) (*SAResult, error) {
	d := len(opt.Inputs)
	if d < 2 {
		return nil, errorf("sa-one-input", "敏感性分析至少需要 2 个不确定输入（只有一个时请用不确定性分析）", "a sensitivity analysis needs at least 2 uncertain inputs (use the uncertainty analysis for one)")
	}
	if opt.N <= 0 {
		opt.N = 500
	}
	if opt.Nboot == 0 {
		opt.Nboot = 1000
	}
	e, err := newEngine(in, nominal, opt.Inputs, opt.Code, opt.Seed, opt.NoFastPath)
	if err != nil {
		return nil, err
	}
	N := opt.N
	A := make([][]float64, N)
	B := make([][]float64, N)
	for i := 0; i < N; i++ {
		rng := runRNG(opt.Seed, i)
		A[i] = make([]float64, d)
		B[i] = make([]float64, d)
		for k := range A[i] {
			A[i][k] = rng.Float64()
		}
		for k := range B[i] {
			B[i][k] = rng.Float64()
		}
	}
	toChoice := func(x []float64) []int {
		c := make([]int, d)
		for k, u := range opt.Inputs {
			c[k] = pick(x[k], u.size())
		}
		return c
	}
	choices := make([][]int, 0, N*(d+2))
	for i := 0; i < N; i++ {
		choices = append(choices, toChoice(A[i]))
	}
	for i := 0; i < N; i++ {
		choices = append(choices, toChoice(B[i]))
	}
	for k := 0; k < d; k++ {
		for i := 0; i < N; i++ {
			x := append([]float64(nil), A[i]...)
			x[k] = B[i][k]
			choices = append(choices, toChoice(x))
		}
	}
	_, ranks, _, err := e.runAll(choices, opt.Workers)
	if err != nil {
		return nil, err
	}
	nomRank := make([]int, len(e.nominal.Rows))
	nom := make([]float64, len(nomRank))
	for i := range nom {
		nom[i] = e.nominal.Scores[i][e.col]
	}
	rankDesc(nom, e.periodOf, nomRank)
	y := make([]float64, len(choices))
	for i, rk := range ranks {
		var s float64
		c := 0
		for j, v := range rk {
			if v > 0 && nomRank[j] > 0 {
				s += math.Abs(float64(v - nomRank[j]))
				c++
			}
		}
		y[i] = math.NaN()
		if c > 0 {
			y[i] = s / float64(c)
		}
	}
	est, err := SAEstimate(y, N, d, opt.Nboot, opt.Seed)
	if err != nil {
		return nil, err
	}
	est.Code = e.code
	est.Runs = len(choices)
	for k, u := range opt.Inputs {
		est.Indices[k].Input = u.label()
	}
	return est, nil
}

// SAEstimate computes, from outputs y = (y_A, y_B, y_AB1 … y_ABd) of N
// each (COINr's SA_estimate), V = var(y_A ∪ y_B) (n − 1), the first-order
// Si = mean(y_B·(y_ABi − y_A))/V and the total STi = Σ(y_A − y_ABi)²/(2NV)
// (Jansen), with bootstrap 5–95% intervals from nboot resamples of the
// per-sample terms (seeded; nboot ≤ 0 = none). Base samples with a
// missing output in any of their runs are left out (N shrinks).
func SAEstimate(y []float64, N, d, nboot int, seed uint64) (*SAResult, error) {
	if len(y) != N*(d+2) {
		return nil, errorf("bad-sa", "输出个数应为 N(d + 2)", "the outputs must number N(d + 2)")
	}
	var keep []int
	for i := 0; i < N; i++ {
		ok := !math.IsNaN(y[i]) && !math.IsNaN(y[N+i])
		for k := 0; k < d; k++ {
			ok = ok && !math.IsNaN(y[(2+k)*N+i])
		}
		if ok {
			keep = append(keep, i)
		}
	}
	n := len(keep)
	if n < 2 {
		return nil, errorf("bad-sa", "成功的运行太少，无法估计敏感性指数", "too few successful runs to estimate the sensitivity indices")
	}
	yA := make([]float64, n)
	yB := make([]float64, n)
	for j, i := range keep {
		yA[j], yB[j] = y[i], y[N+i]
	}
	both := append(append([]float64(nil), yA...), yB...)
	v := sd(both)
	v *= v
	r := &SAResult{N: N, Used: n, Variance: v, Y: y}
	rng := rand.New(rand.NewPCG(seed^0x626f6f74, 0))
	for k := 0; k < d; k++ {
		fo := make([]float64, n) // y_B (y_ABi − y_A)
		to := make([]float64, n) // y_A − y_ABi
		for j, i := range keep {
			ab := y[(2+k)*N+i]
			fo[j] = yB[j] * (ab - yA[j])
			to[j] = yA[j] - ab
		}
		si := func(idx []int) float64 {
			var s float64
			for _, j := range idx {
				s += fo[j]
			}
			return s / float64(n) / v
		}
		sti := func(idx []int) float64 {
			var s float64
			for _, j := range idx {
				s += to[j] * to[j]
			}
			return s / (2 * float64(n) * v)
		}
		all := make([]int, n)
		for j := range all {
			all[j] = j
		}
		x := SensIndex{Si: si(all), STi: sti(all), SiQ5: math.NaN(), SiQ95: math.NaN(), STiQ5: math.NaN(), STiQ95: math.NaN()}
		if nboot > 0 {
			bs := make([]float64, nboot)
			bt := make([]float64, nboot)
			idx := make([]int, n)
			for b := 0; b < nboot; b++ {
				for j := range idx {
					idx[j] = rng.IntN(n)
				}
				bs[b] = si(idx)
				for j := range idx {
					idx[j] = rng.IntN(n)
				}
				bt[b] = sti(idx)
			}
			sort.Float64s(bs)
			sort.Float64s(bt)
			x.SiQ5, x.SiQ95 = quantile7(bs, 0.05), quantile7(bs, 0.95)
			x.STiQ5, x.STiQ95 = quantile7(bt, 0.05), quantile7(bt, 0.95)
		}
		r.Indices = append(r.Indices, x)
	}
	return r, nil
}
