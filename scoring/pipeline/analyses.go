package pipeline

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/nqp-index/nqp/scoring/diag"
	"github.com/nqp-index/nqp/scoring/jsonx"
)

// Analysis names (the recipe's analyses[].name). The analyses themselves
// live in package analysis, which runs the declared list on a Result; the
// recipe only holds the declarations.
const (
	ACoupling      = "coupling"       // coupling coordination C, T, D
	AObstacle      = "obstacle"       // obstacle degrees and top-N obstacles
	ADagum         = "dagum"          // Dagum Gini decomposition per period
	ATheil         = "theil"          // Theil T or L with within/between parts per period
	AKDE           = "kde"            // kernel density per period on a shared grid
	AMarkov        = "markov"         // Markov transition matrix of quantile classes
	ASpatialMarkov = "spatial-markov" // spatial Markov chain
	ASigma         = "sigma"          // σ-convergence
	ABeta          = "beta"           // absolute β-convergence
	AMoran         = "moran"          // global Moran's I per period
	ALISA          = "lisa"           // local Moran per period
	AUA            = "ua"             // Monte Carlo uncertainty analysis
	ASA            = "sa"             // Saltelli/Jansen sensitivity analysis
	ARemove        = "remove"         // remove one element at a time
	ACompare       = "compare"        // compare recipe variants with the nominal one
)

// AnalysisNames lists the known analyses in documentation order.
var AnalysisNames = []string{ACoupling, AObstacle, ADagum, ATheil, AKDE, AMarkov, ASpatialMarkov, ASigma, ABeta, AMoran, ALISA, AUA, ASA, ARemove, ACompare}

// Analysis declares one analysis run on the scores of the recipe. Only the
// parameters of the named analysis may be set; Resolve fills in their
// defaults so that the resolved recipe states every choice.
type Analysis struct {
	Name string `json:"name"`
	// ID names the analysis in the result and in table names (letters,
	// digits, - and _; default: the name, then name-2, name-3… for repeats).
	ID string `json:"id,omitempty"`
	// Level is the aggregate analysed ("" = the index). For coupling and
	// obstacle it is the parent whose children are the subsystems or
	// dimensions, unless Codes lists them.
	Level string   `json:"level,omitempty"`
	Codes []string `json:"codes,omitempty"`
	// Groups: region4, region3, the recipe's rank.groups column, or ""
	// (none). dagum/theil default to region4.
	Groups string `json:"groups,omitempty"`
	// Variant: coupling standard|wang|fan; theil T|L; beta panel|panel-unit|
	// panel-pooled|cross-section.
	Variant string `json:"variant,omitempty"`
	// Coupling: coordination weights α (nil = equal), [0.01, 0.99]
	// rescaling, and the class boundary rule "(a,b]" or "[a,b)".
	CoordinationWeights []float64 `json:"coordination_weights,omitempty"`
	Rescale             bool      `json:"rescale,omitempty"`
	Boundary            string    `json:"boundary,omitempty"`
	// Obstacle: the number of top obstacles per row.
	Top int `json:"top,omitempty"`
	// KDE: kernel gaussian|epanechnikov, bandwidth silverman|scott, a fixed
	// bandwidth h (> 0 overrides the rule), grid points and cut.
	Kernel    string  `json:"kernel,omitempty"`
	Bandwidth string  `json:"bandwidth,omitempty"`
	H         float64 `json:"h,omitempty"`
	Points    int     `json:"points,omitempty"`
	Cut       float64 `json:"cut,omitempty"`
	// Markov: classes K, thresholds pooled|period, fixed inner breaks, lag.
	K          int       `json:"k,omitempty"`
	Thresholds string    `json:"thresholds,omitempty"`
	Breaks     []float64 `json:"breaks,omitempty"`
	Lag        int       `json:"lag,omitempty"`
	// Sigma: the SD divisor n − ddof (0: n, 1: n − 1).
	DDof *int `json:"ddof,omitempty"`
	// Spatial weights of moran, lisa and spatial-markov.
	W *SpatialWeights `json:"w,omitempty"`
	// Moran: permutations of the permutation test (default 999; −1 = none).
	Permutations int `json:"permutations,omitempty"`
	// Seed of moran, ua and sa (default 1).
	Seed *uint64 `json:"seed,omitempty"`
	// UA/SA: runs (ua, default 1000) or base sample size (sa, default
	// 500), bootstrap replicates (sa, default 1000; −1 = none), the
	// uncertain inputs, and whether ua keeps every run's scores.
	N          int         `json:"n,omitempty"`
	Nboot      int         `json:"nboot,omitempty"`
	Inputs     []Uncertain `json:"inputs,omitempty"`
	KeepScores bool        `json:"keep_scores,omitempty"`
	// Remove: the framework level of the elements removed (1 = indicators).
	ElementLevel int `json:"element_level,omitempty"`
	// Compare: recipe variants compared with the nominal recipe.
	Variants []RecipeVariant `json:"variants,omitempty"`
}

// Uncertain is one uncertain input of ua/sa (see analysis.Uncertain): a
// recipe choice (Path and Alternatives) or weight noise per level.
type Uncertain struct {
	Name         string            `json:"name"`
	Path         string            `json:"path,omitempty"`
	Alternatives []json.RawMessage `json:"alternatives,omitempty"`
	Noise        []LevelNoise      `json:"noise,omitempty"`
	NoiseSets    int               `json:"noise_sets,omitempty"`
}

// LevelNoise is the weight noise factor of one framework level.
type LevelNoise struct {
	Level  int     `json:"level"`
	Factor float64 `json:"factor"`
}

// RecipeVariant is a recipe compared by the compare analysis: the nominal
// recipe with the JSON value at each Path replaced by Value.
type RecipeVariant struct {
	Name  string       `json:"name"`
	Edits []RecipeEdit `json:"edits"`
}

// RecipeEdit replaces the JSON value at a dotted recipe path.
type RecipeEdit struct {
	Path  string          `json:"path"`
	Value json.RawMessage `json:"value"`
}

// Spatial weight types.
const (
	WContiguity = "contiguity" // built-in province contiguity
	WDistance   = "distance"   // inverse great-circle distance between capitals
	WMatrix     = "matrix"     // user-supplied matrix
)

// SpatialWeights chooses the spatial weight matrix W.
type SpatialWeights struct {
	Type string `json:"type"` // contiguity (default), distance or matrix
	// SeaLink adds 广东–海南 to the contiguity (default true).
	SeaLink *bool `json:"sea_link,omitempty"`
	// Power p of w = 1/d^p (distance; default 1).
	Power float64 `json:"power,omitempty"`
	// A user matrix: Units names its rows and columns (unit codes or
	// names) and Matrix holds it; or Entries lists (i, j, w) triples by
	// unit code (pairs not listed are 0). Units not in the result are
	// ignored; every unit of the result must be present.
	Units   []string      `json:"units,omitempty"`
	Matrix  [][]float64   `json:"matrix,omitempty"`
	Entries []WeightEntry `json:"entries,omitempty"`
	// Standardise is row (default: every row sums to 1) or none.
	Standardise string `json:"standardise"`
}

// WeightEntry is one weight w_ij of a user matrix given in long form.
type WeightEntry struct {
	I string  `json:"i"`
	J string  `json:"j"`
	W float64 `json:"w"`
}

func bp(v bool) *bool     { return &v }
func up(v uint64) *uint64 { return &v }
func analysisField(i int, f string) string {
	if f == "" {
		return fmt.Sprintf("analyses[%d]", i)
	}
	return fmt.Sprintf("analyses[%d].%s", i, f)
}

// which parameters each analysis accepts (JSON names; name and id always).
var analysisParams = map[string]string{
	ACoupling:      "level codes variant coordination_weights rescale boundary",
	AObstacle:      "level codes top",
	ADagum:         "level groups",
	ATheil:         "level groups variant",
	AKDE:           "level kernel bandwidth h points cut",
	AMarkov:        "level k thresholds breaks lag",
	ASpatialMarkov: "level k thresholds breaks lag w",
	ASigma:         "level groups ddof",
	ABeta:          "level groups variant",
	AMoran:         "level w permutations seed",
	ALISA:          "level w",
	AUA:            "level inputs n seed keep_scores",
	ASA:            "level inputs n nboot seed",
	ARemove:        "level element_level",
	ACompare:       "level variants",
}

// spatialKeys are the keys of each type of spatial weights.
var spatialKeys = map[string][]string{
	WContiguity: {"type", "sea_link", "standardise"},
	WDistance:   {"type", "power", "standardise"},
	WMatrix:     {"type", "units", "matrix", "entries", "standardise"},
}

// analysisKeys returns the JSON keys of the analysis name: name, id and
// its parameters (nil for an unknown name).
func analysisKeys(name string) []string {
	p, ok := analysisParams[name]
	if !ok {
		return nil
	}
	return append([]string{"name", "id"}, strings.Fields(p)...)
}

// checkAnalysisKeys checks the keys of each entry of the recipe's
// analyses (JSON data) against the keys of its analysis, before the
// recipe is decoded, so that an unknown key (analyses[2].foo) is named
// with the keys of that analysis rather than of all of them. A key with a
// zero value is accepted, as in the method sections. Unknown names and
// malformed JSON are left to the decoder and Check.
func checkAnalysisKeys(data []byte) error {
	var top struct {
		Analyses []map[string]json.RawMessage `json:"analyses"`
	}
	if json.Unmarshal(data, &top) != nil {
		return nil
	}
	for i, obj := range top.Analyses {
		var name string
		if json.Unmarshal(obj["name"], &name) != nil {
			continue
		}
		name = canonicalAnalysis(name)
		known := analysisKeys(name)
		if known == nil {
			continue // Check names the unknown analysis
		}
		keys := make([]string, 0, len(obj))
		for k := range obj {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if !slices.Contains(known, k) && !zeroJSON(obj[k]) {
				return jsonx.UnknownKeyFor(analysisField(i, k), known, analysisField(i, "name")+" "+name)
			}
		}
	}
	return nil
}

// canonicalAnalysis maps the accepted aliases of analysis names to the
// names (as resolveAnalyses does).
func canonicalAnalysis(name string) string {
	name = strings.ToLower(strings.TrimSpace(name))
	switch name {
	case "gini":
		return ADagum
	case "spatial_markov", "spatialmarkov":
		return ASpatialMarkov
	case "local-moran", "local_moran":
		return ALISA
	}
	return name
}

func resolveAnalyses(as []Analysis) {
	seen := map[string]int{}
	for i := range as {
		a := &as[i]
		a.Name = canonicalAnalysis(a.Name)
		if a.ID == "" {
			seen[a.Name]++
			a.ID = a.Name
			if k := seen[a.Name]; k > 1 {
				a.ID = fmt.Sprintf("%s-%d", a.Name, k)
			}
		}
		a.resolve()
	}
}

func (a *Analysis) resolve() {
	switch a.Name {
	case ACoupling:
		if a.Variant == "" {
			a.Variant = "standard"
		}
		if a.Boundary == "" {
			a.Boundary = "(a,b]"
		}
	case AObstacle:
		if a.Top == 0 {
			a.Top = 5
		}
	case ADagum, ATheil:
		if a.Groups == "" {
			a.Groups = "region4"
		}
		if a.Name == ATheil && a.Variant == "" {
			a.Variant = "T"
		}
	case AKDE:
		if a.Kernel == "" {
			a.Kernel = "gaussian"
		}
		if a.Bandwidth == "" && a.H == 0 {
			a.Bandwidth = "silverman"
		}
		if a.Points == 0 {
			a.Points = 512
		}
		if a.Cut == 0 {
			a.Cut = 3
		}
	case AMarkov, ASpatialMarkov:
		if a.Breaks != nil {
			a.K = len(a.Breaks) + 1
		}
		if a.K == 0 {
			a.K = 4
		}
		if a.Thresholds == "" {
			a.Thresholds = "pooled"
		}
		if a.Lag == 0 {
			a.Lag = 1
		}
	case ASigma:
		if a.DDof == nil {
			a.DDof = ip(0)
		}
	case ABeta:
		if a.Variant == "" {
			a.Variant = "panel"
		}
	case AMoran:
		if a.Permutations == 0 {
			a.Permutations = 999
		}
	case AUA:
		if a.N == 0 {
			a.N = 1000
		}
	case ASA:
		if a.N == 0 {
			a.N = 500
		}
		if a.Nboot == 0 {
			a.Nboot = 1000
		}
	case ARemove:
		if a.ElementLevel == 0 {
			a.ElementLevel = 1
		}
	}
	switch a.Name {
	case AMoran, AUA, ASA:
		if a.Seed == nil {
			a.Seed = up(1)
		}
	}
	switch a.Name {
	case AMoran, ALISA, ASpatialMarkov:
		if a.W == nil {
			a.W = &SpatialWeights{}
		}
		w := a.W
		w.Type = strings.ToLower(strings.TrimSpace(w.Type))
		if w.Type == "" {
			if w.Matrix != nil || w.Entries != nil {
				w.Type = WMatrix
			} else {
				w.Type = WContiguity
			}
		}
		if w.Type == WContiguity && w.SeaLink == nil {
			w.SeaLink = bp(true)
		}
		if w.Type == WDistance && w.Power == 0 {
			w.Power = 1
		}
		if w.Standardise == "" {
			w.Standardise = "row"
		}
	}
}

func checkAnalyses(as []Analysis) error {
	ids := map[string]bool{}
	for i := range as {
		if err := as[i].check(i); err != nil {
			return err
		}
		if ids[as[i].ID] {
			return diag.Errorf("%s：标识 %q 重复", "%s: duplicate id %q", analysisField(i, "id"), as[i].ID)
		}
		ids[as[i].ID] = true
	}
	return nil
}

func validID(s string) bool {
	if s == "" || len(s) > 24 {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return false
		}
	}
	return true
}

func (a *Analysis) check(i int) error {
	f := func(name string) string { return analysisField(i, name) }
	_, ok := analysisParams[a.Name]
	if !ok {
		return bad(f("name"), a.Name, strings.Join(AnalysisNames, ", "))
	}
	if !validID(a.ID) {
		return diag.Errorf("%s 只能含字母、数字、- 和 _（至多 24 个字符）", "%s may hold letters, digits, - and _ only (at most 24 characters)", f("id"))
	}
	// parameters that do not apply to this analysis
	known := analysisKeys(a.Name)
	v := reflect.ValueOf(*a)
	t := v.Type()
	for k := 0; k < t.NumField(); k++ {
		tag := strings.Split(t.Field(k).Tag.Get("json"), ",")[0]
		if !slices.Contains(known, tag) && !v.Field(k).IsZero() {
			return jsonx.UnknownKeyFor(f(tag), known, f("name")+" "+a.Name)
		}
	}
	for k, u := range a.Inputs {
		if u.NoiseSets != 0 && len(u.Noise) == 0 {
			g := f(fmt.Sprintf("inputs[%d]", k))
			return jsonx.UnknownKeyFor(g+".noise_sets", []string{"name", "path", "alternatives"}, g+" (path)")
		}
	}
	one := func(field, val, known string) error {
		for _, k := range strings.Split(known, ", ") {
			if val == k {
				return nil
			}
		}
		return bad(f(field), val, known)
	}
	switch a.Name {
	case ACoupling:
		if err := one("variant", a.Variant, "standard, wang, fan"); err != nil {
			return err
		}
		if err := one("boundary", a.Boundary, "(a,b], [a,b)"); err != nil {
			return err
		}
		for _, w := range a.CoordinationWeights {
			if !(w >= 0) || math.IsInf(w, 0) {
				return diag.Errorf("%s 须为非负数", "%s must be non-negative", f("coordination_weights"))
			}
		}
		if a.CoordinationWeights != nil && a.Codes != nil && len(a.CoordinationWeights) != len(a.Codes) {
			return diag.Errorf("%s 的个数须与 codes 相同", "%s must have one weight per code", f("coordination_weights"))
		}
	case AObstacle:
		if a.Top < 0 {
			return diag.Errorf("%s 不能为负", "%s cannot be negative", f("top"))
		}
	case ADagum, ATheil, ASigma, ABeta:
		if a.Name == ATheil {
			if err := one("variant", a.Variant, "T, L"); err != nil {
				return err
			}
		}
		if a.Name == ABeta {
			if err := one("variant", a.Variant, "panel, panel-unit, panel-pooled, cross-section"); err != nil {
				return err
			}
		}
		if a.Name == ASigma && *a.DDof != 0 && *a.DDof != 1 {
			return diag.Errorf("%s 只能是 0（除以 n）或 1（除以 n − 1）", "%s must be 0 (divide by n) or 1 (divide by n − 1)", f("ddof"))
		}
	case AKDE:
		if err := one("kernel", a.Kernel, "gaussian, epanechnikov"); err != nil {
			return err
		}
		if a.H == 0 || a.Bandwidth != "" {
			if err := one("bandwidth", a.Bandwidth, "silverman, scott"); err != nil {
				return err
			}
		}
		if !(a.H >= 0) || math.IsInf(a.H, 0) || a.Points < 1 || !(a.Cut >= 0) {
			return diag.Errorf("%s 的 h、points、cut 须为正", "%s: h, points and cut must be positive", f(""))
		}
	case AMarkov, ASpatialMarkov:
		if err := one("thresholds", a.Thresholds, "pooled, period"); err != nil {
			return err
		}
		if a.K < 2 || a.Lag < 1 {
			return diag.Errorf("%s 至少需要 2 个状态（k）且滞后期（lag）≥ 1", "%s needs k ≥ 2 and lag ≥ 1", f(""))
		}
		for j := 1; j < len(a.Breaks); j++ {
			if !(a.Breaks[j] > a.Breaks[j-1]) {
				return diag.Errorf("%s 须严格递增", "%s must increase strictly", f("breaks"))
			}
		}
	case AMoran:
		if a.Permutations < -1 {
			return diag.Errorf("%s 须 ≥ 1，或为 −1（不做置换检验）", "%s must be ≥ 1, or −1 for no permutation test", f("permutations"))
		}
	case AUA, ASA:
		if len(a.Inputs) == 0 {
			return diag.Errorf("%s 需要至少一个不确定输入", "%s needs at least one uncertain input", f("inputs"))
		}
		if a.Name == ASA && len(a.Inputs) < 2 {
			return diag.Errorf("%s：敏感性分析至少需要 2 个不确定输入", "%s: a sensitivity analysis needs at least 2 uncertain inputs", f("inputs"))
		}
		if a.N < 1 || a.Nboot < -1 {
			return diag.Errorf("%s 的 n 须 ≥ 1、nboot 须 ≥ 1 或为 −1", "%s: n must be ≥ 1 and nboot ≥ 1 or −1", f(""))
		}
		for k, u := range a.Inputs {
			g := f(fmt.Sprintf("inputs[%d]", k))
			switch {
			case len(u.Noise) > 0 && (u.Path != "" || len(u.Alternatives) > 0):
				return diag.Errorf("%s 不能同时是配方替换和权重扰动", "%s cannot be both a recipe choice and weight noise", g)
			case len(u.Noise) > 0:
				for _, n := range u.Noise {
					if n.Level < 1 || !(n.Factor >= 0) {
						return diag.Errorf("%s.noise：层级须 ≥ 1、扰动系数须非负", "%s.noise: levels must be ≥ 1 and factors non-negative", g)
					}
				}
			case u.Path == "" || len(u.Alternatives) == 0:
				return diag.Errorf("%s 需要配方路径（path）和至少一个备选值（alternatives），或权重扰动（noise）", "%s needs a recipe path and alternatives, or weight noise", g)
			}
		}
	case ARemove:
		if a.ElementLevel < 1 {
			return diag.Errorf("%s 须 ≥ 1", "%s must be ≥ 1", f("element_level"))
		}
	case ACompare:
		if len(a.Variants) == 0 {
			return diag.Errorf("%s 需要至少一个配方变体", "%s needs at least one recipe variant", f("variants"))
		}
		for k, v := range a.Variants {
			g := f(fmt.Sprintf("variants[%d]", k))
			if v.Name == "" || len(v.Edits) == 0 {
				return diag.Errorf("%s 需要名称（name）和至少一处修改（edits）", "%s needs a name and at least one edit", g)
			}
			for _, e := range v.Edits {
				if e.Path == "" || len(e.Value) == 0 {
					return diag.Errorf("%s.edits 的每一项都需要 path 和 value", "%s.edits: every edit needs a path and a value", g)
				}
			}
		}
	}
	if a.W != nil {
		if err := a.W.Check(f("w")); err != nil {
			return err
		}
	}
	return nil
}

// Check validates a spatial weight choice on its own (the match with the
// result's units is checked when the analysis runs). field names it in
// messages, e.g. "analyses[0].w".
func (w *SpatialWeights) Check(field string) error {
	// Keys of another type of weights would be ignored.
	if w.Power != 0 && w.Type != WDistance {
		return jsonx.UnknownKeyFor(field+".power", spatialKeys[w.Type], field+".type "+w.Type)
	}
	if w.SeaLink != nil && w.Type != WContiguity {
		return jsonx.UnknownKeyFor(field+".sea_link", spatialKeys[w.Type], field+".type "+w.Type)
	}
	switch w.Type {
	case WContiguity, WDistance:
		if w.Units != nil || w.Matrix != nil || w.Entries != nil {
			return diag.Errorf("%s：units、matrix、entries 只用于 type = matrix", "%s: units, matrix and entries need type = matrix", field)
		}
		if w.Type == WDistance && !(w.Power > 0) {
			return diag.Errorf("%s.power 须为正", "%s.power must be positive", field)
		}
	case WMatrix:
		if err := w.checkMatrix(field); err != nil {
			return err
		}
	default:
		return bad(field+".type", w.Type, "contiguity, distance, matrix")
	}
	switch w.Standardise {
	case "row", "none":
	default:
		return bad(field+".standardise", w.Standardise, "row, none")
	}
	return nil
}

func (w *SpatialWeights) checkMatrix(field string) error {
	switch {
	case w.Matrix != nil && w.Entries != nil:
		return diag.Errorf("%s：matrix 与 entries 只能给出一种", "%s: give matrix or entries, not both", field)
	case w.Matrix == nil && w.Entries == nil:
		return diag.Errorf("%s：type = matrix 需要 matrix（配合 units）或 entries", "%s: type = matrix needs matrix (with units) or entries", field)
	}
	num := func(v float64, i, j string) error {
		if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
			return diag.Errorf("%s：第 %s 行第 %s 列的权重 %v 无效（须为非负有限数）", "%s: the weight in row %s, column %s (%v) must be a non-negative finite number", field, i, j, v)
		}
		if i == j && v != 0 {
			return diag.Errorf("%s：对角线（%s, %s）须为 0", "%s: the diagonal (%s, %s) must be 0", field, i, j)
		}
		return nil
	}
	if w.Entries != nil {
		if w.Units != nil {
			return diag.Errorf("%s：entries 以单元代码标识，不需要 units", "%s: entries name their units; drop units", field)
		}
		seen := map[[2]string]bool{}
		for _, e := range w.Entries {
			if e.I == "" || e.J == "" {
				return diag.Errorf("%s.entries：每一项都需要 i 和 j", "%s.entries: every entry needs i and j", field)
			}
			if seen[[2]string{e.I, e.J}] {
				return diag.Errorf("%s.entries：（%s, %s）重复", "%s.entries: (%s, %s) is listed twice", field, e.I, e.J)
			}
			seen[[2]string{e.I, e.J}] = true
			if err := num(e.W, e.I, e.J); err != nil {
				return err
			}
		}
		return nil
	}
	n := len(w.Units)
	if len(w.Matrix) != n {
		return diag.Errorf("%s：matrix 有 %d 行，而 units 有 %d 个", "%s: matrix has %d rows but units has %d", field, len(w.Matrix), n)
	}
	idx := map[string]bool{}
	for _, u := range w.Units {
		if idx[u] {
			return diag.Errorf("%s.units：%q 重复", "%s.units: %q is listed twice", field, u)
		}
		idx[u] = true
	}
	for i, row := range w.Matrix {
		if len(row) != n {
			return diag.Errorf("%s：第 %s 行有 %d 列，应为 %d（矩阵须为方阵）", "%s: row %s has %d columns, want %d (the matrix must be square)", field, w.Units[i], len(row), n)
		}
		for j, v := range row {
			if err := num(v, w.Units[i], w.Units[j]); err != nil {
				return err
			}
		}
	}
	return nil
}

// Text is a text in Chinese and English.
type Text struct {
	Zh string `json:"zh"`
	En string `json:"en"`
}

// In returns the text in lang ("en" or Chinese otherwise).
func (t Text) In(lang string) string {
	if lang == "en" {
		return t.En
	}
	return t.Zh
}

// AnalysisOutput is the result of one declared analysis: its declaration
// (resolved) and its tables.
type AnalysisOutput struct {
	ID       string          `json:"id"`
	Name     string          `json:"name"`
	Analysis Analysis        `json:"params"`
	Tables   []AnalysisTable `json:"tables"`
}

// AnalysisTable is a rectangular table of an analysis. Cells are string,
// float64, int, Text (a label in both languages) or nil; in JSON NaN and
// ±Inf are written as null and Text as {"zh": …, "en": …}.
type AnalysisTable struct {
	Name   string  `json:"name"` // ASCII, unique within the result's analyses
	Title  Text    `json:"title"`
	Header []Text  `json:"header"`
	Rows   [][]any `json:"rows"`
}

// MarshalJSON writes the table deterministically, numbers in the shortest
// form that reads back to the same float64 and NaN as null.
func (t AnalysisTable) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	str := func(s string) {
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		_ = enc.Encode(s)
		b.Truncate(b.Len() - 1) // the encoder's newline
	}
	text := func(x Text) {
		b.WriteString(`{"zh":`)
		str(x.Zh)
		b.WriteString(`,"en":`)
		str(x.En)
		b.WriteByte('}')
	}
	b.WriteString(`{"name":`)
	str(t.Name)
	b.WriteString(`,"title":`)
	text(t.Title)
	b.WriteString(`,"header":[`)
	for i, h := range t.Header {
		if i > 0 {
			b.WriteByte(',')
		}
		text(h)
	}
	b.WriteString(`],"rows":[`)
	for i, row := range t.Rows {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('[')
		for j, v := range row {
			if j > 0 {
				b.WriteByte(',')
			}
			switch x := v.(type) {
			case nil:
				b.WriteString("null")
			case float64:
				b.Write(appendNum(nil, x))
			case int:
				b.WriteString(strconv.Itoa(x))
			case string:
				str(x)
			case Text:
				text(x)
			default:
				return nil, fmt.Errorf("analysis table %s: unsupported cell type %T", t.Name, v)
			}
		}
		b.WriteByte(']')
	}
	b.WriteString("]}")
	return b.Bytes(), nil
}

// UnmarshalJSON reads a table written by MarshalJSON: null → nil, numbers
// → float64, {"zh", "en"} → Text.
func (t *AnalysisTable) UnmarshalJSON(data []byte) error {
	var raw struct {
		Name   string              `json:"name"`
		Title  Text                `json:"title"`
		Header []Text              `json:"header"`
		Rows   [][]json.RawMessage `json:"rows"`
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		return err
	}
	*t = AnalysisTable{Name: raw.Name, Title: raw.Title, Header: raw.Header}
	if raw.Rows != nil {
		t.Rows = make([][]any, len(raw.Rows))
	}
	for i, row := range raw.Rows {
		t.Rows[i] = make([]any, len(row))
		for j, c := range row {
			c = bytes.TrimSpace(c)
			switch {
			case len(c) == 0 || string(c) == "null":
			case c[0] == '"':
				var s string
				if err := json.Unmarshal(c, &s); err != nil {
					return err
				}
				t.Rows[i][j] = s
			case c[0] == '{':
				var x Text
				if err := json.Unmarshal(c, &x); err != nil {
					return err
				}
				t.Rows[i][j] = x
			default:
				v, err := strconv.ParseFloat(string(c), 64)
				if err != nil {
					return err
				}
				t.Rows[i][j] = v
			}
		}
	}
	return nil
}
