// Command perf measures the built site (dist/, precompressed by make site)
// in headless Chromium and prints the figures of issue 5's quality bar:
//
//   - time to the first interactive screen on localhost, cold (a fresh
//     profile) and warm (a reload under the service worker);
//   - bytes transferred on the first load (brotli; counted by the server
//     for every request of the page, its service worker and its Web Worker,
//     and as Chromium's encodedDataLength for the page's own requests),
//     before and after the engine (web/engine.wasm) is first needed;
//   - time from loading a generated 2,850-unit × 10-year × 40-indicator
//     county CSV (~20 MB) to its results shown.
//
// It is a benchmark script, not a test: make perf runs it and prints a
// report; nothing fails on a slow machine. Targets: < 2 s cold, < 0.5 s
// warm, < 3 MB compressed before the engine is needed, < 5 s for the panel.
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/nqp-index/nqp/scoring/sample"
	"github.com/nqp-index/nqp/site/hosting"
)

// counter counts the bytes the server sends, per path.
type counter struct {
	mu    sync.Mutex
	bytes map[string]int64
	reqs  int
}

func (c *counter) reset() {
	c.mu.Lock()
	c.bytes, c.reqs = map[string]int64{}, 0
	c.mu.Unlock()
}

func (c *counter) total(filter func(string) bool) (n int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for p, b := range c.bytes {
		if filter(p) {
			n += b
		}
	}
	return n
}

type countingWriter struct {
	http.ResponseWriter
	n int64
}

func (w *countingWriter) Write(b []byte) (int, error) {
	n, err := w.ResponseWriter.Write(b)
	w.n += int64(n)
	return n, err
}

func (c *counter) wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		cw := &countingWriter{ResponseWriter: w}
		h.ServeHTTP(cw, r)
		c.mu.Lock()
		c.bytes[r.URL.Path] += cw.n
		c.reqs++
		c.mu.Unlock()
	})
}

// marks records, in page time (ms since navigation), when the first
// interactive screen (step 1's file picker, live: app.wasm running)
// and the first ranking appear.
const marks = `(() => {
	const check = () => {
		// go-app removes its loader once app.wasm has run and mounted the
		// workbench (the pre-rendered HTML already holds #file).
		if (document.getElementById('app-wasm-loader')) window.__sawLoader = true;
		if (window.__tti === undefined && window.__sawLoader && document.readyState !== 'loading' && !document.getElementById('app-wasm-loader') && document.getElementById('file')) window.__tti = performance.now();
		if (window.__ranked === undefined && document.querySelectorAll('#ranking tbody tr').length > 0) window.__ranked = performance.now();
	};
	new MutationObserver(check).observe(document, {childList: true, subtree: true});
	document.addEventListener('readystatechange', check);
})();`

func main() {
	dist := flag.String("dist", "dist", "the built site (make site)")
	runs := flag.Int("runs", 3, "cold/warm measurements (the median is reported)")
	flag.Parse()
	if _, err := os.Stat(filepath.Join(*dist, "web", "app.wasm")); err != nil {
		log.Fatalf("%v (run make site first)", err)
	}
	chrome, err := exec.LookPath("chromium")
	if err != nil {
		log.Fatal("chromium is needed: ", err)
	}
	cnt := &counter{bytes: map[string]int64{}}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		log.Fatal(err)
	}
	go http.Serve(ln, cnt.wrap(hosting.Server(*dist, hosting.Rules, hosting.Redirects)))
	base := "http://" + ln.Addr().String()

	var cold, warm, firstResult []float64
	var before, after, cdpBefore int64
	var paths map[string]int64
	var county []float64
	var countyErr error
	for run := 0; run < *runs; run++ {
		r, err := measure(chrome, base, cnt, true)
		if err != nil {
			log.Fatalf("run %d: %v", run+1, err)
		}
		cold, warm, firstResult = append(cold, r.cold), append(warm, r.warm), append(firstResult, r.firstResult)
		before, after, cdpBefore = r.before, r.after, r.cdpBefore
		county = append(county, r.county)
		if r.countyErr != nil {
			countyErr = r.countyErr
		}
		if run == *runs-1 {
			paths = r.paths
		}
	}
	raw, br := sizes(*dist)
	fmt.Printf("NQP site performance (headless Chromium, localhost, %d runs, medians)\n", *runs)
	fmt.Printf("  first interactive screen, cold (fresh profile):   %7.0f ms   target < 2000 ms\n", median(cold))
	fmt.Printf("  first interactive screen, warm (service worker):  %7.0f ms   target <  500 ms\n", median(warm))
	fmt.Printf("  first ranking of the sample (cold, engine ready): %7.0f ms\n", median(firstResult))
	fmt.Printf("  bytes before the engine is needed (server, br):   %7.2f MB   target < 3 MB\n", mb(before))
	fmt.Printf("    page's own requests until interactive (encodedDataLength): %.2f MB\n", mb(cdpBefore))
	fmt.Printf("  bytes of the whole first visit incl. engine:      %7.2f MB\n", mb(after))
	if countyErr != nil {
		fmt.Printf("  county panel (2,850 × 10 × 40, %.1f MB) to results: FAILED: %v\n", mb(int64(len(sample.CountyCSV(2850, 10, 40)))), countyErr)
	} else {
		fmt.Printf("  county panel (2,850 × 10 × 40, %.1f MB) to results: %5.0f ms   target < 5000 ms (runs: %v ms)\n", mb(int64(len(sample.CountyCSV(2850, 10, 40)))), median(county), county)
	}
	fmt.Printf("  first visit, bytes sent by the server per path (last run):\n")
	var ps []string
	for p := range paths {
		ps = append(ps, p)
	}
	sort.Strings(ps)
	for _, p := range ps {
		fmt.Printf("    %-28s %9d\n", p, paths[p])
	}
	fmt.Printf("  dist/ sizes, raw → brotli:\n")
	for _, f := range []string{"index.html", "app.js", "wasm_exec.js", "app-worker.js", "web/app.wasm", "web/engine.wasm", "web/echarts.min.js"} {
		if raw[f] > 0 {
			fmt.Printf("    %-20s %9d → %9d\n", f, raw[f], br[f])
		}
	}
}

type result struct {
	cold, warm, firstResult float64
	before, after           int64 // server bytes: until interactive; the whole first visit
	cdpBefore               int64
	paths                   map[string]int64 // server bytes of the first visit by path
	county                  float64
	countyErr               error
}

// measure runs one cold load, one warm reload and (when panel) the county
// panel, in a fresh Chromium profile.
func measure(chrome, base string, cnt *counter, panel bool) (result, error) {
	var r result
	prof, err := os.MkdirTemp("", "nqp-perf-")
	if err != nil {
		return r, err
	}
	defer os.RemoveAll(prof)
	actx, cancel := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(chrome), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.UserDataDir(prof))
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 5*time.Minute)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		return r, err
	}
	var mu sync.Mutex
	encoded := map[network.RequestID]float64{}
	go func() {
		for ev, err := range chromedp.Events(ctx, network.LoadingFinished) {
			if err != nil {
				return
			}
			mu.Lock()
			encoded[ev.RequestID] = ev.EncodedDataLength
			mu.Unlock()
		}
	}()
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		return r, err
	}
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: marks}); err != nil {
		return r, err
	}
	num := func(expr string) float64 {
		v, _ := chromedp.Run(ctx, chromedp.Evaluate[float64](expr))
		return v
	}
	wait := func(js string, d time.Duration) error {
		_, err := chromedp.Run(ctx, chromedp.Poll[bool](js, chromedp.WithPollingTimeout(d), chromedp.WithPollingInterval(10*time.Millisecond)))
		return err
	}

	// Cold.
	cnt.reset()
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/")); err != nil {
		return r, err
	}
	if err := wait(`window.__tti !== undefined`, time.Minute); err != nil {
		return r, fmt.Errorf("no interactive screen: %w", err)
	}
	r.cold = num(`window.__tti`)
	engine := func(p string) bool { return strings.HasSuffix(p, "/engine.wasm") }
	mu.Lock()
	for _, n := range encoded {
		r.cdpBefore += int64(n)
	}
	mu.Unlock()
	if err := wait(`window.__ranked !== undefined`, 2*time.Minute); err != nil {
		return r, fmt.Errorf("no ranking: %w", err)
	}
	r.firstResult = num(`window.__ranked`)
	// Let the service worker install and take control.
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`void navigator.serviceWorker.ready.then(() => window.__swReady = true)`)); err != nil {
		return r, err
	}
	if err := wait(`window.__swReady === true`, time.Minute); err != nil {
		return r, fmt.Errorf("the service worker did not get ready: %w", err)
	}
	time.Sleep(2 * time.Second) // its cache filled
	r.after = cnt.total(func(string) bool { return true })
	r.before = cnt.total(func(p string) bool { return !engine(p) })
	cnt.mu.Lock()
	r.paths = map[string]int64{}
	for p, n := range cnt.bytes {
		r.paths[p] = n
	}
	cnt.mu.Unlock()

	// Warm: a reload under the service worker.
	if err := chromedp.Do(ctx, chromedp.Reload()); err != nil {
		return r, err
	}
	if err := wait(`window.__tti !== undefined`, time.Minute); err != nil {
		return r, fmt.Errorf("no interactive screen on reload: %w", err)
	}
	r.warm = num(`window.__tti`)
	if c := num(`navigator.serviceWorker.controller ? 1 : 0`); c != 1 {
		log.Printf("warning: the reload was not controlled by the service worker")
	}
	if !panel {
		return r, nil
	}

	// The county panel, with the flat framework (every column one indicator).
	if err := wait(`document.querySelectorAll('#ranking tbody tr').length > 0`, 2*time.Minute); err != nil {
		return r, err
	}
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`(() => { const s = document.getElementById('template'); s.value = ''; s.dispatchEvent(new Event('change', {bubbles: true})); })()`)); err != nil {
		return r, err
	}
	if err := wait(`!document.getElementById('busy') && document.querySelectorAll('#ranking tbody tr').length > 0`, 2*time.Minute); err != nil {
		return r, err
	}
	dir, _ := os.MkdirTemp("", "nqp-county-")
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "county.csv")
	if err := os.WriteFile(path, sample.CountyCSV(2850, 10, 40), 0o644); err != nil {
		return r, err
	}
	start := time.Now()
	if err := chromedp.Do(ctx, chromedp.SetUploadFiles(chromedp.ID("file"), []string{path})); err != nil {
		return r, err
	}
	r.countyErr = wait(`!document.getElementById('busy') && (document.getElementById('summary')||{innerText:''}).innerText.includes('county.csv')
		&& document.querySelectorAll('#ranking tbody tr').length > 0`, 3*time.Minute)
	r.county = float64(time.Since(start).Milliseconds())
	if r.countyErr != nil {
		body, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body.innerText.slice(0, 600)`))
		r.countyErr = fmt.Errorf("%w; page: %q", r.countyErr, body)
	}
	return r, nil
}

// sizes returns the raw and brotli sizes of dist's files by relative path.
func sizes(dist string) (raw, br map[string]int64) {
	raw, br = map[string]int64{}, map[string]int64{}
	filepath.Walk(dist, func(p string, fi os.FileInfo, err error) error {
		if err != nil || fi.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(dist, p)
		rel = filepath.ToSlash(rel)
		if strings.HasSuffix(rel, ".br") {
			br[strings.TrimSuffix(rel, ".br")] = fi.Size()
		} else if !strings.HasSuffix(rel, ".gz") {
			raw[rel] = fi.Size()
		}
		return nil
	})
	for f, n := range raw {
		if _, ok := br[f]; !ok {
			br[f] = n
		}
	}
	return raw, br
}

func median(v []float64) float64 {
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	if len(s) == 0 {
		return 0
	}
	return s[len(s)/2]
}

func mb(n int64) float64 { return float64(n) / 1e6 }
