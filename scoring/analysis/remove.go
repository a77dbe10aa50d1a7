package analysis

import (
	"math"

	"github.com/nqp-index/nqp/scoring/pipeline"
)

// RemoveResult holds the effect of removing each element of one level in
// turn (COINr's remove_elements): its weight is set to 0 and the index is
// re-aggregated with the remaining weights renormalised.
type RemoveResult struct {
	Code        string         `json:"code"`
	Level       int            `json:"level"`
	Elements    []string       `json:"elements"`
	Rows        []pipeline.Obs `json:"rows"`
	Nominal     []float64      `json:"nominal"`
	NominalRank []int          `json:"nominal_rank"`
	Scores      [][]float64    `json:"scores"`        // per element, per row
	Ranks       [][]int        `json:"ranks"`         // per element, per row
	RankDiff    [][]int        `json:"rank_diff"`     // rank − nominal rank
	MeanAbsDiff []float64      `json:"mean_abs_diff"` // per element
}

// RemoveElements removes, one at a time, every element of the framework
// level (1 = indicators) and reports the scores and ranks of code ("" =
// the index). The weights of the nominal run are kept otherwise.
func RemoveElements(in pipeline.Input, r pipeline.Recipe, level int, code string) (*RemoveResult, error) {
	e, err := newEngine(in, r, nil, code, 0, false)
	if err != nil {
		return nil, err
	}
	s := e.stageOf(nil)
	if s.err != nil {
		return nil, s.err
	}
	if s.rel == nil {
		return nil, errorf("noise-periods", "按时期分别赋权时不能逐一剔除要素", "removing elements needs one weight set (not per-period weights)")
	}
	out := &RemoveResult{Code: e.code, Level: level, Rows: e.nominal.Rows}
	var idx []int
	for i, n := range e.nominal.Weights[0].Nodes {
		if n.Level == level && n.Parent != "" {
			idx = append(idx, i)
			out.Elements = append(out.Elements, n.Code)
		}
	}
	if len(idx) == 0 {
		return nil, errorf("bad-level", "指标体系中没有第 %d 层的要素", "the framework has no elements at level %d", level)
	}
	nr := len(e.nominal.Rows)
	out.Nominal = make([]float64, nr)
	out.NominalRank = make([]int, nr)
	for i := range out.Nominal {
		out.Nominal[i] = e.nominal.Scores[i][e.col]
	}
	rankDesc(out.Nominal, e.periodOf, out.NominalRank)
	out.Scores = make([][]float64, len(idx))
	out.Ranks = make([][]int, len(idx))
	out.RankDiff = make([][]int, len(idx))
	out.MeanAbsDiff = make([]float64, len(idx))
	errs := make([]error, len(idx))
	parallelRuns(len(idx), 0, func(k int) {
		raw := append([]float64(nil), s.rel...)
		raw[idx[k]] = 0
		sc, err := e.withWeights(s, raw)
		if err != nil {
			if !failed(err) {
				errs[k] = err
				return
			}
			sc = make([]float64, nr)
			for i := range sc {
				sc[i] = math.NaN()
			}
		}
		rk := make([]int, nr)
		rankDesc(sc, e.periodOf, rk)
		diff := make([]int, nr)
		var sum float64
		c := 0
		for i := range rk {
			if rk[i] > 0 && out.NominalRank[i] > 0 {
				diff[i] = rk[i] - out.NominalRank[i]
				sum += math.Abs(float64(diff[i]))
				c++
			}
		}
		out.Scores[k], out.Ranks[k], out.RankDiff[k] = sc, rk, diff
		out.MeanAbsDiff[k] = math.NaN()
		if c > 0 {
			out.MeanAbsDiff[k] = sum / float64(c)
		}
	})
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}
