package ingest

import (
	"fmt"
	"strings"

	"github.com/nqp-index/nqp/scoring/diag"
)

// Problem codes used in reports. They are stable and may be used by callers
// to filter or translate problems.
const (
	CodeBadOption          = "bad-option"           // Error: an Options field has an unknown value
	CodeTooLarge           = "too-large"            // Error: input exceeds Options.MaxBytes
	CodeTooManyCells       = "too-many-cells"       // Error: input exceeds Options.MaxCells
	CodeEmptyFile          = "empty-file"           // Error: no header or no data rows
	CodeUnsupportedFormat  = "unsupported-format"   // Error: e.g. a legacy .xls file
	CodeBadXLSX            = "bad-xlsx"             // Error: the workbook cannot be opened
	CodeNoSheet            = "no-sheet"             // Error: the named sheet does not exist
	CodeNoUnitColumn       = "no-unit-column"       // Error: no column identifies the units
	CodeColumnNotFound     = "column-not-found"     // Error: a column named in Options is absent
	CodeNoIndicatorColumn  = "no-indicator-column"  // Error: long layout without indicator/value columns
	CodeNoNumericColumns   = "no-numeric-columns"   // Error: nothing to score
	CodeDetectedEncoding   = "detected-encoding"    // Info: encoding guessed without a BOM
	CodeBadEncoding        = "bad-encoding"         // Warning: bytes that cannot be decoded
	CodeUnterminatedQuote  = "unterminated-quote"   // Warning: a quoted field runs to the end of file
	CodeSkippedRows        = "skipped-rows"         // Info: title or note rows around the table
	CodeRaggedRow          = "ragged-row"           // Warning: wrong number of fields
	CodeEmptyHeader        = "empty-header"         // Warning: a column without a header
	CodeDuplicateHeader    = "duplicate-header"     // Warning: a repeated header, renamed "name (2)"
	CodeGuessedUnitColumn  = "guessed-unit-column"  // Info: the unit column was not found by name
	CodeLayout             = "layout"               // Info: the layout and key columns used
	CodeMissingUnit        = "missing-unit"         // Warning: a data row without unit; skipped
	CodeMissingPeriod      = "missing-period"       // Warning: a data row without period; skipped
	CodeMissingIndicator   = "missing-indicator"    // Warning: a long-layout row without indicator; skipped
	CodeUnknownPeriod      = "unknown-period"       // Warning: period texts read as plain labels
	CodeMixedPeriods       = "mixed-periods"        // Warning: years, quarters and months mixed
	CodeDuplicateRow       = "duplicate-row"        // Warning: a repeated unit–period (or unit–period–indicator)
	CodeNonNumeric         = "non-numeric"          // Warning: a cell of a numeric column that is not a number
	CodeMissingValue       = "missing-value"        // Info: count of missing cells in a column
	CodeEmptyColumn        = "empty-column"         // Warning: a column without any value
	CodeConstantColumn     = "constant-column"      // Warning: a column with one value only
	CodeUnitMissingPeriods = "unit-missing-periods" // Warning: a unit absent from some periods
	CodeUnknownUnit        = "unknown-unit"         // Info: units the UnitMatcher did not recognise
	CodeMixedEncoding      = "mixed-encoding"       // Info: a UTF-8 file with lines that are not UTF-8 (listed as bad-encoding)
	CodeDecimalComma       = "decimal-comma"        // Info: numbers read with a decimal comma, detected
	CodeTextColumn         = "text-column"          // Warning: a column with some numbers but mostly text; not used
	CodePeriodLikeColumn   = "period-like-column"   // Info: a column named like a period or holding years; not an indicator
)

// maxPerColumn caps the individual problems of one code in one column;
// the rest are summarised in one problem.
const maxPerColumn = 20

// reporter collects problems for one file.
type reporter struct {
	file string
	det  *Detected // never nil
	// shared is true when cell texts are substrings of the caller's
	// bytes (bytesText); detach then copies what Read returns.
	shared bool
	rep    diag.Report
	counts map[string]int // code + "\x00" + column → problems seen
	first  []capKey       // order of capped keys, for deterministic summaries
}

type capKey struct {
	code, column string
	col          int
	sev          diag.Severity
}

func (r *reporter) add(sev diag.Severity, code string, row, col int, column, text, zh, en string) {
	// Clone so that the report does not keep the whole input alive.
	column, text = strings.Clone(column), strings.Clone(text)
	r.rep.Addf(sev, code, r.file, row, col, column, text, zh, en)
}

// addCapped adds a problem unless maxPerColumn problems of the same code
// were already added for the same column; those are counted for flush.
func (r *reporter) addCapped(sev diag.Severity, code string, row, col int, column, text, zh, en string) {
	if r.counts == nil {
		r.counts = map[string]int{}
	}
	k := code + "\x00" + column + "\x00" + fmt.Sprint(col)
	n := r.counts[k]
	r.counts[k] = n + 1
	if n == 0 {
		r.first = append(r.first, capKey{code, column, col, sev})
	}
	if n < maxPerColumn {
		r.add(sev, code, row, col, column, text, zh, en)
	}
}

// flush adds one summary problem per capped code and column.
func (r *reporter) flush() {
	for _, k := range r.first {
		n := r.counts[k.code+"\x00"+k.column+"\x00"+fmt.Sprint(k.col)]
		if n <= maxPerColumn {
			continue
		}
		more := n - maxPerColumn
		r.add(k.sev, k.code, 0, k.col, k.column, "",
			fmt.Sprintf("另有 %d 处同类问题未逐一列出（共 %d 处）", more, n),
			fmt.Sprintf("%d more problems of this kind not listed (%d in all)", more, n))
	}
	r.first, r.counts = nil, nil
}

// fatal adds an Error problem and returns it as the error of Read.
func (r *reporter) fatal(code string, row, col int, column, text, zh, en string) error {
	r.add(diag.Error, code, row, col, column, text, zh, en)
	return r.rep.Problems[len(r.rep.Problems)-1]
}

// list joins up to max items for a message, with a count of the rest.
func list(items []string, max int, zh bool) string {
	sep := ", "
	if zh {
		sep = "、"
	}
	if len(items) <= max {
		return strings.Join(items, sep)
	}
	s := strings.Join(items[:max], sep)
	if zh {
		return fmt.Sprintf("%s 等 %d 个", s, len(items))
	}
	return fmt.Sprintf("%s and %d more", s, len(items)-max)
}

// quoteZh quotes text for a Chinese message.
func quoteZh(s string) string { return "“" + s + "”" }
