// Runs the NQP engine (the same app.wasm as the page) in a Web Worker.
importScripts('/wasm_exec.js');
const go = new Go();
WebAssembly.instantiateStreaming(fetch('/web/app.wasm'), go.importObject).then((r) => go.run(r.instance));
