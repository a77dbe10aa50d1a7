// Package export writes a pipeline.Result as JSON, CSV or XLSX.
//
// Tables lays the result out as named tables (scores with ranks, weights,
// weight diagnostics, normalised and raw values, the problem report); CSV
// files are UTF-8 with a byte-order mark so that Excel shows Chinese, and
// text cells that start with = + - @ are escaped against formula injection;
// XLSX workbooks hold one sheet per table plus the resolved recipe.
package export
