package app

import (
	"bytes"
	"fmt"
	"math"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/nqp-index/nqp/scoring/diag"
	"github.com/nqp-index/nqp/scoring/ingest/detect"
	"github.com/nqp-index/nqp/scoring/panel"
	"github.com/nqp-index/nqp/scoring/pipeline"
)

func init() {
	addMessages(map[string][2]string{
		"step_check":       {"数据检查", "Data check"},
		"col_uses":         {"各列用途（共 %d 列，%d 列未使用）", "Columns (%d, %d not used)"},
		"cu_num":           {"#", "#"},
		"cu_column":        {"列", "Column"},
		"cu_use":           {"用途", "Use"},
		"cu_note":          {"说明", "Note"},
		"stats":            {"指标统计", "Indicator statistics"},
		"st_column":        {"指标列", "Column"},
		"st_n":             {"有效值", "N"},
		"st_missing":       {"缺失", "Missing"},
		"st_min":           {"最小值", "Min"},
		"st_max":           {"最大值", "Max"},
		"st_mean":          {"均值", "Mean"},
		"st_sd":            {"标准差", "SD"},
		"st_skew":          {"偏度", "Skew"},
		"st_kurt":          {"峰度", "Kurtosis"},
		"st_outlier":       {"异常值", "Outliers"},
		"outlier_flag":     {"有（|偏度|>2 且 峰度>3.5）", "yes (|skew| > 2 and kurtosis > 3.5)"},
		"datatable":        {"数据表", "Data table"},
		"dt_unit":          {"地区", "Unit"},
		"dt_period":        {"时期", "Period"},
		"dt_line":          {"行", "Row"},
		"dt_range":         {"第 %d–%d 条，共 %d 条", "rows %d–%d of %d"},
		"dt_first":         {"« 首页", "« First"},
		"dt_prev":          {"‹ 上一页", "‹ Previous"},
		"dt_next":          {"下一页 ›", "Next ›"},
		"dt_last":          {"末页 »", "Last »"},
		"dt_missing_only":  {"只显示有缺失值的行", "Only rows with missing values"},
		"dt_goto":          {"跳到第几条", "Go to row"},
		"located":          {"可定位的问题（点击跳到数据表中的单元格）", "Problems with a location (click to go to the cell in the data table)"},
		"fixes":            {"可用的修正", "Fixes"},
		"fix_missing":      {"数据中有 %d 个缺失值。", "The data has %d missing values."},
		"fix_impute_lin":   {"逐地区按时间线性插值", "Interpolate linearly over time, per unit"},
		"fix_impute_mean":  {"用同期均值填补", "Fill with the period's mean"},
		"fix_imputed":      {"缺失值处理：%s。", "Missing values: %s."},
		"fix_impute_none":  {"不再填补", "Stop imputing"},
		"fix_outliers":     {"%d 个指标有异常值。", "%d indicators have outliers."},
		"fix_treat":        {"缩尾处理（COINr 默认：winsorise，仍不通过则取对数）", "Winsorise (COINr defaults: winsorise, then log if still failing)"},
		"fix_treated":      {"异常值已按 COINr 默认方法处理。", "Outliers are treated with COINr's defaults."},
		"fix_treat_none":   {"不再处理异常值", "Stop treating outliers"},
		"fix_exclude":      {"排除此地区", "Exclude this unit"},
		"fix_excluded":     {"已排除的地区：", "Excluded units:"},
		"fix_include":      {"恢复 %s", "Restore %s"},
		"fix_none":         {"数据没有缺失值，也没有异常值。", "The data has no missing values and no outliers."},
		"no_cell":          {"（该位置不在数据表中）", "(this location is not in the data table)"},
		"missing_cell_tip": {"缺失值", "missing value"},
	})
}

// DataTable is the panel as read, sent from the engine to the page for the
// check step: one row per observation, every column's value (NaN = missing,
// null in JSON).
type DataTable struct {
	Units   []string   `json:"units"` // display names
	Periods []string   `json:"periods"`
	Columns []string   `json:"columns"`
	Sources []int      `json:"sources"` // 1-based column of each column in the file (0 = derived)
	Rows    []TableRow `json:"rows"`

	lines map[int]int // source line → row index, built on first use
}

// TableRow is one observation of a DataTable.
type TableRow struct {
	Unit   int    `json:"u"`           // index into Units
	Period int    `json:"p"`           // index into Periods
	Line   int    `json:"l,omitempty"` // 1-based row in the file
	Values Values `json:"v"`
}

// Values are numbers that encode NaN as JSON null, compactly.
type Values []float64

// MarshalJSON writes the shortest form of each number and null for NaN.
func (v Values) MarshalJSON() ([]byte, error) {
	b := make([]byte, 0, 8*len(v)+2)
	b = append(b, '[')
	for i, x := range v {
		if i > 0 {
			b = append(b, ',')
		}
		if math.IsNaN(x) || math.IsInf(x, 0) {
			b = append(b, "null"...)
		} else {
			b = strconv.AppendFloat(b, x, 'g', -1, 64)
		}
	}
	return append(b, ']'), nil
}

// UnmarshalJSON reads null as NaN.
func (v *Values) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) < 2 || b[0] != '[' || b[len(b)-1] != ']' {
		return fmt.Errorf("values: not an array")
	}
	out := Values{}
	for _, f := range bytes.Split(b[1:len(b)-1], []byte{','}) {
		f = bytes.TrimSpace(f)
		if len(f) == 0 {
			if len(out) == 0 {
				continue // []
			}
			return fmt.Errorf("values: empty element")
		}
		if string(f) == "null" {
			out = append(out, math.NaN())
			continue
		}
		x, err := strconv.ParseFloat(string(f), 64)
		if err != nil {
			return fmt.Errorf("values: %v", err)
		}
		out = append(out, x)
	}
	*v = out
	return nil
}

// NewDataTable copies a panel into a DataTable.
func NewDataTable(p *panel.Panel) *DataTable {
	t := &DataTable{Units: make([]string, len(p.Units)), Periods: make([]string, len(p.Periods)),
		Columns: make([]string, len(p.Columns)), Sources: make([]int, len(p.Columns)), Rows: make([]TableRow, len(p.Rows))}
	for i, u := range p.Units {
		t.Units[i] = u.Name
		if t.Units[i] == "" {
			t.Units[i] = u.Code
		}
	}
	for i, q := range p.Periods {
		t.Periods[i] = q.Label
	}
	for i, c := range p.Columns {
		t.Columns[i], t.Sources[i] = c.Name, c.Source
	}
	for i, r := range p.Rows {
		t.Rows[i] = TableRow{Unit: r.Unit, Period: r.Period, Line: r.Line, Values: append(Values(nil), r.Values...)}
	}
	return t
}

// Locate finds the cell of the data table that a problem points at: the
// row index (-1 if the problem has no row or its row is not in the table)
// and the column index (-1 likewise).
func (t *DataTable) Locate(p diag.Problem) (row, col int) {
	row, col = -1, -1
	if t == nil {
		return
	}
	if p.Row > 0 {
		if t.lines == nil {
			t.lines = make(map[int]int, len(t.Rows))
			for i, r := range t.Rows {
				if _, dup := t.lines[r.Line]; r.Line > 0 && !dup {
					t.lines[r.Line] = i
				}
			}
		}
		if i, ok := t.lines[p.Row]; ok {
			row = i
		}
	}
	if p.Col > 0 {
		for j, s := range t.Sources {
			if s == p.Col {
				col = j
				break
			}
		}
	}
	if col < 0 && p.Column != "" && (p.Row == 0 || row >= 0) {
		for j, c := range t.Columns {
			if c == p.Column {
				col = j
				break
			}
		}
	}
	return row, col
}

// hasMissing reports whether row i has a missing value.
func (t *DataTable) hasMissing(i int) bool {
	for _, x := range t.Rows[i].Values {
		if math.IsNaN(x) {
			return true
		}
	}
	return false
}

// Missing counts the missing cells.
func (t *DataTable) Missing() int {
	n := 0
	if t == nil {
		return 0
	}
	for _, r := range t.Rows {
		for _, x := range r.Values {
			if math.IsNaN(x) {
				n++
			}
		}
	}
	return n
}

// PageSize is the number of data-table rows rendered at a time.
const PageSize = 50

// CheckView is the state of the data table: the first row shown, the
// filter and the highlighted cell. Only PageSize rows are rendered, so the
// table stays fast whatever the size of the panel.
type CheckView struct {
	Start       int  // position in the visible rows of the first row shown
	MissingOnly bool // show only rows with a missing value
	HlRow       int  // highlighted row (index into Table.Rows), -1 = none
	HlCol       int  // highlighted column, -1 = none (whole row or nothing)
	Located     bool // the highlight came from a problem (scroll to it)
	visible     []int
	n           int // rows of the table the state belongs to
}

// Reset adapts the view to a new table, keeping its place when the table
// has as many rows as before (a recomputation of the same data).
func (v *CheckView) Reset(t *DataTable) {
	n := 0
	if t != nil {
		n = len(t.Rows)
	}
	if n != v.n {
		*v = CheckView{HlRow: -1, HlCol: -1}
	}
	v.n = n
	v.filter(t)
}

func (v *CheckView) filter(t *DataTable) {
	v.visible = v.visible[:0]
	if t == nil {
		return
	}
	for i := range t.Rows {
		if !v.MissingOnly || t.hasMissing(i) {
			v.visible = append(v.visible, i)
		}
	}
	v.clamp()
}

func (v *CheckView) clamp() {
	if v.Start > len(v.visible)-1 {
		v.Start = (len(v.visible) - 1) / PageSize * PageSize
	}
	if v.Start < 0 {
		v.Start = 0
	}
}

// Window returns the row indices to render.
func (v *CheckView) Window() []int {
	end := min(v.Start+PageSize, len(v.visible))
	if v.Start >= end {
		return nil
	}
	return v.visible[v.Start:end]
}

// Visible returns the number of rows that pass the filter.
func (v *CheckView) Visible() int { return len(v.visible) }

// Page moves the window by pages (negative: back); a huge delta goes to
// the first or last page.
func (v *CheckView) Page(delta int) {
	v.Start += delta * PageSize
	if v.Start < 0 {
		v.Start = 0
	}
	v.Start = min(v.Start, len(v.visible)-1)
	v.Start = v.Start / PageSize * PageSize
	v.clamp()
}

// Goto shows the page with the i-th visible row (0-based).
func (v *CheckView) Goto(i int) {
	v.Start = i / PageSize * PageSize
	v.clamp()
}

// SetMissingOnly switches the filter.
func (v *CheckView) SetMissingOnly(t *DataTable, on bool) {
	v.MissingOnly, v.Start = on, 0
	v.filter(t)
}

// Highlight shows and highlights a cell (col -1: the row; row -1: the
// column header), turning the filter off if it hides the row.
func (v *CheckView) Highlight(t *DataTable, row, col int) {
	v.HlRow, v.HlCol, v.Located = row, col, true
	if row < 0 || t == nil {
		return
	}
	pos := -1
	for k, i := range v.visible {
		if i == row {
			pos = k
			break
		}
	}
	if pos < 0 {
		v.SetMissingOnly(t, false)
		pos = row
	}
	v.Goto(pos)
}

// cellID is the element id of a data-table cell (col -1: the row).
func cellID(row, col int) string {
	if row < 0 {
		return "dt-col-" + strconv.Itoa(col)
	}
	if col < 0 {
		return "dt-row-" + strconv.Itoa(row)
	}
	return "dt-cell-" + strconv.Itoa(row) + "-" + strconv.Itoa(col)
}

// fmtNum formats a statistic or a cell compactly.
func fmtNum(x float64) string {
	if math.IsNaN(x) {
		return "—"
	}
	a := math.Abs(x)
	switch {
	case x == math.Trunc(x) && a < 1e12:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case a >= 1e6 || a < 1e-3:
		return strconv.FormatFloat(x, 'g', 4, 64)
	default:
		return strconv.FormatFloat(x, 'f', 3, 64)
	}
}

// checkSection is step 2: the data as read, its statistics, the problems
// linked to their cells and the fixes the engine offers.
func (c *Workbench) checkSection(l Lang) app.UI {
	t := c.ws.Table
	if t == nil {
		if d := c.ws.Detected; d != nil && len(d.Columns) > 0 {
			// The file could not be scored (e.g. no numeric column): what
			// became of each column says why.
			return app.Section().ID("check").Body(app.H2().Text(T(l, "step_check")), c.columnUses(l))
		}
		return app.Section().ID("check")
	}
	return app.Section().ID("check").Body(
		app.H2().Text(T(l, "step_check")),
		c.columnUses(l),
		c.fixes(l),
		c.statsTable(l),
		c.located(l),
		c.dataTable(l),
	)
}

// columnUses lists every column of the file with its use, or why it is
// not used (ingest's Detected.Columns), always shown: no column is left
// out without a line saying so.
func (c *Workbench) columnUses(l Lang) app.UI {
	d := c.ws.Detected
	if d == nil || len(d.Columns) == 0 {
		return app.Text("")
	}
	cols := d.Columns
	unused := 0
	for _, u := range cols {
		if u.Use == detect.UseUnused {
			unused++
		}
	}
	lang := string(l)
	return app.Div().ID("col-uses-box").Body(
		app.H3().Text(fmt.Sprintf(T(l, "col_uses"), len(cols), unused)),
		app.Div().Class("dt-scroll").Body(app.Table().ID("col-uses").Body(
			app.THead().Body(app.Tr().Body(
				app.Th().Text(T(l, "cu_num")), app.Th().Text(T(l, "cu_column")),
				app.Th().Text(T(l, "cu_use")), app.Th().Text(T(l, "cu_note")),
			)),
			app.TBody().Body(app.Range(cols).Slice(func(i int) app.UI {
				u := cols[i]
				cls := "use-" + u.Use
				if u.Reason != "" && u.Use != detect.UseUnused {
					cls += " noted"
				}
				return app.Tr().Class(cls).DataSet("use", u.Use).DataSet("reason", u.Reason).Body(
					app.Td().Class("num").Text(strconv.Itoa(u.Column)),
					app.Td().Text(u.Name),
					app.Td().Text(u.UseText(lang)),
					app.Td().Text(u.ReasonText(lang)),
				)
			})),
		)),
	)
}

// setRecipe changes the recipe and recomputes.
func (c *Workbench) setRecipe(ctx app.Context, f func(r *pipeline.Recipe)) {
	r := c.ws.recipe()
	f(&r)
	if c.ws.SetRecipe(r) == nil {
		c.compute(ctx)
	}
}

func (c *Workbench) fixes(l Lang) app.UI {
	r := c.ws.recipe()
	var items []app.UI
	missing := c.ws.Table.Missing()
	imp := r.Impute.Method
	if imp != "" && imp != pipeline.ImpNone {
		items = append(items, app.Span().ID("fix-imputed").Text(fmt.Sprintf(T(l, "fix_imputed"), imp)),
			app.Button().ID("fix-impute-none").Text(T(l, "fix_impute_none")).OnClick(func(ctx app.Context, e app.Event) {
				c.setRecipe(ctx, func(r *pipeline.Recipe) { r.Impute = pipeline.Impute{Method: pipeline.ImpNone} })
			}))
	} else if missing > 0 {
		items = append(items, app.Span().Text(fmt.Sprintf(T(l, "fix_missing"), missing)),
			app.Button().ID("fix-impute-linear").Text(T(l, "fix_impute_lin")).OnClick(func(ctx app.Context, e app.Event) {
				c.setRecipe(ctx, func(r *pipeline.Recipe) { r.Impute = pipeline.Impute{Method: pipeline.ImpLinearConst} })
			}),
			app.Button().ID("fix-impute-mean").Text(T(l, "fix_impute_mean")).OnClick(func(ctx app.Context, e app.Event) {
				c.setRecipe(ctx, func(r *pipeline.Recipe) { r.Impute = pipeline.Impute{Method: pipeline.ImpMean} })
			}))
	}
	outliers := 0
	for _, s := range c.ws.Stats {
		if s.Outlier {
			outliers++
		}
	}
	if r.Treat.Method != "" && r.Treat.Method != pipeline.TreatNone {
		items = append(items, app.Span().ID("fix-treated").Text(T(l, "fix_treated")),
			app.Button().ID("fix-treat-none").Text(T(l, "fix_treat_none")).OnClick(func(ctx app.Context, e app.Event) {
				c.setRecipe(ctx, func(r *pipeline.Recipe) { r.Treat = pipeline.Treat{Method: pipeline.TreatNone} })
			}))
	} else if outliers > 0 {
		items = append(items, app.Span().Text(fmt.Sprintf(T(l, "fix_outliers"), outliers)),
			app.Button().ID("fix-treat").Text(T(l, "fix_treat")).OnClick(func(ctx app.Context, e app.Event) {
				c.setRecipe(ctx, func(r *pipeline.Recipe) { r.Treat = pipeline.Treat{Method: pipeline.TreatWinsorise} })
			}))
	}
	if ex := r.Select.ExcludeUnits; len(ex) > 0 {
		items = append(items, app.Span().Text(T(l, "fix_excluded")))
		for _, u := range ex {
			items = append(items, app.Button().Class("fix-include").Text(fmt.Sprintf(T(l, "fix_include"), u)).OnClick(func(ctx app.Context, e app.Event) {
				c.setRecipe(ctx, func(r *pipeline.Recipe) {
					var keep []string
					for _, x := range r.Select.ExcludeUnits {
						if x != u {
							keep = append(keep, x)
						}
					}
					r.Select.ExcludeUnits = keep
				})
			}))
		}
	}
	if len(items) == 0 {
		items = append(items, app.Span().Class("note").Text(T(l, "fix_none")))
	}
	return app.Div().ID("fixes").Body(
		app.H3().Text(T(l, "fixes")),
		app.Div().Class("fixes").Body(items...),
	)
}

func (c *Workbench) statsTable(l Lang) app.UI {
	st := c.ws.Stats
	head := app.Tr().Body(
		app.Th().Text(T(l, "st_column")), app.Th().Text(T(l, "st_n")), app.Th().Text(T(l, "st_missing")),
		app.Th().Text(T(l, "st_min")), app.Th().Text(T(l, "st_max")), app.Th().Text(T(l, "st_mean")),
		app.Th().Text(T(l, "st_sd")), app.Th().Text(T(l, "st_skew")), app.Th().Text(T(l, "st_kurt")),
		app.Th().Text(T(l, "st_outlier")),
	)
	return app.Details().ID("stats-box").Open(true).Body(
		app.Summary().Text(fmt.Sprintf("%s (%d)", T(l, "stats"), len(st))),
		app.Div().Class("dt-scroll").Body(app.Table().ID("stats").Body(
			app.THead().Body(head),
			app.TBody().Body(app.Range(st).Slice(func(i int) app.UI {
				s := st[i]
				flag, cls, tip := "", "", ""
				if s.Outlier {
					flag, cls, tip = "⚠", "outlier", T(l, "outlier_flag")
				}
				missCls := "num"
				if s.Missing > 0 {
					missCls = "num missing"
				}
				return app.Tr().Class(cls).DataSet("column", s.Column).Body(
					app.Td().Text(s.Column),
					app.Td().Class("num").Text(strconv.Itoa(s.N)),
					app.Td().Class(missCls).Text(strconv.Itoa(s.Missing)),
					app.Td().Class("num").Text(fmtNum(s.Min)),
					app.Td().Class("num").Text(fmtNum(s.Max)),
					app.Td().Class("num").Text(fmtNum(s.Mean)),
					app.Td().Class("num").Text(fmtNum(s.SD)),
					app.Td().Class("num").Text(fmtNum(s.Skew)),
					app.Td().Class("num").Text(fmtNum(s.Kurt)),
					app.Td().Title(tip).Text(flag),
				)
			})),
		)),
	)
}

// located lists the problems that point at a cell, a row, a column or a
// unit, each a link to the data table, with the fixes that apply.
func (c *Workbench) located(l Lang) app.UI {
	t := c.ws.Table
	var items []app.UI
	for k, p := range c.ws.Report.Problems {
		row, col := t.Locate(p)
		unit := p.Code == "unit-missing-periods" && p.Text != ""
		if row < 0 && col < 0 && !unit {
			continue
		}
		var link app.UI
		if row >= 0 || col >= 0 {
			link = app.Button().Class("cell-link").DataSet("problem", k).DataSet("cell", cellID(row, col)).Text(p.Format(string(l))).
				// go-app keeps a list item's old handler when the new one comes
				// from the same function literal, unless the scope differs.
				OnClick(func(ctx app.Context, e app.Event) { c.goToCell(ctx, row, col) }, app.EventScope(cellID(row, col)))
		} else {
			link = app.Span().Text(p.Format(string(l)))
		}
		li := app.Li().Class(p.Severity.String()).Body(link)
		if unit {
			name := p.Text
			li = app.Li().Class(p.Severity.String()).Body(link, app.Text(" "),
				app.Button().Class("fix-exclude").DataSet("unit", name).Text(T(l, "fix_exclude")).OnClick(func(ctx app.Context, e app.Event) {
					c.setRecipe(ctx, func(r *pipeline.Recipe) {
						for _, x := range r.Select.ExcludeUnits {
							if x == name {
								return
							}
						}
						r.Select.ExcludeUnits = append(r.Select.ExcludeUnits, name)
					})
				}, app.EventScope("exclude-"+name)))
		}
		items = append(items, li)
	}
	if len(items) == 0 {
		return app.Text("")
	}
	return app.Details().ID("located").Open(len(items) <= 10).Body(
		app.Summary().Text(fmt.Sprintf("%s (%d)", T(l, "located"), len(items))),
		app.Ul().Body(items...),
	)
}

// goToCell pages the data table to a cell, highlights it and scrolls it
// into view.
func (c *Workbench) goToCell(ctx app.Context, row, col int) {
	c.ws.Check.Highlight(c.ws.Table, row, col)
	id := cellID(row, col)
	ctx.Defer(func(ctx app.Context) {
		if el := app.Window().GetElementByID(id); el.Truthy() {
			el.Call("scrollIntoView", map[string]any{"block": "center", "inline": "center"})
		}
	})
}

func (c *Workbench) dataTable(l Lang) app.UI {
	t, v := c.ws.Table, &c.ws.Check
	win := v.Window()
	outlier := map[string]bool{}
	for _, s := range c.ws.Stats {
		outlier[s.Column] = s.Outlier
	}
	head := []app.UI{app.Th().Text(T(l, "dt_line")), app.Th().Text(T(l, "dt_unit")), app.Th().Text(T(l, "dt_period"))}
	for j, name := range t.Columns {
		th := app.Th().ID(cellID(-1, j)).Text(name)
		cls := ""
		if outlier[name] {
			cls = "outlier"
			th = app.Th().ID(cellID(-1, j)).Title(T(l, "outlier_flag")).Text("⚠ " + name)
		}
		if v.HlRow < 0 && v.HlCol == j {
			cls += " hl"
		}
		head = append(head, th.Class(cls))
	}
	last := 0
	if len(win) > 0 {
		last = v.Start + len(win)
	}
	first := min(v.Start+1, last)
	return app.Div().ID("datatable-box").Body(
		app.H3().Text(T(l, "datatable")),
		app.Div().Class("pager").Body(
			app.Button().ID("dt-first").Text(T(l, "dt_first")).Disabled(v.Start == 0).OnClick(func(ctx app.Context, e app.Event) { v.Page(-1 << 30) }),
			app.Button().ID("dt-prev").Text(T(l, "dt_prev")).Disabled(v.Start == 0).OnClick(func(ctx app.Context, e app.Event) { v.Page(-1) }),
			app.Span().ID("dt-range").Text(fmt.Sprintf(T(l, "dt_range"), first, last, v.Visible())),
			app.Button().ID("dt-next").Text(T(l, "dt_next")).Disabled(last >= v.Visible()).OnClick(func(ctx app.Context, e app.Event) { v.Page(1) }),
			app.Button().ID("dt-last").Text(T(l, "dt_last")).Disabled(last >= v.Visible()).OnClick(func(ctx app.Context, e app.Event) { v.Page(1 << 30) }),
			app.Label().For("dt-goto").Text(T(l, "dt_goto")),
			app.Input().ID("dt-goto").Type("number").Min(1).Max(max(v.Visible(), 1)).Class("dt-goto").OnChange(func(ctx app.Context, e app.Event) {
				if n, err := strconv.Atoi(ctx.JSSrc().Get("value").String()); err == nil && n > 0 {
					v.Goto(n - 1)
				}
			}),
			app.Label().Body(
				app.Input().ID("dt-missing-only").Type("checkbox").Checked(v.MissingOnly).OnChange(func(ctx app.Context, e app.Event) {
					v.SetMissingOnly(t, ctx.JSSrc().Get("checked").Bool())
				}),
				app.Text(" "+T(l, "dt_missing_only")),
			),
		),
		app.Div().Class("dt-scroll").Body(app.Table().ID("datatable").Body(
			app.THead().Body(app.Tr().Body(head...)),
			app.TBody().Body(app.Range(win).Slice(func(k int) app.UI {
				i := win[k]
				r := t.Rows[i]
				cells := make([]app.UI, 0, len(r.Values)+3)
				line := ""
				if r.Line > 0 {
					line = strconv.Itoa(r.Line)
				}
				cells = append(cells, app.Td().Class("num").Text(line), app.Td().Text(t.Units[r.Unit]), app.Td().Text(t.Periods[r.Period]))
				for j, x := range r.Values {
					cls := "num"
					td := app.Td().ID(cellID(i, j))
					if math.IsNaN(x) {
						cls = "missing"
						td = td.Title(T(l, "missing_cell_tip"))
					}
					if v.HlRow == i && v.HlCol == j {
						cls += " hl"
					}
					cells = append(cells, td.Class(cls).Text(fmtNum(x)))
				}
				tr := app.Tr().ID(cellID(i, -1)).Body(cells...)
				if v.HlRow == i && v.HlCol < 0 {
					tr = tr.Class("hl")
				}
				return tr
			})),
		)),
	)
}
