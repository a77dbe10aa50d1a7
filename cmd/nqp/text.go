package main

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"golang.org/x/text/width"

	"github.com/nqp-index/nqp/scoring/export"
)

// displayWidth counts East Asian wide characters as two columns.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return n
}

func textCell(v any) string {
	switch x := v.(type) {
	case nil:
		return "-"
	case string:
		return x
	case int:
		return strconv.Itoa(x)
	case float64:
		if math.IsNaN(x) {
			return "-"
		}
		return strconv.FormatFloat(x, 'f', 4, 64)
	}
	return fmt.Sprint(v)
}

// printTable writes t as aligned text: text left-aligned, numbers right-aligned.
func printTable(w io.Writer, t export.Table) {
	cells := make([][]string, 0, len(t.Rows)+1)
	cells = append(cells, t.Header)
	numeric := make([]bool, len(t.Header))
	for _, r := range t.Rows {
		row := make([]string, len(r))
		for j, v := range r {
			row[j] = textCell(v)
			switch v.(type) {
			case int, float64:
				numeric[j] = true
			}
		}
		cells = append(cells, row)
	}
	wd := make([]int, len(t.Header))
	for _, r := range cells {
		for j, s := range r {
			if d := displayWidth(s); d > wd[j] {
				wd[j] = d
			}
		}
	}
	var b strings.Builder
	for _, r := range cells {
		b.Reset()
		for j, s := range r {
			pad := strings.Repeat(" ", wd[j]-displayWidth(s))
			if j > 0 {
				b.WriteString("  ")
			}
			if numeric[j] {
				b.WriteString(pad + s)
			} else {
				b.WriteString(s + pad)
			}
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
	}
}
