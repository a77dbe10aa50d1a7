// Package app holds the go-app components of the browser workbench and its
// message catalogue (zh-CN by default, English one click away).
//
// Components are thin: the work (loading a file, scoring it) is done by
// plain Go methods of Workspace, and the components only render a
// Workspace and forward events to it.
//
// The engine side is Engine (engine_cache.go) and Compute (engine.go):
// the worker (wasm/engine) runs Jobs with them and answers with the page's
// share of each Outcome, encoded by EncodeOutcome (codec.go); exports and
// the table viewer's pages are answered from the engine's cached full
// outcome. jsio.go and idb.go are the only files that talk to JavaScript
// (the Web Workers, downloads, IndexedDB); chart_js.go drives ECharts.
package app
