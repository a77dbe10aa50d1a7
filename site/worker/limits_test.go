//go:build !js

package main

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/nqp-index/nqp/site/api"
)

type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

// workerLimits checks, in workerd, that a body over api.MaxBody is
// answered 413 with a JSON error, declared by Content-Length or found
// while reading, and that the next API request is then answered at once
// (it hung until another request arrived, issue 11).
func workerLimits(t *testing.T, base string) {
	client := &http.Client{Timeout: 60 * time.Second}
	for _, c := range []struct {
		name   string
		length int64
	}{{"content-length", api.MaxBody + 1<<20}, {"chunked", -1}} {
		req, _ := http.NewRequest("POST", base+"/api/v1/score", io.LimitReader(zeros{}, api.MaxBody+1<<20))
		req.ContentLength = c.length
		req.Header.Set("Content-Type", "application/json")
		t0 := time.Now()
		res, err := client.Do(req)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		var e api.Error
		if res.StatusCode != http.StatusRequestEntityTooLarge || json.Unmarshal(b, &e) != nil || e.Code != "too-large" ||
			!strings.HasPrefix(res.Header.Get("Content-Type"), "application/json") {
			t.Errorf("%s: %d %s %q, want 413 and a JSON error", c.name, res.StatusCode, res.Header.Get("Content-Type"), b[:min(200, len(b))])
		}
		took := time.Since(t0)
		// The next request, on a fresh connection, and for a body refused
		// by its Content-Length on the same connection too. (After a
		// chunked body cut short, wrangler dev's proxy holds the kept
		// connection until it has the rest: not the Worker's doing.)
		next := []*http.Client{{Timeout: 10 * time.Second}}
		if c.length > 0 {
			next = append(next, client)
		} else {
			client.CloseIdleConnections()
		}
		for _, cl := range next {
			t1 := time.Now()
			res, err := cl.Get(base + "/api/v1/templates")
			if err != nil {
				t.Errorf("%s: the next request: %v", c.name, err)
				continue
			}
			io.Copy(io.Discard, res.Body)
			res.Body.Close()
			if res.StatusCode != 200 || time.Since(t1) > 5*time.Second {
				t.Errorf("%s: the next request: %d after %v", c.name, res.StatusCode, time.Since(t1))
			}
			t.Logf("%s: 413 in %v, next request %d in %v", c.name, took.Round(time.Millisecond), res.StatusCode, time.Since(t1).Round(time.Millisecond))
		}
	}
}
