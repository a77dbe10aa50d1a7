package ingest

import (
	"fmt"
	"math"
	"strings"

	"github.com/nqp-index/nqp/scoring/diag"
	"github.com/nqp-index/nqp/scoring/panel"
)

// Header names (as normalised by headerKey) that identify column roles.
var (
	unitCodeHeaders = [...]string{
		"ucode", "code", "regioncode", "unitcode", "provincecode", "citycode", "adcode",
		"代码", "地区代码", "地区编码", "省份代码", "城市代码", "行政区划代码", "区划代码", "编码",
	}
	unitNameHeaders = [...]string{
		"uname", "unit", "unitname", "name", "region", "regionname", "province", "provincename",
		"city", "cityname", "area",
		"地区", "省份", "省份名称", "省", "省市", "省区市", "省(区、市)", "省（区、市）", "省/地区", "地区/省份",
		"城市", "城市名称", "市", "区域", "单位", "单位名称", "名称", "地区名称", "区县", "县",
		"县区", "县市区", "县(市、区)", "县（市、区）", "县(市,区)", "区县名称", "县区名称", "县名", "县域", "市县",
	}
	periodHeaders = [...]string{
		"年份", "年", "年度", "year", "years", "time", "时间", "期间", "period", "季度", "quarter",
		"月份", "月", "month", "date", "日期", "统计年度", "报告期", "yr",
	}
	indicatorHeaders = [...]string{
		"icode", "indicator", "indicatorcode", "indicatorname", "iname", "variable", "variables",
		"var", "指标", "指标名称", "指标代码", "变量", "变量名", "变量名称",
	}
	valueHeaders = [...]string{"value", "values", "val", "值", "数值", "指标值", "数据值"}
)

// cell status after number parsing.
const (
	stNumber uint8 = iota
	stMissing
	stBad
	stRange
)

// columns holds the parsed numbers and the roles of a table's columns.
type columns struct {
	n       int       // data rows
	k       int       // columns
	vals    []float64 // vals[i*k+c], NaN unless stNumber
	status  []uint8   // status[i*k+c]
	numeric []bool
	ok      []int // number cells per column
	filled  []int // non-missing cells per column

	unit, code, period, indicator, value int // column indices or -1
	guessedUnit                          bool
	long                                 bool
	// unused[j] is why column j is not used (a detect.Reason…), or ""
	// (uses.go).
	unused []string
}

// parseColumns parses every cell as a number and decides which columns are
// numeric: those where at least half of the non-missing cells are numbers.
func parseColumns(t *table, decimalComma bool) *columns {
	n, k := len(t.data), len(t.names)
	c := &columns{n: n, k: k, vals: make([]float64, n*k), status: make([]uint8, n*k),
		numeric: make([]bool, k), ok: make([]int, k), filled: make([]int, k)}
	for i, ri := range t.data {
		rec := t.g.row(ri)
		base := i * k
		for j, s := range t.src {
			var text string
			if s < len(rec) {
				text = rec[s]
			}
			v, missing, err := ParseNumber(text, decimalComma)
			st := stNumber
			switch {
			case missing:
				st = stMissing
			case err == ErrNotFinite:
				st = stRange
			case err != nil:
				st = stBad
			}
			c.vals[base+j] = v
			c.status[base+j] = st
			if st != stMissing {
				c.filled[j]++
			}
			if st == stNumber {
				c.ok[j]++
			}
		}
	}
	for j := 0; j < k; j++ {
		c.numeric[j] = c.ok[j]*2 >= c.filled[j]
	}
	return c
}

// findColumn returns the column whose name is name (exactly, or ignoring
// case and spaces), or -1.
func findColumn(names []string, name string) int {
	name = cleanName(name)
	for i, n := range names {
		if n == name {
			return i
		}
	}
	key := headerKey(name)
	for i, n := range names {
		if headerKey(n) == key {
			return i
		}
	}
	return -1
}

// matchHeaders returns the columns whose header is in set, in column order,
// skipping those in used.
func matchHeaders(names []string, set []string, used ...int) []int {
	var out []int
outer:
	for i, n := range names {
		for _, u := range used {
			if u == i {
				continue outer
			}
		}
		key := headerKey(n)
		for _, s := range set {
			if key == s {
				out = append(out, i)
				continue outer
			}
		}
	}
	return out
}

// mostDistinct returns the candidate column with the most distinct texts
// (first one on ties), or -1. Unit columns have many distinct values;
// region-group columns ("东部", "西部") have few.
func mostDistinct(t *table, cands []int) int {
	if len(cands) <= 1 {
		if len(cands) == 1 {
			return cands[0]
		}
		return -1
	}
	best, bestN := -1, -1
	for _, c := range cands {
		seen := map[string]struct{}{}
		for i := range t.data {
			seen[t.cell(i, c)] = struct{}{}
		}
		if len(seen) > bestN {
			best, bestN = c, len(seen)
		}
	}
	return best
}

// roles finds the unit, period, indicator and value columns and the layout.
func roles(r *reporter, t *table, c *columns, opt Options) error {
	c.unit, c.code, c.period, c.indicator, c.value = -1, -1, -1, -1, -1
	explicit := func(option, name string) (int, error) {
		if name == "" {
			return -1, nil
		}
		j := findColumn(t.names, name)
		if j < 0 {
			return -1, r.fatal(CodeColumnNotFound, t.hdrRow+1, 0, name, name,
				fmt.Sprintf("找不到选项 %s 指定的列“%s”；现有列：%s", option, name, list(t.names, 30, true)),
				fmt.Sprintf("no column named %q (option %s); the columns are: %s", name, option, list(t.names, 30, false)))
		}
		return j, nil
	}
	var err error
	if c.period, err = explicit("PeriodColumn", opt.PeriodColumn); err != nil {
		return err
	}
	if c.unit, err = explicit("UnitColumn", opt.UnitColumn); err != nil {
		return err
	}
	if c.indicator, err = explicit("IndicatorColumn", opt.IndicatorColumn); err != nil {
		return err
	}
	if c.value, err = explicit("ValueColumn", opt.ValueColumn); err != nil {
		return err
	}
	if c.period < 0 && opt.PeriodColumn == "" {
		if m := matchHeaders(t.names, periodHeaders[:], c.unit, c.indicator, c.value); len(m) > 0 {
			c.period = m[0]
		} else {
			c.period = periodByContent(t, c)
		}
	}
	if opt.Layout != "wide" {
		if c.indicator < 0 {
			if m := matchHeaders(t.names, indicatorHeaders[:], c.unit, c.period, c.value); len(m) > 0 {
				c.indicator = m[0]
			}
		}
		if c.value < 0 {
			if m := matchHeaders(t.names, valueHeaders[:], c.unit, c.period, c.indicator); len(m) > 0 {
				c.value = m[0]
			}
		}
	}
	if c.unit < 0 {
		used := []int{c.period, c.indicator, c.value}
		code := mostDistinct(t, matchHeaders(t.names, unitCodeHeaders[:], used...))
		name := mostDistinct(t, matchHeaders(t.names, unitNameHeaders[:], append(used, code)...))
		switch {
		case name >= 0:
			c.unit, c.code = name, code
		case code >= 0:
			c.unit = code
		}
	}
	switch opt.Layout {
	case "long":
		c.long = true
	case "":
		if c.indicator >= 0 && c.value >= 0 && c.numeric[c.value] {
			others := 0
			for j := range t.names {
				if c.numeric[j] && j != c.value && j != c.period && j != c.unit && j != c.code && c.filled[j] > 0 {
					others++
				}
			}
			c.long = others <= 2
		}
	}
	if c.long {
		if c.indicator < 0 {
			c.indicator = firstColumn(c, false, c.unit, c.code, c.period, c.value)
		}
		if c.value < 0 {
			c.value = lastColumn(c, true, c.unit, c.code, c.period, c.indicator)
		}
		if c.indicator < 0 || c.value < 0 {
			return r.fatal(CodeNoIndicatorColumn, t.hdrRow+1, 0, "", "",
				"长表格式需要“指标”列和“值”列，但没有找到；请在选项中指定 IndicatorColumn 和 ValueColumn",
				"a long layout needs an indicator column and a value column, but none were found; set IndicatorColumn and ValueColumn")
		}
	} else {
		c.indicator, c.value = -1, -1
	}
	if c.unit < 0 {
		c.unit = firstColumn(c, false, c.period, c.indicator, c.value)
		if c.unit < 0 {
			return r.fatal(CodeNoUnitColumn, t.hdrRow+1, 0, "", "",
				"找不到地区（单位）列：请把该列命名为“地区”“省份”或“code”等，或在选项中指定 UnitColumn",
				"no unit column found: name it e.g. \"region\", \"province\" or \"code\", or set UnitColumn")
		}
		c.guessedUnit = true
		r.add(diag.Info, CodeGuessedUnitColumn, t.hdrRow+1, t.src[c.unit]+1, t.names[c.unit], "",
			fmt.Sprintf("没有找到名为“地区”“省份”等的列，已把第一个文本列“%s”作为地区（单位）列", t.names[c.unit]),
			fmt.Sprintf("no column is named like \"region\" or \"province\"; the first text column %q is used as the unit column", t.names[c.unit]))
	}
	return nil
}

// firstColumn returns the first column (numeric or not, as asked) not in
// skip and with some data, or -1.
func firstColumn(c *columns, numeric bool, skip ...int) int {
	for j := 0; j < c.k; j++ {
		if c.numeric[j] == numeric && c.filled[j] > 0 && !contains(skip, j) {
			return j
		}
	}
	return -1
}

// lastColumn is like firstColumn from the right.
func lastColumn(c *columns, numeric bool, skip ...int) int {
	for j := c.k - 1; j >= 0; j-- {
		if c.numeric[j] == numeric && c.filled[j] > 0 && !contains(skip, j) {
			return j
		}
	}
	return -1
}

func contains(s []int, v int) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// periodByContent finds a period column without a known header: a text
// column whose every value is a quarter or a month, or a numeric column
// whose values are all whole years 1900–2100 and whose header mentions a
// year ("年" or "year") or whose years repeat (see yearsOnly). It returns
// -1 if there is none.
func periodByContent(t *table, c *columns) int {
	for j := 0; j < c.k; j++ {
		if c.filled[j] == 0 {
			continue
		}
		if c.numeric[j] {
			h := strings.ToLower(t.names[j])
			if !strings.Contains(h, "年") && !strings.Contains(h, "year") {
				// Any header: whole years that repeat, as in a year column.
				if yearsOnly(c, j) {
					return j
				}
				continue
			}
			all := true
			for i := 0; i < c.n && all; i++ {
				idx := i*c.k + j
				if c.status[idx] == stMissing {
					continue
				}
				v := c.vals[idx]
				all = c.status[idx] == stNumber && v == math.Trunc(v) && v >= 1900 && v <= 2100
			}
			if all {
				return j
			}
			continue
		}
		all := true
		for i := 0; i < c.n && all; i++ {
			if c.status[i*c.k+j] == stMissing {
				continue
			}
			p, ok := ParsePeriod(t.cell(i, j))
			all = ok && p.Kind != panel.Year // quarters and months only; years look numeric
		}
		if all {
			return j
		}
	}
	return -1
}
