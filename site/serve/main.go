// Command serve serves a built site directory (dist/) as the deployments
// do: the headers of site/hosting, 404 for missing assets, the app for
// client routes, precompressed .br/.gz when accepted. For intranet hosting
// without another web server, and for audits:
//
//	go run ./site/serve -dir dist -addr 127.0.0.1:8080
//
// Files are streamed from disk (http.ServeContent), so memory does not
// grow with the number of clients; slow or idle connections are closed by
// timeouts, and at most -max-conns connections are served at once (more
// wait in the listen queue).
package main

import (
	"flag"
	"log"
	"net"
	"net/http"
	"time"

	"golang.org/x/net/netutil"

	"github.com/nqp-index/nqp/site/hosting"
)

// limits are the server's timeouts and connection bound.
type limits struct {
	readHeader, read, write, idle time.Duration
	maxConns                      int
}

// defaults suit an intranet: engine.wasm (about 10 MB) takes 80 s at
// 1 Mbit/s, well within the write timeout.
var defaults = limits{
	readHeader: 10 * time.Second,
	read:       30 * time.Second,
	write:      5 * time.Minute,
	idle:       60 * time.Second,
	maxConns:   512,
}

func main() {
	dir := flag.String("dir", "dist", "the built site")
	addr := flag.String("addr", "127.0.0.1:8080", "listen address")
	l := defaults
	flag.DurationVar(&l.readHeader, "read-header-timeout", l.readHeader, "time to read a request's headers")
	flag.DurationVar(&l.read, "read-timeout", l.read, "time to read a whole request")
	flag.DurationVar(&l.write, "write-timeout", l.write, "time to write a whole answer")
	flag.DurationVar(&l.idle, "idle-timeout", l.idle, "time a kept-alive connection may stay idle")
	flag.IntVar(&l.maxConns, "max-conns", l.maxConns, "connections served at once")
	flag.Parse()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("serving %s on http://%s", *dir, *addr)
	log.Fatal(serve(ln, *dir, l))
}

// newServer returns the server of dir with the limits' timeouts.
func newServer(dir string, l limits) *http.Server {
	return &http.Server{
		Handler:           hosting.Server(dir, hosting.Rules, hosting.Redirects),
		ReadHeaderTimeout: l.readHeader,
		ReadTimeout:       l.read,
		WriteTimeout:      l.write,
		IdleTimeout:       l.idle,
		MaxHeaderBytes:    64 << 10,
	}
}

// serve serves dir on ln, at most l.maxConns connections at once.
func serve(ln net.Listener, dir string, l limits) error {
	return newServer(dir, l).Serve(limitListener(ln, l.maxConns))
}

// limitListener accepts at most n connections at once.
func limitListener(ln net.Listener, n int) net.Listener {
	return netutil.LimitListener(ln, n)
}
