package main

import (
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// TestE2EMethod drives the load overrides and the method form: the
// entropy-TOPSIS preset re-ranks the sample and shows in the recipe JSON,
// a formula link points to an existing documentation page, and a GB18030
// CSV is read with its Chinese header, wrongly when UTF-8 is forced and
// correctly again with the GB18030 and layout overrides.
func TestE2EMethod(t *testing.T) {
	b := newBrowser(t)
	b.open()
	js := func(expr string) {
		t.Helper()
		if _, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](`(() => {`+expr+`; return true })()`)); err != nil {
			t.Fatalf("%s: %v", expr, err)
		}
	}
	str := func(expr string) string {
		t.Helper()
		s, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](expr))
		if err != nil {
			t.Fatalf("%s: %v", expr, err)
		}
		return s
	}
	choose := func(id, value string) {
		t.Helper()
		js(`const s = document.getElementById('` + id + `'); s.value = '` + value + `'; s.dispatchEvent(new Event('change', {bubbles: true}))`)
	}
	rankingJS := `(document.querySelector('#ranking tbody')||{innerText:''}).innerText`

	// The entropy-TOPSIS preset.
	before := str(rankingJS)
	if got := str(`(document.getElementById('preset')||{value:'?'}).value`); got != "nqp-standard" {
		t.Errorf("preset shown for the default recipe: %q", got)
	}
	choose("preset", "entropy-topsis")
	if err := b.poll(`(document.getElementById('recipe')||{textContent:''}).textContent.includes('"entropy-topsis"')`); err != nil {
		t.Fatalf("the recipe does not show entropy-topsis: %v; page: %q", err, b.body())
	}
	if err := b.poll(`!document.getElementById('busy') && document.querySelectorAll('#ranking tbody tr').length === 31 && ` + rankingJS + ` !== ` + jsString(before)); err != nil {
		t.Errorf("the ranking did not change with entropy-TOPSIS: %v", err)
	}
	if got := str(`(document.getElementById('m-aggregate.method')||{value:'?'}).value`); got != "entropy-topsis" {
		t.Errorf("aggregation select shows %q", got)
	}

	// A formula link points to an existing page of the documentation.
	href := str(`(document.querySelector('#method a.formula')||{getAttribute:()=>''}).getAttribute('href')`)
	if !strings.HasPrefix(href, "/docs/") {
		t.Fatalf("formula link %q", href)
	}
	docPath, anchor, _ := strings.Cut(href, "#")
	resp, err := http.Get(b.url + docPath)
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(resp.Header.Get("Content-Type"), "html") {
		t.Errorf("GET %s: %d %s", href, resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	if anchor == "" || !strings.Contains(string(page), ` id="`+anchor+`"`) {
		t.Errorf("formula link %s: the page has no such anchor", href)
	}

	// A GB18030 file: detected, then read as UTF-8 (garbled), then as GB18030.
	text := "地区,年份,专利数,研发投入\n北京,2023,10,5\n上海,2023,8,9\n广东,2023,12,3\n"
	gb, err := simplifiedchinese.GB18030.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "gbk.csv")
	if err := os.WriteFile(path, []byte(gb), 0o644); err != nil {
		t.Fatal(err)
	}
	b.do(chromedp.SetUploadFiles(chromedp.ID("file"), []string{path}))
	unitAuto := `(document.querySelector('#ld-unit_column option:first-child')||{innerText:''}).innerText`
	if err := b.poll(`(document.getElementById('summary')||{innerText:''}).innerText.includes('gbk.csv') && ` + unitAuto + `.includes('地区')`); err != nil {
		t.Fatalf("the GB18030 file was not read: %v; page: %q", err, b.body())
	}
	if s := str(`(document.querySelector('#ld-encoding option:first-child')||{innerText:''}).innerText`); !strings.Contains(s, "GB18030") {
		t.Errorf("detected encoding shown as %q", s)
	}
	choose("ld-encoding", "utf-8")
	if err := b.poll(`!document.getElementById('busy') && (document.getElementById('ld-encoding')||{value:''}).value === 'utf-8' && !` + unitAuto + `.includes('地区')`); err != nil {
		t.Errorf("forcing UTF-8 still read the header: %v; unit column %q", err, str(unitAuto))
	}
	choose("ld-encoding", "gb18030")
	if err := b.poll(`!document.getElementById('busy') && ` + unitAuto + `.includes('地区')`); err != nil {
		t.Errorf("GB18030 override: %v; unit column %q", err, str(unitAuto))
	}
	choose("ld-layout", "wide")
	if err := b.poll(`!document.getElementById('busy') && (document.getElementById('ld-layout')||{value:''}).value === 'wide'
		&& (document.getElementById('summary')||{innerText:''}).innerText.includes('3 个地区')
		&& (document.querySelector('#ld-period_column option:first-child')||{innerText:''}).innerText.includes('年份')`); err != nil {
		t.Errorf("layout override: %v; page: %q", err, b.body())
	}
	// Reset to automatic.
	js(`document.getElementById('ld-reset').click()`)
	if err := b.poll(`!document.getElementById('busy') && (document.getElementById('ld-encoding')||{value:'x'}).value === 'auto' && (document.getElementById('ld-layout')||{value:'x'}).value === 'auto'`); err != nil {
		t.Errorf("reset: %v; encoding %q, layout %q, reset disabled %q", err, str(`(document.getElementById('ld-encoding')||{value:'x'}).value`),
			str(`(document.getElementById('ld-layout')||{value:'x'}).value`), str(`String((document.getElementById('ld-reset')||{}).disabled)`))
	}
	b.check()
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	r := strings.NewReplacer(`\`, `\\`, "`", "\\`", "$", `\$`)
	return "`" + r.Replace(s) + "`"
}
