package ingest

import (
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/nqp-index/nqp/scoring/diag"
	"github.com/nqp-index/nqp/scoring/ingest/detect"
	"github.com/nqp-index/nqp/scoring/panel"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// readDetected reads data and returns the panel, report and what was detected.
func readDetected(t *testing.T, name string, data []byte, opt Options) (*panel.Panel, diag.Report, *Detected) {
	t.Helper()
	d := &Detected{}
	opt.Detected = d
	p, rep := mustRead(t, name, data, opt)
	checkColumnUses(t, p, d)
	return p, rep, d
}

// checkColumnUses asserts that every column of the header has exactly one
// entry in d.Columns, in file order, and that the entries agree with the
// panel: each indicator is a panel column and each group an attribute.
func checkColumnUses(t *testing.T, p *panel.Panel, d *Detected) {
	t.Helper()
	width := len(d.Headers)
	for _, u := range d.Columns {
		if u.Use == detect.UseUnused && u.Reason == detect.ReasonEmpty && strings.HasPrefix(u.Name, "column ") {
			width++ // an unnamed empty column, left out of Headers
		}
	}
	if len(d.Columns) != width {
		t.Fatalf("%d column uses for %d columns: %+v", len(d.Columns), width, d.Columns)
	}
	indicators, groups := map[string]bool{}, map[string]bool{}
	for k, u := range d.Columns {
		if k > 0 && u.Column <= d.Columns[k-1].Column {
			t.Errorf("column uses out of order: %+v", d.Columns)
		}
		if u.Use == detect.UseUnused && u.Reason == "" {
			t.Errorf("column %q unused without a reason", u.Name)
		}
		if u.Describe("zh") == "" || u.Describe("en") == "" {
			t.Errorf("column %q: empty description", u.Name)
		}
		switch u.Use {
		case detect.UseIndicator:
			indicators[u.Name] = true
		case detect.UseGroup:
			groups[u.Name] = true
		case detect.UseUnit, detect.UseCode, detect.UsePeriod, detect.UseIndicators, detect.UseValue, detect.UseUnused:
		default:
			t.Errorf("column %q: unknown use %q", u.Name, u.Use)
		}
	}
	if d.Layout == "wide" {
		if len(indicators) != len(p.Columns) {
			t.Errorf("%d indicator columns, panel has %d: %+v", len(indicators), len(p.Columns), d.Columns)
		}
		for _, c := range p.Columns {
			if !indicators[c.Name] {
				t.Errorf("panel column %q is not listed as an indicator", c.Name)
			}
		}
	}
	if len(groups) != len(p.Attrs) {
		t.Errorf("%d group columns, panel has %d attributes", len(groups), len(p.Attrs))
	}
	for _, a := range p.Attrs {
		if !groups[a.Name] {
			t.Errorf("attribute %q is not listed as a group", a.Name)
		}
	}
}

// use returns the entry for the column named name.
func use(t *testing.T, d *Detected, name string) ColumnUse {
	t.Helper()
	for _, u := range d.Columns {
		if u.Name == name {
			return u
		}
	}
	t.Fatalf("no column use for %q: %+v", name, d.Columns)
	return ColumnUse{}
}

func problems(rep diag.Report, code string) []diag.Problem {
	var out []diag.Problem
	for _, p := range rep.Problems {
		if p.Code == code {
			out = append(out, p)
		}
	}
	return out
}

// TestUTF8FileWithOneGBKLine: a UTF-8 file in which one line was saved as
// GBK is read as UTF-8; that line is read as GB18030 and reported with its
// row and bytes, 上海 stays one unit and the year column is the period,
// not an indicator. Before, the whole file was decoded as GB18030.
func TestUTF8FileWithOneGBKLine(t *testing.T) {
	gbLine, err := simplifiedchinese.GBK.NewEncoder().String("上海,2021,4.2,2489\n")
	if err != nil {
		t.Fatal(err)
	}
	data := "地区,年份,GDP,人口\n" +
		"北京,2020,3.6,2189\n" +
		"上海,2020,3.9,2488\n" +
		"天津,2020,1.4,1387\n" +
		"北京,2021,4.0,2188\n" +
		gbLine +
		"天津,2021,1.6,1373\n"
	p, rep, d := readDetected(t, "mixed.csv", []byte(data), Options{})
	if d.Encoding != EncUTF8 || hasCode(rep, CodeDetectedEncoding) {
		t.Errorf("encoding %q; report:\n%s", d.Encoding, formatReport(rep))
	}
	if len(p.Units) != 3 || len(p.Periods) != 2 || len(p.Rows) != 6 {
		t.Fatalf("%d units %v, %d periods, %d rows", len(p.Units), p.Units, len(p.Periods), len(p.Rows))
	}
	if v := value(t, p, "上海", "2021", "GDP"); v != 4.2 {
		t.Errorf("上海 2021 GDP = %v; want 4.2", v)
	}
	if d.PeriodColumn != "年份" || p.ColumnIndex("年份") >= 0 || use(t, d, "年份").Use != detect.UsePeriod {
		t.Errorf("year column: period %q, panel columns %v", d.PeriodColumn, p.Columns)
	}
	bad := problems(rep, CodeBadEncoding)
	if len(bad) != 1 {
		t.Fatalf("%d bad-encoding problems; want 1:\n%s", len(bad), formatReport(rep))
	}
	// 上 is C9CF and 海 BAA3 in GBK; the line is row 6, the bytes in column 1.
	if b := bad[0]; b.Row != 6 || b.Col != 1 || b.Text != `\xC9\xCF\xBA\xA3` || b.Severity != diag.Warning ||
		!strings.Contains(b.Zh, "上海,2021") || !strings.Contains(b.En, "GB18030") {
		t.Errorf("bad line: %+v", b)
	}
	if !hasCode(rep, CodeMixedEncoding) {
		t.Errorf("no mixed-encoding note:\n%s", formatReport(rep))
	}
}

// TestGBKFileWithOneUTF8Line: the other way round GB18030 explains the
// file better (5 GBK lines against 1 UTF-8 line), so the file is GB18030.
func TestGBKFileWithOneUTF8Line(t *testing.T) {
	gb, err := simplifiedchinese.GBK.NewEncoder().String("地区,年份,GDP\n北京,2020,3.6\n上海,2020,3.9\n天津,2020,1.4\n重庆,2020,2.5\n")
	if err != nil {
		t.Fatal(err)
	}
	_, rep, d := readDetected(t, "gbk.csv", []byte(gb+"河北,2020,3.0\n"), Options{})
	if d.Encoding != EncGB18030 {
		t.Fatalf("encoding %q", d.Encoding)
	}
	det := problems(rep, CodeDetectedEncoding)
	if len(det) != 1 || !strings.Contains(det[0].En, "of 6 lines with non-ASCII bytes, 5 are not valid UTF-8 and 1 do not read well") {
		t.Errorf("detected-encoding note: %+v", det)
	}
}

// TestUTF8LineNeitherEncoding: bytes valid in neither encoding become
// U+FFFD and are shown escaped.
func TestUTF8LineNeitherEncoding(t *testing.T) {
	data := "地区,年份,GDP\n北京,2020,1\n上海,2020,2\n天津,2020,\xFF3\n"
	_, rep, _ := readDetected(t, "ff.csv", []byte(data), Options{})
	bad := problems(rep, CodeBadEncoding)
	if len(bad) != 1 || bad[0].Row != 4 || bad[0].Col != 3 || bad[0].Text != `\xFF` || !strings.Contains(bad[0].En, "\uFFFD3") {
		t.Errorf("bad-encoding: %+v\n%s", bad, formatReport(rep))
	}
}

// TestPeriodLikeColumns: a second column named like a period, or holding
// repeated years, is never an indicator, even with another period column.
func TestPeriodLikeColumns(t *testing.T) {
	data := "地区,年份,年度,统计口径年,GDP\n" +
		"北京,2020,2020,2019,3.6\n上海,2020,2020,2019,3.9\n" +
		"北京,2021,2021,2020,4.0\n上海,2021,2021,2020,4.3\n"
	p, rep, d := readDetected(t, "years.csv", []byte(data), Options{})
	if len(p.Columns) != 1 || p.Columns[0].Name != "GDP" {
		t.Errorf("indicators %v; want only GDP", p.Columns)
	}
	for _, name := range []string{"年度", "统计口径年"} {
		if u := use(t, d, name); u.Use != detect.UseUnused || u.Reason != detect.ReasonPeriodLike {
			t.Errorf("%s: %+v", name, u)
		}
	}
	if n := len(problems(rep, CodePeriodLikeColumn)); n != 2 {
		t.Errorf("%d period-like notes; want 2:\n%s", n, formatReport(rep))
	}
	// Distinct values are not a year column: 1990…2009 once each stays an indicator.
	var b strings.Builder
	b.WriteString("地区,年份,建成年\n")
	for i := range 20 {
		b.WriteString("U" + string(rune('A'+i)) + ",2020," + strconv.Itoa(1990+i) + "\n")
	}
	p, _, _ = readDetected(t, "built.csv", []byte(b.String()), Options{})
	if p.ColumnIndex("建成年") < 0 {
		t.Errorf("a column of distinct years was dropped: %v", p.Columns)
	}
}

// TestDecimalCommaDetected: a ";" file with "6,83" is read with a decimal
// comma without the option, reported as an Info, and no column is lost.
func TestDecimalCommaDetected(t *testing.T) {
	data := "地区;年份;R&D经费投入强度;GDP\n" +
		"北京;2022;6,83;41.610,9\n" +
		"上海;2022;4,44;44.652,8\n" +
		"天津;2022;3,49;16.311,3\n"
	p, rep, d := readDetected(t, "semicolon.csv", []byte(data), Options{})
	if !d.DecimalComma || d.Delimiter != ";" {
		t.Errorf("detected %+v", d)
	}
	if v := value(t, p, "北京", "2022", "R&D经费投入强度"); v != 6.83 {
		t.Errorf("北京 R&D = %v; want 6.83", v)
	}
	if v := value(t, p, "上海", "2022", "GDP"); v != 44652.8 {
		t.Errorf("上海 GDP = %v; want 44652.8", v)
	}
	for _, u := range d.Columns {
		if u.Use == detect.UseUnused || u.Reason != "" {
			t.Errorf("column %q: %s", u.Name, u.Describe("en"))
		}
	}
	dc := problems(rep, CodeDecimalComma)
	if len(dc) != 1 || dc[0].Severity != diag.Info || dc[0].Row != 2 || dc[0].Col != 3 || dc[0].Text != "6,83" {
		t.Errorf("decimal-comma note: %+v", dc)
	}
	if hasCode(rep, CodeNonNumeric) || hasCode(rep, CodeTextColumn) {
		t.Errorf("unexpected problems:\n%s", formatReport(rep))
	}
	// Decimal points in a ";" file are not taken for decimal commas.
	p, rep, d = readDetected(t, "points.csv", []byte(strings.NewReplacer("6,83", "6.83", "4,44", "4.44", "3,49", "3.49",
		"41.610,9", "41610.9", "44.652,8", "44652.8", "16.311,3", "16311.3").Replace(data)), Options{})
	if d.DecimalComma || hasCode(rep, CodeDecimalComma) || value(t, p, "北京", "2022", "R&D经费投入强度") != 6.83 {
		t.Errorf("decimal points: detected %+v\n%s", d, formatReport(rep))
	}
}

// TestInvalidNumbersNamed: NaN, Inf, 1e999 and text in an indicator
// column are each named by row and column, and the column's entry counts
// them.
func TestInvalidNumbersNamed(t *testing.T) {
	data := "地区,GDP\nA,1\nB,NaN\nC,Inf\nD,1e999\nE,abc\nF,6\nG,7\nH,8\nI,9\nJ,-Infinity\nK,11\nL,12\n"
	p, rep, d := readDetected(t, "nan.csv", []byte(data), Options{})
	want := map[int]string{3: "NaN", 4: "Inf", 5: "1e999", 6: "abc", 11: "-Infinity"}
	got := problems(rep, CodeNonNumeric)
	if len(got) != len(want) {
		t.Fatalf("%d non-numeric problems; want %d:\n%s", len(got), len(want), formatReport(rep))
	}
	for _, pr := range got {
		if want[pr.Row] != pr.Text || pr.Col != 2 || pr.Column != "GDP" || pr.Severity != diag.Warning ||
			!strings.Contains(pr.Zh, pr.Text) || !strings.Contains(pr.En, pr.Text) {
			t.Errorf("problem %+v", pr)
		}
	}
	u := use(t, d, "GDP")
	if u.Use != detect.UseIndicator || u.Reason != detect.ReasonNotNumbers || u.Bad != 5 || u.Filled != 12 || u.Row != 3 || u.Text != "NaN" {
		t.Errorf("GDP use %+v", u)
	}
	if !strings.Contains(u.Describe("en"), "5 of 12 cells are not numbers (first at row 3: \"NaN\"); read as missing") {
		t.Errorf("description %q", u.Describe("en"))
	}
	if x := value(t, p, "B", "", "GDP"); !math.IsNaN(x) {
		t.Errorf("NaN cell = %v", x)
	}
}

// TestMostlyTextColumn: a column with some numbers but mostly text is not
// an indicator and is reported with its reason; a column of NaN text
// likewise; a text column without numbers is a group.
func TestMostlyTextColumn(t *testing.T) {
	data := "地区,年份,GDP,专利,备注,区域,缺省\n" +
		"A,2020,1,暂无,x,东部,NaN\nB,2020,2,暂无,y,西部,NaN\nC,2020,3,5,z,东部,nan\nD,2020,4,未统计,w,中部,NaN\n"
	p, rep, d := readDetected(t, "text.csv", []byte(data), Options{})
	if len(p.Columns) != 1 || p.Columns[0].Name != "GDP" {
		t.Errorf("indicators %v; want only GDP", p.Columns)
	}
	u := use(t, d, "专利")
	if u.Use != detect.UseUnused || u.Reason != detect.ReasonNotNumbers || u.Bad != 3 || u.Filled != 4 || u.Row != 2 || u.Text != "暂无" {
		t.Errorf("专利 use %+v", u)
	}
	if s := u.Describe("zh"); s != "未使用：4 个单元格中有 3 个不是数字（首个在第 2 行：“暂无”）" {
		t.Errorf("description %q", s)
	}
	if u := use(t, d, "缺省"); u.Use != detect.UseUnused || u.Reason != detect.ReasonNotNumbers || u.Bad != 4 {
		t.Errorf("缺省 use %+v", u)
	}
	for _, name := range []string{"备注", "区域"} {
		if u := use(t, d, name); u.Use != detect.UseGroup {
			t.Errorf("%s use %+v", name, u)
		}
	}
	tc := problems(rep, CodeTextColumn)
	if len(tc) != 2 || tc[0].Row != 2 || tc[0].Col != 4 || tc[0].Text != "暂无" || tc[0].Column != "专利" || tc[0].Severity != diag.Warning {
		t.Errorf("text-column problems %+v", tc)
	}
}

// TestEmptyAndConstantColumns: an empty column is not used; a constant one
// stays an indicator (as in COINr) with a note; an unnamed empty column is
// listed too.
func TestEmptyAndConstantColumns(t *testing.T) {
	data := "地区,年份,,GDP,人口,常数,\n北京,2020,,1,,5,\n上海,2020,,2,,5,\n"
	p, _, d := readDetected(t, "ec.csv", []byte(data), Options{})
	if p.ColumnIndex("人口") >= 0 || p.ColumnIndex("常数") < 0 {
		t.Errorf("columns %v", p.Columns)
	}
	if u := use(t, d, "人口"); u.Use != detect.UseUnused || u.Reason != detect.ReasonEmpty {
		t.Errorf("人口 %+v", u)
	}
	if u := use(t, d, "常数"); u.Use != detect.UseIndicator || u.Reason != detect.ReasonConstant || u.Text != "5" {
		t.Errorf("常数 %+v", u)
	}
	if u := use(t, d, "column 3"); u.Column != 3 || u.Use != detect.UseUnused || len(d.Columns) != 6 {
		t.Errorf("column 3 %+v; %d columns", u, len(d.Columns))
	}
}

// TestColumnUsesEveryFile: every readable file of the bad corpus lists each
// of its columns exactly once.
func TestColumnUsesEveryFile(t *testing.T) {
	for _, tc := range badCases {
		if tc.fatal {
			continue
		}
		data := tc.data
		if data == nil {
			var err error
			if data, err = os.ReadFile(filepath.Join("testdata", "bad", tc.file)); err != nil {
				t.Fatal(err)
			}
		}
		t.Run(tc.file, func(t *testing.T) { readDetected(t, tc.file, data, tc.opt) })
	}
}

// TestNotInFramework: columns no framework indicator matched are marked.
func TestNotInFramework(t *testing.T) {
	_, _, d := readDetected(t, "nf.csv", []byte("地区,GDP,人口\n北京,1,2\n上海,3,4\n"), Options{})
	d.NotInFramework([]string{"人口"})
	if u := use(t, d, "人口"); u.Use != detect.UseUnused || u.Reason != detect.ReasonNotInFramework || u.Describe("en") != "not used: not in the framework" {
		t.Errorf("人口 %+v", u)
	}
	if u := use(t, d, "GDP"); u.Use != detect.UseIndicator {
		t.Errorf("GDP %+v", u)
	}
}

// TestYearColumnByContent: without a period header, a column of repeated
// years is the period, whatever its name.
func TestYearColumnByContent(t *testing.T) {
	data := "地区,Jahr,GDP\n北京,2020,1\n上海,2020,2\n北京,2021,3\n上海,2021,4\n"
	p, _, d := readDetected(t, "jahr.csv", []byte(data), Options{})
	if d.PeriodColumn != "Jahr" || len(p.Periods) != 2 || len(p.Columns) != 1 || value(t, p, "上海", "2021", "GDP") != 4 {
		t.Errorf("period %q, %d periods, columns %v", d.PeriodColumn, len(p.Periods), p.Columns)
	}
}
