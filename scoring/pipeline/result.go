package pipeline

import (
	"bytes"
	"encoding/json"
	"strconv"

	"github.com/nqp-index/nqp/scoring/diag"
	"github.com/nqp-index/nqp/scoring/framework"
	"github.com/nqp-index/nqp/scoring/panel"
)

// ResultSchema versions the Result JSON.
const ResultSchema = "nqp-result/1"

// Obs identifies one observation (a row of every per-row table).
type Obs struct {
	Unit   int `json:"unit"`   // index into Result.Units
	Period int `json:"period"` // index into Result.Periods
}

// IndicatorColumn records which data column fed an indicator.
type IndicatorColumn struct {
	Code   string `json:"code"`
	Column string `json:"column"`
}

// NodeWeight is one framework node's weight: relative within its siblings
// (summing to 1 in each group) and effective (the product of relative
// weights from the root; the indicators' effective weights sum to 1).
type NodeWeight struct {
	Code      string  `json:"code"`
	Parent    string  `json:"parent,omitempty"`
	Level     int     `json:"level"`
	Relative  float64 `json:"relative"`
	Effective float64 `json:"effective"`
}

// WeightSet is the weights used for one period ("" = all periods).
type WeightSet struct {
	Period string       `json:"period,omitempty"`
	Nodes  []NodeWeight `json:"nodes"`
}

// Ranks is a row-major table of ranks; 0 (no score) is written as null.
type Ranks [][]int

// MarshalJSON writes ranks with null for 0.
func (r Ranks) MarshalJSON() ([]byte, error) {
	b := []byte{'['}
	for i, row := range r {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '[')
		for j, v := range row {
			if j > 0 {
				b = append(b, ',')
			}
			if v == 0 {
				b = append(b, "null"...)
			} else {
				b = strconv.AppendInt(b, int64(v), 10)
			}
		}
		b = append(b, ']')
	}
	return append(b, ']'), nil
}

// Result holds every table of a run. Rows of Raw, Normalised, Scores, Ranks
// and GroupRanks follow Rows (ordered by period, then unit code); columns
// of Raw and Normalised follow Indicators, those of Scores and ranks follow
// Aggregates (pre-order from the root, so column 0 is the index).
type Result struct {
	Schema     string               `json:"schema"`
	Recipe     Recipe               `json:"recipe"`
	Framework  *framework.Framework `json:"framework"`
	Columns    []IndicatorColumn    `json:"columns"`
	Units      []panel.Unit         `json:"units"`
	Periods    []panel.Period       `json:"periods"`
	Rows       []Obs                `json:"rows"`
	GroupBy    string               `json:"group_by,omitempty"`
	Groups     []string             `json:"groups,omitempty"` // group label per row ("" = none)
	Indicators []string             `json:"indicators"`
	Raw        Matrix               `json:"raw"`
	// --- pre-steps (denominate, impute, screen, treat): their tables go here ---
	// Denominators lists the (indicator, denominator, scale) pairs applied
	// and Denominated the values after denominate (x / (denominator/scale)).
	Denominators []DenomPair `json:"denominators,omitempty"`
	Denominated  Matrix      `json:"denominated,omitempty"`
	// Imputed holds the values after imputation; ImputedCells lists the
	// cells that were filled in.
	Imputed      Matrix `json:"imputed,omitempty"`
	ImputedCells []Cell `json:"imputed_cells,omitempty"`
	// ScreenSummary has one line per observation tested by the screen
	// (before removal), ScreenRemoved the observations removed, and
	// Screened the values of the observations kept.
	ScreenSummary []ScreenLine `json:"screen_summary,omitempty"`
	ScreenRemoved []UnitPeriod `json:"screen_removed,omitempty"`
	Screened      Matrix       `json:"screened,omitempty"`
	// Treated holds the values after outlier treatment; TreatDetails has one
	// line per (period, indicator) tested and TreatedPoints marks the cells
	// changed (COINr's Treated_Points: winhi, winlo, +log_CT…).
	Treated       Matrix         `json:"treated,omitempty"`
	TreatDetails  []TreatDetail  `json:"treat_details,omitempty"`
	TreatedPoints []TreatedPoint `json:"treated_points,omitempty"`

	Normalised Matrix `json:"normalised"`
	// --- normalisation method tables go here ---
	// NormaliseDetails lists the parameters used per indicator and group
	// (methods other than minmax and zscore, and the non-negative shift).
	NormaliseDetails []NormDetail  `json:"normalise_details,omitempty"`
	Weights          []WeightSet   `json:"weights"`
	Entropy          []EntropyDiag `json:"entropy,omitempty"`
	CRITIC           *CRITICDiag   `json:"critic,omitempty"`
	Spread           *SpreadDiag   `json:"spread,omitempty"`
	// --- further weighting diagnostics (PCA, AHP, combination, optimised) go here ---
	PCA         []PCADiag        `json:"pca,omitempty"`
	AHP         []AHPDiag        `json:"ahp,omitempty"`
	Combination *CombinationDiag `json:"combination,omitempty"`
	VH          *VHDiag          `json:"vertical_horizontal,omitempty"`
	Optimised   *OptimisedDiag   `json:"optimised,omitempty"`
	Noise       *NoiseDiag       `json:"noise,omitempty"`
	Aggregates  []string         `json:"aggregates"`
	Scores      Matrix           `json:"scores"`
	// --- aggregation method tables (TOPSIS, VIKOR, GRA, Copeland) go here ---
	// AggregateDetails holds the whole-matrix methods' tables per aggregate
	// node and group (D⁺, D⁻, closeness; S, R, Q; relational coefficients).
	AggregateDetails []NodeDetail `json:"aggregate_details,omitempty"`
	Ranks            Ranks        `json:"ranks"`
	GroupRanks       Ranks        `json:"group_ranks,omitempty"`
	// IndicatorRanks and RawRanks rank every indicator per period (columns
	// follow Indicators; 1 = best) by its normalised or raw value, when
	// rank.indicators asks for them.
	IndicatorRanks Ranks       `json:"indicator_ranks,omitempty"`
	RawRanks       Ranks       `json:"raw_ranks,omitempty"`
	Report         diag.Report `json:"report"`
	// Analyses holds the tables of the recipe's declared analyses, in
	// declaration order (filled in by package analysis).
	Analyses []AnalysisOutput `json:"analyses,omitempty"`
}

// JSON returns the result as deterministic, indented JSON.
func (r *Result) JSON() ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", " ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// AggregateIndex returns the column of code in Scores, or -1.
func (r *Result) AggregateIndex(code string) int {
	for i, c := range r.Aggregates {
		if c == code {
			return i
		}
	}
	return -1
}

// Score returns the score of aggregate code for unit code u in period label
// p, and whether it exists.
func (r *Result) Score(code, u, p string) (float64, bool) {
	a := r.AggregateIndex(code)
	if a < 0 {
		return 0, false
	}
	for i, o := range r.Rows {
		if r.Units[o.Unit].Code == u && r.Periods[o.Period].Label == p {
			return r.Scores[i][a], true
		}
	}
	return 0, false
}
