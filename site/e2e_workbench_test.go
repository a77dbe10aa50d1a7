package main

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/xuri/excelize/v2"

	nqpapp "github.com/nqp-index/nqp/app"
	"github.com/nqp-index/nqp/scoring/job"
	"github.com/nqp-index/nqp/scoring/pipeline"
	"github.com/nqp-index/nqp/scoring/sample"
)

// idbCount is a poll expression that is true once the app's IndexedDB
// store holds n entries.
func idbCount(n int) string {
	return fmt.Sprintf(`(() => {
		if (window.__idbCount === undefined) {
			window.__idbCount = null;
			const r = indexedDB.open('nqp');
			r.onsuccess = () => { const q = r.result.transaction('files').objectStore('files').count();
				q.onsuccess = () => { window.__idbCount = q.result; r.result.close(); }; };
			r.onerror = () => { window.__idbCount = -1; };
		}
		if (window.__idbCount === null) return false;
		const ok = window.__idbCount === %d;
		window.__idbCount = undefined;
		return ok;
	})()`, n)
}

// TestE2EWorkbench drives what the other browser tests do not: the table
// viewer (the raw values, which the page does not hold, paged from the
// engine and equal to the CLI's), a recipe uploaded as a JSON file (the
// ranking then equals the CLI's for that recipe), a method field taking
// another's place (its own handler), the trend chart's unit
// choice (saved with the session and restored by a reload), and an XLSX
// workbook whose first sheet holds notes, read from its data sheet once
// the sheet is chosen.
func TestE2EWorkbench(t *testing.T) {
	b := newBrowser(t)
	b.open()
	choose := func(id, value string) {
		t.Helper()
		b.do(chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`(() => { const s = document.getElementById(%q); s.value = %q; s.dispatchEvent(new Event('change', {bubbles: true})); })()`, id, value)))
	}
	str := func(expr string) string {
		t.Helper()
		s, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](expr))
		if err != nil {
			t.Fatalf("%s: %v", expr, err)
		}
		return s
	}
	// Every control has an accessible name (checked again at the end).
	unlabelled := func(when string) {
		t.Helper()
		if u := str(`JSON.stringify([...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
			.filter(e => e.labels.length === 0 && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby'))
			.map(e => e.id || e.outerHTML.slice(0, 80)))`); u != "[]" {
			t.Errorf("%s: controls without a label: %s", when, u)
		}
	}
	unlabelled("first screen")
	want, err := job.Run(job.Spec{DataName: sample.TechmePanelName, Data: sample.TechmePanelCSV(), Template: "drivers", Recipe: pipeline.Default()})
	if err != nil {
		t.Fatal(err)
	}
	res := want.Result

	// The table viewer: the raw values, page 1 and page 2.
	b.do(chromedp.Click(chromedp.ID("tables-show")))
	if err := b.poll(`!!document.getElementById('table-name') && document.querySelectorAll('#table-view tbody tr').length > 0`); err != nil {
		t.Fatalf("the table viewer did not open: %v; page: %q", err, b.body())
	}
	rowJS := `JSON.stringify([...document.querySelectorAll('#table-view tbody tr:first-child td')].map(c => c.innerText))`
	expRow := func(i int) string {
		cells := []string{res.Periods[res.Rows[i].Period].Label, res.Units[res.Rows[i].Unit].Code, res.Units[res.Rows[i].Unit].Name}
		for _, v := range res.Raw[i] {
			cells = append(cells, nqpapp.FmtCell(v, nqpapp.Zh))
		}
		return `[` + `"` + strings.Join(cells, `","`) + `"]`
	}
	choose("table-name", "raw")
	if err := b.poll(`(document.getElementById('table-page')||{innerText:''}).innerText.includes('` + fmt.Sprint(len(res.Rows)) + `') && ` + rowJS + ` === ` + jsString(expRow(0))); err != nil {
		t.Fatalf("raw table, first row %s, want %s: %v", str(rowJS), expRow(0), err)
	}
	b.do(chromedp.Click(chromedp.ID("table-next")))
	if err := b.poll(rowJS + ` === ` + jsString(expRow(nqpapp.TablePageSize))); err != nil {
		t.Errorf("raw table, page 2 starts with %s, want %s", str(rowJS), expRow(nqpapp.TablePageSize))
	}

	// A recipe uploaded as a file: CRITIC weights, scores ×10.
	r, _ := pipeline.Preset("critic")
	ten := 10.0
	r.Aggregate.Scale = &ten
	path := filepath.Join(t.TempDir(), "my-recipe.json")
	os.WriteFile(path, r.JSON(), 0o644)
	b.do(chromedp.SetUploadFiles(chromedp.ID("recipe-file"), []string{path}))
	wantR, err := job.Run(job.Spec{DataName: sample.TechmePanelName, Data: sample.TechmePanelCSV(), Template: "drivers", Recipe: r})
	if err != nil {
		t.Fatal(err)
	}
	exp := cliScores(wantR.Result)
	rankJS := `(() => { if (document.getElementById('busy')) return '';
		return JSON.stringify([...document.querySelectorAll('#ranking tbody tr')].map(r => [...r.children].map(c => c.innerText))) })()`
	var page string
	ok := false
	for range 300 {
		page = str(rankJS)
		if page != "" && matchRanking(page, exp, len(wantR.Result.Aggregates)) == "" {
			ok = true
			break
		}
		time.Sleep(200 * time.Millisecond)
	}
	if !ok {
		t.Fatalf("after the recipe upload the ranking differs from the CLI's: %s", matchRanking(page, exp, len(wantR.Result.Aggregates)))
	}
	if s := str(`document.getElementById('recipe').textContent`); !strings.Contains(s, `"critic"`) || !strings.Contains(s, `"scale": 10`) {
		t.Errorf("the recipe shown is not the uploaded one: %s", s)
	}

	// Fields that take each other's place keep their own handlers: after
	// min-max → z-score, the input where "lower" was sets "mean".
	choose("m-normalise.method", pipeline.ZScore)
	if err := b.poll(`!!document.getElementById('m-normalise.mean') && !document.getElementById('busy')`); err != nil {
		t.Fatal(err)
	}
	choose("m-normalise.mean", "50")
	if err := b.poll(`document.getElementById('recipe').textContent.includes('"mean": 50')`); err != nil {
		t.Errorf("the z-score mean was not set: %s", str(`document.getElementById('recipe').textContent`))
	}

	// The trend chart of two chosen units, kept across a reload.
	choose("chart-kind", nqpapp.ChartTrend)
	if err := b.poll(`!!document.getElementById('chart-units')`); err != nil {
		t.Fatal(err)
	}
	b.do(chromedp.Evaluate[chromedp.Void](`(() => { const s = document.getElementById('chart-units');
		for (const o of s.options) o.selected = (o.value === '110000' || o.value === '440000');
		s.dispatchEvent(new Event('change', {bubbles: true})); })()`))
	series := `(() => { const el = document.getElementById('chart-main'); const ch = el && echarts.getInstanceByDom(el);
		return ch ? ch.getOption().series.map(s => s.name).join(',') : '' })()`
	if err := b.poll(series + ` === '北京,广东'`); err != nil {
		t.Fatalf("trend series, want 北京,广东: %v", err)
	}
	b.reload()
	if err := b.poll(`document.querySelectorAll('#ranking tbody tr').length === 31 && !!document.getElementById('chart-units') && ` + series + ` === '北京,广东'`); err != nil {
		t.Errorf("after a reload the chart is %q (kind %q), want the trend of 北京,广东", str(series), str(`(document.getElementById('chart-kind')||{value:''}).value`))
	}

	// An XLSX workbook: notes first, the data on the second sheet.
	f := excelize.NewFile()
	f.SetSheetName("Sheet1", "说明")
	f.SetCellValue("说明", "A1", "本工作簿的数据在“数据”工作表中。")
	f.NewSheet("数据")
	recs, err := csv.NewReader(bytes.NewReader(sample.TechmePanelCSV())).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for i, rec := range recs {
		row := make([]any, len(rec))
		for j, c := range rec {
			row[j] = c
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		f.SetSheetRow("数据", cell, &row)
	}
	xlsx := filepath.Join(t.TempDir(), "工作簿.xlsx")
	if err := f.SaveAs(xlsx); err != nil {
		t.Fatal(err)
	}
	b.do(chromedp.SetUploadFiles(chromedp.ID("file"), []string{xlsx}))
	if err := b.poll(`!!document.getElementById('ld-sheet') && !document.getElementById('busy')`); err != nil {
		t.Fatalf("no sheet choice for the workbook: %v; page: %q", err, b.body())
	}
	choose("ld-sheet", "数据")
	if err := b.poll(`(document.getElementById('summary')||{innerText:''}).innerText.includes('工作簿.xlsx') && document.getElementById('summary').innerText.includes('31 个地区') && document.querySelectorAll('#ranking tbody tr').length === 31`); err != nil {
		t.Errorf("the data sheet was not read: %v; summary %q, report %q", err, str(`(document.getElementById('summary')||{innerText:'-'}).innerText`),
			str(`(document.getElementById('report')||{textContent:'-'}).textContent.slice(0, 600)`))
	}
	unlabelled("at the end")
	b.check()
}
