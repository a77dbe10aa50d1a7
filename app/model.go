package app

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/nqp-index/nqp/scoring/diag"
	"github.com/nqp-index/nqp/scoring/jsonx"
	"github.com/nqp-index/nqp/scoring/panel"
	"github.com/nqp-index/nqp/scoring/pipeline"
)

func init() {
	addMessages(map[string][2]string{
		"step_model":      {"用已固化的模型给新数据打分", "Score new data with a frozen model"},
		"mdl_note":        {"固化当前结果的权重与标准化边界（如各指标的最小值、最大值），之后可按同一标准给新的地区或时期打分；全部在本机计算。", "Freeze the current result's weights and normalisation bounds (e.g. each indicator's min and max), then score a new region or period on the same scale; everything is computed on this device."},
		"mdl_denominator": {"分母：%s", "Denominator: %s"},
		"mdl_freeze":      {"固化当前模型", "Freeze this model"},
		"mdl_download":    {"下载模型文件（JSON）", "Download the model (JSON)"},
		"mdl_open":        {"打开模型文件（.json）", "Open a model file (.json)"},
		"mdl_saved":       {"已固化的模型：%s，%d 个指标，%d 个参照得分（保存在本机）。", "Frozen model: %s, %d indicators, %d reference scores (saved on this device)."},
		"mdl_none":        {"尚未固化模型。", "No model frozen yet."},
		"mdl_form":        {"输入一个地区的指标值", "Type one region's indicator values"},
		"mdl_name":        {"地区名称", "Region name"},
		"mdl_period":      {"与哪个时期的结果比较", "Rank among the results of"},
		"mdl_paste":       {"或粘贴一行数值（按上面指标的顺序，用制表符、逗号或空格分隔）：", "Or paste one row of values (in the order above, separated by tabs, commas or spaces):"},
		"mdl_fill":        {"填入", "Fill in"},
		"mdl_score":       {"计算得分", "Score"},
		"mdl_result":      {"综合指数 %s：在 %s 的 %d 个地区中排第 %d 名。", "Index %s: rank %d of %d in %s."},
		"mdl_outside":     {"超出原数据范围（不截断，得分可能超出原区间）：", "Outside the original range (not truncated; the score may leave the original scale): "},
		"mdl_no_values":   {"请至少输入一个指标值。", "Enter at least one indicator value."},
		"mdl_bad_number":  {"无法识别的数值：", "Not a number: "},
		"mdl_new_region":  {"新地区", "New region"},
		"mdl_bounds":      {"原范围", "original range"},
		"mdl_pooled":      {"全部时期", "all periods"},
	})
}

// modelKey is where the frozen model is kept in localStorage.
const modelKey = "nqp-model"

// ModelState is step 7: the frozen model and the self-assessment form.
type ModelState struct {
	M      *pipeline.Model
	loaded bool              // the saved model was looked for
	Vals   map[string]string // indicator code → typed value
	Name   string
	Period string
	Paste  string
	Out    *ModelOutcome
	Err    string
}

// ModelOutcome is the score of one typed-in region.
type ModelOutcome struct {
	Name    string
	Period  string
	Score   float64
	Rank    int
	Of      int
	Subs    []SubScore // the other aggregates (dimensions…)
	Outside []string   // indicators outside the frozen range
}

// SubScore is one aggregate's score.
type SubScore struct {
	Code  string
	Score float64
}

// parseValue reads a typed number ("" = missing); thousands separators
// and spaces are ignored.
func parseValue(s string) (float64, error) {
	s = strings.NewReplacer(",", "", "，", "", " ", "", "\u00a0", "").Replace(strings.TrimSpace(s))
	if s == "" || s == "-" || s == "–" {
		return math.NaN(), nil
	}
	return strconv.ParseFloat(s, 64)
}

// splitPasted splits one pasted row of values.
func splitPasted(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return r == '\t' || r == '\n' || r == '\r' || r == ';' || r == '，' || r == ' ' || (r == ',' && !strings.Contains(s, "\t"))
	})
}

// scoreTyped scores one region's typed values with m and places it among
// the model's scores of period.
func scoreTyped(m *pipeline.Model, vals map[string]string, name, period string) (*ModelOutcome, error) {
	if name == "" {
		name = "—"
	}
	p := &panel.Panel{
		File:    "form",
		Units:   []panel.Unit{{Code: "new", Name: name}},
		Periods: []panel.Period{{Label: period, Kind: panel.Label}},
	}
	row := panel.Row{Unit: 0, Period: 0}
	out := &ModelOutcome{Name: name, Period: period}
	any := false
	for _, c := range m.Columns {
		v, err := parseValue(vals[c.Code])
		if err != nil {
			return nil, badNumber(fmt.Sprintf("%s: %q", c.Code, vals[c.Code]))
		}
		any = any || !math.IsNaN(v)
		p.Columns = append(p.Columns, panel.Column{Name: c.Column})
		row.Values = append(row.Values, v)
	}
	if !any {
		return nil, errNoValues
	}
	for _, d := range m.Denominators {
		v, err := parseValue(vals[denKey(d)])
		if err != nil {
			return nil, badNumber(fmt.Sprintf("%s: %q", d, vals[denKey(d)]))
		}
		p.Columns = append(p.Columns, panel.Column{Name: d})
		row.Values = append(row.Values, v)
	}
	p.Rows = []panel.Row{row}
	res, err := m.Score(p)
	if err != nil {
		return nil, err
	}
	// Values beyond the frozen range, compared as normalised: after the
	// denominate step.
	x := res.Raw
	if len(res.Denominated) == 1 {
		x = res.Denominated
	}
	for j, c := range res.Indicators {
		for i := range m.Norms {
			if m.Norms[i].Indicator == c && m.Norms[i].Outside(x[0][j]) {
				out.Outside = append(out.Outside, c)
			}
		}
	}
	out.Score = res.Scores[0][0]
	out.Rank, out.Of = m.RankAmong(out.Score, period)
	for k, a := range res.Aggregates[1:] {
		out.Subs = append(out.Subs, SubScore{Code: a, Score: res.Scores[0][k+1]})
	}
	return out, nil
}

// denKey is the form's key of a denominator column's value.
func denKey(column string) string { return "\x00den:" + column }

var errNoValues = errors.New("no values")

// badNumber is a typed value that is not a number.
type badNumber string

func (b badNumber) Error() string { return string(b) }

// modelJSON returns the model file.
func modelJSON(m *pipeline.Model) []byte {
	b, _ := json.MarshalIndent(m, "", " ")
	return b
}

// openModel reads a model file.
func openModel(b []byte) (*pipeline.Model, error) {
	var m pipeline.Model
	if err := jsonx.Decode(b, &m); err != nil { // strict: one value, no unknown key
		return nil, diag.Errorf("模型文件无法读取：%v", "cannot read the model file: %v", err)
	}
	if m.Schema != pipeline.ModelSchema || m.Framework == nil || len(m.Norms) != len(m.Columns) {
		return nil, diag.Errorf("不是本工具的模型文件", "not a model file of this tool")
	}
	return &m, nil
}

// setModel makes m the model in use and keeps it on this device.
func (c *Workbench) setModel(ctx app.Context, m *pipeline.Model) {
	st := &c.ws.Model
	st.M, st.Out, st.Err, st.loaded = m, nil, "", true
	if ps := m.Periods(); len(ps) > 0 {
		st.Period = ps[len(ps)-1]
	}
	if err := ctx.LocalStorage().Set(modelKey, m); err != nil {
		st.Err = err.Error()
	}
}

// restoreModel looks once for a model saved on this device.
func (st *ModelState) restore() {
	if st.loaded || !app.IsClient {
		return
	}
	st.loaded = true
	item := app.Window().Get("localStorage").Call("getItem", modelKey)
	if item.Type() != app.TypeString {
		return
	}
	if m, err := openModel([]byte(item.String())); err == nil {
		st.M = m
		if ps := m.Periods(); len(ps) > 0 {
			st.Period = ps[len(ps)-1]
		}
	}
}

// modelSection is step 7.
func (c *Workbench) modelSection(l Lang) app.UI {
	st := &c.ws.Model
	st.restore()
	body := []app.UI{
		app.H2().Text(T(l, "step_model")),
		app.P().Class("note").Text(T(l, "mdl_note")),
	}
	controls := []app.UI{}
	if c.ws.Result != nil {
		controls = append(controls, app.Button().ID("freeze").Text(T(l, "mdl_freeze")).OnClick(func(ctx app.Context, e app.Event) {
			if c.ws.Frozen == nil {
				c.ws.Model.Err = c.ws.FrozenErr
				return
			}
			c.setModel(ctx, c.ws.Frozen)
		}))
	}
	if st.M != nil {
		controls = append(controls, app.Button().ID("dl-model").Text(T(l, "mdl_download")).OnClick(func(ctx app.Context, e app.Event) {
			download(ctx, "nqp-model.json", "application/json", modelJSON(c.ws.Model.M))
		}))
	}
	controls = append(controls, app.Label().For("model-file").Text(T(l, "mdl_open")),
		app.Input().Type("file").ID("model-file").Accept(".json,application/json").OnChange(func(ctx app.Context, e app.Event) {
			readFirstFile(ctx, ctx.JSSrc(), func(ctx app.Context, name string, b []byte) {
				m, err := openModel(b)
				if err != nil {
					c.ws.Model.Err = err.Error()
					return
				}
				c.setModel(ctx, m)
			})
		}))
	body = append(body, app.Div().Class("controls").Body(controls...))
	if st.Err != "" {
		body = append(body, app.P().Class("error").Text(st.Err))
	}
	m := st.M
	if m == nil {
		body = append(body, app.P().Class("note").Text(T(l, "mdl_none")))
		return app.Section().ID("model").Body(body...)
	}
	periods := m.Periods()
	what := m.Recipe.Normalise.Method + " + " + m.Recipe.Weights.Method + " + " + m.Aggregate.Method
	if m.Period != "" {
		what += " (" + m.Period + ")"
	}
	body = append(body, app.P().ID("model-info").Text(fmt.Sprintf(T(l, "mdl_saved"), what, len(m.Norms), len(m.Scores))))
	if st.Vals == nil {
		st.Vals = map[string]string{}
	}
	inputs := make([]app.UI, len(m.Columns))
	for i, col := range m.Columns {
		code := col.Code
		node := m.Framework.Node(code)
		label := code
		unit := ""
		if node != nil {
			label = node.Name(string(l))
			unit = node.Unit
		}
		nm := m.Norms[i]
		hint := ""
		if !nm.Empty {
			hint = T(l, "mdl_bounds") + " " + strconv.FormatFloat(nm.RawMin, 'g', 6, 64) + " – " + strconv.FormatFloat(nm.RawMax, 'g', 6, 64)
		}
		inputs[i] = app.Div().Class("field").Body(
			app.Label().For("mv-"+code).Text(label),
			app.Input().Type("text").ID("mv-"+code).Class("model-value").Attr("inputmode", "decimal").Value(st.Vals[code]).
				OnChange(func(ctx app.Context, e app.Event) {
					c.ws.Model.Vals[code] = ctx.JSSrc().Get("value").String()
				}, app.EventScope(code)),
			app.Span().Class("unit").Text(unit),
			app.Span().Class("note").Text(hint),
		)
	}
	for i, d := range m.Denominators {
		key := denKey(d)
		id := "mv-den-" + strconv.Itoa(i)
		inputs = append(inputs, app.Div().Class("field").Body(
			app.Label().For(id).Text(fmt.Sprintf(T(l, "mdl_denominator"), d)),
			app.Input().Type("text").ID(id).Class("model-value").Attr("inputmode", "decimal").Value(st.Vals[key]).
				OnChange(func(ctx app.Context, e app.Event) {
					c.ws.Model.Vals[key] = ctx.JSSrc().Get("value").String()
				}, app.EventScope(key)),
		))
	}
	popts := make([]app.UI, len(periods))
	for i, p := range periods {
		popts[i] = app.Option().Value(p).Text(p).Selected(p == st.Period)
	}
	body = append(body,
		app.H3().Text(T(l, "mdl_form")),
		app.Div().Class("field").Body(
			app.Label().For("model-name").Text(T(l, "mdl_name")),
			app.Input().Type("text").ID("model-name").Value(st.Name).Placeholder(T(l, "mdl_new_region")).OnChange(func(ctx app.Context, e app.Event) {
				c.ws.Model.Name = ctx.JSSrc().Get("value").String()
			}),
		),
		app.Div().Class("fields model-form").Body(inputs...),
		app.P().Class("note").Text(T(l, "mdl_paste")),
		app.Textarea().ID("model-paste").Rows(2).Text(st.Paste).OnChange(func(ctx app.Context, e app.Event) {
			c.ws.Model.Paste = ctx.JSSrc().Get("value").String()
		}),
		app.Button().ID("model-fill").Text(T(l, "mdl_fill")).OnClick(func(ctx app.Context, e app.Event) {
			st := &c.ws.Model
			for i, v := range splitPasted(st.Paste) {
				if i < len(st.M.Columns) {
					st.Vals[st.M.Columns[i].Code] = v
				} else if k := i - len(st.M.Columns); k < len(st.M.Denominators) {
					st.Vals[denKey(st.M.Denominators[k])] = v
				}
			}
		}),
		app.Div().Class("field").Body(
			app.Label().For("model-period").Text(T(l, "mdl_period")),
			app.Select().ID("model-period").OnChange(func(ctx app.Context, e app.Event) {
				c.ws.Model.Period = ctx.JSSrc().Get("value").String()
				c.ws.Model.Out = nil
			}).Body(popts...),
		),
		app.Button().ID("model-score").Text(T(l, "mdl_score")).OnClick(func(ctx app.Context, e app.Event) {
			st := &c.ws.Model
			name := st.Name
			if name == "" {
				name = T(c.lang(), "mdl_new_region")
			}
			out, err := scoreTyped(st.M, st.Vals, name, st.Period)
			st.Out, st.Err = out, ""
			switch {
			case errors.Is(err, errNoValues):
				st.Err = T(c.lang(), "mdl_no_values")
			case err != nil:
				st.Err = err.Error()
				var bn badNumber
				if errors.As(err, &bn) {
					st.Err = T(c.lang(), "mdl_bad_number") + err.Error()
				}
			}
		}),
	)
	if o := st.Out; o != nil {
		var msg string
		if l == En {
			msg = fmt.Sprintf(T(l, "mdl_result"), fmtScore(o.Score), o.Rank, o.Of, o.Period)
		} else {
			msg = fmt.Sprintf(T(l, "mdl_result"), fmtScore(o.Score), o.Period, o.Of, o.Rank)
		}
		out := []app.UI{app.P().ID("model-result").Text(o.Name + " · " + msg)}
		if len(o.Subs) > 0 {
			rows := make([]app.UI, len(o.Subs))
			for i, s := range o.Subs {
				name := s.Code
				if n := m.Framework.Node(s.Code); n != nil {
					name = n.Name(string(l))
				}
				rows[i] = app.Tr().Body(app.Td().Text(name), app.Td().Class("num").Text(fmtScore(s.Score)))
			}
			out = append(out, app.Table().ID("model-subs").Body(app.TBody().Body(rows...)))
		}
		if len(o.Outside) > 0 {
			out = append(out, app.P().Class("note").Text(T(l, "mdl_outside")+strings.Join(o.Outside, ", ")))
		}
		body = append(body, app.Div().ID("model-outcome").Body(out...))
	}
	return app.Section().ID("model").Body(body...)
}
