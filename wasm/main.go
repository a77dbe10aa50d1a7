// Command wasm is the browser entry point of the NQP workbench's page,
// built with GOOS=js GOARCH=wasm -tags nqppage into web/app.wasm (the tag
// leaves out the engine side of package app and the file readers). It
// holds the user interface only; the engine (ingest, pipeline, analyses, XLSX) is the
// separate web/engine.wasm (./wasm/engine) that web/worker.js runs in a Web
// Worker, so the first load stays small and the page never freezes.
package main

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	nqpapp "github.com/nqp-index/nqp/app"
)

func main() {
	nqpapp.Routes()
	app.RunWhenOnBrowser()
}
