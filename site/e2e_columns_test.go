package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// TestE2EColumnUses loads a UTF-8 county file in which one line was saved
// as GBK and one column is mostly text: the check step shows, in view and
// not collapsed, every column with its use or why it is not used; the GBK
// line's county stays one unit (4 units scored) and the bad line is
// reported with its bytes; the column the framework does not name reads
// "not in the framework".
func TestE2EColumnUses(t *testing.T) {
	b := newBrowser(t)
	b.open()
	gbLine, err := simplifiedchinese.GBK.NewEncoder().String("嘉善县,2022,6.1,暂无,5.0\n")
	if err != nil {
		t.Fatal(err)
	}
	data := "地区,年份,R&D经费投入强度（%）,专利,森林覆盖率（%）\n" +
		"嘉善县,2021,5.2,暂无,4.1\n海盐县,2021,4.1,12,6.3\n海宁市,2021,3.9,暂无,5.5\n平湖市,2021,3.3,未统计,4.9\n" +
		gbLine + "海盐县,2022,4.3,暂无,6.4\n海宁市,2022,4.0,暂无,5.6\n平湖市,2022,3.6,暂无,5.0\n"
	path := filepath.Join(t.TempDir(), "嘉兴县域.csv")
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	eval := func(expr string) string {
		t.Helper()
		s, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](expr))
		if err != nil {
			t.Fatalf("%s: %v", expr, err)
		}
		return s
	}
	b.do(chromedp.SetUploadFiles(chromedp.ID("file"), []string{path}))
	if err := b.poll(`!document.getElementById('busy') && (document.getElementById('summary')||{innerText:''}).innerText.includes('嘉兴县域') && document.querySelectorAll('#col-uses tbody tr').length === 5`); err != nil {
		t.Fatalf("no column table: %v; page %q", err, b.body())
	}
	rows := eval(`[...document.querySelectorAll('#col-uses tbody tr')].map(r => [...r.cells].map(c => c.innerText.trim()).join('|')).join('\n')`)
	want := []string{
		"1|地区|地区（单位）|",
		"2|年份|时期|",
		"3|R&D经费投入强度（%）|指标|",
		"4|专利|未使用|8 个单元格中有 7 个不是数字（首个在第 2 行：“暂无”）",
		// The sample's drivers template is kept (it matches 1 of the 2
		// numeric columns, half); it has no forest-cover indicator.
		"5|森林覆盖率（%）|未使用|指标体系中没有对应的指标",
	}
	if rows != strings.Join(want, "\n") {
		t.Errorf("column table:\n%s\nwant:\n%s", rows, strings.Join(want, "\n"))
	}
	shown := eval(`(() => { const n = document.getElementById('col-uses'); return n && !n.closest('details') && n.offsetParent !== null ? 'shown' : 'hidden'; })()`)
	if shown != "shown" {
		t.Error("the column table is not in view")
	}
	summary := eval(`document.getElementById('summary').innerText`)
	if !strings.Contains(summary, "4 个地区") {
		t.Errorf("summary %q, want 4 units (嘉善县 once)", summary)
	}
	report := eval(`document.body.textContent`)
	if !strings.Contains(report, `\xBC\xCE\xC9\xC6\xCF\xD8`) {
		t.Errorf("the GBK line's bytes are not reported; page %q", report)
	}
}
