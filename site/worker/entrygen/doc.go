// Command entrygen writes build/entry.json, the data of the Worker's JS
// entry (site/worker/entry.mjs), from the Go API itself so that the JS
// side keeps no copy of it:
//
//   - maxInFlight: how many API requests with a body are worked on at
//     once (api.MaxInFlight), and busy: the whole 429 answer beyond that
//     (api.Busy with the site's headers for /api/ and Retry-After), and
//     maxBody (api.MaxBody): how much of a refused request's body is read
//     and dropped before the 429;
//   - answers: the whole answers of GET /api/v1/ and /api/v1/templates,
//     which depend on the build only, so that they cost no Go instance.
//
// Run by `make worker`:
//
//	go run ./entrygen -o build/entry.json
package main
