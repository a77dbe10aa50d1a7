package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"maps"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"

	"github.com/nqp-index/nqp/site/api"
	"github.com/nqp-index/nqp/site/hosting"
)

// Entry is the content of build/entry.json.
type Entry struct {
	MaxInFlight int               `json:"maxInFlight"`
	MaxBody     int64             `json:"maxBody"`
	Busy        Answer            `json:"busy"`
	Answers     map[string]Answer `json:"answers"`
}

// Answer is a whole HTTP answer, headers as name-value pairs (the form
// the Headers constructor takes).
type Answer struct {
	Status  int         `json:"status"`
	Headers [][2]string `json:"headers"`
	Body    string      `json:"body"`
}

// constant lists the GET endpoints whose answers depend on the build only.
var constant = []string{"/api/v1/", "/api/v1/templates"}

func answer(rec *httptest.ResponseRecorder) Answer {
	a := Answer{Status: rec.Code, Body: rec.Body.String()}
	h := rec.Result().Header
	for _, k := range slices.Sorted(maps.Keys(h)) {
		for _, v := range h[k] {
			a.Headers = append(a.Headers, [2]string{k, v})
		}
	}
	return a
}

func main() {
	out := flag.String("o", "build/entry.json", "output file")
	flag.Parse()
	rec := httptest.NewRecorder()
	hosting.Apply(rec.Header(), hosting.Rules, "/api/v1/score") // as api.Handler does
	api.Busy(rec)
	e := Entry{MaxInFlight: api.MaxInFlight, MaxBody: api.MaxBody, Busy: answer(rec), Answers: map[string]Answer{}}
	h := api.Handler()
	var err error
	for _, p := range constant {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, p, nil))
		if rec.Code != http.StatusOK {
			err = fmt.Errorf("GET %s: %d %s", p, rec.Code, rec.Body)
			break
		}
		e.Answers[p] = answer(rec)
	}
	if err == nil {
		var b []byte
		if b, err = json.MarshalIndent(e, "", "  "); err == nil {
			err = os.WriteFile(*out, append(b, '\n'), 0o644)
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "entrygen:", err)
		os.Exit(1)
	}
}
