package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Chart shows one ECharts chart whose option is built in Go (see
// charts.go), with PNG and SVG download buttons. It draws when mounted,
// redraws when its parent passes a different Option, and frees the chart
// when dismounted.
type Chart struct {
	app.Compo
	ID     string         // the element id of the chart's canvas container
	Option map[string]any // the ECharts option (no NaN: see chartNum)
	File   string         // download file name without extension
	Class  string         // extra classes of the container (e.g. "tall")
	Lang   Lang

	view    echartsView
	failed  bool // the library could not be loaded
	mounted bool
}

// OnMount loads ECharts if needed, then draws.
func (c *Chart) OnMount(ctx app.Context) {
	c.mounted = true
	withECharts(ctx, func(ok bool) {
		ctx.Dispatch(func(ctx app.Context) {
			c.failed = !ok
			if ok && c.mounted {
				c.draw(ctx)
			}
		})
	})
}

// OnUpdate redraws with the new option.
func (c *Chart) OnUpdate(ctx app.Context) {
	if echartsReady() {
		ctx.Defer(c.draw) // after the element is updated
	}
}

// OnDismount frees the chart.
func (c *Chart) OnDismount() {
	c.mounted = false
	c.view.dispose()
}

func (c *Chart) draw(ctx app.Context) {
	if err := c.view.draw(c.ID, c.Option); err != nil {
		app.Log("chart:", err)
	}
}

func (c *Chart) onPNG(ctx app.Context, e app.Event) {
	if b := c.view.png(); b != nil {
		download(ctx, c.File+".png", "image/png", b)
	}
}

func (c *Chart) onSVG(ctx app.Context, e app.Event) {
	if b := c.view.svg(c.Option); b != nil {
		download(ctx, c.File+".svg", "image/svg+xml", b)
	}
}

// Render draws the chart's container and its download buttons.
func (c *Chart) Render() app.UI {
	l := c.Lang
	if l == "" {
		l = Zh
	}
	var note app.UI = app.Text("")
	if c.failed {
		note = app.P().Class("note").Text(T(l, "ch_failed"))
	}
	return app.Div().Class("chart-box").Body(
		note,
		app.Div().ID(c.ID).Class("chart "+c.Class),
		app.Div().Class("downloads").Body(
			app.Button().ID(c.ID+"-png").Text(T(l, "ch_png")).OnClick(c.onPNG),
			app.Button().ID(c.ID+"-svg").Text(T(l, "ch_svg")).OnClick(c.onSVG),
		),
	)
}
