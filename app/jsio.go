package app

import (
	"encoding/json"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/nqp-index/nqp/scoring/diag"
)

// This file is the only place that talks to JavaScript.

// readFirstFile reads the first file of an <input type=file> element and
// calls done with its name and bytes on the UI goroutine.
func readFirstFile(ctx app.Context, input app.Value, done func(ctx app.Context, name string, b []byte)) {
	files := input.Get("files")
	if files.Length() == 0 {
		return
	}
	f := files.Index(0)
	name := f.Get("name").String()
	// Forget the choice, so that choosing the same file again (after a
	// cancel, or once it changed on disk) fires a new change event.
	input.Set("value", "")
	f.Call("arrayBuffer").Then(func(buf app.Value) {
		u8 := app.Window().Get("Uint8Array").New(buf)
		b := make([]byte, u8.Length())
		app.CopyBytesToGo(b, u8)
		ctx.Dispatch(func(ctx app.Context) { done(ctx, name, b) })
	})
}

// setSelectValue sets the value of the select with the given id, if any.
func setSelectValue(id, value string) {
	if !app.IsClient {
		return
	}
	if el := app.Window().GetElementByID(id); el.Truthy() {
		el.Set("value", value)
	}
}

// download offers data to the user as a file; nothing leaves the device.
func download(ctx app.Context, name, mime string, data []byte) {
	u8 := app.Window().Get("Uint8Array").New(len(data))
	app.CopyBytesToJS(u8, data)
	blob := app.Window().Get("Blob").New([]any{u8}, map[string]any{"type": mime})
	url := app.Window().Get("URL").Call("createObjectURL", blob)
	a := app.Window().Get("document").Call("createElement", "a")
	a.Set("href", url)
	a.Set("download", name)
	a.Call("click")
	ctx.After(time.Second, func(app.Context) { app.Window().Get("URL").Call("revokeObjectURL", url) })
}

// engineWorker runs Jobs in a Web Worker that hosts a second instance of
// app.wasm (web/worker.js), so the page never freezes while the engine
// works. Only the latest job's answer is used; Cancel restarts the worker.
type engineWorker struct {
	ctx     app.Context // the component's (not an event's) context
	w       app.Value
	ready   bool
	next    int
	latest  int
	pending *pendingJob
	done    func(ctx app.Context, o Outcome)
	// stage, if set, is told the stage the latest job has reached.
	stage func(ctx app.Context, s string)
}

type pendingJob struct {
	id  int
	job Job
}

// available reports whether the browser can run Web Workers.
func workersAvailable() bool {
	w := app.Window()
	return w.Truthy() && w.Get("Worker").Truthy()
}

// start creates the worker; answers are delivered through done on the UI goroutine.
func (e *engineWorker) start(ctx app.Context, done func(ctx app.Context, o Outcome)) {
	e.ctx, e.done = ctx, done
	e.ready = false
	e.w = app.Window().Get("Worker").New("/web/worker.js")
	e.w.Set("onmessage", app.FuncOf(func(this app.Value, args []app.Value) any {
		msg := args[0].Get("data")
		if msg.Get("ready").Truthy() {
			ctx.Dispatch(func(ctx app.Context) {
				e.ready = true
				if p := e.pending; p != nil {
					e.pending = nil
					e.post(p)
				}
			})
			return nil
		}
		if msg.Get("exited").Truthy() {
			// The engine stopped (a Go panic): report it with its last
			// output and start a fresh worker for the next job.
			text := msg.Get("log").String()
			ctx.Dispatch(func(ctx app.Context) {
				var o Outcome
				o.Report.Add(engineStopped(text))
				if e.w.Truthy() {
					e.w.Call("terminate")
				}
				e.latest = -1
				e.start(ctx, e.done)
				e.done(ctx, o)
			})
			return nil
		}
		id := msg.Get("id").Int()
		if st := msg.Get("stage"); st.Truthy() {
			s := st.String()
			ctx.Dispatch(func(ctx app.Context) {
				if id == e.latest && e.stage != nil {
					e.stage(ctx, s)
				}
			})
			return nil
		}
		u8 := app.Window().Get("Uint8Array").New(msg.Get("outcome"))
		b := make([]byte, u8.Length())
		app.CopyBytesToGo(b, u8)
		ctx.Dispatch(func(ctx app.Context) {
			if id != e.latest {
				return // a newer job was submitted meanwhile
			}
			o, err := DecodeOutcome(b)
			if err != nil {
				o.Report.Add(diag.New(diag.Error, "worker", "计算线程返回的结果无法读取："+err.Error(), "cannot read the engine's answer: "+err.Error()))
			}
			e.done(ctx, o)
		})
		return nil
	}))
}

// run submits a job.
func (e *engineWorker) run(j Job) {
	e.next++
	e.latest = e.next
	p := &pendingJob{id: e.next, job: j}
	if !e.ready {
		e.pending = p
		return
	}
	e.post(p)
}

func (e *engineWorker) post(p *pendingJob) {
	meta, _ := json.Marshal(p.job)
	u8 := app.Window().Get("Uint8Array").New(len(p.job.Data))
	app.CopyBytesToJS(u8, p.job.Data)
	buf := u8.Get("buffer")
	msg := app.Window().Get("Object").New()
	msg.Set("id", p.id)
	msg.Set("job", string(meta))
	msg.Set("data", buf)
	transfer := app.Window().Get("Array").New()
	transfer.Call("push", buf)
	e.w.Call("postMessage", msg, transfer)
}

// cancel stops the running job by restarting the worker.
func (e *engineWorker) cancel() {
	if e.w != nil && e.w.Truthy() {
		e.w.Call("terminate")
	}
	e.latest = -1
	e.start(e.ctx, e.done)
}
