package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// TestE2EResults drives steps 5–8 on the bundled sample: a dimension
// weight slider re-ranks in the page (no message to the engine worker),
// the compare view shows a Spearman correlation, the frozen model scores
// a typed-in region, the XLSX download is a zip ("PK"), and printing
// shows the A4 report alone and gives a PDF.
func TestE2EResults(t *testing.T) {
	b := newBrowser(t)
	b.open()
	js := func(expr string) {
		t.Helper()
		if _, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](`(() => {`+expr+`; return true })()`)); err != nil {
			t.Fatalf("%s: %v", expr, err)
		}
	}
	// Count messages to Web Workers and keep every blob offered for download.
	js(`window.__posts = 0; const pm = Worker.prototype.postMessage;
		Worker.prototype.postMessage = function(...a) { window.__posts++; return pm.apply(this, a) };
		window.__blobs = []; const co = URL.createObjectURL;
		URL.createObjectURL = function(x) { window.__blobs.push(x); return co.call(URL, x) }`)

	// Reweight: move the first two dimension sliders.
	if err := b.poll(`document.querySelectorAll('#reweight input.weight-slider').length >= 2`); err != nil {
		t.Fatalf("no weight sliders: %v; page: %q", err, b.body())
	}
	js(`const s = document.querySelectorAll('#reweight input.weight-slider');
		s[0].value = 100; s[0].dispatchEvent(new Event('input', {bubbles: true}));
		s[1].value = 0; s[1].dispatchEvent(new Event('input', {bubbles: true}))`)
	if err := b.poll(`document.querySelectorAll('#reweight-ranking .rank-change').length > 0`); err != nil {
		t.Fatalf("moving the sliders showed no rank change: %v", err)
	}
	if n, _ := chromedp.Run(b.ctx, chromedp.Evaluate[int](`window.__posts`)); n != 0 {
		t.Errorf("reweighting posted %d messages to a worker; it should run in the page", n)
	}

	// Compare with the COINr preset (computed in a second engine worker).
	js(`const s = document.getElementById('compare-with'); s.value = 'preset:coinr';
		s.dispatchEvent(new Event('change', {bubbles: true}))`)
	if err := b.poll(`(document.getElementById('spearman')||{innerText:''}).innerText.includes('ρ = 0.')
		|| (document.getElementById('spearman')||{innerText:''}).innerText.includes('ρ = 1.')`); err != nil {
		t.Fatalf("no Spearman value: %v; page: %q", err, b.body())
	}
	if n := len(b.text(`#compare-table tbody`)); n == 0 {
		t.Error("empty compare table")
	}

	// Freeze the model, type a region's values and score it.
	js(`document.getElementById('freeze').click()`)
	if err := b.poll(`document.querySelectorAll('#model input.model-value').length > 0`); err != nil {
		t.Fatalf("freezing showed no form: %v; page: %q", err, b.body())
	}
	js(`for (const i of document.querySelectorAll('#model input.model-value')) {
			i.value = '1000'; i.dispatchEvent(new Event('change', {bubbles: true})) }`)
	js(`setTimeout(() => document.getElementById('model-score').click(), 200)`)
	if err := b.poll(`!!document.getElementById('model-result')`); err != nil {
		t.Fatalf("the typed region was not scored: %v; page: %q", err, b.body())
	}
	if s := b.text(`#model-result`); !containsAny(s, "排第", "rank") {
		t.Errorf("model result: %q", s)
	}

	// The XLSX workbook (built in the engine worker) is a zip.
	js(`document.getElementById('dl-xlsx').click()`)
	if err := b.poll(`window.__blobs.some(x => x.type.includes('spreadsheet'))`); err != nil {
		t.Fatalf("no XLSX download: %v; page: %q", err, b.body())
	}
	js(`window.__blobs.find(x => x.type.includes('spreadsheet')).slice(0, 2).text().then(s => window.__head = s)`)
	if err := b.poll(`window.__head === 'PK'`); err != nil {
		head, _ := chromedp.Run(b.ctx, chromedp.Evaluate[string](`String(window.__head)`))
		t.Errorf("the XLSX does not start with PK: %q", head)
	}
	// The printable report is in the page (shown by print.css when printing).
	if err := b.poll(`document.querySelectorAll('#print-report .report-ranking tbody tr').length === 31
		&& [...document.styleSheets].some(s => (s.href||'').endsWith('/web/print.css'))`); err != nil {
		t.Errorf("no printable report: %v", err)
	}
	// Printed (print media): only the report shows, with its A4 page rule,
	// and Chromium prints it to a PDF.
	if _, err := chromedp.Call(b.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	shown := `(id) => { const e = document.getElementById(id); return !!e && getComputedStyle(e).display !== 'none' && e.getBoundingClientRect().height > 0 }`
	if err := b.poll(`(() => { const shown = ` + shown + `; return shown('print-report') && !shown('method') && !shown('data') && !shown('dl-xlsx') })()`); err != nil {
		t.Errorf("print media: the report is not alone on the page: %v", err)
	}
	pdf, err := chromedp.Call(b.ctx, page.PrintToPDF, page.PrintToPDFParams{PreferCSSPageSize: &yes})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(pdf.Data, []byte("%PDF")) || len(pdf.Data) < 10000 {
		t.Errorf("the printed report: %d bytes, starting %q", len(pdf.Data), pdf.Data[:min(8, len(pdf.Data))])
	}
	if _, err := chromedp.Call(b.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{}); err != nil {
		t.Fatal(err)
	}
	b.check()
}

var yes = true

func containsAny(s string, subs ...string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}
