package analysis

import (
	"math"
	"sort"

	"gonum.org/v1/gonum/stat"

	"github.com/nqp-index/nqp/scoring/pipeline"
)

// CompareResult sets several recipes side by side: the scores and ranks
// of code under each, and, against the first recipe, the rank change per
// row, the mean absolute rank change and the Spearman correlation of the
// scores per period.
type CompareResult struct {
	Code        string         `json:"code"`
	Names       []string       `json:"names"`
	Periods     []string       `json:"periods"`
	Rows        []pipeline.Obs `json:"rows"`
	Scores      [][]float64    `json:"scores"`        // per recipe, per row
	Ranks       [][]int        `json:"ranks"`         // per recipe, per row
	RankDiff    [][]int        `json:"rank_diff"`     // rank − rank under the first recipe
	MeanAbsDiff []float64      `json:"mean_abs_diff"` // per recipe
	Spearman    [][]float64    `json:"spearman"`      // per recipe, per period
}

// Compare runs every recipe on in and compares them with the first.
func Compare(in pipeline.Input, names []string, recipes []pipeline.Recipe, code string) (*CompareResult, error) {
	if len(recipes) < 2 || len(names) != len(recipes) {
		return nil, errorf("bad-compare", "比较至少需要 2 个配方，每个配方一个名称", "a comparison needs at least 2 recipes, one name each")
	}
	e, err := newEngine(in, recipes[0], nil, code, 0, true)
	if err != nil {
		return nil, err
	}
	out := &CompareResult{Code: e.code, Names: names, Rows: e.nominal.Rows}
	for _, p := range e.nominal.Periods {
		out.Periods = append(out.Periods, p.Label)
	}
	for k, r := range recipes {
		res := e.nominal
		if k > 0 {
			if res, err = pipeline.Run(in, r); err != nil {
				return nil, err
			}
		}
		sc := e.column(res)
		rk := make([]int, len(sc))
		rankDesc(sc, e.periodOf, rk)
		out.Scores = append(out.Scores, sc)
		out.Ranks = append(out.Ranks, rk)
	}
	for k := range recipes {
		diff := make([]int, len(out.Rows))
		var s float64
		c := 0
		for i := range diff {
			if a, b := out.Ranks[k][i], out.Ranks[0][i]; a > 0 && b > 0 {
				diff[i] = a - b
				s += math.Abs(float64(diff[i]))
				c++
			}
		}
		out.RankDiff = append(out.RankDiff, diff)
		out.MeanAbsDiff = append(out.MeanAbsDiff, s/float64(c))
		var rho []float64
		for p := range out.Periods {
			var x, y []float64
			for i, o := range out.Rows {
				if o.Period == p && !math.IsNaN(out.Scores[k][i]) && !math.IsNaN(out.Scores[0][i]) {
					x = append(x, out.Scores[0][i])
					y = append(y, out.Scores[k][i])
				}
			}
			rho = append(rho, Spearman(x, y))
		}
		out.Spearman = append(out.Spearman, rho)
	}
	return out, nil
}

// Spearman is the Spearman rank correlation (average ranks for ties).
func Spearman(x, y []float64) float64 {
	if len(x) < 2 || len(x) != len(y) {
		return math.NaN()
	}
	return stat.Correlation(avgRanks(x), avgRanks(y), nil)
}

func avgRanks(x []float64) []float64 {
	idx := make([]int, len(x))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return x[idx[a]] < x[idx[b]] })
	r := make([]float64, len(x))
	for i := 0; i < len(idx); {
		j := i
		for j+1 < len(idx) && x[idx[j+1]] == x[idx[i]] {
			j++
		}
		for k := i; k <= j; k++ {
			r[idx[k]] = float64(i+j)/2 + 1
		}
		i = j + 1
	}
	return r
}
