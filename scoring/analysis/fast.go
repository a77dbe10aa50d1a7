package analysis

import (
	"errors"
	"math"

	"github.com/nqp-index/nqp/scoring/pipeline"
)

var errFast = errors.New("gmean of a non-positive value")

// fastModel re-aggregates a stage's normalised data with new weights
// exactly as pipeline.Run does with manual weights (relative weights
// raw/Σraw within siblings, the COINr arithmetic or geometric mean over
// the available children, times the scale). It covers the amean and gmean
// methods; engine.build checks it against pipeline.Run before using it.
type fastModel struct {
	parent   []int
	children [][]int
	leafCol  []int
	post     []int // aggregates, children first
	target   int
	y        pipeline.Matrix
	gmean    bool
	scale    float64
	minShare float64
}

func newFastModel(res *pipeline.Result, col int) *fastModel {
	ag := res.Recipe.Aggregate
	if (ag.Method != pipeline.AMean && ag.Method != pipeline.GMean) || ag.Scale == nil || len(res.Weights) != 1 {
		return nil
	}
	nodes := res.Weights[0].Nodes
	f := &fastModel{y: res.Normalised, gmean: ag.Method == pipeline.GMean, scale: *ag.Scale, minShare: ag.MinShare, target: -1}
	pos := map[string]int{}
	leaf := map[string]int{}
	for j, c := range res.Indicators {
		leaf[c] = j
	}
	n := len(nodes)
	f.parent = make([]int, n)
	f.children = make([][]int, n)
	f.leafCol = make([]int, n)
	for i, nd := range nodes {
		pos[nd.Code] = i
		f.parent[i] = -1
		if nd.Parent != "" {
			p, ok := pos[nd.Parent]
			if !ok {
				return nil // not pre-order
			}
			f.parent[i] = p
			f.children[p] = append(f.children[p], i)
		}
		if nd.Code == res.Aggregates[col] {
			f.target = i
		}
	}
	for i, nd := range nodes {
		f.leafCol[i] = -1
		if j, ok := leaf[nd.Code]; ok && len(f.children[i]) == 0 {
			f.leafCol[i] = j
		}
	}
	if f.target < 0 {
		return nil
	}
	for i := n - 1; i >= 0; i-- {
		if f.leafCol[i] < 0 { // every aggregate, as pipeline.Run (a gmean failure anywhere fails the run)
			f.post = append(f.post, i)
		}
	}
	return f
}

// scores returns the target's score per row for raw weights (pre-order).
func (f *fastModel) scores(raw []float64) ([]float64, error) {
	n := len(raw)
	rel := make([]float64, n)
	rel[0] = 1
	for i := 0; i < n; i++ {
		ch := f.children[i]
		if len(ch) == 0 {
			continue
		}
		var s float64
		for _, c := range ch {
			s += raw[c]
		}
		for _, c := range ch {
			if s > 0 {
				rel[c] = raw[c] / s
			} else {
				rel[c] = 1 / float64(len(ch))
			}
		}
	}
	val := make([]float64, n)
	out := make([]float64, len(f.y))
	for r, row := range f.y {
		for i, j := range f.leafCol {
			if j >= 0 {
				val[i] = row[j]
			}
		}
		for _, a := range f.post {
			var sw, s float64
			avail := 0
			for _, c := range f.children[a] {
				v := val[c]
				if math.IsNaN(v) {
					continue
				}
				avail++
				w := rel[c]
				if f.gmean {
					if w == 0 {
						continue
					}
					if !(v > 0) {
						return nil, errFast
					}
					s += w * math.Log(v)
				} else {
					s += w * v
				}
				sw += w
			}
			switch {
			case avail == 0 || float64(avail) < f.minShare*float64(len(f.children[a])) || !(sw > 0):
				val[a] = math.NaN()
			case f.gmean:
				val[a] = math.Exp(s / sw)
			default:
				val[a] = s / sw
			}
		}
		out[r] = val[f.target] * f.scale
	}
	return out, nil
}
