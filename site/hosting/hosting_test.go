package hosting

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestNetlifyTOMLMatchesTable parses netlify.toml and checks that its
// headers and redirects are exactly Rules and Redirects.
func TestNetlifyTOMLMatchesTable(t *testing.T) {
	b, err := os.ReadFile("../../netlify.toml")
	if err != nil {
		t.Fatal(err)
	}
	n, rules, rds, err := ParseNetlify(b)
	if err != nil {
		t.Fatal(err)
	}
	if n.Build.Publish != "dist" || !strings.Contains(n.Build.Command, "make site") {
		t.Errorf("build: command %q, publish %q", n.Build.Command, n.Build.Publish)
	}
	if !reflect.DeepEqual(rules, Rules) || !reflect.DeepEqual(rds, Redirects) {
		t.Errorf("netlify.toml differs from site/hosting/headers.go; its [[headers]] and [[redirects]] should read:\n%s", NetlifyTOML())
	}
	// The required policy.
	csp := For(rules, "/").Get("Content-Security-Policy")
	for _, want := range []string{"default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "connect-src 'self'", "frame-ancestors 'none'", "object-src 'none'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("CSP lacks %q: %s", want, csp)
		}
	}
}

// TestRulesDoNotOverlap: no path gets the same header from two rules, so
// Netlify (later wins) and Cloudflare (values joined) agree.
func TestRulesDoNotOverlap(t *testing.T) {
	paths := []string{"/", "/index.html", "/app.js", "/app-worker.js", "/web/app.wasm", "/web/app.css", "/docs/", "/docs/zh/start/",
		"/manifest.webmanifest", "/wasm_exec.js", "/api/v1/score", "/some/route", "/404.html"}
	for _, p := range paths {
		seen := map[string]string{}
		for _, r := range Rules {
			if !Match(r.For, p) {
				continue
			}
			for _, h := range r.Headers {
				if prev, ok := seen[h.Name]; ok {
					t.Errorf("%s: %s set by both %s and %s", p, h.Name, prev, r.For)
				}
				seen[h.Name] = r.For
			}
		}
	}
	// Patterns are exact or end in one "*": what both hosts understand.
	for _, r := range append(Rules, Rule{For: Redirects[0].From}) {
		if strings.Count(r.For, "*") > 1 || (strings.Contains(r.For, "*") && !strings.HasSuffix(r.For, "*")) || strings.Contains(r.For, ":") {
			t.Errorf("pattern %q is not portable", r.For)
		}
	}
}

func TestCloudflareHeaders(t *testing.T) {
	s := CloudflareHeaders()
	if !strings.Contains(s, "/web/app.wasm\n  Content-Type: application/wasm\n") || !strings.Contains(s, "/*\n  Content-Security-Policy: default-src 'self';") {
		t.Errorf("_headers:\n%s", s)
	}
	for _, line := range strings.Split(s, "\n") {
		if len(line) > 2000 {
			t.Errorf("a _headers line exceeds Cloudflare's 2000 characters")
		}
	}
}

// TestServer checks the static server's files, fallbacks and encodings.
func TestServer(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "web"), 0o755)
	os.MkdirAll(filepath.Join(dir, "docs", "zh"), 0o755)
	os.WriteFile(filepath.Join(dir, "index.html"), []byte("<html>app</html>"), 0o644)
	os.WriteFile(filepath.Join(dir, "404.html"), []byte("<html>404</html>"), 0o644)
	os.WriteFile(filepath.Join(dir, "web", "app.wasm"), []byte("\x00asm"), 0o644)
	os.WriteFile(filepath.Join(dir, "web", "app.wasm.br"), []byte("BR"), 0o644)
	os.WriteFile(filepath.Join(dir, "docs", "zh", "index.html"), []byte("<html>文档</html>"), 0o644)
	srv := httptest.NewServer(Server(dir, Rules, Redirects))
	defer srv.Close()
	get := func(p, ae string) (*http.Response, string) {
		req, _ := http.NewRequest("GET", srv.URL+p, nil)
		req.Header.Set("Accept-Encoding", ae)
		res, err := http.DefaultTransport.RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		var b strings.Builder
		buf := make([]byte, 4096)
		for {
			n, err := res.Body.Read(buf)
			b.Write(buf[:n])
			if err != nil {
				break
			}
		}
		return res, b.String()
	}
	cases := []struct {
		path, ae      string
		status        int
		ctype, body   string
		enc, cacheCtl string
	}{
		{"/", "", 200, "text/html; charset=utf-8", "<html>app</html>", "", Revalidate},
		{"/web/app.wasm", "", 200, "application/wasm", "\x00asm", "", Revalidate},
		{"/web/app.wasm", "gzip, br", 200, "application/wasm", "BR", "br", Revalidate},
		{"/web/missing.js", "", 404, "text/html; charset=utf-8", "<html>404</html>", "", Revalidate},
		{"/web/", "", 404, "text/html; charset=utf-8", "<html>404</html>", "", Revalidate},
		{"/docs/zh/", "", 200, "text/html; charset=utf-8", "<html>文档</html>", "", Revalidate},
		{"/docs/nope/", "", 404, "text/html; charset=utf-8", "<html>404</html>", "", Revalidate},
		{"/results/2023", "", 200, "text/html; charset=utf-8", "<html>app</html>", "", ""},
	}
	for _, c := range cases {
		res, body := get(c.path, c.ae)
		h := res.Header
		if res.StatusCode != c.status || h.Get("Content-Type") != c.ctype || body != c.body || h.Get("Content-Encoding") != c.enc || h.Get("Cache-Control") != c.cacheCtl {
			t.Errorf("%s (%s): %d %q %q enc %q cache %q", c.path, c.ae, res.StatusCode, h.Get("Content-Type"), body, h.Get("Content-Encoding"), h.Get("Cache-Control"))
		}
		if h.Get("Content-Security-Policy") != CSP || h.Get("X-Content-Type-Options") != "nosniff" || h.Get("Referrer-Policy") != "no-referrer" {
			t.Errorf("%s: security headers missing: %v", c.path, h)
		}
	}
}
