package export

import (
	"encoding/csv"
	"io"
	"math"
	"strconv"
)

// bom is the UTF-8 byte-order mark; Excel needs it to read UTF-8 CSV.
const bom = "\ufeff"

// SafeText escapes a text cell against spreadsheet formula injection: text
// starting with = + - @ (or a tab or carriage return) gets a leading
// apostrophe, as OWASP recommends.
func SafeText(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}

func cellText(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return SafeText(x)
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return ""
		}
		return strconv.FormatFloat(x, 'g', -1, 64)
	case int:
		return strconv.Itoa(x)
	}
	return ""
}

// WriteCSV writes t as UTF-8 CSV with a BOM and CRLF line ends.
func WriteCSV(w io.Writer, t Table) error {
	if _, err := io.WriteString(w, bom); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	h := make([]string, len(t.Header))
	for i, s := range t.Header {
		h[i] = SafeText(s)
	}
	if err := cw.Write(h); err != nil {
		return err
	}
	rec := make([]string, 0, len(t.Header))
	for _, row := range t.Rows {
		rec = rec[:0]
		for _, v := range row {
			rec = append(rec, cellText(v))
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
