package app

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/nqp-index/nqp/scoring/diag"
	"github.com/nqp-index/nqp/scoring/framework"
)

// Workbench is the root component: load data, pick a framework, see the
// ranking of a period, the weights and the problem report.
type Workbench struct {
	app.Compo
	ws      Workspace
	engine  *engineWorker // nil: compute in the page (no Web Worker support)
	tooBig  bool          // the session could not be saved locally
	cleared bool          // the local data was just cleared
	pasted  string        // text pasted into the paste box
}

// storageKey is where the session is kept in the browser's localStorage.
const storageKey = "nqp-project"

// OnMount restores the saved session, or loads the bundled sample so that
// the first visit shows a result.
func (c *Workbench) OnMount(ctx app.Context) {
	if workersAvailable() && c.engine == nil {
		c.engine = &engineWorker{}
		c.engine.start(ctx, func(ctx app.Context, o Outcome) {
			c.ws.Apply(o)
			c.save(ctx)
		})
	}
	if c.ws.Data != nil {
		return
	}
	var p Project
	if err := ctx.LocalStorage().Get(storageKey, &p); err == nil && p.Schema == ProjectSchema {
		if c.ws.Open(p) == nil {
			c.compute(ctx)
			return
		}
	}
	c.ws.SetSample()
	c.compute(ctx)
}

// compute runs the current job in the engine worker (or in the page).
func (c *Workbench) compute(ctx app.Context) {
	if c.ws.Data == nil {
		return
	}
	c.ws.Busy = true
	if c.engine == nil {
		c.ws.Run()
		c.save(ctx)
		return
	}
	c.engine.run(c.ws.Job())
}

// save keeps the session in localStorage (a few MB at most).
func (c *Workbench) save(ctx app.Context) {
	c.tooBig = false
	if err := ctx.LocalStorage().Set(storageKey, c.ws.Project()); err != nil {
		c.tooBig = true
	}
}

func (c *Workbench) lang() Lang {
	if c.ws.Lang == "" {
		return Zh
	}
	return c.ws.Lang
}

// Render draws the workbench.
func (c *Workbench) Render() app.UI {
	l := c.lang()
	return app.Main().Class("wb").Body(
		app.Header().Body(
			app.H1().Text(T(l, "title")),
			app.Button().ID("lang").Text(T(l, "language")).OnClick(c.onLang),
			app.P().Class("note").Text(T(l, "subtitle")),
		),
		app.Section().ID("data").Class("load").Body(
			app.H2().Text(T(l, "step_data")),
			app.Label().For("file").Text(T(l, "load")),
			app.Input().ID("file").Type("file").Accept(".csv,.tsv,.txt,.xlsx,.json").OnChange(c.onFile),
			app.Button().ID("sample").Text(T(l, "sample")).OnClick(c.onSample),
			app.Div().ID("drop").Class("drop").OnDragOver(func(ctx app.Context, e app.Event) { e.PreventDefault() }).OnDrop(c.onDrop).Body(
				app.P().Text(T(l, "drop")),
				app.Textarea().ID("paste").Rows(3).OnChange(func(ctx app.Context, e app.Event) { c.pasted = ctx.JSSrc().Get("value").String() }),
				app.Button().ID("paste-go").Text(T(l, "paste_go")).OnClick(c.onPaste),
			),
		),
		c.summary(l),
		app.Section().ID("framework").Class("load").Body(
			app.H2().Text(T(l, "step_fw")),
			app.Label().For("template").Text(T(l, "template")),
			c.templateSelect(l),
		),
		c.method(l),
		app.Section().ID("results").Body(
			app.H2().Text(T(l, "step_results")),
			c.periodSelect(l),
			c.ranking(l),
			c.downloads(l),
			c.weights(l),
		),
		c.report(l),
		c.storage(l),
	)
}

func (c *Workbench) templateSelect(l Lang) app.UI {
	opts := []app.UI{app.Option().Value("").Text(T(l, "flat")).Selected(c.ws.Template == "")}
	for _, t := range framework.Templates() {
		title := t.TitleZh
		if l == En {
			title = t.TitleEn
		}
		opts = append(opts, app.Option().Value(t.Name).Text(title).Selected(c.ws.Template == t.Name))
	}
	return app.Select().ID("template").OnChange(c.onTemplate).Body(opts...)
}

func (c *Workbench) summary(l Lang) app.UI {
	if c.ws.Busy {
		return app.Div().Body(
			app.P().ID("busy").Text(T(l, "computing")),
			app.Button().ID("cancel").Text(T(l, "cancel")).OnClick(func(ctx app.Context, e app.Event) {
				if c.engine != nil {
					c.engine.cancel(ctx)
				}
				c.ws.Busy = false
			}),
		)
	}
	s := c.ws.Summary
	if s == nil {
		return app.P().ID("summary").Text(T(l, "no_data"))
	}
	n := 0
	if c.ws.Result != nil {
		n = len(c.ws.Result.Indicators)
	}
	return app.P().ID("summary").Text(fmt.Sprintf(T(l, "summary"), s.File, s.Units, s.Periods, n))
}

func (c *Workbench) periodSelect(l Lang) app.UI {
	res := c.ws.Result
	if res == nil {
		return app.Text("")
	}
	var opts []app.UI
	for i, p := range res.Periods {
		opts = append(opts, app.Option().Value(strconv.Itoa(i)).Text(p.Label).Selected(i == c.ws.Period))
	}
	return app.Div().Body(
		app.Label().For("period").Text(T(l, "period")),
		app.Select().ID("period").OnChange(c.onPeriod).Body(opts...),
	)
}

func fmtScore(v float64) string {
	if v != v {
		return "–"
	}
	return strconv.FormatFloat(v, 'f', 2, 64)
}

func fmtRank(r int) string {
	if r == 0 {
		return "–"
	}
	return strconv.Itoa(r)
}

func (c *Workbench) ranking(l Lang) app.UI {
	res := c.ws.Result
	if res == nil {
		return app.Text("")
	}
	head := []app.UI{app.Th().Text(T(l, "rank")), app.Th().Text(T(l, "unit"))}
	if res.GroupBy != "" {
		head = append(head, app.Th().Text(T(l, "group")), app.Th().Text(T(l, "group_rank")))
	}
	for _, a := range res.Aggregates {
		head = append(head, app.Th().Text(res.Framework.Node(a).Name(string(l))))
	}
	rows := c.ws.Ranking()
	return app.Table().ID("ranking").Body(
		app.THead().Body(app.Tr().Body(head...)),
		app.TBody().Body(app.Range(rows).Slice(func(i int) app.UI {
			r := rows[i]
			cells := []app.UI{app.Td().Text(fmtRank(r.Rank)), app.Td().Text(r.Name)}
			if res.GroupBy != "" {
				cells = append(cells, app.Td().Text(r.Group), app.Td().Text(fmtRank(r.GroupRank)))
			}
			for _, v := range r.Scores {
				cells = append(cells, app.Td().Class("num").Text(fmtScore(v)))
			}
			return app.Tr().Body(cells...)
		})),
	)
}

func (c *Workbench) downloads(l Lang) app.UI {
	if c.ws.Result == nil {
		return app.Text("")
	}
	return app.Div().Class("downloads").Body(
		app.Button().ID("dl-csv").Text(T(l, "download_csv")).OnClick(func(ctx app.Context, e app.Event) {
			download(ctx, "nqp-scores.csv", "text/csv", c.ws.CSV())
		}),
		app.Button().ID("dl-json").Text(T(l, "download_json")).OnClick(func(ctx app.Context, e app.Event) {
			download(ctx, "nqp-result.json", "application/json", c.ws.JSON())
		}),
	)
}

func (c *Workbench) weights(l Lang) app.UI {
	res := c.ws.Result
	if res == nil || len(res.Weights) == 0 {
		return app.Text("")
	}
	nodes := res.Weights[0].Nodes
	return app.Details().Body(
		app.Summary().Text(T(l, "weights")),
		app.Table().ID("weights").Body(
			app.THead().Body(app.Tr().Body(app.Th().Text(T(l, "code")), app.Th().Text(T(l, "name")), app.Th().Text(T(l, "relative")), app.Th().Text(T(l, "effective")))),
			app.TBody().Body(app.Range(nodes).Slice(func(i int) app.UI {
				n := nodes[i]
				return app.Tr().Body(app.Td().Text(n.Code), app.Td().Text(res.Framework.Node(n.Code).Name(string(l))),
					app.Td().Class("num").Text(strconv.FormatFloat(n.Relative, 'f', 4, 64)),
					app.Td().Class("num").Text(strconv.FormatFloat(n.Effective, 'f', 4, 64)))
			})),
		),
	)
}

func (c *Workbench) report(l Lang) app.UI {
	ps := c.ws.Report.Problems
	if len(ps) == 0 {
		return app.Text("")
	}
	return app.Details().ID("report").Body(
		app.Summary().Text(fmt.Sprintf("%s (%d)", T(l, "report"), len(ps))),
		app.Ul().Body(app.Range(ps).Slice(func(i int) app.UI {
			return app.Li().Class(ps[i].Severity.String()).Text(ps[i].Format(string(l)))
		})),
	)
}

func (c *Workbench) onLang(ctx app.Context, e app.Event) {
	if c.lang() == Zh {
		c.ws.Lang = En
	} else {
		c.ws.Lang = Zh
	}
	c.save(ctx)
	ctx.Page().SetLang(map[Lang]string{Zh: "zh-CN", En: "en"}[c.ws.Lang])
}

func (c *Workbench) onSample(ctx app.Context, e app.Event) {
	c.ws.SetSample()
	c.compute(ctx)
}

// loaded handles a file from the picker or a drop: a project file (.json)
// restores a session, anything else is data.
func (c *Workbench) loaded(ctx app.Context, name string, b []byte) {
	if strings.HasSuffix(strings.ToLower(name), ".json") {
		if err := c.ws.OpenJSON(b); err != nil {
			c.ws.Report.Add(diag.New(diag.Error, "project", err.Error(), err.Error()))
			return
		}
	} else {
		c.ws.SetData(name, b)
	}
	c.compute(ctx)
}

func (c *Workbench) onFile(ctx app.Context, e app.Event) {
	readFirstFile(ctx, ctx.JSSrc(), c.loaded)
}

func (c *Workbench) onDrop(ctx app.Context, e app.Event) {
	e.PreventDefault()
	readFirstFile(ctx, e.Get("dataTransfer"), c.loaded)
}

func (c *Workbench) onPaste(ctx app.Context, e app.Event) {
	if strings.TrimSpace(c.pasted) == "" {
		return
	}
	c.ws.SetData("pasted.tsv", []byte(c.pasted))
	c.compute(ctx)
}

func (c *Workbench) onTemplate(ctx app.Context, e app.Event) {
	c.ws.SetTemplate(ctx.JSSrc().Get("value").String())
	c.compute(ctx)
}

// storage renders the local-storage notes and controls.
func (c *Workbench) storage(l Lang) app.UI {
	note := T(l, "saved_note")
	if c.tooBig {
		note = T(l, "too_big")
	}
	if c.cleared {
		note = T(l, "cleared")
	}
	return app.Section().ID("storage").Body(
		app.P().Class("note").Text(note),
		app.Button().ID("save-project").Text(T(l, "save_project")).OnClick(func(ctx app.Context, e app.Event) {
			download(ctx, "nqp-project.json", "application/json", c.ws.ProjectJSON())
		}),
		app.Button().ID("clear").Text(T(l, "clear")).OnClick(func(ctx app.Context, e app.Event) {
			ctx.LocalStorage().Clear()
			c.ws.Clear()
			c.cleared = true
		}),
	)
}

func (c *Workbench) onPeriod(ctx app.Context, e app.Event) {
	if i, err := strconv.Atoi(ctx.JSSrc().Get("value").String()); err == nil {
		c.ws.Period = i
	}
}

// Routes registers the app's pages; call it in the wasm entry point and in
// the native site generator.
func Routes() {
	app.Route("/", func() app.Composer { return &Workbench{} })
}
