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

let inFlight = 0;

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
  if (inFlight >= entry.maxInFlight) {
    return answer(entry.busy, false);
  }
  inFlight++;
  let held = true;
  const release = () => {
    if (held) {
      held = false;
      inFlight--;
    }
  };
  try {
    const response = await generated.fetch(request, env, ctx);
    if (response.body === null) {
      release();
      return response;
    }
    // The Go instance writes the body after the headers: the slot is
    // held until the body is through (or the client went away).
    const { readable, writable } = new TransformStream();
    ctx.waitUntil(response.body.pipeTo(writable).then(release, release));
    return new Response(readable, response);
  } catch (err) {
    release();
    throw err;
  }
}

export default { ...generated, fetch };
