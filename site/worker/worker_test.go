//go:build !js

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"mime/multipart"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/nqp-index/nqp/scoring/sample"
	"github.com/nqp-index/nqp/site/hosting"
)

// TestWorker starts the built Worker (make worker) once in wrangler's
// bundled workerd on 127.0.0.1 and checks pages, headers, MIME types, the
// SPA fallback, missing assets and the API's answers against the CLI's.
// It runs with NQP_WORKER=1 (make test-worker).
func TestWorker(t *testing.T) {
	if os.Getenv("NQP_WORKER") != "1" {
		t.Skip("run by make test-worker (NQP_WORKER=1) after make worker")
	}
	for _, f := range []string{"entry.mjs", "build/worker.mjs", "build/entry.json", "build/app.wasm", "public/index.html", "public/_headers", "node_modules/.bin/wrangler"} {
		if _, err := os.Stat(f); err != nil {
			t.Fatalf("%s is missing: run make worker", f)
		}
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "node_modules/.bin/wrangler", "dev", "--ip", "127.0.0.1", "--port", fmt.Sprint(port),
		"--inspector-port", "0", "--show-interactive-dev-session=false", "--log-level", "warn")
	cmd.Env = append(os.Environ(), "WRANGLER_SEND_METRICS=false", "CLOUDFLARE_CF_FETCH_ENABLED=false", "WRANGLER_HIDE_BANNER=true", "CI=true",
		"XDG_CONFIG_HOME="+t.TempDir())
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	var logs bytes.Buffer
	cmd.Stdout, cmd.Stderr = &logs, &logs
	start := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		syscall.Kill(-cmd.Process.Pid, syscall.SIGTERM) // wrangler and its workerd
		done := make(chan struct{})
		go func() { cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		}
		if t.Failed() {
			t.Logf("wrangler output:\n%s", logs.String())
		}
	}()
	base := fmt.Sprintf("http://127.0.0.1:%d", port)
	client := &http.Client{Timeout: 60 * time.Second, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	for {
		res, err := client.Get(base + "/")
		if err == nil {
			res.Body.Close()
			if res.StatusCode == 200 {
				break
			}
		}
		if time.Since(start) > 2*time.Minute {
			t.Fatalf("wrangler dev did not answer within 2 minutes: %v", err)
		}
		time.Sleep(200 * time.Millisecond)
	}
	t.Logf("wrangler dev ready after %v", time.Since(start).Round(time.Millisecond))
	workerLimits(t, base) // limits_test.go

	get := func(path string, hdr map[string]string) (*http.Response, []byte) {
		t.Helper()
		req, _ := http.NewRequest("GET", base+path, nil)
		for k, v := range hdr {
			req.Header.Set(k, v)
		}
		res, err := client.Do(req)
		if err != nil {
			t.Fatalf("GET %s: %v", path, err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res, b
	}
	nav := map[string]string{"Sec-Fetch-Mode": "navigate", "Accept": "text/html"}
	for _, c := range []struct {
		path   string
		hdr    map[string]string
		status int
		ctype  string
		cache  string
		body   string
	}{
		{"/", nil, 200, "text/html", hosting.Revalidate, "<html"},
		{"/web/app.wasm", nil, 200, "application/wasm", hosting.Revalidate, "\x00asm"},
		{"/app-worker.js", nil, 200, "javascript", "no-cache", "cacheName"},
		{"/manifest.webmanifest", nil, 200, "application/manifest+json", hosting.Revalidate, "NQP"},
		{"/app.js", nil, 200, "javascript", hosting.Revalidate, ""},
		{"/docs/zh/privacy/", nil, 200, "text/html", hosting.Revalidate, "不会离开你的设备"},
		{"/docs/en/methods/weights/", nil, 200, "text/html", hosting.Revalidate, "<math"},
		{"/some/client/route", nav, 200, "text/html", "", "app.js"},
		{"/web/missing.wasm", map[string]string{"Sec-Fetch-Mode": "cors", "Accept": "*/*"}, 404, "text/plain", "", "404"},
		{"/web/missing.js", nav, 404, "text/html", "", "404"},
		{"/missing.js", map[string]string{"Sec-Fetch-Mode": "no-cors", "Accept": "*/*"}, 404, "text/plain", "", "404"},
		{"/api/v1/", nil, 200, "application/json", "no-store", `"nqp/v1"`},
		{"/api/v1/nope", nil, 404, "application/json", "no-store", `"not-found"`},
	} {
		res, b := get(c.path, c.hdr)
		h := res.Header
		if res.StatusCode != c.status || !strings.Contains(h.Get("Content-Type"), c.ctype) || (c.cache != "" && h.Get("Cache-Control") != c.cache) || !bytes.Contains(b, []byte(c.body)) {
			t.Errorf("%s: %d %q cache %q, body %q", c.path, res.StatusCode, h.Get("Content-Type"), h.Get("Cache-Control"), b[:min(80, len(b))])
		}
		if c.status == 404 && bytes.Contains(b, []byte("<html")) && c.hdr["Sec-Fetch-Mode"] != "navigate" {
			t.Errorf("%s: a missing asset answered with HTML", c.path)
		}
		for _, k := range []string{"Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options"} {
			if want := hosting.For(hosting.Rules, "/x").Get(k); h.Get(k) != want {
				t.Errorf("%s: %s = %q, want %q", c.path, k, h.Get(k), want)
			}
		}
	}

	// The API against the CLI.
	dir := t.TempDir()
	data := filepath.Join(dir, sample.TechmePanelName)
	os.WriteFile(data, sample.TechmePanelCSV(), 0o644)
	out := filepath.Join(dir, "x.json")
	if b, err := exec.Command("go", "run", "../../cmd/nqp", "score", data, "-template", "drivers", "-o", out).CombinedOutput(); err != nil {
		t.Fatalf("nqp score: %v\n%s", err, b)
	}
	want, _ := os.ReadFile(out)
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	w, _ := mw.CreateFormFile("data", sample.TechmePanelName)
	w.Write(sample.TechmePanelCSV())
	mw.WriteField("template", "drivers")
	mw.Close()
	workerBusy(t, base, body.Bytes(), mw.FormDataContentType()) // limits_test.go
	t0 := time.Now()
	res, err := client.Post(base+"/api/v1/score", mw.FormDataContentType(), &body)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(res.Body)
	res.Body.Close()
	t.Logf("POST /api/v1/score: %d, %d bytes in %v", res.StatusCode, len(got), time.Since(t0).Round(time.Millisecond))
	if res.StatusCode != 200 || !bytes.Equal(got, want) {
		t.Errorf("score: %d, %d bytes; the CLI wrote %d bytes; differ: %q", res.StatusCode, len(got), len(want), got[:min(200, len(got))])
	}
	if res.Header.Get("Content-Security-Policy") != hosting.CSP {
		t.Errorf("the API's answer lacks the CSP")
	}
	wantV, err := exec.Command("go", "run", "../../cmd/nqp", "inspect", data, "-json").Output()
	if err != nil {
		t.Fatal(err)
	}
	body.Reset()
	mw = multipart.NewWriter(&body)
	w, _ = mw.CreateFormFile("data", sample.TechmePanelName)
	w.Write(sample.TechmePanelCSV())
	mw.Close()
	res, err = client.Post(base+"/api/v1/validate", mw.FormDataContentType(), &body)
	if err != nil {
		t.Fatal(err)
	}
	gotV, _ := io.ReadAll(res.Body)
	res.Body.Close()
	// Equal up to the last bits of floating point: the Worker's wasm math
	// (pure Go) and the native CLI's (assembly on amd64) may differ there.
	if res.StatusCode != 200 || !sameJSON(gotV, wantV) {
		os.WriteFile("/tmp/worker_validate.json", gotV, 0o644)
		os.WriteFile("/tmp/cli_inspect.json", wantV, 0o644)
		t.Errorf("validate: %d differs from nqp inspect -json (/tmp/worker_validate.json, /tmp/cli_inspect.json)", res.StatusCode)
	}
	res2, b := get("/api/v1/templates", nil)
	var tl struct{ Templates []json.RawMessage }
	if res2.StatusCode != 200 || json.Unmarshal(b, &tl) != nil || len(tl.Templates) < 3 {
		t.Errorf("templates: %d %q", res2.StatusCode, b[:min(200, len(b))])
	}
	t.Logf("whole Worker check: %v", time.Since(start).Round(time.Millisecond))
}

// sameJSON compares two JSON documents, numbers to a relative 1e-12.
func sameJSON(a, b []byte) bool {
	var x, y any
	if json.Unmarshal(a, &x) != nil || json.Unmarshal(b, &y) != nil {
		return false
	}
	return near(x, y)
}

func near(x, y any) bool {
	switch x := x.(type) {
	case float64:
		y, ok := y.(float64)
		return ok && math.Abs(x-y) <= 1e-12*math.Max(1, math.Max(math.Abs(x), math.Abs(y)))
	case []any:
		y, ok := y.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !near(x[i], y[i]) {
				return false
			}
		}
		return true
	case map[string]any:
		y, ok := y.(map[string]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for k := range x {
			if !near(x[k], y[k]) {
				return false
			}
		}
		return true
	}
	return x == y
}
