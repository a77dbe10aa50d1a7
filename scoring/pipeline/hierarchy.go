package pipeline

import (
	"github.com/nqp-index/nqp/scoring/diag"
)

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
	case WEqual, WManual:
		// Leaves take their weights from the tree; see relativeWeights.
		return [][]float64{nil}, []string{""}
	case WCRITIC:
		dg, ns := critic(y, all)
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

// relativeWeights returns each node's weight relative to its siblings.
// leafW holds objective indicator weights (nil for equal/manual methods).
// It also returns the codes of groups whose weights summed to zero (they
// fall back to equal weights).
func relativeWeights(t *tree, leafW []float64, w Weights) ([]float64, []string) {
	n := len(t.codes)
	raw := make([]float64, n)
	// objective mass under each node
	mass := make([]float64, n)
	if leafW != nil {
		for i := n - 1; i >= 0; i-- {
			if j := t.leafCol[i]; j >= 0 {
				mass[i] = leafW[j]
			}
			if p := t.parent[i]; p >= 0 {
				mass[p] += mass[i]
			}
		}
	}
	for i, c := range t.codes {
		node := t.fw.Node(c)
		switch {
		case w.Method == WEqual:
			raw[i] = 1
		case w.Method == WManual:
			raw[i] = node.Weight
		case t.leafCol[i] >= 0:
			raw[i] = mass[i]
		case w.Upper == UpperFramework:
			raw[i] = node.Weight
		case w.Upper == UpperEqual:
			raw[i] = 1
		default:
			raw[i] = mass[i]
		}
	}
	rel := make([]float64, n)
	var zero []string
	rel[0] = 1
	for i := range t.codes {
		ch := t.children[i]
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
		if !(s > 0) {
			zero = append(zero, t.codes[i])
		}
	}
	return rel, zero
}

// effective multiplies relative weights down from the root.
func effective(t *tree, rel []float64) []float64 {
	eff := make([]float64, len(rel))
	for i := range t.codes { // pre-order: parents first
		if p := t.parent[i]; p >= 0 {
			eff[i] = eff[p] * rel[i]
		} else {
			eff[i] = 1
		}
	}
	return eff
}

type msg struct{ zh, en string }

func (m *msg) Error() string { return m.en }
