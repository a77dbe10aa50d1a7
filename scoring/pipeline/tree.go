package pipeline

import (
	"github.com/nqp-index/nqp/scoring/framework"
)

// tree is the framework in index form.
type tree struct {
	fw       *framework.Framework
	codes    []string // pre-order, root first
	parent   []int    // -1 for the root
	children [][]int
	leafCol  []int // column in the indicator matrix, -1 for aggregates
	level    []int
	post     []int // aggregates in post-order (children before parents)
	aggCol   []int // column in Scores, -1 for leaves
}

func buildTree(fw *framework.Framework, leaves []string) *tree {
	t := &tree{fw: fw}
	pos := map[string]int{}
	fw.Walk(func(code string, depth int) {
		pos[code] = len(t.codes)
		t.codes = append(t.codes, code)
	})
	n := len(t.codes)
	t.parent = make([]int, n)
	t.children = make([][]int, n)
	t.leafCol = make([]int, n)
	t.level = make([]int, n)
	t.aggCol = make([]int, n)
	leafPos := map[string]int{}
	for j, c := range leaves {
		leafPos[c] = j
	}
	nAgg := 0
	for i, c := range t.codes {
		t.parent[i] = -1
		if p := fw.Node(c).Parent; p != "" {
			t.parent[i] = pos[p]
			t.children[pos[p]] = append(t.children[pos[p]], i)
		}
		t.leafCol[i] = -1
		t.aggCol[i] = -1
		if j, ok := leafPos[c]; ok && fw.IsLeaf(c) {
			t.leafCol[i] = j
		} else {
			t.aggCol[i] = nAgg
			nAgg++
		}
	}
	for i := n - 1; i >= 0; i-- {
		if len(t.children[i]) == 0 {
			t.level[i] = 1
		}
		if p := t.parent[i]; p >= 0 && t.level[i]+1 > t.level[p] {
			t.level[p] = t.level[i] + 1
		}
	}
	// Walk is pre-order, so reverse pre-order visits children before parents.
	for i := n - 1; i >= 0; i-- {
		if t.aggCol[i] >= 0 {
			t.post = append(t.post, i)
		}
	}
	return t
}
