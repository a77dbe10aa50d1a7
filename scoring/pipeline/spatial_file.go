package pipeline

import "github.com/nqp-index/nqp/scoring/region"

// WeightsOfFile is the recipe form of a spatial weights file read by
// region.ReadWeights: type matrix, row standardised, holding the matrix
// itself (not a file name or digest), so that a recipe alone reproduces the
// run. Check it before use.
func WeightsOfFile(w *region.Weights) *SpatialWeights {
	sw := &SpatialWeights{Type: WMatrix, Standardise: "row"}
	if w.Entries != nil {
		sw.Entries = make([]WeightEntry, len(w.Entries))
		for k, e := range w.Entries {
			sw.Entries[k] = WeightEntry{I: e.I, J: e.J, W: e.W}
		}
		return sw
	}
	sw.Units, sw.Matrix = w.Units, w.Matrix
	return sw
}
