//go:build js && wasm

package main

import (
	"io"
	"net/http"

	"github.com/syumai/workers/cloudflare"
	"github.com/syumai/workers/cloudflare/fetch"
)

// assetFetcher reads from the ASSETS binding (Workers Static Assets).
func assetFetcher() fetcher {
	return func(path string) (int, []byte, error) {
		c := fetch.NewClient(fetch.WithBinding(cloudflare.GetBinding("ASSETS"))).HTTPClient(fetch.RedirectModeFollow)
		res, err := c.Get("https://assets.local" + path)
		if err != nil {
			return 0, nil, err
		}
		defer res.Body.Close()
		b, err := io.ReadAll(res.Body)
		if res.StatusCode != http.StatusOK {
			return res.StatusCode, nil, err
		}
		return res.StatusCode, b, err
	}
}
