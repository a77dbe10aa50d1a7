package pipeline

import (
	"bytes"
	"strings"
	"testing"
)

// FuzzParseRecipe: any bytes either give a clear error or a recipe that
// resolves, checks and round-trips through JSON unchanged; never a panic.
func FuzzParseRecipe(f *testing.F) {
	f.Add(string(Default().JSON()))
	if r, err := Preset("coinr"); err == nil {
		f.Add(string(r.JSON()))
	}
	f.Add(`{"schema":"nqp-recipe/1","weights":{"method":"entropy","variant":"per-period","zero_rule":"shift","delta":0.01}}`)
	f.Add(`{"schema":"nqp-recipe/1","normalise":{"method":"zscore","sd":-1}}`)
	f.Add(`{"schema":"nqp-recipe/1","aggregate":{"method":"genmean","p":2}}`)
	f.Add(`{"schema":"nqp-recipe/2"}`)
	f.Add(`[`)
	f.Fuzz(func(t *testing.T, s string) {
		r, err := ParseRecipe(strings.NewReader(s))
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error message")
			}
			return
		}
		back, err := ParseRecipe(bytes.NewReader(r.JSON()))
		if err != nil {
			t.Fatalf("a parsed recipe does not parse back: %v\n%s", err, r.JSON())
		}
		if !bytes.Equal(back.JSON(), r.JSON()) {
			t.Fatalf("recipe JSON not stable:\n%s\n%s", r.JSON(), back.JSON())
		}
	})
}
