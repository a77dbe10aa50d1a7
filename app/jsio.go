package app

import (
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
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
	f.Call("arrayBuffer").Then(func(buf app.Value) {
		u8 := app.Window().Get("Uint8Array").New(buf)
		b := make([]byte, u8.Length())
		app.CopyBytesToGo(b, u8)
		ctx.Dispatch(func(ctx app.Context) { done(ctx, name, b) })
	})
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
