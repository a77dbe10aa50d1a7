package pipeline

import (
	"bytes"
	"encoding/json"
	"io"
	"strings"

	"github.com/nqp-index/nqp/scoring/diag"
	"github.com/nqp-index/nqp/scoring/jsonx"
)

// Schema is the recipe schema version written into every recipe.
const Schema = "nqp-recipe/1"

// Recipe describes a run completely. Its zero values are filled in by
// Resolve, and the resolved recipe is embedded in every Result.
type Recipe struct {
	Schema string `json:"schema"`
	Select Select `json:"select"`
	// Pre-steps, in COINr's order (each off by default).
	Denominate Denominate `json:"denominate"`
	Impute     Impute     `json:"impute"`
	Screen     Screen     `json:"screen"`
	Treat      Treat      `json:"treat"`
	Normalise  Normalise  `json:"normalise"`
	Weights    Weights    `json:"weights"`
	Aggregate  Aggregate  `json:"aggregate"`
	Rank       Rank       `json:"rank"`
	// Analyses are run on the scores by package analysis (none by default).
	Analyses []Analysis `json:"analyses,omitempty"`
}

// Select keeps a subset of the data. Empty lists keep everything.
type Select struct {
	Units             []string `json:"units"`              // unit codes or names to keep
	ExcludeUnits      []string `json:"exclude_units"`      // unit codes or names to drop
	Periods           []string `json:"periods"`            // period labels to keep
	Indicators        []string `json:"indicators"`         // indicator codes to keep
	ExcludeIndicators []string `json:"exclude_indicators"` // indicator codes to drop
	// MinPeriodCoverage drops periods in which fewer than this share of the
	// indicator cells have data (default 0.5; 0 keeps every period). Real
	// panels often hold early years with one or two indicators only, whose
	// scores would not be comparable.
	MinPeriodCoverage *float64 `json:"min_period_coverage,omitempty"`
}

// Rank configures ranking.
type Rank struct {
	// Groups names the grouping for within-group ranks: "region4" (China's
	// four NBS regions, from the unit codes), "region3" (the older three
	// belts), the name of a text column of the data, or "" for none.
	Groups string `json:"groups"`
	// Indicators adds ranks of every indicator per period (COINr ranks
	// every column): "normalised" (Result.IndicatorRanks), "raw"
	// (Result.RawRanks), "both", or "" for none (the default).
	Indicators string `json:"indicators,omitempty"`
}

func fp(v float64) *float64 { return &v }

// Default returns the NQP standard recipe: pooled min-max to [0, 1],
// pooled-panel entropy weights with 0·ln0 = 0, weighted arithmetic mean
// up the tree, ×100, ranks overall and within the four regions.
func Default() Recipe {
	r := Recipe{}
	r.Rank.Groups = "region4"
	r.Resolve()
	return r
}

// Preset returns a named recipe: "nqp-standard" (Default) or "coinr"
// (min-max to [0, 100], framework weights, arithmetic mean, no rescaling:
// COINr's simple pipeline).
func Preset(name string) (Recipe, error) {
	switch name {
	case "nqp-standard", "":
		return Default(), nil
	case "coinr":
		r := Recipe{}
		r.Normalise.Lower, r.Normalise.Upper = fp(0), fp(100)
		r.Weights.Method = WManual
		r.Aggregate.Scale = fp(1)
		r.Resolve()
		return r, nil
	case "entropy-topsis":
		// SPSSAU's 熵权TOPSIS on min-max data: entropy weights (with the
		// 0.01 non-negative shift) multiplied into the matrix, then TOPSIS;
		// closeness ×100.
		r := Default()
		r.Aggregate = Aggregate{Method: EntropyTOPSIS}
		r.Resolve()
		return r, nil
	case "critic":
		r := Default()
		r.Weights = Weights{Method: WCRITIC}
		r.Resolve()
		return r, nil
	}
	return Recipe{}, diag.Errorf("未知的预设 %q（可选：%s）", "unknown preset %q (known: %s)", name, strings.Join(Presets(), ", "))
}

// Presets lists the preset names.
func Presets() []string { return []string{"nqp-standard", "coinr", "entropy-topsis", "critic"} }

// Resolve fills in defaults so that the recipe states every choice.
func (r *Recipe) Resolve() {
	if r.Schema == "" {
		r.Schema = Schema
	}
	if r.Select.MinPeriodCoverage == nil {
		r.Select.MinPeriodCoverage = fp(0.5)
	}
	r.Denominate.resolve()
	r.Impute.resolve()
	r.Screen.resolve()
	r.Treat.resolve()
	r.Normalise.resolve()
	r.Weights.resolve()
	r.Aggregate.resolve()
	resolveAnalyses(r.Analyses)
}

// Check reports recipe errors (unknown names, impossible parameters) in
// Chinese and English.
func (r *Recipe) Check() error {
	if r.Schema != Schema {
		return diag.Errorf("配方版本 %q 不受支持（应为 %q）", "unsupported recipe schema %q (want %q)", r.Schema, Schema)
	}
	if c := *r.Select.MinPeriodCoverage; !(c >= 0 && c <= 1) {
		return diag.Errorf("select.min_period_coverage 必须在 [0, 1] 内", "select.min_period_coverage must be in [0, 1]")
	}
	for _, check := range []func() error{r.Denominate.check, r.Impute.check, r.Screen.check, r.Treat.check, r.Normalise.check, r.Weights.check, r.Aggregate.check} {
		if err := check(); err != nil {
			return err
		}
	}
	if err := r.checkVariants(); err != nil {
		return err
	}
	return checkAnalyses(r.Analyses)
}

// ParseRecipe reads a recipe from JSON strictly (jsonx.Decode: one value,
// no trailing data, no unknown key at any depth; then no key that the
// chosen method of normalise, weights or aggregate does not read), and
// resolves and checks it.
func ParseRecipe(rd io.Reader) (Recipe, error) {
	var r Recipe
	data, err := io.ReadAll(rd)
	if err == nil {
		err = checkAnalysisKeys(data) // keys per analysis, before the decoder lists all
	}
	if err == nil {
		err = jsonx.Decode(data, &r)
	}
	if err == nil {
		err = checkMethodKeys(data)
	}
	if err != nil {
		return Recipe{}, diag.Errorf("无法读取配方 JSON：%v", "cannot read recipe JSON: %v", err)
	}
	r.Resolve()
	if err := r.Check(); err != nil {
		return Recipe{}, err
	}
	return r, nil
}

// JSON returns the recipe as indented JSON with a trailing newline.
func (r Recipe) JSON() []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	_ = enc.Encode(r) // a Recipe always encodes
	return b.Bytes()
}

// bad reports an invalid recipe value with the accepted ones.
func bad(field, val, known string) error {
	return diag.Errorf("配方字段 %s 的取值 %q 无效（可选：%s）", "recipe field %s: invalid value %q (known: %s)", field, val, known)
}
