package pipeline

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
			if w.AsGiven && w.Method == WManual && s > 0 {
				rel[c] = raw[c] // weights.as_given: not rescaled
				continue
			}
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
