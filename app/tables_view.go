package app

import (
	"fmt"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/nqp-index/nqp/scoring/pipeline"
)

// The table viewer shows every table of the result (export.Tables: the
// scores, weights and their diagnostics, the raw, imputed, treated and
// normalised values, the method tables, the analyses), a page at a time.
// The page does not hold the intermediate tables of observation size
// (Outcome.ForPage): each page is asked of the engine (JobTable), which
// keeps the full outcome and its tables.

func init() {
	addMessages(map[string][2]string{
		"tb_title": {"全部表格", "All tables"},
		"tb_note":  {"结果的每一张表（含原始值、插补、异常值处理、标准化等中间表），与 Excel 工作簿中的工作表相同。", "Every table of the result (the raw, imputed, treated and normalised values and the other intermediate tables included), as in the Excel workbook."},
		"tb_show":  {"查看全部表格", "Show all tables"},
		"tb_table": {"表格", "Table"},
		"tb_busy":  {"正在读取……", "Loading…"},
		"tb_rows":  {"%s（%d 行）", "%s (%d rows)"},
	})
}

// JobTable is the Job kind that returns the list of the result's tables
// (Outcome.Tables) and one page of one of them (Outcome.Page).
const JobTable = "table"

// TablePageSize is the number of rows of a table page.
const TablePageSize = 25

// TableInfo names a table of the result.
type TableInfo struct {
	Name  string `json:"name"`
	Title string `json:"title"`
	Rows  int    `json:"rows"`
}

// TablePage is a page of a table, its cells formatted for display.
type TablePage struct {
	Name   string     `json:"name"`
	Header []string   `json:"header"`
	Rows   [][]string `json:"rows"`
	Offset int        `json:"offset"` // index of the first row
	Total  int        `json:"total"`
}

// TablesState is the viewer's state.
type TablesState struct {
	Open   bool // the user asked to see the tables
	Name   string
	Offset int
	List   []TableInfo
	Page   *TablePage
	Busy   bool
	Err    string
	base   *pipeline.Result
	lang   Lang
}

// loadTable asks the engine for a page of a table.
func (c *Workbench) loadTable(name string, offset int) {
	st := &c.ws.Tabs
	j := c.ws.Job()
	j.Kind, j.Lang, j.Table, j.Offset = JobTable, c.lang(), name, offset
	st.Open, st.Busy, st.Err, st.base, st.lang = true, true, "", c.ws.Result, c.lang()
	base := c.ws.Result
	c.sideJob(j, func(ctx app.Context, o Outcome) {
		st := &c.ws.Tabs
		if st.base != base {
			return // a newer result arrived meanwhile
		}
		st.Busy = false
		if o.Page == nil {
			st.Err = firstError(o.Report, c.lang())
			return
		}
		st.List, st.Page, st.Name, st.Offset = o.Tables, o.Page, o.Page.Name, o.Page.Offset
	})
}

// tablesSection renders the viewer.
func (c *Workbench) tablesSection(l Lang) app.UI {
	if c.ws.Result == nil {
		return app.Text("")
	}
	st := &c.ws.Tabs
	if st.Open && !st.Busy && (st.base != c.ws.Result || st.lang != l) {
		c.loadTable(st.Name, st.Offset) // a new result or language: the same place again
	}
	body := []app.UI{app.H2().Text(T(l, "tb_title")), app.P().Class("note").Text(T(l, "tb_note"))}
	if !st.Open {
		body = append(body, app.Button().ID("tables-show").Text(T(l, "tb_show")).OnClick(func(ctx app.Context, e app.Event) {
			c.loadTable("", 0)
		}))
		return app.Section().ID("tables").Body(body...)
	}
	if st.Busy {
		body = append(body, app.P().ID("tables-busy").Class("note").Text(T(l, "tb_busy")))
	}
	if st.Err != "" {
		body = append(body, app.P().Class("error").Text(st.Err))
	}
	if len(st.List) > 0 {
		opts := make([]app.UI, len(st.List))
		for i, t := range st.List {
			opts[i] = app.Option().Value(t.Name).Text(fmt.Sprintf(T(l, "tb_rows"), t.Title, t.Rows)).Selected(t.Name == st.Name)
		}
		body = append(body, app.Div().Class("controls").Body(
			app.Label().For("table-name").Text(T(l, "tb_table")),
			app.Select().ID("table-name").Body(opts...).OnChange(func(ctx app.Context, e app.Event) {
				c.loadTable(ctx.JSSrc().Get("value").String(), 0)
			}),
		))
	}
	if p := st.Page; p != nil {
		head := make([]app.UI, len(p.Header))
		for i, h := range p.Header {
			head[i] = app.Th().Text(h)
		}
		body = append(body, app.Div().Class("scroll-x").Body(app.Table().ID("table-view").Class("analysis").Body(
			app.THead().Body(app.Tr().Body(head...)),
			app.TBody().Body(app.Range(p.Rows).Slice(func(i int) app.UI {
				cells := make([]app.UI, len(p.Rows[i]))
				for j, v := range p.Rows[i] {
					cells[j] = app.Td().Text(v)
				}
				return app.Tr().Body(cells...)
			})),
		)))
		pages := (p.Total + TablePageSize - 1) / TablePageSize
		cur := p.Offset / TablePageSize
		name := p.Name
		body = append(body, app.Div().Class("pager").Body(
			app.Button().ID("table-prev").Text(T(l, "an_prev")).Disabled(cur == 0 || st.Busy).OnClick(func(ctx app.Context, e app.Event) {
				c.loadTable(name, (cur-1)*TablePageSize)
			}, app.EventScope(name, strconv.Itoa(cur))),
			app.Span().ID("table-page").Text(fmt.Sprintf(T(l, "an_page"), cur+1, max(pages, 1), p.Total)),
			app.Button().ID("table-next").Text(T(l, "an_next")).Disabled(cur >= pages-1 || st.Busy).OnClick(func(ctx app.Context, e app.Event) {
				c.loadTable(name, (cur+1)*TablePageSize)
			}, app.EventScope(name, strconv.Itoa(cur))),
		))
	}
	return app.Section().ID("tables").Body(body...)
}
