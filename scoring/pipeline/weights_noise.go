package pipeline

import (
	"math/rand/v2"

	"github.com/nqp-index/nqp/scoring/diag"
)

// NoiseLevel is the noise factor applied to one level's weights.
type NoiseLevel struct {
	Level  int     `json:"level"`
	Factor float64 `json:"factor"`
}

// NoiseSpec perturbs the final weights as COINr's get_noisy_weights does
// for one replicate: w' = w + U(−1, 1)·factor·w for every node of the
// listed levels, then renormalised within each sibling group (as the
// aggregation would). The draws come from a PCG generator seeded with
// Seed, in framework (pre-order) order, so a seed always gives the same
// weights on every platform. (R's RNG is not reproduced.)
type NoiseSpec struct {
	Levels []NoiseLevel `json:"levels"`
	Seed   uint64       `json:"seed"`
}

func (s *NoiseSpec) check() error {
	if len(s.Levels) == 0 {
		return diag.Errorf("weights.noise.levels 为空", "weights.noise.levels is empty")
	}
	for _, l := range s.Levels {
		if l.Level < 1 || !(l.Factor >= 0 && l.Factor < 1) {
			return diag.Errorf("weights.noise.levels：层级须 ≥ 1，噪声系数须在 [0, 1) 内", "weights.noise.levels: level must be ≥ 1 and factor in [0, 1)")
		}
	}
	return nil
}

// noiseRNG returns the generator of replicate rep for seed.
func noiseRNG(seed uint64, rep int) *rand.Rand {
	return rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15^uint64(rep)))
}

// perturb applies the noise to relative weights (pre-order nodes with
// their levels and parents) and returns new relative weights, renormalised
// within each sibling group.
func perturb(rel []float64, level, parent []int, levels []NoiseLevel, r *rand.Rand) []float64 {
	f := map[int]float64{}
	for _, l := range levels {
		f[l.Level] = l.Factor
	}
	out := append([]float64(nil), rel...)
	touched := map[int]bool{}
	for i := range out {
		if fac, ok := f[level[i]]; ok && parent[i] >= 0 {
			out[i] = rel[i] + (2*r.Float64()-1)*fac*rel[i]
			if out[i] != rel[i] {
				touched[parent[i]] = true
			}
		}
	}
	sum := map[int]float64{}
	for i, p := range parent {
		if touched[p] {
			sum[p] += out[i]
		}
	}
	for i, p := range parent {
		if touched[p] && sum[p] != 0 {
			out[i] /= sum[p]
		}
	}
	return out
}

// NoisyWeights returns replicate rep of set with noise at the given levels
// (COINr's get_noisy_weights): each node's relative weight becomes
// w + U(−1, 1)·factor·w, then the weights are renormalised within each
// sibling group and the effective weights recomputed. Replicate rep of a
// seed is the same on every call and platform; replicate 0 is what the
// recipe's weights.noise gives.
func NoisyWeights(set WeightSet, levels []NoiseLevel, seed uint64, rep int) WeightSet {
	n := len(set.Nodes)
	pos := map[string]int{}
	for i, nw := range set.Nodes {
		pos[nw.Code] = i
	}
	rel := make([]float64, n)
	level := make([]int, n)
	parent := make([]int, n)
	for i, nw := range set.Nodes {
		rel[i], level[i], parent[i] = nw.Relative, nw.Level, -1
		if p, ok := pos[nw.Parent]; ok && nw.Parent != "" {
			parent[i] = p
		}
	}
	out := perturb(rel, level, parent, levels, noiseRNG(seed, rep))
	res := WeightSet{Period: set.Period, Nodes: make([]NodeWeight, n)}
	// effective weights: nodes are in pre-order (parents first)
	eff := make([]float64, n)
	for i := range set.Nodes {
		if parent[i] >= 0 {
			eff[i] = eff[parent[i]] * out[i]
		} else {
			eff[i] = 1
		}
		nw := set.Nodes[i]
		nw.Relative, nw.Effective = out[i], eff[i]
		res.Nodes[i] = nw
	}
	return res
}

// NoiseDiag records the noise applied to the weights.
type NoiseDiag struct {
	Seed   uint64       `json:"seed"`
	Levels []NoiseLevel `json:"levels"`
}
