package pipeline

import (
	"bytes"
	"encoding/json"
	"math"
)

// UnmarshalJSON reads a vector written by MarshalJSON (null → NaN).
func (v *Vector) UnmarshalJSON(b []byte) error {
	var raw []*float64
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	if raw == nil && bytes.Equal(bytes.TrimSpace(b), []byte("null")) {
		*v = nil
		return nil
	}
	out := make(Vector, len(raw))
	for i, x := range raw {
		if x == nil {
			out[i] = math.NaN()
		} else {
			out[i] = *x
		}
	}
	*v = out
	return nil
}

// UnmarshalJSON reads a matrix written by MarshalJSON (null → NaN).
func (m *Matrix) UnmarshalJSON(b []byte) error {
	var rows []Vector
	if err := json.Unmarshal(b, &rows); err != nil {
		return err
	}
	if rows == nil {
		*m = nil
		return nil
	}
	out := make(Matrix, len(rows))
	for i, r := range rows {
		out[i] = r
	}
	*m = out
	return nil
}

// UnmarshalJSON reads ranks written by MarshalJSON (null → 0).
func (r *Ranks) UnmarshalJSON(b []byte) error {
	var raw [][]*int
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	if raw == nil {
		*r = nil
		return nil
	}
	out := make(Ranks, len(raw))
	for i, row := range raw {
		out[i] = make([]int, len(row))
		for j, x := range row {
			if x != nil {
				out[i][j] = *x
			}
		}
	}
	*r = out
	return nil
}
