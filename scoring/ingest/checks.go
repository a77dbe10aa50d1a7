package ingest

import (
	"fmt"
	"math"
	"sort"
	"strconv"

	"github.com/nqp-index/nqp/scoring/diag"
)

// usable fails when the panel has no rows or no numeric columns.
func (b *builder) usable() error {
	t := b.t
	if len(b.p.Rows) == 0 {
		return b.r.fatal(CodeEmptyFile, 0, 0, "", "",
			"没有可用的数据行（每一行都缺少地区或时期）",
			"no usable data rows (every row lacks a unit or a period)")
	}
	if len(b.p.Columns) == 0 {
		return b.r.fatal(CodeNoNumericColumns, t.hdrRow+1, 0, "", "",
			fmt.Sprintf("没有数值型的指标列；现有列：%s", list(t.names, 30, true)),
			fmt.Sprintf("no numeric indicator columns; the columns are: %s", list(t.names, 30, false)))
	}
	return nil
}

// checks reports column-level and panel-level problems.
func (b *builder) checks() {
	p, r := b.p, b.r
	for j, col := range p.Columns {
		missing, filled := 0, 0
		first, constant := math.NaN(), true
		for _, row := range p.Rows {
			v := row.Values[j]
			if math.IsNaN(v) {
				missing++
				continue
			}
			if filled == 0 {
				first = v
			} else if v != first {
				constant = false
			}
			filled++
		}
		switch {
		case filled == 0:
			r.add(diag.Warning, CodeEmptyColumn, 0, col.Source, col.Name, "",
				fmt.Sprintf("指标列“%s”没有任何数值", col.Name),
				fmt.Sprintf("column %q has no values", col.Name))
			continue
		case constant && filled >= 2:
			v := strconv.FormatFloat(first, 'g', -1, 64)
			b.noteConstant(col.Source, v)
			r.add(diag.Warning, CodeConstantColumn, 0, col.Source, col.Name, v,
				fmt.Sprintf("指标列“%s”的所有数值都相同（%s），无法区分地区", col.Name, v),
				fmt.Sprintf("every value of column %q is the same (%s), so it cannot tell units apart", col.Name, v))
		}
		if missing > 0 {
			r.add(diag.Info, CodeMissingValue, 0, col.Source, col.Name, "",
				fmt.Sprintf("指标列“%s”有 %d 个缺失值（共 %d 行）", col.Name, missing, len(p.Rows)),
				fmt.Sprintf("column %q has %d missing values (of %d rows)", col.Name, missing, len(p.Rows)))
		}
	}
	if len(p.Periods) > 1 {
		b.missingPeriods()
	}
	if len(b.unknown) > 0 {
		r.add(diag.Info, CodeUnknownUnit, 0, 0, "", list(b.unknown, 200, false),
			fmt.Sprintf("%d 个地区名称无法识别，按原样保留：%s", len(b.unknown), list(b.unknown, 200, true)),
			fmt.Sprintf("%d unit names were not recognised and are kept as written: %s", len(b.unknown), list(b.unknown, 200, false)))
	}
}

// missingPeriods reports units that lack a row in some periods. Only the
// first maxPerColumn such units are listed in full; the rest are counted.
func (b *builder) missingPeriods() {
	p := b.p
	np := len(p.Periods)
	count := make([]int, len(p.Units))
	for _, row := range p.Rows {
		count[row.Unit]++
	}
	order := make([]int, np)
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, c int) bool { return p.Periods[order[a]].Key < p.Periods[order[c]].Key })
	listed := 0
	for u, unit := range p.Units {
		if count[u] == np {
			continue
		}
		if listed >= maxPerColumn {
			b.r.addCapped(diag.Warning, CodeUnitMissingPeriods, 0, 0, "", unit.Name, "", "")
			continue
		}
		listed++
		has := make(map[int]bool, count[u])
		for _, row := range p.Rows {
			if row.Unit == u {
				has[row.Period] = true
			}
		}
		var miss []string
		for _, pi := range order {
			if !has[pi] {
				miss = append(miss, p.Periods[pi].Label)
			}
		}
		b.r.addCapped(diag.Warning, CodeUnitMissingPeriods, 0, 0, "", unit.Name,
			fmt.Sprintf("地区“%s”缺少 %d 个时期的数据：%s", unit.Name, len(miss), list(miss, 20, true)),
			fmt.Sprintf("unit %q has no rows for %d periods: %s", unit.Name, len(miss), list(miss, 20, false)))
	}
}
