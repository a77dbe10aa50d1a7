package framework

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/nqp-index/nqp/scoring/diag"
	"github.com/xuri/excelize/v2"
)

func readFile(t *testing.T, name string) (*Framework, diag.Report, error) {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return Read(filepath.Base(name), b)
}

func TestReadASEM(t *testing.T) {
	f, rep, err := readFile(t, "testdata/ASEM_iMeta.csv")
	if err != nil {
		t.Fatal(err, rep)
	}
	if rep.Count(diag.Warning) != 0 {
		t.Errorf("warnings: %v", rep.Problems)
	}
	if len(rep.Problems) != 1 || rep.Problems[0].Code != CodeNonIndexRows || !strings.Contains(rep.Problems[0].En, "8 rows") {
		t.Errorf("problems: %+v", rep.Problems)
	}
	leaves := f.Leaves()
	if len(leaves) != 49 {
		t.Errorf("%d indicators, want 49", len(leaves))
	}
	if f.Root() != "Index" || f.Level("Index") != 4 {
		t.Errorf("root %q level %d", f.Root(), f.Level("Index"))
	}
	if got := f.Children("Index"); !reflect.DeepEqual(got, []string{"Conn", "Sust"}) {
		t.Errorf("Index children %v", got)
	}
	pillars := append(f.Children("Conn"), f.Children("Sust")...)
	want := []string{"Physical", "ConEcFin", "Political", "Instit", "P2P", "Environ", "Social", "SusEcFin"}
	if !reflect.DeepEqual(pillars, want) {
		t.Errorf("pillars %v", pillars)
	}
	if p := f.Node("LPI").Parent; p != "Physical" {
		t.Errorf("LPI parent %q", p)
	}
	neg, denom, targets := 0, 0, 0
	for _, c := range leaves {
		n := f.Node(c)
		if n.Direction.Kind == Negative {
			neg++
		}
		if n.Denominator != "" {
			denom++
		}
		if n.Target != nil {
			targets++
		}
		if n.Weight != 1 || n.NameEn == "" || n.NameZh != "" {
			t.Errorf("%s: %+v", c, n)
		}
		if f.Level(c) != 1 || len(f.Path(c)) != 4 {
			t.Errorf("%s: level %d path %v", c, f.Level(c), f.Path(c))
		}
	}
	if neg != 14 || denom != 17 || targets != 49 {
		t.Errorf("negative %d, with denominator %d, with target %d; want 14, 17, 49", neg, denom, targets)
	}
	if n := f.Node("Flights"); n.Denominator != "Population" || n.Unit != "Thousand seats" {
		t.Errorf("Flights: %+v", n)
	}
	for _, skip := range []string{"GDP_group", "Area", "Population"} {
		if f.Node(skip) != nil {
			t.Errorf("%s should not be in the tree", skip)
		}
	}
}

func TestBadFiles(t *testing.T) {
	cases := []struct {
		file, code string
		sev        diag.Severity
		row, col   int
		msg        string // part of the English message
		zh         string // part of the Chinese message
	}{
		{"cycle.csv", CodeCycle, diag.Error, 4, 4, `B → C → B`, "循环"},
		{"orphan.csv", CodeOrphan, diag.Error, 5, 4, `the parent "Z" of "x2" does not exist`, "“Z”不存在"},
		{"duplicate.csv", CodeDuplicate, diag.Error, 5, 1, `duplicate code "x1" (first defined in row 4)`, "重复"},
		{"bad_direction.csv", CodeBadDirection, diag.Error, 3, 4, `unknown direction "越多越好"`, "无法识别的指标方向"},
		{"bad_weight.csv", CodeBadWeight, diag.Error, 4, 6, `the weight "abc" of "x1" is not a valid number`, "权重"},
		{"zero_weight.csv", CodeZeroWeightGroup, diag.Error, 3, 1, `children of "A" sum to 0`, "权重之和为 0"},
		{"two_roots.csv", CodeMultipleRoots, diag.Error, 5, 4, `"B" has no parent either`, "只能有一个根节点"},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			f, rep, err := readFile(t, filepath.Join("testdata", "bad", c.file))
			if err == nil || f == nil {
				t.Fatalf("err %v, framework %v", err, f)
			}
			var p *diag.Problem
			for i := range rep.Problems {
				if rep.Problems[i].Code == c.code {
					p = &rep.Problems[i]
					break
				}
			}
			if p == nil {
				t.Fatalf("no %s problem in %+v", c.code, rep.Problems)
			}
			if p.Severity != c.sev || p.Row != c.row || p.Col != c.col || p.File != c.file {
				t.Errorf("problem %+v: want severity %v row %d col %d", *p, c.sev, c.row, c.col)
			}
			if !strings.Contains(p.En, c.msg) || !strings.Contains(p.Zh, c.zh) {
				t.Errorf("messages %q / %q", p.En, p.Zh)
			}
			if p.Column == "" {
				t.Errorf("no column name: %+v", *p)
			}
		})
	}
	// the second problems of two files
	_, rep, _ := readFile(t, "testdata/bad/bad_direction.csv")
	if len(rep.Problems) != 2 || rep.Problems[1].Row != 4 || !strings.Contains(rep.Problems[1].En, "needs one best value") {
		t.Errorf("bad_direction: %+v", rep.Problems)
	}
	_, rep, _ = readFile(t, "testdata/bad/bad_weight.csv")
	if len(rep.Problems) != 2 || rep.Problems[1].Row != 5 || rep.Problems[1].Code != CodeBadWeight ||
		!strings.Contains(rep.Problems[1].En, `weight -2 of "x2"`) {
		t.Errorf("bad_weight: %+v", rep.Problems)
	}
}

func TestReadSimpleChinese(t *testing.T) {
	f, rep, err := readFile(t, "testdata/simple_zh.csv")
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Problems) != 1 || rep.Problems[0].Code != CodeFilledDown {
		t.Errorf("problems: %+v", rep.Problems)
	}
	want := []Node{
		{Code: "Index", NameZh: "新质生产力指数", NameEn: "NQP Index", Weight: 1},
		{Code: "科技创新", NameZh: "科技创新", NameEn: "Innovation", Parent: "Index", Weight: 0.6},
		{Code: "创新投入", NameZh: "创新投入", Parent: "科技创新", Weight: 1},
		{Code: "rd", NameZh: "R&D经费投入强度（%）", NameEn: "R&D intensity", Parent: "创新投入", Weight: 1, Unit: "%"},
		{Code: "pat", NameZh: "每万人有效发明专利", Parent: "创新投入", Weight: 2, Unit: "件/万人"},
		{Code: "创新产出", NameZh: "创新产出", Parent: "科技创新", Weight: 1},
		{Code: "sci", NameZh: "SCI论文数", Parent: "创新产出", Weight: 1, Unit: "篇"},
		{Code: "绿色发展", NameZh: "绿色发展", Parent: "Index", Weight: 1},
		{Code: "energy", NameZh: "单位GDP能耗", NameEn: "Energy intensity", Parent: "绿色发展", Weight: 1,
			Unit: "吨标准煤/万元", Direction: Direction{Kind: Negative}},
		{Code: "air", NameZh: "空气质量", Parent: "绿色发展", Weight: 1, Unit: "%", Direction: Direction{Kind: Moderate, Best: 80}},
	}
	if !reflect.DeepEqual(f.Nodes, want) {
		for i := range max(len(f.Nodes), len(want)) {
			var g, w Node
			if i < len(f.Nodes) {
				g = f.Nodes[i]
			}
			if i < len(want) {
				w = want[i]
			}
			if !reflect.DeepEqual(g, w) {
				t.Errorf("node %d:\n got %+v\nwant %+v", i, g, w)
			}
		}
	}
	if got := f.Leaves(); !reflect.DeepEqual(got, []string{"rd", "pat", "sci", "energy", "air"}) {
		t.Errorf("leaves %v", got)
	}
}

func TestReadSimpleEnglishTSVNoDimension(t *testing.T) {
	in := "code\tname\tdirection\tweight\tname_en\taliases\n" +
		"a\t指标甲\tbenefit\t\tIndicator A\tcol_a|列甲\n" +
		"b\tIndicator B\tcost\t0.5\t\t\n" +
		"c\tIndicator C\tinterval\t\t\t\n"
	f, rep, err := Read("x.tsv", []byte(in))
	if err == nil {
		t.Fatalf("want an error for the interval without bounds: %+v", rep)
	}
	p := rep.Problems[0]
	if p.Code != CodeBadDirection || p.Row != 4 || p.Col != 3 || p.Column != "direction" {
		t.Errorf("problem %+v", p)
	}
	if f.Root() != "Index" || len(f.Children("Index")) != 3 {
		t.Fatalf("nodes %+v", f.Nodes)
	}
	a, b := f.Node("a"), f.Node("b")
	if a.NameZh != "指标甲" || a.NameEn != "Indicator A" || !reflect.DeepEqual(a.Aliases, []string{"col_a", "列甲"}) {
		t.Errorf("a: %+v", a)
	}
	if b.NameEn != "Indicator B" || b.NameZh != "" || b.Direction.Kind != Negative || b.Weight != 0.5 {
		t.Errorf("b: %+v", b)
	}
}

func TestReadGB18030AndSemicolon(t *testing.T) {
	gbk := []byte{0xB4, 0xFA, 0xC2, 0xEB} // 代码
	in := append(append([]byte{}, gbk...), []byte(";name;dimension;direction\nx;Energy;Green;-\n")...)
	f, rep, err := Read("gbk.csv", in)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Problems[0].Code != CodeEncoding || rep.Problems[0].Severity != diag.Info {
		t.Errorf("problems %+v", rep.Problems)
	}
	if n := f.Node("x"); n == nil || n.Parent != "Green" || n.Direction.Kind != Negative {
		t.Errorf("nodes %+v", f.Nodes)
	}
}

func TestReadXLSX(t *testing.T) {
	x := excelize.NewFile()
	rows := [][]any{
		{"表1 新质生产力评价指标体系"},
		{"维度", "指标", "方向", "权重", "单位"},
		{"科技创新", "R&D经费投入强度", "正向", 0.4, "%"},
		{nil, "单位GDP能耗", "逆向", 0.6, "吨标准煤/万元"},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := x.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := x.Write(&buf); err != nil {
		t.Fatal(err)
	}
	f, rep, err := Read("zh.xlsx", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Problems) != 1 || rep.Problems[0].Code != CodeFilledDown {
		t.Errorf("problems %+v", rep.Problems)
	}
	e := f.Node("单位GDP能耗")
	if e == nil || e.Parent != "科技创新" || e.Weight != 0.6 || e.Direction.Kind != Negative || e.Unit != "吨标准煤/万元" {
		t.Errorf("nodes %+v", f.Nodes)
	}
	// a bad weight in an XLSX points at its cell
	rows[3][3] = "六成"
	x2 := excelize.NewFile()
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		_ = x2.SetSheetRow("Sheet1", cell, &r)
	}
	buf.Reset()
	_ = x2.Write(&buf)
	_, rep, err = Read("zh.xlsx", buf.Bytes())
	if err == nil || rep.Problems[len(rep.Problems)-1].Row != 4 || rep.Problems[len(rep.Problems)-1].Col != 4 {
		t.Errorf("problems %+v", rep.Problems)
	}
}

func TestReadErrors(t *testing.T) {
	cases := []struct {
		name, in, code string
		row            int
	}{
		{"a.csv", "", CodeEmptyFile, 0},
		{"a.csv", "\n\n", CodeEmptyFile, 0},
		{"a.csv", "foo,bar\n1,2\n", CodeUnknownLayout, 1},
		{"a.json", "{\"nodes\": [1]}", CodeJSONSyntax, 1},
		{"a.json", "{\"nodes\": [\n{\"code\": \"x\",}]}", CodeJSONSyntax, 2},
		{"a.xls", "\xd0\xcf\x11\xe0rest", CodeXLS, 0},
		{"a.xlsx", "PK\x03\x04garbage", CodeXLSX, 0},
		{"a.json", "{\"nodes\": []}", CodeEmptyFramework, 0},
	}
	for _, c := range cases {
		_, rep, err := Read(c.name, []byte(c.in))
		if err == nil || len(rep.Problems) == 0 {
			t.Errorf("%q: no error", c.in)
			continue
		}
		p := rep.Problems[0]
		if p.Code != c.code || p.Row != c.row || p.File != c.name || p.Zh == "" || p.En == "" {
			t.Errorf("%q: %+v", c.in, p)
		}
	}
}

func TestParseDirection(t *testing.T) {
	cases := []struct {
		in   string
		want Direction
	}{
		{"1", Direction{}}, {"+1", Direction{}}, {"+", Direction{}}, {"正", Direction{}}, {"正向", Direction{}},
		{"Positive", Direction{}}, {"benefit", Direction{}}, {"２", Direction{}}, {"1.0", Direction{}},
		{"-1", Direction{Kind: Negative}}, {"−1", Direction{Kind: Negative}}, {"-", Direction{Kind: Negative}},
		{"−", Direction{Kind: Negative}}, {"负", Direction{Kind: Negative}}, {"负向", Direction{Kind: Negative}},
		{"逆向", Direction{Kind: Negative}}, {"negative", Direction{Kind: Negative}}, {"COST", Direction{Kind: Negative}},
		{"－", Direction{Kind: Negative}}, {" 负向 ", Direction{Kind: Negative}},
		{"适度(5)", Direction{Kind: Moderate, Best: 5}}, {"moderate: 0.5", Direction{Kind: Moderate, Best: 0.5}},
		{"区间[3,5]", Direction{Kind: Interval, Lo: 3, Hi: 5}}, {"interval 3-5", Direction{Kind: Interval, Lo: 3, Hi: 5}},
		{"区间（-5，-3）", Direction{Kind: Interval, Lo: -5, Hi: -3}},
	}
	for _, c := range cases {
		d, ok, _, _ := ParseDirection(c.in, "", "", "")
		if !ok || d != c.want {
			t.Errorf("ParseDirection(%q) = %+v, %v; want %+v", c.in, d, ok, c.want)
		}
	}
	if d, ok, _, _ := ParseDirection("适度", "7", "", ""); !ok || d != (Direction{Kind: Moderate, Best: 7}) {
		t.Errorf("moderate with best cell: %+v %v", d, ok)
	}
	if d, ok, _, _ := ParseDirection("区间", "", "1", "2"); !ok || d != (Direction{Kind: Interval, Lo: 1, Hi: 2}) {
		t.Errorf("interval with lo/hi cells: %+v %v", d, ok)
	}
	for _, bad := range []string{"0", "big", "适度", "区间", "区间[5,3]", "interval 1 2 3", "moderate(1,2)", "NaN", "++"} {
		if d, ok, zh, en := ParseDirection(bad, "", "", ""); ok || zh == "" || en == "" {
			t.Errorf("ParseDirection(%q) = %+v ok", bad, d)
		}
	}
}
