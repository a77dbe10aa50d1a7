package app

import (
	"errors"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The data file of the session is kept in IndexedDB (localStorage holds
// about 5 MB, a county panel four times that); the rest of the project
// stays in localStorage (workbench.go). This file and jsio.go are the only
// places that talk to JavaScript.

const (
	idbName  = "nqp"   // database
	idbStore = "files" // object store: key → ArrayBuffer
	idbData  = "data"  // the session's data file
)

// idbOpen opens the database and calls done(db) or fail(err) on the JS
// side; the callers dispatch to the UI goroutine.
func idbOpen(done func(db app.Value), fail func(error)) {
	idb := app.Window().Get("indexedDB")
	if !idb.Truthy() {
		fail(errors.New("no IndexedDB"))
		return
	}
	req := idb.Call("open", idbName, 1)
	var fns []app.Func
	release := func() {
		for _, f := range fns {
			f.Release()
		}
	}
	on := func(event string, f func(app.Value, []app.Value) any) {
		fn := app.FuncOf(f)
		fns = append(fns, fn)
		req.Set(event, fn)
	}
	on("onupgradeneeded", func(app.Value, []app.Value) any {
		req.Get("result").Call("createObjectStore", idbStore)
		return nil
	})
	on("onsuccess", func(app.Value, []app.Value) any {
		db := req.Get("result")
		release()
		done(db)
		return nil
	})
	on("onerror", func(app.Value, []app.Value) any {
		err := errors.New(req.Get("error").Call("toString").String())
		release()
		fail(err)
		return nil
	})
}

// idbRequest runs op(store) in a transaction and calls done with the
// request's result once the transaction has completed.
func idbRequest(mode string, op func(store app.Value) app.Value, done func(result app.Value, err error)) {
	idbOpen(func(db app.Value) {
		tx := db.Call("transaction", idbStore, mode)
		req := op(tx.Call("objectStore", idbStore))
		var complete, fail app.Func
		finish := func(res app.Value, err error) {
			complete.Release()
			fail.Release()
			db.Call("close")
			done(res, err)
		}
		complete = app.FuncOf(func(app.Value, []app.Value) any {
			finish(req.Get("result"), nil)
			return nil
		})
		fail = app.FuncOf(func(app.Value, []app.Value) any {
			msg := "IndexedDB transaction failed"
			if e := tx.Get("error"); e.Truthy() {
				msg = e.Call("toString").String()
			}
			finish(nil, errors.New(msg))
			return nil
		})
		tx.Set("oncomplete", complete)
		tx.Set("onerror", fail)
		tx.Set("onabort", fail)
	}, func(err error) { done(nil, err) })
}

// idbPut stores b under key; done runs on the UI goroutine.
func idbPut(ctx app.Context, key string, b []byte, done func(ctx app.Context, err error)) {
	u8 := app.Window().Get("Uint8Array").New(len(b))
	app.CopyBytesToJS(u8, b)
	idbRequest("readwrite", func(s app.Value) app.Value { return s.Call("put", u8.Get("buffer"), key) },
		func(_ app.Value, err error) { ctx.Dispatch(func(ctx app.Context) { done(ctx, err) }) })
}

// idbGet reads key; done gets ok = false when there is no such entry or
// the database cannot be read.
func idbGet(ctx app.Context, key string, done func(ctx app.Context, b []byte, ok bool)) {
	idbRequest("readonly", func(s app.Value) app.Value { return s.Call("get", key) },
		func(res app.Value, err error) {
			var b []byte
			ok := err == nil && res != nil && res.Truthy()
			if ok {
				u8 := app.Window().Get("Uint8Array").New(res)
				b = make([]byte, u8.Length())
				app.CopyBytesToGo(b, u8)
			}
			ctx.Dispatch(func(ctx app.Context) { done(ctx, b, ok) })
		})
}

// idbClear deletes every entry.
func idbClear() {
	idbRequest("readwrite", func(s app.Value) app.Value { return s.Call("clear") }, func(app.Value, error) {})
}
