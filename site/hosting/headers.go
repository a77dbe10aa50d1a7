// Package hosting is the single source of truth for how the static site is
// served: the HTTP response headers of every deployment (Netlify's
// netlify.toml, the Cloudflare Worker's _headers and its Go API, the local
// server) and the redirect rules. Tests check that netlify.toml says the
// same as this table.
package hosting

import (
	"fmt"
	"net/http"
	"strings"
)

// CSP is the Content-Security-Policy of every response. 'wasm-unsafe-eval'
// lets the page compile app.wasm; nothing may be fetched from, framed by or
// posted to another origin.
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
	"img-src 'self' data: blob:; connect-src 'self'; worker-src 'self'; manifest-src 'self'; " +
	"frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'"

// Revalidate is the caching of every unhashed file: the browser may keep a
// copy but must ask the server before using it, so that the service worker
// never precaches a stale mix of two versions.
const Revalidate = "public, max-age=0, must-revalidate"

// Header is one response header.
type Header struct{ Name, Value string }

// Rule sets headers on the paths that match For: an exact path, or a
// prefix followed by "*" (which matches anything after it). This is the
// subset of path patterns that Netlify and Cloudflare interpret alike.
type Rule struct {
	For     string
	Headers []Header
}

// Rules are the response headers of every deployment. No header name is
// set by two rules that can match the same path: Netlify lets the later
// rule win while Cloudflare joins both values, so overlapping rules would
// behave differently on the two hosts (TestRulesDoNotOverlap).
var Rules = []Rule{
	{"/*", []Header{
		{"Content-Security-Policy", CSP},
		{"X-Content-Type-Options", "nosniff"},
		{"Referrer-Policy", "no-referrer"},
		{"X-Frame-Options", "DENY"},
		{"Cross-Origin-Opener-Policy", "same-origin"},
		{"Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()"},
	}},
	// The service worker itself is never taken from the HTTP cache.
	{"/app-worker.js", []Header{{"Cache-Control", "no-cache"}}},
	// Unhashed files: revalidate on every use.
	{"/", []Header{{"Cache-Control", Revalidate}}},
	{"/index.html", []Header{{"Cache-Control", Revalidate}}},
	{"/404.html", []Header{{"Cache-Control", Revalidate}}},
	{"/app.js", []Header{{"Cache-Control", Revalidate}}},
	{"/app.css", []Header{{"Cache-Control", Revalidate}}},
	{"/wasm_exec.js", []Header{{"Cache-Control", Revalidate}}},
	{"/manifest.webmanifest", []Header{{"Cache-Control", Revalidate}, {"Content-Type", "application/manifest+json"}}},
	{"/web/*", []Header{{"Cache-Control", Revalidate}}},
	{"/docs/*", []Header{{"Cache-Control", Revalidate}}},
	// A wrong type is fatal: instantiateStreaming refuses anything else.
	{"/web/app.wasm", []Header{{"Content-Type", "application/wasm"}}},
	// The JSON API of the Worker (answers are never cached).
	{"/api/*", []Header{{"Cache-Control", "no-store"}}},
}

// Redirect is a rule applied when no file answers a path.
type Redirect struct {
	From, To string
	Status   int
}

// Redirects: a missing asset is a 404 (never the app's HTML, which the
// service worker would otherwise precache as, say, a script); any other
// missing path is a client route of the single-page app.
var Redirects = []Redirect{
	{"/web/*", "/404.html", 404},
	{"/docs/*", "/404.html", 404},
	{"/*", "/index.html", 200},
}

// Match reports whether a path pattern (exact, or a prefix ending in "*")
// matches a request path.
func Match(pattern, p string) bool {
	if strings.HasSuffix(pattern, "*") {
		return strings.HasPrefix(p, strings.TrimSuffix(pattern, "*"))
	}
	return pattern == p
}

// For returns the headers for a request path under rules, later rules
// overriding earlier ones for the same name (as Netlify does).
func For(rules []Rule, p string) http.Header {
	h := http.Header{}
	for _, r := range rules {
		if Match(r.For, p) {
			for _, x := range r.Headers {
				h.Set(x.Name, x.Value)
			}
		}
	}
	return h
}

// Apply sets the headers for path p on w.
func Apply(w http.Header, rules []Rule, p string) {
	for k, v := range For(rules, p) {
		w[k] = v
	}
}

// NetlifyTOML renders the headers and redirects in netlify.toml syntax
// (without the [build] table).
func NetlifyTOML() string {
	var b strings.Builder
	for _, r := range Rules {
		fmt.Fprintf(&b, "[[headers]]\n  for = %q\n  [headers.values]\n", r.For)
		for _, h := range r.Headers {
			fmt.Fprintf(&b, "    %s = %q\n", h.Name, h.Value)
		}
		b.WriteString("\n")
	}
	for _, r := range Redirects {
		fmt.Fprintf(&b, "[[redirects]]\n  from = %q\n  to = %q\n  status = %d\n\n", r.From, r.To, r.Status)
	}
	return b.String()
}

// CloudflareHeaders renders Rules as a _headers file for Workers Static
// Assets.
func CloudflareHeaders() string {
	var b strings.Builder
	b.WriteString("# Generated from site/hosting/headers.go; do not edit.\n")
	for _, r := range Rules {
		b.WriteString(r.For + "\n")
		for _, h := range r.Headers {
			fmt.Fprintf(&b, "  %s: %s\n", h.Name, h.Value)
		}
	}
	return b.String()
}
