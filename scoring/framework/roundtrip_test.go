package framework

import (
	"bytes"
	"math"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/nqp-index/nqp/scoring/diag"
)

// richFramework has every kind of metadata.
func richFramework() *Framework {
	tg := 4.5
	return &Framework{Name: "test", Version: "1", Nodes: []Node{
		{Code: "Index", NameZh: "新质生产力指数", NameEn: "NQP Index", Weight: 1},
		{Code: "d1", NameZh: "科技（创新）", Parent: "Index", Weight: 2},
		{Code: "d2", NameEn: "Green, \"clean\"", Parent: "Index", Weight: 0.5},
		{Code: "a", NameZh: "指标甲", NameEn: "A", Parent: "d1", Weight: 1, Unit: "%", Target: &tg,
			Aliases: []string{"col a", "列甲（%）"}},
		{Code: "b", NameZh: "乙", Parent: "d1", Weight: 0.25, Direction: Direction{Kind: Negative}, Denominator: "GDP"},
		{Code: "c", NameEn: "C", Parent: "d2", Weight: 1, Direction: Direction{Kind: Moderate, Best: 0}},
		{Code: "e", Parent: "d2", Weight: 3, Direction: Direction{Kind: Interval, Lo: -1.5, Hi: 2e6}},
	}}
}

func TestJSONRoundTrip(t *testing.T) {
	for _, f := range append([]*Framework{richFramework()}, allTemplates(t)...) {
		var a, b bytes.Buffer
		if err := f.WriteJSON(&a); err != nil {
			t.Fatal(err)
		}
		g, rep, err := Read("f.json", a.Bytes())
		if err != nil {
			t.Fatal(err, rep)
		}
		if !reflect.DeepEqual(f, g) {
			t.Errorf("%s: JSON round trip differs", f.Name)
		}
		_ = g.WriteJSON(&b)
		if a.String() != b.String() {
			t.Errorf("%s: JSON output not deterministic", f.Name)
		}
	}
	var buf bytes.Buffer
	_ = richFramework().WriteJSON(&buf)
	if !strings.Contains(buf.String(), "\n  \"nodes\": [\n    {\n      \"code\": \"Index\",") ||
		!strings.Contains(buf.String(), `"kind": "negative"`) || !strings.Contains(buf.String(), "列甲（%）") {
		t.Errorf("JSON form:\n%s", buf.String())
	}
}

func TestIMetaRoundTrip(t *testing.T) {
	asem, _, err := readFile(t, "testdata/ASEM_iMeta.csv")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range append([]*Framework{richFramework(), asem}, allTemplates(t)...) {
		var buf bytes.Buffer
		if err := f.WriteIMetaCSV(&buf); err != nil {
			t.Fatal(err)
		}
		g, rep, err := Read("imeta.csv", buf.Bytes())
		if err != nil {
			t.Fatal(err, rep)
		}
		if len(rep.Problems) != 0 {
			t.Errorf("%s: problems %+v", f.Name, rep.Problems)
		}
		if !reflect.DeepEqual(f.Nodes, g.Nodes) {
			for i := range f.Nodes {
				if i < len(g.Nodes) && !reflect.DeepEqual(f.Nodes[i], g.Nodes[i]) {
					t.Errorf("%s: node %d\n got %+v\nwant %+v", f.Name, i, g.Nodes[i], f.Nodes[i])
					break
				}
			}
		}
	}
	var buf bytes.Buffer
	_ = richFramework().WriteIMetaCSV(&buf)
	lines := strings.Split(buf.String(), "\n")
	if lines[0] != "iCode,iName,Level,Parent,Direction,Weight,Type,Unit,Target,Denominator,iName_zh,iName_en,DirKind,Best,Lo,Hi,Aliases" ||
		lines[1] != "Index,新质生产力指数,3,,1,1,Aggregate,,,,新质生产力指数,NQP Index,positive,,,," ||
		lines[5] != "b,乙,1,d1,-1,0.25,Indicator,,,GDP,乙,,negative,,,," {
		t.Errorf("iMeta:\n%s", buf.String())
	}
}

func allTemplates(t *testing.T) []*Framework {
	var out []*Framework
	for _, info := range Templates() {
		f, err := Template(info.Name)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, f)
	}
	return out
}

func TestValidateStruct(t *testing.T) {
	codes := func(r diag.Report) []string {
		var out []string
		for _, p := range r.Problems {
			out = append(out, p.Code)
		}
		return out
	}
	cases := []struct {
		name  string
		nodes []Node
		want  []string
	}{
		{"ok", []Node{{Code: "I", Weight: 1}, {Code: "x", Parent: "I", Weight: 1}}, nil},
		{"empty", nil, []string{CodeEmptyFramework}},
		{"no root", []Node{{Code: "a", Parent: "b", Weight: 1}, {Code: "b", Parent: "a", Weight: 1}},
			[]string{CodeNoRoot, CodeCycle}},
		{"self parent", []Node{{Code: "I", Weight: 1}, {Code: "x", Parent: "x", Weight: 1}}, []string{CodeCycle}},
		{"empty code", []Node{{Code: "I", Weight: 1}, {Code: " ", NameZh: "无代码", Parent: "I", Weight: 1}}, []string{CodeEmptyCode}},
		{"weights", []Node{{Code: "I", Weight: 1}, {Code: "x", Parent: "I", Weight: math.NaN()},
			{Code: "y", Parent: "I", Weight: math.Inf(1)}, {Code: "z", Parent: "I", Weight: -1}},
			[]string{CodeBadWeight, CodeBadWeight, CodeBadWeight}},
		{"zero", []Node{{Code: "I", Weight: 1}, {Code: "x", Parent: "I", Weight: 0}}, []string{CodeZeroWeightGroup}},
		{"directions", []Node{{Code: "I", Weight: 1},
			{Code: "m", Parent: "I", Weight: 1, Direction: Direction{Kind: Moderate}},
			{Code: "n", Parent: "I", Weight: 1, Direction: Direction{Kind: Moderate, Best: math.NaN()}},
			{Code: "o", Parent: "I", Weight: 1, Direction: Direction{Kind: Interval, Lo: 2, Hi: 1}},
			{Code: "p", Parent: "I", Weight: 1, Direction: Direction{Kind: DirKind(9)}},
			{Code: "q", Parent: "I", Weight: 1, Direction: Direction{Kind: Interval, Lo: 1, Hi: 1}}},
			[]string{CodeBadDirection, CodeBadDirection, CodeBadDirection, CodeBadDirection}},
	}
	for _, c := range cases {
		f := &Framework{Nodes: c.nodes}
		rep := f.Validate()
		if got := codes(rep); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: %v, want %v (%+v)", c.name, got, c.want, rep.Problems)
		}
		for _, p := range rep.Problems {
			if p.Zh == "" || p.En == "" || p.Row != 0 || p.File != "" {
				t.Errorf("%s: %+v", c.name, p)
			}
		}
	}
	f := &Framework{Nodes: []Node{{Code: "I", Weight: 1}, {Code: "m", Parent: "I", Weight: 1, Direction: Direction{Kind: Moderate}}}}
	if p := f.Validate().Problems[0]; p.Severity != diag.Warning || !strings.Contains(p.En, `"m"`) {
		t.Errorf("moderate best 0: %+v", p)
	}
}

func TestLevelTerminatesOnCycles(t *testing.T) {
	f := &Framework{Nodes: []Node{{Code: "a", Parent: "b"}, {Code: "b", Parent: "a"}, {Code: "c", Parent: "a"}}}
	if l := f.Level("a"); l < 1 {
		t.Errorf("Level = %d", l)
	}
}

func FuzzRead(f *testing.F) {
	for _, name := range []string{"testdata/ASEM_iMeta.csv", "testdata/simple_zh.csv", "testdata/bad/cycle.csv",
		"testdata/bad/bad_direction.csv", "testdata/bad/two_roots.csv"} {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(name, b)
	}
	var buf bytes.Buffer
	_ = richFramework().WriteJSON(&buf)
	f.Add("f.json", buf.Bytes())
	f.Add("x.tsv", []byte("code\tname\tdirection\nx\ty\t区间[3,5]\n"))
	f.Add("x.csv", []byte("维度,指标\n,a\nd,\n,d\n"))
	f.Add("x.csv", []byte("iCode,Parent,Level\na,a,1\nb,,x\n\"c,\n"))
	f.Add("x.xlsx", []byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		g, rep, err := Read(name, data)
		if (err != nil) != rep.HasErrors() {
			t.Fatalf("err %v but report has errors = %v", err, rep.HasErrors())
		}
		if g != nil {
			g.Leaves()
			g.Validate()
			g.MatchColumns([]string{"a", "b"})
			var b bytes.Buffer
			_ = g.WriteIMetaCSV(&b)
		}
	})
}
