//go:build !(js && wasm)

package main

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
)

// assetFetcher reads public/ (natively the Worker runs as a plain server,
// for debugging).
func assetFetcher() fetcher {
	return func(path string) (int, []byte, error) {
		name := filepath.Join("public", filepath.FromSlash(path))
		if strings.HasSuffix(path, "/") {
			name = filepath.Join(name, "index.html")
		} else if filepath.Ext(name) == "" {
			name += ".html"
		}
		b, err := os.ReadFile(name)
		if err != nil {
			return http.StatusNotFound, nil, nil
		}
		return http.StatusOK, b, nil
	}
}
