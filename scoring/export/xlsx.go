//go:build !nqppage

package export

import (
	"archive/zip"
	"bytes"
	"io"
	"math"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"
)

// WriteXLSX writes one sheet per table, then a "recipe" sheet holding the
// resolved recipe JSON one line per row.
func WriteXLSX(w io.Writer, tables []Table, recipeJSON []byte) error {
	f := excelize.NewFile()
	defer f.Close()
	first := true
	for _, t := range tables {
		if first {
			if err := f.SetSheetName("Sheet1", t.Name); err != nil {
				return err
			}
			first = false
		} else if _, err := f.NewSheet(t.Name); err != nil {
			return err
		}
		sw, err := f.NewStreamWriter(t.Name)
		if err != nil {
			return err
		}
		hdr := make([]any, len(t.Header))
		for i, h := range t.Header {
			hdr[i] = h
		}
		if err := sw.SetRow("A1", hdr); err != nil {
			return err
		}
		row := make([]any, 0, len(t.Header))
		for i, r := range t.Rows {
			row = row[:0]
			for _, v := range r {
				if x, ok := v.(float64); ok && (math.IsNaN(x) || math.IsInf(x, 0)) {
					v = nil
				}
				row = append(row, v)
			}
			cell, _ := excelize.CoordinatesToCellName(1, i+2)
			if err := sw.SetRow(cell, row); err != nil {
				return err
			}
		}
		if err := sw.Flush(); err != nil {
			return err
		}
	}
	name := "recipe"
	if first {
		if err := f.SetSheetName("Sheet1", name); err != nil {
			return err
		}
	} else if _, err := f.NewSheet(name); err != nil {
		return err
	}
	for i, line := range strings.Split(strings.TrimRight(string(recipeJSON), "\n"), "\n") {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetCellStr(name, cell, line); err != nil {
			return err
		}
	}
	f.SetActiveSheet(0)
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		return err
	}
	return sortZip(w, b.Bytes())
}

// sortZip copies the zip archive in b to w with its entries in name order
// ("[Content_Types].xml" first), so that the same tables give the same
// bytes: excelize writes the streamed sheets in map order. Entries are
// copied compressed, as they are.
func sortZip(w io.Writer, b []byte) error {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return err
	}
	files := slices.Clone(zr.File)
	slices.SortFunc(files, func(a, b *zip.File) int { return strings.Compare(a.Name, b.Name) })
	zw := zip.NewWriter(w)
	for _, f := range files {
		if err := zw.Copy(f); err != nil {
			return err
		}
	}
	return zw.Close()
}
