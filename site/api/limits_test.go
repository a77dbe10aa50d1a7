package api

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/nqp-index/nqp/scoring/ingest"
	"github.com/nqp-index/nqp/scoring/sample"
)

type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

// errorBody decodes a JSON error answer.
func errorBody(t *testing.T, res *http.Response) (e struct {
	Code   string          `json:"error"`
	Zh     string          `json:"message_zh"`
	En     string          `json:"message_en"`
	Report json.RawMessage `json:"report"`
}) {
	t.Helper()
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("%d answered as %q: %s", res.StatusCode, ct, b)
	}
	if err := json.Unmarshal(b, &e); err != nil || e.Code == "" || e.Zh == "" || e.En == "" {
		t.Errorf("%d: not a JSON error (%v): %s", res.StatusCode, err, b)
	}
	return e
}

// followUp checks that the next request is answered at once.
func followUp(t *testing.T, client *http.Client, base string) {
	t.Helper()
	start := time.Now()
	res, err := client.Get(base + "/api/v1/templates")
	if err != nil {
		t.Fatalf("follow-up request: %v", err)
	}
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || time.Since(start) > 2*time.Second {
		t.Errorf("follow-up: %d after %v", res.StatusCode, time.Since(start))
	}
}

// TestTooLarge: a body over MaxBody is answered 413 with a JSON error,
// whether declared by Content-Length (nothing read) or found while
// reading (chunked), and the next request is answered at once.
func TestTooLarge(t *testing.T) {
	srv := httptest.NewServer(Handler())
	defer srv.Close()
	client := &http.Client{Timeout: 30 * time.Second}
	for _, c := range []struct {
		name   string
		length int64
	}{{"content-length", MaxBody + 1<<20}, {"chunked", -1}} {
		t.Run(c.name, func(t *testing.T) {
			body := io.LimitReader(zeros{}, MaxBody+1<<20)
			req, _ := http.NewRequest("POST", srv.URL+"/api/v1/score", body)
			req.ContentLength = c.length
			req.Header.Set("Content-Type", "application/json")
			start := time.Now()
			res, err := client.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			if res.StatusCode != http.StatusRequestEntityTooLarge {
				t.Errorf("status %d, want 413", res.StatusCode)
			}
			e := errorBody(t, res)
			if e.Code != "too-large" || !strings.Contains(e.En, "32 MB") || !strings.Contains(e.Zh, "32 MB") {
				t.Errorf("error %+v", e)
			}
			t.Logf("413 after %v", time.Since(start))
			followUp(t, client, srv.URL)
		})
	}
}

// TestBusy: beyond MaxInFlight requests the API answers 429 with
// Retry-After and a JSON error, and serves again once a slot frees.
func TestBusy(t *testing.T) {
	srv := httptest.NewServer(Handler())
	defer srv.Close()
	for range MaxInFlight {
		slots <- struct{}{}
	}
	body, ct := Multipart(map[string][2]string{"data": {"panel.csv", string(sample.TechmePanelCSV())}}, nil)
	post := func() *http.Response {
		res, err := http.Post(srv.URL+"/api/v1/score", ct, bytes.NewReader(body.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	res := post()
	if res.StatusCode != http.StatusTooManyRequests || res.Header.Get("Retry-After") != "2" {
		t.Errorf("status %d, Retry-After %q; want 429, 2", res.StatusCode, res.Header.Get("Retry-After"))
	}
	if e := errorBody(t, res); e.Code != "busy" {
		t.Errorf("error %+v", e)
	}
	for range MaxInFlight {
		<-slots
	}
	res = post()
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
	if res.StatusCode != 200 {
		t.Errorf("after the slots freed: %d", res.StatusCode)
	}
}

// TestXLSXBombRefused: a workbook that unpacks past MaxBody /
// ingest.XLSXUnpackShare (8 MB) is refused
// from its zip directory (422, code too-large in the report), at once.
func TestXLSXBombRefused(t *testing.T) {
	var zb bytes.Buffer
	zw := zip.NewWriter(&zb)
	w, _ := zw.Create("xl/worksheets/sheet1.xml")
	row := []byte(strings.Repeat("<c><v>1</v></c>", 1000))
	for n := 0; n <= MaxBody; n += len(row) {
		w.Write(row)
	}
	zw.Close()
	if zb.Len() > 1<<20 {
		t.Fatalf("bomb of %d bytes", zb.Len())
	}
	body, ct := Multipart(map[string][2]string{"data": {"bomb.xlsx", zb.String()}}, nil)
	srv := httptest.NewServer(Handler())
	defer srv.Close()
	start := time.Now()
	res, err := http.Post(srv.URL+"/api/v1/validate", ct, body)
	if err != nil {
		t.Fatal(err)
	}
	took := time.Since(start)
	if res.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("status %d, want 422", res.StatusCode)
	}
	e := errorBody(t, res)
	if !strings.Contains(string(e.Report), `"too-large"`) || !strings.Contains(string(e.Report), fmt.Sprintf("%d MB limit", MaxBody/ingest.XLSXUnpackShare>>20)) {
		t.Errorf("report: %s", e.Report)
	}
	if took > 2*time.Second {
		t.Errorf("took %v", took)
	}
}
