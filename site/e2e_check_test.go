package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestE2ECheckFramework drives the check step (statistics, the paged data
// table, problems linked to their cells) and the framework step (the
// template's match, editing the tree re-scores) in headless Chromium.
func TestE2ECheckFramework(t *testing.T) {
	b := newBrowser(t)
	b.open()
	count := func(sel string) int {
		n, err := chromedp.Run(b.ctx, chromedp.Evaluate[int](fmt.Sprintf(`document.querySelectorAll(%q).length`, sel)))
		if err != nil {
			t.Fatalf("count %s: %v", sel, err)
		}
		return n
	}
	// text reads an element's text through JavaScript (chromedp's node
	// cache can miss elements the app re-creates).
	text := func(sel string) string {
		s, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](fmt.Sprintf(`(document.querySelector(%q) || {innerText: ''}).innerText`, sel)))
		if err != nil {
			t.Fatalf("text of %s: %v", sel, err)
		}
		return s
	}
	js := func(expr string) {
		t.Helper()
		if _, err := chromedp.Run(b.ctx, chromedp.Evaluate[any](expr)); err != nil {
			t.Fatalf("%s: %v", expr, err)
		}
	}

	// Statistics of the sample's 20 indicator columns.
	if err := b.poll(`document.querySelectorAll('#stats tbody tr').length === 20`); err != nil {
		t.Fatalf("statistics table: %d rows; page %q", count("#stats tbody tr"), b.body())
	}
	if s := text("#stats tbody"); !strings.Contains(s, "rd_intensity_pct") || !strings.Contains(s, "sci_papers") {
		t.Errorf("statistics table lacks the sample's indicators: %q", s[:min(len(s), 300)])
	}
	// The data table renders one page of the 527 rows at a time.
	if n := count("#datatable tbody tr"); n != 50 {
		t.Errorf("data table renders %d rows, want a page of 50", n)
	}
	if s := text("#dt-range"); !strings.Contains(s, "527") {
		t.Errorf("data table range %q does not count the 527 rows", s)
	}
	b.do(chromedp.Click(chromedp.ID("dt-last")))
	if err := b.poll(`document.querySelectorAll('#datatable tbody tr').length === 27`); err != nil {
		t.Errorf("last page: %d rows, want 27", count("#datatable tbody tr"))
	}

	// The drivers template: 7 indicators matched, 9 missing (its ratio
	// indicators do not take the sample's absolute columns), 13 columns unused.
	if err := b.poll(`document.querySelectorAll('#fw-present li').length === 7 && document.querySelectorAll('#fw-missing li').length === 9`); err != nil {
		t.Errorf("match lists: %d present, %d missing", count("#fw-present li"), count("#fw-missing li"))
	}
	if count(`#fw-missing li[data-code="nev_output"]`) != 1 || count(`#fw-present li[data-code="rd_intensity"]`) != 1 {
		t.Errorf("match lists: present %q, missing %q", text("#fw-present"), text("#fw-missing"))
	}
	if n := count("#fw-extra li"); n != 13 {
		t.Errorf("%d unused columns, want 13", n)
	}

	// Renaming a dimension re-scores: the ranking header shows the new name.
	js(`(() => { const i = document.querySelector('#fw-tree tr[data-code="tech_innovation"] input.fw-zh');
		i.value = '科创测试'; i.dispatchEvent(new Event('change', {bubbles: true})); })()`)
	if err := b.poll(`(document.querySelector('#ranking thead')||{innerText:''}).innerText.includes('科创测试')`); err != nil {
		t.Errorf("the renamed dimension is not in the ranking header: %q", text("#ranking thead"))
	}
	// Deleting an indicator re-scores with one indicator less.
	if s := text("#summary"); !strings.Contains(s, "7 个指标") {
		t.Errorf("summary before deleting: %q", s)
	}
	js(`document.querySelector('#fw-tree tr[data-code="sci_papers"] button.fw-delete').click()`)
	if err := b.poll(`(document.getElementById('summary')||{innerText:''}).innerText.includes('6 个指标')`); err != nil {
		t.Errorf("after deleting an indicator: %q; %q", text("#summary"), text("#fw-report"))
	}
	if count(`#fw-tree tr[data-code="sci_papers"]`) != 0 || count(`#fw-present li`) != 6 {
		t.Errorf("sci_papers still in the tree or the match")
	}
	// An invalid edit is refused with its reason.
	js(`(() => { const i = document.querySelector('#fw-tree tr[data-code="rd_fte"] input.fw-weight');
		i.value = '-1'; i.dispatchEvent(new Event('change', {bubbles: true})); })()`)
	if err := b.poll(`!!document.querySelector('#fw-report li.error')`); err != nil {
		t.Errorf("a negative weight was not refused")
	}
	// Back to the template.
	b.do(chromedp.Click(chromedp.ID("fw-reset")))
	if err := b.poll(`(document.getElementById('summary')||{innerText:''}).innerText.includes('7 个指标')`); err != nil {
		t.Errorf("after going back to the template: %q", text("#summary"))
	}

	// A file with a non-numeric cell on the third page: its problem links
	// to the cell, which is shown, highlighted and scrolled into view.
	var sb strings.Builder
	sb.WriteString("地区,年份,专利,研发\n")
	for y := 2019; y <= 2023; y++ {
		for u := 1; u <= 40; u++ {
			v := fmt.Sprint(u*3 + y - 2000)
			if u == 30 && y == 2021 {
				v = "12x"
			}
			fmt.Fprintf(&sb, "U%03d,%d,%s,%d\n", u, y, v, u+y%7)
		}
	}
	csvPath := filepath.Join(t.TempDir(), "bad.csv")
	if err := os.WriteFile(csvPath, []byte(sb.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	b.do(chromedp.SetUploadFiles(chromedp.ID("file"), []string{csvPath}))
	if err := b.poll(`(document.getElementById('summary')||{innerText:''}).innerText.includes('bad.csv') && !!document.querySelector('#located .cell-link[data-cell^="dt-cell-"]')`); err != nil {
		t.Fatalf("no linked problem after loading bad.csv: %v; page %q", err, b.body())
	}
	cell, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`document.querySelector('#located .cell-link[data-cell^="dt-cell-"]').dataset.cell`))
	if err != nil {
		t.Fatal(err)
	}
	if cell != "dt-cell-109-0" { // sorted by period, then unit: (2021-2019)*40 + 29
		t.Errorf("the non-numeric cell links to %s, want dt-cell-109-0", cell)
	}
	if count("#"+cell) != 0 {
		t.Errorf("%s is rendered before the link is followed (the table should be paged)", cell)
	}
	// Wait until the engine has finished (no job in flight) before following the link.
	if err := b.poll(`!document.getElementById('busy')`); err != nil {
		t.Fatal(err)
	}
	// Activate the link as a keyboard or pointer user would (element.click()
	// does not depend on where the long, wrapped link text lies on screen).
	b.do(chromedp.Evaluate[chromedp.Void](`document.querySelector('#located .cell-link[data-cell^="dt-cell-"]').click()`))
	visible := fmt.Sprintf(`(() => { const c = document.getElementById(%q); if (!c) return false;
		const box = c.closest('.dt-scroll').getBoundingClientRect(), r = c.getBoundingClientRect();
		return c.classList.contains('hl') && c.classList.contains('missing') &&
			r.top >= box.top && r.bottom <= box.bottom && r.top >= 0 && r.bottom <= window.innerHeight; })()`, cell)
	if err := b.poll(visible); err != nil {
		t.Errorf("the cell %s was not shown highlighted in view: range %q", cell, text("#dt-range"))
	}
	if s := text("#dt-range"); !strings.HasPrefix(s, "第 101–150 条") {
		t.Errorf("data table range %q, want the third page", s)
	}
	// A fix: interpolate the missing value.
	b.do(chromedp.Click(chromedp.ID("fix-impute-linear")))
	if err := b.poll(`!!document.getElementById('fix-imputed')`); err != nil {
		t.Errorf("the imputation fix was not applied: %q", text("#fixes"))
	}
	b.check()
}
