//go:build !js

package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nqp-index/nqp/site/api"
	"github.com/nqp-index/nqp/site/hosting"
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

// workerBusy sends 40 concurrent POST /api/v1/score of the sample to
// workerd: beyond api.MaxInFlight they are refused with the API's 429
// (Retry-After, the JSON error of api.Busy, the site's headers) by the JS
// entry before Go starts, none fails (it was 503s and a p99 of 98 s at 200,
// issue 11), and the API answers 200 again after the burst and after
// clients that went away. A GET of /api/v1/templates during the burst is
// answered too.
func workerBusy(t *testing.T, base string, body []byte, ctype string) {
	const n = 40
	rec := httptest.NewRecorder()
	api.Busy(rec)
	wantBusy := rec.Body.String()
	type answer struct {
		status int
		retry  string
		csp    string
		body   string
		took   time.Duration
		err    error
	}
	post := func(client *http.Client) answer {
		t0 := time.Now()
		res, err := client.Post(base+"/api/v1/score", ctype, bytes.NewReader(body))
		if err != nil {
			return answer{err: err}
		}
		b, err := io.ReadAll(res.Body)
		res.Body.Close()
		return answer{res.StatusCode, res.Header.Get("Retry-After"), res.Header.Get("Content-Security-Policy"), string(b), time.Since(t0), err}
	}
	client := &http.Client{Timeout: 50 * time.Second}
	answers := make([]answer, n)
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := range answers {
		wg.Go(func() {
			<-start
			answers[i] = post(client)
		})
	}
	var tpl answer
	wg.Go(func() {
		<-start
		time.Sleep(100 * time.Millisecond)
		t0 := time.Now()
		res, err := client.Get(base + "/api/v1/templates")
		if err != nil {
			tpl.err = err
			return
		}
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
		tpl.status, tpl.took = res.StatusCode, time.Since(t0)
	})
	t0 := time.Now()
	close(start)
	wg.Wait()
	count := map[int]int{}
	var ok string
	var slowest time.Duration
	for i, a := range answers {
		if a.err != nil {
			t.Errorf("request %d: %v", i, a.err)
			continue
		}
		count[a.status]++
		slowest = max(slowest, a.took)
		switch a.status {
		case http.StatusOK:
			if ok != "" && a.body != ok {
				t.Errorf("request %d: a 200 with another body than the first 200", i)
			}
			ok = a.body
		case http.StatusTooManyRequests:
			if a.retry != fmt.Sprint(api.RetryAfter) || a.body != wantBusy || a.csp != hosting.CSP {
				t.Errorf("request %d: 429 with Retry-After %q, CSP %q, body %q; want Retry-After %d and %q",
					i, a.retry, a.csp, a.body, api.RetryAfter, wantBusy)
			}
		default:
			t.Errorf("request %d: %d %q, want 200 or 429", i, a.status, a.body[:min(200, len(a.body))])
		}
	}
	if count[http.StatusOK] == 0 || count[http.StatusTooManyRequests] == 0 {
		t.Errorf("%d concurrent scores: %v, want both 200 and 429", n, count)
	}
	if tpl.err != nil || tpl.status != http.StatusOK {
		t.Errorf("GET /api/v1/templates during the burst: %d %v", tpl.status, tpl.err)
	}
	t.Logf("%d concurrent scores: %v in %v (slowest %v); templates during the burst %d in %v",
		n, count, time.Since(t0).Round(time.Millisecond), slowest.Round(time.Millisecond), tpl.status, tpl.took.Round(time.Millisecond))
	// Clients that go away before the answer do not keep their slots
	// (they did while the slot waited for the body to be read): after the
	// burst and more abandoned requests than slots, a score is answered
	// 200 once the abandoned computations are through.
	quitter := &http.Client{Timeout: 150 * time.Millisecond}
	for range api.MaxInFlight + 1 {
		if a := post(quitter); a.err == nil {
			t.Logf("an abandoned request was answered %d within 150 ms", a.status)
		}
	}
	t1 := time.Now()
	for {
		a := post(client)
		if a.err == nil && a.status == http.StatusOK && a.body == ok {
			t.Logf("score after the burst and %d abandoned requests: 200 after %v", api.MaxInFlight+1, time.Since(t1).Round(time.Millisecond))
			break
		}
		if a.err != nil || a.status != http.StatusTooManyRequests || time.Since(t1) > 30*time.Second {
			t.Errorf("score after the burst and %d abandoned requests: %d %v after %v, want 200 and the same body",
				api.MaxInFlight+1, a.status, a.err, time.Since(t1).Round(time.Millisecond))
			break
		}
		time.Sleep(time.Second)
	}
}
