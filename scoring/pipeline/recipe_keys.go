package pipeline

import (
	"bytes"
	"encoding/json"
	"sort"
	"strconv"

	"github.com/nqp-index/nqp/scoring/jsonx"
)

// The keys each method of a recipe section reads, one table per section.
// jsonx.Decode already rejects keys that no method knows; these tables
// reject a key that the chosen method does not read (e.g. aggregate.v with
// gra, or weights.correlation with entropy), which would otherwise be
// ignored and silently run the default. A key whose value is the zero value
// (0, "", false, null, [] or {}) is accepted anywhere, because a resolved
// recipe writes some fields for every method.
//
// To add an option to a method, add its JSON key to the method's entry.
var (
	// normaliseCommon: keys of every normalisation (recipe-wide spec);
	// normaliseIndicatorCommon: of every per-indicator override.
	normaliseCommon          = []string{"method", "scope", "indicators", "reciprocal", "nonneg_shift", "nonneg_delta"}
	normaliseIndicatorCommon = []string{"method", "reciprocal", "nonneg_shift", "nonneg_delta"}
	normaliseKeys            = map[string][]string{
		MinMax:     {"lower", "upper", "shift"},
		Rescale:    {"lower", "upper", "shift"},
		ZScore:     {"mean", "sd", "population_sd", "keep_direction"},
		Scaled:     {"scaled_lower", "scaled_upper", "scale_factor"},
		NRank:      {"ties"},
		Borda:      {"ties"},
		PRank:      {"ties"},
		Dist2Ref:   {"ref_unit", "ref_period", "cap_max"},
		Dist2Targ:  {"target", "cap_max"},
		Goalposts:  {"goal_lower", "goal_upper", "goal_scale", "trunc2posts"},
		FracMax:    {},
		Dist2Max:   {},
		NNone:      {},
		VectorNorm: {},
		SumNorm:    {},
		MaxNorm:    {},
		MinNorm:    {},
		MeanNorm:   {},
		Initial:    {},
		PymcdmMax:  {},
	}
	// weightsCommon: keys of every weighting method.
	weightsCommon = []string{"method", "upper", "optimise", "noise"}
	weightsKeys   = map[string][]string{
		WEntropy:     {"variant", "zero_rule", "delta", "a", "b"},
		WCRITIC:      {"correlation"},
		WCV:          {"cv_on"},
		WSD:          {},
		WEqual:       {},
		WManual:      {"as_given"}, // weights used as given: manual only
		WPCA:         {"pca"},
		WAHP:         {"ahp"},
		WCombination: {"combine"},
		WVH:          {},
	}
	// aggregateCommon: keys of every aggregation method.
	aggregateCommon = []string{"method", "scale", "min_share"}
	aggregateKeys   = map[string][]string{
		AMean:         {},
		WSM:           {},
		GMean:         {},
		WPM:           {},
		HMean:         {},
		GenMean:       {"p", "strict_na"},
		CopelandAgg:   {"scope"},
		TOPSISAgg:     {"scope", "topsis_normalize", "weights_in"},
		EntropyTOPSIS: {"scope", "entropy_shift"},
		VIKORAgg:      {"scope", "v"},
		GRAAgg:        {"scope", "rho", "reference", "ref_period", "grade"},
	}
)

// checkMethodKeys checks the normalise, weights and aggregate sections of
// the recipe JSON data against the keys of their methods. Unknown method
// names are left to Check.
func checkMethodKeys(data []byte) error {
	var top map[string]json.RawMessage
	if json.Unmarshal(data, &top) != nil {
		return nil // not an object: jsonx.Decode has reported it
	}
	if err := checkSection(top["normalise"], "normalise", MinMax, normaliseCommon, normaliseKeys); err != nil {
		return err
	}
	var n struct {
		Method     string                     `json:"method"`
		Indicators map[string]json.RawMessage `json:"indicators"`
	}
	if json.Unmarshal(top["normalise"], &n) == nil {
		def := n.Method
		if def == "" {
			def = MinMax
		}
		codes := make([]string, 0, len(n.Indicators))
		for c := range n.Indicators {
			codes = append(codes, c)
		}
		sort.Strings(codes)
		for _, c := range codes {
			if err := checkSection(n.Indicators[c], "normalise.indicators."+c, def, normaliseIndicatorCommon, normaliseKeys); err != nil {
				return err
			}
		}
	}
	if err := checkWeightsKeys(top["weights"], "weights"); err != nil {
		return err
	}
	return checkSection(top["aggregate"], "aggregate", AMean, aggregateCommon, aggregateKeys)
}

// checkWeightsKeys checks a weights object and the bases of a combination.
func checkWeightsKeys(raw json.RawMessage, path string) error {
	if err := checkSection(raw, path, WEntropy, weightsCommon, weightsKeys); err != nil {
		return err
	}
	var w struct {
		Combine *struct {
			Bases []json.RawMessage `json:"bases"`
		} `json:"combine"`
	}
	if json.Unmarshal(raw, &w) != nil || w.Combine == nil {
		return nil
	}
	for i, b := range w.Combine.Bases {
		if err := checkWeightsKeys(b, path+".combine.bases["+strconv.Itoa(i)+"]"); err != nil {
			return err
		}
	}
	return nil
}

// checkSection checks the object raw at path: each key with a non-zero
// value must be in common or in the table entry of its method (def when
// the object names none).
func checkSection(raw json.RawMessage, path, def string, common []string, table map[string][]string) error {
	var obj map[string]json.RawMessage
	if len(raw) == 0 || json.Unmarshal(raw, &obj) != nil || obj == nil {
		return nil
	}
	method := def
	if m, ok := obj["method"]; ok {
		var s string
		if json.Unmarshal(m, &s) == nil && s != "" {
			method = s
		}
	}
	own, ok := table[method]
	if !ok {
		return nil // Check names the unknown method
	}
	keys := make([]string, 0, len(obj))
	for k := range obj {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if hasString(common, k) || hasString(own, k) || zeroJSON(obj[k]) {
			continue
		}
		known := append(append([]string(nil), common...), own...)
		return jsonx.UnknownKeyFor(jsonx.Join(path, k), known, path+".method "+method)
	}
	return nil
}

// zeroJSON reports whether v is null, false, 0, "", [] or {}.
func zeroJSON(v json.RawMessage) bool {
	v = bytes.TrimSpace(v)
	switch string(v) {
	case "null", "false", `""`, "[]", "{}":
		return true
	}
	var f float64
	if json.Unmarshal(v, &f) == nil && f == 0 {
		return true
	}
	var o map[string]json.RawMessage
	if json.Unmarshal(v, &o) == nil && len(o) == 0 {
		return true
	}
	var a []json.RawMessage
	return json.Unmarshal(v, &a) == nil && len(a) == 0
}

func hasString(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// SectionKeys returns the keys that method reads in section ("normalise",
// "weights" or "aggregate"), including the keys every method of that
// section reads; ok is false for an unknown section or method. A tool that
// switches a section's method (e.g. an uncertainty analysis trying
// weights.method = critic) drops the other keys.
func SectionKeys(section, method string) (keys []string, ok bool) {
	var common, own []string
	switch section {
	case "normalise":
		common, own, ok = normaliseCommon, normaliseKeys[method], normaliseKeys[method] != nil
	case "weights":
		common, own, ok = weightsCommon, weightsKeys[method], weightsKeys[method] != nil
	case "aggregate":
		common, own, ok = aggregateCommon, aggregateKeys[method], aggregateKeys[method] != nil
	}
	if !ok {
		return nil, false
	}
	return append(append([]string(nil), common...), own...), true
}
