//go:build !(js && wasm)

package main

// serveEngine does nothing outside the browser.
func serveEngine() {}
