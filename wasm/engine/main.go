// Command engine is the NQP engine for the browser, built with GOOS=js
// GOARCH=wasm into web/engine.wasm and run in a Web Worker by
// web/worker.js. It answers the page's jobs (app.Job → app.Outcome).
package main

func main() { serveEngine() }
