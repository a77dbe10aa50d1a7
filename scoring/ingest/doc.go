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
//     valid UTF-8 is UTF-8. Otherwise the lines with non-ASCII bytes are
//     weighed: GB18030 (which includes GBK, the encoding Excel on Chinese
//     Windows writes) is used for the whole file only when it explains it
//     better, i.e. fewer lines read badly as GB18030 (not well-formed
//     GB18030, or valid UTF-8 that GB18030 would garble) than lines that are
//     not valid UTF-8. A UTF-8 file with a few bad lines stays UTF-8: each
//     such line is read as GB18030 if it is well-formed GB18030 (a GBK line
//     pasted into a UTF-8 file), else its bad bytes become U+FFFD, and
//     either way it is reported with its row and its bytes (\xC9\xCF…).
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
// Every column of the header is accounted for in Detected.Columns (a
// ColumnUse each): the unit, code or period column, an indicator, a group
// (a text column, kept as a panel attribute), or not used with its reason:
// mostly not numbers (n of m cells, with the first such row and text;
// reported as a text-column Warning), all missing, period-like (named
// like a period — 年份, year, 时间, 年度, period… — or holding only whole
// years 1900–2100 that repeat; never an indicator, even when another
// column is the period), or, once a framework is matched, not in the
// framework (Detected.NotInFramework). A constant indicator is kept (as
// COINr keeps it) with a note.
//
// Numbers are read by ParseNumber, which accepts thousands separators,
// full-width digits and signs, the Unicode minus sign, scientific notation,
// surrounding quotes and spaces, and a trailing percent sign. A percentage is
// kept as written: "12.5%" reads as 12.5 (percent units), not 0.125. The
// usual spreadsheet placeholders for "no data" (empty, NA, -, —, 无, #N/A, …)
// read as missing, which the panel stores as NaN. NaN, Inf and numbers out
// of range (1e999) are not placeholders: each such cell of an indicator
// column is a Warning naming its row and column, and reads as missing. In
// a ";"-delimited file the decimal comma ("6,83") is detected when more
// cells read only with it than only with a decimal point (an Info problem
// says so); Options.DecimalComma forces it.
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
