//go:build !(js && wasm)

package main

// inWorker is false outside the browser.
func inWorker() bool { return false }

// serveEngine is never called outside the browser.
func serveEngine() {}
