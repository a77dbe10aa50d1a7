package pipeline

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/nqp-index/nqp/scoring/diag"
	"github.com/nqp-index/nqp/scoring/mcda"
)

// AHPSpec configures method ahp: one pairwise judgement matrix per
// aggregation group, keyed by the parent node's code. A group without a
// matrix keeps its framework weights (with a warning when it has more than
// one member). A leaf's effective weight is the product of the local
// priorities along its path.
type AHPSpec struct {
	// Method: "sum-product" (和积法, SPSSAU's default), "geometric" (方根法)
	// or "eigenvector".
	Method string `json:"method"`
	// RI: the random-index table, "saaty" (default) or "chinese".
	RI string `json:"ri"`
	// Matrices maps a parent code to its children's judgement matrix.
	Matrices map[string]Judgement `json:"matrices"`
}

// Judgement is one group's pairwise comparison matrix. In JSON it is
// either the bare matrix (rows and columns follow the parent's children in
// framework order) or {"children": [...], "matrix": [[...]]}. Entries are
// numbers or fractions written as strings ("1/3").
type Judgement struct {
	Children []string  `json:"children,omitempty"`
	Matrix   [][]Ratio `json:"matrix"`
}

// Ratio is a judgement: a JSON number or a string "a/b" or "a".
type Ratio float64

// UnmarshalJSON accepts 3, 0.25, "3", "1/3".
func (r *Ratio) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '"' {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		v, err := parseRatio(s)
		if err != nil {
			return err
		}
		*r = Ratio(v)
		return nil
	}
	var v float64
	if err := json.Unmarshal(b, &v); err != nil {
		return diag.Errorf("判断值须为数或分数字符串（如 \"1/3\"）", "a judgement must be a number or a fraction string such as \"1/3\"")
	}
	*r = Ratio(v)
	return nil
}

func parseRatio(s string) (float64, error) {
	s = strings.TrimSpace(s)
	num, den, frac := strings.Cut(s, "/")
	a, err := strconv.ParseFloat(strings.TrimSpace(num), 64)
	if err != nil {
		return 0, diag.Errorf("无法读取判断值 %q", "cannot read judgement %q", s)
	}
	if !frac {
		return a, nil
	}
	d, err := strconv.ParseFloat(strings.TrimSpace(den), 64)
	if err != nil || d == 0 {
		return 0, diag.Errorf("无法读取判断值 %q", "cannot read judgement %q", s)
	}
	return a / d, nil
}

// UnmarshalJSON accepts a bare matrix or an object.
func (j *Judgement) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '[' {
		j.Children = nil
		return json.Unmarshal(b, &j.Matrix)
	}
	type plain Judgement
	var p plain
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&p); err != nil {
		return err
	}
	*j = Judgement(p)
	return nil
}

func (j Judgement) floats() [][]float64 {
	out := make([][]float64, len(j.Matrix))
	for i, row := range j.Matrix {
		out[i] = make([]float64, len(row))
		for k, v := range row {
			out[i][k] = float64(v)
		}
	}
	return out
}

// AHPDiag is the consistency check of one judgement matrix.
type AHPDiag struct {
	Node       string   `json:"node"`
	Children   []string `json:"children"`
	Method     string   `json:"method"`
	RITable    string   `json:"ri_table"`
	Weights    Vector   `json:"weights"`
	AW         Vector   `json:"aw"`
	LambdaMax  float64  `json:"lambda_max"`
	CI         float64  `json:"ci"`
	RI         float64  `json:"ri"`
	CR         float64  `json:"cr"`
	Consistent bool     `json:"consistent"` // CR < 0.1
}

func (a *AHPSpec) resolve() {
	if a.Method == "" {
		a.Method = "sum-product"
	}
	if a.RI == "" {
		a.RI = "saaty"
	}
}

// keys returns the matrix keys sorted (deterministic order).
func (a *AHPSpec) keys() []string {
	ks := make([]string, 0, len(a.Matrices))
	for k := range a.Matrices {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

func (a *AHPSpec) check() error {
	switch a.Method {
	case "sum-product", "geometric", "eigenvector":
	default:
		return bad("weights.ahp.method", a.Method, "sum-product, geometric, eigenvector")
	}
	switch a.RI {
	case "saaty", "chinese":
	default:
		return bad("weights.ahp.ri", a.RI, "saaty, chinese")
	}
	if len(a.Matrices) == 0 {
		return diag.Errorf("层次分析法需要判断矩阵 weights.ahp.matrices（按上级指标代码给出其下级的两两比较矩阵）", "method ahp needs weights.ahp.matrices (per parent code, its children's pairwise comparison matrix)")
	}
	for _, k := range a.keys() {
		j := a.Matrices[k]
		if j.Children != nil && len(j.Children) != len(j.Matrix) {
			return diag.Errorf("weights.ahp.matrices[%s]：列出了 %d 个下级，但矩阵为 %d 阶", "weights.ahp.matrices[%s]: %d children listed but the matrix has order %d", k, len(j.Children), len(j.Matrix))
		}
		if _, err := mcda.AHP(j.floats(), a.Method, a.RI); err != nil {
			return diag.Errorf("weights.ahp.matrices[%s]：%v", "weights.ahp.matrices[%s]: %v", k, err)
		}
	}
	return nil
}

// ahpWeights returns relative weights from the judgement matrices; groups
// without a matrix keep their framework weights.
func (st *state) ahpWeights(a *AHPSpec) ([]float64, error) {
	t := st.t
	rel, _ := relativeWeights(t, nil, Weights{Method: WManual})
	pos := map[string]int{}
	for i, c := range t.codes {
		pos[c] = i
	}
	used := map[string]bool{}
	for _, k := range a.keys() {
		j := a.Matrices[k]
		i, ok := pos[k]
		if !ok {
			i = -1
			for p, c := range t.codes {
				if strings.EqualFold(c, k) {
					i = p
				}
			}
		}
		if i < 0 || len(t.children[i]) == 0 {
			st.warn("ahp-unknown-node", fmt.Sprintf("判断矩阵 %s 不对应任何有下级的指标（或其下级都已略去），未使用", k),
				fmt.Sprintf("judgement matrix %s matches no node with children (or all its children were left out) and is not used", k), k)
			continue
		}
		used[t.codes[i]] = true
		ch := t.children[i]
		m := j.floats()
		names := j.Children
		if names == nil {
			if len(m) != len(ch) {
				return nil, &msg{fmt.Sprintf("%s 的判断矩阵为 %d 阶，但它有 %d 个下级；请在 children 中列出矩阵行列对应的下级代码", k, len(m), len(ch)),
					fmt.Sprintf("the judgement matrix of %s has order %d but the node has %d children; list the children of its rows and columns in \"children\"", k, len(m), len(ch))}
			}
			for _, c := range ch {
				names = append(names, t.codes[c])
			}
		}
		// Map the listed children to tree nodes; drop rows/columns of
		// children that were left out of the run.
		idx := make([]int, 0, len(names))
		var keep []int
		for r, nm := range names {
			found := -1
			for _, c := range ch {
				if strings.EqualFold(t.codes[c], nm) {
					found = c
				}
			}
			if found < 0 {
				st.warn("ahp-dropped-child", fmt.Sprintf("%s 的判断矩阵中的 %s 不在本次计算的下级中，已删去其行与列（一致性随之改变）", k, nm),
					fmt.Sprintf("%s in the judgement matrix of %s is not among the node's children in this run: its row and column are dropped (the consistency changes)", nm, k), k)
				continue
			}
			idx = append(idx, found)
			keep = append(keep, r)
		}
		seen := map[int]bool{}
		for _, c := range idx {
			seen[c] = true
		}
		for _, c := range ch {
			if !seen[c] {
				return nil, &msg{fmt.Sprintf("%s 的判断矩阵没有包含下级 %s", k, t.codes[c]), fmt.Sprintf("the judgement matrix of %s does not cover its child %s", k, t.codes[c])}
			}
		}
		sub := make([][]float64, len(keep))
		for r, a := range keep {
			sub[r] = make([]float64, len(keep))
			for c, b := range keep {
				sub[r][c] = m[a][b]
			}
		}
		res, err := mcda.AHP(sub, a.Method, a.RI)
		if err != nil {
			return nil, &msg{fmt.Sprintf("%s 的判断矩阵：%v", k, err), fmt.Sprintf("judgement matrix of %s: %v", k, err)}
		}
		codes := make([]string, len(idx))
		for r, c := range idx {
			rel[c] = res.Weights[r]
			codes[r] = t.codes[c]
		}
		st.res.AHP = append(st.res.AHP, AHPDiag{Node: t.codes[i], Children: codes, Method: res.Method, RITable: res.RITable,
			Weights: res.Weights, AW: res.AW, LambdaMax: res.LambdaMax, CI: res.CI, RI: res.RI, CR: res.CR, Consistent: res.Consistent})
		if !res.Consistent {
			st.warn("ahp-inconsistent", fmt.Sprintf("%s 的判断矩阵一致性比率 CR = %.4f ≥ 0.1，未通过一致性检验，请调整判断", t.codes[i], res.CR),
				fmt.Sprintf("the judgement matrix of %s has consistency ratio CR = %.4f ≥ 0.1 and fails the consistency test; revise the judgements", t.codes[i], res.CR), t.codes[i])
		}
	}
	for i, c := range t.codes {
		if len(t.children[i]) > 1 && !used[c] {
			st.warn("ahp-no-matrix", fmt.Sprintf("%s 没有判断矩阵，其下级沿用指标体系中的权重", c),
				fmt.Sprintf("%s has no judgement matrix: its children keep the framework weights", c), c)
		}
	}
	for _, v := range rel {
		if math.IsNaN(v) {
			return nil, &msg{"层次分析法权重出现无效值", "the AHP weights contain an invalid value"}
		}
	}
	return rel, nil
}
