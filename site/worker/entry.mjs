// The Worker's entry (wrangler.jsonc "main"), the only hand-written JS:
// it wraps the module that workers-assets-gen generates in build/.
//
// The generated module starts a Go instance of its own for every request,
// so a count kept in Go never sees another request: 200 concurrent
// POST /api/v1/score each got an instance (workerd grew to 2.9 GB) and
// all waited for the one thread (p99 98 s). Here
//   - at most entry.maxInFlight API requests with a body are worked on at
//     once; the rest get the API's 429 (Retry-After, a JSON error in
//     Chinese and English) without starting Go;
//   - GET /api/v1/ and /api/v1/templates, whose answers depend on the
//     build only, are answered from entry.answers without starting Go;
//   - everything else (other GETs, static assets) is passed on unchanged.
// build/entry.json is written by entrygen from site/api (api.MaxInFlight,
// api.Busy, api.Handler) with the site's headers.
import generated from "./build/worker.mjs";
import entry from "./build/entry.json";

// The requests worked on, each with its start time. A slot is freed when
// the Go handler has answered, when the client goes away (request.signal,
// compatibility flag enable_request_signal: on Cloudflare the request's
// pending promises are then dropped, so the answer may never come), and
// in any case after staleMs.
const slots = new Set();
const staleMs = 120_000;

function full() {
  const now = Date.now();
  for (const s of slots) {
    if (now - s.start > staleMs) {
      slots.delete(s);
    }
  }
  return slots.size >= entry.maxInFlight;
}

// drain reads and drops a refused request's body (up to entry.maxBody,
// then cancels it): a body left unread made workerd reset the connection
// under it, which wrangler dev's proxy turned into 503s.
async function drain(body) {
  if (body === null) {
    return;
  }
  const reader = body.getReader();
  let n = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        return;
      }
      n += value.byteLength;
      if (n > entry.maxBody) {
        await reader.cancel();
        return;
      }
    }
  } catch {
    // The client went away: nothing to drop.
  }
}

function answer({ status, headers, body }, head) {
  return new Response(head ? null : body, { status, headers });
}

async function fetch(request, env, ctx) {
  const path = new URL(request.url).pathname;
  if (!path.startsWith("/api/")) {
    return generated.fetch(request, env, ctx);
  }
  if (request.method === "GET" || request.method === "HEAD") {
    const a = Object.hasOwn(entry.answers, path) ? entry.answers[path] : undefined;
    return a ? answer(a, request.method === "HEAD") : generated.fetch(request, env, ctx);
  }
  if (full()) {
    await drain(request.body);
    return answer(entry.busy, false);
  }
  const slot = { start: Date.now() };
  slots.add(slot);
  const release = () => slots.delete(slot);
  request.signal?.addEventListener("abort", release);
  try {
    // Resolved once the Go handler has written the headers: the API
    // computes the whole answer first, so the work is done; the body
    // (written from memory) is not waited for, since a client that went
    // away in wrangler dev never reads it nor aborts the request.
    return await generated.fetch(request, env, ctx);
  } finally {
    release();
  }
}

export default { ...generated, fetch };
