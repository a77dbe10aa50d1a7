package ingest

import (
	"fmt"
	"math"
	"strings"

	"github.com/nqp-index/nqp/scoring/diag"
	"github.com/nqp-index/nqp/scoring/ingest/detect"
)

// ColumnUse says what became of one column of the file; Detected.Columns
// lists one for every column (see detect.ColumnUse).
type ColumnUse = detect.ColumnUse

// classify decides which columns, other than the key columns, are not
// used, and reports each with its reason:
//
//   - period-like: named like a period (年份, year, 时间…) or, if numeric,
//     holding only whole years 1900–2100 that repeat (a year column: each
//     year on several rows). Such a column is never an indicator, even when
//     another column is the period.
//   - empty: no value at all.
//   - not-numbers (wide layout): some cells are numbers (or NaN, Inf,
//     1e999) but fewer than half, too few for an indicator; a column
//     without any number is a text column, kept as a group.
//
// c.unused[j] is the reason, "" for a used column.
func classify(r *reporter, t *table, c *columns) {
	c.unused = make([]string, c.k)
	for j := range c.k {
		if j == c.unit || j == c.code || j == c.period || j == c.indicator || j == c.value {
			continue
		}
		name, col := t.names[j], t.src[j]+1
		switch {
		case isPeriodHeader(name) || (c.numeric[j] && yearsOnly(c, j)):
			c.unused[j] = detect.ReasonPeriodLike
			with := ""
			withEn := ""
			if c.period >= 0 {
				with = fmt.Sprintf("（时期列是“%s”）", t.names[c.period])
				withEn = fmt.Sprintf(" (the period column is %q)", t.names[c.period])
			}
			r.add(diag.Info, CodePeriodLikeColumn, 0, col, name, "",
				fmt.Sprintf("列“%s”的名称或取值像时期（年份），不作为指标使用%s", name, with),
				fmt.Sprintf("column %q is named like a period or holds years, so it is not used as an indicator%s", name, withEn))
		case c.filled[j] == 0:
			c.unused[j] = detect.ReasonEmpty
			r.add(diag.Warning, CodeEmptyColumn, 0, col, name, "",
				fmt.Sprintf("列“%s”没有任何数值，未使用", name),
				fmt.Sprintf("column %q has no values and is not used", name))
		case !c.long && !c.numeric[j] && hasNumberLike(c, j):
			c.unused[j] = detect.ReasonNotNumbers
			bad := c.filled[j] - c.ok[j]
			i := firstBad(c, j)
			text := t.cell(i, j)
			r.add(diag.Warning, CodeTextColumn, t.rowNum(i), col, name, text,
				fmt.Sprintf("列“%s”的 %d 个单元格中有 %d 个不是数字（首个在第 %d 行：“%s”），未作为指标使用", name, c.filled[j], bad, t.rowNum(i), text),
				fmt.Sprintf("%d of %d cells of column %q are not numbers (first at row %d: %q); the column is not used as an indicator", bad, c.filled[j], name, t.rowNum(i), text))
		}
	}
}

// isPeriodHeader reports whether a header names a period.
func isPeriodHeader(name string) bool {
	key := headerKey(name)
	for _, h := range periodHeaders {
		if key == h {
			return true
		}
	}
	return false
}

// yearsOnly reports whether every value of numeric column j is a whole
// year 1900–2100 and the years repeat (at most half as many distinct
// years as values), as in a year column of a panel or a cross-section.
func yearsOnly(c *columns, j int) bool {
	if c.ok[j] < 2 || c.ok[j] != c.filled[j] {
		return false
	}
	seen := map[float64]struct{}{}
	for i := range c.n {
		idx := i*c.k + j
		if c.status[idx] != stNumber {
			continue
		}
		v := c.vals[idx]
		if v != math.Trunc(v) || v < 1900 || v > 2100 {
			return false
		}
		seen[v] = struct{}{}
	}
	return len(seen) == 1 || len(seen)*2 <= c.ok[j]
}

// hasNumberLike reports whether column j has a number, or a cell that is a
// number but not a finite one (NaN, Inf, 1e999).
func hasNumberLike(c *columns, j int) bool {
	if c.ok[j] > 0 {
		return true
	}
	for i := range c.n {
		if c.status[i*c.k+j] == stRange {
			return true
		}
	}
	return false
}

// firstBad returns the first data row whose cell in column j is filled
// but not a finite number, or -1.
func firstBad(c *columns, j int) int {
	for i := range c.n {
		if st := c.status[i*c.k+j]; st == stBad || st == stRange {
			return i
		}
	}
	return -1
}

// columnUses lists what became of every column of the file in
// Detected.Columns, in file order, the unnamed empty columns included.
func (b *builder) columnUses() {
	t, c := b.t, b.c
	out := make([]ColumnUse, 0, len(t.names)+len(t.skipped))
	k := 0
	skipped := func(before int) {
		for ; k < len(t.skipped) && (before < 0 || t.skipped[k] < before); k++ {
			s := t.skipped[k]
			out = append(out, ColumnUse{Column: s + 1, Name: fmt.Sprintf("column %d", s+1),
				Use: detect.UseUnused, Reason: detect.ReasonEmpty})
		}
	}
	for j, name := range t.names {
		skipped(t.src[j])
		u := ColumnUse{Column: t.src[j] + 1, Name: strings.Clone(name)}
		switch {
		case j == c.unit:
			u.Use = detect.UseUnit
		case j == c.code:
			u.Use = detect.UseCode
		case j == c.period:
			u.Use = detect.UsePeriod
		case c.long && j == c.indicator:
			u.Use = detect.UseIndicators
		case c.long && j == c.value:
			u.Use = detect.UseValue
		case c.unused[j] != "":
			u.Use, u.Reason = detect.UseUnused, c.unused[j]
		case !c.long && c.numeric[j]:
			u.Use = detect.UseIndicator
		default:
			u.Use = detect.UseGroup
		}
		if u.Reason == detect.ReasonNotNumbers || (u.Use == detect.UseIndicator && c.ok[j] < c.filled[j]) ||
			(u.Use == detect.UseValue && c.ok[j] < c.filled[j]) {
			if i := firstBad(c, j); i >= 0 {
				u.Reason = detect.ReasonNotNumbers
				u.Bad, u.Filled, u.Row, u.Text = c.filled[j]-c.ok[j], c.filled[j], t.rowNum(i), strings.Clone(t.cell(i, j))
			}
		}
		out = append(out, u)
	}
	skipped(-1)
	b.r.det.Columns = out
}

// noteConstant marks the indicator in file column src (1-based) as
// constant, with its value.
func (b *builder) noteConstant(src int, value string) {
	for i := range b.r.det.Columns {
		if u := &b.r.det.Columns[i]; u.Column == src && u.Use == detect.UseIndicator && u.Reason == "" {
			u.Reason, u.Text = detect.ReasonConstant, value
		}
	}
}
