// Package ingest reads the data panels users upload — CSV, TSV/TXT and XLSX
// files in whatever layout and encoding they come in — into a panel.Panel,
// and reports every problem it finds as a diag.Problem with its file, row,
// column, offending text and a message in Chinese and English.
//
// The API is one function, Read, with an Options value whose zero value
// detects everything:
//
//   - Format: XLSX is recognised by its zip signature, anything else is text.
//   - Encoding: a byte-order mark decides (UTF-8, UTF-16LE, UTF-16BE); else
//     valid UTF-8 is UTF-8 and anything else is read as GB18030 (which
//     includes GBK), the encoding Excel on Chinese Windows writes.
//   - Delimiter: the one of , ; tab | that gives the most consistent number
//     of fields (more than one) over the first 50 records.
//   - Layout: "long" (unit, period, indicator, value columns) when indicator
//     and value columns are found by their headers and few other numeric
//     columns exist; otherwise "wide" (unit, optional period, one numeric
//     column per indicator).
//
// XLSX cells are read as their raw values, so numbers keep their full
// precision whatever their display format (a cell shown as "12%" reads as
// 0.12); a period cell holding a date reads as that date's month.
//
// Rows and columns in problems are 1-based as a spreadsheet shows them: the
// header line of a CSV file is row 1.
//
// Numbers are read by ParseNumber, which accepts thousands separators,
// full-width digits and signs, the Unicode minus sign, scientific notation,
// surrounding quotes and spaces, and a trailing percent sign. A percentage is
// kept as written: "12.5%" reads as 12.5 (percent units), not 0.125. The
// usual spreadsheet placeholders for "no data" (empty, NA, -, —, 无, #N/A, …)
// read as missing, which the panel stores as NaN.
//
// Periods are read by ParsePeriod: years ("2023", "2023年"), quarters
// ("2024Q1", "2024年第一季度") and months ("2024-03", "2024年3月", "202403").
//
// Read never panics and returns a non-nil error only when the input cannot
// be read at all; that error is then also the first Error problem in the
// report. Everything else is a Warning or Info problem and the panel is
// returned, sorted by period and unit (see panel.Panel.Sort) so that the
// order of rows in the file never matters.
package ingest
