package pipeline

import (
	"math"
	"strconv"
)

// Matrix is a row-major table of numbers; NaN marks a missing value and is
// written as null in JSON. Numbers are written in the shortest form that
// reads back to the same float64.
type Matrix [][]float64

// Vector is a list of numbers with the same JSON rules as Matrix.
type Vector []float64

func appendNum(b []byte, v float64) []byte {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return append(b, "null"...)
	}
	return strconv.AppendFloat(b, v, 'g', -1, 64)
}

// MarshalJSON writes the vector with null for NaN.
func (v Vector) MarshalJSON() ([]byte, error) {
	b := make([]byte, 0, 2+len(v)*20)
	b = append(b, '[')
	for i, x := range v {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendNum(b, x)
	}
	return append(b, ']'), nil
}

// MarshalJSON writes the matrix with null for NaN.
func (m Matrix) MarshalJSON() ([]byte, error) {
	b := make([]byte, 0, 2+len(m)*64)
	b = append(b, '[')
	for i, row := range m {
		if i > 0 {
			b = append(b, ',')
		}
		r, _ := Vector(row).MarshalJSON()
		b = append(b, r...)
	}
	return append(b, ']'), nil
}

func newMatrix(r, c int) Matrix {
	m := make(Matrix, r)
	buf := make([]float64, r*c)
	for i := range m {
		m[i] = buf[i*c : (i+1)*c : (i+1)*c]
	}
	return m
}

func nanMatrix(r, c int) Matrix {
	m := newMatrix(r, c)
	for _, row := range m {
		for j := range row {
			row[j] = math.NaN()
		}
	}
	return m
}

// transpose returns the transpose of a rectangular matrix.
func transpose(m Matrix) Matrix {
	if len(m) == 0 {
		return Matrix{}
	}
	t := newMatrix(len(m[0]), len(m))
	for i, row := range m {
		for j, v := range row {
			t[j][i] = v
		}
	}
	return t
}
