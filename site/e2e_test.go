package main

import (
	"context"
	"errors"
	"fmt"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	cdpruntime "github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// browser is one headless-Chromium session on a freshly generated site.
type browser struct {
	t    *testing.T
	ctx  context.Context
	url  string // the site's base URL
	dist string // the generated site being served
	srv  *httptest.Server
	mu   sync.Mutex
	// foreign lists requests to any other host; exceptions lists uncaught
	// page errors. check() fails the test if either is non-empty.
	foreign, exceptions []string
}

// newBrowser generates the site from ../dist/web/app.wasm into a temporary
// directory, serves it with the deployment headers and starts Chromium
// with a fresh profile. Browser tests run only with NQP_E2E=1 (make
// test-e2e), where a missing chromium or app.wasm is a failure.
func newBrowser(t *testing.T) *browser {
	t.Helper()
	if os.Getenv("NQP_E2E") != "1" {
		t.Skip("browser tests run on their own in `make test` (make test-e2e), with NQP_E2E=1")
	}
	chrome, err := exec.LookPath("chromium")
	if _, werr := os.Stat("../dist/web/app.wasm"); err != nil || werr != nil {
		t.Fatalf("end-to-end prerequisites missing: chromium %v, app.wasm %v", err, werr)
	}
	dist := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dist, "web"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"app.wasm", "engine.wasm"} {
		b, err := os.ReadFile(filepath.Join("..", "dist", "web", w))
		if err != nil {
			t.Fatalf("%v (run make wasm)", err)
		}
		if err := os.WriteFile(filepath.Join(dist, "web", w), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range extraDistFiles {
		if b, err := os.ReadFile(filepath.Join("..", "dist", f)); err == nil {
			os.MkdirAll(filepath.Dir(filepath.Join(dist, f)), 0o755)
			os.WriteFile(filepath.Join(dist, f), b, 0o644)
		}
	}
	wd, _ := os.Getwd()
	if err := os.Chdir(".."); err != nil { // generate reads site/web/*
		t.Fatal(err)
	}
	err = generate(dist)
	os.Chdir(wd)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(headers(httpFileServer(dist)))
	t.Cleanup(srv.Close)
	host := strings.TrimPrefix(srv.URL, "http://")

	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chrome), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
	}
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(cancel)
	ctx, cancel = context.WithTimeout(ctx, 300*time.Second)
	t.Cleanup(cancel)
	b := &browser{t: t, ctx: ctx, url: srv.URL, dist: dist, srv: srv}
	// Start the browser before subscribing to its events.
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		t.Fatal(err)
	}
	go func() {
		for ev, err := range chromedp.Events(ctx, network.RequestWillBeSent) {
			if err != nil {
				return
			}
			u, perr := url.Parse(ev.Request.URL)
			if perr == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != host {
				b.mu.Lock()
				b.foreign = append(b.foreign, ev.Request.URL)
				b.mu.Unlock()
			}
		}
	}()
	go func() {
		for ev, err := range chromedp.Events(ctx, cdpruntime.ExceptionThrown) {
			if err != nil {
				return
			}
			b.mu.Lock()
			b.exceptions = append(b.exceptions, ev.ExceptionDetails.Text)
			b.mu.Unlock()
		}
	}()
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	// Record Content-Security-Policy violations with their source: the site
	// must work under its own strict policy (no inline script or style).
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `window.__csp = []; document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sourceFile||'') + ':' + e.lineNumber));`,
	}); err != nil {
		t.Fatal(err)
	}
	return b
}

// extraDistFiles are built files besides app.wasm that the site needs
// (e.g. bundled JavaScript libraries), copied from ../dist when present.
var extraDistFiles []string

// poll waits until the JavaScript expression is true.
func (b *browser) poll(js string) error {
	// Evaluate in a loop rather than chromedp.Poll, which can wait forever
	// when the page was reloaded shortly before.
	deadline := time.Now().Add(90 * time.Second)
	var last error
	for time.Now().Before(deadline) {
		ctx, cancel := context.WithTimeout(b.ctx, 5*time.Second)
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](js))
		cancel()
		if err == nil && ok {
			return nil
		}
		if b.ctx.Err() != nil {
			return b.ctx.Err()
		}
		last = err
		time.Sleep(50 * time.Millisecond)
	}
	if last != nil {
		return fmt.Errorf("timeout (last error: %w)", last)
	}
	return errors.New("timeout")
}

// text returns the text of the first element matching a CSS selector.
func (b *browser) text(sel string) string {
	s, err := chromedp.Run(b.ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		b.t.Fatalf("text of %s: %v", sel, err)
	}
	return s
}

// do runs actions and fails the test on error.
func (b *browser) do(actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, actions...); err != nil {
		b.t.Fatal(err)
	}
}

// reload reloads the page and waits until the new document has loaded
// (chromedp's Reload can return before the old document is gone, and a
// poll started in the old document never returns).
func (b *browser) reload() {
	b.t.Helper()
	b.do(chromedp.Evaluate[chromedp.Void](`window.__before_reload = true`))
	b.do(chromedp.Reload())
	for range 100 {
		ctx, cancel := context.WithTimeout(b.ctx, 2*time.Second)
		v, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(window.__before_reload ? 'old ' : '') + document.readyState`))
		cancel()
		if err == nil && v == "complete" {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	b.t.Fatal("the reloaded page does not answer")
}

// body returns the start of the page text, for failure messages.
func (b *browser) body() string {
	s, _ := chromedp.Run(b.ctx, chromedp.Evaluate[string](`document.body.innerText.slice(0, 800)`))
	return s
}

// open loads the site and waits until the sample's 2023 ranking is shown.
func (b *browser) open() {
	b.t.Helper()
	b.do(chromedp.Navigate(b.url + "/"))
	if err := b.poll(`document.querySelectorAll('#ranking tbody tr').length === 31`); err != nil {
		b.t.Fatalf("the sample ranking did not render: %v; page: %q", err, b.body())
	}
}

// check fails the test if a request left the local server, the page threw
// or the page violated the Content-Security-Policy.
func (b *browser) check() {
	b.t.Helper()
	if v, err := chromedp.Run(b.ctx, chromedp.Evaluate[[]string](`window.__csp || []`)); err == nil && len(v) > 0 {
		b.t.Errorf("Content-Security-Policy violations: %v", v)
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if len(b.foreign) > 0 {
		b.t.Errorf("requests left the local server: %v", b.foreign)
	}
	if len(b.exceptions) > 0 {
		b.t.Errorf("uncaught exceptions: %v", b.exceptions)
	}
}

// TestE2E drives the built site in headless Chromium: the sample is scored
// in the browser (in the engine's Web Worker), the language switches, a
// user file is loaded, the session survives a reload and clearing removes
// it, and no request leaves the local server.
func TestE2E(t *testing.T) {
	b := newBrowser(t)
	ctx := b.ctx
	poll, text := b.poll, b.text
	// The bundled sample is scored in the browser; 2023 is shown first.
	b.open()
	if first := text(`#ranking tbody tr:first-child td:nth-child(2)`); first != "广东" {
		t.Errorf("2023 ranking starts with %q, want 广东", first)
	}
	// The engine ran in the Web Worker, not in the page.
	if err := poll(`performance.getEntriesByType('resource').some(e => e.name.endsWith('/web/worker.js'))`); err != nil {
		t.Errorf("the engine worker was not started: %v", err)
	}

	// Language switch.
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.ID("lang"))); err != nil {
		t.Fatal(err)
	}
	if err := poll(`document.querySelector('h1').innerText === 'NQP Index calculator'`); err != nil {
		t.Errorf("language switch: h1 = %q", text("h1"))
	}

	// A user file, scored with the flat framework.
	csvPath := filepath.Join(t.TempDir(), "mine.csv")
	os.WriteFile(csvPath, []byte("地区,年份,专利,研发\n北京,2023,10,5\n上海,2023,8,9\n广东,2023,12,3\n"), 0o644)
	if err := chromedp.Do(ctx, chromedp.SetUploadFiles(chromedp.ID("file"), []string{csvPath})); err != nil {
		t.Fatal(err)
	}
	if err := poll(`(document.getElementById('summary')||{innerText:''}).innerText.includes('mine.csv')`); err != nil {
		body, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body.innerText.slice(0, 800)`))
		t.Fatalf("upload did not render: %v; page: %q", err, body)
	}
	if s := text("#summary"); !strings.Contains(s, "3 units") {
		t.Errorf("summary after upload: %q", s)
	}

	// The session survives a reload.
	if err := chromedp.Do(ctx, chromedp.Reload()); err != nil {
		t.Fatal(err)
	}
	if err := poll(`(document.getElementById('summary')||{innerText:''}).innerText.includes('mine.csv')`); err != nil {
		t.Errorf("after a reload the session was not restored: %v", err)
	}

	// Clearing removes everything stored locally.
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.ID("clear"))); err != nil {
		t.Fatal(err)
	}
	if err := poll(`localStorage.length === 0`); err != nil {
		t.Errorf("localStorage not cleared: %v", err)
	}
	b.check()
}
