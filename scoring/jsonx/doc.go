// Package jsonx decodes JSON strictly, for every JSON boundary of the
// engine (recipes, mcda requests, frameworks, analysis inputs, the Worker
// API's body): exactly one value with nothing after it, and no key the
// target type does not know, at any depth. Errors are bilingual
// (diag.Bilingual) and name the key by its path, e.g.
// "aggregate.params.zeta", with the keys accepted there.
//
// encoding/json's own DisallowUnknownFields stops at the first unknown key
// without saying where it is, matches keys case-insensitively, takes the
// last of duplicated keys and ignores trailing data; Decode does none of
// these silently.
package jsonx
