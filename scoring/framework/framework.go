package framework

import "fmt"

// DirKind is the kind of an indicator's direction.
type DirKind int

const (
	// Positive (正向): larger is better. The zero value.
	Positive DirKind = iota
	// Negative (负向): smaller is better.
	Negative
	// Moderate (适度/中间型): closest to Direction.Best is best.
	Moderate
	// Interval (区间型): any value in [Direction.Lo, Direction.Hi] is best.
	Interval
)

var dirNames = [...]string{"positive", "negative", "moderate", "interval"}

func (k DirKind) String() string {
	if k < 0 || int(k) >= len(dirNames) {
		return fmt.Sprintf("dir(%d)", int(k))
	}
	return dirNames[k]
}

// MarshalText encodes the kind by name.
func (k DirKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// UnmarshalText decodes a kind name.
func (k *DirKind) UnmarshalText(b []byte) error {
	for i, n := range dirNames {
		if string(b) == n {
			*k = DirKind(i)
			return nil
		}
	}
	return fmt.Errorf("framework: unknown direction %q", b)
}

// Direction says which values of an indicator are better.
type Direction struct {
	Kind DirKind `json:"kind"`
	Best float64 `json:"best,omitempty"` // Moderate only
	Lo   float64 `json:"lo,omitempty"`   // Interval only
	Hi   float64 `json:"hi,omitempty"`   // Interval only
}

// Sign is +1 for Positive, -1 for Negative and +1 otherwise (COINr's
// Direction column for the two plain kinds).
func (d Direction) Sign() float64 {
	if d.Kind == Negative {
		return -1
	}
	return 1
}

// Node is an indicator (a leaf) or an aggregate (a dimension, a
// sub-dimension or the index itself).
type Node struct {
	Code   string `json:"code"`
	NameZh string `json:"name_zh,omitempty"`
	NameEn string `json:"name_en,omitempty"`
	Parent string `json:"parent,omitempty"` // "" for the root
	// Weight is relative within the node's siblings (they are rescaled to sum to 1).
	Weight    float64   `json:"weight"`
	Direction Direction `json:"direction"` // used for indicators only
	// DirectionGuessed is true when Direction was guessed from the
	// indicator's name (GuessDirections), not stated by the user.
	DirectionGuessed bool   `json:"direction_guessed,omitempty"`
	Unit             string `json:"unit,omitempty"`
	// Denominator is the code of a data column this indicator is divided by (optional).
	Denominator string `json:"denominator,omitempty"`
	// Target is an optional target value (nil when absent).
	Target *float64 `json:"target,omitempty"`
	// Aliases are other column headers that mean this indicator (templates).
	Aliases []string `json:"aliases,omitempty"`
}

// Name returns the node's name in lang, falling back to the other language, then the code.
func (n Node) Name(lang string) string {
	if lang == "en" && n.NameEn != "" {
		return n.NameEn
	}
	if n.NameZh != "" {
		return n.NameZh
	}
	if n.NameEn != "" {
		return n.NameEn
	}
	return n.Code
}

// Framework is an indicator tree stored as a flat list of nodes, each naming
// its parent (as in COINr's iMeta). There is exactly one root. Nodes keep the
// order in which they were defined; Children and Leaves follow that order.
type Framework struct {
	Name    string `json:"name,omitempty"`
	Version string `json:"version,omitempty"`
	Nodes   []Node `json:"nodes"`
}

// Index returns the position of the node with code, or -1.
func (f *Framework) Index(code string) int {
	for i := range f.Nodes {
		if f.Nodes[i].Code == code {
			return i
		}
	}
	return -1
}

// Node returns the node with code, or nil.
func (f *Framework) Node(code string) *Node {
	if i := f.Index(code); i >= 0 {
		return &f.Nodes[i]
	}
	return nil
}

// Root returns the code of the (first) node without a parent, or "".
func (f *Framework) Root() string {
	for _, n := range f.Nodes {
		if n.Parent == "" {
			return n.Code
		}
	}
	return ""
}

// Children returns the codes of code's children in definition order.
func (f *Framework) Children(code string) []string {
	var out []string
	for _, n := range f.Nodes {
		if n.Parent == code && n.Code != code {
			out = append(out, n.Code)
		}
	}
	return out
}

// IsLeaf reports whether code has no children.
func (f *Framework) IsLeaf(code string) bool {
	for _, n := range f.Nodes {
		if n.Parent == code && n.Code != code {
			return false
		}
	}
	return true
}

// Leaves returns the indicators (nodes without children) in depth-first
// order from the root, following definition order among siblings.
func (f *Framework) Leaves() []string {
	var out []string
	f.Walk(func(code string, depth int) {
		if f.IsLeaf(code) {
			out = append(out, code)
		}
	})
	return out
}

// Walk visits the tree depth-first from the root (pre-order), passing each
// node's depth (root = 0). It stops descending at cycles.
func (f *Framework) Walk(fn func(code string, depth int)) {
	root := f.Root()
	if root == "" {
		return
	}
	seen := map[string]bool{}
	var rec func(string, int)
	rec = func(c string, d int) {
		if seen[c] {
			return
		}
		seen[c] = true
		fn(c, d)
		for _, ch := range f.Children(c) {
			rec(ch, d+1)
		}
	}
	rec(root, 0)
}

// Level returns COINr's level of a node: 1 for indicators, and for an
// aggregate one more than its highest child. Nodes on a cycle count as
// leaves where the cycle closes, so Level terminates on any input.
func (f *Framework) Level(code string) int {
	return f.level(code, map[string]bool{}, map[string]int{})
}

func (f *Framework) level(code string, onPath map[string]bool, memo map[string]int) int {
	if l, ok := memo[code]; ok {
		return l
	}
	if onPath[code] {
		return 1
	}
	onPath[code] = true
	m := 0
	for _, c := range f.Children(code) {
		if l := f.level(c, onPath, memo); l > m {
			m = l
		}
	}
	delete(onPath, code)
	memo[code] = m + 1
	return m + 1
}

// Path returns the codes from the root down to code (inclusive).
func (f *Framework) Path(code string) []string {
	var rev []string
	seen := map[string]bool{}
	for c := code; c != "" && !seen[c]; {
		seen[c] = true
		rev = append(rev, c)
		n := f.Node(c)
		if n == nil {
			break
		}
		c = n.Parent
	}
	out := make([]string, len(rev))
	for i := range rev {
		out[i] = rev[len(rev)-1-i]
	}
	return out
}

// Clone returns a deep copy.
func (f *Framework) Clone() *Framework {
	g := *f
	g.Nodes = make([]Node, len(f.Nodes))
	for i, n := range f.Nodes {
		n.Aliases = append([]string(nil), n.Aliases...)
		if n.Target != nil {
			t := *n.Target
			n.Target = &t
		}
		g.Nodes[i] = n
	}
	return &g
}

// Prune returns a copy without the given indicators, dropping aggregates
// that are left without children (the root is always kept).
func (f *Framework) Prune(drop map[string]bool) *Framework {
	g := f.Clone()
	for {
		var keep []Node
		changed := false
		for _, n := range g.Nodes {
			if drop[n.Code] {
				changed = true
				continue
			}
			keep = append(keep, n)
		}
		g.Nodes = keep
		// aggregates that lost all children become droppable
		drop = map[string]bool{}
		for _, n := range g.Nodes {
			if n.Parent == "" {
				continue
			}
			if g.IsLeaf(n.Code) && f.wasAggregate(n.Code) {
				drop[n.Code] = true
			}
		}
		if len(drop) == 0 || !changed {
			return g
		}
	}
}

func (f *Framework) wasAggregate(code string) bool { return !f.IsLeaf(code) }
