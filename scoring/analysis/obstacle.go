package analysis

import (
	"math"
	"sort"

	"github.com/nqp-index/nqp/scoring/pipeline"
)

// ObstacleDegrees returns the obstacle degree (障碍度, in %) of every
// indicator j for every row i:
//
//	O_ij = F_j I_ij / Σ_k F_k I_ik × 100,  I_ij = 1 − y_ij,
//
// with F the (effective) indicator weights and y the normalised values in
// [0, 1]. A missing y_ij gives a missing O_ij and the row's other degrees
// are shares of the available indicators; a row without any deviation
// (every y = 1) has all degrees 0.
func ObstacleDegrees(y [][]float64, w []float64) ([][]float64, error) {
	out := make([][]float64, len(y))
	for i, row := range y {
		if len(row) != len(w) {
			return nil, errorf("ragged", "第 %d 行的指标个数与权重个数不符", "row %d does not have one value per weight", i+1)
		}
		o := make([]float64, len(row))
		var s float64
		for j, v := range row {
			if math.IsNaN(v) {
				o[j] = math.NaN()
				continue
			}
			if v < -1e-12 || v > 1+1e-12 {
				return nil, errorf("obstacle-range", "障碍度要求标准化值在 [0, 1] 内（第 %d 行有 %g）", "the obstacle degree needs normalised values in [0, 1] (row %d has %g)", i+1, v)
			}
			o[j] = w[j] * (1 - v)
			s += o[j]
		}
		for j := range o {
			if math.IsNaN(o[j]) {
				continue
			}
			if s > 0 {
				o[j] = o[j] / s * 100
			} else {
				o[j] = 0
			}
		}
		out[i] = o
	}
	return out, nil
}

// Obstacle is one factor and its obstacle degree (%).
type Obstacle struct {
	Code   string  `json:"code"`
	Degree float64 `json:"degree"`
}

// TopObstacles returns the n largest degrees of a row, largest first (ties
// in code order).
func TopObstacles(codes []string, degrees []float64, n int) []Obstacle {
	var all []Obstacle
	for j, d := range degrees {
		if !math.IsNaN(d) {
			all = append(all, Obstacle{codes[j], d})
		}
	}
	sort.SliceStable(all, func(a, b int) bool { return all[a].Degree > all[b].Degree })
	if n > 0 && len(all) > n {
		all = all[:n]
	}
	return all
}

// ObstacleTable holds the obstacle degrees of a pipeline result: per result
// row, every indicator's and every dimension's degree (%), and the top-N
// indicators.
type ObstacleTable struct {
	Indicators []string       `json:"indicators"`
	Dimensions []string       `json:"dimensions"`
	Rows       []pipeline.Obs `json:"rows"`
	Indicator  [][]float64    `json:"indicator"`
	Dimension  [][]float64    `json:"dimension"`
	Top        [][]Obstacle   `json:"top"`
}

// ObstacleOf computes obstacle degrees from a result's normalised values
// (min-max values are mapped back to [0, 1] with the recipe's bounds) and
// effective indicator weights (per period when the weights are). dims are
// the aggregates whose degrees are summed from their indicators (nil = the
// children of the index); topN is the length of each top list.
func ObstacleOf(res *pipeline.Result, dims []string, topN int) (*ObstacleTable, error) {
	if res == nil || res.Framework == nil || len(res.Aggregates) == 0 {
		return nil, errorf("no-result", "没有可分析的结果", "there is no result to analyse")
	}
	nr := res.Recipe.Normalise
	if nr.Method != pipeline.MinMax || nr.Lower == nil || nr.Upper == nil {
		return nil, errorf("obstacle-normalise", "障碍度需要 min-max 标准化（偏离度 1 − y 要求 y ∈ [0, 1]）", "the obstacle degree needs min-max normalisation (the deviation 1 − y needs y in [0, 1])")
	}
	lo, hi := *nr.Lower+nr.Shift, *nr.Upper+nr.Shift
	if dims == nil {
		for _, c := range res.Framework.Children(res.Aggregates[0]) {
			if res.AggregateIndex(c) >= 0 {
				dims = append(dims, c)
			}
		}
	}
	// indicator → dimension
	dimOf := make([]int, len(res.Indicators))
	for j, c := range res.Indicators {
		dimOf[j] = -1
		for _, a := range res.Framework.Path(c) {
			for d, dc := range dims {
				if a == dc {
					dimOf[j] = d
				}
			}
		}
	}
	// effective weights per weight set
	period := map[string]int{}
	for p, per := range res.Periods {
		period[per.Label] = p
	}
	wOf := make([][]float64, len(res.Periods)) // per period
	for _, ws := range res.Weights {
		eff := map[string]float64{}
		for _, n := range ws.Nodes {
			eff[n.Code] = n.Effective
		}
		w := make([]float64, len(res.Indicators))
		for j, c := range res.Indicators {
			w[j] = eff[c]
		}
		for p := range res.Periods {
			if ws.Period == "" || period[ws.Period] == p {
				wOf[p] = w
			}
		}
	}
	t := &ObstacleTable{Indicators: res.Indicators, Dimensions: dims, Rows: res.Rows}
	for i, o := range res.Rows {
		y := make([]float64, len(res.Indicators))
		for j, v := range res.Normalised[i] {
			y[j] = (v - lo) / (hi - lo)
		}
		deg, err := ObstacleDegrees([][]float64{y}, wOf[o.Period])
		if err != nil {
			return nil, err
		}
		d := make([]float64, len(dims))
		for j, v := range deg[0] {
			if k := dimOf[j]; k >= 0 && !math.IsNaN(v) {
				d[k] += v
			}
		}
		t.Indicator = append(t.Indicator, deg[0])
		t.Dimension = append(t.Dimension, d)
		t.Top = append(t.Top, TopObstacles(res.Indicators, deg[0], topN))
	}
	return t, nil
}
