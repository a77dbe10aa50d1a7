package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/nqp-index/nqp/scoring/diag"
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
	// methodErr is the last refused method change or recipe upload (method.go).
	methodErr string
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

// compute runs the current job in the engine's Web Worker.
func (c *Workbench) compute(ctx app.Context) {
	if c.ws.Data == nil {
		return
	}
	if c.engine == nil {
		c.ws.Report = diag.Report{}
		c.ws.Report.Add(noWorker())
		return
	}
	c.ws.Busy = true
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
		&UpdateBanner{Lang: l}, // a new version: announced, applied on consent (app/update.go)
		c.dataSection(l),
		c.checkSection(l),
		c.frameworkSection(l),
		c.method(l),
		c.resultsSection(l),
		c.analysesSection(l), // the declared analyses and their tables (analyses_view.go)
		c.reweightSection(l), c.compareSection(l), c.modelSection(l), c.exportSection(l),
		c.chartsSection(l),
		c.storage(l),
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

// Routes registers the app's pages; call it in the wasm entry point and in
// the native site generator.
func Routes() {
	app.Route("/", func() app.Composer { return &Workbench{} })
}
