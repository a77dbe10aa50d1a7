// Command serve serves a built site directory (dist/) as the deployments
// do: the headers of site/hosting, 404 for missing assets, the app for
// client routes, precompressed .br/.gz when accepted. For intranet hosting
// without another web server, and for audits:
//
//	go run ./site/serve -dir dist -addr 127.0.0.1:8080
package main

import (
	"flag"
	"log"
	"net/http"

	"github.com/nqp-index/nqp/site/hosting"
)

func main() {
	dir := flag.String("dir", "dist", "the built site")
	addr := flag.String("addr", "127.0.0.1:8080", "listen address")
	flag.Parse()
	log.Printf("serving %s on http://%s", *dir, *addr)
	log.Fatal(http.ListenAndServe(*addr, hosting.Server(*dir, hosting.Rules, hosting.Redirects)))
}
