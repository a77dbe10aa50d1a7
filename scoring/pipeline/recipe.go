package pipeline

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
)

// Schema is the recipe schema version written into every recipe.
const Schema = "nqp-recipe/1"

// Recipe describes a run completely. Its zero values are filled in by
// Resolve, and the resolved recipe is embedded in every Result.
type Recipe struct {
	Schema    string    `json:"schema"`
	Select    Select    `json:"select"`
	Normalise Normalise `json:"normalise"`
	Weights   Weights   `json:"weights"`
	Aggregate Aggregate `json:"aggregate"`
	Rank      Rank      `json:"rank"`
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

// Normalisation methods.
const (
	MinMax = "minmax"
	ZScore = "zscore"
)

// Scopes of normalisation and of objective weights.
const (
	ScopeGlobal = "global" // pool all periods (the default)
	ScopePeriod = "period" // each period on its own
)

// Normalise configures the normalisation step.
type Normalise struct {
	Method string `json:"method"` // "minmax" (default) or "zscore"
	// MinMax: y = l + (u−l)(x−min)/(max−min) + shift.
	Lower *float64 `json:"lower,omitempty"` // default 0
	Upper *float64 `json:"upper,omitempty"` // default 1
	Shift float64  `json:"shift"`           // δ added after scaling (e.g. 0.0001)
	// ZScore: y = (x−mean)/sd·SD + Mean with the sample sd (n−1).
	Mean *float64 `json:"mean,omitempty"` // default 0
	SD   *float64 `json:"sd,omitempty"`   // default 1
	// Scope: "global" (pooled over all periods; default) or "period".
	Scope string `json:"scope"`
}

// Weighting methods.
const (
	WEqual   = "equal"
	WManual  = "manual"
	WEntropy = "entropy"
	WCRITIC  = "critic"
	WCV      = "cv"
	WSD      = "sd"
)

// Entropy variants.
const (
	EntropyPooled        = "pooled"          // one run over all unit-periods, k = 1/ln(N) ("加入时间变量", SPSSAU 一次法)
	EntropyPerPeriod     = "per-period"      // one run per period, k = 1/ln(m); each period scored with its own weights
	EntropyPerPeriodMean = "per-period-mean" // per-period weights averaged into one vector (SPSSAU 多次法)
)

// Entropy zero rules: how p·ln p is made finite when p = 0.
const (
	ZeroAsZero  = "zero"    // define 0·ln0 = 0 (SPSSAU)
	ZeroShift   = "shift"   // add δ to every normalised value before computing p
	ZeroRescale = "rescale" // rescale each column linearly to [a, b] before computing p
)

// Upper-level weight sources for objective methods.
const (
	UpperDerived   = "derived"   // an aggregate's weight is the sum of its indicators' weights
	UpperFramework = "framework" // aggregates keep the framework's weights
	UpperEqual     = "equal"     // aggregates get equal weights within their group
)

// Weights configures the indicator weights.
type Weights struct {
	// Method: "entropy" (default), "critic", "cv", "sd", "equal" or "manual".
	Method string `json:"method"`
	// Entropy options.
	Variant  string  `json:"variant,omitempty"`   // pooled (default), per-period, per-period-mean
	ZeroRule string  `json:"zero_rule,omitempty"` // zero (default), shift, rescale
	Delta    float64 `json:"delta,omitempty"`     // δ for zero_rule=shift (default 0.0001)
	A        float64 `json:"a,omitempty"`         // lower end for zero_rule=rescale (default 0.002)
	B        float64 `json:"b,omitempty"`         // upper end for zero_rule=rescale (default 0.998)
	// CV option: compute the coefficient of variation on "raw" data (default) or "normalised".
	CVOn string `json:"cv_on,omitempty"`
	// Upper: how aggregates are weighted for objective methods:
	// derived (default), framework or equal.
	Upper string `json:"upper,omitempty"`
}

// Aggregation methods.
const (
	AMean = "amean"
	GMean = "gmean"
)

// Aggregate configures the level-by-level aggregation.
type Aggregate struct {
	Method string `json:"method"` // "amean" (default) or "gmean"
	// Scale multiplies every aggregate score (100 for the usual ×100; default 100).
	Scale *float64 `json:"scale,omitempty"`
	// MinShare: a parent is missing if fewer than this share of its
	// children are available (COINr dat_thresh; default 0 = any child suffices).
	MinShare float64 `json:"min_share"`
}

// Rank configures ranking.
type Rank struct {
	// Groups names the grouping for within-group ranks: "region4" (China's
	// four NBS regions, from the unit codes), "region3" (the older three
	// belts), the name of a text column of the data, or "" for none.
	Groups string `json:"groups"`
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
	}
	return Recipe{}, fmt.Errorf("unknown preset %q (known: nqp-standard, coinr)", name)
}

// Resolve fills in defaults so that the recipe states every choice.
func (r *Recipe) Resolve() {
	if r.Schema == "" {
		r.Schema = Schema
	}
	if r.Select.MinPeriodCoverage == nil {
		r.Select.MinPeriodCoverage = fp(0.5)
	}
	n := &r.Normalise
	if n.Method == "" {
		n.Method = MinMax
	}
	if n.Scope == "" {
		n.Scope = ScopeGlobal
	}
	switch n.Method {
	case MinMax:
		if n.Lower == nil {
			n.Lower = fp(0)
		}
		if n.Upper == nil {
			n.Upper = fp(1)
		}
	case ZScore:
		if n.Mean == nil {
			n.Mean = fp(0)
		}
		if n.SD == nil {
			n.SD = fp(1)
		}
	}
	w := &r.Weights
	if w.Method == "" {
		w.Method = WEntropy
	}
	switch w.Method {
	case WEntropy:
		if w.Variant == "" {
			w.Variant = EntropyPooled
		}
		if w.ZeroRule == "" {
			w.ZeroRule = ZeroAsZero
		}
		if w.ZeroRule == ZeroShift && w.Delta == 0 {
			w.Delta = 0.0001
		}
		if w.ZeroRule == ZeroRescale && w.A == 0 && w.B == 0 {
			w.A, w.B = 0.002, 0.998
		}
	case WCV:
		if w.CVOn == "" {
			w.CVOn = "raw"
		}
	}
	if w.Method != WEqual && w.Method != WManual && w.Upper == "" {
		w.Upper = UpperDerived
	}
	a := &r.Aggregate
	if a.Method == "" {
		a.Method = AMean
	}
	if a.Scale == nil {
		a.Scale = fp(100)
	}
}

// Check reports recipe errors (unknown names, impossible parameters) in
// Chinese and English.
func (r *Recipe) Check() error {
	bad := func(field, val, known string) error {
		return fmt.Errorf("配方字段 %s 的取值 %q 无效（可选：%s） / recipe field %s: invalid value %q (known: %s)", field, val, known, field, val, known)
	}
	if r.Schema != Schema {
		return fmt.Errorf("配方版本 %q 不受支持（应为 %q） / unsupported recipe schema %q (want %q)", r.Schema, Schema, r.Schema, Schema)
	}
	if c := *r.Select.MinPeriodCoverage; !(c >= 0 && c <= 1) {
		return fmt.Errorf("select.min_period_coverage 必须在 [0, 1] 内 / select.min_period_coverage must be in [0, 1]")
	}
	switch r.Normalise.Method {
	case MinMax:
		if !(*r.Normalise.Upper > *r.Normalise.Lower) {
			return fmt.Errorf("归一化上限必须大于下限 / normalise.upper must be greater than normalise.lower")
		}
	case ZScore:
		if !(*r.Normalise.SD > 0) {
			return fmt.Errorf("z-score 的目标标准差必须为正 / normalise.sd must be positive")
		}
	default:
		return bad("normalise.method", r.Normalise.Method, "minmax, zscore")
	}
	switch r.Normalise.Scope {
	case ScopeGlobal, ScopePeriod:
	default:
		return bad("normalise.scope", r.Normalise.Scope, "global, period")
	}
	w := r.Weights
	switch w.Method {
	case WEqual, WManual, WCRITIC, WSD:
	case WCV:
		if w.CVOn != "raw" && w.CVOn != "normalised" {
			return bad("weights.cv_on", w.CVOn, "raw, normalised")
		}
	case WEntropy:
		switch w.Variant {
		case EntropyPooled, EntropyPerPeriod, EntropyPerPeriodMean:
		default:
			return bad("weights.variant", w.Variant, "pooled, per-period, per-period-mean")
		}
		switch w.ZeroRule {
		case ZeroAsZero:
		case ZeroShift:
			if !(w.Delta > 0) {
				return fmt.Errorf("熵值法平移量 delta 必须为正 / weights.delta must be positive")
			}
		case ZeroRescale:
			if !(w.B > w.A && w.A >= 0) {
				return fmt.Errorf("熵值法区间 [a, b] 须满足 0 ≤ a < b / weights.a and weights.b must satisfy 0 ≤ a < b")
			}
		default:
			return bad("weights.zero_rule", w.ZeroRule, "zero, shift, rescale")
		}
	default:
		return bad("weights.method", w.Method, "entropy, critic, cv, sd, equal, manual")
	}
	if w.Method != WEqual && w.Method != WManual {
		switch w.Upper {
		case UpperDerived, UpperFramework, UpperEqual:
		default:
			return bad("weights.upper", w.Upper, "derived, framework, equal")
		}
	}
	switch r.Aggregate.Method {
	case AMean, GMean:
	default:
		return bad("aggregate.method", r.Aggregate.Method, "amean, gmean")
	}
	if s := *r.Aggregate.Scale; !(s > 0) {
		return fmt.Errorf("汇总缩放系数必须为正 / aggregate.scale must be positive")
	}
	if r.Aggregate.MinShare < 0 || r.Aggregate.MinShare > 1 {
		return fmt.Errorf("aggregate.min_share 必须在 [0, 1] 内 / aggregate.min_share must be in [0, 1]")
	}
	return nil
}

// ParseRecipe reads a recipe from JSON, rejecting unknown fields, and
// resolves and checks it.
func ParseRecipe(rd io.Reader) (Recipe, error) {
	var r Recipe
	dec := json.NewDecoder(rd)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&r); err != nil {
		return Recipe{}, fmt.Errorf("无法读取配方 JSON：%v / cannot read recipe JSON: %v", err, err)
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
