package pipeline

import (
	"fmt"
	"math"

	"github.com/nqp-index/nqp/scoring/diag"
	"github.com/nqp-index/nqp/scoring/mcda"
)

// PCA forms.
const (
	// PCACOINr: COINr's get_PCA: per aggregation group, prcomp(center,
	// scale) of the group's members at one level; the members' weights are
	// the raw first-component loadings (they can be negative).
	PCACOINr = "coinr"
	// PCAComposite: the Chinese papers' 主成分分析法赋权 over all
	// indicators: composite coefficients b_j = Σ_k (l_jk/√λ_k)·λ_k/Σλ_kept,
	// weights |b_j|/Σ|b|.
	PCAComposite = "composite"
)

// PCASpec configures method pca.
type PCASpec struct {
	// Form: "composite" (default) or "coinr".
	Form string `json:"form"`
	// Level (coinr form): the level whose weights are replaced by loadings
	// (1 = indicators; default 1). Other levels keep the framework weights.
	Level int `json:"level,omitempty"`
	// ByGroups (coinr form): one PCA per aggregation group (default true)
	// or one PCA over every node of the level.
	ByGroups *bool `json:"by_groups,omitempty"`
	// MinEigen (composite form): keep the components with eigenvalue >
	// MinEigen (default 1, the Kaiser rule) unless Cumulative is set.
	MinEigen *float64 `json:"min_eigen,omitempty"`
	// Cumulative (composite form), in (0, 1]: keep the fewest leading
	// components whose cumulative share of variance reaches it.
	Cumulative float64 `json:"cumulative,omitempty"`
}

func (p *PCASpec) resolve() {
	if p.Form == "" {
		p.Form = PCAComposite
	}
	switch p.Form {
	case PCACOINr:
		if p.Level == 0 {
			p.Level = 1
		}
		if p.ByGroups == nil {
			t := true
			p.ByGroups = &t
		}
	case PCAComposite:
		if p.MinEigen == nil && p.Cumulative == 0 {
			p.MinEigen = fp(1)
		}
	}
}

func (p *PCASpec) check() error {
	switch p.Form {
	case PCACOINr:
		if p.Level < 1 {
			return diag.Errorf("weights.pca.level 必须 ≥ 1", "weights.pca.level must be at least 1")
		}
	case PCAComposite:
		if p.Cumulative < 0 || p.Cumulative > 1 {
			return diag.Errorf("weights.pca.cumulative 须在 (0, 1] 内", "weights.pca.cumulative must lie in (0, 1]")
		}
	default:
		return bad("weights.pca.form", p.Form, "composite, coinr")
	}
	return nil
}

// PCADiag holds one principal-component analysis: the variables (codes),
// the number of complete rows used, the eigenvalues of their correlation
// matrix (= prcomp's sdev²), the variance shares, and the weights.
//
// coinr form: Loadings holds the first unit eigenvector (prcomp's
// rotation[, 1]; its sign is chosen so that it sums to ≥ 0, whereas R's
// sign depends on LAPACK) and W the loadings divided by their sum (the
// relative weights; negative loadings stay negative).
//
// composite form: Loadings is codes × kept with l_jk = v_jk √λ_k, B the
// composite coefficients and W = |B|/Σ|B| (the indicator weights).
type PCADiag struct {
	Form        string   `json:"form"`
	Level       int      `json:"level,omitempty"`
	Group       string   `json:"group,omitempty"` // parent code (coinr form, by groups)
	Codes       []string `json:"codes"`
	NObs        int      `json:"n_obs"`
	Eigenvalues Vector   `json:"eigenvalues"`
	Variance    Vector   `json:"variance_ratio"`
	Kept        int      `json:"kept"`
	Loadings    Matrix   `json:"loadings"`
	B           Vector   `json:"b,omitempty"`
	W           Vector   `json:"w"`
}

// completeRows returns the row-major matrix of the rows in which every
// column of cols (column-major) is present.
func completeRows(cols [][]float64) [][]float64 {
	if len(cols) == 0 {
		return nil
	}
	var out [][]float64
	for n := range cols[0] {
		row := make([]float64, len(cols))
		ok := true
		for j, c := range cols {
			row[j] = c[n]
			if math.IsNaN(c[n]) {
				ok = false
				break
			}
		}
		if ok {
			out = append(out, row)
		}
	}
	return out
}

// pcaComposite returns the composite-coefficient indicator weights on the
// normalised data.
func (st *state) pcaComposite(p *PCASpec) ([]float64, error) {
	rows := completeRows(st.yc)
	opt := mcda.PCAOptions{Cumulative: p.Cumulative}
	if p.MinEigen != nil {
		opt.MinEigen = *p.MinEigen
	}
	r, err := mcda.PCA(rows, opt)
	if err != nil {
		return nil, err
	}
	dg := PCADiag{Form: PCAComposite, Codes: st.leaves, NObs: len(rows), Eigenvalues: r.Eigenvalues, Variance: r.Variance,
		Kept: r.Kept, Loadings: r.Loadings, B: r.B, W: r.Weights}
	st.res.PCA = append(st.res.PCA, dg)
	if r.Warning != "" {
		st.warn("pca-warning", "主成分赋权："+r.Warning, "PCA weights: "+r.Warning, "")
	}
	return r.Weights, nil
}

// pcaCOINr returns relative weights in which the members of each group at
// the spec's level carry their first-component loadings (normalised by
// their sum within the group), all other nodes their framework weights.
// The level's values are the normalised indicators (level 1) or the
// aggregates computed with the framework weights (higher levels), as
// COINr's get_PCA(dset = "Normalised" or "Aggregated").
func (st *state) pcaCOINr(p *PCASpec) ([]float64, error) {
	t := st.t
	rel, _ := relativeWeights(t, nil, Weights{Method: WManual})
	var vals [][]float64 // column per node (row-major node values computed below)
	if p.Level > 1 {
		vals = st.nodeValues(rel)
	}
	column := func(i int) []float64 {
		if j := t.leafCol[i]; j >= 0 {
			return st.yc[j]
		}
		c := make([]float64, len(vals))
		for n := range vals {
			c[n] = vals[n][i]
		}
		return c
	}
	// groups: parents whose children are at the level (by groups), or one
	// group of every node at the level.
	var groups [][]int
	var names []string
	if *p.ByGroups {
		for i := range t.codes {
			var g []int
			for _, c := range t.children[i] {
				if t.level[c] == p.Level {
					g = append(g, c)
				}
			}
			if len(g) > 0 {
				groups = append(groups, g)
				names = append(names, t.codes[i])
			}
		}
	} else {
		var g []int
		for i := range t.codes {
			if t.level[i] == p.Level && t.parent[i] >= 0 {
				g = append(g, i)
			}
		}
		if len(g) > 0 {
			groups, names = [][]int{g}, []string{""}
		}
	}
	if len(groups) == 0 {
		return nil, &msg{fmt.Sprintf("指标体系中没有第 %d 层的非根节点，无法做主成分赋权", p.Level), fmt.Sprintf("the framework has no non-root node at level %d to weight by PCA", p.Level)}
	}
	loading := make([]float64, len(t.codes))
	for k, g := range groups {
		codes := make([]string, len(g))
		cols := make([][]float64, len(g))
		for m, i := range g {
			codes[m] = t.codes[i]
			cols[m] = column(i)
		}
		dg := PCADiag{Form: PCACOINr, Level: p.Level, Group: names[k], Codes: codes}
		if len(g) == 1 {
			// prcomp of one standardised variable: loading ±1.
			dg.Eigenvalues, dg.Variance, dg.Kept, dg.Loadings, dg.W = Vector{1}, Vector{1}, 1, Matrix{{1}}, Vector{1}
			dg.NObs = len(completeRows(cols))
			loading[g[0]] = 1
			st.res.PCA = append(st.res.PCA, dg)
			continue
		}
		rows := completeRows(cols)
		dg.NObs = len(rows)
		r, err := mcda.PCALoadings(rows)
		if err != nil {
			return nil, &msg{fmt.Sprintf("%s 组的主成分分析失败：%v", names[k], err), fmt.Sprintf("PCA of group %s failed: %v", names[k], err)}
		}
		dg.Eigenvalues, dg.Variance, dg.Kept, dg.Loadings, dg.W = r.Eigenvalues, r.Variance, 1, r.Loadings, r.Weights
		for m, i := range g {
			loading[i] = r.B[m]
		}
		st.res.PCA = append(st.res.PCA, dg)
		neg := false
		for _, v := range r.B {
			if v < 0 {
				neg = true
			}
		}
		if neg {
			grp := names[k]
			if grp == "" {
				grp = fmt.Sprintf("level %d", p.Level)
			}
			grpZh := grp
			if names[k] == "" {
				grpZh = fmt.Sprintf("第 %d 层", p.Level)
			}
			st.warn("pca-negative-loading",
				fmt.Sprintf("%s 组的第一主成分载荷有负值，COINr 式主成分权重因此为负（COINr 原样使用）；可改用 composite 形式或其他方法", grpZh),
				fmt.Sprintf("group %s has negative first-component loadings, so its COINr-style PCA weights are negative (COINr uses them as they are); consider the composite form or another method", grp), names[k])
		}
	}
	// Relative weights: the loadings divided by their sum in each sibling
	// group (a_amean's Σ w x / Σ w). In a group whose members lie on
	// different levels, the members on the level share their framework
	// share in proportion to their loadings.
	for i := range t.codes {
		var s, share float64
		any := false
		for _, c := range t.children[i] {
			if t.level[c] == p.Level {
				any = true
				s += loading[c]
				share += rel[c]
			}
		}
		if !any || s == 0 {
			continue
		}
		if all := func() bool {
			for _, c := range t.children[i] {
				if t.level[c] != p.Level {
					return false
				}
			}
			return true
		}(); all {
			share = 1
		}
		for _, c := range t.children[i] {
			if t.level[c] == p.Level {
				rel[c] = share * loading[c] / s
			}
		}
	}
	return rel, nil
}
