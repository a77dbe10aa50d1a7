package pipeline_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"strings"
	"testing"

	"github.com/nqp-index/nqp/scoring/framework"
	"github.com/nqp-index/nqp/scoring/ingest"
	"github.com/nqp-index/nqp/scoring/pipeline"
	"github.com/nqp-index/nqp/scoring/region"
	"github.com/nqp-index/nqp/scoring/sample"
)

// scoreSample runs the default recipe on the bundled panel with the drivers
// template, as `nqp score -sample` does.
func scoreSample(t *testing.T) *pipeline.Result {
	t.Helper()
	p, rep, err := ingest.Read(sample.TechmePanelName, sample.TechmePanelCSV(), ingest.Options{UnitMatcher: region.MatchName})
	if err != nil || rep.HasErrors() {
		t.Fatalf("ingest: %v %v", err, rep)
	}
	fw, err := framework.Template("drivers")
	if err != nil {
		t.Fatal(err)
	}
	cols := make([]string, len(p.Columns))
	for i, c := range p.Columns {
		cols[i] = c.Name
	}
	m := fw.MatchColumns(cols)
	res, err := pipeline.Run(pipeline.Input{Data: p, Framework: fw.Restrict(m), Columns: m.Mapping}, pipeline.Default())
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// TestSampleDeterministic checks that the bundled sample gives the same
// bytes on every run and on every platform: the SHA-256 of the result JSON
// is pinned in testdata/sample_default.sha256 (written natively on
// linux/amd64); the wasm run of this test must produce the same digest.
func TestSampleDeterministic(t *testing.T) {
	a, err := scoreSample(t).JSON()
	if err != nil {
		t.Fatal(err)
	}
	b, _ := scoreSample(t).JSON()
	if !bytes.Equal(a, b) {
		t.Fatal("two runs differ")
	}
	sum := sha256.Sum256(a)
	got := hex.EncodeToString(sum[:])
	want, err := os.ReadFile("testdata/sample_default.sha256")
	if err != nil {
		t.Fatal(err)
	}
	if got != strings.TrimSpace(string(want)) {
		t.Errorf("result digest %s, pinned %s: the numbers changed (or differ on this platform)", got, strings.TrimSpace(string(want)))
	}
}

// TestSampleShape checks what a new user sees: 31 provinces ranked 1..31
// in every year 2010–2023 (2000, 2005 and 2024 are screened out for low
// coverage), with the three sub-indices the panel can feed.
func TestSampleShape(t *testing.T) {
	res := scoreSample(t)
	if len(res.Units) != 31 {
		t.Fatalf("%d units", len(res.Units))
	}
	if first, last := res.Periods[0].Label, res.Periods[len(res.Periods)-1].Label; first != "2010" || last != "2023" || len(res.Periods) != 14 {
		t.Fatalf("periods %s..%s (%d)", first, last, len(res.Periods))
	}
	want := []string{"Index", "tech_innovation", "talent", "emerging_industries"}
	if strings.Join(res.Aggregates, ",") != strings.Join(want, ",") {
		t.Errorf("aggregates %v, want %v", res.Aggregates, want)
	}
	for p := range res.Periods {
		seen := map[int]bool{}
		for i, o := range res.Rows {
			if o.Period == p {
				seen[res.Ranks[i][0]] = true
			}
		}
		for r := 1; r <= 31; r++ {
			if !seen[r] {
				t.Errorf("period %s: rank %d missing", res.Periods[p].Label, r)
			}
		}
	}
}
