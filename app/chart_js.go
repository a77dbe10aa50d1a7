package app

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// This file is the only place that talks to ECharts (window.echarts, from
// /web/echarts.min.js, bundled into the site at build time). The library is
// loaded on first use, so pages without charts do not pay for it.

// echartsURL is the bundled library (precached by the service worker).
const echartsURL = "/web/echarts.min.js"

// echartsLoader loads the library once and runs the waiting callbacks.
var echartsLoader struct {
	requested bool
	failed    bool
	waiting   []func(ok bool)
}

// echartsReady reports whether window.echarts is loaded.
func echartsReady() bool { return app.Window().Get("echarts").Truthy() }

// withECharts calls fn(true) once window.echarts is available, or fn(false)
// if the script cannot be loaded. fn runs on the JavaScript event loop:
// use ctx.Dispatch to get back to the UI goroutine.
func withECharts(ctx app.Context, fn func(ok bool)) {
	w := app.Window()
	if w.Get("echarts").Truthy() {
		fn(true)
		return
	}
	if echartsLoader.failed {
		fn(false)
		return
	}
	echartsLoader.waiting = append(echartsLoader.waiting, fn)
	if echartsLoader.requested {
		return
	}
	echartsLoader.requested = true
	doc := w.Get("document")
	s := doc.Call("createElement", "script")
	var onload, onerror app.Func
	finish := func(ok bool) {
		onload.Release()
		onerror.Release()
		echartsLoader.failed = !ok
		echartsLoader.requested = ok
		waiting := echartsLoader.waiting
		echartsLoader.waiting = nil
		for _, f := range waiting {
			f(ok)
		}
	}
	onload = app.FuncOf(func(app.Value, []app.Value) any { finish(true); return nil })
	onerror = app.FuncOf(func(app.Value, []app.Value) any { finish(false); return nil })
	s.Set("onload", onload)
	s.Set("onerror", onerror)
	s.Set("src", ctx.ResolveStaticResource(echartsURL))
	doc.Get("head").Call("appendChild", s)
}

// jsOption converts an option built in Go into a JavaScript object (through
// JSON, which handles every slice and map type).
func jsOption(option map[string]any) (app.Value, error) {
	b, err := json.Marshal(option)
	if err != nil {
		return nil, err
	}
	return app.Window().Get("JSON").Call("parse", string(b)), nil
}

// catchJS turns an exception thrown by ECharts (a Go panic in syscall/js)
// into an error, so that a chart cannot stop the app; use it deferred.
func catchJS(err *error) {
	if r := recover(); r != nil {
		app.Log("chart:", r)
		if err != nil {
			*err = fmt.Errorf("chart: %v", r)
		}
	}
}

// echartsView is one live chart.
type echartsView struct {
	inst     app.Value
	onResize app.Func
}

// draw creates the chart in the element with id (once) and sets option,
// replacing the previous one.
func (v *echartsView) draw(id string, option map[string]any) (err error) {
	defer catchJS(&err)
	el := app.Window().Get("document").Call("getElementById", id)
	if !el.Truthy() {
		return nil
	}
	opt, err := jsOption(option)
	if err != nil {
		return err
	}
	if v.inst == nil || !v.inst.Truthy() || v.inst.Call("isDisposed").Truthy() {
		v.inst = app.Window().Get("echarts").Call("init", el, nil, map[string]any{"renderer": "canvas"})
		v.onResize = app.FuncOf(func(app.Value, []app.Value) any {
			if v.inst != nil && v.inst.Truthy() && !v.inst.Call("isDisposed").Truthy() {
				v.inst.Call("resize")
			}
			return nil
		})
		app.Window().Call("addEventListener", "resize", v.onResize)
	}
	v.inst.Call("resize") // the container's class may have changed its size
	v.inst.Call("setOption", opt, map[string]any{"notMerge": true})
	return nil
}

// dispose frees the chart.
func (v *echartsView) dispose() {
	defer catchJS(nil)
	if v.onResize != nil {
		app.Window().Call("removeEventListener", "resize", v.onResize)
		v.onResize.Release()
		v.onResize = nil
	}
	if v.inst != nil && v.inst.Truthy() && !v.inst.Call("isDisposed").Truthy() {
		v.inst.Call("dispose")
	}
	v.inst = nil
}

// png returns the chart as PNG bytes (twice the screen resolution).
func (v *echartsView) png() (b []byte) {
	defer catchJS(nil)
	if v.inst == nil || !v.inst.Truthy() {
		return nil
	}
	url := v.inst.Call("getDataURL", map[string]any{"type": "png", "pixelRatio": 2, "backgroundColor": "#ffffff"}).String()
	_, b64, ok := strings.Cut(url, ";base64,")
	if !ok {
		return nil
	}
	b, err := base64.StdEncoding.DecodeString(b64)
	if err != nil {
		return nil
	}
	return b
}

// svg renders option as an SVG document of the live chart's size, with
// ECharts' server-side renderer (no DOM, no animation).
func (v *echartsView) svg(option map[string]any) (b []byte) {
	defer catchJS(nil)
	if v.inst == nil || !v.inst.Truthy() {
		return nil
	}
	opt, err := jsOption(option)
	if err != nil {
		return nil
	}
	opt.Set("animation", false)
	w, h := v.inst.Call("getWidth").Int(), v.inst.Call("getHeight").Int()
	ssr := app.Window().Get("echarts").Call("init", nil, nil, map[string]any{"renderer": "svg", "ssr": true, "width": w, "height": h})
	defer ssr.Call("dispose")
	ssr.Call("setOption", opt)
	return []byte(ssr.Call("renderToSVGString").String())
}
