package app

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/nqp-index/nqp/scoring/pipeline"
)

// formValues are values of the method form's parameter controls, one per
// control, each valid for the methods that show it.
var formValues = map[string][][2]string{
	"normalise": {{"normalise.lower", "0.1"}, {"normalise.upper", "2"}, {"normalise.shift", "0.5"},
		{"normalise.mean", "50"}, {"normalise.sd", "10"}, {"normalise.population_sd", "true"},
		{"normalise.keep_direction", "true"}, {"normalise.scaled_lower", "1"}, {"normalise.scaled_upper", "9"},
		{"normalise.scale_factor", "10"}, {"normalise.ties", "average"}, {"normalise.ref_unit", "11"},
		{"normalise.target", "5"}, {"normalise.goal_lower", "1"}, {"normalise.goal_upper", "9"},
		{"normalise.reciprocal", "true"}, {"normalise.nonneg_shift", "true"}},
	"weights": {{"weights.variant", "per-period"}, {"weights.zero_rule", "rescale"}, {"weights.a", "0.01"},
		{"weights.b", "0.99"}, {"weights.cv_on", "normalised"}, {"weights.correlation", "spearman"},
		{"weights.as_given", "true"}, {"weights.upper", "equal"}, {"weights.pca.form", "coinr"}},
	"aggregate": {{"aggregate.p", "3"}, {"aggregate.v", "0.3"}, {"aggregate.rho", "0.4"},
		{"aggregate.scope", "panel"}, {"aggregate.topsis_normalize", "minmax"}, {"aggregate.weights_in", "distance"},
		{"aggregate.grade", "mean"}, {"aggregate.scale", "10"}, {"aggregate.min_share", "0.5"}},
}

// strictOK parses the recipe's JSON as the CLI reads a recipe file.
func strictOK(t *testing.T, what string, r pipeline.Recipe) {
	t.Helper()
	if _, err := pipeline.ParseRecipe(bytes.NewReader(r.JSON())); err != nil {
		t.Errorf("%s: the recipe is refused by ParseRecipe: %v\n%s", what, err, r.JSON())
	}
}

// TestMethodSwitchStrict: for every method of normalise, weights and
// aggregate that the form offers, every parameter the form accepts for it
// is set, then the method is switched to each other one; the recipe the
// form keeps is one the CLI reads strictly (no key of the old method stays,
// e.g. normalise.ref_unit after leaving dist2ref).
func TestMethodSwitchStrict(t *testing.T) {
	// keep_direction needs an aggregation that honours directions.
	topsis, err := SetMethodOption(pipeline.Default(), "aggregate.method", pipeline.TOPSISAgg)
	if err != nil {
		t.Fatal(err)
	}
	sections := []struct {
		name    string
		base    pipeline.Recipe
		methods []string
	}{
		{"normalise", topsis, normaliseMethods},
		{"weights", pipeline.Default(), weightMethods},
		{"aggregate", pipeline.Default(), aggregateMethods},
	}
	choose := func(r pipeline.Recipe, key, m string) (pipeline.Recipe, error) {
		if m == pipeline.Dist2Ref && r.Normalise.RefUnit == "" {
			r.Normalise.RefUnit = "11" // as the form does (method.go)
		}
		return SetMethodOption(r, key, m)
	}
	for _, s := range sections {
		key := s.name + ".method"
		for _, from := range s.methods {
			r, err := choose(s.base, key, from)
			if err != nil {
				if from == pipeline.WAHP || from == pipeline.WCombination {
					continue // set in a recipe file only
				}
				t.Fatalf("%s=%s: %v", key, from, err)
			}
			own, _ := pipeline.SectionKeys(s.name, from)
			set := 0
			for _, kv := range formValues[s.name] {
				nr, err := SetMethodOption(r, kv[0], kv[1])
				field := strings.TrimPrefix(kv[0], s.name+".")
				field, _, _ = strings.Cut(field, ".")
				reads := false
				for _, k := range own {
					reads = reads || k == field
				}
				if err != nil {
					// Refused: a control the form does not show for this
					// method, or a combination the recipe's rules refuse
					// (keep_direction with reciprocal).
					if reads && strings.Contains(err.Error(), "unknown JSON key") {
						t.Errorf("%s=%s, %s=%s: %v", key, from, kv[0], kv[1], err)
					}
					continue
				}
				if !reads {
					t.Errorf("%s=%s: %s accepted, a key %s does not read", key, from, kv[0], from)
				}
				r = nr
				set++
			}
			if len(own) > len(commonKeys(s.name)) && set == 0 {
				t.Errorf("%s=%s: none of its parameters set", key, from)
			}
			strictOK(t, from+" with its parameters", r)
			for _, to := range s.methods {
				if to == from {
					continue
				}
				nr, err := choose(r, key, to)
				if err != nil {
					if to == pipeline.WAHP || to == pipeline.WCombination {
						continue
					}
					t.Errorf("%s %s → %s: %v", key, from, to, err)
					continue
				}
				if got := methodOf(nr, s.name); got != to {
					t.Errorf("%s %s → %s gave %s", key, from, to, got)
				}
				strictOK(t, key+" "+from+" → "+to, nr)
			}
		}
	}
	// The example of the issue: dist2ref's reference unit is not kept when
	// min-max is chosen.
	r, _ := choose(pipeline.Default(), "normalise.method", pipeline.Dist2Ref)
	if r.Normalise.RefUnit != "11" {
		t.Fatalf("dist2ref without its reference unit: %s", r.JSON())
	}
	r, err = SetMethodOption(r, "normalise.method", pipeline.MinMax)
	if err != nil || r.Normalise.RefUnit != "" || strings.Contains(string(r.JSON()), "ref_unit") {
		t.Errorf("min-max after dist2ref: %v\n%s", err, r.JSON())
	}
	// Presets and the "custom" entry.
	for _, name := range append(pipeline.Presets(), "custom") {
		r, err := SetMethodOption(pipeline.Default(), "preset", name)
		if err != nil {
			t.Fatal(name, err)
		}
		strictOK(t, "preset "+name, r)
	}
}

func methodOf(r pipeline.Recipe, section string) string {
	switch section {
	case "normalise":
		return r.Normalise.Method
	case "weights":
		return r.Weights.Method
	}
	return r.Aggregate.Method
}

// commonKeys are the keys every method of the section reads.
func commonKeys(section string) []string {
	k, _ := pipeline.SectionKeys(section, map[string]string{"normalise": pipeline.NNone, "weights": pipeline.WEqual, "aggregate": pipeline.AMean}[section])
	return k
}

// TestWorkspaceRecipeStrict: the recipe the workspace keeps, downloads and
// stores in its result is one the CLI reads, even when code left a key of
// an old method behind; a project file a user brings with such a key is
// refused with the key named.
func TestWorkspaceRecipeStrict(t *testing.T) {
	var w Workspace
	w.SetSample()
	r := pipeline.Default()
	r.Normalise.RefUnit = "110000" // left behind: min-max does not read it
	r.Weights.Method = pipeline.WCRITIC
	if err := w.SetRecipe(r); err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(w.RecipeJSON(), []byte("ref_unit")) || bytes.Contains(w.RecipeJSON(), []byte(`"variant"`)) {
		t.Errorf("stale keys kept:\n%s", w.RecipeJSON())
	}
	strictOK(t, "download", w.recipe())
	w.Run()
	if w.Result == nil {
		t.Fatalf("no result: %v", w.Report)
	}
	if _, err := pipeline.ParseRecipe(bytes.NewReader(w.Result.Recipe.JSON())); err != nil {
		t.Errorf("the result's recipe: %v", err)
	}
	p := w.Project()
	p.Recipe.Normalise.RefUnit = "110000"
	b, _ := json.Marshal(p)
	var v Workspace
	if err := v.OpenJSON(b); err == nil || !strings.Contains(err.Error(), "normalise.ref_unit") {
		t.Errorf("project with normalise.ref_unit under min-max: %v", err)
	}
	// A session the page saved itself is tidied before it is opened.
	p.Recipe = tidyRecipe(p.Recipe)
	if err := v.Open(p); err != nil || v.recipe().Normalise.RefUnit != "" {
		t.Errorf("tidied session: %v", err)
	}
}
