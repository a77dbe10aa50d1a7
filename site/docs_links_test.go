package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	nqpapp "github.com/nqp-index/nqp/app"
	"github.com/nqp-index/nqp/site/docs"
)

// TestFormulaLinks: every formula link of the method form opens an
// existing anchor of a generated documentation page, in both languages.
func TestFormulaLinks(t *testing.T) {
	dist := t.TempDir()
	if _, err := docs.Generate("..", dist); err != nil {
		t.Fatal(err)
	}
	refs := nqpapp.FormulaRefs()
	if len(refs) < 30 {
		t.Fatalf("only %d references", len(refs))
	}
	for _, l := range []nqpapp.Lang{nqpapp.Zh, nqpapp.En} {
		for _, ref := range refs {
			u := nqpapp.DocURL(l, ref)
			path, anchor, ok := strings.Cut(u, "#")
			if !ok || anchor == "" {
				t.Errorf("%s: no anchor", u)
				continue
			}
			b, err := os.ReadFile(filepath.Join(dist, filepath.FromSlash(path), "index.html"))
			if err != nil {
				t.Errorf("%s: %v", u, err)
				continue
			}
			if !strings.Contains(string(b), ` id="`+anchor+`"`) {
				t.Errorf("%s: no element with id %q", u, anchor)
			}
		}
	}
}
