package analysis

import (
	"io"
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

// unitMatcher finds a unit by code, by name, as the same province, or as
// the one prefecture or county a label names.
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
		// a prefecture or county by short name or code (嘉善, 3304)
		if c := region.Candidates(l); len(c) == 1 {
			i, ok := byCode[c[0].Code]
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
	w, err := region.ReadWeights(r)
	if err != nil {
		if e, ok := err.(*region.Error); ok {
			return nil, &Error{Code: e.Code, Zh: e.Zh, En: e.En}
		}
		return nil, err
	}
	sw := pipeline.WeightsOfFile(w)
	if err := sw.Check("wfile"); err != nil {
		return nil, &Error{Code: "bad-w", Zh: err.Error(), En: err.Error()}
	}
	return sw, nil
}
