package main

import (
	"context"
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
	cdpruntime "github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// TestE2E drives the built site in headless Chromium: the sample is scored
// in the browser, the language switches, a user file is loaded, the session
// survives a reload, and no request leaves the local server. It needs
// dist/web/app.wasm (make wasm) and chromium; `make test` provides both and
// sets NQP_E2E=1, which turns a missing prerequisite into a failure.
func TestE2E(t *testing.T) {
	if os.Getenv("NQP_E2E") != "1" {
		t.Skip("the browser test runs on its own in `make test` (make test-e2e), with NQP_E2E=1")
	}
	chrome, err := exec.LookPath("chromium")
	if _, werr := os.Stat("../dist/web/app.wasm"); err != nil || werr != nil {
		t.Fatalf("end-to-end prerequisites missing: chromium %v, app.wasm %v", err, werr)
	}
	dist := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dist, "web"), 0o755); err != nil {
		t.Fatal(err)
	}
	wasm, _ := os.ReadFile("../dist/web/app.wasm")
	if err := os.WriteFile(filepath.Join(dist, "web", "app.wasm"), wasm, 0o644); err != nil {
		t.Fatal(err)
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
	defer srv.Close()
	host := strings.TrimPrefix(srv.URL, "http://")

	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chrome), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
	}
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 300*time.Second)
	defer cancel()

	// Start the browser before subscribing to its events.
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var foreign, exceptions []string
	go func() {
		for ev, err := range chromedp.Events(ctx, network.RequestWillBeSent) {
			if err != nil {
				return
			}
			u, perr := url.Parse(ev.Request.URL)
			if perr == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != host {
				mu.Lock()
				foreign = append(foreign, ev.Request.URL)
				mu.Unlock()
			}
		}
	}()
	go func() {
		for ev, err := range chromedp.Events(ctx, cdpruntime.ExceptionThrown) {
			if err != nil {
				return
			}
			mu.Lock()
			exceptions = append(exceptions, ev.ExceptionDetails.Text)
			mu.Unlock()
		}
	}()
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	poll := func(js string) error {
		_, err := chromedp.Run(ctx, chromedp.Poll[bool](js, chromedp.WithPollingTimeout(90*time.Second)))
		return err
	}
	text := func(sel string) string {
		s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("text of %s: %v", sel, err)
		}
		return s
	}

	// The bundled sample is scored in the browser; 2023 is shown first.
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/")); err != nil {
		t.Fatal(err)
	}
	if err := poll(`document.querySelectorAll('#ranking tbody tr').length === 31`); err != nil {
		t.Fatalf("the sample ranking did not render: %v", err)
	}
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
	mu.Lock()
	defer mu.Unlock()
	if len(foreign) > 0 {
		t.Errorf("requests left the local server: %v", foreign)
	}
	if len(exceptions) > 0 {
		t.Errorf("uncaught exceptions: %v", exceptions)
	}
}
