package app

import (
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/nqp-index/nqp/scoring/framework"
	"github.com/nqp-index/nqp/scoring/pipeline"
)

// provincesCSV is a file of 7 numeric columns; 3 of them
// (R&D经费投入强度, SCI论文数, 单位GDP能耗) are indicators of the drivers
// template, fewer than half.
func provincesCSV() []byte {
	return []byte("地区,年份,R&D经费投入强度,SCI论文数,单位GDP能耗,人均GDP,城镇登记失业率,森林覆盖率,常住人口\n" +
		"北京,2020,6.4,50000,0.21,16.5,3.1,44,2189\n上海,2020,4.2,30000,0.30,15.6,3.7,18,2488\n" +
		"广东,2020,3.1,25000,0.33,8.8,2.5,58,12601\n江苏,2020,2.9,28000,0.31,12.1,3.2,24,8475\n")
}

func elements(doc *html.Node, tag, class string) []*html.Node {
	var out []*html.Node
	walk(doc, func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == tag && (class == "" || strings.Contains(" "+attr(n, "class")+" ", " "+class+" ")) {
			out = append(out, n)
		}
	})
	return out
}

// TestAllColumnsOptionValue: the "all numeric columns" option has a
// non-empty value (go-app drops an empty one, and the option's label
// then reached the engine as a template name).
func TestAllColumnsOptionValue(t *testing.T) {
	w := &Workspace{}
	w.SetData("c.csv", provincesCSV())
	w.UseTemplate("")
	w.Run()
	doc := render(t, &Workbench{ws: *w})
	sel := byID(doc, "template")
	opts := elements(sel, "option", "")
	if len(opts) == 0 || attr(opts[0], "value") != allColumnsValue {
		t.Fatalf("first option value %q, want %q", attr(opts[0], "value"), allColumnsValue)
	}
	if _, ok := hasAttr(opts[0], "selected"); !ok {
		t.Error("the all-columns option is not selected")
	}
	if w.Result == nil || len(w.Result.Indicators) != 7 {
		t.Fatalf("all columns: %v", w.Report)
	}
}

func hasAttr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

// TestNewDataFallsBackWithNotice: the sample's drivers template carried
// over to a county file that it matches 3 of 7 columns gives way to all
// 7 columns; the notice says so in view, with one click back, and the
// guessed negative directions are marked.
func TestNewDataFallsBackWithNotice(t *testing.T) {
	w := sampleWorkspace(t)
	if w.Choice == nil || w.Choice.FellBack || w.Template != "drivers" {
		t.Fatalf("sample choice %+v, template %q", w.Choice, w.Template)
	}
	w.SetData("c.csv", provincesCSV())
	w.Run()
	if w.Result == nil {
		t.Fatalf("no result: %v", w.Report)
	}
	ch := w.Choice
	if !ch.FellBack || ch.Matched != 3 || ch.Columns != 7 || w.Template != "" || w.FwPrev != "drivers" {
		t.Fatalf("choice %+v, template %q, prev %q", ch, w.Template, w.FwPrev)
	}
	if len(w.Result.Indicators) != 7 {
		t.Errorf("%d indicators, want 7", len(w.Result.Indicators))
	}
	for _, l := range []Lang{Zh, En} {
		w.Lang = l
		doc := render(t, &Workbench{ws: *w})
		n := byID(doc, "fw-notice")
		if n == nil {
			t.Fatal("no notice")
		}
		if p := n.Parent; p == nil || attr(p, "id") == "report" || p.Data == "details" {
			t.Error("the notice is inside the collapsed report")
		}
		text := nodeText(n)
		want := map[Lang][]string{Zh: {"7 个数值列中的 3 个", "已改用全部 7 个数值列", "单位GDP能耗、城镇登记失业率", "仍使用"},
			En: {"matches only 3 of the new data's 7 numeric columns", "all 7 numeric columns are used", "单位GDP能耗, 城镇登记失业率", "Use "}}[l]
		for _, s := range want {
			if !strings.Contains(text, s) {
				t.Errorf("%s notice %q lacks %q", l, text, s)
			}
		}
		if byID(doc, "fwn-restore") == nil || byID(doc, "fwn-change") == nil {
			t.Error("no one-click change")
		}
		// The editor marks the guess on the indicator's row.
		marked := 0
		for _, tr := range elements(byID(doc, "fw-tree"), "tr", "fw-leaf") {
			guess := len(elements(tr, "span", "fw-guess")) > 0
			code := attr(tr, "data-code")
			if guess != (code == "单位GDP能耗" || code == "城镇登记失业率") {
				t.Errorf("row %s: guess mark %v", code, guess)
			}
			if guess {
				marked++
				if !strings.Contains(nodeText(tr), T(l, "fw_guess_mark")) {
					t.Errorf("row %s: %q", code, nodeText(tr))
				}
			}
		}
		if marked != 2 {
			t.Errorf("%d rows marked as guessed", marked)
		}
	}
	// One click back: the template as asked, kept with a warning.
	w.RestorePrevious()
	w.Run()
	if w.Template != "drivers" || w.Choice.FellBack || len(w.Result.Indicators) != 3 {
		t.Errorf("restored: template %q, choice %+v, indicators %v", w.Template, w.Choice, w.Result.Indicators)
	}
	// A later run (a method change) keeps the user's choice.
	w.Recipe.Weights.Method = pipeline.WCRITIC
	w.Run()
	if w.Template != "drivers" || len(w.Result.Indicators) != 3 {
		t.Errorf("after a method change: template %q, %v", w.Template, w.Result.Indicators)
	}
}

// TestCustomFrameworkOnNewData: a custom framework that matches nothing
// in new data falls back to all columns (never 0 indicators), and the
// sample button then restores the sample's template and preset.
func TestCustomFrameworkOnNewData(t *testing.T) {
	w := sampleWorkspace(t)
	w.SetFramework(&framework.Framework{Name: "mine", Nodes: []framework.Node{{Code: "Index", Weight: 1},
		{Code: "x", Parent: "Index", Weight: 1}, {Code: "y", Parent: "Index", Weight: 1}}}, w.FwReport)
	w.Recipe.Weights.Method = pipeline.WCRITIC
	w.SetData("c.csv", provincesCSV())
	w.Run()
	if w.Result == nil || len(w.Result.Indicators) != 7 || !w.Choice.FellBack || w.FwCustom != nil || w.FwPrevCustom == nil {
		t.Fatalf("custom on new data: %+v, report %v", w.Choice, w.Report)
	}
	doc := render(t, &Workbench{ws: *w})
	if !strings.Contains(nodeText(byID(doc, "fw-notice")), "“mine”只对应新数据中 7 个数值列中的 0 个") {
		t.Errorf("notice %q", nodeText(byID(doc, "fw-notice")))
	}
	w.SetSample()
	w.Run()
	if w.Template != "drivers" || w.FwCustom != nil || w.Recipe.Weights.Method != pipeline.Default().Weights.Method || len(w.Result.Indicators) != 7 {
		t.Errorf("sample: template %q, custom %v, weights %s, indicators %v", w.Template, w.FwCustom != nil, w.Recipe.Weights.Method, w.Result.Indicators)
	}
}

// TestFromColumnsNames: after "one indicator per data column" the name
// boxes carry the new nodes' names (none), not the template's.
func TestFromColumnsNames(t *testing.T) {
	w := sampleWorkspace(t)
	w.SetFramework(FrameworkFromColumns(w.Table.Columns), w.FwReport)
	w.Run()
	doc := render(t, &Workbench{ws: *w})
	tmpl, _ := framework.Template("drivers")
	names := map[string]bool{}
	for _, n := range tmpl.Nodes {
		names[n.NameZh], names[n.NameEn] = true, true
	}
	boxes := append(elements(byID(doc, "fw-tree"), "input", "fw-zh"), elements(byID(doc, "fw-tree"), "input", "fw-en")...)
	if len(boxes) < 2*20 {
		t.Fatalf("%d name boxes", len(boxes))
	}
	for _, b := range boxes {
		if v, ok := hasAttr(b, "value"); ok && names[v] && v != "新质生产力指数" && v != "NQP Index" {
			t.Errorf("name box shows the template's name %q", v)
		}
	}
}

// TestJobErrorBanner: a job without a result shows its errors where the
// results would be.
func TestJobErrorBanner(t *testing.T) {
	w := &Workspace{}
	w.SetData("c.csv", provincesCSV())
	w.Template = "nope"
	w.follow = false
	w.Run()
	if w.Result != nil {
		t.Fatal("a result for an unknown template")
	}
	doc := render(t, &Workbench{ws: *w})
	b := byID(doc, "job-error")
	if b == nil || attr(b.Parent, "id") != "results" || !strings.Contains(nodeText(b), "nope") || attr(b, "role") != "alert" {
		t.Fatalf("banner %v", b)
	}
}
