package app

import (
	"fmt"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/nqp-index/nqp/scoring/diag"
)

// dataSection is step 1: load a file, a pasted table or the sample, then
// see what was read and every problem found.
func (c *Workbench) dataSection(l Lang) app.UI {
	return app.Section().ID("data").Class("load").Body(
		app.H2().Text(T(l, "step_data")),
		app.Label().For("file").Text(T(l, "load")),
		app.Input().ID("file").Type("file").Accept(".csv,.tsv,.txt,.xlsx,.json").OnChange(c.onFile),
		app.Button().ID("sample").Text(T(l, "sample")).OnClick(c.onSample),
		app.Div().ID("drop").Class("drop").OnDragOver(func(ctx app.Context, e app.Event) { e.PreventDefault() }).OnDrop(c.onDrop).Body(
			app.P().Text(T(l, "drop")),
			app.Textarea().ID("paste").Aria("label", T(l, "drop")).Rows(3).OnChange(func(ctx app.Context, e app.Event) { c.pasted = ctx.JSSrc().Get("value").String() }),
			app.Button().ID("paste-go").Text(T(l, "paste_go")).OnClick(c.onPaste),
		),
		c.summary(l),
		c.fwNotice(l),
		c.loadOptions(l),
		c.report(l),
	)
}

// stageText describes a computation's stage.
func stageText(l Lang, stage string) string {
	switch stage {
	case StageRead, StageScore, StageAnalyse, StageSend:
		return T(l, "stage_"+stage)
	}
	return T(l, "stage_wait")
}

func (c *Workbench) summary(l Lang) app.UI {
	if c.ws.Busy {
		return app.Div().Body(
			app.P().ID("busy").Text(T(l, "computing")),
			app.P().ID("stage").Class("note").Text(stageText(l, c.ws.Stage)),
			app.Button().ID("cancel").Text(T(l, "cancel")).OnClick(func(ctx app.Context, e app.Event) {
				if c.engine != nil {
					c.engine.cancel()
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
