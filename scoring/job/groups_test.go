package job

import (
	"github.com/nqp-index/nqp/scoring/diag"
	"strings"
	"testing"

	"github.com/nqp-index/nqp/scoring/pipeline"
)

// countyData: six counties of 嘉兴市 and 湖州市 (short and full names), two
// indicators, one year.
func countyData() []byte {
	return []byte(strings.Join([]string{
		"县区,年份,R&D经费投入强度,单位GDP能耗",
		"嘉善,2023,3.1,0.40", "海盐县,2023,2.8,0.45", "桐乡市,2023,3.5,0.38",
		"德清县,2023,3.9,0.35", "长兴,2023,2.6,0.52", "安吉县,2023,3.0,0.41",
	}, "\n") + "\n")
}

func TestFollowGroupsCounties(t *testing.T) {
	r := pipeline.Default()
	r.Analyses = []pipeline.Analysis{{Name: pipeline.ADagum}, {Name: pipeline.ATheil}}
	r.Resolve()
	out, err := Run(Spec{DataName: "county.csv", Data: countyData(), FollowGroups: true, Recipe: r})
	if err != nil {
		t.Fatal(err)
	}
	res := out.Result
	if g := res.Recipe.Rank.Groups; g != "prefecture" {
		t.Fatalf("rank.groups %q, want prefecture", g)
	}
	for _, a := range res.Recipe.Analyses {
		if a.Groups != "prefecture" {
			t.Errorf("%s groups %q, want prefecture", a.Name, a.Groups)
		}
	}
	// Every row's group is its county's prefecture.
	want := map[string]string{"330421": "嘉兴市", "330424": "嘉兴市", "330483": "嘉兴市", "330521": "湖州市", "330522": "湖州市", "330523": "湖州市"}
	if len(res.Rows) != 6 {
		t.Fatalf("%d rows", len(res.Rows))
	}
	for i, o := range res.Rows {
		code := res.Units[o.Unit].Code
		if res.Groups[i] != want[code] {
			t.Errorf("unit %s: group %q, want %q", code, res.Groups[i], want[code])
		}
	}
	if problem(out.Report, "groups-follow") == nil {
		t.Error("no groups-follow note")
	}
	// A grouping chosen by the user is kept: without FollowGroups, and
	// with FollowGroups when it is not the four regions.
	out, err = Run(Spec{DataName: "county.csv", Data: countyData(), Recipe: pipeline.Default()})
	if err != nil || out.Result.Recipe.Rank.Groups != "region4" {
		t.Errorf("without FollowGroups: %v, groups %q", err, out.Result.Recipe.Rank.Groups)
	}
	r = pipeline.Default()
	r.Rank.Groups = "province"
	out, err = Run(Spec{DataName: "county.csv", Data: countyData(), FollowGroups: true, Recipe: r})
	if err != nil || out.Result.Recipe.Rank.Groups != "province" || problem(out.Report, "groups-follow") != nil {
		t.Errorf("province chosen: %v, groups %q", err, out.Result.Recipe.Rank.Groups)
	}
}

func TestUnitGroupsLevels(t *testing.T) {
	for _, c := range []struct {
		data, want string
	}{
		{"地区,年份,x\n北京,2023,1\n上海,2023,2\n广东,2023,3\n", "region4"},
		{"地区,年份,x\n嘉兴市,2023,1\n湖州,2023,2\n杭州市,2023,3\n", "province"},
		{"地区,年份,x\n嘉善县,2023,1\n德清,2023,2\n西湖区,2023,3\n", "prefecture"},
		{"企业,年份,x\nA公司,2023,1\nB公司,2023,2\nC公司,2023,3\n", ""},
		{"地区,年份,x\n110000,2023,1\n310000,2023,2\n广东省,2023,3\n", "region4"},
	} {
		p, _, err := ReadData(Spec{DataName: "x.csv", Data: []byte(c.data)})
		if err != nil {
			t.Fatal(err)
		}
		if g := UnitGroups(p); g != c.want {
			t.Errorf("%q: UnitGroups = %q, want %q", strings.Split(c.data, "\n")[1], g, c.want)
		}
	}
}

// Units that are not Chinese divisions (ASEM's countries) are not ranked
// within the four regions when the grouping was not chosen: no warning.
func TestFollowGroupsCountries(t *testing.T) {
	data := []byte("uName,uCode,Time,x,y\nAustria,AUT,2018,1,2\nBelgium,BEL,2018,2,1\nChina,CHN,2018,3,3\n")
	out, err := Run(Spec{DataName: "asem.csv", Data: data, FollowGroups: true, Recipe: pipeline.Default()})
	if err != nil {
		t.Fatal(err)
	}
	if g := out.Result.Recipe.Rank.Groups; g != "" {
		t.Errorf("groups %q, want none", g)
	}
	for _, p := range out.Report.Problems {
		if p.Severity >= diag.Warning {
			t.Errorf("warning %s: %s", p.Code, p.En)
		}
	}
	out, err = Run(Spec{DataName: "asem.csv", Data: data, Recipe: pipeline.Default()})
	if err != nil || out.Result.Recipe.Rank.Groups != "region4" {
		t.Fatalf("without FollowGroups: %v", err)
	}
}
