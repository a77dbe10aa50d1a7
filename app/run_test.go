package app

// Run computes the current Job in this goroutine, as the engine worker
// would; the page itself never links the engine (it lives in engine.wasm).
func (w *Workspace) Run() { w.Apply(Compute(w.Job())) }
