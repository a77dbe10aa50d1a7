// Command wasm is the browser entry point of the NQP workbench, built with
// GOOS=js GOARCH=wasm into web/app.wasm. The same binary runs the page (go-app)
// and, started by web/worker.js inside a Web Worker, the engine.
package main

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	nqpapp "github.com/nqp-index/nqp/app"
)

func main() {
	if inWorker() {
		serveEngine()
		return
	}
	nqpapp.Routes()
	app.RunWhenOnBrowser()
}
