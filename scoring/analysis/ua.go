package analysis

import (
	"math"
	"math/rand/v2"
	"sort"

	"github.com/nqp-index/nqp/scoring/pipeline"
)

// UAOptions configures Uncertainty.
type UAOptions struct {
	Inputs []Uncertain `json:"inputs"`
	N      int         `json:"n"`    // number of runs (default 1000)
	Seed   uint64      `json:"seed"` // runs are reproducible for a seed
	// Code is the aggregate ranked ("" = the index).
	Code string `json:"code,omitempty"`
	// KeepScores keeps every run's scores and ranks in the result.
	KeepScores bool `json:"keep_scores,omitempty"`
	// Workers bounds the goroutines (0 = GOMAXPROCS).
	Workers int `json:"-"`
	// NoFastPath forces pipeline.Run for every run (for testing).
	NoFastPath bool `json:"-"`
}

// UAResult is a Monte Carlo uncertainty analysis (COINr's get_sensitivity
// with SA_type = "UA"): per result row (unit and period) the nominal score
// and rank and the mean, median, 5th and 95th percentile (R's type 7) of
// its rank over the runs that succeeded.
type UAResult struct {
	Code        string         `json:"code"`
	Inputs      []string       `json:"inputs"`
	N           int            `json:"n"`
	Failed      int            `json:"failed"` // runs that could not be scored (e.g. gmean of a value ≤ 0)
	Units       []string       `json:"units"`
	Periods     []string       `json:"periods"`
	Rows        []pipeline.Obs `json:"rows"`
	Nominal     []float64      `json:"nominal"`
	NominalRank []int          `json:"nominal_rank"`
	Mean        []float64      `json:"mean_rank"`
	Median      []float64      `json:"median_rank"`
	Q5          []float64      `json:"q5_rank"`
	Q95         []float64      `json:"q95_rank"`
	Choices     [][]int        `json:"choices"`          // per run, the alternative taken per input
	Scores      [][]float64    `json:"scores,omitempty"` // per run (KeepScores)
	Ranks       [][]int        `json:"ranks,omitempty"`  // per run (KeepScores; 0 = missing)
}

// runSeed is the PCG stream of run i: results do not depend on scheduling.
func runRNG(seed uint64, i int) *rand.Rand {
	return rand.New(rand.NewPCG(seed, uint64(i)))
}

// Uncertainty runs opt.N regenerations of the index with alternatives
// sampled uniformly for every uncertain input.
func Uncertainty(in pipeline.Input, nominal pipeline.Recipe, opt UAOptions) (*UAResult, error) {
	if opt.N <= 0 {
		opt.N = 1000
	}
	if len(opt.Inputs) == 0 {
		return nil, errorf("no-inputs", "没有声明不确定输入", "no uncertain inputs declared")
	}
	e, err := newEngine(in, nominal, opt.Inputs, opt.Code, opt.Seed, opt.NoFastPath)
	if err != nil {
		return nil, err
	}
	choices := make([][]int, opt.N)
	for i := range choices {
		rng := runRNG(opt.Seed, i)
		choices[i] = make([]int, len(opt.Inputs))
		for k, u := range opt.Inputs {
			choices[i][k] = pick(rng.Float64(), u.size())
		}
	}
	scores, ranks, nfail, err := e.runAll(choices, opt.Workers)
	if err != nil {
		return nil, err
	}
	return e.uaResult(opt, choices, scores, ranks, nfail), nil
}

// runAll evaluates every choice in parallel and ranks the scores.
func (e *engine) runAll(choices [][]int, workers int) ([][]float64, [][]int, int, error) {
	n := len(choices)
	scores := make([][]float64, n)
	ranks := make([][]int, n)
	errs := make([]error, n)
	parallelRuns(n, workers, func(i int) {
		s, err := e.eval(choices[i])
		if err != nil {
			if !failed(err) {
				errs[i] = err
				return
			}
			s = make([]float64, len(e.nominal.Rows))
			for j := range s {
				s[j] = math.NaN()
			}
		}
		scores[i] = s
		ranks[i] = make([]int, len(s))
		rankDesc(s, e.periodOf, ranks[i])
	})
	nfail := 0
	for i, err := range errs {
		if err != nil {
			return nil, nil, 0, err
		}
		if allNaN(scores[i]) {
			nfail++
		}
	}
	return scores, ranks, nfail, nil
}

func allNaN(x []float64) bool {
	for _, v := range x {
		if !math.IsNaN(v) {
			return false
		}
	}
	return true
}

func (e *engine) uaResult(opt UAOptions, choices [][]int, scores [][]float64, ranks [][]int, nfail int) *UAResult {
	res := e.nominal
	r := &UAResult{Code: e.code, N: len(choices), Failed: nfail, Rows: res.Rows, Choices: choices}
	for _, u := range opt.Inputs {
		r.Inputs = append(r.Inputs, u.label())
	}
	for _, u := range res.Units {
		r.Units = append(r.Units, u.Code)
	}
	for _, p := range res.Periods {
		r.Periods = append(r.Periods, p.Label)
	}
	nr := len(res.Rows)
	r.Nominal = make([]float64, nr)
	r.NominalRank = make([]int, nr)
	for i := range res.Rows {
		r.Nominal[i] = res.Scores[i][e.col]
	}
	rankDesc(r.Nominal, e.periodOf, r.NominalRank)
	buf := make([]float64, 0, len(choices))
	for i := 0; i < nr; i++ {
		buf = buf[:0]
		for _, rk := range ranks {
			if rk[i] > 0 {
				buf = append(buf, float64(rk[i]))
			}
		}
		sort.Float64s(buf)
		if len(buf) == 0 {
			r.Mean = append(r.Mean, math.NaN())
			r.Median = append(r.Median, math.NaN())
			r.Q5 = append(r.Q5, math.NaN())
			r.Q95 = append(r.Q95, math.NaN())
			continue
		}
		r.Mean = append(r.Mean, mean(buf))
		r.Median = append(r.Median, quantile7(buf, 0.5))
		r.Q5 = append(r.Q5, quantile7(buf, 0.05))
		r.Q95 = append(r.Q95, quantile7(buf, 0.95))
	}
	if opt.KeepScores {
		r.Scores, r.Ranks = scores, ranks
	}
	return r
}
