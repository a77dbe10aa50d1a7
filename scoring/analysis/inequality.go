package analysis

import (
	"math"
	"sort"
)

// groupIndex splits y by label, dropping missing values and empty labels
// when any label is set. It returns the labels, and the values of each.
func groupIndex(y []float64, groups []string) ([]string, [][]float64, error) {
	if groups != nil && len(groups) != len(y) {
		return nil, nil, errorf("ragged", "分组标签个数（%d）与数据个数不符", "the number of group labels (%d) does not match the data", len(groups))
	}
	idx := map[string]int{}
	var names []string
	var vals [][]float64
	for i, v := range y {
		if math.IsNaN(v) {
			continue
		}
		g := ""
		if groups != nil {
			if g = groups[i]; g == "" {
				continue
			}
		}
		k, ok := idx[g]
		if !ok {
			k = len(names)
			idx[g] = k
			names = append(names, g)
			vals = append(vals, nil)
		}
		vals[k] = append(vals[k], v)
	}
	if len(names) == 0 {
		return nil, nil, errorf("no-data", "没有可用的数据", "no usable data")
	}
	return names, vals, nil
}

func mean(x []float64) float64 {
	var s float64
	for _, v := range x {
		s += v
	}
	return s / float64(len(x))
}

// DagumResult is the Dagum (1997) decomposition of the Gini coefficient.
// Groups are ordered by mean, largest first; Between[j][h] is G_jh (the
// diagonal holds the within-group G_jj) and D[j][h] the relative economic
// affluence D_jh for j > h … in that order (D is antisymmetric in sign).
type DagumResult struct {
	Groups  []string    `json:"groups"`
	N       []int       `json:"n"`
	Mean    []float64   `json:"mean"`
	G       float64     `json:"g"`       // total Gini
	Within  []float64   `json:"within"`  // G_jj
	Between [][]float64 `json:"between"` // G_jh
	D       [][]float64 `json:"d"`       // D_jh
	Gw      float64     `json:"gw"`      // within-group contribution
	Gnb     float64     `json:"gnb"`     // net between-group contribution
	Gt      float64     `json:"gt"`      // transvariation (超变密度)
}

// Shares returns Gw/G, Gnb/G and Gt/G.
func (r *DagumResult) Shares() (w, nb, t float64) {
	return r.Gw / r.G, r.Gnb / r.G, r.Gt / r.G
}

// Dagum decomposes the Gini coefficient of y over the groups (labels per
// value; missing values and empty labels are left out):
//
//	G = ΣΣΣΣ|y_ji − y_hr| / (2N²μ) = Gw + Gnb + Gt.
func Dagum(y []float64, groups []string) (*DagumResult, error) {
	names, vals, err := groupIndex(y, groups)
	if err != nil {
		return nil, err
	}
	k := len(names)
	order := make([]int, k)
	mu := make([]float64, k)
	for i := range order {
		order[i] = i
		mu[i] = mean(vals[i])
	}
	sort.SliceStable(order, func(a, b int) bool {
		if mu[order[a]] != mu[order[b]] {
			return mu[order[a]] > mu[order[b]]
		}
		return names[order[a]] < names[order[b]]
	})
	r := &DagumResult{}
	var all []float64
	for _, g := range order {
		r.Groups = append(r.Groups, names[g])
		r.N = append(r.N, len(vals[g]))
		r.Mean = append(r.Mean, mu[g])
		all = append(all, vals[g]...)
	}
	ys := make([][]float64, k)
	for j, g := range order {
		ys[j] = vals[g]
	}
	nTot := float64(len(all))
	m := mean(all)
	if !(m > 0) {
		return nil, errorf("nonpositive-mean", "均值必须为正才能计算基尼系数", "the Gini coefficient needs a positive mean")
	}
	// sums of |differences| between every pair of groups
	abs := make([][]float64, k)
	pos := make([][]float64, k) // Σ max(y_j − y_h, 0)
	for j := range abs {
		abs[j] = make([]float64, k)
		pos[j] = make([]float64, k)
	}
	for j := 0; j < k; j++ {
		for h := 0; h < k; h++ {
			var a, p float64
			for _, x := range ys[j] {
				for _, z := range ys[h] {
					d := x - z
					if d > 0 {
						p += d
						a += d
					} else {
						a -= d
					}
				}
			}
			abs[j][h], pos[j][h] = a, p
		}
	}
	var total float64
	for j := range abs {
		for h := range abs[j] {
			total += abs[j][h]
		}
	}
	r.G = total / (2 * nTot * nTot * m)
	r.Within = make([]float64, k)
	r.Between = make([][]float64, k)
	r.D = make([][]float64, k)
	p := make([]float64, k)
	s := make([]float64, k)
	for j := 0; j < k; j++ {
		nj := float64(r.N[j])
		p[j] = nj / nTot
		s[j] = nj * r.Mean[j] / (nTot * m)
		r.Within[j] = abs[j][j] / (2 * nj * nj * r.Mean[j])
		r.Gw += r.Within[j] * p[j] * s[j]
	}
	for j := 0; j < k; j++ {
		r.Between[j] = make([]float64, k)
		r.D[j] = make([]float64, k)
		for h := 0; h < k; h++ {
			nj, nh := float64(r.N[j]), float64(r.N[h])
			if j == h {
				r.Between[j][h] = r.Within[j]
				continue
			}
			r.Between[j][h] = abs[j][h] / (nj * nh * (r.Mean[j] + r.Mean[h]))
			d := pos[j][h] / (nj * nh) // d_jh: mean positive gap of j over h
			q := pos[h][j] / (nj * nh) // p_jh: transvariation
			if d+q > 0 {
				r.D[j][h] = (d - q) / (d + q)
			}
		}
	}
	for j := 1; j < k; j++ {
		for h := 0; h < j; h++ {
			// j is the poorer group here; D_hj ≥ 0 with h the richer one.
			c := r.Between[j][h] * (p[j]*s[h] + p[h]*s[j])
			r.Gnb += c * r.D[h][j]
			r.Gt += c * (1 - r.D[h][j])
		}
	}
	return r, nil
}

// Theil index kinds.
const (
	TheilT = "T" // (1/N) Σ (y/μ) ln(y/μ), decomposed with value shares
	TheilL = "L" // mean log deviation (1/N) Σ ln(μ/y), decomposed with population shares
)

// TheilResult is a Theil index with its within/between decomposition:
// Total = Within + Between, Within = Σ_g Share_g · Index_g.
type TheilResult struct {
	Kind    string    `json:"kind"`
	Total   float64   `json:"total"`
	Within  float64   `json:"within"`
	Between float64   `json:"between"`
	Groups  []string  `json:"groups"`
	N       []int     `json:"n"`
	Mean    []float64 `json:"mean"`
	Share   []float64 `json:"share"` // value share (T) or population share (L)
	Index   []float64 `json:"index"` // the index within each group
}

// Theil computes the Theil T or L index of y and decomposes it over the
// groups (nil = one group). T needs y ≥ 0 (0·ln 0 = 0), L needs y > 0.
func Theil(y []float64, groups []string, kind string) (*TheilResult, error) {
	if kind == "" {
		kind = TheilT
	}
	if kind != TheilT && kind != TheilL {
		return nil, errorf("bad-kind", "未知的泰尔指数类型 %q（可选：T、L）", "unknown Theil index %q (known: T, L)", kind)
	}
	names, vals, err := groupIndex(y, groups)
	if err != nil {
		return nil, err
	}
	var all []float64
	for _, v := range vals {
		all = append(all, v...)
	}
	for _, v := range all {
		if v < 0 || (kind == TheilL && v == 0) {
			return nil, errorf("theil-range", "泰尔指数要求数据为正（T 允许 0）", "the Theil index needs positive values (T allows 0)")
		}
	}
	index := func(x []float64) float64 {
		m := mean(x)
		var s float64
		for _, v := range x {
			if kind == TheilT {
				if v > 0 {
					s += v / m * math.Log(v/m)
				}
			} else {
				s += math.Log(m / v)
			}
		}
		return s / float64(len(x))
	}
	m := mean(all)
	if !(m > 0) {
		return nil, errorf("nonpositive-mean", "均值必须为正才能计算泰尔指数", "the Theil index needs a positive mean")
	}
	n := float64(len(all))
	r := &TheilResult{Kind: kind, Total: index(all), Groups: names}
	for g, x := range vals {
		mg := mean(x)
		ng := float64(len(x))
		share := ng / n
		if kind == TheilT {
			share = ng * mg / (n * m)
		}
		tg := index(x)
		r.N = append(r.N, len(x))
		r.Mean = append(r.Mean, mg)
		r.Share = append(r.Share, share)
		r.Index = append(r.Index, tg)
		r.Within += share * tg
		if kind == TheilT {
			r.Between += share * math.Log(mg/m)
		} else {
			r.Between += share * math.Log(m/mg)
		}
		_ = g
	}
	return r, nil
}

// Gini returns the mean-difference Gini coefficient ΣΣ|y_i − y_j|/(2n²μ)
// of the non-missing values.
func Gini(y []float64) float64 {
	r, err := Dagum(y, nil)
	if err != nil {
		return math.NaN()
	}
	return r.G
}
