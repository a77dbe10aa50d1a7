package pipeline

import (
	"fmt"

	"github.com/nqp-index/nqp/scoring/diag"
	"github.com/nqp-index/nqp/scoring/mcda"
)

// Weighting methods.
const (
	WEqual   = "equal"
	WManual  = "manual"
	WEntropy = "entropy"
	WCRITIC  = "critic"
	WCV      = "cv"
	WSD      = "sd"
	// WPCA: principal-component weights, COINr's first-component loadings
	// per aggregation group or the Chinese papers' composite coefficients.
	WPCA = "pca"
	// WAHP: analytic hierarchy process, one judgement matrix per group.
	WAHP = "ahp"
	// WCombination: a combination of two or more base methods (组合赋权).
	WCombination = "combination"
	// WVH: 纵横向拉开档次法 (vertical-horizontal scatter) on the normalised panel.
	WVH = "vertical-horizontal"
)

// methodNames lists the accepted weighting methods.
const methodNames = "entropy, critic, cv, sd, equal, manual, pca, ahp, combination, vertical-horizontal"

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
	// Correlation of CRITIC's conflict: "pearson" (default, also when
	// empty), "spearman" or "kendall" (τ-b), as scikit-criteria's
	// CRITIC(correlation=…).
	Correlation string `json:"correlation,omitempty"`
	// AsGiven (method manual only) uses the framework's weights as they are,
	// not rescaled to sum 1 within each group, as pymcdm and scikit-criteria
	// apply given weights (aggregation amean/wsm, gmean/wpm or topsis).
	AsGiven bool `json:"as_given,omitempty"`
	// Upper: how aggregates are weighted for methods that weight the
	// indicators (entropy, critic, cv, sd, pca composite, combination,
	// vertical-horizontal): derived (default), framework or equal.
	Upper string `json:"upper,omitempty"`

	// PCA options (method pca).
	PCA *PCASpec `json:"pca,omitempty"`
	// AHP judgement matrices (method ahp).
	AHP *AHPSpec `json:"ahp,omitempty"`
	// Combination of base methods (method combination).
	Combine *CombineSpec `json:"combine,omitempty"`
	// Optimise re-tunes one level's weights after the method (COINr's
	// get_opt_weights); nil = off.
	Optimise *OptimiseSpec `json:"optimise,omitempty"`
	// Noise perturbs the final weights (COINr's get_noisy_weights, one
	// replicate); nil = off.
	Noise *NoiseSpec `json:"noise,omitempty"`
}

// leafMethod reports whether the method weights the indicators (the
// aggregates' weights then follow Upper).
func (w Weights) leafMethod() bool {
	switch w.Method {
	case WEqual, WManual, WAHP:
		return false
	case WPCA:
		return w.PCA != nil && w.PCA.Form == PCAComposite
	}
	return true
}

// resolve fills in the weighting defaults.
func (w *Weights) resolve() {
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
	case WPCA:
		if w.PCA == nil {
			w.PCA = &PCASpec{}
		}
		w.PCA.resolve()
	case WAHP:
		if w.AHP == nil {
			w.AHP = &AHPSpec{}
		}
		w.AHP.resolve()
	case WCombination:
		if w.Combine == nil {
			w.Combine = &CombineSpec{}
		}
		w.Combine.resolve()
	}
	if w.Optimise != nil {
		w.Optimise.resolve()
	}
	if w.leafMethod() && w.Upper == "" {
		w.Upper = UpperDerived
	}
}

// check reports invalid weighting settings.
func (w Weights) check() error {
	if w.Correlation != "" && w.Method != WCRITIC {
		return diag.Errorf("weights.correlation 只用于 critic，当前方法为 %s", "weights.correlation applies to critic only, not %s", w.Method)
	}
	if w.AsGiven && w.Method != WManual {
		return diag.Errorf("weights.as_given 只用于 manual（指标体系中给定的权重），当前方法为 %s", "weights.as_given applies to manual (the framework's weights) only, not %s", w.Method)
	}
	if w.AsGiven && (w.Optimise != nil || w.Noise != nil) {
		return diag.Errorf("weights.as_given 不能与 optimise 或 noise 同用（它们需要和为 1 的权重）", "weights.as_given cannot be combined with optimise or noise (they need weights summing to 1)")
	}
	switch w.Method {
	case WCRITIC:
		switch w.Correlation {
		case "", mcda.Pearson, mcda.Spearman, mcda.Kendall:
		default:
			return bad("weights.correlation", w.Correlation, "pearson, spearman, kendall")
		}
	case WEqual, WManual, WSD, WVH:
	case WPCA:
		if err := w.PCA.check(); err != nil {
			return err
		}
	case WAHP:
		if err := w.AHP.check(); err != nil {
			return err
		}
	case WCombination:
		if err := w.Combine.check(); err != nil {
			return err
		}
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
				return diag.Errorf("熵值法平移量 delta 必须为正", "weights.delta must be positive")
			}
		case ZeroRescale:
			if !(w.B > w.A && w.A >= 0) {
				return diag.Errorf("熵值法区间 [a, b] 须满足 0 ≤ a < b", "weights.a and weights.b must satisfy 0 ≤ a < b")
			}
		default:
			return bad("weights.zero_rule", w.ZeroRule, "zero, shift, rescale")
		}
	default:
		return bad("weights.method", w.Method, methodNames)
	}
	if w.Optimise != nil {
		if err := w.Optimise.check(); err != nil {
			return err
		}
	}
	if w.Noise != nil {
		if err := w.Noise.check(); err != nil {
			return err
		}
	}
	if w.leafMethod() {
		switch w.Upper {
		case UpperDerived, UpperFramework, UpperEqual:
		default:
			return bad("weights.upper", w.Upper, "derived, framework, equal")
		}
	}
	return nil
}

// computeWeights (x and y are column-major: x[j][row]) returns the indicator weight vectors (one, or one per
// period for the per-period entropy variant) with the label of the period
// each applies to, and records the method's diagnostics in res.
func computeWeights(res *Result, x, y Matrix, periodOf []int, w Weights, rep *diag.Report) ([][]float64, []string) {
	np := len(res.Indicators)
	all := make([]int, len(res.Rows))
	for i := range all {
		all[i] = i
	}
	note := func(ns []colIssue, period string) {
		for _, n := range ns {
			p := diag.Problem{Severity: diag.Warning, Code: n.code, Zh: n.zh, En: n.en}
			if n.col >= 0 {
				c := res.Indicators[n.col]
				p.Column = c
				p.Zh = "指标 " + c + "：" + p.Zh
				p.En = "indicator " + c + ": " + p.En
			}
			if period != "" {
				p.Zh = "时期 " + period + "，" + p.Zh
				p.En = "period " + period + ", " + p.En
			}
			rep.Add(p)
		}
	}
	switch w.Method {
	case WEqual, WManual, WAHP, WPCA, WCombination, WVH:
		// Leaves take their weights from the tree (see relativeWeights) or
		// from the method (see methodWeights).
		return [][]float64{nil}, []string{""}
	case WCRITIC:
		dg, ns := critic(y, all, w.Correlation)
		note(ns, "")
		res.CRITIC = &dg
		return [][]float64{dg.W}, []string{""}
	case WCV, WSD:
		m := y
		if w.Method == WCV && w.CVOn == "raw" {
			m = x
		}
		dg, ns := spread(m, all, w.Method == WCV)
		note(ns, "")
		res.Spread = &dg
		return [][]float64{dg.W}, []string{""}
	}
	// Entropy.
	if w.Variant == EntropyPooled || len(res.Periods) == 1 {
		dg, ns := entropy(y, all, w)
		note(ns, "")
		res.Entropy = []EntropyDiag{dg}
		return [][]float64{dg.W}, []string{""}
	}
	byP := make([][]int, len(res.Periods))
	for i, p := range periodOf {
		byP[p] = append(byP[p], i)
	}
	sets := make([][]float64, len(res.Periods))
	labels := make([]string, len(res.Periods))
	for p, idx := range byP {
		dg, ns := entropy(y, idx, w)
		dg.Period = res.Periods[p].Label
		note(ns, dg.Period)
		res.Entropy = append(res.Entropy, dg)
		sets[p] = dg.W
		labels[p] = dg.Period
	}
	if w.Variant == EntropyPerPeriod {
		return sets, labels
	}
	mean := make([]float64, np)
	for _, s := range sets {
		for j, v := range s {
			mean[j] += v / float64(len(sets))
		}
	}
	return [][]float64{mean}, []string{""}
}

// warn adds a warning to the run's report.
func (st *state) warn(code, zh, en, column string) {
	st.rep.Add(diag.Problem{Severity: diag.Warning, Code: code, Column: column, Zh: zh, En: en})
}

// methodWeights returns the relative node weights of method w (one set,
// or one per period for the per-period entropy variant) with the period
// label of each set. Optimise and noise are not applied here.
func (st *state) methodWeights(w Weights) ([][]float64, []string, error) {
	var leafW []float64
	var err error
	switch {
	case w.Method == WAHP:
		rel, err := st.ahpWeights(w.AHP)
		if err != nil {
			return nil, nil, err
		}
		return [][]float64{rel}, []string{""}, nil
	case w.Method == WPCA && w.PCA.Form == PCACOINr:
		rel, err := st.pcaCOINr(w.PCA)
		if err != nil {
			return nil, nil, err
		}
		return [][]float64{rel}, []string{""}, nil
	case w.Method == WPCA:
		leafW, err = st.pcaComposite(w.PCA)
	case w.Method == WCombination:
		leafW, err = st.combine(w.Combine)
	case w.Method == WVH:
		leafW, err = st.verticalHorizontal()
	default:
		sets, labels := computeWeights(st.res, st.xc, st.yc, st.periodOf, w, st.rep)
		rels := make([][]float64, len(sets))
		for s := range sets {
			rels[s] = st.relWithNotes(sets[s], w, s == 0)
		}
		return rels, labels, nil
	}
	if err != nil {
		return nil, nil, err
	}
	return [][]float64{st.relWithNotes(leafW, w, true)}, []string{""}, nil
}

// relWithNotes is relativeWeights with the zero-sum groups reported.
func (st *state) relWithNotes(leafW []float64, w Weights, report bool) []float64 {
	rel, notes := relativeWeights(st.t, leafW, w)
	if report {
		for _, c := range notes {
			st.rep.Add(diag.Problem{Severity: diag.Warning, Code: "zero-weight-group", Column: c,
				Zh: fmt.Sprintf("%s 的下级权重之和为 0，组内改用等权重", c),
				En: fmt.Sprintf("the weights under %s sum to 0: equal weights used within that group", c)})
		}
	}
	return rel
}

// weigh computes the relative and effective weights of every node (one
// set, or one per period), applying the optimisation and noise stages.
// When the method fails (e.g. a constant column under PCA), it reports an
// error, falls back to the framework weights so that the later steps can
// run, and returns the error.
func (st *state) weigh() error {
	res, t, w := st.res, st.t, st.r.Weights
	rels, labels, err := st.methodWeights(w)
	if err == nil && w.Optimise != nil {
		base := w
		start := func(nodes []int) []float64 {
			// COINr starts infomax from the original (framework) weights;
			// for other methods, from the nodes' effective weights.
			x := make([]float64, len(nodes))
			if base.Method == WManual {
				for m, i := range nodes {
					x[m] = t.fw.Node(t.codes[i]).Weight
				}
				return x
			}
			eff := effective(t, rels[0])
			for m, i := range nodes {
				x[m] = eff[i]
			}
			return x
		}
		if len(rels) > 1 {
			err = &msg{"权重优化需要一组权重，不能与按期熵值法（per-period）同用", "weight optimisation needs one weight set: it cannot follow the per-period entropy variant"}
		} else {
			err = st.optimise(w.Optimise, rels[0], start)
		}
	}
	if err != nil {
		zh, en := diag.Message(err, "zh"), diag.Message(err, "en")
		st.rep.Add(diag.Problem{Severity: diag.Error, Code: "weights-failed", Zh: "权重计算失败：" + zh, En: "the weights cannot be computed: " + en})
		rel, _ := relativeWeights(t, nil, Weights{Method: WManual})
		rels, labels = [][]float64{rel}, []string{""}
	}
	if w.Noise != nil && err == nil {
		for s := range rels {
			rels[s] = perturb(rels[s], t.level, t.parent, w.Noise.Levels, noiseRNG(w.Noise.Seed, 0))
		}
		res.Noise = &NoiseDiag{Seed: w.Noise.Seed, Levels: w.Noise.Levels}
	}
	st.rel = rels
	for s := range rels {
		eff := effective(t, rels[s])
		ws := WeightSet{Period: labels[s]}
		for i, c := range t.codes {
			p := ""
			if t.parent[i] >= 0 {
				p = t.codes[t.parent[i]]
			}
			ws.Nodes = append(ws.Nodes, NodeWeight{Code: c, Parent: p, Level: t.level[i], Relative: rels[s][i], Effective: eff[i]})
		}
		res.Weights = append(res.Weights, ws)
	}
	if err != nil {
		return st.rep.Err()
	}
	return nil
}
