package job

import (
	"fmt"

	"github.com/nqp-index/nqp/scoring/diag"
	"github.com/nqp-index/nqp/scoring/panel"
	"github.com/nqp-index/nqp/scoring/pipeline"
	"github.com/nqp-index/nqp/scoring/region"
)

// UnitGroups returns the natural grouping of a panel's units: "prefecture"
// when most units are county-level divisions, "province" when most are
// prefecture-level ones, "region4" (China's four regions) when most are
// provinces, and "" (none) when most are not Chinese divisions at all
// (countries, firms).
func UnitGroups(p *panel.Panel) string {
	var n [4]int
	for _, u := range p.Units {
		if d, ok := region.DivisionByCode(u.Code); ok && d.Level >= region.LevelProvince && d.Level <= region.LevelCounty {
			n[d.Level]++
		} else if _, ok := region.ByCode(u.Code); ok {
			n[region.LevelProvince]++
		}
	}
	switch half := len(p.Units); {
	case 2*n[region.LevelCounty] > half:
		return region.GroupPrefecture
	case 2*n[region.LevelPrefecture] > half:
		return region.GroupProvince
	case 2*(n[region.LevelProvince]+n[region.LevelPrefecture]+n[region.LevelCounty]) > half:
		return "region4"
	}
	return ""
}

// FollowGroups fits the default grouping to the units: a recipe grouping
// by China's four regions (rank.groups and the Dagum and Theil analyses)
// groups county units by prefecture and prefecture units by province
// instead, which the recipe then states. It is applied when the user did
// not choose the grouping (nqp score without -groups or -recipe, new data
// in the page); an Info note says what was chosen and how to change it.
func FollowGroups(r *pipeline.Recipe, p *panel.Panel) diag.Report {
	var rep diag.Report
	g := UnitGroups(p)
	switch {
	case g == "region4":
		return rep
	case g == "" && r.Rank.Groups == "region4":
		// Units that are not Chinese divisions have no four regions:
		// no group ranks rather than a warning on every run.
		r.Rank.Groups = ""
		rep.Add(diag.Problem{Severity: diag.Info, Code: "groups-follow",
			Zh: "地区不是中国的行政区划，不按四大区域分组排名（配方 rank.groups 为空）；可在方法中或用 -groups 指定数据中的文本列",
			En: "the units are not Chinese divisions, so they are not ranked within the four regions (recipe rank.groups empty); choose a text column of the data in the method or with -groups"})
		return rep
	case g == "":
		return rep
	}
	changed := false
	if r.Rank.Groups == "region4" {
		r.Rank.Groups, changed = g, true
	}
	for i := range r.Analyses {
		a := &r.Analyses[i]
		if (a.Name == pipeline.ADagum || a.Name == pipeline.ATheil) && a.Groups == "region4" {
			a.Groups, changed = g, true
		}
	}
	if !changed {
		return rep
	}
	zh, en := "县级地区按所属地级市分组", "county units are grouped by their prefecture"
	if g == region.GroupProvince {
		zh, en = "地级地区按所属省份分组", "prefecture units are grouped by their province"
	}
	rep.Add(diag.Problem{Severity: diag.Info, Code: "groups-follow",
		Zh: fmt.Sprintf("%s（组内排名、Dagum 基尼系数与泰尔指数；配方 rank.groups = %q）；可在方法中或用 -groups 改为 region4、province、prefecture 或数据中的文本列", zh, g),
		En: fmt.Sprintf("%s (group ranks, Dagum Gini and Theil; recipe rank.groups = %q); change it in the method or with -groups: region4, province, prefecture or a text column of the data", en, g)})
	return rep
}
