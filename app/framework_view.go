package app

import (
	"bytes"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/nqp-index/nqp/scoring/diag"
	"github.com/nqp-index/nqp/scoring/framework"
)

func init() {
	addMessages(map[string][2]string{
		"fw_parent_label":  {"上级", "parent"},
		"fw_weight_label":  {"权重", "weight"},
		"fw_custom":        {"自定义指标体系（已编辑或导入）", "Custom framework (edited or imported)"},
		"fw_match":         {"指标与数据列的匹配", "Indicators matched to data columns"},
		"fw_match_summary": {"%d 个指标中有 %d 个在数据中找到，%d 个缺失；%d 个数据列未被使用。", "%[2]d of %[1]d indicators found in the data, %[3]d missing; %[4]d data columns unused."},
		"fw_present":       {"已匹配", "Matched"},
		"fw_missing":       {"缺失的指标（不参与计算）", "Missing indicators (not scored)"},
		"fw_extra":         {"未使用的数据列", "Unused data columns"},
		"fw_editor":        {"编辑指标体系", "Edit the framework"},
		"fw_code":          {"代码", "Code"},
		"fw_name_zh":       {"中文名称", "Chinese name"},
		"fw_name_en":       {"英文名称", "English name"},
		"fw_parent":        {"上级", "Parent"},
		"fw_weight":        {"权重", "Weight"},
		"fw_direction":     {"方向", "Direction"},
		"fw_column":        {"数据列", "Data column"},
		"fw_no_column":     {"缺失", "missing"},
		"fw_delete":        {"删除", "Delete"},
		"fw_add":           {"添加节点", "Add a node"},
		"fw_add_go":        {"添加", "Add"},
		"fw_new":           {"从空白开始", "Start from scratch"},
		"fw_from_cols":     {"每个数据列一个指标", "One indicator per data column"},
		"fw_reset":         {"恢复所选模板", "Back to the selected template"},
		"fw_import":        {"导入指标体系文件（CSV、XLSX、JSON）", "Import a framework file (CSV, XLSX, JSON)"},
		"fw_export_json":   {"导出指标体系 JSON", "Export the framework (JSON)"},
		"fw_export_imeta":  {"导出 COINr iMeta CSV", "Export COINr iMeta CSV"},
		"fw_problems":      {"指标体系的问题", "Framework problems"},
		"d_positive":       {"正向", "positive"},
		"d_negative":       {"负向", "negative"},
		"d_moderate":       {"适度（最优值）", "moderate (best value)"},
		"d_interval":       {"区间（上下限）", "interval (lo, hi)"},
		"fw_best":          {"最优值", "best"},
		"fw_lo":            {"下限", "lo"},
		"fw_hi":            {"上限", "hi"},
		"fw_bad_number":    {"“%s”不是数字", "%q is not a number"},
	})
}

// frameworkSection is step 3: choose the indicator framework, see how its
// indicators matched the data, edit it, import or export it.
func (c *Workbench) frameworkSection(l Lang) app.UI {
	return app.Section().ID("framework").Class("load").Body(
		app.H2().Text(T(l, "step_fw")),
		app.Label().For("template").Text(T(l, "template")),
		c.templateSelect(l),
		app.Div().Class("fw-tools", "full").Body(
			app.Label().For("fw-file").Text(T(l, "fw_import")),
			app.Input().ID("fw-file").Type("file").Accept(".csv,.tsv,.txt,.xlsx,.json").OnChange(c.onFwFile),
			app.Button().ID("fw-export-json").Text(T(l, "fw_export_json")).Disabled(c.ws.Framework() == nil).OnClick(c.onFwExport(false)),
			app.Button().ID("fw-export-imeta").Text(T(l, "fw_export_imeta")).Disabled(c.ws.Framework() == nil).OnClick(c.onFwExport(true)),
		),
		c.fwReport(l),
		c.fwMatch(l),
		c.fwEditor(l),
	)
}

func (c *Workbench) templateSelect(l Lang) app.UI {
	custom := c.ws.FwCustom != nil
	opts := []app.UI{app.Option().Value(allColumnsValue).Text(T(l, "flat")).Selected(!custom && c.ws.Template == "")}
	for _, t := range framework.Templates() {
		title := t.TitleZh
		if l == En {
			title = t.TitleEn
		}
		opts = append(opts, app.Option().Value(t.Name).Text(title).Selected(!custom && c.ws.Template == t.Name))
	}
	if custom {
		opts = append(opts, app.Option().Value("__custom").Text(T(l, "fw_custom")).Selected(true).Disabled(true))
	}
	return app.Select().ID("template").OnChange(c.onTemplate).Body(opts...)
}

func (c *Workbench) onTemplate(ctx app.Context, e app.Event) {
	v := ctx.JSSrc().Get("value").String()
	if v == allColumnsValue {
		v = ""
	}
	c.ws.UseTemplate(v)
	c.compute(ctx)
}

// fwEdit applies an editor change and recomputes.
func (c *Workbench) fwEdit(ctx app.Context, e FwEdit) {
	if c.ws.EditFramework(e) {
		c.compute(ctx)
	}
}

func (c *Workbench) onFwFile(ctx app.Context, e app.Event) {
	readFirstFile(ctx, ctx.JSSrc(), func(ctx app.Context, name string, b []byte) {
		c.sideJob(Job{Kind: JobReadFramework, FileName: name, Data: b}, func(ctx app.Context, o Outcome) {
			f := o.Framework
			c.ws.SetFramework(f, o.Report)
			if c.ws.FwCustom == f && f != nil {
				c.compute(ctx)
			}
		})
	})
}

func (c *Workbench) onFwExport(imeta bool) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		f := c.ws.Framework()
		if f == nil {
			return
		}
		var b bytes.Buffer
		if imeta {
			_ = f.WriteIMetaCSV(&b)
			download(ctx, "nqp-framework-imeta.csv", "text/csv", b.Bytes())
			return
		}
		_ = f.WriteJSON(&b)
		download(ctx, "nqp-framework.json", "application/json", b.Bytes())
	}
}

func (c *Workbench) fwReport(l Lang) app.UI {
	ps := c.ws.FwReport.Problems
	if len(ps) == 0 {
		return app.Text("")
	}
	return app.Div().ID("fw-report").Class("full").Body(
		app.P().Text(T(l, "fw_problems")),
		app.Ul().Body(app.Range(ps).Slice(func(i int) app.UI {
			return app.Li().Class(ps[i].Severity.String()).Text(ps[i].Format(string(l)))
		})),
	)
}

// nodeName is a node's name in l, or its code.
func nodeName(f *framework.Framework, code string, l Lang) string {
	if n := f.Node(code); n != nil {
		return n.Name(string(l))
	}
	return code
}

func (c *Workbench) fwMatch(l Lang) app.UI {
	m, f := c.ws.FwMatch, c.ws.FwUsed
	if m == nil || f == nil {
		return app.Text("")
	}
	total := len(m.Present) + len(m.Missing)
	li := func(cls string, items []string, text func(string) string) app.UI {
		return app.Ul().ID("fw-" + cls).Class("fw-" + cls).Body(app.Range(items).Slice(func(i int) app.UI {
			return app.Li().DataSet("code", items[i]).Text(text(items[i]))
		}))
	}
	return app.Div().ID("fw-match").Class("full").Body(
		app.H3().Text(T(l, "fw_match")),
		app.P().ID("fw-match-summary").Text(fmt.Sprintf(T(l, "fw_match_summary"), total, len(m.Present), len(m.Missing), len(m.Extra))),
		app.Details().Open(true).Body(app.Summary().Text(fmt.Sprintf("%s (%d)", T(l, "fw_present"), len(m.Present))),
			li("present", m.Present, func(code string) string {
				return fmt.Sprintf("%s ← %s", nodeName(f, code, l), m.Mapping[code])
			})),
		app.Details().Open(len(m.Missing) > 0).Body(app.Summary().Text(fmt.Sprintf("%s (%d)", T(l, "fw_missing"), len(m.Missing))),
			li("missing", m.Missing, func(code string) string { return nodeName(f, code, l) + " (" + code + ")" })),
		app.Details().Body(app.Summary().Text(fmt.Sprintf("%s (%d)", T(l, "fw_extra"), len(m.Extra))),
			li("extra", m.Extra, func(col string) string { return col })),
	)
}

// statOf returns the statistics of the data column of an indicator.
func (c *Workbench) statOf(code string) (mean, sd float64, ok bool) {
	if c.ws.FwMatch == nil {
		return 0, 0, false
	}
	col := c.ws.FwMatch.Mapping[code]
	for _, s := range c.ws.Stats {
		if s.Column == col && s.N > 0 {
			return s.Mean, s.SD, true
		}
	}
	return 0, 0, false
}

func round4(x float64) float64 {
	if x == 0 || math.IsNaN(x) {
		return x
	}
	p := math.Pow(10, 3-math.Floor(math.Log10(math.Abs(x))))
	return math.Round(x*p) / p
}

func (c *Workbench) fwEditor(l Lang) app.UI {
	f := c.ws.Framework()
	if f == nil {
		return app.Text("")
	}
	val := func(ctx app.Context) string { return strings.TrimSpace(ctx.JSSrc().Get("value").String()) }
	num := func(ctx app.Context) (float64, bool) {
		s := val(ctx)
		x, err := strconv.ParseFloat(s, 64)
		if err != nil {
			c.ws.FwReport = diag.Report{}
			c.ws.FwReport.Add(diag.New(diag.Error, "fw-bad-number", fmt.Sprintf(messages["fw_bad_number"][0], s), fmt.Sprintf(messages["fw_bad_number"][1], s)))
			return 0, false
		}
		return x, true
	}
	mapping := map[string]string{}
	if c.ws.FwMatch != nil {
		mapping = c.ws.FwMatch.Mapping
	}
	var codes []string
	depth := map[string]int{}
	f.Walk(func(code string, d int) { codes = append(codes, code); depth[code] = d })
	parentOpts := func(code, current string) []app.UI {
		var opts []app.UI
		for _, p := range codes {
			if code != "" && inSubtree(f, code, p) {
				continue
			}
			opts = append(opts, app.Option().Value(p).Text(p+" "+nodeName(f, p, l)).Selected(p == current))
		}
		return opts
	}
	rows := make([]app.UI, 0, len(codes))
	for _, code := range codes {
		n := f.Node(code)
		node := *n
		leaf := f.IsLeaf(code)
		root := node.Parent == ""
		column := app.Td().Text("")
		if leaf {
			if col, ok := mapping[code]; ok {
				column = app.Td().Class("fw-col").Text(col)
			} else {
				column = app.Td().Class("fw-missing").Text(T(l, "fw_no_column"))
			}
		}
		// Handlers capture code and node: scope them by the node's state so
		// that go-app replaces them when the row shows another node.
		scope := app.EventScope(code, node.NameZh, node.NameEn, node.Parent, node.Weight, node.Direction)
		rename := func(zh bool) app.EventHandler {
			return func(ctx app.Context, e app.Event) {
				ed := FwEdit{Op: FwRename, Code: code, NameZh: node.NameZh, NameEn: node.NameEn}
				if zh {
					ed.NameZh = val(ctx)
				} else {
					ed.NameEn = val(ctx)
				}
				c.fwEdit(ctx, ed)
			}
		}
		parent := app.Td()
		if !root {
			parent = app.Td().Body(app.Select().Class("fw-parent").Aria("label", code+" · "+T(l, "fw_parent_label")).OnChange(func(ctx app.Context, e app.Event) {
				c.fwEdit(ctx, FwEdit{Op: FwMove, Code: code, Parent: val(ctx)})
			}, scope).Body(parentOpts(code, node.Parent)...))
		}
		dir := app.Td()
		if leaf {
			d := node.Direction
			setDir := func(d framework.Direction) func(ctx app.Context) {
				return func(ctx app.Context) { c.fwEdit(ctx, FwEdit{Op: FwDirection, Code: code, Direction: d}) }
			}
			numIn := func(cls string, x float64, set func(d *framework.Direction, x float64)) app.UI {
				return app.Input().Class("fw-num "+cls).Type("number").Step(0.0001).Title(T(l, strings.TrimPrefix(cls, "fw-"))).Value(strconv.FormatFloat(x, 'g', -1, 64)).
					OnChange(func(ctx app.Context, e app.Event) {
						if x, ok := num(ctx); ok {
							d := node.Direction
							set(&d, x)
							setDir(d)(ctx)
						}
					}, scope)
			}
			body := []app.UI{selectOf("", d.Kind.String(), []choice{{"positive", "d_positive"}, {"negative", "d_negative"}, {"moderate", "d_moderate"}, {"interval", "d_interval"}}, l,
				func(ctx app.Context, e app.Event) {
					var nd framework.Direction
					if err := nd.Kind.UnmarshalText([]byte(val(ctx))); err != nil {
						return
					}
					mean, sd, _ := c.statOf(code)
					switch nd.Kind {
					case framework.Moderate:
						nd.Best = round4(mean)
					case framework.Interval:
						nd.Lo, nd.Hi = round4(mean-sd/2), round4(mean+sd/2)
					}
					setDir(nd)(ctx)
				}, scope).Aria("label", code+" · "+T(l, "fw_direction"))}
			switch d.Kind {
			case framework.Moderate:
				body = append(body, numIn("fw-best", d.Best, func(d *framework.Direction, x float64) { d.Best = x }))
			case framework.Interval:
				body = append(body, numIn("fw-lo", d.Lo, func(d *framework.Direction, x float64) { d.Lo = x }),
					numIn("fw-hi", d.Hi, func(d *framework.Direction, x float64) { d.Hi = x }))
			}
			if node.DirectionGuessed {
				body = append(body, app.Span().Class("fw-guess").Text(T(l, "fw_guess_mark")))
			}
			dir = app.Td().Class("fw-dir").Body(body...)
		}
		del := app.Td()
		if !root {
			del = app.Td().Body(app.Button().Class("fw-delete").Text(T(l, "fw_delete")).OnClick(func(ctx app.Context, e app.Event) {
				c.fwEdit(ctx, FwEdit{Op: FwDelete, Code: code})
			}, scope))
		}
		rows = append(rows, app.Tr().DataSet("code", code).Class(map[bool]string{true: "fw-leaf", false: "fw-agg"}[leaf]).Body(
			app.Td().Class(fmt.Sprintf("depth-%d", min(depth[code], 6))).Text(code),
			app.Td().Body(app.Input().Class("fw-zh").Aria("label", code+" · 中文名称").Value(node.NameZh).OnChange(rename(true), scope)),
			app.Td().Body(app.Input().Class("fw-en").Aria("label", code+" · English name").Value(node.NameEn).OnChange(rename(false), scope)),
			column,
			parent,
			app.Td().Body(app.Input().Class("fw-num fw-weight").Aria("label", code+" · "+T(l, "fw_weight_label")).Type("number").Min(0).Step(0.01).Value(strconv.FormatFloat(node.Weight, 'g', -1, 64)).
				OnChange(func(ctx app.Context, e app.Event) {
					if x, ok := num(ctx); ok {
						c.fwEdit(ctx, FwEdit{Op: FwWeight, Code: code, Weight: x})
					}
				}, scope)),
			dir,
			del,
		))
	}
	var extra []string
	if c.ws.FwMatch != nil {
		extra = c.ws.FwMatch.Extra
	}
	byID := func(ctx app.Context, id string) string {
		if el := app.Window().GetElementByID(id); el.Truthy() {
			return strings.TrimSpace(el.Get("value").String())
		}
		return ""
	}
	var columns []string
	if c.ws.Table != nil {
		columns = c.ws.Table.Columns
	}
	return app.Details().ID("fw-editor").Class("full").Open(true).Body(
		app.Summary().Text(T(l, "fw_editor")),
		app.Div().Class("fw-tools").Body(
			app.Button().ID("fw-new").Text(T(l, "fw_new")).OnClick(func(ctx app.Context, e app.Event) {
				c.ws.SetFramework(NewFramework(), diag.Report{})
				c.compute(ctx)
			}),
			// The handler reads the columns when clicked: go-app keeps a
			// handler's first closure while its scope is unchanged, and a
			// captured list would be the columns of the data first loaded.
			app.Button().ID("fw-from-cols").Text(T(l, "fw_from_cols")).Disabled(len(columns) == 0).OnClick(func(ctx app.Context, e app.Event) {
				if c.ws.Table == nil || len(c.ws.Table.Columns) == 0 {
					return
				}
				c.ws.SetFramework(FrameworkFromColumns(c.ws.Table.Columns), diag.Report{})
				c.compute(ctx)
			}),
			app.Button().ID("fw-reset").Text(T(l, "fw_reset")).Disabled(c.ws.FwCustom == nil).OnClick(func(ctx app.Context, e app.Event) {
				c.ws.UseTemplate(c.ws.Template)
				c.compute(ctx)
			}),
		),
		app.Div().Class("scroll-x").Body(app.Table().ID("fw-tree").Body(
			app.THead().Body(app.Tr().Body(
				app.Th().Text(T(l, "fw_code")), app.Th().Text(T(l, "fw_name_zh")), app.Th().Text(T(l, "fw_name_en")),
				app.Th().Text(T(l, "fw_column")), app.Th().Text(T(l, "fw_parent")), app.Th().Text(T(l, "fw_weight")),
				app.Th().Text(T(l, "fw_direction")), app.Th(),
			)),
			app.TBody().Body(rows...),
		)),
		app.Div().ID("fw-add-form").Class("fw-tools").Body(
			app.Span().Text(T(l, "fw_add")+"："),
			app.Label().For("fw-add-parent").Text(T(l, "fw_parent")),
			app.Select().ID("fw-add-parent").Body(parentOpts("", f.Root())...),
			app.Input().ID("fw-add-code").Placeholder("%s", T(l, "fw_code")).Aria("label", T(l, "fw_code")).List("fw-cols"),
			app.DataList().ID("fw-cols").Body(app.Range(extra).Slice(func(i int) app.UI { return app.Option().Value(extra[i]) })),
			app.Input().ID("fw-add-zh").Placeholder("%s", T(l, "fw_name_zh")).Aria("label", T(l, "fw_name_zh")),
			app.Input().ID("fw-add-en").Placeholder("%s", T(l, "fw_name_en")).Aria("label", T(l, "fw_name_en")),
			app.Button().ID("fw-add").Text(T(l, "fw_add_go")).OnClick(func(ctx app.Context, e app.Event) {
				if c.ws.EditFramework(FwEdit{Op: FwAdd, Parent: byID(ctx, "fw-add-parent"), NewCode: byID(ctx, "fw-add-code"),
					NameZh: byID(ctx, "fw-add-zh"), NameEn: byID(ctx, "fw-add-en")}) {
					clearFields("fw-add-code", "fw-add-zh", "fw-add-en")
					c.compute(ctx)
				}
			}),
		),
	)
}

// clearFields empties the text boxes with the given ids (the add-node
// form after a node was added).
func clearFields(ids ...string) {
	for _, id := range ids {
		if el := app.Window().GetElementByID(id); el.Truthy() {
			el.Set("value", "")
		}
	}
}

// syncFieldValues sets the framework editor's name boxes' value property
// to their value attribute, "" when it has none. go-app sets a changed
// value attribute as the property too, but an empty one is dropped (its
// attribute removed, the property left as it was), so a box that showed
// a name would keep showing it for a node without one (after "one
// indicator per data column", the previous template's names).
func syncFieldValues() {
	if !app.IsClient {
		return
	}
	els := app.Window().Get("document").Call("querySelectorAll", "#fw-tree input.fw-zh, #fw-tree input.fw-en")
	for i := 0; i < els.Length(); i++ {
		el := els.Index(i)
		want := ""
		if a := el.Call("getAttribute", "value"); a.Truthy() {
			want = a.String()
		}
		if el.Get("value").String() != want {
			el.Set("value", want)
		}
	}
}
