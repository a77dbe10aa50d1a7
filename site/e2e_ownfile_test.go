package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/nqp-index/nqp/scoring/job"
	"github.com/nqp-index/nqp/scoring/pipeline"
)

// ownCounties are the 23 counties, districts and county-level cities of
// 保定市 (NBS 2023 division codes 130602–130684, without the two
// development zones and 定州市), as a county statistics officer's file
// would list them.
var ownCounties = []string{"竞秀区", "莲池区", "满城区", "清苑区", "徐水区", "涞水县", "阜平县", "定兴县", "唐县", "高阳县",
	"容城县", "涞源县", "望都县", "安新县", "易县", "曲阳县", "蠡县", "顺平县", "博野县", "雄县", "涿州市", "安国市", "高碑店市"}

// ownFileHeader has 7 indicator columns; 3 of them (R&D经费投入强度,
// 每万人有效发明专利数, 单位GDP能耗) are indicators of the drivers template,
// fewer than half. 单位GDP能耗 and 城镇登记失业率 are negative indicators.
const ownFileHeader = "地区,年份,地区生产总值（亿元）,人均GDP（元）,R&D经费投入强度（%）,单位GDP能耗（吨标准煤/万元）,城镇登记失业率（%）,每万人有效发明专利数（件）,森林覆盖率（%）"

// ownFile returns the county panel (two years) as UTF-8 text.
func ownFile() string {
	var sb strings.Builder
	sb.WriteString(ownFileHeader + "\r\n")
	for y := 2021; y <= 2022; y++ {
		for i, u := range ownCounties {
			k, d := float64(i+1), float64(y-2021)
			fmt.Fprintf(&sb, "%s,%d,%.1f,%.0f,%.2f,%.3f,%.1f,%.2f,%.1f\r\n", u, y,
				120+17*k+9*d, 38000+900*float64((i*7)%23)+1200*d, 0.9+0.07*float64((i*5)%23), 0.38+0.009*float64((i*11)%23)-0.01*d,
				2.1+0.05*float64((i*3)%23), 3+0.4*float64((i*13)%23)+0.3*d, 18+1.3*float64((i*17)%23))
		}
	}
	return sb.String()
}

// TestE2EOwnFile loads a county statistics officer's own GBK file with
// Chinese headers after the sample: the sample's drivers template (3 of
// the 7 columns) gives way to every column, the page says so in view with
// one click back, 单位GDP能耗 and 城镇登记失业率 are marked as guessed
// negative, and all 23 counties are ranked as the engine ranks them. Then
// the framework controls: back to the template and to all columns, the
// all-columns option, "one indicator per column" (the name boxes are
// emptied), the add-node form (cleared after adding), and the sample
// button (its template and preset restored).
func TestE2EOwnFile(t *testing.T) {
	b := newBrowser(t)
	b.open()
	text := func(sel string) string {
		s, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](fmt.Sprintf(`(document.querySelector(%q) || {innerText: ''}).innerText`, sel)))
		if err != nil {
			t.Fatalf("text of %s: %v", sel, err)
		}
		return s
	}
	eval := func(expr string) string {
		t.Helper()
		s, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](expr))
		if err != nil {
			t.Fatalf("%s: %v", expr, err)
		}
		return s
	}
	summaryHas := func(s string) string {
		return fmt.Sprintf(`!document.getElementById('busy') && (document.getElementById('summary')||{innerText:''}).innerText.includes(%q)`, s)
	}

	// A different method first: the sample button must restore the preset.
	b.do(chromedp.Evaluate[chromedp.Void](`(() => { const s = document.getElementById('preset'); s.value = 'critic'; s.dispatchEvent(new Event('change', {bubbles: true})); })()`))
	if err := b.poll(`!document.getElementById('busy') && document.getElementById('preset').value === 'critic'`); err != nil {
		t.Fatalf("preset critic: %v", err)
	}

	// The county file, GBK-encoded.
	gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(ownFile()))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "保定市县域统计2021-2022.csv")
	if err := os.WriteFile(path, gbk, 0o644); err != nil {
		t.Fatal(err)
	}
	b.do(chromedp.SetUploadFiles(chromedp.ID("file"), []string{path}))
	if err := b.poll(summaryHas("保定市县域统计") + ` && document.querySelectorAll('#ranking tbody tr').length > 0`); err != nil {
		t.Fatalf("the county file was not scored: %v; page %q", err, b.body())
	}
	// Every column used, not the drivers template.
	if s := text("#summary"); !strings.Contains(s, "23 个地区") || !strings.Contains(s, "7 个指标") {
		t.Errorf("summary %q, want 23 units and all 7 columns", s)
	}
	if v := eval(`document.getElementById('template').value`); v != "__all" {
		t.Errorf("template select shows %q, want all columns (__all)", v)
	}
	// The notice, in view (not in the collapsed report).
	notice := text("#fw-notice")
	for _, s := range []string{"7 个数值列中的 3 个", "已改用全部 7 个数值列", "单位GDP能耗（吨标准煤/万元）", "城镇登记失业率（%）", "仍使用"} {
		if !strings.Contains(notice, s) {
			t.Errorf("notice %q lacks %q", notice, s)
		}
	}
	if eval(`(() => { const n = document.getElementById('fw-notice'); return n && !n.closest('details') && n.offsetParent !== null ? 'shown' : 'hidden'; })()`) != "shown" {
		t.Error("the notice is not in view")
	}
	// 单位GDP能耗 marked as a guessed negative indicator in the editor.
	guessed := eval(`[...document.querySelectorAll('#fw-tree tr')].filter(r => r.querySelector('.fw-guess')).map(r => r.dataset.code + '=' + r.querySelector('.fw-dir select').value).join('|')`)
	if guessed != "单位GDP能耗（吨标准煤/万元）=negative|城镇登记失业率（%）=negative" {
		t.Errorf("rows marked as guessed: %q", guessed)
	}
	if s := text(`#fw-tree tr[data-code="单位GDP能耗（吨标准煤/万元）"] .fw-guess`); s != "推测：负向，请确认" {
		t.Errorf("guess mark %q", s)
	}
	// All 23 counties ranked (2022), in the engine's order.
	if err := b.poll(`document.querySelectorAll('#ranking tbody tr').length === 23`); err != nil {
		t.Errorf("ranking has %s rows, want 23", eval(`String(document.querySelectorAll('#ranking tbody tr').length)`))
	}
	critic, _ := pipeline.Preset("critic") // the method chosen above
	want, err := job.Run(job.Spec{DataName: filepath.Base(path), Data: gbk, Recipe: critic})
	if err != nil {
		t.Fatal(err)
	}
	var order []string
	ranks := map[int]string{}
	for i, r := range want.Result.Rows {
		if want.Result.Periods[r.Period].Label == "2022" {
			ranks[want.Result.Ranks[i][0]] = want.Result.Units[r.Unit].Name
		}
	}
	for k := 1; k <= len(ownCounties); k++ {
		order = append(order, ranks[k])
	}
	got := eval(`[...document.querySelectorAll('#ranking tbody tr')].map(r => r.children[1].innerText).join(',')`)
	if got != strings.Join(order, ",") {
		t.Errorf("page ranking %s\nengine ranking %s", got, strings.Join(order, ","))
	}

	// One click back to the template: kept as asked (3 indicators).
	b.do(chromedp.Evaluate[chromedp.Void](`document.getElementById('fwn-restore').click()`))
	if err := b.poll(summaryHas("3 个指标") + ` && !!document.getElementById('fwn-all')`); err != nil {
		t.Fatalf("back to the template: %q; notice %q", text("#summary"), text("#fw-notice"))
	}
	if v := eval(`document.getElementById('template').value`); v != "drivers" {
		t.Errorf("template select %q after going back", v)
	}
	// "One indicator per data column": the name boxes lose the template's names.
	b.do(chromedp.Evaluate[chromedp.Void](`document.getElementById('fw-from-cols').click()`))
	if err := b.poll(summaryHas("7 个指标") + ` && !document.querySelector('#fw-tree tr[data-code="tech_innovation"]')`); err != nil {
		t.Fatalf("one indicator per column: %q", text("#summary"))
	}
	if err := b.poll(`[...document.querySelectorAll('#fw-tree tr.fw-leaf input.fw-zh, #fw-tree tr.fw-leaf input.fw-en')].every(i => i.value === '')`); err != nil {
		t.Errorf("name boxes after 'one indicator per column': %s", eval(`[...document.querySelectorAll('#fw-tree tr.fw-leaf input.fw-zh')].map(i => i.value).join('|')`))
	}
	// The add-node form is cleared once the node is added.
	b.do(chromedp.Evaluate[chromedp.Void](`(() => { document.getElementById('fw-add-code').value = 'dim1';
		document.getElementById('fw-add-zh').value = '维度一'; document.getElementById('fw-add-en').value = 'Dimension 1';
		document.getElementById('fw-add').click(); })()`))
	if err := b.poll(`!!document.querySelector('#fw-tree tr[data-code="dim1"]')`); err != nil {
		t.Fatalf("the node was not added: %q", text("#fw-report"))
	}
	if v := eval(`['fw-add-code','fw-add-zh','fw-add-en'].map(id => document.getElementById(id).value).join('|')`); v != "||" {
		t.Errorf("add-node form not cleared: %q", v)
	}
	// The all-columns option works (its value reaches the engine as "all columns").
	b.do(chromedp.Evaluate[chromedp.Void](`(() => { const s = document.getElementById('template'); s.value = '__all'; s.dispatchEvent(new Event('change', {bubbles: true})); })()`))
	if err := b.poll(summaryHas("7 个指标") + ` && (document.getElementById('fw-notice')||{innerText:''}).innerText.includes('全部 7 个数值列')`); err != nil {
		t.Errorf("all columns: %q; report %q", text("#summary"), text("#report"))
	}
	if n := eval(`String(document.querySelectorAll('#job-error').length)`); n != "0" {
		t.Errorf("error banner shown: %q", text("#job-error"))
	}

	// The sample button restores the sample's template and preset.
	b.do(chromedp.Click(chromedp.ID("sample")))
	if err := b.poll(`document.querySelectorAll('#ranking tbody tr').length === 31 && document.getElementById('template').value === 'drivers'`); err != nil {
		t.Errorf("sample: template %q, %s rows", eval(`document.getElementById('template').value`), eval(`String(document.querySelectorAll('#ranking tbody tr').length)`))
	}
	if v := eval(`document.getElementById('preset').value`); v != "nqp-standard" {
		t.Errorf("the sample kept the preset %q", v)
	}
	if first := text(`#ranking tbody tr:first-child td:nth-child(2)`); first != "广东" {
		t.Errorf("sample 2023 ranking starts with %q", first)
	}
	b.check()
}
