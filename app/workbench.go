package app

import (
	"hash/crc32"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/nqp-index/nqp/scoring/diag"
)

// Workbench is the root component: load data, pick a framework, see the
// ranking of a period, the weights and the problem report.
type Workbench struct {
	app.Compo
	ws     Workspace
	engine *engineWorker // nil: compute in the page (no Web Worker support)
	tooBig bool          // the session could not be saved locally
	lost   bool          // the saved data could not be read back
	stored int           // the Workspace.rev whose data is in IndexedDB (0 = none)
	crc    uint32        // the CRC-32 of the data of Workspace.rev crcRev
	crcRev int
	// mounted is the context of OnMount: answers of the engine workers
	// are dispatched through it, since an event's context dies with its
	// element (a button re-rendered meanwhile would drop the answer).
	mounted app.Context
	cleared bool   // the local data was just cleared
	pasted  string // text pasted into the paste box
	// methodErr is the last refused method change or recipe upload (method.go).
	methodErr string
	// an is the analyses view's own state (analyses_view.go).
	an analysesState
}

// storageKey is where the session is kept in the browser's localStorage.
const storageKey = "nqp-project"

// OnMount restores the saved session, or loads the bundled sample so that
// the first visit shows a result.
func (c *Workbench) OnMount(ctx app.Context) {
	c.mounted = ctx
	if workersAvailable() && c.engine == nil {
		c.engine = &engineWorker{}
		c.engine.start(ctx, func(ctx app.Context, o Outcome) {
			c.ws.Apply(o)
			c.save(ctx)
			ctx.Defer(func(app.Context) { syncFieldValues() }) // once the new framework is drawn
		})
		c.engine.stage = func(ctx app.Context, s string) { c.ws.Stage = s }
	}
	if c.ws.Data != nil {
		return
	}
	var p Project
	if err := ctx.LocalStorage().Get(storageKey, &p); err != nil || p.Schema != ProjectSchema {
		c.ws.SetSample()
		c.compute(ctx)
		return
	}
	if p.DataStore != dataInIDB {
		c.restore(ctx, p, false)
		return
	}
	idbGet(ctx, idbData, func(ctx app.Context, b []byte, ok bool) {
		if ok && crc32.ChecksumIEEE(b) == p.DataCRC {
			p.Data = b
			c.restore(ctx, p, true)
			return
		}
		c.lost = true
		c.ws.SetSample()
		c.compute(ctx)
	})
}

// restore opens a saved project and scores it (the sample if it cannot
// be opened); inIDB tells that its data is already in IndexedDB.
func (c *Workbench) restore(ctx app.Context, p Project, inIDB bool) {
	p.Recipe = tidyRecipe(p.Recipe) // a session saved by an earlier version
	if c.ws.Open(p) != nil {
		c.lost = true
		c.ws.SetSample()
	} else if inIDB {
		c.stored, c.crc, c.crcRev = c.ws.rev, p.DataCRC, c.ws.rev
	}
	c.compute(ctx)
}

// sideJob runs j in the side worker (compare.go) and calls done with its
// outcome on the UI goroutine.
func (c *Workbench) sideJob(j Job, done func(ctx app.Context, o Outcome)) {
	c.ws.side().submit(c.mounted, j, done)
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
	c.ws.Busy, c.ws.Stage = true, ""
	c.engine.run(c.ws.Job())
	// Store new data while the engine works (the page is idle meanwhile),
	// so that the answer is shown without waiting for IndexedDB.
	if c.stored != c.ws.rev {
		c.save(ctx)
	}
}

// dataInIDB marks a saved project whose data is in IndexedDB.
const dataInIDB = "indexeddb"

// save keeps the session: the data file in IndexedDB when it changed, the
// rest (a few kB) in localStorage, written once the data is stored so that
// the two always match. Without IndexedDB the data goes into localStorage
// too, as far as its quota allows.
func (c *Workbench) save(ctx app.Context) {
	p := c.ws.Project()
	if p.Data == nil || !app.IsClient {
		return
	}
	if c.crcRev != c.ws.rev {
		c.crc, c.crcRev = crc32.ChecksumIEEE(c.ws.Data), c.ws.rev
	}
	p.Data, p.DataStore, p.DataCRC = nil, dataInIDB, c.crc
	if c.stored == c.ws.rev {
		c.saveMeta(ctx, p)
		return
	}
	rev := c.ws.rev
	idbPut(ctx, idbData, c.ws.Data, func(ctx app.Context, err error) {
		if rev != c.ws.rev {
			return // newer data was selected meanwhile; its own save follows
		}
		if err != nil {
			c.tooBig = ctx.LocalStorage().Set(storageKey, c.ws.Project()) != nil
			return
		}
		c.stored = rev
		c.saveMeta(ctx, p)
	})
}

func (c *Workbench) saveMeta(ctx app.Context, p Project) {
	c.tooBig = ctx.LocalStorage().Set(storageKey, p) != nil
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
		c.tablesSection(l),   // every table of the result, a page at a time, from the engine
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
	if c.lost {
		note = T(l, "restore_lost")
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
			idbClear()
			c.ws.Clear()
			c.stored = 0
			c.cleared = true
		}),
	)
}

// Routes registers the app's pages; call it in the wasm entry point and in
// the native site generator.
func Routes() {
	app.Route("/", func() app.Composer { return &Workbench{} })
}
