package mcda

import (
	"math"
	"strings"
)

// CombinationBase is one base weighting of a combination: its name (a
// weighting name, or the name of a given vector), its weights (sum 1) and
// its own details.
type CombinationBase struct {
	Name    string         `json:"name"`
	Weights []float64      `json:"weights"`
	Details map[string]any `json:"details,omitempty"`
}

// CombinationResult records weighting "combination" (组合赋权): the rule,
// the base vectors, the coefficients (linear α, or game theory's α* and raw
// α) and the combined weights.
type CombinationResult struct {
	Rule     string            `json:"rule"`
	Bases    []CombinationBase `json:"bases"`
	Alpha    []float64         `json:"alpha,omitempty"`
	AlphaRaw []float64         `json:"alpha_raw,omitempty"`
	Weights  []float64         `json:"weights"`
	Warning  string            `json:"warning,omitempty"`
}

// Combination rules accepted by weighting "combination" (option "rule").
var CombinationRules = []string{"linear", "multiplicative", "geometric", "game-theory"}

// combineWeights computes weighting "combination": option "bases" lists
// two or more base weightings separated by commas; each is a weighting name
// (computed on z like any other; not "combination") or the name of a
// vectors entry holding given weights. Option "rule" (linear by default):
//
//	linear          Σ_k α_k w_k: Num "alpha" = α with two bases (α, 1 − α; CombineLinear),
//	                or Vec "alpha" one coefficient per base summing to 1; default equal shares
//	multiplicative  Π_k w_k, renormalised (CombineMultiplicative for two bases)
//	geometric       (Π_k w_k)^{1/k}, renormalised (CombineGeometric for two bases)
//	game-theory     GameTheory(ws, abs) with Num "abs" (1 = |α|)
func combineWeights(z [][]float64, r Request, d map[string]any) ([]float64, error) {
	n := len(z[0])
	var names []string
	for _, s := range strings.Split(r.str("bases", ""), ",") {
		if s = strings.TrimSpace(s); s != "" {
			names = append(names, s)
		}
	}
	if len(names) < 2 {
		return nil, errf("组合赋权需要至少 2 种基础方法：options.bases，如 \"ahp,entropy\"", "the combination needs at least 2 base weightings in options.bases, e.g. \"ahp,entropy\"")
	}
	rule := r.str("rule", "linear")
	if !contains(CombinationRules, rule) {
		return nil, errf("未知组合规则 rule=%q（可选：%v）", "unknown combination rule %q (known: %v)", rule, CombinationRules)
	}
	res := CombinationResult{Rule: rule}
	ws := make([][]float64, len(names))
	for k, name := range names {
		b := CombinationBase{Name: name}
		var w []float64
		var err error
		switch {
		case name == "combination":
			return nil, errf("组合赋权的基础方法不能再是 combination", "a base of the combination cannot itself be combination")
		case contains(WeightingNames, name):
			b.Details = map[string]any{}
			w, err = solveWeights(name, z, r, b.Details)
			if len(b.Details) == 0 {
				b.Details = nil
			}
		case r.vec(name) != nil:
			w = r.vec(name)
		default:
			return nil, errf("组合赋权的第 %d 种基础方法 %q 既不是赋权方法（%v），也不是 vectors 中给出的权重", "base %d of the combination, %q, is neither a weighting (%v) nor a weight vector given in vectors", k+1, name, WeightingNames)
		}
		if err == nil {
			w, err = NormalizeWeights(w, n)
		}
		if err != nil {
			return nil, errf("组合赋权的第 %d 种基础方法（%s）：%v", "base %d of the combination (%s): %v", k+1, name, err)
		}
		ws[k] = w
		b.Weights = w
		res.Bases = append(res.Bases, b)
	}
	k := len(ws)
	var w []float64
	var err error
	switch rule {
	case "linear":
		alpha := r.vec("alpha")
		switch {
		case alpha != nil:
			if len(alpha) != k {
				return nil, errf("vectors.alpha 须为每种基础方法给出一个系数（共 %d 个，现有 %d 个）", "vectors.alpha needs one coefficient per base (%d, not %d)", k, len(alpha))
			}
			s := 0.0
			for _, a := range alpha {
				if !(a >= 0 && a <= 1) {
					return nil, errf("组合系数 α 须在 [0, 1] 内（%v）", "alpha must lie in [0, 1] (%v)", a)
				}
				s += a
			}
			if math.Abs(s-1) > 1e-9 {
				return nil, errf("vectors.alpha 之和须为 1（现为 %v）", "vectors.alpha must sum to 1 (it sums to %v)", s)
			}
			alpha = append([]float64(nil), alpha...)
		case r.has("alpha"):
			if k != 2 {
				return nil, errf("params.alpha 只用于 2 种基础方法；%d 种时请用 vectors.alpha", "params.alpha serves two bases only; with %d give vectors.alpha", k)
			}
			a := r.num("alpha", 0.5)
			alpha = []float64{a, 1 - a}
		default:
			alpha = make([]float64, k)
			for c := range alpha {
				alpha[c] = 1 / float64(k)
			}
		}
		res.Alpha = alpha
		if k == 2 {
			w, err = CombineLinear(ws[0], ws[1], alpha[0])
		} else {
			w = make([]float64, n)
			for c, b := range ws {
				for j := range w {
					w[j] += alpha[c] * b[j]
				}
			}
		}
	case "multiplicative", "geometric":
		switch {
		case k == 2 && rule == "multiplicative":
			w, err = CombineMultiplicative(ws[0], ws[1])
		case k == 2:
			w, err = CombineGeometric(ws[0], ws[1])
		default:
			w = make([]float64, n)
			for j := range w {
				p := 1.0
				for _, b := range ws {
					p *= b[j]
				}
				if rule == "geometric" {
					p = math.Pow(p, 1/float64(k))
				}
				w[j] = p
			}
			w, err = normalizeSum(w, "组合赋权", "combination")
		}
	case "game-theory":
		var g GameTheoryResult
		g, err = GameTheory(ws, r.num("abs", 0) != 0)
		if err == nil {
			w, res.Alpha, res.AlphaRaw = g.Weights, g.Alpha, g.AlphaRaw
			for _, a := range g.Alpha {
				if a < 0 {
					res.Warning = sprintf2("博弈论组合系数有负值（可设 params.abs = 1 取绝对值）", "a game-theory coefficient is negative (set params.abs = 1 to use |α|)")
					break
				}
			}
		}
	}
	if err != nil {
		return nil, err
	}
	for j, v := range w {
		if v < 0 {
			return nil, errf("组合后第 %d 个权重为负（%v）；博弈论组合可设 params.abs = 1", "combined weight %d is negative (%v); for game theory set params.abs = 1", j+1, v)
		}
	}
	res.Weights = w
	d["combination"] = res
	return w, nil
}
