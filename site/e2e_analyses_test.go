package main

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// TestE2EAnalyses declares every suggested analysis of the sample in the
// page; the engine worker runs them and each table is rendered, long ones
// paginated.
func TestE2EAnalyses(t *testing.T) {
	b := newBrowser(t)
	b.open()
	if err := b.poll(`!!document.getElementById('an-all') && !!document.getElementById('an-use-dagum') && !!document.getElementById('an-use-moran')`); err != nil {
		t.Fatalf("no analyses controls for the provincial sample: %v; page: %q", err, b.body())
	}
	b.do(chromedp.Click(chromedp.ID("an-all")))
	if err := b.poll(`!document.getElementById('busy') && document.querySelectorAll('#analyses table.analysis').length >= 15
		&& !!document.getElementById('an-use-dagum') && document.getElementById('an-use-dagum').checked`); err != nil {
		n, _ := chromedp.Run(b.ctx, chromedp.Evaluate[int](`document.querySelectorAll('#analyses table.analysis').length`))
		t.Fatalf("the analyses' tables did not render (%d tables): %v; page: %q", n, err, b.body())
	}
	for _, id := range []string{"an-coupling", "an-obstacle", "an-dagum", "an-theil", "an-sigma", "an-beta", "an-moran", "an-kde", "an-markov", "an-uncertainty"} {
		if err := b.poll(`document.querySelectorAll('#analyses table#` + id + ` tbody tr').length > 0`); err != nil {
			t.Errorf("no rows in the %s table: %v", id, err)
		}
	}
	// Dagum by the four regions, Chinese headers by default.
	if err := b.poll(`(document.querySelector('#analyses table#an-dagum-groups')||{innerText:''}).innerText.includes('东部')`); err != nil {
		t.Errorf("the Dagum groups are not the four regions: %v", err)
	}
	// The coupling table (31 units × 24 years) is paginated.
	if s := b.text(`#an-coupling-page`); !containsAny(s, "第 1 /") {
		t.Errorf("coupling pager: %q", s)
	}
	first := b.text(`#an-coupling tbody tr:first-child`)
	b.do(chromedp.Click(chromedp.ID("an-coupling-next")))
	if err := b.poll(`(document.getElementById('an-coupling-page')||{innerText:''}).innerText.includes('第 2 /')`); err != nil {
		t.Errorf("the next page did not show: %v", err)
	}
	if b.text(`#an-coupling tbody tr:first-child`) == first {
		t.Error("the second page shows the first page's rows")
	}
	// Clearing removes the tables.
	b.do(chromedp.Click(chromedp.ID("an-none")))
	if err := b.poll(`!document.getElementById('busy') && document.querySelectorAll('#analyses table.analysis').length === 0`); err != nil {
		t.Errorf("clearing left the tables: %v", err)
	}
	b.check()
}

// TestE2EResponsive: a 10 ms timer keeps firing while a long computation
// (the uncertainty analysis with N = 4000 on the sample) runs in the
// engine's Web Worker.
func TestE2EResponsive(t *testing.T) {
	b := newBrowser(t)
	b.open()
	if err := b.poll(`!!document.getElementById('an-use-ua')`); err != nil {
		t.Fatalf("no uncertainty analysis control: %v; page: %q", err, b.body())
	}
	b.do(chromedp.Click(chromedp.ID("an-use-ua")))
	if err := b.poll(`!document.getElementById('busy') && !!document.getElementById('an-ua-n') && document.querySelectorAll('#an-uncertainty tbody tr').length > 0`); err != nil {
		t.Fatalf("the uncertainty analysis did not run: %v; page: %q", err, b.body())
	}
	b.do(chromedp.Evaluate[chromedp.Void](`(() => {
		window.__ticks = 0; window.__t0 = performance.now(); window.__iv = setInterval(() => window.__ticks++, 10);
		const n = document.getElementById('an-ua-n'); n.value = '4000'; n.dispatchEvent(new Event('change', {bubbles: true}));
	})()`))
	if err := b.poll(`!!document.getElementById('busy')`); err != nil {
		t.Fatalf("the computation did not start: %v", err)
	}
	if err := b.poll(`!document.getElementById('busy') && (document.getElementById('analyses')||{innerText:''}).innerText.includes('4000 次')`); err != nil {
		t.Fatalf("the computation did not finish: %v", err)
	}
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[[]float64](`(() => { clearInterval(window.__iv); return [window.__ticks, performance.now() - window.__t0] })()`))
	if err != nil {
		t.Fatal(err)
	}
	ticks, ms := v[0], v[1]
	expected := ms / 10
	t.Logf("%.0f ticks of a 10 ms timer in %.0f ms (%.0f%% of %.0f expected) while the worker computed", ticks, ms, 100*ticks/expected, expected)
	if ms < 200 {
		t.Logf("the computation took only %.0f ms; the check is weak", ms)
	}
	if ticks < 0.5*expected {
		t.Errorf("the page froze: %.0f ticks in %.0f ms, want at least %.0f", ticks, ms, 0.5*expected)
	}
	b.check()
}
