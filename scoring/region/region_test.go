package region

import (
	"strings"
	"testing"
)

func TestProvinces(t *testing.T) {
	ps := Provinces()
	if len(ps) != 31 {
		t.Fatalf("%d provinces", len(ps))
	}
	for i := 1; i < len(ps); i++ {
		if ps[i-1].Code >= ps[i].Code {
			t.Errorf("not in code order at %d", i)
		}
	}
	ps[0].ShortZh = "x"
	if Provinces()[0].ShortZh != "北京" {
		t.Error("Provinces does not return a copy")
	}
	n4 := map[string]int{}
	n3 := map[string]int{}
	for _, p := range Provinces() {
		zh, en, ok := Region4(p.Code)
		if !ok || zh != p.Region4Zh || en != p.Region4En {
			t.Errorf("Region4(%s)", p.Code)
		}
		n4[zh+"/"+en]++
		z3, _ := Region3(p.Code)
		n3[z3]++
		if p.CapitalLon < 73 || p.CapitalLon > 135 || p.CentroidLat < 18 || p.CentroidLat > 54 {
			t.Errorf("%s: coordinates out of China", p.Code)
		}
	}
	want4 := map[string]int{"东部/East": 10, "中部/Central": 6, "西部/West": 12, "东北/Northeast": 3}
	for k, v := range want4 {
		if n4[k] != v {
			t.Errorf("Region4 %s: %d, want %d", k, n4[k], v)
		}
	}
	if len(n4) != 4 {
		t.Errorf("Region4 groups: %v", n4)
	}
	if n3["东部"] != 11 || n3["中部"] != 8 || n3["西部"] != 12 {
		t.Errorf("Region3: %v", n3)
	}
	if _, _, ok := Region4("香港"); ok {
		t.Error("Region4(香港) ok")
	}
	if zh, _, _ := Region4("Shaanxi"); zh != "西部" {
		t.Errorf("Region4(Shaanxi) = %s", zh)
	}
}

func TestMatchEveryForm(t *testing.T) {
	for _, p := range Provinces() {
		en := p.En
		if i := strings.Index(en, " ("); i > 0 {
			en = en[:i]
		}
		forms := []string{p.Code, p.Code[:2], p.Code + "000000", p.FullZh, p.ShortZh, p.Abbr, p.En, en,
			strings.ToUpper(en), strings.ToLower(en), strings.ReplaceAll(en, " ", ""),
			" " + p.FullZh + " ", strings.Join(strings.Split(p.ShortZh, ""), "   "),
			"\u3000" + p.ShortZh + "\u00a0", "\ufeff" + p.ShortZh}
		for _, f := range forms {
			q, ok := Match(f)
			if !ok || q.Code != p.Code {
				t.Errorf("Match(%q) = %s, %v; want %s", f, q.Code, ok, p.Code)
			}
		}
		code, name, ok := MatchName(p.FullZh)
		if !ok || code != p.Code || name != p.ShortZh {
			t.Errorf("MatchName(%q) = %s %s %v", p.FullZh, code, name, ok)
		}
	}
}

func TestMatchTricky(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Shanxi", "140000"}, {"SHANXI", "140000"}, {"Shan Xi", "140000"}, {"Shanxi Province", "140000"},
		{"Shānxī", "140000"}, {"山西省", "140000"}, {"晋", "140000"},
		{"Shaanxi", "610000"}, {"Shaan'xi", "610000"}, {"Shaan’xi", "610000"}, {"Shaan-xi", "610000"},
		{"shaan xi", "610000"}, {"Shǎnxī", "610000"}, {"陕西省", "610000"}, {"陕", "610000"},
		{"Inner Mongolia", "150000"}, {"inner-mongolia", "150000"}, {"Nei Mongol", "150000"},
		{"neimenggu", "150000"}, {"NeiMenggu", "150000"}, {"内蒙古自治区", "150000"}, {"内蒙古", "150000"},
		{"内蒙", "150000"}, {"Inner Mongolia Autonomous Region", "150000"}, {"蒙", "150000"},
		{"广西壮族自治区", "450000"}, {"广西自治区", "450000"}, {"广西", "450000"},
		{"Guangxi Zhuang Autonomous Region", "450000"},
		{"新疆维吾尔自治区", "650000"}, {"新疆自治区", "650000"}, {"新疆维吾尔族自治区", "650000"},
		{"Xinjiang Uygur Autonomous Region", "650000"},
		{"宁夏回族自治区", "640000"}, {"宁夏自治区", "640000"}, {"Ningxia Hui", "640000"},
		{"西藏自治区", "540000"}, {"Xizang", "540000"}, {"Tibet", "540000"}, {"TIBET", "540000"},
		{"Tibet (Xizang)", "540000"}, {"Xizang Autonomous Region", "540000"},
		{"黑龙江省", "230000"}, {"Heilongjiang", "230000"},
		{"北   京", "110000"}, {"  上海市 ", "310000"}, {"北京市", "110000"}, {"Beijing", "110000"},
		{"BEIJING", "110000"}, {"beijing shi", "110000"}, {"Beijing Municipality", "110000"},
		{"110000", "110000"}, {"11", "110000"}, {"１１００００", "110000"}, {"110000000000", "110000"},
		{"110000.0", "110000"}, {"1.1e+05", "110000"}, {"5e+05", "500000"}, {"500000", "500000"},
		{"Chongqing", "500000"}, {"重庆市", "500000"}, {"渝", "500000"},
		{"Ｂｅｉｊｉｎｇ", "110000"},
	}
	for _, c := range cases {
		p, ok := Match(c.in)
		if !ok || p.Code != c.want {
			t.Errorf("Match(%q) = %q, %v; want %s", c.in, p.Code, ok, c.want)
		}
	}
}

func TestMatchUnknown(t *testing.T) {
	for _, s := range []string{"", "  ", "全国", "香港", "澳门", "台湾", "Taiwan", "Hong Kong", "foo",
		"北京省", "吉林市", "Jilin City", "Shanghai Province", "110101", "1", "12345", "990000", "11.5",
		"1e400", "NaN", "Inf", "中国", "省", "市", "自治区", "-", "Mongolia", "广东自治区"} {
		if p, ok := Match(s); ok {
			t.Errorf("Match(%q) = %s %s, want no match", s, p.Code, p.ShortZh)
		}
	}
}

func TestAdjacency(t *testing.T) {
	land := Adjacency(false)
	if len(land) != 68 {
		t.Errorf("%d land pairs, want 68", len(land))
	}
	seen := map[[2]string]bool{}
	deg := map[string]int{}
	for _, pr := range land {
		if pr[0] >= pr[1] {
			t.Errorf("pair %v not ordered", pr)
		}
		if seen[pr] || seen[[2]string{pr[1], pr[0]}] {
			t.Errorf("duplicate pair %v", pr)
		}
		seen[pr] = true
		deg[pr[0]]++
		deg[pr[1]]++
	}
	if deg["460000"] != 0 || len(deg) != 30 {
		t.Errorf("degrees: 海南 %d, %d provinces with land neighbours", deg["460000"], len(deg))
	}
	if deg["150000"] != 8 || deg["610000"] != 8 || deg["130000"] != 7 {
		t.Errorf("degrees: 内蒙古 %d, 陕西 %d, 河北 %d", deg["150000"], deg["610000"], deg["130000"])
	}
	for _, bad := range [][2]string{{"610000", "630000"}, {"530000", "630000"}, {"630000", "640000"}, {"320000", "410000"}} {
		if seen[bad] {
			t.Errorf("false border %v", bad)
		}
	}
	sea := Adjacency(true)
	if len(sea) != 69 || !contains(sea, [2]string{"440000", "460000"}) || contains(sea, [2]string{"450000", "460000"}) {
		t.Errorf("Adjacency(true): %d pairs", len(sea))
	}
	all := AdjacencyWith(Land, Sea, OptionalSea)
	if len(all) != 70 || !contains(all, [2]string{"450000", "460000"}) {
		t.Errorf("AdjacencyWith all: %d", len(all))
	}
	if n := len(Links()); n != 70 {
		t.Errorf("Links: %d", n)
	}
}

func contains(ps [][2]string, p [2]string) bool {
	for _, q := range ps {
		if q == p {
			return true
		}
	}
	return false
}
