// Package diag holds the structured problems that every stage of the engine
// reports: a severity, where the problem is (file, row, column), the
// offending text and a message in Chinese and English.
//
// Problems are values, not errors: a reader collects all of them in a Report
// so that the user sees every issue of a file at once, and decides whether
// the data can still be used (no Error-severity problem) or not.
package diag
