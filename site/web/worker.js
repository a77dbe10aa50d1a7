// Runs the NQP engine (web/engine.wasm, built from ./wasm/engine) in a Web Worker.
importScripts('/wasm_exec.js');
const go = new Go();
WebAssembly.instantiateStreaming(fetch('/web/engine.wasm'), go.importObject).then((r) => go.run(r.instance));
