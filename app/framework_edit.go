package app

import (
	"fmt"
	"math"
	"strings"

	"github.com/nqp-index/nqp/scoring/diag"
	"github.com/nqp-index/nqp/scoring/framework"
)

// This file is the framework editor's logic, in plain Go: every change to
// the tree is an FwEdit applied to a copy of the framework, and the copy is
// kept only if framework.Validate finds no error. The view only turns
// events into FwEdits.

// Framework edit operations.
const (
	FwAdd       = "add"       // add NewCode (names NameZh, NameEn) under Parent
	FwRename    = "rename"    // set Code's names; a non-empty NewCode also changes its code
	FwMove      = "move"      // make Parent the parent of Code
	FwDelete    = "delete"    // remove Code and everything below it
	FwDirection = "direction" // set Code's direction
	FwWeight    = "weight"    // set Code's weight (relative within its siblings)
)

// FwEdit is one change to a framework tree.
type FwEdit struct {
	Op             string
	Code           string // the node changed
	Parent         string // FwAdd, FwMove
	NewCode        string // FwAdd, FwRename
	NameZh, NameEn string // FwAdd, FwRename
	Weight         float64
	Direction      framework.Direction
}

// fwError is a refused edit.
func fwError(code, zh, en string) diag.Report {
	var r diag.Report
	r.Add(diag.New(diag.Error, code, zh, en))
	return r
}

// EditFramework applies e to a copy of f. It returns the new framework and
// the report of Validate on it (warnings included), or nil and a report
// saying why the edit was refused; f itself is never changed.
func EditFramework(f *framework.Framework, e FwEdit) (*framework.Framework, diag.Report) {
	if f == nil {
		f = &framework.Framework{}
	}
	g := f.Clone()
	code := strings.TrimSpace(e.Code)
	var n *framework.Node
	if e.Op != FwAdd {
		if n = g.Node(code); n == nil {
			return nil, fwError("fw-no-node", fmt.Sprintf("指标体系中没有“%s”", code), fmt.Sprintf("the framework has no node %q", code))
		}
	}
	isRoot := n != nil && n.Parent == ""
	switch e.Op {
	case FwAdd:
		nc := strings.TrimSpace(e.NewCode)
		parent := strings.TrimSpace(e.Parent)
		if nc == "" {
			return nil, fwError("fw-empty-code", "请填写新节点的代码", "enter a code for the new node")
		}
		if g.Node(nc) != nil {
			return nil, fwError("fw-duplicate", fmt.Sprintf("代码“%s”已被使用", nc), fmt.Sprintf("the code %q is already used", nc))
		}
		if len(g.Nodes) > 0 && g.Node(parent) == nil {
			return nil, fwError("fw-no-parent", fmt.Sprintf("上级节点“%s”不存在", parent), fmt.Sprintf("the parent %q does not exist", parent))
		}
		if len(g.Nodes) == 0 {
			parent = ""
		}
		g.Nodes = append(g.Nodes, framework.Node{Code: nc, NameZh: strings.TrimSpace(e.NameZh), NameEn: strings.TrimSpace(e.NameEn), Parent: parent, Weight: 1})
	case FwRename:
		n.NameZh, n.NameEn = strings.TrimSpace(e.NameZh), strings.TrimSpace(e.NameEn)
		if nc := strings.TrimSpace(e.NewCode); nc != "" && nc != code {
			if g.Node(nc) != nil {
				return nil, fwError("fw-duplicate", fmt.Sprintf("代码“%s”已被使用", nc), fmt.Sprintf("the code %q is already used", nc))
			}
			n.Code = nc
			for i := range g.Nodes {
				if g.Nodes[i].Parent == code {
					g.Nodes[i].Parent = nc
				}
			}
		}
	case FwMove:
		parent := strings.TrimSpace(e.Parent)
		switch {
		case isRoot:
			return nil, fwError("fw-move-root", "根节点（总指数）不能移动", "the root (the index) cannot be moved")
		case g.Node(parent) == nil:
			return nil, fwError("fw-no-parent", fmt.Sprintf("上级节点“%s”不存在", parent), fmt.Sprintf("the parent %q does not exist", parent))
		case parent == code || inSubtree(g, code, parent):
			return nil, fwError("fw-cycle", fmt.Sprintf("“%s”不能移到它自己或它的下级之下", code), fmt.Sprintf("%q cannot be moved under itself or one of its descendants", code))
		}
		n.Parent = parent
	case FwDelete:
		if isRoot {
			return nil, fwError("fw-delete-root", "根节点（总指数）不能删除", "the root (the index) cannot be deleted")
		}
		drop := map[string]bool{}
		for _, m := range g.Nodes {
			if inSubtree(g, code, m.Code) {
				drop[m.Code] = true
			}
		}
		kept := g.Nodes[:0]
		for _, m := range g.Nodes {
			if !drop[m.Code] {
				kept = append(kept, m)
			}
		}
		g.Nodes = kept
	case FwDirection:
		// A direction the user sets is theirs, no longer a guess.
		n.Direction, n.DirectionGuessed = e.Direction, false
	case FwWeight:
		if math.IsNaN(e.Weight) || math.IsInf(e.Weight, 0) || e.Weight < 0 {
			return nil, fwError("fw-bad-weight", "权重必须是非负数", "a weight must be a non-negative number")
		}
		n.Weight = e.Weight
	default:
		return nil, fwError("fw-bad-edit", "未知的修改："+e.Op, "unknown edit: "+e.Op)
	}
	rep := g.Validate()
	if rep.HasErrors() {
		return nil, rep
	}
	return g, rep
}

// inSubtree reports whether node is top or below it (following parents up
// from node; stops on cycles).
func inSubtree(f *framework.Framework, top, node string) bool {
	seen := map[string]bool{}
	for c := node; c != "" && !seen[c]; {
		if c == top {
			return true
		}
		seen[c] = true
		n := f.Node(c)
		if n == nil {
			return false
		}
		c = n.Parent
	}
	return false
}

// NewFramework returns a framework with only a root, to build from scratch.
func NewFramework() *framework.Framework {
	return &framework.Framework{Name: "custom", Nodes: []framework.Node{{Code: "Index", NameZh: "新质生产力指数", NameEn: "NQP Index", Weight: 1}}}
}

// FrameworkFromColumns returns a one-level framework with one indicator
// per data column, equal weights.
func FrameworkFromColumns(columns []string) *framework.Framework {
	f := NewFramework()
	for _, c := range columns {
		f.Nodes = append(f.Nodes, framework.Node{Code: c, Parent: "Index", Weight: 1})
	}
	return f
}
