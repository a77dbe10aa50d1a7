package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/nqp-index/nqp/scoring/job"
	"github.com/nqp-index/nqp/scoring/pipeline"
	"github.com/nqp-index/nqp/scoring/sample"
)

// requestLog records every request the page makes once started.
type requestLog struct {
	mu     sync.Mutex
	before int // requests before start (the page's own loading)
	on     bool
	reqs   []*network.Request
}

func (r *requestLog) start() { r.mu.Lock(); r.on = true; r.mu.Unlock() }

func (r *requestLog) list() []*network.Request {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]*network.Request(nil), r.reqs...)
}

func (r *requestLog) seenBefore() int { r.mu.Lock(); defer r.mu.Unlock(); return r.before }

// recordRequests logs the page's requests (after start is called).
func recordRequests(b *browser) *requestLog {
	log := &requestLog{}
	go func() {
		for ev, err := range chromedp.Events(b.ctx, network.RequestWillBeSent) {
			if err != nil {
				return
			}
			log.mu.Lock()
			if log.on {
				log.reqs = append(log.reqs, ev.Request)
			} else {
				log.before++
			}
			log.mu.Unlock()
		}
	}()
	return log
}

// checkStaticOnly fails unless every logged request is a GET without a body
// or query of a file the site itself serves (HTTP 200 from the server).
func checkStaticOnly(t *testing.T, b *browser, reqs []*network.Request) {
	t.Helper()
	base, _ := url.Parse(b.url)
	for _, r := range reqs {
		u, err := url.Parse(r.URL)
		if err != nil {
			t.Errorf("unparsable request URL %q", r.URL)
			continue
		}
		if u.Scheme != "http" && u.Scheme != "https" {
			continue // blob: and data: URLs never leave the page
		}
		if u.Host != base.Host {
			t.Errorf("request to another host: %s %s", r.Method, r.URL)
		}
		if r.Method != "GET" || r.HasPostData {
			t.Errorf("request with a method or body other than a plain GET: %s %s", r.Method, r.URL)
		}
		if u.RawQuery != "" || u.Fragment != "" {
			t.Errorf("request carries a query: %s", r.URL)
		}
		resp, err := http.Get(b.url + u.Path)
		if err != nil || resp.StatusCode != 200 {
			t.Errorf("request %s is not one of the site's static files (%v)", r.URL, err)
		}
		if resp != nil {
			resp.Body.Close()
		}
	}
}

// messyCSV returns the bundled sample as a GB18030 CSV whose numbers carry
// thousands separators ("1,234.5", quoted), as exported by Chinese Excel.
func messyCSV(t *testing.T) []byte {
	t.Helper()
	recs, err := csv.NewReader(bytes.NewReader(sample.TechmePanelCSV())).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	for i, rec := range recs {
		if i > 0 {
			for j := 3; j < len(rec); j++ {
				rec[j] = thousands(rec[j])
			}
		}
		w.Write(rec)
	}
	w.Flush()
	gb, err := simplifiedchinese.GB18030.NewEncoder().Bytes(b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	return gb
}

// thousands inserts thousands separators in the integer part of a number.
func thousands(s string) string {
	if _, err := strconv.ParseFloat(s, 64); err != nil {
		return s
	}
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	ip, frac, _ := strings.Cut(s, ".")
	var out []byte
	for i := range len(ip) {
		if i > 0 && (len(ip)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, ip[i])
	}
	r := string(out)
	if frac != "" {
		r += "." + frac
	}
	if neg {
		r = "-" + r
	}
	return r
}

// cliScores returns, per unit name, the scores of every aggregate in the
// last period formatted as the page shows them (2 decimals).
func cliScores(res *pipeline.Result) map[string][]string {
	last := len(res.Periods) - 1
	out := map[string][]string{}
	for i, o := range res.Rows {
		if o.Period != last {
			continue
		}
		var s []string
		for _, v := range res.Scores[i] {
			if v != v {
				s = append(s, "–")
			} else {
				s = append(s, strconv.FormatFloat(v, 'f', 2, 64))
			}
		}
		out[res.Units[o.Unit].Name] = s
	}
	return out
}

// TestE2ECLI proves that the numbers on screen are the CLI's: for the
// bundled sample and a messy file (GB18030, thousands separators), with a
// template and a preset picked in the page, the ranking table's scores
// equal job.Run's (the path of nqp score) rounded to 2 decimals, and the
// downloaded result JSON equals job.Run's Result.JSON() byte for byte.
// Every request after the data is loaded is a plain GET of a static file
// of the site.
func TestE2ECLI(t *testing.T) {
	b := newBrowser(t)
	dl := t.TempDir()
	yes := true
	if _, err := chromedp.CallBrowser(b.ctx, cdpbrowser.SetDownloadBehavior, cdpbrowser.SetDownloadBehaviorParams{
		Behavior: cdpbrowser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: dl, EventsEnabled: &yes,
	}); err != nil {
		t.Fatal(err)
	}
	log := recordRequests(b)
	b.open()
	log.start() // the sample is loaded and scored

	// The preset: the first of these the page offers.
	preset, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`(() => { const s = document.getElementById('preset');
		const vals = [...s.options].map(o => o.value); return ['critic', 'entropy-topsis', 'coinr'].find(v => vals.includes(v)) || '' })()`))
	if err != nil || preset == "" {
		t.Fatalf("no usable preset in #preset: %v", err)
	}
	recipe, err := pipeline.Preset(preset)
	if err != nil {
		t.Fatal(err)
	}
	set := func(id, v string) {
		t.Helper()
		b.do(chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`(() => { const s = document.getElementById(%q); s.value = %q; s.dispatchEvent(new Event('change', {bubbles: true})); })()`, id, v)))
	}
	downloads := 0
	compare := func(label, file string, data []byte, template string) {
		t.Helper()
		want, err := job.Run(job.Spec{DataName: file, Data: data, Template: template, Recipe: recipe})
		if err != nil {
			t.Fatalf("%s: job.Run: %v", label, err)
		}
		exp := cliScores(want.Result)
		// Wait until the page shows the CLI's numbers (the job runs in the worker).
		js := `(() => { const busy = !!document.getElementById('busy'); if (busy) return '';
			const rows = [...document.querySelectorAll('#ranking tbody tr')].map(r => [...r.children].map(c => c.innerText));
			return JSON.stringify(rows) })()`
		var page string
		ok := false
		for range 300 {
			page, _ = chromedp.Run(b.ctx, chromedp.Evaluate[string](js))
			if page != "" && matchRanking(page, exp, len(want.Result.Aggregates)) == "" {
				ok = true
				break
			}
			time.Sleep(200 * time.Millisecond)
		}
		if !ok {
			t.Fatalf("%s: the page's ranking differs from the CLI's: %s; page: %q", label, matchRanking(page, exp, len(want.Result.Aggregates)), b.body())
		}
		wantJSON, err := want.Result.JSON()
		if err != nil {
			t.Fatal(err)
		}
		b.do(chromedp.Click(chromedp.ID("dl-json")))
		downloads++
		got := waitDownloads(t, dl, downloads)
		if !bytes.Equal(got, wantJSON) {
			os.WriteFile(filepath.Join(t.TempDir(), "page.json"), got, 0o644)
			i := 0
			for i < len(got) && i < len(wantJSON) && got[i] == wantJSON[i] {
				i++
			}
			t.Errorf("%s: the downloaded JSON (%d bytes) differs from the CLI's (%d bytes) at byte %d: page %q, CLI %q", label, len(got), len(wantJSON), i,
				got[max(0, i-80):min(len(got), i+80)], wantJSON[max(0, i-80):min(len(wantJSON), i+80)])
		}
	}

	// The sample with the drivers template and the preset.
	set("template", "drivers")
	set("preset", preset)
	compare("sample/"+preset, sample.TechmePanelName, sample.TechmePanelCSV(), "drivers")

	// A messy file: GB18030 with thousands separators.
	messy := messyCSV(t)
	path := filepath.Join(t.TempDir(), "省级面板_gb18030.csv")
	os.WriteFile(path, messy, 0o644)
	b.do(chromedp.SetUploadFiles(chromedp.ID("file"), []string{path}))
	if err := b.poll(`(document.getElementById('summary')||{innerText:''}).innerText.includes('gb18030')`); err != nil {
		t.Fatalf("the messy file was not loaded: %v; page: %q", err, b.body())
	}
	set("template", "drivers")
	set("preset", preset)
	compare("messy/"+preset, filepath.Base(path), messy, "drivers")

	if log.seenBefore() == 0 {
		t.Error("the request recorder saw none of the page's own loading requests")
	}
	checkStaticOnly(t, b, log.list())
	t.Logf("%d requests while the page loaded, %d after the data was loaded (all static GETs)", log.seenBefore(), len(log.list()))
	b.check()
}

// matchRanking compares the page's ranking rows (JSON [[cell…]…]) with the
// CLI's scores per unit name; "" when equal.
func matchRanking(page string, exp map[string][]string, naggr int) string {
	var rows [][]string
	if err := json.Unmarshal([]byte(page), &rows); err != nil {
		return "unreadable table: " + err.Error()
	}
	if len(rows) != len(exp) {
		return fmt.Sprintf("%d rows on the page, %d in the CLI's last period", len(rows), len(exp))
	}
	for _, r := range rows {
		if len(r) < 2+naggr {
			return fmt.Sprintf("short row %v", r)
		}
		want, ok := exp[r[1]]
		if !ok {
			return "unit " + r[1] + " is not in the CLI's result"
		}
		got := r[len(r)-naggr:]
		for k := range want {
			if got[k] != want[k] {
				return fmt.Sprintf("%s column %d: page %s, CLI %s", r[1], k, got[k], want[k])
			}
		}
	}
	return ""
}
