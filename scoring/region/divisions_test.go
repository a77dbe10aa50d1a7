package region_test

import (
	"strings"
	"testing"

	"github.com/nqp-index/nqp/scoring/ingest"
	"github.com/nqp-index/nqp/scoring/region"
)

// The published counts (README of the shared divisions data): 31
// provinces, 342 prefecture-level and 2,978 county-level units, of which
// 东莞市, 中山市 and 儋州市 are listed again as their own county-level unit.
func TestDivisionCounts(t *testing.T) {
	for _, c := range []struct {
		l    region.Level
		want int
	}{{region.LevelProvince, 31}, {region.LevelPrefecture, 342}, {region.LevelCounty, 2978 - 3}} {
		if got := len(region.Divisions(c.l)); got != c.want {
			t.Errorf("level %s: %d divisions, want %d", c.l.En(), got, c.want)
		}
	}
	d, ok := region.DivisionByCode("441900")
	if !ok || d.Name != "东莞市" || d.Level != region.LevelPrefecture || d.ProvinceName != "广东省" {
		t.Errorf("441900: %+v %v", d, ok)
	}
}

func one(t *testing.T, raw, code, path string) {
	t.Helper()
	c := region.Candidates(raw)
	if len(c) != 1 || c[0].Code != code || c[0].Path() != path {
		var got []string
		for _, d := range c {
			got = append(got, d.Code+" "+d.Path())
		}
		t.Errorf("%q: %v, want %s %s", raw, got, code, path)
	}
}

func TestCandidates(t *testing.T) {
	one(t, "嘉善县", "330421", "浙江省嘉兴市嘉善县")
	one(t, "嘉善", "330421", "浙江省嘉兴市嘉善县")
	one(t, " 嘉 善 县 ", "330421", "浙江省嘉兴市嘉善县")
	one(t, "330421", "330421", "浙江省嘉兴市嘉善县")
	one(t, "330421000000", "330421", "浙江省嘉兴市嘉善县") // 12-digit statistical code
	one(t, "330421.0", "330421", "浙江省嘉兴市嘉善县")     // as R or Excel write it
	one(t, "3304", "330400", "浙江省嘉兴市")            // 4-digit prefecture code
	one(t, "330400", "330400", "浙江省嘉兴市")
	one(t, "33", "330000", "浙江省")
	one(t, "浙江省嘉兴市嘉善县", "330421", "浙江省嘉兴市嘉善县")
	one(t, "嘉兴嘉善", "330421", "浙江省嘉兴市嘉善县")
	one(t, "延边朝鲜族自治州", "222400", "吉林省延边朝鲜族自治州")
	one(t, "延边", "222400", "吉林省延边朝鲜族自治州")
	one(t, "延边州", "222400", "吉林省延边朝鲜族自治州")
	one(t, "长白", "220623", "吉林省白山市长白朝鲜族自治县")
	one(t, "双江", "530925", "云南省临沧市双江拉祜族佤族布朗族傣族自治县")
	one(t, "鄂伦春", "150723", "内蒙古自治区呼伦贝尔市鄂伦春自治旗")
	one(t, "阿克苏地区", "652900", "新疆维吾尔自治区阿克苏地区")
	one(t, "锡林郭勒", "152500", "内蒙古自治区锡林郭勒盟")
	one(t, "吉林市", "220200", "吉林省吉林市")
	one(t, "杭州", "330100", "浙江省杭州市")
	one(t, "义乌", "330782", "浙江省金华市义乌市")
}

func TestCandidatesAmbiguousAndUnknown(t *testing.T) {
	codes := func(raw string) string {
		var s []string
		for _, d := range region.Candidates(raw) {
			s = append(s, d.Code)
		}
		return strings.Join(s, " ")
	}
	for raw, want := range map[string]string{
		"朝阳区":    "110105 220104",
		"朝阳":     "211300 110105 211321 220104", // 朝阳市, 北京 朝阳区, 朝阳县, 长春 朝阳区
		"吉林":     "220000 220200",
		"城区":     "140302 140502 441502",
		"襄樊":     "", // a former name: only with a mapping
		"沙":      "",
		"全国":     "",
		"330499": "",
		"2020":   "",
	} {
		if got := codes(raw); got != want {
			t.Errorf("%q: %q, want %q", raw, got, want)
		}
	}
}

func TestNarrow(t *testing.T) {
	c := region.Candidates("朝阳区")
	for ctx, want := range map[string]string{"北京": "110105", "北京市": "110105", "吉林省": "220104", "长春": "220104", "长春市": "220104", "2201": "220104"} {
		n := region.Narrow(c, ctx)
		if len(n) != 1 || n[0].Code != want {
			t.Errorf("朝阳区 in %s: %v, want %s", ctx, n, want)
		}
	}
	if n := region.Narrow(c, "浙江"); len(n) != 0 {
		t.Errorf("朝阳区 in 浙江: %v", n)
	}
}

func TestResolver(t *testing.T) {
	r := region.NewResolver(map[string]string{"襄樊": "襄阳", "襄樊市": "420600"})
	header := []string{"县区", "省份", "地级市", "年份"}
	ctx := r.Prepare(header, 0, []string{"嘉善县", "平湖", "朝阳区", "襄樊", "德清县"})
	if r.Level() != region.LevelCounty || len(ctx) != 2 || ctx[0] != 1 || ctx[1] != 2 {
		t.Fatalf("level %v, context %v", r.Level(), ctx)
	}
	for _, c := range []struct {
		raw  string
		ctx  []string
		code string
		name string
		n    int // candidates when not ok
	}{
		{"嘉善", []string{"", ""}, "330421", "嘉善县", 0},
		{"朝阳区", []string{"北京", ""}, "110105", "朝阳区", 0},
		{"朝阳区", []string{"", "长春市"}, "220104", "朝阳区", 0},
		{"朝阳区", []string{"", ""}, "", "", 2},
		{"朝阳区", nil, "", "", 2},
		{"襄樊", nil, "420600", "襄阳市", 0},
		{"襄樊市", nil, "420600", "襄阳市", 0},
		{"朝阳", []string{"辽宁省", ""}, "211321", "朝阳县", 0},   // the county, in a county file
		{"嘉善", []string{"浙江", "湖州市"}, "330421", "嘉善县", 2}, // kept, but the prefecture column disagrees
		{"嘉善", []string{"浙江", "第一组"}, "330421", "嘉善县", 0}, // a context text that names no place is ignored
		{"Atlantis", nil, "", "", 0},
	} {
		code, name, cands, ok := r.Resolve(c.raw, c.ctx)
		if code != c.code || name != c.name || len(cands) != c.n || ok != (c.code != "") {
			t.Errorf("%q %v: %q %q %v %v", c.raw, c.ctx, code, name, cands, ok)
		}
		if c.raw == "朝阳区" && c.n == 2 && (cands[0] != "北京市朝阳区（110105）" || cands[1] != "吉林省长春市朝阳区（220104）") {
			t.Errorf("candidates %v", cands)
		}
		if c.raw == "嘉善" && c.n == 2 && (cands[0] != "浙江省嘉兴市嘉善县（330421）" || cands[1] != "湖州市") {
			t.Errorf("contradiction %v", cands)
		}
	}
}

// A provincial file is matched exactly as MatchName matches (short names,
// 6-digit province codes), whatever the other columns.
func TestResolverProvincial(t *testing.T) {
	r := region.NewResolver(nil)
	units := []string{"北京市", "天津", "河北省", "吉林", "Shaanxi", "110000", "全国"}
	if ctx := r.Prepare([]string{"省份", "城市", "年份"}, 0, units); ctx != nil || r.Level() != region.LevelProvince {
		t.Fatalf("context %v level %v", ctx, r.Level())
	}
	for _, u := range units {
		c1, n1, ok1 := region.MatchName(u)
		c2, n2, cands, ok2 := r.Resolve(u, []string{"长春市"})
		if c1 != c2 || n1 != n2 || ok1 != ok2 || cands != nil {
			t.Errorf("%q: MatchName %s %s %v, resolver %s %s %v %v", u, c1, n1, ok1, c2, n2, ok2, cands)
		}
	}
	// a prefecture file: 吉林 is then the city (the file's level), not the province
	r = region.NewResolver(nil)
	r.Prepare([]string{"城市"}, 0, []string{"长春市", "吉林", "四平", "延边州", "杭州"})
	if code, _, _, ok := r.Resolve("吉林", nil); r.Level() != region.LevelPrefecture || !ok || code != "220200" {
		t.Errorf("吉林 in a prefecture file: %s %v (level %v)", code, ok, r.Level())
	}
}

func TestDivisionGroup(t *testing.T) {
	for _, c := range []struct{ g, code, want string }{
		{"prefecture", "330421", "嘉兴市"},
		{"province", "330421", "浙江省"},
		{"prefecture", "330400", "嘉兴市"},
		{"prefecture", "110105", "北京市"},          // 市辖区 of a municipality
		{"prefecture", "500229", "重庆市（县）"},       // 城口县 under 重庆's 县
		{"prefecture", "419001", "河南省省直辖县级行政区划"}, // 济源市
		{"province", "110000", "北京市"},
		{"prefecture", "110000", ""},
	} {
		got, ok, known := region.DivisionGroup(c.g, c.code)
		if got != c.want || ok != (c.want != "") || !known {
			t.Errorf("%s of %s: %q %v %v, want %q", c.g, c.code, got, ok, known, c.want)
		}
	}
	if _, _, known := region.DivisionGroup("region4", "330421"); known {
		t.Error("region4 is not a division grouping")
	}
	if got := region.ProvinceCode("330421"); got != "330000" {
		t.Errorf("ProvinceCode(330421) = %s", got)
	}
	if zh, _, ok := region.Region4(region.ProvinceCode("330421")); !ok || zh != "东部" {
		t.Errorf("嘉善's region: %s %v", zh, ok)
	}
}

func TestReadFormerNames(t *testing.T) {
	for _, text := range []string{"曾用名,现名\n襄樊,襄阳\n思茅,普洱\n", "\ufeff襄樊,襄阳\n思茅,普洱\n", `{"襄樊": "襄阳", "思茅": "普洱"}`} {
		m, err := region.ReadFormerNames(strings.NewReader(text))
		if err != nil || len(m) != 2 || m["襄樊"] != "襄阳" || m["思茅"] != "普洱" {
			t.Errorf("%q: %v %v", text, m, err)
		}
	}
	for text, want := range map[string]string{
		"襄樊,襄阳\n襄樊,襄州\n":  "第 2 行的“襄樊”已在第 1 行出现",
		"襄樊,襄阳,x\n":       "第 1 行应有 2 列",
		"襄樊,\n":           "第 1 行有空名称",
		`{"襄樊": "襄阳"} {}`: "多余内容",
		"":                "没有映射",
	} {
		_, err := region.ReadFormerNames(strings.NewReader(text))
		e, ok := err.(*region.Error)
		if !ok || !strings.Contains(e.Zh, want) || e.En == "" || e.Code != "bad-former-names" {
			t.Errorf("%q: %v, want %q", text, err, want)
		}
	}
}

// The ingest reads a county file through the resolver: 嘉善县, 嘉善 and
// 330421 are one unit; 朝阳区 is told apart by the province column, and
// without one it is reported with row, column and candidates.
func TestIngestCounties(t *testing.T) {
	csv := "县区,省份,年份,x\n嘉善县,浙江,2022,1\n嘉善,,2023,2\n330421,,2024,3\n朝阳区,北京,2022,4\n朝阳区,吉林,2022,5\n朝阳区,,2022,6\n襄樊,,2022,7\n嘉善,江苏,2025,8\n"
	p, rep, err := ingest.Read("c.csv", []byte(csv), ingest.Options{UnitResolver: region.NewResolver(map[string]string{"襄樊": "襄阳"})})
	if err != nil {
		t.Fatal(err)
	}
	var units []string
	for _, u := range p.Units {
		units = append(units, u.Code+" "+u.Name)
	}
	got := strings.Join(units, "; ")
	want := "110105 朝阳区; 220104 朝阳区; 330421 嘉善县; 420600 襄阳市; 朝阳区 朝阳区"
	if got != want {
		t.Errorf("units %q, want %q", got, want)
	}
	n := 0
	for _, pr := range rep.Problems {
		if pr.Code == ingest.CodeAmbiguousUnit {
			n++
			if pr.Row != 7 || pr.Col != 1 || pr.Column != "县区" || !strings.Contains(pr.Zh, "北京市朝阳区（110105）、吉林省长春市朝阳区（220104）") || !strings.Contains(pr.En, "may be any of 2 units") {
				t.Errorf("ambiguous: %+v", pr)
			}
		}
		if pr.Code == ingest.CodeUnitContext {
			n += 10
			if pr.Row != 9 || pr.Col != 1 || pr.Zh != "“嘉善”识别为 浙江省嘉兴市嘉善县（330421），与同行的“江苏”不符；请核对" {
				t.Errorf("context: %+v", pr)
			}
		}
		if pr.Code == "unknown-unit" {
			t.Errorf("unexpected %v", pr)
		}
	}
	if n != 11 {
		t.Errorf("%d ambiguous-unit + 10 × unit-context problems, want 1 + 10: %v", n, rep.Problems)
	}
	note := ""
	for _, pr := range rep.Problems {
		if pr.Code == ingest.CodeUnitsMatched {
			note = pr.Zh + " | " + pr.En
		}
	}
	if want := "地区按国家统计局 2023 年区划代码识别为县级：3 个，分属 3 个地级市、3 个省级地区；另有 1 个其他级别的地区 | units matched as county-level divisions (NBS 2023 codes): 3, in 3 prefectures and 3 provinces; 1 more at other levels"; note != want {
		t.Errorf("note %q, want %q", note, want)
	}
}

// A file whose units are mostly not divisions (firm IDs) is matched as
// MatchName matches: 1301 stays 1301 (not 石家庄市), 北京 is still 北京.
func TestResolverNotDivisions(t *testing.T) {
	r := region.NewResolver(nil)
	r.Prepare([]string{"id", "year"}, 0, []string{"1001", "1002", "1003", "1301", "北京"})
	if r.Level() != 0 {
		t.Errorf("level %v", r.Level())
	}
	if _, _, _, ok := r.Resolve("1301", nil); ok {
		t.Error("1301 matched a prefecture in a file of IDs")
	}
	if code, name, _, ok := r.Resolve("北京", nil); !ok || code != "110000" || name != "北京" {
		t.Errorf("北京: %s %s %v", code, name, ok)
	}
}

// Every one of the 2,975 county-level units, written by its published
// name with its prefecture (as the table's placeholders are named: 北京市,
// 重庆市（县）, 河南省省直辖县级行政区划…) in a context column, and again with
// its province as well, resolves to its own code without a warning.
func TestEveryCountyWithItsPrefecture(t *testing.T) {
	counties := region.Divisions(region.LevelCounty)
	units := make([]string, len(counties))
	for i, d := range counties {
		units[i] = d.Name
	}
	r := region.NewResolver(nil)
	r.Prepare([]string{"县区", "省份", "地级市"}, 0, units)
	bad := 0
	for _, d := range counties {
		for _, ctx := range [][]string{{"", d.PrefectureName}, {d.ProvinceName, d.PrefectureName}} {
			code, _, cands, ok := r.Resolve(d.Name, ctx)
			if !ok || code != d.Code || cands != nil {
				if bad++; bad <= 10 {
					t.Errorf("%s %v: %s %v %v", d.Path(), ctx, code, cands, ok)
				}
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d of %d failed", bad, 2*len(counties))
	}
}
