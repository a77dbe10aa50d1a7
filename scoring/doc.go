// Package scoring is the root of the NQP composite-index engine.
//
// The engine is pure Go (no syscall/js) so that it runs natively in the nqp
// CLI and compiled to WebAssembly in the browser. Its sub-packages are small
// and named for what they do:
//
//   - diag: structured problems (severity, file, row, column, text, zh/en message)
//   - panel: the in-memory data model (units × periods × indicator columns)
//   - ingest: reading CSV/TSV/XLSX files of any common layout and encoding
//   - region: China's 31 provincial divisions and name matching
//   - framework: the indicator tree, its file formats and built-in templates
//   - pipeline: the recipe and its steps (select, normalise, weight, aggregate, rank)
//   - export: JSON, CSV and XLSX writers for results
//   - sample: the bundled provincial S&T panel
package scoring
