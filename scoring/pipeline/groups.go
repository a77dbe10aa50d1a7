package pipeline

import (
	"fmt"

	"github.com/nqp-index/nqp/scoring/panel"
	"github.com/nqp-index/nqp/scoring/region"
)

// groupLabels returns a group label per result row for the grouping g:
// "region4" or "region3" (from the unit codes, China's provinces), the
// name of a text column of the data, or — when the data has no column of
// that name — "prefecture" or "province" (from the division codes of
// prefecture and county units, package region).
func groupLabels(g string, data *panel.Panel, rows []int, units []panel.Unit, obs []Obs) ([]string, *msg) {
	out := make([]string, len(obs))
	switch g {
	case "region4", "region3":
		found := 0
		for i, o := range obs {
			code := region.ProvinceCode(units[o.Unit].Code)
			var zh string
			var ok bool
			if g == "region4" {
				zh, _, ok = region.Region4(code)
			} else {
				zh, ok = region.Region3(code)
			}
			if ok {
				out[i] = zh
				found++
			}
		}
		if found == 0 {
			name := map[string]string{"region4": "四大区域", "region3": "三大地带"}[g]
			return nil, &msg{"地区不是中国省级行政区代码，无法按" + name + "分组排名", "the units are not Chinese provincial codes, so they cannot be ranked within " + g}
		}
		return out, nil
	}
	a := data.Attr(g)
	if a == nil && (g == region.GroupPrefecture || g == region.GroupProvince) {
		return divisionLabels(g, units, obs)
	}
	if a == nil {
		return nil, &msg{"数据中没有名为“" + g + "”的分组列", fmt.Sprintf("the data has no group column named %q", g)}
	}
	for i, r := range rows {
		out[i] = a.Values[r]
	}
	return out, nil
}

// divisionLabels labels each row with the prefecture or province of its
// unit's division code. Rows whose unit is not a division (or, for
// prefecture, is a province) get ""; it is an error when none is.
func divisionLabels(g string, units []panel.Unit, obs []Obs) ([]string, *msg) {
	out := make([]string, len(obs))
	found := 0
	for i, o := range obs {
		if l, ok, _ := region.DivisionGroup(g, units[o.Unit].Code); ok {
			out[i] = l
			found++
		}
	}
	if found == 0 {
		if g == region.GroupPrefecture {
			return nil, &msg{"地区不是中国地级或县级行政区划代码，无法按地级市分组", "the units are not Chinese prefecture or county division codes, so they cannot be grouped by prefecture"}
		}
		return nil, &msg{"地区不是中国行政区划代码，无法按省份分组", "the units are not Chinese division codes, so they cannot be grouped by province"}
	}
	return out, nil
}
