package framework

import (
	"fmt"
	"math"
	"strings"

	"github.com/nqp-index/nqp/scoring/diag"
)

// Problem codes reported by Validate, CheckData and Read.
const (
	CodeEmptyFramework   = "empty-framework"   // no nodes at all
	CodeEmptyCode        = "empty-code"        // a node without a code
	CodeDuplicate        = "duplicate-code"    // two nodes with the same code
	CodeOrphan           = "orphan"            // a parent that does not exist
	CodeCycle            = "cycle"             // parents that form a loop
	CodeMultipleRoots    = "multiple-roots"    // more than one node without a parent
	CodeNoRoot           = "no-root"           // every node has a parent
	CodeBadWeight        = "bad-weight"        // negative, non-finite or non-numeric weight
	CodeZeroWeightGroup  = "zero-weight-group" // an aggregate whose children's weights sum to 0
	CodeBadDirection     = "bad-direction"     // unknown direction, moderate without best, interval lo > hi
	CodeBadTarget        = "bad-target"        // non-finite or non-numeric target
	CodeMissingDirection = "missing-direction" // an indicator without direction (assumed positive)
	CodeNoData           = "no-data"           // CheckData: an indicator without a data column
	CodeUnusedColumn     = "unused-column"     // CheckData: a data column that is no indicator
)

// locator knows where each node came from in a table, so that problems
// found on the tree can point at a row and column of the file.
type locator struct {
	file   string
	header []string
	rows   []int          // per node: 1-based row, 0 if unknown
	cols   map[string]int // field → 1-based column, 0 if absent
	// bestSet marks moderate/interval nodes whose numbers were given
	// explicitly, so that a best value of 0 is not questioned.
	bestSet []bool
}

func (l *locator) add(r *diag.Report, sev diag.Severity, code string, node int, field, text, zh, en string) {
	p := diag.Problem{Severity: sev, Code: code, Text: text, Zh: zh, En: en}
	if l != nil {
		p.File = l.file
		if node >= 0 && node < len(l.rows) {
			p.Row = l.rows[node]
		}
		if c := l.cols[field]; c > 0 {
			p.Col = c
			if c <= len(l.header) {
				p.Column = l.header[c-1]
			}
		}
	}
	r.Add(p)
}

// Validate checks the structure of the tree and each node's metadata:
// exactly one root, no empty or duplicate codes, every parent exists, no
// cycles, finite non-negative weights, aggregates whose children's weights
// do not all vanish, and well-formed directions (a moderate indicator
// needs a best value, an interval one Lo ≤ Hi). Every problem names the
// node's code; see the Code* constants for the problem codes.
func (f *Framework) Validate() diag.Report { return f.validate(nil) }

func (f *Framework) validate(loc *locator) diag.Report {
	var rep diag.Report
	if len(f.Nodes) == 0 {
		loc.add(&rep, diag.Error, CodeEmptyFramework, -1, "", "",
			"指标体系是空的：没有任何指标或维度", "the framework is empty: it has no indicators or dimensions")
		return rep
	}
	first := map[string]int{}
	for i, n := range f.Nodes {
		if strings.TrimSpace(n.Code) == "" {
			loc.add(&rep, diag.Error, CodeEmptyCode, i, "code", n.Code,
				fmt.Sprintf("节点“%s”没有代码", n.Name("zh")), fmt.Sprintf("node %q has no code", n.Name("en")))
			continue
		}
		if j, dup := first[n.Code]; dup {
			zh := fmt.Sprintf("代码“%s”重复", n.Code)
			en := fmt.Sprintf("duplicate code %q", n.Code)
			if loc != nil && j < len(loc.rows) && loc.rows[j] > 0 {
				zh += fmt.Sprintf("（第一次出现在第 %d 行）", loc.rows[j])
				en += fmt.Sprintf(" (first defined in row %d)", loc.rows[j])
			}
			loc.add(&rep, diag.Error, CodeDuplicate, i, "code", n.Code, zh, en)
			continue
		}
		first[n.Code] = i
	}
	// roots
	var roots []int
	for i, n := range f.Nodes {
		if n.Parent == "" && strings.TrimSpace(n.Code) != "" {
			roots = append(roots, i)
		}
	}
	if len(roots) == 0 {
		loc.add(&rep, diag.Error, CodeNoRoot, -1, "parent", "",
			"没有根节点：每个节点都有上级，需要恰好一个节点（总指数）的上级为空",
			"no root: every node has a parent; exactly one node (the index) must have an empty parent")
	}
	for _, i := range roots[min(1, len(roots)):] {
		r0 := f.Nodes[roots[0]].Code
		loc.add(&rep, diag.Error, CodeMultipleRoots, i, "parent", f.Nodes[i].Code,
			fmt.Sprintf("“%s”也没有上级，但只能有一个根节点（已有“%s”）；请填写它的上级", f.Nodes[i].Code, r0),
			fmt.Sprintf("%q has no parent either, but there can be only one root (already %q); fill in its parent", f.Nodes[i].Code, r0))
	}
	// orphans and self-parents
	for i, n := range f.Nodes {
		if n.Parent == "" {
			continue
		}
		if _, ok := first[n.Parent]; !ok {
			loc.add(&rep, diag.Error, CodeOrphan, i, "parent", n.Parent,
				fmt.Sprintf("“%s”的上级“%s”不存在", n.Code, n.Parent),
				fmt.Sprintf("the parent %q of %q does not exist", n.Parent, n.Code))
		}
	}
	// cycles: follow parent links (first definition of each code)
	state := map[string]int{} // 1 on the current path, 2 done
	for i, n := range f.Nodes {
		if first[n.Code] != i || state[n.Code] != 0 {
			continue
		}
		var path []string
		c := n.Code
		for {
			if state[c] == 2 {
				break
			}
			if state[c] == 1 { // found a loop: the part of path from c
				k := 0
				for path[k] != c {
					k++
				}
				cyc := path[k:]
				at := first[cyc[0]]
				for _, x := range cyc {
					if first[x] < at {
						at = first[x]
					}
				}
				desc := strings.Join(append(append([]string(nil), cyc...), c), " → ")
				loc.add(&rep, diag.Error, CodeCycle, at, "parent", f.Nodes[at].Parent,
					fmt.Sprintf("上级关系形成循环：%s（涉及“%s”）", desc, f.Nodes[at].Code),
					fmt.Sprintf("the parents form a cycle: %s (at %q)", desc, f.Nodes[at].Code))
				break
			}
			state[c] = 1
			path = append(path, c)
			j, ok := first[c]
			if !ok {
				break
			}
			p := f.Nodes[j].Parent
			if _, ok := first[p]; p == "" || !ok {
				break
			}
			c = p
		}
		for _, x := range path {
			state[x] = 2
		}
	}
	// weights
	for i, n := range f.Nodes {
		if math.IsNaN(n.Weight) || math.IsInf(n.Weight, 0) || n.Weight < 0 {
			loc.add(&rep, diag.Error, CodeBadWeight, i, "weight", fmt.Sprint(n.Weight),
				fmt.Sprintf("“%s”的权重 %v 无效：权重必须是非负的有限数", n.Code, n.Weight),
				fmt.Sprintf("the weight %v of %q is invalid: weights must be finite and non-negative", n.Weight, n.Code))
		}
		if n.Target != nil && (math.IsNaN(*n.Target) || math.IsInf(*n.Target, 0)) {
			loc.add(&rep, diag.Error, CodeBadTarget, i, "target", fmt.Sprint(*n.Target),
				fmt.Sprintf("“%s”的目标值不是有限数", n.Code), fmt.Sprintf("the target of %q is not a finite number", n.Code))
		}
	}
	children := map[string][]int{}
	for i, n := range f.Nodes {
		if n.Parent != "" && n.Parent != n.Code {
			children[n.Parent] = append(children[n.Parent], i)
		}
	}
	for i, n := range f.Nodes {
		ch := children[n.Code]
		if first[n.Code] != i || len(ch) == 0 {
			continue
		}
		sum, valid := 0.0, true
		for _, c := range ch {
			w := f.Nodes[c].Weight
			if math.IsNaN(w) || math.IsInf(w, 0) || w < 0 {
				valid = false
			}
			sum += w
		}
		if valid && sum == 0 {
			loc.add(&rep, diag.Error, CodeZeroWeightGroup, i, "code", n.Code,
				fmt.Sprintf("“%s”的下级权重之和为 0，无法加权汇总", n.Code),
				fmt.Sprintf("the weights of the children of %q sum to 0, so they cannot be aggregated", n.Code))
		}
	}
	// directions (indicators only: COINr ignores them on aggregates)
	for i, n := range f.Nodes {
		if len(children[n.Code]) > 0 {
			continue
		}
		d := n.Direction
		set := loc != nil && i < len(loc.bestSet) && loc.bestSet[i]
		switch d.Kind {
		case Positive, Negative:
		case Moderate:
			if math.IsNaN(d.Best) || math.IsInf(d.Best, 0) {
				loc.add(&rep, diag.Error, CodeBadDirection, i, "direction", fmt.Sprint(d.Best),
					fmt.Sprintf("适度型指标“%s”的最优值无效", n.Code),
					fmt.Sprintf("the best value of the moderate indicator %q is invalid", n.Code))
			} else if d.Best == 0 && !set {
				loc.add(&rep, diag.Warning, CodeBadDirection, i, "direction", "",
					fmt.Sprintf("适度型指标“%s”的最优值为 0，请确认是否已填写", n.Code),
					fmt.Sprintf("the best value of the moderate indicator %q is 0; check that it was set", n.Code))
			}
		case Interval:
			switch {
			case math.IsNaN(d.Lo) || math.IsNaN(d.Hi) || math.IsInf(d.Lo, 0) || math.IsInf(d.Hi, 0):
				loc.add(&rep, diag.Error, CodeBadDirection, i, "direction", "",
					fmt.Sprintf("区间型指标“%s”的上下限无效", n.Code),
					fmt.Sprintf("the bounds of the interval indicator %q are invalid", n.Code))
			case d.Lo > d.Hi:
				loc.add(&rep, diag.Error, CodeBadDirection, i, "direction", fmt.Sprintf("[%v, %v]", d.Lo, d.Hi),
					fmt.Sprintf("区间型指标“%s”的下限 %v 大于上限 %v", n.Code, d.Lo, d.Hi),
					fmt.Sprintf("the interval indicator %q has lower bound %v above its upper bound %v", n.Code, d.Lo, d.Hi))
			case d.Lo == 0 && d.Hi == 0 && !set:
				loc.add(&rep, diag.Warning, CodeBadDirection, i, "direction", "",
					fmt.Sprintf("区间型指标“%s”的区间为 [0, 0]，请确认是否已填写", n.Code),
					fmt.Sprintf("the interval indicator %q has the interval [0, 0]; check that it was set", n.Code))
			}
		default:
			loc.add(&rep, diag.Error, CodeBadDirection, i, "direction", d.Kind.String(),
				fmt.Sprintf("指标“%s”的方向类型未知", n.Code), fmt.Sprintf("the direction kind of %q is unknown", n.Code))
		}
	}
	return rep
}

// CheckData compares the indicators with the columns of a data set.
// mapping maps indicator codes to column names (as MatchColumns returns
// it); if it is nil, f.MatchColumns(columns).Mapping is used. Indicators
// without a column are reported as Warnings (code "no-data"), columns that
// no indicator uses as Info (code "unused-column", with Col set to the
// column's 1-based position).
func (f *Framework) CheckData(columns []string, mapping map[string]string) diag.Report {
	if mapping == nil {
		mapping = f.MatchColumns(columns).Mapping
	}
	have := map[string]bool{}
	for _, c := range columns {
		have[c] = true
	}
	used := map[string]bool{}
	var rep diag.Report
	for _, code := range f.Leaves() {
		col, ok := mapping[code]
		if ok && have[col] {
			used[col] = true
			continue
		}
		n := f.Node(code)
		p := diag.Problem{Severity: diag.Warning, Code: CodeNoData, Text: code,
			Zh: fmt.Sprintf("指标“%s”（%s）在数据中没有对应的列", code, n.Name("zh")),
			En: fmt.Sprintf("indicator %q (%s) has no column in the data", code, n.Name("en"))}
		if ok {
			p.Column = col
			p.Zh += fmt.Sprintf("（指定的列“%s”不存在）", col)
			p.En += fmt.Sprintf(" (the mapped column %q does not exist)", col)
		}
		rep.Add(p)
	}
	for i, c := range columns {
		if used[c] {
			continue
		}
		rep.Add(diag.Problem{Severity: diag.Info, Code: CodeUnusedColumn, Col: i + 1, Column: c,
			Zh: fmt.Sprintf("数据列“%s”不对应任何指标，将不参与计算", c),
			En: fmt.Sprintf("data column %q is not an indicator of the framework and will not be used", c)})
	}
	return rep
}
