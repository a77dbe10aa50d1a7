package hosting

import (
	"fmt"
	"hash/fnv"
	"io"
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/BurntSushi/toml"
)

// Server serves the static site in dir as the static hosts do: a file, or
// a directory's index.html (for paths ending in "/"); otherwise the first
// matching redirect (404: the target's body with status 404; 200: the
// target's body, a rewrite). Headers come from rules by request path, and
// when the client accepts it a precompressed name.br or name.gz beside a
// file is sent instead. There are no directory listings.
func Server(dir string, rules []Rule, redirects []Redirect) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		p := r.URL.Path
		Apply(w.Header(), rules, p)
		if name, ok := file(dir, p); ok {
			serveFile(w, r, name, http.StatusOK)
			return
		}
		for _, rd := range redirects {
			if !Match(rd.From, p) {
				continue
			}
			if name, ok := file(dir, rd.To); ok {
				serveFile(w, r, name, rd.Status)
				return
			}
		}
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(http.StatusNotFound)
		fmt.Fprintln(w, "404 not found")
	})
}

// file maps a URL path to an existing regular file under dir.
func file(dir, p string) (string, bool) {
	if strings.Contains(p, "..") || strings.Contains(p, "\x00") {
		return "", false
	}
	name := filepath.Join(dir, filepath.FromSlash(path.Clean("/"+p)))
	if strings.HasSuffix(p, "/") {
		name = filepath.Join(name, "index.html")
	}
	fi, err := os.Stat(name)
	if err != nil || !fi.Mode().IsRegular() {
		return "", false
	}
	return name, true
}

// serveFile sends name with status, using a precompressed variant when the
// client accepts it.
func serveFile(w http.ResponseWriter, r *http.Request, name string, status int) {
	h := w.Header()
	if h.Get("Content-Type") == "" {
		ct := mime.TypeByExtension(filepath.Ext(name))
		if ct == "" {
			ct = "application/octet-stream"
		}
		h.Set("Content-Type", ct)
	}
	send := name
	if status == http.StatusOK && r.Header.Get("Range") == "" {
		h.Add("Vary", "Accept-Encoding")
		ae := r.Header.Get("Accept-Encoding")
		for _, enc := range []struct{ token, ext string }{{"br", ".br"}, {"gzip", ".gz"}} {
			if !strings.Contains(ae, enc.token) {
				continue
			}
			if fi, err := os.Stat(name + enc.ext); err == nil && fi.Mode().IsRegular() {
				send = name + enc.ext
				h.Set("Content-Encoding", enc.token)
				break
			}
		}
	}
	// From disk, never whole in memory: each request streams the file.
	f, err := os.Open(send)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	if status != http.StatusOK {
		h.Set("Content-Length", fmt.Sprint(fi.Size()))
		w.WriteHeader(status)
		if r.Method != http.MethodHead {
			io.Copy(w, f)
		}
		return
	}
	tag, err := etagOf(send, fi, f)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	// A fixed modification time: validation is by ETag only, so that the
	// answer does not depend on when the files were written.
	h.Set("ETag", tag)
	http.ServeContent(w, r, "", time.Time{}, f)
}

// etags caches each file's ETag by name, size and modification time.
var etags sync.Map // etagKey → string

type etagKey struct {
	name string
	size int64
	mod  time.Time
}

// etagOf returns the ETag of the open file f (content hash and length),
// computed once per version of the file, reading it as a stream; f is
// left at its start.
func etagOf(name string, fi os.FileInfo, f *os.File) (string, error) {
	k := etagKey{name, fi.Size(), fi.ModTime()}
	if v, ok := etags.Load(k); ok {
		return v.(string), nil
	}
	hs := fnv.New64a()
	n, err := io.Copy(hs, f)
	if err != nil {
		return "", err
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return "", err
	}
	tag := fmt.Sprintf(`"%016x-%d"`, hs.Sum64(), n)
	etags.Store(k, tag)
	return tag, nil
}

// Netlify is the part of netlify.toml that this package reads.
type Netlify struct {
	Build struct {
		Command     string            `toml:"command"`
		Publish     string            `toml:"publish"`
		Environment map[string]string `toml:"environment"`
	} `toml:"build"`
	Headers []struct {
		For    string            `toml:"for"`
		Values map[string]string `toml:"values"`
	} `toml:"headers"`
	Redirects []struct {
		From   string `toml:"from"`
		To     string `toml:"to"`
		Status int    `toml:"status"`
		Force  bool   `toml:"force"`
	} `toml:"redirects"`
}

// ParseNetlify reads netlify.toml and returns its header rules (with the
// header names in the order of the file) and redirects.
func ParseNetlify(b []byte) (Netlify, []Rule, []Redirect, error) {
	var n Netlify
	md, err := toml.Decode(string(b), &n)
	if err != nil {
		return n, nil, nil, err
	}
	if und := md.Undecoded(); len(und) > 0 {
		return n, nil, nil, fmt.Errorf("netlify.toml: keys this parser does not know: %v", und)
	}
	var rules []Rule
	for i, h := range n.Headers {
		r := Rule{For: h.For}
		for _, name := range orderedKeys(md, i) {
			r.Headers = append(r.Headers, Header{name, h.Values[name]})
		}
		rules = append(rules, r)
	}
	var rds []Redirect
	for _, r := range n.Redirects {
		rds = append(rds, Redirect{r.From, r.To, r.Status})
	}
	return n, rules, rds, nil
}

// orderedKeys returns the names under the i-th [[headers]] values table
// in file order.
func orderedKeys(md toml.MetaData, i int) []string {
	var out []string
	n := -1
	for _, k := range md.Keys() {
		if len(k) == 1 && k[0] == "headers" {
			n++
			continue
		}
		if n == i && len(k) == 3 && k[0] == "headers" && k[1] == "values" {
			out = append(out, k[2])
		}
	}
	return out
}
