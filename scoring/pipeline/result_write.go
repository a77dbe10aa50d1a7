package pipeline

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"reflect"
	"strconv"
	"strings"
)

// WriteJSON writes the same bytes as JSON to w without building the whole
// document in memory: each field is encoded on its own, and the per-row
// tables (Matrix and Ranks fields, which hold one number per observation
// and indicator) row by row, so memory stays proportional to one row.
func (r *Result) WriteJSON(w io.Writer) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	v := reflect.ValueOf(r).Elem()
	t := v.Type()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent(" ", " ")
	enc.SetEscapeHTML(false)
	bw.WriteString("{")
	first := true
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		name, opts, _ := strings.Cut(tag, ",")
		if !f.IsExported() || name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		fv := v.Field(i)
		if opts == "omitempty" && emptyJSON(fv) {
			continue
		}
		if !first {
			bw.WriteByte(',')
		}
		first = false
		bw.WriteString("\n \"" + name + "\": ")
		var err error
		switch x := fv.Interface().(type) {
		case Matrix:
			writeRows(bw, len(x), func(i int) int { return len(x[i]) }, func(b []byte, i, j int) []byte { return appendNum(b, x[i][j]) })
		case Ranks:
			writeRows(bw, len(x), func(i int) int { return len(x[i]) }, func(b []byte, i, j int) []byte {
				if x[i][j] == 0 {
					return append(b, "null"...)
				}
				return strconv.AppendInt(b, int64(x[i][j]), 10)
			})
		default:
			buf.Reset()
			// The field's address, so that pointer-receiver methods apply
			// as they do when the whole Result is encoded.
			if err = enc.Encode(fv.Addr().Interface()); err == nil {
				bw.Write(bytes.TrimSuffix(buf.Bytes(), []byte{'\n'}))
			}
		}
		if err != nil {
			return err
		}
	}
	bw.WriteString("\n}\n")
	return bw.Flush()
}

// writeRows writes an n-row table of numbers at depth 1 of the document
// as encoding/json indents MarshalJSON's output (row i has width(i)
// cells, cell appends cell j of row i), without allocating per row.
func writeRows(bw *bufio.Writer, n int, width func(int) int, cell func(b []byte, i, j int) []byte) {
	if n == 0 {
		bw.WriteString("[]")
		return
	}
	bw.WriteString("[\n")
	var num []byte
	for i := range n {
		bw.WriteString("  ")
		if w := width(i); w == 0 {
			bw.WriteString("[]")
		} else {
			bw.WriteString("[\n")
			for j := range w {
				num = cell(append(num[:0], "   "...), i, j)
				if j < w-1 {
					num = append(num, ',')
				}
				num = append(num, '\n')
				bw.Write(num)
			}
			bw.WriteString("  ]")
		}
		if i < n-1 {
			bw.WriteString(",\n")
		}
	}
	bw.WriteString("\n ]")
}

// emptyJSON reports whether encoding/json's omitempty drops v.
func emptyJSON(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() == 0
	case reflect.Bool:
		return !v.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int() == 0
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return v.Uint() == 0
	case reflect.Float32, reflect.Float64:
		return v.Float() == 0
	case reflect.Interface, reflect.Pointer:
		return v.IsNil()
	}
	return false
}
