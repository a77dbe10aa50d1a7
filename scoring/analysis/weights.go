package analysis

import (
	"bytes"
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/nqp-index/nqp/scoring/panel"
	"github.com/nqp-index/nqp/scoring/pipeline"
	"github.com/nqp-index/nqp/scoring/region"
)

// SpatialW returns the weight matrix declared by sw for units (in their
// order), not standardised: the built-in contiguity or inverse distance, or
// the user matrix matched to the units by code, name or province. Units of
// a user matrix that are not among units are ignored; every unit must be
// in the matrix.
func SpatialW(units []panel.Unit, sw *pipeline.SpatialWeights) ([][]float64, error) {
	if sw == nil {
		sw = &pipeline.SpatialWeights{Type: pipeline.WContiguity}
	}
	codes := make([]string, len(units))
	for i, u := range units {
		codes[i] = u.Code
	}
	switch sw.Type {
	case pipeline.WContiguity, "":
		sea := sw.SeaLink == nil || *sw.SeaLink
		return ContiguityW(codes, sea)
	case pipeline.WDistance:
		return InverseDistanceW(codes, sw.Power)
	case pipeline.WMatrix:
	default:
		return nil, errorf("bad-w", "未知的空间权重类型 %q（可选：contiguity、distance、matrix）", "unknown spatial weight type %q (known: contiguity, distance, matrix)", sw.Type)
	}
	if err := sw.Check("w"); err != nil {
		return nil, &Error{Code: "bad-w", Zh: err.Error(), En: err.Error()}
	}
	find := unitMatcher(units)
	w := square(len(units))
	covered := make([]bool, len(units))
	if sw.Entries != nil {
		for _, e := range sw.Entries {
			i, okI := find(e.I)
			j, okJ := find(e.J)
			if okI {
				covered[i] = true
			}
			if okJ {
				covered[j] = true
			}
			if okI && okJ {
				if i == j && e.W != 0 {
					return nil, errorf("bad-w", "权重矩阵的对角线（%s, %s）须为 0", "the diagonal of the weight matrix (%s, %s) must be 0", e.I, e.J)
				}
				w[i][j] = e.W
			}
		}
	} else {
		idx := make([]int, len(sw.Units))
		owner := map[int]string{}
		for k, l := range sw.Units {
			i, ok := find(l)
			idx[k] = -1
			if !ok {
				continue
			}
			if prev, dup := owner[i]; dup {
				return nil, errorf("bad-w", "权重矩阵中的 %s 与 %s 指同一地区", "%s and %s in the weight matrix are the same unit", prev, l)
			}
			owner[i] = l
			idx[k] = i
			covered[i] = true
		}
		for a, i := range idx {
			if i < 0 {
				continue
			}
			for b, j := range idx {
				if j >= 0 {
					w[i][j] = sw.Matrix[a][b]
				}
			}
		}
	}
	for i, ok := range covered {
		if !ok {
			return nil, errorf("w-missing-unit", "权重矩阵中没有地区 %s（%s）的行和列", "the weight matrix has no row and column for unit %s (%s)", units[i].Name, units[i].Code)
		}
	}
	return w, nil
}

// unitMatcher finds a unit by code, by name, or as the same province.
func unitMatcher(units []panel.Unit) func(string) (int, bool) {
	byCode, byName, byProv := map[string]int{}, map[string]int{}, map[string]int{}
	for i, u := range units {
		byCode[u.Code] = i
		byName[u.Name] = i
		if p, ok := region.Match(u.Code); ok {
			byProv[p.Code] = i
		}
	}
	return func(l string) (int, bool) {
		l = strings.TrimSpace(l)
		if i, ok := byCode[l]; ok {
			return i, true
		}
		if i, ok := byName[l]; ok {
			return i, true
		}
		if p, ok := region.Match(l); ok {
			i, ok := byProv[p.Code]
			return i, ok
		}
		return 0, false
	}
}

// ReadWeightsCSV reads a user weight matrix from CSV: either square, with
// the unit codes (or names) as the header (after one corner cell) and as
// the first column in the same order, empty cells meaning 0; or long, with
// the header i,j,w (the third column named w, weight, value or 权重) and
// one (i, j, w) triple per line. The matrix is checked (square, numbers,
// non-negative, zero diagonal); its match with the data's units is checked
// when an analysis uses it. Standardisation defaults to row.
func ReadWeightsCSV(r io.Reader) (*pipeline.SpatialWeights, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, errorf("w-read", "无法读取权重文件：%v", "cannot read the weight file: %v", err)
	}
	b = bytes.TrimPrefix(b, []byte("\ufeff"))
	cr := csv.NewReader(bytes.NewReader(b))
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	recs, err := cr.ReadAll()
	if err != nil {
		return nil, errorf("w-read", "权重文件不是有效的 CSV：%v", "the weight file is not valid CSV: %v", err)
	}
	if len(recs) < 2 {
		return nil, errorf("w-empty", "权重文件至少需要表头和一行数据", "the weight file needs a header and at least one line")
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
			return 0, errorf("w-number", "权重文件第 %d 行第 %d 列“%s”不是数字", "weight file line %d, column %d: %q is not a number", line, col, s)
		}
		return v, nil
	}
	sw := &pipeline.SpatialWeights{Type: pipeline.WMatrix, Standardise: "row"}
	h := recs[0]
	if len(h) == 3 {
		switch strings.ToLower(h[2]) {
		case "w", "weight", "value", "权重":
			for k, rec := range recs[1:] {
				line := k + 2
				if len(rec) != 3 {
					return nil, errorf("w-columns", "权重文件第 %d 行应有 3 列（i, j, w），实有 %d 列", "weight file line %d: want 3 columns (i, j, w), found %d", line, len(rec))
				}
				v, err := num(rec[2], line, 3, false)
				if err != nil {
					return nil, err
				}
				sw.Entries = append(sw.Entries, pipeline.WeightEntry{I: rec[0], J: rec[1], W: v})
			}
			if err := sw.Check("wfile"); err != nil {
				return nil, &Error{Code: "bad-w", Zh: err.Error(), En: err.Error()}
			}
			return sw, nil
		}
	}
	sw.Units = h[1:]
	n := len(sw.Units)
	if len(recs)-1 != n {
		return nil, errorf("w-not-square", "权重矩阵有 %d 行、%d 列，不是方阵", "the weight matrix has %d rows and %d columns: it is not square", len(recs)-1, n)
	}
	for k, rec := range recs[1:] {
		line := k + 2
		if len(rec) != n+1 {
			return nil, errorf("w-not-square", "权重文件第 %d 行（%s）有 %d 个值，应为 %d", "weight file line %d (%s) has %d values, want %d", line, rec[0], len(rec)-1, n)
		}
		if rec[0] != sw.Units[k] {
			return nil, errorf("w-order", "权重文件第 %d 行的地区“%s”与第 %d 列的“%s”不一致（行与列须按同一顺序）", "weight file line %d: row unit %q does not match column %d %q (rows and columns must be in the same order)", line, rec[0], k+2, sw.Units[k])
		}
		row := make([]float64, n)
		for j := range row {
			v, err := num(rec[j+1], line, j+2, true)
			if err != nil {
				return nil, err
			}
			row[j] = v
		}
		sw.Matrix = append(sw.Matrix, row)
	}
	if err := sw.Check("wfile"); err != nil {
		return nil, &Error{Code: "bad-w", Zh: err.Error(), En: err.Error()}
	}
	return sw, nil
}
