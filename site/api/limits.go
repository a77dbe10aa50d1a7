package api

import (
	"errors"
	"fmt"
	"io"
	"net/http"

	"github.com/nqp-index/nqp/scoring/diag"
	"github.com/nqp-index/nqp/scoring/ingest"
)

// Limits of the API, tighter than the CLI's: a request body is at most
// MaxBody bytes, so a workbook may unpack to at most MaxBody bytes too
// (ingest.Options.MaxBytes), and at most MaxCells cells are read.
const (
	MaxCells = 4_000_000
	// MaxInFlight is the number of POST requests worked on at once. The
	// engine runs on the Worker's one thread, so more would only queue
	// behind each other (and time out); the rest get 429 at once. In the
	// Worker every request runs in a Go instance of its own, so the count
	// is kept by its JS entry (site/worker/entry.mjs), before Go starts.
	MaxInFlight = 2
	// RetryAfter is the Retry-After (seconds) of a 429.
	RetryAfter = 2
)

// limitIngest applies the API's limits to ingest options.
func limitIngest(o *ingest.Options) {
	o.MaxBytes, o.MaxCells = MaxBody, MaxCells
}

// slots bounds the POST requests in flight.
var slots = make(chan struct{}, MaxInFlight)

// limit wraps an endpoint that reads a body: a declared Content-Length
// over MaxBody is refused with 413 before anything is read, a request
// beyond MaxInFlight with 429; the body is read through
// http.MaxBytesReader and always closed when the handler returns (which
// in the Worker cancels the rest of the stream, so that the next request
// is answered at once).
func limit(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if r.Body == nil { // the Worker's request without a body
			r.Body = http.NoBody
		}
		if r.ContentLength > MaxBody {
			// Not read at all: in workerd a body first read after the
			// answer is locked ("This ReadableStream is currently locked
			// to a reader", a panic); natively net/http closes it.
			r.Body.Close()
			tooLarge(w, r)
			return
		}
		body := &limitedBody{ReadCloser: r.Body}
		defer endBody(body)
		select {
		case slots <- struct{}{}:
			defer func() { <-slots }()
		default:
			Busy(w)
			return
		}
		r.Body = &limitedBody{ReadCloser: http.MaxBytesReader(w, body, MaxBody)}
		h(w, r)
	}
}

// Busy answers 429 with Retry-After: MaxInFlight requests are being
// worked on. The Worker gives the same answer before its Go program runs
// (site/worker/entry.mjs, from the build/entry.json that
// site/worker/entrygen writes).
func Busy(w http.ResponseWriter) {
	w.Header().Set("Retry-After", fmt.Sprint(RetryAfter))
	fail(w, http.StatusTooManyRequests, "busy",
		fmt.Sprintf("服务器正忙（已有 %d 个请求在计算），请 %d 秒后重试", MaxInFlight, RetryAfter),
		fmt.Sprintf("the server is busy (%d requests are being computed); retry in %d seconds", MaxInFlight, RetryAfter), nil)
}

// tooLarge answers 413 and closes the request: it is not read further.
func tooLarge(w http.ResponseWriter, r *http.Request) {
	limitMB := MaxBody >> 20
	fail(w, http.StatusRequestEntityTooLarge, "too-large",
		fmt.Sprintf("请求过大：上限为 %d MB", limitMB),
		fmt.Sprintf("request too large: the limit is %d MB", limitMB), nil)
}

// parseFailed answers a request that could not be read: 413 when its
// body ran past MaxBody, else 400.
func parseFailed(w http.ResponseWriter, r *http.Request, err error) {
	var mb *http.MaxBytesError
	if lb, ok := r.Body.(*limitedBody); errors.As(err, &mb) || ok && lb.over {
		tooLarge(w, r)
		return
	}
	fail(w, http.StatusBadRequest, "bad-request", "请求无法解析："+diag.Message(err, "zh"), "cannot read the request: "+diag.Message(err, "en"), nil)
}

// DrainBody is how much of a request body left unread is read and
// discarded after the answer. The Worker sets it: in workerd
// (syumai/workers) a body left unread held the next request until another
// one arrived, and cancelling it aborts the answer (and a cancelled answer
// ends the Go program). Natively it is 0: net/http discards or closes.
var DrainBody int64

// endBody drains (up to DrainBody) and closes a request body that was
// read from; one never read is only closed.
func endBody(b *limitedBody) {
	if DrainBody > 0 && b.read {
		io.Copy(io.Discard, io.LimitReader(b, DrainBody))
	}
	b.Close()
}

// limitedBody records that the body ran past MaxBody, since decoders do
// not all keep the *http.MaxBytesError in the errors they return.
type limitedBody struct {
	io.ReadCloser
	over, read bool
}

func (b *limitedBody) Read(p []byte) (int, error) {
	b.read = true
	n, err := b.ReadCloser.Read(p)
	var mb *http.MaxBytesError
	if errors.As(err, &mb) {
		b.over = true
	}
	return n, err
}
