//go:build js && wasm

package main

import (
	"encoding/json"
	"syscall/js"

	nqpapp "github.com/nqp-index/nqp/app"
)

// serveEngine answers {id, job (JSON), data (ArrayBuffer)} messages with
// {id, outcome (ArrayBuffer, app.EncodeOutcome)}, the buffer transferred
// rather than copied, after {id, stage} messages as the work goes on
// (app.Stage*); it first posts {ready: true}. Jobs run one at a
// time; of several waiting, only the newest. Nothing leaves the browser: the worker only talks to
// the page that started it.
func serveEngine() {
	var engine nqpapp.Engine
	jobs := make(chan js.Value, 16)
	js.Global().Set("onmessage", js.FuncOf(func(this js.Value, args []js.Value) any {
		jobs <- args[0].Get("data")
		return nil
	}))
	js.Global().Call("postMessage", map[string]any{"ready": true})
	for msg := range jobs {
		// Run only the newest of the waiting jobs: the page uses the
		// answer to its latest job only (side jobs come one at a time).
		for more := true; more; {
			select {
			case m := <-jobs:
				msg = m
			default:
				more = false
			}
		}
		id := msg.Get("id").Int()
		engine.Progress = func(stage string) {
			js.Global().Call("postMessage", map[string]any{"id": id, "stage": stage})
		}
		var job nqpapp.Job
		var out nqpapp.Outcome
		if err := json.Unmarshal([]byte(msg.Get("job").String()), &job); err != nil {
			out.Report.Add(nqpapp.JobError(err))
		} else {
			u8 := js.Global().Get("Uint8Array").New(msg.Get("data"))
			job.Data = make([]byte, u8.Length())
			js.CopyBytesToGo(job.Data, u8)
			out = engine.Do(job)
		}
		engine.Progress(nqpapp.StageSend)
		b, err := nqpapp.EncodeOutcome(out)
		if err != nil {
			var o nqpapp.Outcome
			o.Report.Add(nqpapp.JobError(err))
			b, _ = nqpapp.EncodeOutcome(o)
		}
		buf := js.Global().Get("Uint8Array").New(len(b))
		js.CopyBytesToJS(buf, b)
		ab := buf.Get("buffer")
		js.Global().Call("postMessage", map[string]any{"id": id, "outcome": ab}, []any{ab})
	}
}
