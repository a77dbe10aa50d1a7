package app

import (
	"bytes"
	"encoding/json"
	"slices"
	"strconv"
	"strings"

	"github.com/nqp-index/nqp/scoring/analysis"
	"github.com/nqp-index/nqp/scoring/diag"
	"github.com/nqp-index/nqp/scoring/pipeline"
)

// The method form's logic, kept free of the UI so it is tested natively:
// SetMethodOption turns one form control (its key and value) into a
// change of the recipe, and PresetOf names the preset a recipe equals.

// PresetOf returns the name of the preset (pipeline.Presets) the recipe
// equals, or "" for a custom recipe.
func PresetOf(r pipeline.Recipe) string {
	j := string(r.JSON())
	for _, name := range pipeline.Presets() {
		if p, err := pipeline.Preset(name); err == nil && string(p.JSON()) == j {
			return name
		}
	}
	return ""
}

// optFloat reads an optional number: "" is nil (the default).
func optFloat(v string) (*float64, error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return nil, nil
	}
	f, err := strconv.ParseFloat(strings.Replace(v, "，", ".", 1), 64)
	if err != nil {
		return nil, diag.Errorf("不是数字：%q", "not a number: %q", v)
	}
	return &f, nil
}

// num reads a number, "" being 0.
func num(v string) (float64, error) {
	f, err := optFloat(v)
	if f == nil || err != nil {
		return 0, err
	}
	return *f, nil
}

// SetMethodOption applies one control of the method form to a copy of r
// and returns the resolved and checked recipe. key names a recipe field as
// "section.field" (e.g. "normalise.method", "aggregate.p"), or "preset".
// Changing a method drops the parameters of the previous one.
func SetMethodOption(r pipeline.Recipe, key, value string) (pipeline.Recipe, error) {
	if key == "preset" {
		if value == "custom" { // the "custom" entry: nothing to change
			r = cloneRecipe(r)
			return r, r.Check()
		}
		return pipeline.Preset(value)
	}
	r = cloneRecipe(r)
	var err error
	var f *float64
	setF := func(dst **float64) {
		f, err = optFloat(value)
		*dst = f
	}
	n, w, a := &r.Normalise, &r.Weights, &r.Aggregate
	switch key {
	case "select.min_period_coverage":
		setF(&r.Select.MinPeriodCoverage)
	case "rank.groups":
		if value == "none" {
			value = ""
		}
		r.Rank.Groups = value
	case "rank.indicators":
		if value == "none" {
			value = ""
		}
		r.Rank.Indicators = value
	// Pre-steps.
	case "denominate.enabled":
		r.Denominate.Enabled = value == "true"
	case "impute.method":
		r.Impute = pipeline.Impute{Method: value}
		if value == pipeline.ImpMeanGroup || value == pipeline.ImpMedianGroup {
			r.Impute.Group = "region4"
		}
	case "impute.group":
		r.Impute.Group = value
	case "impute.scope":
		r.Impute.Scope = value
	case "impute.max_time":
		var v float64
		v, err = num(value)
		r.Impute.MaxTime = int(v)
	case "screen.method":
		r.Screen = pipeline.Screen{Method: value}
	case "screen.dat_thresh":
		setF(&r.Screen.DatThresh)
	case "screen.nonzero_thresh":
		setF(&r.Screen.NonzeroThresh)
	case "treat.method":
		r.Treat = pipeline.Treat{Method: value}
	case "treat.winmax":
		f, err = optFloat(value)
		r.Treat.Winmax = nil
		if f != nil {
			v := int(*f)
			r.Treat.Winmax = &v
		}
	case "treat.skew_thresh":
		setF(&r.Treat.SkewThresh)
	case "treat.kurt_thresh":
		setF(&r.Treat.KurtThresh)
	case "treat.f2":
		r.Treat.F2 = value
	// Normalisation.
	case "normalise.method":
		// The new method's defaults are set first; switchMethod then keeps
		// only the keys the new method reads (a reference unit set before
		// choosing dist2ref is kept, and dropped again on leaving it).
		if value == pipeline.Goalposts {
			n.GoalLower, n.GoalUpper = fp(0), fp(100)
		}
		return switchMethod(r, key, value)
	case "normalise.scope":
		n.Scope = value
	case "normalise.lower":
		setF(&n.Lower)
	case "normalise.upper":
		setF(&n.Upper)
	case "normalise.shift":
		n.Shift, err = num(value)
	case "normalise.mean":
		setF(&n.Mean)
	case "normalise.sd":
		setF(&n.SD)
	case "normalise.scaled_lower":
		setF(&n.ScaledLower)
	case "normalise.scaled_upper":
		setF(&n.ScaledUpper)
	case "normalise.scale_factor":
		setF(&n.ScaleFactor)
	case "normalise.ties":
		n.Ties = value
	case "normalise.ref_unit":
		n.RefUnit = value
	case "normalise.target":
		setF(&n.Target)
	case "normalise.goal_lower":
		setF(&n.GoalLower)
	case "normalise.goal_upper":
		setF(&n.GoalUpper)
	case "normalise.population_sd":
		n.PopulationSD = value == "true"
	case "normalise.keep_direction":
		n.KeepDirection = value == "true"
	case "normalise.reciprocal":
		n.Reciprocal = value == "true"
	case "normalise.nonneg_shift":
		n.NonNegShift = value == "true"
	// Weights.
	case "weights.method":
		if value == pipeline.WAHP || value == pipeline.WCombination {
			return r, diag.Errorf("%s 需要在配方文件中设定（判断矩阵或基础方法），请上传配方 JSON", "%s is set in a recipe file (judgement matrices or base methods): upload a recipe JSON", value)
		}
		return switchMethod(r, key, value)
	case "weights.variant":
		w.Variant = value
	case "weights.zero_rule":
		w.ZeroRule, w.Delta, w.A, w.B = value, 0, 0, 0
	case "weights.delta":
		w.Delta, err = num(value)
	case "weights.a":
		w.A, err = num(value)
	case "weights.b":
		w.B, err = num(value)
	case "weights.cv_on":
		w.CVOn = value
	case "weights.correlation":
		if value == "pearson" { // the default, left out of the recipe
			value = ""
		}
		w.Correlation = value
	case "weights.as_given":
		w.AsGiven = value == "true"
	case "weights.upper":
		w.Upper = value
	case "weights.pca.form":
		w.PCA = &pipeline.PCASpec{Form: value}
	// Aggregation.
	case "aggregate.method":
		if value == pipeline.GenMean {
			a.P = fp(2)
		}
		return switchMethod(r, key, value)
	case "aggregate.scale":
		setF(&a.Scale)
	case "aggregate.min_share":
		a.MinShare, err = num(value)
	case "aggregate.p":
		setF(&a.P)
	case "aggregate.v":
		setF(&a.V)
	case "aggregate.rho":
		setF(&a.Rho)
	case "aggregate.scope":
		a.Scope = value
	case "aggregate.topsis_normalize":
		a.TOPSISNormalize = value
	case "aggregate.weights_in":
		a.WeightsIn = value
	case "aggregate.grade":
		a.Grade = value
	default:
		return r, diag.Errorf("未知的方法选项 %q", "unknown method option %q", key)
	}
	if err != nil {
		return r, err
	}
	return strictRecipe(r)
}

// switchMethod sets the method of a recipe section (key "section.method")
// with analysis.EditRecipe, which drops every key of the section that the
// new method does not read, so that no key of the old method stays behind
// (pipeline.ParseRecipe, and so the CLI, would refuse the recipe).
func switchMethod(r pipeline.Recipe, key, value string) (pipeline.Recipe, error) {
	v, _ := json.Marshal(value)
	out, err := analysis.EditRecipe(r, key, v)
	if err == nil {
		return out, nil
	}
	// EditRecipe names the value an "alternative"; the form reports the
	// recipe's own error when there is one.
	section, _, _ := strings.Cut(key, ".")
	switch section {
	case "normalise":
		r.Normalise.Method = value
	case "weights":
		r.Weights.Method = value
	case "aggregate":
		r.Aggregate.Method = value
	}
	r.Resolve()
	if cerr := r.Check(); cerr != nil {
		return r, cerr
	}
	return r, err
}

// strictRecipe resolves and checks r as pipeline.ParseRecipe reads a
// recipe file (no key that the chosen methods do not read), so that every
// recipe the page keeps, shows and downloads is one the CLI accepts.
func strictRecipe(r pipeline.Recipe) (pipeline.Recipe, error) {
	r.Resolve()
	if err := r.Check(); err != nil {
		return r, err
	}
	out, err := pipeline.ParseRecipe(bytes.NewReader(r.JSON()))
	if err != nil {
		return r, err
	}
	return out, nil
}

// tidyRecipe drops the keys that the methods of normalise, weights and
// aggregate (and of each per-indicator normalisation) do not read: keys
// left by a change made in code (r.Weights.Method = ...) or by an earlier
// version of the form (normalise.ref_unit after leaving dist2ref). They
// never changed a result. Files a user brings are read strictly instead
// (ParseRecipe, OpenJSON), so a key a user wrote is never dropped.
func tidyRecipe(r pipeline.Recipe) pipeline.Recipe {
	var tree map[string]any
	if json.Unmarshal(r.JSON(), &tree) != nil {
		return r
	}
	keep := func(section string, obj map[string]any) {
		m, _ := obj["method"].(string)
		known, ok := pipeline.SectionKeys(section, m)
		if !ok {
			return // Check names the unknown method
		}
		for k := range obj {
			if !slices.Contains(known, k) && k != "indicators" {
				delete(obj, k)
			}
		}
	}
	for _, section := range []string{"normalise", "weights", "aggregate"} {
		if obj, ok := tree[section].(map[string]any); ok {
			keep(section, obj)
		}
	}
	if n, ok := tree["normalise"].(map[string]any); ok {
		if ind, ok := n["indicators"].(map[string]any); ok {
			for _, o := range ind {
				if obj, ok := o.(map[string]any); ok {
					keep("normalise", obj)
					delete(obj, "scope")
					delete(obj, "indicators")
				}
			}
		}
	}
	b, err := json.Marshal(tree)
	var out pipeline.Recipe
	if err != nil || json.Unmarshal(b, &out) != nil {
		return r
	}
	return out
}

func fp(v float64) *float64 { return &v }

// cloneRecipe copies a recipe deeply (through its JSON), so that a
// refused change leaves the original untouched.
func cloneRecipe(r pipeline.Recipe) pipeline.Recipe {
	// A copy, not user input: plain decoding (ParseRecipe would refuse a
	// key the form keeps for a later method, e.g. ref_unit).
	var c pipeline.Recipe
	if err := json.Unmarshal(r.JSON(), &c); err != nil {
		return r
	}
	return c
}
