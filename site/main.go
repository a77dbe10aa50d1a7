// Command site generates the static NQP workbench into a directory (the
// deployable artefact) and can serve that directory locally.
//
//	go run ./site -out dist              # after building dist/web/app.wasm
//	go run ./site -out dist -serve 127.0.0.1:8080
package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"log"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	nqpapp "github.com/nqp-index/nqp/app"
	"github.com/nqp-index/nqp/site/hosting"
)

// csp is the Content-Security-Policy the site is served with (the one
// table of headers is site/hosting).
const csp = hosting.CSP

func main() {
	out := flag.String("out", "dist", "output directory (must hold web/app.wasm)")
	serve := flag.String("serve", "", "serve the output directory on this address after generating")
	flag.Parse()
	if err := generate(*out); err != nil {
		log.Fatal(err)
	}
	if *cloudflareOut != "" {
		if err := writeCloudflare(*out, *cloudflareOut); err != nil {
			log.Fatal(err)
		}
	}
	if *serve != "" {
		log.Printf("serving %s on http://%s", *out, *serve)
		log.Fatal(http.ListenAndServe(*serve, headers(httpFileServer(*out))))
	}
}

// generate writes the static site into dir.
func generate(dir string) error {
	web := filepath.Join(dir, "web")
	wasm := filepath.Join(web, "app.wasm")
	st, err := os.Stat(wasm)
	if err != nil {
		return fmt.Errorf("%s is missing: build it first with GOOS=js GOARCH=wasm go build -tags nqppage -o %s ./wasm (make wasm)", wasm, wasm)
	}
	if _, err := os.Stat(filepath.Join(web, "engine.wasm")); err != nil {
		return fmt.Errorf("%s is missing: build it first with GOOS=js GOARCH=wasm go build -o %s ./wasm/engine (make wasm)", filepath.Join(web, "engine.wasm"), filepath.Join(web, "engine.wasm"))
	}
	css, err := os.ReadFile(filepath.Join("site", "web", "app.css"))
	if err != nil {
		return err
	}
	svg, err := os.ReadFile(filepath.Join("site", "web", "icon.svg"))
	if err != nil {
		return err
	}
	worker, err := os.ReadFile(filepath.Join("site", "web", "worker.js"))
	if err != nil {
		return err
	}
	files := map[string][]byte{"app.css": css, "icon.svg": svg, "worker.js": worker, "icon-192.png": icon(192), "icon-512.png": icon(512)}
	if b, err := os.ReadFile(filepath.Join("site", "web", "print.css")); err == nil { // the A4 report (app/export_view.go)
		files["print.css"] = b
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(web, name), b, 0o644); err != nil {
			return err
		}
	}
	// Bundled JavaScript libraries, copied into web/ by `make js` (ECharts,
	// loaded by the app on first use). The service worker precaches them, and
	// a missing one would silently leave the offline cache empty.
	for _, lib := range bundledLibs {
		if _, err := os.Stat(filepath.Join(web, lib)); err != nil {
			return fmt.Errorf("%s is missing: run make js (npm ci --prefix site, then copy it from site/node_modules)", filepath.Join(web, lib))
		}
	}
	docURLs, err := writeDocs(dir)
	if err != nil {
		return err
	}
	version, err := siteVersion(dir)
	if err != nil {
		return err
	}
	nqpapp.Routes()
	h := &app.Handler{
		Name:               "新质生产力指数计算器 NQP Index",
		ShortName:          "NQP",
		Title:              "新质生产力指数计算器 · NQP Index",
		Description:        "在浏览器中计算新质生产力综合指数，数据不离开本机。",
		Lang:               "zh-CN",
		Icon:               app.Icon{Default: "/web/icon-192.png", Large: "/web/icon-512.png", SVG: "/web/icon.svg"},
		Image:              "/web/icon-512.png",
		CacheableResources: append(append([]string{"/web/icon.svg", "/web/worker.js", "/web/engine.wasm"}, bundledURLs()...), docURLs...),
		Styles:             []string{"/web/app.css", "/web/print.css"},
		BackgroundColor:    "#ffffff",
		ThemeColor:         "#b3261e",
		LoadingLabel:       "正在加载 {progress}%",
		Version:            version,
		WasmContentLength:  strconv.FormatInt(st.Size(), 10),
	}
	if err := app.GenerateStaticWebsite(dir, h); err != nil {
		return err
	}
	return canonicalHTML(dir) // go-app's attribute order is random
}

// bundledLibs are the JavaScript libraries in web/ that come from npm
// (site/package.json, pinned by site/package-lock.json; see THIRD_PARTY.md).
var bundledLibs = []string{"echarts.min.js"}

func bundledURLs() []string {
	var out []string
	for _, lib := range bundledLibs {
		out = append(out, "/web/"+lib)
	}
	return out
}

// contentVersion hashes every file under web/ so that the service worker
// cache changes exactly when the content does.
func contentVersion(web string) (string, error) {
	var names []string
	err := filepath.Walk(web, func(p string, fi os.FileInfo, err error) error {
		if err == nil && !fi.IsDir() && !precompressed(p) {
			names = append(names, p)
		}
		return err
	})
	if err != nil {
		return "", err
	}
	sort.Strings(names)
	h := sha256.New()
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			return "", err
		}
		fmt.Fprintf(h, "%s %d\n", filepath.ToSlash(n[len(web):]), len(b))
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil))[:16], nil
}

// icon draws the app icon: a red square with a white bar chart.
func icon(n int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, n, n))
	red, white := color.RGBA{0xb3, 0x26, 0x1e, 0xff}, color.RGBA{0xff, 0xff, 0xff, 0xff}
	for y := 0; y < n; y++ {
		for x := 0; x < n; x++ {
			img.Set(x, y, red)
		}
	}
	bars := []float64{0.35, 0.55, 0.75}
	w := n / 8
	for i, hgt := range bars {
		x0 := n/4 + i*(w+w/2)
		for y := int(float64(n) * (0.8 - hgt*0.8)); y < n*4/5; y++ {
			for x := x0; x < x0+w; x++ {
				img.Set(x, y, white)
			}
		}
	}
	var b bytes.Buffer
	_ = png.Encode(&b, img) // encoding to memory cannot fail
	return b.Bytes()
}

// headers adds the security and caching headers of the deployments
// (site/hosting.Rules).
func headers(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hosting.Apply(w.Header(), hosting.Rules, r.URL.Path)
		next.ServeHTTP(w, r)
	})
}

// httpFileServer serves dir as the static hosts do: files, directory
// index pages, 404 for missing assets, the app for client routes, and
// precompressed .br/.gz copies when accepted.
func httpFileServer(dir string) http.Handler { return hosting.Server(dir, nil, hosting.Redirects) }
