package pipeline

import (
	"fmt"
	"math"

	"github.com/nqp-index/nqp/scoring/diag"
	"github.com/nqp-index/nqp/scoring/mcda"
)

// Combination rules (组合赋权).
const (
	CombineLinear         = "linear"         // Σ_k α_k w_k
	CombineMultiplicative = "multiplicative" // Π_k w_k, renormalised
	CombineGeometric      = "geometric"      // (Π_k w_k)^{1/k}, renormalised (minimum discrimination information)
	CombineGameTheory     = "game-theory"    // 博弈论: (WᵀW)α = diag(WᵀW), w* = Wα/Σα
)

// CombineSpec configures method combination. Each base is a weighting of
// its own (for example ahp or manual as the subjective, entropy or critic
// as the objective weights); its vector is the indicators' effective
// weights. The combined vector weights the indicators, and the aggregates
// follow Weights.Upper (derived by default).
type CombineSpec struct {
	// Rule: linear (default), multiplicative, geometric or game-theory.
	Rule string `json:"rule"`
	// Alpha (linear): one coefficient per base, summing to 1; with two
	// bases a single α means (α, 1 − α). Default: equal shares.
	Alpha []float64 `json:"alpha,omitempty"`
	// Abs (game-theory): normalise |α| instead of α.
	Abs bool `json:"abs,omitempty"`
	// Bases are the methods combined (at least two).
	Bases []Weights `json:"bases"`
}

func (c *CombineSpec) resolve() {
	if c.Rule == "" {
		c.Rule = CombineLinear
	}
	for i := range c.Bases {
		c.Bases[i].resolve()
	}
	if c.Rule == CombineLinear {
		k := len(c.Bases)
		switch {
		case len(c.Alpha) == 1 && k == 2:
			c.Alpha = []float64{c.Alpha[0], 1 - c.Alpha[0]}
		case len(c.Alpha) == 0 && k > 0:
			c.Alpha = make([]float64, k)
			for i := range c.Alpha {
				c.Alpha[i] = 1 / float64(k)
			}
		}
	}
}

func (c *CombineSpec) check() error {
	switch c.Rule {
	case CombineLinear, CombineMultiplicative, CombineGeometric, CombineGameTheory:
	default:
		return bad("weights.combine.rule", c.Rule, "linear, multiplicative, geometric, game-theory")
	}
	if len(c.Bases) < 2 {
		return diag.Errorf("组合赋权至少需要 2 种基础方法 weights.combine.bases", "the combination needs at least 2 base methods in weights.combine.bases")
	}
	for i, b := range c.Bases {
		if b.Method == WCombination || b.Optimise != nil || b.Noise != nil {
			return diag.Errorf("weights.combine.bases[%d]：基础方法不能再是组合、优化或加噪", "weights.combine.bases[%d]: a base cannot itself be a combination, optimised or noisy", i)
		}
		if b.Method == WEntropy && b.Variant == EntropyPerPeriod {
			return diag.Errorf("weights.combine.bases[%d]：组合赋权需要一组权重，熵值法请用 pooled 或 per-period-mean", "weights.combine.bases[%d]: a combination needs one weight vector; use the pooled or per-period-mean entropy variant", i)
		}
		if err := b.check(); err != nil {
			return diag.Errorf("weights.combine.bases[%d]：%v", "weights.combine.bases[%d]: %v", i, err)
		}
	}
	if c.Rule == CombineLinear {
		if len(c.Alpha) != len(c.Bases) {
			return diag.Errorf("weights.combine.alpha 须为每种基础方法给出一个系数（共 %d 个）", "weights.combine.alpha needs one coefficient per base (%d)", len(c.Bases))
		}
		s := 0.0
		for _, a := range c.Alpha {
			if !(a >= 0 && a <= 1) {
				return diag.Errorf("weights.combine.alpha 的系数须在 [0, 1] 内", "weights.combine.alpha coefficients must lie in [0, 1]")
			}
			s += a
		}
		if math.Abs(s-1) > 1e-9 {
			return diag.Errorf("weights.combine.alpha 的系数之和须为 1（现为 %v）", "weights.combine.alpha must sum to 1 (it sums to %v)", s)
		}
	}
	return nil
}

// BaseWeights is one base method's indicator weights in a combination.
type BaseWeights struct {
	Method string `json:"method"`
	W      Vector `json:"w"` // effective indicator weights, summing to 1
}

// CombinationDiag records a combination: the base vectors, the
// coefficients (linear α, or the game-theory solution) and the result.
type CombinationDiag struct {
	Rule     string        `json:"rule"`
	Bases    []BaseWeights `json:"bases"`
	Alpha    Vector        `json:"alpha,omitempty"`     // linear α, or normalised game-theory α*
	AlphaRaw Vector        `json:"alpha_raw,omitempty"` // game theory: solution of (WᵀW)α = diag(WᵀW)
	W        Vector        `json:"w"`
}

// leafEffective returns the indicators' effective weights (in column
// order) for the relative weights rel.
func (st *state) leafEffective(rel []float64) []float64 {
	t := st.t
	eff := effective(t, rel)
	w := make([]float64, len(st.leaves))
	for i := range t.codes {
		if j := t.leafCol[i]; j >= 0 {
			w[j] = eff[i]
		}
	}
	return w
}

// combine computes the bases and combines their indicator weights.
func (st *state) combine(c *CombineSpec) ([]float64, error) {
	dg := &CombinationDiag{Rule: c.Rule}
	ws := make([][]float64, len(c.Bases))
	for k, b := range c.Bases {
		rels, _, err := st.methodWeights(b)
		if err != nil {
			return nil, err
		}
		w := st.leafEffective(rels[0])
		nw, err := mcda.NormalizeWeights(w, len(w))
		if err != nil {
			return nil, &msg{fmt.Sprintf("第 %d 种基础方法（%s）的权重无效：%v", k+1, b.Method, err), fmt.Sprintf("base %d (%s) gives invalid weights: %v", k+1, b.Method, err)}
		}
		ws[k] = nw
		dg.Bases = append(dg.Bases, BaseWeights{Method: b.Method, W: nw})
	}
	n := len(st.leaves)
	w := make([]float64, n)
	switch c.Rule {
	case CombineLinear:
		for k, b := range ws {
			for j := range w {
				w[j] += c.Alpha[k] * b[j]
			}
		}
		dg.Alpha = c.Alpha
	case CombineMultiplicative, CombineGeometric:
		for j := range w {
			p := 1.0
			for _, b := range ws {
				p *= b[j]
			}
			if c.Rule == CombineGeometric {
				p = math.Pow(p, 1/float64(len(ws)))
			}
			w[j] = p
		}
		s := 0.0
		for _, v := range w {
			s += v
		}
		if !(s > 0) {
			return nil, &msg{"各基础权重的乘积全为 0，无法组合", "the products of the base weights are all 0 and cannot be combined"}
		}
		for j := range w {
			w[j] /= s
		}
	case CombineGameTheory:
		g, err := mcda.GameTheory(ws, c.Abs)
		if err != nil {
			return nil, err
		}
		w = g.Weights
		dg.Alpha, dg.AlphaRaw = g.Alpha, g.AlphaRaw
		for _, a := range g.Alpha {
			if a < 0 {
				st.warn("game-theory-negative", "博弈论组合系数有负值（可设 abs: true 取绝对值）", "a game-theory coefficient is negative (set abs: true to use |α|)", "")
				break
			}
		}
	}
	dg.W = w
	st.res.Combination = dg
	return w, nil
}

// VHDiag records 纵横向拉开档次法: H = Σ_t A_tᵀA_t over the complete rows
// of the normalised data, its largest eigenvalue and the weights.
type VHDiag struct {
	NObs   int     `json:"n_obs"`
	H      Matrix  `json:"h"`
	Lambda float64 `json:"lambda"`
	W      Vector  `json:"w"`
}

// verticalHorizontal computes the 纵横向拉开档次法 weights on the normalised
// panel, one matrix A_t per period.
func (st *state) verticalHorizontal() ([]float64, error) {
	panels := make([][][]float64, len(st.res.Periods))
	nobs, dropped := 0, 0
	for n := range st.rows {
		row := make([]float64, len(st.leaves))
		ok := true
		for j := range row {
			row[j] = st.yc[j][n]
			if math.IsNaN(row[j]) {
				ok = false
			}
		}
		if !ok {
			dropped++
			continue
		}
		p := st.periodOf[n]
		panels[p] = append(panels[p], row)
		nobs++
	}
	var use [][][]float64
	for _, a := range panels {
		if len(a) > 0 {
			use = append(use, a)
		}
	}
	if dropped > 0 {
		st.warn("vh-incomplete-rows", fmt.Sprintf("纵横向拉开档次法略去了 %d 个有缺失值的观测", dropped),
			fmt.Sprintf("the vertical-horizontal method left out %d observations with missing values", dropped), "")
	}
	if len(use) == 0 {
		return nil, &msg{"没有完整的观测，纵横向拉开档次法无法计算", "no complete observation: the vertical-horizontal method cannot run"}
	}
	r, err := mcda.VerticalHorizontal(use)
	if err != nil {
		return nil, err
	}
	neg := false
	for _, v := range r.Weights {
		if v < 0 {
			neg = true
		}
	}
	if neg {
		st.warn("vh-negative", "纵横向拉开档次法的特征向量有负分量（数据含负值时可能出现），对应权重为负",
			"the vertical-horizontal eigenvector has negative entries (possible with negative data), so some weights are negative", "")
	}
	st.res.VH = &VHDiag{NObs: nobs, H: r.H, Lambda: r.Lambda, W: r.Weights}
	return r.Weights, nil
}
