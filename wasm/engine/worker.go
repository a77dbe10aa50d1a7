//go:build js && wasm

package main

import (
	"encoding/json"
	"syscall/js"

	nqpapp "github.com/nqp-index/nqp/app"
)

// serveEngine answers {id, job (JSON), data (ArrayBuffer)} messages with
// {id, outcome (JSON)}; it first posts {ready: true}. Nothing leaves the
// browser: the worker only talks to the page that started it.
func serveEngine() {
	js.Global().Set("onmessage", js.FuncOf(func(this js.Value, args []js.Value) any {
		msg := args[0].Get("data")
		id := msg.Get("id").Int()
		var job nqpapp.Job
		err := json.Unmarshal([]byte(msg.Get("job").String()), &job)
		u8 := js.Global().Get("Uint8Array").New(msg.Get("data"))
		job.Data = make([]byte, u8.Length())
		js.CopyBytesToGo(job.Data, u8)
		go func() {
			var out nqpapp.Outcome
			if err != nil {
				out.Report.Add(nqpapp.JobError(err))
			} else {
				out = nqpapp.Compute(job)
			}
			b, _ := json.Marshal(out) // an Outcome always encodes
			js.Global().Call("postMessage", map[string]any{"id": id, "outcome": string(b)})
		}()
		return nil
	}))
	js.Global().Call("postMessage", map[string]any{"ready": true})
	select {}
}
