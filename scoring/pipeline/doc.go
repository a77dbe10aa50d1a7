// Package pipeline turns a panel and an indicator framework into composite
// scores, following a Recipe: a JSON document that names every step and
// parameter, so that the same data and recipe always give byte-identical
// results (COINr's "coin + log" idea).
//
// The steps, in order:
//
//  1. select: units, periods and indicators to keep;
//  2. normalise: min-max to [l, u] (+ shift δ) or z-score, direction-aware
//     (positive, negative, moderate, interval), per period or pooled;
//  3. weights: equal, manual (framework), entropy (pooled panel, per period,
//     per period averaged; explicit 0·ln0 rule), CRITIC, coefficient of
//     variation, standard deviation;
//  4. aggregate: level by level up the framework tree, weighted arithmetic or
//     geometric mean with weights relative within each group and
//     renormalised over non-missing children, optionally ×100;
//  5. rank: per period, descending, ties share the lower rank, overall and
//     within groups (e.g. China's four regions), and optionally every
//     indicator (rank.indicators, as COINr ranks every column).
//
// Other tools' conventions are explicit options, never silent replacements
// (variants.go): CRITIC with Spearman or Kendall τ-b correlation, z-scores
// with the population sd and unflipped negative indicators
// (scikit-criteria), pymcdm's max normalisation, weights used as given.
//
// Every intermediate table is kept in the Result, and degenerate inputs
// (constant columns, all-zero columns, a single unit, negative values under
// entropy) get a defined outcome and a warning rather than NaN.
package pipeline
