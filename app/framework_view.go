package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/nqp-index/nqp/scoring/framework"
)

// frameworkSection is step 2: choose the indicator framework.
func (c *Workbench) frameworkSection(l Lang) app.UI {
	return app.Section().ID("framework").Class("load").Body(
		app.H2().Text(T(l, "step_fw")),
		app.Label().For("template").Text(T(l, "template")),
		c.templateSelect(l),
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

func (c *Workbench) onTemplate(ctx app.Context, e app.Event) {
	c.ws.SetTemplate(ctx.JSSrc().Get("value").String())
	c.compute(ctx)
}
