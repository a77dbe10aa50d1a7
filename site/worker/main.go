// Command worker is the Cloudflare Worker: Workers Static Assets serve the
// site (a copy of dist/ with a _headers file generated from site/hosting),
// and this Go program, compiled to WebAssembly (GOOS=js GOARCH=wasm,
// syumai/workers), answers /api/v1/* with the same engine as the CLI
// (package site/api) and every request that matches no asset: client
// routes get the app's page, missing assets a plain 404 (never HTML).
// Every request runs in a Go instance of its own, so entry.mjs, the JS
// entry around the generated build/worker.mjs, bounds the API requests in
// flight (429 beyond api.MaxInFlight) and answers GET /api/v1/ and
// /api/v1/templates from build/entry.json (written by ./entrygen).
//
//	make worker                       # build/ and public/ for wrangler
//	cd site/worker && npx wrangler dev --ip 127.0.0.1
//	cd site/worker && npx wrangler deploy
package main

import (
	"io"
	"net/http"
	"strings"

	"github.com/syumai/workers"

	"github.com/nqp-index/nqp/site/api"
	"github.com/nqp-index/nqp/site/hosting"
)

func main() {
	api.DrainBody = 256 << 20 // see api.DrainBody
	workers.Serve(handler(assetFetcher()))
}

// fetcher reads a file of the static assets by URL path.
type fetcher func(path string) (status int, body []byte, err error)

func handler(assets fetcher) http.Handler {
	apiHandler := api.Handler()
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/api/") {
			apiHandler.ServeHTTP(w, r)
			return
		}
		notFound(w, r, assets)
	})
}

// notFound answers a request that matched no asset, following
// hosting.Redirects: a navigation to a client route gets the app's page
// (200); a missing asset, or any request that is not a navigation, gets
// 404 (the 404 page for navigations, plain text otherwise).
func notFound(w http.ResponseWriter, r *http.Request, assets fetcher) {
	h := w.Header()
	hosting.Apply(h, hosting.Rules, r.URL.Path)
	navigation := (r.Method == http.MethodGet || r.Method == http.MethodHead) &&
		(r.Header.Get("Sec-Fetch-Mode") == "navigate" ||
			(r.Header.Get("Sec-Fetch-Mode") == "" && strings.Contains(r.Header.Get("Accept"), "text/html")))
	for _, rd := range hosting.Redirects {
		if !hosting.Match(rd.From, r.URL.Path) {
			continue
		}
		if !navigation {
			break
		}
		target := strings.TrimSuffix(strings.TrimSuffix(rd.To, ".html"), "index") // the assets' canonical URLs
		if target == "" {
			target = "/"
		}
		status, body, err := assets(target)
		if err != nil || status != http.StatusOK {
			break
		}
		h.Set("Content-Type", "text/html; charset=utf-8")
		if rd.Status == http.StatusOK {
			h.Set("Cache-Control", hosting.Revalidate)
		}
		w.WriteHeader(rd.Status)
		if r.Method != http.MethodHead {
			w.Write(body)
		}
		return
	}
	h.Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(http.StatusNotFound)
	io.WriteString(w, "404 not found\n")
}
