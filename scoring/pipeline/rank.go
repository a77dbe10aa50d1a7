package pipeline

import (
	"math"
	"slices"

	"github.com/nqp-index/nqp/scoring/diag"
	"github.com/nqp-index/nqp/scoring/framework"
)

// rankBy ranks each column of scores within each period (and group, when
// labels is not nil: rows with an empty label get no group rank), in
// descending order; ties share the lower rank (R's ties.method = "min").
func rankBy(scores Matrix, periodOf []int, labels []string) Ranks {
	nr := len(scores)
	out := make(Ranks, nr)
	if nr == 0 {
		return out
	}
	nc := len(scores[0])
	for i := range out {
		out[i] = make([]int, nc)
	}
	type key struct {
		p int
		g string
	}
	buckets := map[key][]int{}
	var keys []key
	for i := 0; i < nr; i++ {
		k := key{p: periodOf[i]}
		if labels != nil {
			if labels[i] == "" {
				continue
			}
			k.g = labels[i]
		}
		if _, ok := buckets[k]; !ok {
			keys = append(keys, k)
		}
		buckets[k] = append(buckets[k], i)
	}
	type pair struct {
		v float64
		i int
	}
	ps := make([]pair, 0, nr)
	for _, k := range keys {
		rows := buckets[k]
		for c := 0; c < nc; c++ {
			ps = ps[:0]
			for _, i := range rows {
				if v := scores[i][c]; !math.IsNaN(v) {
					ps = append(ps, pair{v, i})
				}
			}
			slices.SortFunc(ps, func(a, b pair) int {
				switch {
				case a.v > b.v:
					return -1
				case a.v < b.v:
					return 1
				}
				return 0
			})
			for n, p := range ps {
				if n > 0 && p.v == ps[n-1].v {
					out[p.i][c] = out[ps[n-1].i][c]
				} else {
					out[p.i][c] = n + 1
				}
			}
		}
	}
	return out
}

// Values of rank.indicators.
const (
	RankIndNormalised = "normalised"
	RankIndRaw        = "raw"
	RankIndBoth       = "both"
)

// indicatorRanks ranks every indicator within each period, 1 = best:
// normalised values descending (a negative indicator whose z-scores kept
// their direction ascending); raw values by the indicator's direction
// (positive descending, negative ascending, moderate and interval by the
// distance to the best value or interval), so that rank 1 is always the
// best unit. Missing values get no rank.
func (st *state) indicatorRanks(m Matrix, raw bool) Ranks {
	res := st.res
	dir := make([]framework.Direction, len(res.Indicators))
	for j, c := range res.Indicators {
		dir[j] = st.fw.Node(c).Direction
	}
	g := make(Matrix, len(m))
	for i, row := range m {
		g[i] = make([]float64, len(row))
		for j, v := range row {
			switch {
			case math.IsNaN(v):
				g[i][j] = v
			case raw:
				g[i][j] = goodness(v, dir[j])
			case dir[j].Kind == framework.Negative && st.r.Normalise.specFor(res.Indicators[j]).KeepDirection:
				g[i][j] = -v
			default:
				g[i][j] = v
			}
		}
	}
	return rankBy(g, st.periodOf, nil)
}

// rank fills the ranks, overall and within groups.
func (st *state) rank() {
	res := st.res
	res.Ranks = rankBy(res.Scores, st.periodOf, nil)
	switch st.r.Rank.Indicators {
	case RankIndNormalised:
		res.IndicatorRanks = st.indicatorRanks(res.Normalised, false)
	case RankIndRaw:
		res.RawRanks = st.indicatorRanks(res.Raw, true)
	case RankIndBoth:
		res.IndicatorRanks = st.indicatorRanks(res.Normalised, false)
		res.RawRanks = st.indicatorRanks(res.Raw, true)
	}
	if g := st.r.Rank.Groups; g != "" {
		labels, err := groupLabels(g, st.data, st.rows, res.Units, res.Rows)
		if err != nil {
			st.rep.Add(diag.Problem{Severity: diag.Warning, Code: "bad-groups", Zh: err.zh, En: err.en})
		} else {
			res.GroupBy = g
			res.Groups = labels
			res.GroupRanks = rankBy(res.Scores, st.periodOf, labels)
		}
	}
}
