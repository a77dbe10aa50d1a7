package ingest

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"strings"
	"testing"

	"github.com/nqp-index/nqp/scoring/diag"
	"github.com/nqp-index/nqp/scoring/panel"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// mustRead reads data and fails the test on an error.
func mustRead(t *testing.T, name string, data []byte, opt Options) (*panel.Panel, diag.Report) {
	t.Helper()
	p, rep, err := Read(name, data, opt)
	if err != nil {
		t.Fatalf("Read(%s): %v\n%s", name, err, formatReport(rep))
	}
	for _, r := range p.Rows {
		if len(r.Values) != len(p.Columns) {
			t.Fatalf("row has %d values for %d columns", len(r.Values), len(p.Columns))
		}
	}
	return p, rep
}

// value returns the value of column col for the unit with the given name
// in the period with the given label.
func value(t *testing.T, p *panel.Panel, unit, period, col string) float64 {
	t.Helper()
	j := p.ColumnIndex(col)
	if j < 0 {
		t.Fatalf("no column %q in %v", col, p.Columns)
	}
	for _, r := range p.Rows {
		if p.Units[r.Unit].Name == unit && p.Periods[r.Period].Label == period {
			return r.Values[j]
		}
	}
	t.Fatalf("no row for %s %s", unit, period)
	return 0
}

func hasCode(rep diag.Report, code string) bool {
	for _, p := range rep.Problems {
		if p.Code == code {
			return true
		}
	}
	return false
}

const simpleCSV = "地区,年份,GDP,人口\n北京,2020,1.5,2\n上海,2020,3,4\n北京,2021,5,6\n上海,2021,7,8\n"

// checkSimple asserts the content of simpleCSV.
func checkSimple(t *testing.T, p *panel.Panel) {
	t.Helper()
	if len(p.Units) != 2 || len(p.Periods) != 2 || len(p.Columns) != 2 || len(p.Rows) != 4 {
		t.Fatalf("shape: %d units, %d periods, %d columns, %d rows", len(p.Units), len(p.Periods), len(p.Columns), len(p.Rows))
	}
	if p.Columns[0].Name != "GDP" || p.Columns[1].Name != "人口" {
		t.Errorf("columns: %+v", p.Columns)
	}
	if v := value(t, p, "北京", "2020", "GDP"); v != 1.5 {
		t.Errorf("北京 2020 GDP = %v", v)
	}
	if v := value(t, p, "上海", "2021", "人口"); v != 8 {
		t.Errorf("上海 2021 人口 = %v", v)
	}
	if p.Periods[0].Label != "2020" || p.Periods[0].Kind != panel.Year || p.Periods[1].Key != 2021*12 {
		t.Errorf("periods: %+v", p.Periods)
	}
}

func TestEncodings(t *testing.T) {
	gb, err := simplifiedchinese.GB18030.NewEncoder().String(simpleCSV)
	if err != nil {
		t.Fatal(err)
	}
	le, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(simpleCSV)
	be, _ := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewEncoder().String(simpleCSV)
	leNoBOM, _ := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewEncoder().String(simpleCSV)
	tests := []struct {
		name     string
		data     string
		opt      Options
		detected string // expected Text of the detected-encoding problem, "" if none
	}{
		{"utf8.csv", simpleCSV, Options{}, ""},
		{"utf8bom.csv", "\xEF\xBB\xBF" + simpleCSV, Options{}, ""},
		{"gb18030.csv", gb, Options{}, EncGB18030},
		{"gbk.csv", gb, Options{Encoding: "GBK"}, ""},
		{"utf16le.csv", le, Options{}, ""},
		{"utf16be.csv", be, Options{}, ""},
		{"utf16le-nobom.csv", leNoBOM, Options{}, EncUTF16LE},
		{"utf16le-explicit.csv", le, Options{Encoding: "utf-16le"}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.name == "gb18030.csv" && bytes.Equal([]byte(tc.data), []byte(simpleCSV)) {
				t.Fatal("GB18030 encoding did not change the bytes")
			}
			p, rep := mustRead(t, tc.name, []byte(tc.data), tc.opt)
			checkSimple(t, p)
			var det string
			for _, pr := range rep.Problems {
				if pr.Code == CodeDetectedEncoding {
					det = pr.Text
					if pr.Severity != diag.Info || !strings.Contains(pr.En, strings.ToUpper(tc.detected)) {
						t.Errorf("detected-encoding problem: %+v", pr)
					}
				}
			}
			if det != tc.detected {
				t.Errorf("detected encoding %q; want %q", det, tc.detected)
			}
			if hasCode(rep, CodeBadEncoding) {
				t.Errorf("unexpected bad-encoding:\n%s", formatReport(rep))
			}
		})
	}
}

func TestDelimitersAndLineEndings(t *testing.T) {
	tests := []struct {
		name, data string
		opt        Options
	}{
		{"comma.csv", simpleCSV, Options{}},
		{"crlf.csv", strings.ReplaceAll(simpleCSV, "\n", "\r\n"), Options{}},
		{"cr.csv", strings.ReplaceAll(simpleCSV, "\n", "\r"), Options{}},
		{"tab.tsv", strings.ReplaceAll(simpleCSV, ",", "\t"), Options{}},
		{"tab-format.txt", strings.ReplaceAll(simpleCSV, ",", "\t"), Options{Format: "tsv"}},
		{"semicolon.csv", strings.ReplaceAll(strings.ReplaceAll(simpleCSV, ",", ";"), "1.5", "1,5"), Options{DecimalComma: true}},
		{"pipe.txt", strings.ReplaceAll(simpleCSV, ",", "|"), Options{}},
		{"explicit.txt", strings.ReplaceAll(simpleCSV, ",", "|"), Options{Delimiter: '|'}},
		{"quoted.csv", "\"地区\",\"年份\",\"GDP\",\"人口\"\n\"北京\",2020,\"1.5\",2\n\"上海\",2020,3,4\n北京,2021,5,6\n上海,2021,7,\"8\"\n", Options{}},
		{"trailing.csv", "地区,年份,GDP,人口,,\n北京,2020,1.5,2,,\n上海,2020,3,4,,\n北京,2021,5,6,,\n上海,2021,7,8,,\n,,,,,\n\n\n", Options{}},
		{"no-final-newline.csv", strings.TrimSuffix(simpleCSV, "\n"), Options{}},
		{"thousands.csv", "地区,年份,GDP,人口\n北京,2020,1.5,2\n上海,2020,3,4\n北京,2021,5,6\n上海,2021,7,8\n", Options{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, rep := mustRead(t, tc.name, []byte(tc.data), tc.opt)
			checkSimple(t, p)
			if n := rep.Count(diag.Warning) + rep.Count(diag.Error); n > 0 {
				t.Errorf("%d warnings:\n%s", n, formatReport(rep))
			}
		})
	}
}

func TestQuotedFields(t *testing.T) {
	data := "地区,备注,GDP\n北京,\"多行\n备注, 含逗号\",\"1,234.5\"\n上海,\"说\"\"好\"\"\",2\n"
	p, rep := mustRead(t, "q.csv", []byte(data), Options{})
	a := p.Attr("备注")
	if a == nil || len(a.Values) != 2 {
		t.Fatalf("attrs: %+v", p.Attrs)
	}
	// Units sort by code: 上海 < 北京 in byte order.
	if a.Values[0] != `说"好"` || a.Values[1] != "多行备注, 含逗号" {
		t.Errorf("attr values %q", a.Values)
	}
	if v := value(t, p, "北京", "", "GDP"); v != 1234.5 {
		t.Errorf("GDP = %v", v)
	}
	if len(p.Periods) != 1 || p.Periods[0].Kind != panel.NoPeriod {
		t.Errorf("periods %+v", p.Periods)
	}
	if hasCode(rep, CodeRaggedRow) {
		t.Errorf("ragged:\n%s", formatReport(rep))
	}
}

func TestLayouts(t *testing.T) {
	long := "地区,年份,指标,值\n北京,2020,GDP,1.5\n北京,2020,人口,2\n上海,2020,GDP,3\n上海,2020,人口,4\n" +
		"北京,2021,GDP,5\n北京,2021,人口,6\n上海,2021,GDP,7\n上海,2021,人口,8\n"
	longEn := "uCode,uName,Time,iCode,Value\n11,北京,2020,GDP,1.5\n11,北京,2020,人口,2\n31,上海,2020,GDP,3\n31,上海,2020,人口,4\n" +
		"11,北京,2021,GDP,5\n11,北京,2021,人口,6\n31,上海,2021,GDP,7\n31,上海,2021,人口,8\n"
	wideCodes := "uCode,uName,year,GDP,人口\n11,北京,2020,1.5,2\n31,上海,2020,3,4\n11,北京,2021,5,6\n31,上海,2021,7,8\n"
	tests := []struct {
		name, data string
		opt        Options
		long       bool
		codes      []string
	}{
		{"wide", simpleCSV, Options{}, false, []string{"上海", "北京"}},
		{"wide-forced", simpleCSV, Options{Layout: "wide"}, false, []string{"上海", "北京"}},
		{"long", long, Options{}, true, []string{"上海", "北京"}},
		{"long-en", longEn, Options{}, true, []string{"11", "31"}},
		{"long-forced", strings.Replace(long, "指标,值", "item,amount", 1), Options{Layout: "long"}, true, []string{"上海", "北京"}},
		{"long-named", strings.Replace(long, "指标,值", "item,amount", 1), Options{IndicatorColumn: "item", ValueColumn: "amount"}, true, []string{"上海", "北京"}},
		{"wide-codes", wideCodes, Options{}, false, []string{"11", "31"}},
		{"explicit-columns", strings.Replace(simpleCSV, "地区,年份", "who,when", 1), Options{UnitColumn: "who", PeriodColumn: "WHEN"}, false, []string{"上海", "北京"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, rep := mustRead(t, tc.name, []byte(tc.data), tc.opt)
			checkSimple(t, p)
			var codes []string
			for _, u := range p.Units {
				codes = append(codes, u.Code)
			}
			if fmt.Sprint(codes) != fmt.Sprint(tc.codes) {
				t.Errorf("unit codes %v; want %v", codes, tc.codes)
			}
			want := "read as wide layout"
			if tc.long {
				want = "read as long layout"
			}
			found := false
			for _, pr := range rep.Problems {
				if pr.Code == CodeLayout && strings.HasPrefix(pr.En, want) {
					found = true
				}
			}
			if !found {
				t.Errorf("no %q layout info:\n%s", want, formatReport(rep))
			}
			if n := rep.Count(diag.Warning); n > 0 {
				t.Errorf("warnings:\n%s", formatReport(rep))
			}
		})
	}
}

// TestProvincePanelShape mirrors the bundled provincial panel: region_code,
// province, year, then numeric columns with empty cells.
func TestProvincePanelShape(t *testing.T) {
	data := `"region_code","province","year","rd_expenditure_100m_cny","patents_granted","group"
110000,"北京",2000,,1402871,东部
110000,"北京",2005,382.1,,东部
310000,"上海",2000,76.7,1000,东部
310000,"上海",2005,208.4,2000,东部
620000,"甘肃",2005,19.6,300,西部
`
	p, rep := mustRead(t, "province.csv", []byte(data), Options{})
	if len(p.Units) != 3 || p.Units[0].Code != "110000" || p.Units[0].Name != "北京" || p.Units[2].Code != "620000" {
		t.Errorf("units %+v", p.Units)
	}
	if len(p.Columns) != 2 || p.Columns[0].Name != "rd_expenditure_100m_cny" || p.Columns[1].Source != 5 {
		t.Errorf("columns %+v", p.Columns)
	}
	if g := p.Attr("group"); g == nil || strings.Join(g.Values, " ") != "东部 东部 东部 东部 西部" {
		t.Errorf("attrs %+v", p.Attrs)
	}
	if v := value(t, p, "北京", "2000", "rd_expenditure_100m_cny"); !math.IsNaN(v) {
		t.Errorf("empty cell = %v; want NaN", v)
	}
	if v := value(t, p, "北京", "2005", "rd_expenditure_100m_cny"); v != 382.1 {
		t.Errorf("value %v", v)
	}
	// Row order: period, then unit code.
	var order []string
	for _, r := range p.Rows {
		order = append(order, p.Periods[r.Period].Label+" "+p.Units[r.Unit].Code)
	}
	if got := strings.Join(order, ","); got != "2000 110000,2000 310000,2005 110000,2005 310000,2005 620000" {
		t.Errorf("row order %s", got)
	}
	// 甘肃 lacks 2000.
	var miss []diag.Problem
	for _, pr := range rep.Problems {
		if pr.Code == CodeUnitMissingPeriods {
			miss = append(miss, pr)
		}
	}
	if len(miss) != 1 || miss[0].Text != "甘肃" || !strings.Contains(miss[0].En, "2000") {
		t.Errorf("unit-missing-periods %+v", miss)
	}
}

// TestRealProvincePanel reads the bundled panel if it is present.
func TestRealProvincePanel(t *testing.T) {
	data, err := os.ReadFile("../sample/data/techme_province_sci_tech_panel_wide.csv")
	if err != nil {
		t.Skip("bundled panel not present:", err)
	}
	p, _ := mustRead(t, "panel.csv", data, Options{})
	if len(p.Units) != 31 || len(p.Columns) != 20 || p.Units[0].Code != "110000" || p.Units[0].Name != "北京" {
		t.Errorf("%d units, %d columns, first %+v", len(p.Units), len(p.Columns), p.Units[0])
	}
}

func TestUnitMatcherAndSpaces(t *testing.T) {
	data := "省份,GDP\n北   京,1\n\u3000上海\u00a0,2\n北京市,3\n火星,4\n"
	known := map[string][2]string{"北京": {"110000", "北京"}, "北京市": {"110000", "北京"}, "上海": {"310000", "上海"}}
	var calls []string
	opt := Options{UnitMatcher: func(s string) (string, string, bool) {
		calls = append(calls, s)
		k, ok := known[s]
		return k[0], k[1], ok
	}}
	p, rep := mustRead(t, "m.csv", []byte(data), opt)
	if fmt.Sprint(calls) != "[北京 上海 北京市 火星]" {
		t.Errorf("matcher calls %q", calls)
	}
	var units []string
	for _, u := range p.Units {
		units = append(units, u.Code+"="+u.Name+"/"+u.Raw)
	}
	if got := strings.Join(units, " "); got != "110000=北京/北   京 310000=上海/\u3000上海\u00a0 火星=火星/" {
		t.Errorf("units %q", got)
	}
	// 北京市 is a duplicate of 北   京 once matched.
	if !hasCode(rep, CodeDuplicateRow) || !hasCode(rep, CodeUnknownUnit) {
		t.Errorf("report:\n%s", formatReport(rep))
	}
}

func TestXLSX(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	rows := [][]any{
		{"地区", "年份", "GDP", "人口", "备注"},
		{"北京", 2020, 1.5, 2, "a"},
		{"上海", 2020, 3, 4, nil},
		{"北京", 2021, 5, 6, nil},
		{"上海", 2021, 7, "8", nil},
	}
	f.NewSheet("数据")
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("数据", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	// A percentage-formatted cell: the raw number is read, not "1234.57%".
	f.SetCellValue("Sheet1", "A1", "地区")
	f.SetCellValue("Sheet1", "B1", "增长率")
	f.SetCellValue("Sheet1", "A2", "北京")
	f.SetCellValue("Sheet1", "B2", 12.345678)
	style, _ := f.NewStyle(&excelize.Style{NumFmt: 10})
	f.SetCellStyle("Sheet1", "B2", "B2", style)
	// Monthly dates as date cells.
	f.NewSheet("月度")
	f.SetSheetRow("月度", "A1", &[]any{"地区", "日期", "GDP"})
	dateStyle, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	for i, m := range []int{1, 2} {
		row := i + 2
		f.SetCellValue("月度", fmt.Sprintf("A%d", row), "北京")
		f.SetCellFloat("月度", fmt.Sprintf("B%d", row), float64(45292+31*(m-1)), -1, 64) // 2024-01-01, 2024-02-01
		f.SetCellStyle("月度", fmt.Sprintf("B%d", row), fmt.Sprintf("B%d", row), dateStyle)
		f.SetCellValue("月度", fmt.Sprintf("C%d", row), m)
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()

	p, rep := mustRead(t, "book.xlsx", data, Options{Sheet: "数据"})
	checkSimple(t, p)
	if a := p.Attr("备注"); a == nil || a.Values[1] != "a" {
		t.Errorf("attrs %+v", p.Attrs)
	}
	if hasCode(rep, CodeRaggedRow) {
		t.Errorf("short XLSX rows reported as ragged:\n%s", formatReport(rep))
	}

	p, _ = mustRead(t, "book.xlsx", data, Options{})
	if v := value(t, p, "北京", "", "增长率"); v != 12.345678 {
		t.Errorf("first sheet value %v", v)
	}

	p, rep = mustRead(t, "book.xlsx", data, Options{Sheet: "月度"})
	if len(p.Periods) != 2 || p.Periods[0].Kind != panel.Month || p.Periods[1].Label != "2024-02" {
		t.Errorf("periods %+v\n%s", p.Periods, formatReport(rep))
	}

	_, rep, err = Read("book.xlsx", data, Options{Sheet: "没有"})
	if err == nil || !hasCode(rep, CodeNoSheet) || !strings.Contains(rep.Problems[0].En, "数据") {
		t.Errorf("missing sheet: %v\n%s", err, formatReport(rep))
	}
}

func TestDuplicateHeaderRenamed(t *testing.T) {
	p, _ := mustRead(t, "d.csv", []byte("地区,GDP,GDP,GDP\n北京,1,2,3\n"), Options{})
	var names []string
	for _, c := range p.Columns {
		names = append(names, c.Name)
	}
	if got := strings.Join(names, "|"); got != "GDP|GDP (2)|GDP (3)" {
		t.Errorf("columns %s", got)
	}
}

func TestMissingValueAggregated(t *testing.T) {
	var b strings.Builder
	b.WriteString("地区,GDP\n")
	for i := 0; i < 100; i++ {
		fmt.Fprintf(&b, "u%d,\n", i)
	}
	b.WriteString("x,1\ny,2\n")
	_, rep := mustRead(t, "m.csv", []byte(b.String()), Options{})
	n := 0
	for _, pr := range rep.Problems {
		if pr.Code == CodeMissingValue {
			n++
			if !strings.Contains(pr.En, "100 missing") || !strings.Contains(pr.Zh, "100 个缺失值") {
				t.Errorf("message %+v", pr)
			}
		}
	}
	if n != 1 {
		t.Errorf("%d missing-value problems; want 1", n)
	}
}

func TestNonNumericCapped(t *testing.T) {
	var b strings.Builder
	b.WriteString("地区,GDP\n")
	for i := 0; i < 50; i++ {
		fmt.Fprintf(&b, "u%d,%d\nv%d,bad%d\n", i, i, i, i)
	}
	_, rep := mustRead(t, "n.csv", []byte(b.String()), Options{})
	var n int
	var summary *diag.Problem
	for i, pr := range rep.Problems {
		if pr.Code == CodeNonNumeric {
			n++
			if pr.Row == 0 {
				summary = &rep.Problems[i]
			}
		}
	}
	if n != maxPerColumn+1 || summary == nil || !strings.Contains(summary.En, "30 more") || summary.Column != "GDP" {
		t.Errorf("%d non-numeric problems, summary %+v", n, summary)
	}
}

// TestWideWithValueHeader: indicator and value headers, but many other
// numeric columns, is still a wide layout.
func TestWideWithValueHeader(t *testing.T) {
	data := "地区,年份,指标,值,GDP,人口,面积\n北京,2020,a,1,1.5,2,1\n上海,2020,b,2,3,4,2\n"
	p, _ := mustRead(t, "w.csv", []byte(data), Options{})
	var names []string
	for _, c := range p.Columns {
		names = append(names, c.Name)
	}
	if got := strings.Join(names, ","); got != "值,GDP,人口,面积" || p.Attr("指标") == nil {
		t.Errorf("columns %s, attrs %+v", got, p.Attrs)
	}
}

func TestDetected(t *testing.T) {
	var d Detected
	_, _, err := Read("a.csv", []byte("地区;年份;x\n北京;2023;1\n上海;2023;2\n"), Options{Detected: &d})
	if err != nil {
		t.Fatal(err)
	}
	if d.Format != "csv" || d.Encoding != EncUTF8 || d.Delimiter != ";" || d.Layout != "wide" || d.UnitColumn != "地区" || d.PeriodColumn != "年份" || len(d.Headers) != 3 {
		t.Errorf("detected %+v", d)
	}
	d = Detected{}
	_, _, err = Read("a.tsv", []byte("unit\tperiod\tindicator\tvalue\nA\t2020\tx\t1\nB\t2020\tx\t2\n"), Options{Detected: &d, Layout: "long"})
	if err != nil {
		t.Fatal(err)
	}
	if d.Format != "tsv" || d.Delimiter != "\t" || d.Layout != "long" || d.IndicatorColumn != "indicator" || d.ValueColumn != "value" {
		t.Errorf("detected %+v", d)
	}
}
