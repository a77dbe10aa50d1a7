package pipeline

import (
	"strings"
	"testing"

	"github.com/nqp-index/nqp/scoring/diag"
)

// TestAnalysisKeysStrict: a key of an analyses[] entry that its analysis
// does not read is an error naming its path and that analysis's keys (not
// every analysis's); so is a key of another type of spatial weights, and
// noise_sets on a recipe-choice input. Keys with zero values, aliases and
// every resolved declaration are accepted.
func TestAnalysisKeysStrict(t *testing.T) {
	const head = `{"schema":"nqp-recipe/1","analyses":[{"name":"kde"},{"name":"obstacle","top":3},`
	coupling := "boundary, codes, coordination_weights, id, level, name, rescale, variant"
	for _, c := range []struct{ entry, path, known string }{
		{`{"name":"coupling","foo":3}`, "analyses[2].foo", coupling},
		{`{"name":"coupling","top":3}`, "analyses[2].top", coupling},
		{`{"name":"Gini","variant":"L"}`, "analyses[2].variant", "groups, id, level, name"},
		{`{"name":"moran","w":{"type":"contiguity","power":2}}`, "analyses[2].w.power", "sea_link, standardise, type"},
		{`{"name":"lisa","w":{"type":"distance","sea_link":false}}`, "analyses[2].w.sea_link", "power, standardise, type"},
		{`{"name":"ua","inputs":[{"name":"m","path":"weights.method","alternatives":["equal"],"noise_sets":5}]}`,
			"analyses[2].inputs[0].noise_sets", "alternatives, name, path"},
	} {
		_, err := ParseRecipe(strings.NewReader(head + c.entry + "]}"))
		en := diag.Message(err, "en")
		if err == nil || !strings.Contains(en, `"`+c.path+`"`) || !strings.Contains(en, ": "+c.known+")") {
			t.Errorf("%s: %v\nwant path %s and known keys %s", c.entry, err, c.path, c.known)
		}
		if zh := diag.Message(err, "zh"); err != nil && (strings.Contains(zh, "unknown") || !strings.Contains(zh, "可用的键")) {
			t.Errorf("%s: Chinese message %q", c.entry, zh)
		}
	}
	// The same from Check, for a recipe built in code.
	r := Default()
	r.Analyses = []Analysis{{Name: ACoupling, Top: 3}}
	r.Resolve()
	if err := r.Check(); err == nil || !strings.Contains(err.Error(), `"analyses[0].top"`) || !strings.Contains(err.Error(), coupling) {
		t.Errorf("Check of coupling with top: %v", err)
	}
	// Accepted: a zero value, an alias, and each analysis resolved and
	// written back.
	ok := `{"schema":"nqp-recipe/1","analyses":[{"name":"coupling","top":0},{"name":"gini","groups":"region3"},` +
		`{"name":"moran"},{"name":"lisa","w":{"type":"distance","power":2}},{"name":"spatial-markov","w":{"type":"contiguity","sea_link":false}},` +
		`{"name":"ua","inputs":[{"name":"w","noise":[{"level":1,"factor":0.25}],"noise_sets":10}]},` +
		`{"name":"sigma"},{"name":"beta"},{"name":"theil"},{"name":"markov"},{"name":"remove"},{"name":"obstacle"},{"name":"kde"}]}`
	got, err := ParseRecipe(strings.NewReader(ok))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ParseRecipe(strings.NewReader(string(got.JSON()))); err != nil {
		t.Errorf("resolved recipe refused: %v\n%s", err, got.JSON())
	}
}
