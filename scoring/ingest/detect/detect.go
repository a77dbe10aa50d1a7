// Package detect holds what package ingest reports having detected in a
// file (format, encoding, delimiter, layout, key columns), apart from the
// readers themselves, so that a user interface can show it without linking
// them (ingest.Detected is this type).
package detect

// Detected reports what Read found or used: the format, encoding,
// delimiter, layout and key columns, so that a user interface can show
// them and offer overrides. Read fills it when Options.Detected is not nil
// (as far as it got: a file that could not be read leaves later fields
// empty).
type Detected struct {
	Format    string   `json:"format"`              // csv, tsv, txt or xlsx
	Sheet     string   `json:"sheet,omitempty"`     // the XLSX sheet read
	Sheets    []string `json:"sheets,omitempty"`    // every sheet of the workbook
	Encoding  string   `json:"encoding,omitempty"`  // text files: the encoding used
	Delimiter string   `json:"delimiter,omitempty"` // text files: the delimiter used
	Layout    string   `json:"layout,omitempty"`    // wide or long
	// The key columns used ("" when there is none, e.g. no period column).
	UnitColumn      string `json:"unit_column,omitempty"`
	CodeColumn      string `json:"code_column,omitempty"`
	PeriodColumn    string `json:"period_column,omitempty"`
	IndicatorColumn string `json:"indicator_column,omitempty"`
	ValueColumn     string `json:"value_column,omitempty"`
	// Headers are the column names of the table, in order.
	Headers []string `json:"headers,omitempty"`
	// DecimalComma is true when numbers were read with a decimal comma
	// (set by the option, or detected in a ";"-delimited file).
	DecimalComma bool `json:"decimal_comma,omitempty"`
	// Columns says what became of every column of the file (columns.go).
	Columns []ColumnUse `json:"columns,omitempty"`
}
