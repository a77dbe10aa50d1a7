// Package panel is the engine's in-memory data model: observations of units
// (regions) in periods (years, quarters, months), each with a value per
// indicator column. A cross-section is a panel with one period.
//
// Missing values are NaN inside a Panel; every reader that produces a Panel
// reports each missing or unreadable cell in its diag.Report, so a NaN is
// never silent.
package panel
