package main

import (
	"bufio"
	"crypto/rand"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// start serves dir with l on a loopback port and returns its base URL.
func start(t *testing.T, dir string, l limits) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := newServer(dir, l)
	go srv.Serve(limitListener(ln, l.maxConns))
	t.Cleanup(func() { srv.Close() })
	return "http://" + ln.Addr().String()
}

// TestConcurrentDownloads: 100 clients download an 8 MB file at once;
// each gets every byte, and the server's heap does not grow with them
// (it read the whole file per request: 100 × 8 MB before).
func TestConcurrentDownloads(t *testing.T) {
	dir := t.TempDir()
	const size = 8 << 20
	data := make([]byte, size)
	rand.Read(data)
	os.MkdirAll(filepath.Join(dir, "web"), 0o755)
	if err := os.WriteFile(filepath.Join(dir, "web", "engine.wasm"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	want := sha256.Sum256(data)
	base := start(t, dir, limits{readHeader: 5 * time.Second, read: 10 * time.Second, write: time.Minute, idle: 10 * time.Second, maxConns: 512})
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 200, DisableCompression: true}, Timeout: 2 * time.Minute}
	defer client.CloseIdleConnections()

	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base0 := ms.HeapAlloc
	var peak atomic.Uint64
	stop := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		var m runtime.MemStats
		for {
			select {
			case <-stop:
				return
			case <-time.After(50 * time.Millisecond):
			}
			runtime.ReadMemStats(&m)
			if m.HeapAlloc > peak.Load() {
				peak.Store(m.HeapAlloc)
			}
		}
	}()
	const clients = 100
	var wg sync.WaitGroup
	errs := make(chan error, clients)
	for range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			res, err := client.Get(base + "/web/engine.wasm")
			if err != nil {
				errs <- err
				return
			}
			defer res.Body.Close()
			h := sha256.New()
			n, err := io.Copy(h, res.Body)
			if err != nil || res.StatusCode != 200 || n != size || [32]byte(h.Sum(nil)) != want {
				errs <- fmt.Errorf("status %d, %d bytes, %v", res.StatusCode, n, err)
			}
		}()
	}
	wg.Wait()
	close(stop)
	<-sampled
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	grew := int64(peak.Load()) - int64(base0)
	t.Logf("%d downloads of %d MB; peak heap growth %.1f MB", clients, size>>20, float64(grew)/(1<<20))
	// Buffers only: 100 clients × 8 MB would be 800 MB.
	if grew > 64<<20 {
		t.Errorf("heap grew by %.1f MB during the downloads", float64(grew)/(1<<20))
	}
}

// TestSlowHeadersClosed: connections that never finish their headers are
// closed by ReadHeaderTimeout, and while the connection bound is taken by
// them other clients wait in the listen queue until it frees.
func TestSlowHeadersClosed(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "index.html"), []byte("<!doctype html><title>x</title>"), 0o644)
	const timeout = 300 * time.Millisecond
	base := start(t, dir, limits{readHeader: timeout, read: time.Second, write: 5 * time.Second, idle: time.Second, maxConns: 8})
	addr := base[len("http://"):]
	const slow = 8
	conns := make([]net.Conn, slow)
	for i := range conns {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		io.WriteString(c, "GET / HTTP/1.1\r\nHost: x\r\n") // never ends
		conns[i] = c
	}
	began := time.Now()
	// The bound is taken: a normal request is answered only once the
	// slow connections are closed.
	res, err := http.Get(base + "/")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	waited := time.Since(began)
	if res.StatusCode != 200 || waited < timeout/2 {
		t.Errorf("status %d after %v: the slow connections should have held the %d slots", res.StatusCode, waited, slow)
	}
	for i, c := range conns {
		c.SetReadDeadline(time.Now().Add(5 * time.Second))
		_, err := io.ReadAll(bufio.NewReader(c))
		var ne net.Error
		if errors.As(err, &ne) && ne.Timeout() {
			t.Errorf("slow connection %d still open after 5 s", i)
		}
	}
	if d := time.Since(began); d > 4*time.Second {
		t.Errorf("closing the slow connections took %v (timeout %v)", d, timeout)
	}
}
