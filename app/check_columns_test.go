package app

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestCheckViewColumnUses: the check step shows every column of the file
// with its use or why it is not used, outside any collapsed box, after the
// outcome went through the page's codec; a column the template does not
// name reads "not in the framework". A file that cannot be scored still
// shows the table.
func TestCheckViewColumnUses(t *testing.T) {
	data := []byte("地区,年份,年度,GDP,专利,区域,人口,每万人有效发明专利数\n" +
		"北京,2020,2020,3.6,暂无,东部,,1.1\n上海,2020,2020,3.9,暂无,东部,,1.2\n" +
		"北京,2021,2021,4.0,5,东部,,1.3\n上海,2021,2021,4.3,未统计,东部,,1.5\n")
	w := &Workspace{}
	w.SetSample()
	w.SetData("county.csv", data)
	w.UseTemplate("")
	b, err := EncodeOutcome(Compute(w.Job()).ForPage())
	if err != nil {
		t.Fatal(err)
	}
	o, err := DecodeOutcome(b)
	if err != nil {
		t.Fatal(err)
	}
	w.Apply(o)
	want := [][]string{
		{"1", "地区", "unit", ""},
		{"2", "年份", "period", ""},
		{"3", "年度", "not used", "named like a period or holding years; never an indicator"},
		{"4", "GDP", "indicator", ""},
		{"5", "专利", "not used", `3 of 4 cells are not numbers (first at row 2: "暂无")`},
		{"6", "区域", "group (text column)", ""},
		{"7", "人口", "not used", "all cells are missing"},
		{"8", "每万人有效发明专利数", "indicator", ""},
	}
	w.Lang = En
	rows := columnRows(t, render(t, &Workbench{ws: *w}))
	if len(rows) != len(want) {
		t.Fatalf("%d column rows, want %d: %q", len(rows), len(want), rows)
	}
	for i := range want {
		if strings.Join(rows[i], "|") != strings.Join(want[i], "|") {
			t.Errorf("row %d reads %q, want %q", i, rows[i], want[i])
		}
	}
	w.Lang = Zh
	doc := render(t, &Workbench{ws: *w})
	if h := nodeText(byID(doc, "col-uses-box")); !strings.Contains(h, "各列用途（共 8 列，3 列未使用）") {
		t.Errorf("zh heading: %q", h)
	}
	if rows := columnRows(t, doc); rows[4][3] != "4 个单元格中有 3 个不是数字（首个在第 2 行：“暂无”）" {
		t.Errorf("zh note: %q", rows[4])
	}

	// The drivers template names 每万人有效发明专利数 but not GDP.
	w.UseTemplate("drivers")
	w.Run()
	w.Lang = En
	for _, r := range columnRows(t, render(t, &Workbench{ws: *w})) {
		if r[1] == "GDP" && (r[2] != "not used" || r[3] != "not in the framework") {
			t.Errorf("GDP with the drivers template: %q", r)
		}
	}

	// Nothing numeric: the job fails, the table says why.
	w.SetData("text.csv", []byte("地区,备注\n北京,a\n上海,b\n"))
	w.Run()
	rows = columnRows(t, render(t, &Workbench{ws: *w}))
	if len(rows) != 2 || rows[1][2] != "group (text column)" {
		t.Errorf("text-only file: %q", rows)
	}
}

// columnRows returns the cells of the column-use table, which must not be
// inside a <details> element (it is always shown).
func columnRows(t *testing.T, doc *html.Node) [][]string {
	t.Helper()
	tab := byID(doc, "col-uses")
	if tab == nil {
		t.Fatal("no column-use table")
	}
	for p := tab.Parent; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && p.Data == "details" {
			t.Fatal("the column-use table is inside a collapsed box")
		}
	}
	var rows [][]string
	walk(tab, func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "tr" && n.Parent.Data == "tbody" {
			var cells []string
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == html.ElementNode && c.Data == "td" {
					cells = append(cells, nodeText(c))
				}
			}
			rows = append(rows, cells)
		}
	})
	return rows
}

// TestDecimalCommaDetectedShown: a ";" file with "6,83" is read with a
// decimal comma, and the load options say it was detected.
func TestDecimalCommaDetectedShown(t *testing.T) {
	w := &Workspace{}
	w.SetSample()
	w.SetData("semicolon.csv", []byte("地区;年份;R&D经费投入强度;GDP\n北京;2022;6,83;41.610,9\n上海;2022;4,44;44.652,8\n天津;2022;3,49;16.311,3\n"))
	w.UseTemplate("")
	w.Run()
	if w.Table == nil || len(w.Table.Columns) != 2 {
		t.Fatalf("table %+v, report %v", w.Table, w.Report.Problems)
	}
	for _, r := range w.Table.Rows {
		if w.Table.Units[r.Unit] == "北京" && (r.Values[0] != 6.83 || r.Values[1] != 41610.9) {
			t.Errorf("北京 reads %v; want [6.83 41610.9]", r.Values)
		}
	}
	w.Lang = En
	var label string
	walk(render(t, &Workbench{ws: *w}), func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "label" && attr(n, "for") == "ld-decimal_comma" {
			label = nodeText(n)
		}
	})
	if label != "Decimal comma (1.234,5) (detected in the data)" {
		t.Errorf("label %q", label)
	}
	for _, r := range columnRows(t, render(t, &Workbench{ws: *w})) {
		if r[2] == "not used" {
			t.Errorf("column dropped: %q", r)
		}
	}
}
