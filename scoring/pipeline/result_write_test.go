package pipeline_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/nqp-index/nqp/scoring/pipeline"
)

// TestWriteJSONSameBytes checks that the streaming writer gives JSON's
// bytes for every recipe of the freeze tests (pre-steps, z-scores, gmean,
// per-period entropy, CRITIC), and the pinned digest of the default run.
func TestWriteJSONSameBytes(t *testing.T) {
	in := sampleInput(t)
	rs := recipes(t)
	ranked := pipeline.Default()
	ranked.Rank.Indicators = "both"
	ranked.Resolve()
	rs["indicator-ranks"] = ranked
	for name, r := range rs {
		t.Run(name, func(t *testing.T) {
			res, err := pipeline.Run(in, r)
			if err != nil {
				t.Fatal(err)
			}
			want, err := res.JSON()
			if err != nil {
				t.Fatal(err)
			}
			var got bytes.Buffer
			if err := res.WriteJSON(&got); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), want) {
				a, b := got.Bytes(), want
				i := 0
				for i < len(a) && i < len(b) && a[i] == b[i] {
					i++
				}
				t.Fatalf("bytes differ at %d of %d/%d: %q vs %q", i, len(a), len(b), a[max(0, i-40):min(len(a), i+40)], b[max(0, i-40):min(len(b), i+40)])
			}
		})
	}
	var b bytes.Buffer
	if err := scoreSample(t).WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(b.Bytes())
	pinned, err := os.ReadFile("testdata/sample_default.sha256")
	if err != nil {
		t.Fatal(err)
	}
	if got := hex.EncodeToString(sum[:]); got != strings.TrimSpace(string(pinned)) {
		t.Errorf("streamed digest %s, pinned %s", got, strings.TrimSpace(string(pinned)))
	}
}

// failAfter fails every write after n bytes, as a full disk does.
type failAfter struct{ n int }

func (f *failAfter) Write(p []byte) (int, error) {
	if len(p) > f.n {
		k := f.n
		f.n = 0
		return k, errors.New("disk full")
	}
	f.n -= len(p)
	return len(p), nil
}

// TestWriteJSONWriteError checks that a writer failing midway (after 100 KB
// of the sample's result) is reported.
func TestWriteJSONWriteError(t *testing.T) {
	if err := scoreSample(t).WriteJSON(&failAfter{100 << 10}); err == nil || err.Error() != "disk full" {
		t.Fatalf("error %v, want disk full", err)
	}
}
