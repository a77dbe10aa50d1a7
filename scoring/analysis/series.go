package analysis

import (
	"math"

	"github.com/nqp-index/nqp/scoring/pipeline"
	"github.com/nqp-index/nqp/scoring/region"
)

// Series is one aggregate's scores as a unit × period table: Y[u][p], with
// NaN for a missing score. Units and Periods follow the Result.
type Series struct {
	Code    string      `json:"code"`
	Units   []string    `json:"units"`   // unit codes
	Names   []string    `json:"names"`   // unit names
	Periods []string    `json:"periods"` // period labels
	Y       [][]float64 `json:"-"`
}

// SeriesOf returns the scores of aggregate code ("" = the index, the
// first aggregate) of a pipeline result as a unit × period table.
func SeriesOf(res *pipeline.Result, code string) (*Series, error) {
	if res == nil || len(res.Aggregates) == 0 {
		return nil, errorf("no-result", "没有可分析的结果", "there is no result to analyse")
	}
	a := 0
	if code != "" {
		if a = res.AggregateIndex(code); a < 0 {
			return nil, errorf("unknown-aggregate", "结果中没有汇总项 %s", "the result has no aggregate %s", code)
		}
	}
	s := &Series{Code: res.Aggregates[a]}
	for _, u := range res.Units {
		s.Units = append(s.Units, u.Code)
		s.Names = append(s.Names, u.Name)
	}
	for _, p := range res.Periods {
		s.Periods = append(s.Periods, p.Label)
	}
	s.Y = make([][]float64, len(res.Units))
	for u := range s.Y {
		s.Y[u] = make([]float64, len(res.Periods))
		for p := range s.Y[u] {
			s.Y[u][p] = math.NaN()
		}
	}
	for i, o := range res.Rows {
		s.Y[o.Unit][o.Period] = res.Scores[i][a]
	}
	return s, nil
}

// Column returns the scores of period p (one per unit, NaN if missing).
func (s *Series) Column(p int) []float64 {
	out := make([]float64, len(s.Y))
	for u := range s.Y {
		out[u] = s.Y[u][p]
	}
	return out
}

// UnitGroups returns a group label per unit of res for the grouping g:
// "region4" (东部/中部/西部/东北 from the unit codes), "region3" (the three
// belts), "prefecture" or "province" (from division codes, package
// region's DivisionGroup), or the name of the result's group column (the
// recipe's rank.groups). Units without a group get "".
func UnitGroups(res *pipeline.Result, g string) ([]string, error) {
	out := make([]string, len(res.Units))
	switch g {
	case "region4", "region3":
		found := 0
		for u, unit := range res.Units {
			var zh string
			var ok bool
			if g == "region4" {
				zh, _, ok = region.Region4(region.ProvinceCode(unit.Code))
			} else {
				zh, ok = region.Region3(region.ProvinceCode(unit.Code))
			}
			if ok {
				out[u] = zh
				found++
			}
		}
		if found == 0 {
			return nil, errorf("not-provinces", "地区不是中国省级行政区，无法按 %s 分组", "the units are not Chinese provinces, so they cannot be grouped by %s", g)
		}
		return out, nil
	}
	if (g == region.GroupPrefecture || g == region.GroupProvince) && res.GroupBy != g {
		found := 0
		for u, unit := range res.Units {
			if l, ok, _ := region.DivisionGroup(g, unit.Code); ok {
				out[u] = l
				found++
			}
		}
		if found == 0 {
			return nil, errorf("not-divisions", "地区不是中国行政区划代码，无法按 %s 分组", "the units are not Chinese division codes, so they cannot be grouped by %s", g)
		}
		return out, nil
	}
	if res.GroupBy != g || len(res.Groups) != len(res.Rows) {
		return nil, errorf("no-groups", "结果中没有分组列“%s”（在配方 rank.groups 中设置）", "the result has no group column %q (set it as the recipe's rank.groups)", g)
	}
	for i, o := range res.Rows {
		if out[o.Unit] == "" {
			out[o.Unit] = res.Groups[i]
		}
	}
	return out, nil
}
