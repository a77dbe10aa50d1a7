package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/nqp-index/nqp/scoring/sample"
)

// TestE2ELarge loads the 20 MB county panel (2,850 units × 10 years × 40
// indicators): a computation is cancelled and the restarted engine answers
// the next job; the panel is scored, its progress shown, its ranking paged; the session (the data in IndexedDB,
// far beyond localStorage's quota, the rest in localStorage) survives a
// reload; clearing removes both.
func TestE2ELarge(t *testing.T) {
	b := newBrowser(t)
	b.open()
	str := func(expr string) string {
		t.Helper()
		s, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](expr))
		if err != nil {
			t.Fatalf("%s: %v", expr, err)
		}
		return s
	}
	// The flat framework (every column one indicator), as for any user file.
	b.do(chromedp.Evaluate[chromedp.Void](`(() => { const s = document.getElementById('template'); s.value = '__all'; s.dispatchEvent(new Event('change', {bubbles: true})); })()`))
	if err := b.poll(`!document.getElementById('busy') && document.querySelectorAll('#ranking tbody tr').length === 31`); err != nil {
		t.Fatal(err)
	}
	data := sample.CountyCSV(2850, 10, 40)
	path := filepath.Join(t.TempDir(), "county.csv")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}

	// Cancel, then the sample through the restarted worker.
	b.do(chromedp.SetUploadFiles(chromedp.ID("file"), []string{path}))
	if err := b.poll(`!!document.getElementById('cancel')`); err != nil {
		t.Fatalf("no cancel button while computing: %v", err)
	}
	b.do(chromedp.Click(chromedp.ID("cancel")))
	if err := b.poll(`!document.getElementById('busy')`); err != nil {
		t.Fatalf("still busy after cancel: %v", err)
	}
	b.do(chromedp.Click(chromedp.ID("sample")))
	if err := b.poll(`!document.getElementById('busy') && (document.getElementById('summary')||{innerText:''}).innerText.includes('techme') && document.querySelectorAll('#ranking tbody tr').length === 31`); err != nil {
		t.Fatalf("after a cancel the engine does not answer: %v; page: %q", err, b.body())
	}

	// The county panel, scored and kept.
	b.do(chromedp.Evaluate[chromedp.Void](`(() => { const s = document.getElementById('template'); s.value = '__all'; s.dispatchEvent(new Event('change', {bubbles: true})); })()`))
	b.do(chromedp.SetUploadFiles(chromedp.ID("file"), []string{path}))
	// The engine reports its progress while it works.
	if err := b.poll(`/第 [123] 步/.test((document.getElementById('stage')||{innerText:''}).innerText)`); err != nil {
		t.Errorf("no progress shown while the county panel is computed: %v", err)
	}
	done := `!document.getElementById('busy') && (document.getElementById('summary')||{innerText:''}).innerText.includes('county.csv') && document.querySelectorAll('#ranking tbody tr').length === 100
		&& (document.getElementById('ranking-page')||{innerText:''}).innerText.includes('2850')`
	if err := b.poll(done); err != nil {
		t.Fatalf("the county panel was not scored: %v; page: %q", err, b.body())
	}
	if s := str(`document.getElementById('summary').innerText`); !contains(s, "2850 个地区", "10 个时期", "40 个指标") {
		t.Errorf("summary %q", s)
	}
	// The ranking a page at a time: page 2 starts at rank 101.
	b.do(chromedp.Click(chromedp.ID("ranking-next")))
	if err := b.poll(`(document.querySelector('#ranking tbody tr:first-child td')||{innerText:''}).innerText === '101'`); err != nil {
		t.Errorf("the ranking's second page does not start at rank 101: %v", err)
	}
	if err := b.poll(idbCount(1)); err != nil {
		t.Errorf("the data is not in IndexedDB: %v", err)
	}
	if n, _ := strconv.Atoi(str(`String((localStorage.getItem('nqp-project')||'').length)`)); n == 0 || n > 20000 {
		t.Errorf("localStorage holds %d characters for the project, want its settings only", n)
	}
	b.reload()
	if err := b.poll(done); err != nil {
		t.Fatalf("after a reload the county panel was not restored: %v; page: %q", err, b.body())
	}

	// Clearing removes both stores.
	b.do(chromedp.Click(chromedp.ID("clear")))
	if err := b.poll(`localStorage.length === 0`); err != nil {
		t.Errorf("localStorage not cleared: %v", err)
	}
	if err := b.poll(idbCount(0)); err != nil {
		t.Errorf("IndexedDB not cleared: %v", err)
	}
	b.check()
}

func contains(s string, parts ...string) bool {
	for _, p := range parts {
		if !strings.Contains(s, p) {
			return false
		}
	}
	return true
}
