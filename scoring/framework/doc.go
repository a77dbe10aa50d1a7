// Package framework is the indicator system: a tree of any depth (index →
// dimensions → sub-dimensions → indicators) with per-indicator metadata
// (names in Chinese and English, unit, direction, relative weight,
// denominator, target, column aliases), its file formats (COINr's iMeta
// layout and a simpler one, as CSV, XLSX or JSON), validation, the
// built-in NQP templates and the matching of a template to data columns.
package framework
