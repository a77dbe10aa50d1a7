package main

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/nqp-index/nqp/site/hosting"
)

// inRepo runs fn with the repository root as the working directory
// (generate reads site/web and docs/).
func inRepo(t *testing.T, fn func()) {
	t.Helper()
	wd, _ := os.Getwd()
	if err := os.Chdir(".."); err != nil {
		t.Fatal(err)
	}
	defer os.Chdir(wd)
	fn()
}

// fakeDist prepares a dist directory with a stand-in app.wasm and stand-in
// bundled libraries, enough for generate.
func fakeDist(t *testing.T) string {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "web"), 0o755)
	os.WriteFile(filepath.Join(dir, "web", "app.wasm"), []byte("\x00asm\x01\x00\x00\x00"), 0o644)
	os.WriteFile(filepath.Join(dir, "web", "engine.wasm"), []byte("\x00asm\x01\x00\x00\x00"), 0o644)
	for _, lib := range bundledLibs {
		os.WriteFile(filepath.Join(dir, "web", lib), []byte("/* "+lib+" */"), 0o644)
	}
	return dir
}

// tree reads every file under dir.
func tree(t *testing.T, dir string) map[string][]byte {
	out := map[string][]byte{}
	filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err == nil && !fi.IsDir() {
			b, _ := os.ReadFile(p)
			rel, _ := filepath.Rel(dir, p)
			out[filepath.ToSlash(rel)] = b
		}
		return err
	})
	return out
}

// TestDeterministicSite: generating twice gives byte-identical trees, and
// the version is a content hash (not the clock) that changes with content.
func TestDeterministicSite(t *testing.T) {
	a, b := fakeDist(t), fakeDist(t)
	inRepo(t, func() {
		if err := generate(a); err != nil {
			t.Fatal(err)
		}
		if err := generate(b); err != nil {
			t.Fatal(err)
		}
	})
	ta, tb := tree(t, a), tree(t, b)
	if len(ta) != len(tb) {
		t.Fatalf("%d files, then %d", len(ta), len(tb))
	}
	for name, x := range ta {
		if !bytes.Equal(x, tb[name]) {
			t.Errorf("%s differs between two builds", name)
		}
	}
	// A second generation over the first output is identical too (stale
	// precompressed files are removed, the version ignores them).
	os.WriteFile(filepath.Join(a, "web", "app.wasm.br"), []byte("stale"), 0o644)
	inRepo(t, func() {
		if err := generate(a); err != nil {
			t.Fatal(err)
		}
	})
	for name, x := range tree(t, a) {
		if !bytes.Equal(x, tb[name]) {
			t.Errorf("regenerating in place: %s differs", name)
		}
	}
	// Different content, different version.
	c := fakeDist(t)
	os.WriteFile(filepath.Join(c, "web", "app.wasm"), []byte("\x00asm\x01\x00\x00\x00\x00"), 0o644)
	inRepo(t, func() {
		if err := generate(c); err != nil {
			t.Fatal(err)
		}
	})
	if bytes.Equal(tree(t, c)["app-worker.js"], ta["app-worker.js"]) {
		t.Error("the service worker (and its cache name) did not change with app.wasm")
	}
}

// precacheURLs lists the service worker's precache.
func precacheURLs(t *testing.T, dist string) []string {
	b, err := os.ReadFile(filepath.Join(dist, "app-worker.js"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?s)const resourcesToCache = \[(.*?)\]`).FindSubmatch(b)
	if m == nil {
		t.Fatal("no precache list in app-worker.js")
	}
	var out []string
	for _, q := range regexp.MustCompile(`"([^"]*)"`).FindAllSubmatch(m[1], -1) {
		out = append(out, string(q[1]))
	}
	return out
}

// TestSiteNetlify serves the built dist/ with the headers and redirects
// parsed from netlify.toml (as Netlify applies them) and checks what a
// browser gets: every precached URL is a real file with the right type and
// headers, the service worker is never cached, client routes get the app
// and missing assets a 404 that is never the app's HTML.
func TestSiteNetlify(t *testing.T) {
	dist := builtDist(t)
	b, err := os.ReadFile("../netlify.toml")
	if err != nil {
		t.Fatal(err)
	}
	_, rules, redirects, err := hosting.ParseNetlify(b)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(hosting.Server(dist, rules, redirects))
	defer srv.Close()
	get := func(path string) (*http.Response, []byte) {
		res, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res, b
	}
	urls := precacheURLs(t, dist)
	if len(urls) < 20 {
		t.Errorf("only %d URLs precached: %v", len(urls), urls)
	}
	for _, u := range urls {
		if !strings.HasPrefix(u, "/") || strings.HasPrefix(u, "//") {
			t.Errorf("precached URL %q is not on this site", u)
			continue
		}
		if _, ok := fileFor(dist, u); !ok {
			t.Errorf("precached %s is not a file in dist/ (offline would silently break)", u)
		}
		res, _ := get(u)
		h := res.Header
		if res.StatusCode != 200 || h.Get("Content-Security-Policy") != hosting.CSP || h.Get("X-Content-Type-Options") != "nosniff" || h.Get("Referrer-Policy") != "no-referrer" {
			t.Errorf("%s: %d, headers %v", u, res.StatusCode, h)
		}
		if cc := h.Get("Cache-Control"); cc != hosting.Revalidate {
			t.Errorf("%s: Cache-Control %q (unhashed files must revalidate)", u, cc)
		}
	}
	for _, c := range []struct{ path, header, want string }{
		{"/web/app.wasm", "Content-Type", "application/wasm"},
		{"/app-worker.js", "Cache-Control", "no-cache"},
		{"/manifest.webmanifest", "Content-Type", "application/manifest+json"},
		{"/docs/zh/", "Content-Type", "text/html; charset=utf-8"},
	} {
		if res, _ := get(c.path); res.StatusCode != 200 || res.Header.Get(c.header) != c.want {
			t.Errorf("%s: %d, %s = %q, want %q", c.path, res.StatusCode, c.header, res.Header.Get(c.header), c.want)
		}
	}
	index, _ := os.ReadFile(filepath.Join(dist, "index.html"))
	if res, body := get("/results/2023"); res.StatusCode != 200 || !bytes.Equal(body, index) {
		t.Errorf("a client route: %d, not the app", res.StatusCode)
	}
	for _, p := range []string{"/web/missing.js", "/web/app.wasm.map", "/docs/en/nope/"} {
		if res, body := get(p); res.StatusCode != 404 || bytes.Equal(body, index) {
			t.Errorf("%s: %d (a missing asset must be a 404, never the app)", p, res.StatusCode)
		}
	}
}

// fileFor maps a URL to a file of dist.
func fileFor(dist, u string) (string, bool) {
	p := filepath.Join(dist, filepath.FromSlash(u))
	if strings.HasSuffix(u, "/") {
		p = filepath.Join(p, "index.html")
	}
	fi, err := os.Stat(p)
	return p, err == nil && fi.Mode().IsRegular()
}

// builtDist is ../dist after make site (NQP_SITE=1, make test-site).
func builtDist(t *testing.T) string {
	if os.Getenv("NQP_SITE") != "1" {
		t.Skip("checks the built dist/: run by make test-site (NQP_SITE=1)")
	}
	if _, err := os.Stat("../dist/app-worker.js"); err != nil {
		t.Fatal("dist/ is not built: make site")
	}
	return "../dist"
}

// TestSiteBudget: the first load (the page, its scripts and styles and the
// UI wasm) must stay under the budget in brotli, and every file over 1 KiB
// has its .br and .gz beside it.
func TestSiteBudget(t *testing.T) {
	dist := builtDist(t)
	budget := int64(3_000_000)
	if s := os.Getenv("NQP_SIZE_BUDGET"); s != "" {
		budget, _ = strconv.ParseInt(s, 10, 64)
	}
	first := []string{"index.html", "wasm_exec.js", "app.js", "app.css", "manifest.webmanifest", "web/app.css", "web/print.css", "web/app.wasm"}
	var raw, gz, br int64
	for _, f := range first {
		p := filepath.Join(dist, f)
		fi, err := os.Stat(p)
		if err != nil {
			continue // an optional stylesheet
		}
		size := func(ext string) int64 {
			if fi.Size() <= 1024 {
				return fi.Size()
			}
			x, err := os.Stat(p + ext)
			if err != nil {
				t.Fatalf("%s%s is missing (make site precompresses)", f, ext)
			}
			return x.Size()
		}
		raw += fi.Size()
		gz += size(".gz")
		br += size(".br")
		t.Logf("%-22s raw %10d  gz %9d  br %9d", f, fi.Size(), size(".gz"), size(".br"))
	}
	t.Logf("first load: raw %d, gzip %d, brotli %d bytes (budget %d brotli)", raw, gz, br, budget)
	if br > budget {
		t.Errorf("the first load is %d bytes in brotli, over the budget of %d", br, budget)
	}
	filepath.Walk(dist, func(p string, fi os.FileInfo, err error) error {
		if err != nil || fi.IsDir() || fi.Size() <= 1024 || precompressed(p) || strings.HasSuffix(p, ".png") {
			return err
		}
		for _, ext := range []string{".br", ".gz"} {
			if _, err := os.Stat(p + ext); err != nil {
				t.Errorf("%s has no %s", p, ext)
			}
		}
		return nil
	})
}
