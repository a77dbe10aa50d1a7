package mcda

import (
	"sort"
	"strings"

	"github.com/nqp-index/nqp/scoring/jsonx"
)

// Keys lists the parameters one normalisation, weighting or method reads
// from a Request: Num from "params", Str from "options", Vec from
// "vectors".
type Keys struct {
	Num, Str, Vec []string
}

// The accepted parameter keys, one table per step. To add an option to a
// normalisation, weighting or method, add its key to the entry of that name
// here: Solve rejects every key that no step of the request reads (an
// ignored key would silently run the default), and TestParamKeysCoverSource
// fails when the source reads a key that no table lists.
var (
	// NormalizeKeys: the keys of each normalisation (Request.Normalize).
	NormalizeKeys = map[string]Keys{
		"minmax-ab":    {Num: []string{"a", "b"}},
		"zscore":       {Num: []string{"ddof", "flip_cost"}},
		"spssau-shift": {Num: []string{"shift"}},
		"moderate":     {Vec: []string{"best"}},
		"interval":     {Vec: []string{"lower", "upper"}},
		"scaled":       {Num: []string{"scaled_lower", "scaled_upper", "scale_factor"}},
		"rank":         {Str: []string{"ties"}},
		"borda":        {Str: []string{"ties"}},
		"prank":        {Str: []string{"ties"}},
		"dist2ref":     {Num: []string{"ref_row", "cap_max"}},
		"dist2targ":    {Num: []string{"cap_max"}, Vec: []string{"target"}},
		"goalposts": {Num: []string{"goal_lower", "goal_upper", "goal_scale", "trunc2posts"},
			Vec: []string{"goal_lower", "goal_upper", "goal_scale"}},
	}
	// WeightingKeys: the keys of each weighting (Request.Weighting).
	// "combination" also accepts the keys of its bases and the vectors its
	// options.bases names.
	WeightingKeys = map[string]Keys{
		"entropy":     {Num: []string{"shift", "nonneg_shift"}},
		"critic":      {Num: []string{"abs_corr"}, Str: []string{"correlation"}},
		"pca":         {Num: []string{"min_eigen", "cumulative"}},
		"ahp":         {Str: []string{"ahp_method", "ri"}},
		"combination": {Num: []string{"alpha", "abs"}, Str: []string{"bases", "rule"}, Vec: []string{"alpha"}},
	}
	// MethodKeys: the keys of each method (Request.Method).
	MethodKeys = map[string]Keys{
		"wsm":            {Num: []string{"rescale_weights"}},
		"amean":          {Num: []string{"rescale_weights"}},
		"wpm":            {Num: []string{"rescale_weights"}},
		"gmean":          {Num: []string{"rescale_weights"}},
		"hmean":          {Num: []string{"rescale_weights"}},
		"genmean":        {Num: []string{"p", "rescale_weights"}},
		"topsis":         {Num: []string{"rescale_weights"}, Str: []string{"weights_in"}},
		"entropy-topsis": {Num: []string{"shift"}},
		"vikor":          {Num: []string{"v", "rescale_weights"}},
		"gra":            {Num: []string{"rho", "rescale_weights"}, Vec: []string{"reference"}},
		"copeland":       {Num: []string{"rescale_weights"}},
	}
)

// add appends the keys of k to s (a set per map).
func (s *keySet) add(k Keys) {
	for _, v := range k.Num {
		s.num[v] = true
	}
	for _, v := range k.Str {
		s.str[v] = true
	}
	for _, v := range k.Vec {
		s.vec[v] = true
	}
}

type keySet struct{ num, str, vec map[string]bool }

// checkParams rejects every key of r.Params that the normalisation, the
// weighting and the method named do not read.
func checkParams(r Request, norm, weighting, method string) error {
	s := keySet{map[string]bool{}, map[string]bool{}, map[string]bool{}}
	s.add(NormalizeKeys[norm])
	s.add(MethodKeys[method])
	if method != "entropy-topsis" && r.Weights == nil {
		s.add(WeightingKeys[weighting])
		if weighting == "combination" {
			for _, b := range strings.Split(r.Str["bases"], ",") {
				b = strings.TrimSpace(b)
				if k, ok := WeightingKeys[b]; ok && b != "combination" {
					s.add(k)
				} else if b != "" {
					s.vec[b] = true
				}
			}
		}
	}
	for _, c := range []struct {
		field string
		got   map[string]bool
		ok    map[string]bool
	}{
		{"params", keysOf(r.Num), s.num},
		{"options", keysOf(r.Str), s.str},
		{"vectors", keysOf(r.Vec), s.vec},
	} {
		names := make([]string, 0, len(c.got))
		for k := range c.got {
			names = append(names, k)
		}
		sort.Strings(names)
		for _, k := range names {
			if !c.ok[k] {
				known := make([]string, 0, len(c.ok))
				for v := range c.ok {
					known = append(known, v)
				}
				return jsonx.UnknownKeyFor(c.field+"."+k, known, "normalize="+norm+", weighting="+weighting+", method="+method)
			}
		}
	}
	return nil
}

func keysOf[V any](m map[string]V) map[string]bool {
	out := make(map[string]bool, len(m))
	for k := range m {
		out[k] = true
	}
	return out
}
