package main

import (
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// TestE2EOffline: after one online visit the service worker is activated
// and its precache holds every listed URL; with the network off (CDP
// offline emulation, including the service worker's own fetches) a reload
// renders the sample ranking again, the Excel workbook is built, and a
// documentation page opens.
func TestE2EOffline(t *testing.T) {
	b := newBrowser(t)
	b.open()
	if err := b.poll(`navigator.serviceWorker.controller !== null || true`); err != nil {
		t.Fatal(err)
	}
	// Activated, and the precache complete: every URL of the worker's list.
	waitPrecache := `(async () => {
		const r = await navigator.serviceWorker.ready;
		if (!r.active || r.active.state !== 'activated') return false;
		const src = await (await fetch('/app-worker.js', {cache: 'no-store'})).text();
		const list = JSON.parse(src.match(/const resourcesToCache = (\[[\s\S]*?\]);/)[1]);
		const names = await caches.keys();
		const name = names.find(n => src.includes(JSON.stringify(n.slice(4))) || src.includes(n.slice(4)));
		if (!name) return false;
		const c = await caches.open(name);
		for (const u of list) { if (!(await c.match(u))) return false; }
		window.__precached = list.length;
		return true;
	})()`
	start := time.Now()
	if _, err := chromedp.Run(b.ctx, chromedp.Poll[bool](waitPrecache, chromedp.WithPollingTimeout(90*time.Second), chromedp.WithPollingInterval(250*time.Millisecond))); err != nil {
		t.Fatalf("the service worker did not fill its precache: %v", err)
	}
	n, _ := chromedp.Run(b.ctx, chromedp.Evaluate[int](`window.__precached`))
	t.Logf("service worker activated, %d URLs precached, in %v", n, time.Since(start).Round(time.Millisecond))
	// Reload once online so that the page is controlled by the worker.
	b.do(chromedp.Reload())
	if err := b.poll(`navigator.serviceWorker.controller !== null && document.querySelectorAll('#ranking tbody tr').length === 31`); err != nil {
		t.Fatalf("not controlled after a reload: %v", err)
	}

	offline := true
	// Network.emulateNetworkConditionsByRule (newer Chromium, also takes the
	// service worker offline); Debian's Chromium 148 answers "Invalid
	// parameters", so fall back to the classic command there.
	if _, err := chromedp.Call(b.ctx, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
		EmulateOfflineServiceWorker: &offline,
		MatchedNetworkConditions:    []*network.Conditions{{Offline: true, DownloadThroughput: -1, UploadThroughput: -1}},
	}); err != nil {
		t.Logf("emulateNetworkConditionsByRule: %v; using Network.emulateNetworkConditions", err)
		if _, err := chromedp.Call(b.ctx, emulateNetworkConditions, classicConditions{Offline: true, DownloadThroughput: -1, UploadThroughput: -1}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := chromedp.Call(b.ctx, network.OverrideNetworkState, network.OverrideNetworkStateParams{Offline: true, DownloadThroughput: -1, UploadThroughput: -1}); err != nil {
		t.Logf("overrideNetworkState: %v", err)
	}
	// And the server goes away, so that nothing (not even the service
	// worker, which page-level emulation does not cover) can reach it.
	b.srv.Close()
	start = time.Now()
	b.do(chromedp.Reload())
	if err := b.poll(`document.querySelectorAll('#ranking tbody tr').length === 31`); err != nil {
		st, _ := chromedp.Run(b.ctx, chromedp.Evaluate[string](`JSON.stringify({online: navigator.onLine, rows: document.querySelectorAll('#ranking tbody tr').length, ctrl: !!navigator.serviceWorker.controller, text: (document.getElementById('results')||document.body).innerText.slice(-600)})`))
		b.mu.Lock()
		t.Logf("exceptions: %v", b.exceptions)
		b.mu.Unlock()
		t.Fatalf("offline, the app did not render the sample ranking: %v; state: %s", err, st)
	}
	t.Logf("offline reload rendered the ranking in %v", time.Since(start).Round(time.Millisecond))
	// The network really is off: a URL outside the precache fails.
	if off, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](`fetch('/not-precached?' + Date.now()).then(() => false, () => true)`, chromedp.EvalAwaitPromise)); err != nil || !off {
		t.Errorf("the network was not off (fetch of an uncached URL succeeded): %v", err)
	}
	// The workbook, offline: the side engine worker starts from the
	// precache and builds it (a zip, "PK").
	if _, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](`(() => { window.__blobs = []; const co = URL.createObjectURL;
		URL.createObjectURL = function(x) { window.__blobs.push(x); return co.call(URL, x) };
		document.getElementById('dl-xlsx').click(); return true })()`)); err != nil {
		t.Fatal(err)
	}
	if err := b.poll(`window.__blobs.some(x => x.type.includes('spreadsheet'))`); err != nil {
		t.Fatalf("offline, no workbook: %v; page: %q", err, b.body())
	}
	if _, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](`(() => { window.__head = ''; window.__blobs.find(x => x.type.includes('spreadsheet')).slice(0, 2).text().then(t => window.__head = t); return true })()`)); err != nil {
		t.Fatal(err)
	}
	if err := b.poll(`window.__head === 'PK'`); err != nil {
		t.Errorf("offline, the workbook is not a zip: %v", err)
	}
	// A documentation page, offline.
	b.do(chromedp.Navigate(b.url + "/docs/en/privacy/"))
	if err := b.poll(`document.querySelector('h1') && document.querySelector('h1').innerText === 'Privacy'`); err != nil {
		t.Fatalf("offline, the privacy page did not open: %v; page: %q", err, b.body())
	}
	b.do(chromedp.Navigate(b.url + "/docs/zh/methods/weights/"))
	if err := b.poll(`document.querySelectorAll('math').length > 10`); err != nil {
		t.Errorf("offline, the weights page has no formulas: %v", err)
	}
	b.check()
}

// classicConditions are the parameters of Network.emulateNetworkConditions,
// which cdproto v0.159 no longer declares but Chromium 148 still has.
type classicConditions struct {
	Offline            bool    `json:"offline"`
	Latency            float64 `json:"latency"`
	DownloadThroughput float64 `json:"downloadThroughput"`
	UploadThroughput   float64 `json:"uploadThroughput"`
}

var emulateNetworkConditions = cdp.Command[classicConditions, struct{}]{Method: "Network.emulateNetworkConditions"}
