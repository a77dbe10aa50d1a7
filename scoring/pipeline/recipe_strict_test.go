package pipeline

import (
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/nqp-index/nqp/scoring/diag"
	"github.com/nqp-index/nqp/scoring/jsonx"
)

// TestParseRecipeStrict: trailing data, unknown keys at any depth and keys
// the chosen method does not read are errors naming the key's path and the
// known keys, in two separate languages.
func TestParseRecipeStrict(t *testing.T) {
	cases := []struct {
		in, path, known, zh, en string
	}{
		{in: `{"schema":"nqp-recipe/1"}` + "\n" + `{"weights":{"method":"critic"}}`,
			zh: "JSON 值在第 2 行第 1 列结束后还有多余内容", en: "extra data after the JSON value at line 2, column 1"},
		{in: `{"schema":"nqp-recipe/1"}}`, zh: "第 1 行第 26 列", en: "line 1, column 26"},
		{in: `{"aggregate":{"method":"gra","zeta":0.3}}`, path: "aggregate.zeta"},
		{in: `{"weights":{"method":"combination","combine":{"rule":"linear","bases":[{"method":"critic"},{"method":"entropy","zeta":1}]}}}`,
			path: "weights.combine.bases[1].zeta"},
		{in: `{"aggregate":{"method":"gra","v":0.3}}`, path: "aggregate.v",
			known: "grade, method, min_share, ref_period, reference, rho, scale, scope"},
		{in: `{"aggregate":{"method":"vikor","V":0.3}}`, path: "aggregate.V"},
		{in: `{"weights":{"method":"entropy","correlation":"spearman"}}`, path: "weights.correlation",
			known: "a, b, delta, method, noise, optimise, upper, variant, zero_rule"},
		{in: `{"weights":{"method":"combination","combine":{"rule":"linear","alpha":[0.5,0.5],"bases":[{"method":"critic"},{"method":"cv","correlation":"kendall"}]}}}`,
			path: "weights.combine.bases[1].correlation"},
		{in: `{"normalise":{"method":"minmax","indicators":{"x1":{"method":"zscore","lower":0.1}}}}`, path: "normalise.indicators.x1.lower"},
		{in: `{"normalise":{"method":"zscore","shift":0.01}}`, path: "normalise.shift"},
	}
	for _, c := range cases {
		_, err := ParseRecipe(strings.NewReader(c.in))
		if err == nil {
			t.Errorf("%s: accepted", c.in)
			continue
		}
		zh, en := diag.Message(err, "zh"), diag.Message(err, "en")
		if strings.Contains(zh, "unknown") || strings.Contains(en, "未知") || strings.Contains(en, "配方") {
			t.Errorf("%s: languages mixed: %q / %q", c.in, zh, en)
		}
		if c.path != "" {
			var ke *jsonx.KeyError
			if !errors.As(err, &ke) || ke.Path != c.path {
				t.Errorf("%s: %v, want the key %s", c.in, err, c.path)
				continue
			}
			if c.known != "" && strings.Join(ke.Known, ", ") != c.known {
				t.Errorf("%s: known %v, want %s", c.in, ke.Known, c.known)
			}
			c.zh, c.en = "“"+c.path+"”", `"`+c.path+`"`
		}
		if !strings.Contains(zh, c.zh) || !strings.Contains(en, c.en) {
			t.Errorf("%s: %q / %q, want %q / %q", c.in, zh, en, c.zh, c.en)
		}
	}
}

// TestParseRecipeAcceptsResolved: every preset's resolved recipe, the
// bundled ASEM recipe and recipes using each method's own keys read back.
func TestParseRecipeAcceptsResolved(t *testing.T) {
	for _, name := range Presets() {
		r, _ := Preset(name)
		for _, m := range []string{ZScore, Scaled, NRank, Goalposts} {
			r.Normalise.NormSpec = NormSpec{Method: m}
			if m == Goalposts {
				r.Normalise.GoalLower, r.Normalise.GoalUpper = fp(0), fp(1)
			}
			r.Resolve()
			if _, err := ParseRecipe(strings.NewReader(string(r.JSON()))); err != nil {
				t.Errorf("%s with %s: %v", name, m, err)
			}
		}
	}
	b, err := os.ReadFile("recipes/coinr-asem-full.json")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ParseRecipe(strings.NewReader(string(b))); err != nil {
		t.Errorf("coinr-asem-full.json: %v", err)
	}
	for _, in := range []string{
		`{"aggregate":{"method":"gra","rho":0.3,"reference":"ideal"}}`,
		`{"aggregate":{"method":"vikor","v":0.3}}`,
		`{"weights":{"method":"critic","correlation":"spearman"}}`,
		`{"normalise":{"method":"zscore","population_sd":true,"shift":0},"aggregate":{"method":"topsis"}}`,
		`{"normalise":{"indicators":{"x1":{"method":"goalposts","goal_lower":0,"goal_upper":5}}}}`,
	} {
		if _, err := ParseRecipe(strings.NewReader(in)); err != nil {
			t.Errorf("%s: %v", in, err)
		}
	}
}

// TestSectionKeyTablesCoverFields: every JSON key of NormSpec, Normalise,
// Weights and Aggregate is read by some method in recipe_keys.go (a new
// option missing from the tables would be refused for every method).
func TestSectionKeyTablesCoverFields(t *testing.T) {
	for _, c := range []struct {
		section string
		v       any
		common  []string
		table   map[string][]string
	}{
		{"normalise", Normalise{}, normaliseCommon, normaliseKeys},
		{"weights", Weights{}, weightsCommon, weightsKeys},
		{"aggregate", Aggregate{}, aggregateCommon, aggregateKeys},
	} {
		listed := map[string]bool{}
		for _, k := range c.common {
			listed[k] = true
		}
		for _, ks := range c.table {
			for _, k := range ks {
				listed[k] = true
			}
		}
		for _, k := range jsonKeys(reflect.TypeOf(c.v)) {
			if !listed[k] {
				t.Errorf("%s.%s is in no method's key list (scoring/pipeline/recipe_keys.go)", c.section, k)
			}
		}
	}
}

func jsonKeys(t reflect.Type) []string {
	var out []string
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if f.Anonymous && name == "" {
			out = append(out, jsonKeys(f.Type)...)
			continue
		}
		if name != "" && name != "-" {
			out = append(out, name)
		}
	}
	return out
}
