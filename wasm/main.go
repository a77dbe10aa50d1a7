// Command wasm is the browser entry point of the NQP workbench, built with
// GOOS=js GOARCH=wasm into web/app.wasm.
package main

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	nqpapp "github.com/nqp-index/nqp/app"
)

func main() {
	nqpapp.Routes()
	app.RunWhenOnBrowser()
}
