package ingest

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/nqp-index/nqp/scoring/diag"
	"github.com/nqp-index/nqp/scoring/panel"
)

// build turns a prepared table into a panel.
func build(r *reporter, t *table, opt Options) (*panel.Panel, error) {
	c := parseColumns(t, decimalComma(r, t, opt))
	if err := roles(r, t, c, opt); err != nil {
		return nil, err
	}
	classify(r, t, c)
	b := &builder{r: r, t: t, c: c, opt: opt, p: &panel.Panel{},
		byKey: map[unitKey]int{}, byCode: map[string]int{}, periodIdx: map[int]int{},
		unknownSet: map[string]struct{}{}}
	b.readPeriods()
	b.prepareResolver()
	var err error
	if c.long {
		err = b.long()
	} else {
		err = b.wide()
	}
	if err != nil {
		return nil, err
	}
	b.columnUses()
	if err := b.usable(); err != nil {
		return nil, err
	}
	b.layoutInfo()
	b.resolverNote()
	b.checks()
	b.p.Sort()
	return b.p, nil
}

type unitKey struct{ code, name, ctx string }

type builder struct {
	r   *reporter
	t   *table
	c   *columns
	opt Options
	p   *panel.Panel

	byKey      map[unitKey]int     // raw texts → unit index
	byCode     map[string]int      // canonical code → unit index
	unknown    []string            // texts the UnitMatcher did not know
	unknownSet map[string]struct{} // the same, as a set
	context    []int               // UnitResolver's context columns

	periods   []panel.Period // distinct periods, local indices
	rowPeriod []int          // per data row: local period index, or -1
	periodIdx map[int]int    // local period index → panel index
}

// unit returns the panel unit of data row i, or -1 if the row has none.
func (b *builder) unit(i int) int {
	t, c := b.t, b.c
	var k unitKey
	k.name = t.cell(i, c.unit)
	if c.code >= 0 {
		k.code = t.cell(i, c.code)
	}
	ctx := b.contextOf(i)
	if ctx != nil {
		k.ctx = strings.Join(ctx, "\x00")
	}
	if u, ok := b.byKey[k]; ok {
		return u
	}
	code, name := cleanName(k.code), cleanName(k.name)
	if code == "" && name == "" {
		return -1
	}
	if name == "" {
		name = code
	}
	if code == "" {
		code = name
	}
	if b.opt.UnitResolver != nil {
		mc, mn, ok, amb := b.resolve(i, name, code, ctx)
		if ok {
			code, name = mc, mn
		} else if _, seen := b.unknownSet[name]; !seen && !amb {
			b.unknownSet[name] = struct{}{}
			b.unknown = append(b.unknown, strings.Clone(name))
		}
	} else if m := b.opt.UnitMatcher; m != nil {
		name, code = strings.Clone(name), strings.Clone(code) // m may keep them
		mc, mn, ok := m(name)
		if !ok && code != name {
			mc, mn, ok = m(code)
		}
		if ok {
			code, name = mc, mn
		} else if _, seen := b.unknownSet[name]; !seen {
			b.unknownSet[name] = struct{}{}
			b.unknown = append(b.unknown, strings.Clone(name))
		}
	}
	u, ok := b.byCode[code]
	if !ok {
		u = len(b.p.Units)
		unit := panel.Unit{Code: strings.Clone(code), Name: strings.Clone(name)}
		if raw := k.name; raw != name && raw != "" {
			unit.Raw = strings.Clone(raw)
		}
		b.p.Units = append(b.p.Units, unit)
		b.byCode[code] = u
	}
	b.byKey[k] = u
	return u
}

// period returns the panel period of data row i, or -1.
func (b *builder) period(i int) int {
	lp := b.rowPeriod[i]
	if lp < 0 {
		return -1
	}
	if pi, ok := b.periodIdx[lp]; ok {
		return pi
	}
	pi := len(b.p.Periods)
	b.p.Periods = append(b.p.Periods, b.periods[lp])
	b.periodIdx[lp] = pi
	return pi
}

// readPeriods reads the period of every data row.
func (b *builder) readPeriods() {
	t, c, r := b.t, b.c, b.r
	b.rowPeriod = make([]int, len(t.data))
	if c.period < 0 {
		b.periods = []panel.Period{{Kind: panel.NoPeriod}}
		return
	}
	col := c.period
	// Distinct texts, each parsed once; id -1 marks a missing period.
	type parsed struct {
		text string
		p    panel.Period
		ok   bool
	}
	var distinct []parsed
	ids := map[string]int{}
	rowID := make([]int, len(t.data))
	for i := range t.data {
		s := t.cell(i, col)
		id, ok := ids[s]
		if !ok {
			id = -1
			if !isMissingToken(stripQuotes(trimSpace(s))) {
				text := s
				p, ok := ParsePeriod(text)
				if !ok && t.periodText != nil {
					// XLSX: dates are serial numbers in raw values.
					text = t.periodText(t.data[i], t.src[col], s)
					p, ok = ParsePeriod(text)
				}
				id = len(distinct)
				distinct = append(distinct, parsed{text, p, ok})
			}
			ids[s] = id
		}
		rowID[i] = id
	}
	kinds := map[panel.PeriodKind]bool{}
	var bad []string
	firstBad := -1
	for i, id := range rowID {
		if id < 0 {
			continue
		}
		if d := distinct[id]; d.ok {
			kinds[d.p.Kind] = true
		} else if l := cleanName(d.text); l != "" && !slices.Contains(bad, l) && len(bad) < 1000 {
			bad = append(bad, l)
			if firstBad < 0 {
				firstBad = i
			}
		} else if firstBad < 0 {
			firstBad = i
		}
	}
	labels := firstBad >= 0 || len(kinds) > 1
	index := map[string]int{}
	local := make([]int, len(distinct))
	for id, d := range distinct {
		label := d.p.Label
		if !d.ok {
			label = strings.Clone(cleanName(d.text))
		}
		pi, ok := index[label]
		if !ok {
			pi = len(b.periods)
			index[label] = pi
			p := d.p
			if labels {
				p = panel.Period{Label: label, Kind: panel.Label, Key: pi}
			}
			b.periods = append(b.periods, p)
		}
		local[id] = pi
	}
	for i, id := range rowID {
		if id < 0 {
			b.rowPeriod[i] = -1
			r.addCapped(diag.Warning, CodeMissingPeriod, t.rowNum(i), t.src[col]+1, t.names[col], "",
				"本行没有时期（年份），已跳过", "the row has no period (year) and was skipped")
			continue
		}
		b.rowPeriod[i] = local[id]
	}
	switch {
	case len(bad) > 0:
		r.add(diag.Warning, CodeUnknownPeriod, t.rowNum(firstBad), t.src[col]+1, t.names[col], bad[0],
			fmt.Sprintf("无法识别的时期：%s；所有时期按出现顺序作为文本标签处理", list(bad, 10, true)),
			fmt.Sprintf("unrecognised periods: %s; all periods are kept as text labels in order of appearance", list(bad, 10, false)))
	case len(kinds) > 1:
		var ks []string
		for _, k := range []panel.PeriodKind{panel.Year, panel.Quarter, panel.Month} {
			if kinds[k] {
				ks = append(ks, k.String())
			}
		}
		r.add(diag.Warning, CodeMixedPeriods, 0, t.src[col]+1, t.names[col], "",
			fmt.Sprintf("时期列混合了年、季度和月（%s）；所有时期按出现顺序作为文本标签处理", strings.Join(ks, "、")),
			fmt.Sprintf("the period column mixes %s; all periods are kept as text labels in order of appearance", strings.Join(ks, ", ")))
	}
}

// rowKey identifies a (unit, period) pair.
func rowKey(u, p int) int64 { return int64(u)<<32 | int64(p) }

// reportCell reports a non-numeric cell of column j in data row i.
func (b *builder) reportCell(i, j int) {
	t, c := b.t, b.c
	text := t.cell(i, j)
	if c.status[i*c.k+j] == stRange {
		b.r.addCapped(diag.Warning, CodeNonNumeric, t.rowNum(i), t.src[j]+1, t.names[j], text,
			fmt.Sprintf("数值“%s”超出范围，按缺失处理", text),
			fmt.Sprintf("number %q is out of range; read as missing", text))
		return
	}
	b.r.addCapped(diag.Warning, CodeNonNumeric, t.rowNum(i), t.src[j]+1, t.names[j], text,
		fmt.Sprintf("无法识别的数字“%s”，按缺失处理", text),
		fmt.Sprintf("not a number: %q; read as missing", text))
}

func (b *builder) missingUnit(i int) {
	t, c := b.t, b.c
	b.r.addCapped(diag.Warning, CodeMissingUnit, t.rowNum(i), t.src[c.unit]+1, t.names[c.unit], "",
		"本行没有地区（单位），已跳过", "the row has no unit (region) and was skipped")
}

func (b *builder) duplicate(i, first int, u, p int, extra string) {
	t := b.t
	what := b.p.Units[u].Name
	if pl := b.p.Periods[p].Label; pl != "" {
		what += ", " + pl
	}
	if extra != "" {
		what += ", " + extra
	}
	b.r.addCapped(diag.Warning, CodeDuplicateRow, t.rowNum(i), 0, "", what,
		fmt.Sprintf("第 %d 行与第 %d 行重复（%s），保留第 %d 行", t.rowNum(i), first, what, first),
		fmt.Sprintf("row %d repeats row %d (%s); row %d is kept", t.rowNum(i), first, what, first))
}

// wide builds a panel from one row per unit (and period).
func (b *builder) wide() error {
	t, c, p := b.t, b.c, b.p
	var num, attr []int
	for j := range t.names {
		switch {
		case j == c.unit || j == c.code || j == c.period:
		case c.unused[j] != "": // reported by classify
		case c.numeric[j]:
			num = append(num, j)
		default:
			attr = append(attr, j)
		}
	}
	for _, j := range num {
		p.Columns = append(p.Columns, panel.Column{Name: strings.Clone(t.names[j]), Source: t.src[j] + 1})
	}
	for _, j := range attr {
		p.Attrs = append(p.Attrs, panel.Attr{Name: strings.Clone(t.names[j]), Values: make([]string, 0, len(t.data))})
	}
	intern := make([]map[string]string, len(attr))
	// The panel's values take the parsed columns' place: kept row r's
	// values go to c.vals[r*m : r*m+m] (m = len(num) <= c.k), which is
	// never past a value still to be read (data row i >= r reads
	// c.vals[i*c.k+num[n]] with num[n] >= n), so the panel shares that
	// memory instead of copying it. Nothing reads c.vals after wide.
	slab := c.vals
	seen := make(map[int64]int, len(t.data))
	p.Rows = make([]panel.Row, 0, len(t.data))
	for i := range t.data {
		u := b.unit(i)
		if u < 0 {
			b.missingUnit(i)
			continue
		}
		pi := b.period(i)
		if pi < 0 {
			continue
		}
		key := rowKey(u, pi)
		if first, dup := seen[key]; dup {
			b.duplicate(i, first, u, pi, "")
			continue
		}
		seen[key] = t.rowNum(i)
		vals := slab[:len(num):len(num)]
		slab = slab[len(num):]
		base := i * c.k
		for n, j := range num {
			vals[n] = c.vals[base+j]
			if st := c.status[base+j]; st == stBad || st == stRange {
				b.reportCell(i, j)
			}
		}
		p.Rows = append(p.Rows, panel.Row{Unit: u, Period: pi, Line: t.rowNum(i), Values: vals})
		for n, j := range attr {
			p.Attrs[n].Values = append(p.Attrs[n].Values, internString(&intern[n], cleanName(t.cell(i, j))))
		}
	}
	return nil
}

// long builds a panel from one row per unit, period and indicator.
func (b *builder) long() error {
	t, c, p, r := b.t, b.c, b.p, b.r
	var attr []int
	for j := range t.names {
		if j != c.unit && j != c.code && j != c.period && j != c.indicator && j != c.value && c.unused[j] == "" {
			attr = append(attr, j)
		}
	}
	// First pass: indicators, in order of appearance.
	ind := make([]int, len(t.data))
	names := map[string]int{}
	for i := range t.data {
		raw := t.cell(i, c.indicator)
		k, ok := names[raw]
		if !ok {
			name := cleanName(raw)
			if name == "" {
				k = -1
			} else if k, ok = names[name]; !ok {
				k = len(p.Columns)
				p.Columns = append(p.Columns, panel.Column{Name: strings.Clone(name)})
				names[name] = k
			}
			names[raw] = k
		}
		ind[i] = k
	}
	for _, j := range attr {
		p.Attrs = append(p.Attrs, panel.Attr{Name: strings.Clone(t.names[j])})
	}
	intern := make([]map[string]string, len(attr))
	K := len(p.Columns)
	rows := map[int64]int{}  // (unit, period) → panel row
	cells := map[int64]int{} // (panel row, indicator) → source row
	for i := range t.data {
		if ind[i] < 0 {
			r.addCapped(diag.Warning, CodeMissingIndicator, t.rowNum(i), t.src[c.indicator]+1, t.names[c.indicator], "",
				"本行没有指标名称，已跳过", "the row has no indicator name and was skipped")
			continue
		}
		u := b.unit(i)
		if u < 0 {
			b.missingUnit(i)
			continue
		}
		pi := b.period(i)
		if pi < 0 {
			continue
		}
		key := rowKey(u, pi)
		ri, ok := rows[key]
		if !ok {
			ri = len(p.Rows)
			vals := make([]float64, K)
			for n := range vals {
				vals[n] = math.NaN()
			}
			p.Rows = append(p.Rows, panel.Row{Unit: u, Period: pi, Line: t.rowNum(i), Values: vals})
			rows[key] = ri
			for n := range attr {
				p.Attrs[n].Values = append(p.Attrs[n].Values, "")
			}
		}
		ck := rowKey(ri, ind[i])
		if first, dup := cells[ck]; dup {
			b.duplicate(i, first, u, pi, p.Columns[ind[i]].Name)
			continue
		}
		cells[ck] = t.rowNum(i)
		idx := i*c.k + c.value
		p.Rows[ri].Values[ind[i]] = c.vals[idx]
		if st := c.status[idx]; st == stBad || st == stRange {
			b.reportCell(i, c.value)
		}
		for n, j := range attr {
			if p.Attrs[n].Values[ri] == "" {
				p.Attrs[n].Values[ri] = internString(&intern[n], cleanName(t.cell(i, j)))
			}
		}
	}
	return nil
}

// layoutInfo reports how the file was read.
func (b *builder) layoutInfo() {
	t, c := b.t, b.c
	q := func(j int) string { return "“" + t.names[j] + "”" }
	d := b.r.det
	d.Headers = append([]string(nil), t.names...)
	d.Layout, d.UnitColumn = "wide", t.names[c.unit]
	if c.long {
		d.Layout, d.IndicatorColumn, d.ValueColumn = "long", t.names[c.indicator], t.names[c.value]
	}
	if c.code >= 0 {
		d.CodeColumn = t.names[c.code]
	}
	if c.period >= 0 {
		d.PeriodColumn = t.names[c.period]
	}
	zh, en := "宽表", "wide layout"
	if c.long {
		zh, en = "长表", "long layout"
	}
	zh += "；地区列 " + q(c.unit)
	en += fmt.Sprintf("; unit column %q", t.names[c.unit])
	if c.code >= 0 {
		zh += "（代码列 " + q(c.code) + "）"
		en += fmt.Sprintf(" (code column %q)", t.names[c.code])
	}
	if c.period >= 0 {
		zh += "，时期列 " + q(c.period)
		en += fmt.Sprintf(", period column %q", t.names[c.period])
	} else {
		zh += "，没有时期列（截面数据）"
		en += ", no period column (cross-section)"
	}
	if c.long {
		zh += "，指标列 " + q(c.indicator) + "，值列 " + q(c.value)
		en += fmt.Sprintf(", indicator column %q, value column %q", t.names[c.indicator], t.names[c.value])
	}
	p := b.p
	zh += fmt.Sprintf("；%d 个地区、%d 个时期、%d 个指标、%d 行", len(p.Units), len(p.Periods), len(p.Columns), len(p.Rows))
	en += fmt.Sprintf("; %d units, %d periods, %d indicators, %d rows", len(p.Units), len(p.Periods), len(p.Columns), len(p.Rows))
	b.r.add(diag.Info, CodeLayout, 0, 0, "", "", "按"+zh+"读取", "read as "+en)
}

// internString returns a copy of s shared by equal strings, so that the
// panel neither keeps the input text alive nor copies repeated labels.
func internString(m *map[string]string, s string) string {
	if s == "" {
		return ""
	}
	if *m == nil {
		*m = map[string]string{}
	}
	if v, ok := (*m)[s]; ok {
		return v
	}
	v := strings.Clone(s)
	(*m)[v] = v
	return v
}
