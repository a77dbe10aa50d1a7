package main

import (
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/nqp-index/nqp/site/docs"
	"github.com/nqp-index/nqp/site/hosting"
)

var cloudflareOut = flag.String("cloudflare", "", "also copy the site into this directory for Workers Static Assets, with a _headers file")

// writeDocs removes precompressed copies left from an earlier build (they
// would be served instead of the new files), then generates the
// documentation pages into dir and returns the URLs to precache.
func writeDocs(dir string) ([]string, error) {
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && precompressed(p) {
			err = os.Remove(p)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	return docs.Generate(".", dir)
}

// siteVersion is the content hash of everything the service worker
// precaches besides go-app's own files: web/ and docs/ (precompressed
// copies excluded). It is the same for the same commit and changes
// whenever any of those files does.
func siteVersion(dir string) (string, error) {
	h := sha256.New()
	for _, sub := range []string{"web", "docs"} {
		v, err := contentVersion(filepath.Join(dir, sub))
		if err != nil {
			return "", err
		}
		fmt.Fprintln(h, sub, v)
	}
	return hex.EncodeToString(h.Sum(nil))[:16], nil
}

// precompressed reports whether a file is a .br or .gz copy.
func precompressed(name string) bool {
	return strings.HasSuffix(name, ".br") || strings.HasSuffix(name, ".gz")
}

// writeCloudflare copies dist into out for Workers Static Assets, without
// the precompressed copies (Cloudflare compresses by itself), and writes
// the _headers file from site/hosting.
func writeCloudflare(dist, out string) error {
	if err := os.RemoveAll(out); err != nil {
		return err
	}
	err := filepath.WalkDir(dist, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dist, p)
		target := filepath.Join(out, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if precompressed(p) {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(out, "_headers"), []byte(hosting.CloudflareHeaders()), 0o644)
}

// startTag matches an HTML start tag with its attributes.
var (
	startTag = regexp.MustCompile(`<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:="[^"]*")?)+)\s*(/?)>`)
	attr     = regexp.MustCompile(`[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:="[^"]*")?`)
)

// canonicalHTML sorts the attributes of every start tag in the pages that
// go-app wrote into dir: go-app renders them from a map, in random order,
// and a build must give the same bytes every time.
func canonicalHTML(dir string) error {
	names, err := filepath.Glob(filepath.Join(dir, "*.html"))
	if err != nil {
		return err
	}
	for _, n := range names {
		if filepath.Base(n) == "404.html" {
			continue // ours, already deterministic
		}
		b, err := os.ReadFile(n)
		if err != nil {
			return err
		}
		out := startTag.ReplaceAllFunc(b, func(tag []byte) []byte {
			m := startTag.FindSubmatch(tag)
			attrs := attr.FindAllString(string(m[2]), -1)
			sort.Strings(attrs)
			s := "<" + string(m[1]) + " " + strings.Join(attrs, " ")
			if len(m[3]) > 0 {
				s += " /"
			}
			return []byte(s + ">")
		})
		if err := os.WriteFile(n, out, 0o644); err != nil {
			return err
		}
	}
	return nil
}
