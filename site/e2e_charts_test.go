package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
)

func init() {
	// The charts need the bundled ECharts (make js copies it into dist/web).
	extraDistFiles = append(extraDistFiles, "web/echarts.min.js")
}

// chartJS evaluates a JavaScript expression about the main chart's ECharts
// instance (ch) and returns its value.
func chartJS[T any](b *browser, expr string) T {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[T](`(() => { const ch = echarts.getInstanceByDom(document.getElementById('chart-main')); return `+expr+`; })()`))
	if err != nil {
		b.t.Fatalf("%s: %v", expr, err)
	}
	return v
}

// waitDownloads waits until dir holds n finished downloads and returns the
// newest one's bytes.
func waitDownloads(t *testing.T, dir string, n int) []byte {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		ents, _ := os.ReadDir(dir)
		var done []os.DirEntry
		for _, e := range ents {
			if !strings.HasSuffix(e.Name(), ".crdownload") {
				done = append(done, e)
			}
		}
		if len(done) >= n {
			var newest string
			var at time.Time
			for _, e := range done {
				if fi, err := e.Info(); err == nil && fi.Size() > 0 && !fi.ModTime().Before(at) {
					newest, at = e.Name(), fi.ModTime()
				}
			}
			if newest != "" {
				b, _ := os.ReadFile(filepath.Join(dir, newest))
				return b
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("download %d did not arrive in %s", n, dir)
	return nil
}

// TestE2ECharts draws the charts with the bundled ECharts: the ranking bars
// of the sample (a canvas, the same order as the ranking table), the PNG
// and SVG downloads, and the tile map of the provinces; the library comes
// from the site itself, nothing violates the CSP, and no request leaves
// the local server.
func TestE2ECharts(t *testing.T) {
	b := newBrowser(t)
	// CSP violations are recorded by the harness (newBrowser) and checked by b.check().
	dl := t.TempDir()
	yes := true
	if _, err := chromedp.CallBrowser(b.ctx, cdpbrowser.SetDownloadBehavior, cdpbrowser.SetDownloadBehaviorParams{
		Behavior: cdpbrowser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: dl, EventsEnabled: &yes,
	}); err != nil {
		t.Fatal(err)
	}
	b.open()

	// The ranking bars: ECharts is loaded from the site and draws on a canvas.
	if err := b.poll(`!!window.echarts && !!document.querySelector('#chart-main canvas') && !!echarts.getInstanceByDom(document.getElementById('chart-main'))`); err != nil {
		t.Fatalf("the ranking chart did not render: %v; page: %q", err, b.body())
	}
	if err := b.poll(`performance.getEntriesByType('resource').some(e => e.name === location.origin + '/web/echarts.min.js')`); err != nil {
		t.Errorf("echarts.min.js was not loaded from the site: %v", err)
	}
	if n := chartJS[int](b, `ch.getOption().series[0].data.length`); n != 31 {
		t.Errorf("the ranking chart has %d bars, want 31", n)
	}
	if first := chartJS[string](b, `ch.getOption().yAxis[0].data[0]`); first != b.text(`#ranking tbody tr:first-child td:nth-child(2)`) {
		t.Errorf("the chart's first bar is %q, the table's first row %q", first, b.text(`#ranking tbody tr:first-child td:nth-child(2)`))
	}
	if w := chartJS[int](b, `document.querySelector('#chart-main canvas').width`); w < 100 {
		t.Errorf("the canvas is %d px wide", w)
	}
	if u := chartJS[string](b, `ch.getDataURL({type: 'png'}).slice(0, 22)`); u != "data:image/png;base64," {
		t.Errorf("getDataURL gave %q", u)
	}

	// PNG and SVG downloads (made in the page; nothing is uploaded).
	b.do(chromedp.Click(chromedp.ID("chart-main-png")))
	if png := waitDownloads(t, dl, 1); !bytes.HasPrefix(png, []byte("\x89PNG\r\n\x1a\n")) || len(png) < 2000 {
		t.Errorf("the PNG download is %d bytes starting %q", len(png), png[:min(8, len(png))])
	}
	b.do(chromedp.Click(chromedp.ID("chart-main-svg")))
	if svg := waitDownloads(t, dl, 2); !bytes.HasPrefix(svg, []byte("<svg")) || !bytes.Contains(svg, []byte("广东")) {
		t.Errorf("the SVG download is %d bytes starting %q", len(svg), svg[:min(60, len(svg))])
	}

	// Switch to the tile map of the provinces.
	b.do(chromedp.Evaluate[chromedp.Void](`(() => { const s = document.getElementById('chart-kind'); s.value = 'tiles'; s.dispatchEvent(new Event('change', {bubbles: true})); })()`))
	if err := b.poll(`(() => { const ch = echarts.getInstanceByDom(document.getElementById('chart-main')); const s = ch && ch.getOption().series; return !!s && s[0].type === 'heatmap' && s[0].data.length + s[1].data.length === 31 && !!document.querySelector('#chart-main canvas'); })()`); err != nil {
		state, _ := chromedp.Run(b.ctx, chromedp.Evaluate[string](`JSON.stringify({kind: document.getElementById('chart-kind').value, series: (echarts.getInstanceByDom(document.getElementById('chart-main'))?.getOption().series || []).map(s => [s.type, (s.data||[]).length])})`))
		b.mu.Lock()
		t.Fatalf("the tile map did not render: %v; chart %s; exceptions %v", err, state, b.exceptions)
	}
	if name := chartJS[string](b, `ch.getOption().series[0].data.find(d => d.value[0] === 4 && d.value[1] === 6).name`); name != "广东" {
		t.Errorf("tile (row 6, col 4) is %q, want 广东", name)
	}

	// Every other kind draws too.
	for _, k := range []string{"trend", "radar", "heatmap", "density"} {
		b.do(chromedp.Evaluate[chromedp.Void](`(() => { const s = document.getElementById('chart-kind'); s.value = '` + k + `'; s.dispatchEvent(new Event('change', {bubbles: true})); })()`))
		want := map[string]string{"trend": "line", "radar": "radar", "heatmap": "heatmap", "density": "line"}[k]
		if err := b.poll(`(() => { const ch = echarts.getInstanceByDom(document.getElementById('chart-main')); const s = ch && ch.getOption().series; return !!s && s.length > 0 && s[0].type === '` + want + `' && (` + map[string]string{"trend": "s.length === 5", "radar": "true", "heatmap": "s[0].data.length > 31", "density": "s.length > 1"}[k] + `); })()`); err != nil {
			t.Errorf("chart %s did not render: %v", k, err)
		}
	}

	// The radar follows the unit selector.
	b.do(chromedp.Evaluate[chromedp.Void](`(() => { const s = document.getElementById('chart-kind'); s.value = 'radar'; s.dispatchEvent(new Event('change', {bubbles: true})); })()`))
	if err := b.poll(`!!document.getElementById('chart-unit')`); err != nil {
		t.Fatalf("no unit selector for the radar: %v", err)
	}
	b.do(chromedp.Evaluate[chromedp.Void](`(() => { const s = document.getElementById('chart-unit'); s.value = '110000'; s.dispatchEvent(new Event('change', {bubbles: true})); })()`))
	if err := b.poll(`(() => { const ch = echarts.getInstanceByDom(document.getElementById('chart-main')); return ch.getOption().series[0].type === 'radar' && ch.getOption().series[0].data[0].name === '北京'; })()`); err != nil {
		t.Errorf("the radar did not switch to 北京: %v", err)
	}

	// ECharts itself must not need 'unsafe-inline' (its HTML tooltips would:
	// the options use renderMode richText).
	if v, _ := chromedp.Run(b.ctx, chromedp.Evaluate[[]string](`(window.__csp || []).filter(v => v.includes('echarts'))`)); len(v) > 0 {
		t.Errorf("Content-Security-Policy violations by ECharts: %v", v)
	}
	b.check()
}
