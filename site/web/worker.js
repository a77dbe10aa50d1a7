// Runs the NQP engine (web/engine.wasm, built from ./wasm/engine) in a Web Worker.
// If the engine stops (a Go panic ends the program), the page is told, with
// the engine's last output lines, instead of waiting for an answer forever.
const lines = [];
const log = console.log;
console.log = (...a) => { lines.push(a.join(' ')); if (lines.length > 40) lines.shift(); log(...a); };
importScripts('/wasm_exec.js');
const go = new Go();
WebAssembly.instantiateStreaming(fetch('/web/engine.wasm'), go.importObject)
  .then((r) => go.run(r.instance))
  .then(() => postMessage({ exited: true, log: lines.join('\n') }), (e) => postMessage({ exited: true, log: lines.join('\n') + '\n' + e }));
