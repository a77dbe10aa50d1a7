package region

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Error is a problem with a file read by this package, in Chinese and
// English, with a stable code.
type Error struct {
	Code   string
	Line   int // 1-based line of the file (0: the whole file)
	Zh, En string
}

// Error returns both messages, Chinese first.
func (e *Error) Error() string { return e.Zh + " / " + e.En }

// Message returns the message in lang ("zh"; anything else is English).
func (e *Error) Message(lang string) string {
	if lang == "zh" {
		return e.Zh
	}
	return e.En
}

func errf(code string, line int, zh, en string, args ...any) *Error {
	return &Error{Code: code, Line: line, Zh: fmt.Sprintf(zh, args...), En: fmt.Sprintf(en, args...)}
}

// Weights is a spatial weight matrix as read from a file: either square
// (Units names the rows and columns, Matrix holds them) or long (Entries).
// Labels are unit codes or names as the file writes them.
type Weights struct {
	Units   []string
	Matrix  [][]float64
	Entries []WeightEntry
}

// WeightEntry is one weight w_ij of a long weights file.
type WeightEntry struct {
	I, J string
	W    float64
}

// ReadWeights reads a spatial weight matrix from CSV (UTF-8, optional
// BOM): either square, with the unit codes (or names) as the header (after
// one corner cell) and as the first column in the same order, empty cells
// meaning 0; or long, with the header i,j,w (the third column named w,
// weight, value or 权重) and one (i, j, w) triple per line. Only the form
// is checked here (square, numbers, row and column order); the values
// (non-negative, zero diagonal) and the match with the data's units are
// checked by the engine (pipeline.SpatialWeights.Check and
// analysis.SpatialW). Errors are *Error.
func ReadWeights(r io.Reader) (*Weights, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, errf("w-read", 0, "无法读取权重文件：%v", "cannot read the weight file: %v", err)
	}
	b = bytes.TrimPrefix(b, []byte("\ufeff"))
	if !utf8.Valid(b) {
		return nil, errf("w-encoding", 0, "权重文件须为 UTF-8 编码（在 Excel 中另存为“CSV UTF-8”）", "the weight file must be UTF-8 (in Excel, save as \"CSV UTF-8\")")
	}
	cr := csv.NewReader(bytes.NewReader(b))
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	recs, err := cr.ReadAll()
	if err != nil {
		return nil, errf("w-read", 0, "权重文件不是有效的 CSV：%v", "the weight file is not valid CSV: %v", err)
	}
	if len(recs) < 2 {
		return nil, errf("w-empty", 0, "权重文件至少需要表头和一行数据", "the weight file needs a header and at least one line")
	}
	for _, rec := range recs {
		for k := range rec {
			rec[k] = strings.TrimSpace(rec[k])
		}
	}
	num := func(s string, line, col int, empty bool) (float64, error) {
		if s == "" && empty {
			return 0, nil
		}
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return 0, errf("w-number", line, "权重文件第 %d 行第 %d 列“%s”不是数字", "weight file line %d, column %d: %q is not a number", line, col, s)
		}
		return v, nil
	}
	w := &Weights{}
	h := recs[0]
	if len(h) == 3 {
		switch strings.ToLower(h[2]) {
		case "w", "weight", "value", "权重":
			for k, rec := range recs[1:] {
				line := k + 2
				if len(rec) != 3 {
					return nil, errf("w-columns", line, "权重文件第 %d 行应有 3 列（i, j, w），实有 %d 列", "weight file line %d: want 3 columns (i, j, w), found %d", line, len(rec))
				}
				v, err := num(rec[2], line, 3, false)
				if err != nil {
					return nil, err
				}
				w.Entries = append(w.Entries, WeightEntry{I: rec[0], J: rec[1], W: v})
			}
			return w, nil
		}
	}
	w.Units = h[1:]
	n := len(w.Units)
	if len(recs)-1 != n {
		return nil, errf("w-not-square", 0, "权重矩阵有 %d 行、%d 列，不是方阵", "the weight matrix has %d rows and %d columns: it is not square", len(recs)-1, n)
	}
	for k, rec := range recs[1:] {
		line := k + 2
		if len(rec) != n+1 {
			return nil, errf("w-not-square", line, "权重文件第 %d 行（%s）有 %d 个值，应为 %d", "weight file line %d (%s) has %d values, want %d", line, rec[0], len(rec)-1, n)
		}
		if rec[0] != w.Units[k] {
			return nil, errf("w-order", line, "权重文件第 %d 行的地区“%s”与第 %d 列的“%s”不一致（行与列须按同一顺序）", "weight file line %d: row unit %q does not match column %d %q (rows and columns must be in the same order)", line, rec[0], k+2, w.Units[k])
		}
		row := make([]float64, n)
		for j := range row {
			v, err := num(rec[j+1], line, j+2, true)
			if err != nil {
				return nil, err
			}
			row[j] = v
		}
		w.Matrix = append(w.Matrix, row)
	}
	return w, nil
}
