package main

import (
	"fmt"
	"io"
	"os"

	"github.com/nqp-index/nqp/scoring/diag"
	"github.com/nqp-index/nqp/scoring/ingest"
)

// readLimited reads the file at path, refusing it (with ingest's
// too-large problem) once more than max bytes have been read, so that
// /dev/zero or an endless pipe is refused at the limit; a regular file over
// the limit is refused from its size without reading. zh and en begin the
// message when the file cannot be opened or read.
func readLimited(path string, max int64, zh, en string) ([]byte, diag.Report) {
	var rep diag.Report
	fail := func(err error) ([]byte, diag.Report) {
		rep.Add(diag.Problem{Severity: diag.Error, Code: "cannot-open", File: path, Zh: zh + err.Error(), En: en + err.Error()})
		return nil, rep
	}
	tooLarge := func(what string) ([]byte, diag.Report) {
		limit := fmt.Sprintf("%d MB", max>>20)
		rep.Add(diag.Problem{Severity: diag.Error, Code: ingest.CodeTooLarge, File: path,
			Zh: fmt.Sprintf("文件过大：%s超过 %s 上限，已停止读取", what, limit),
			En: fmt.Sprintf("file too large: %sexceeds the %s limit; reading stopped", what, limit)})
		return nil, rep
	}
	f, err := os.Open(path)
	if err != nil {
		return fail(err)
	}
	defer f.Close()
	size := int64(0)
	if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() {
		size = fi.Size()
		if size > max {
			return tooLarge(fmt.Sprintf("%.1f MB ", float64(size)/(1<<20)))
		}
	}
	if size > 0 {
		// One allocation; a file that grew while being read is refused
		// at the limit all the same.
		b := make([]byte, size+1)
		n, err := io.ReadFull(f, b)
		if err == nil {
			more, err := readChunks(f, max-size-1)
			if err != nil {
				return fail(err)
			}
			if more == nil {
				return tooLarge("")
			}
			return append(b, more...), rep
		}
		if err != io.ErrUnexpectedEOF && err != io.EOF {
			return fail(err)
		}
		return b[:n], rep
	}
	b, err := readChunks(f, max)
	if err != nil {
		return fail(err)
	}
	if b == nil {
		return tooLarge("")
	}
	return b, rep
}

// readChunks reads r to its end in chunks (no doubling copies), joined
// once at the end; nil when more than max bytes come.
func readChunks(r io.Reader, max int64) ([]byte, error) {
	var chunks [][]byte
	total := int64(0)
	for {
		c := make([]byte, 4<<20)
		n, err := io.ReadFull(r, c)
		total += int64(n)
		if total > max {
			return nil, nil
		}
		if n > 0 {
			chunks = append(chunks, c[:n])
		}
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			break
		}
		if err != nil {
			return nil, err
		}
	}
	out := make([]byte, 0, total)
	for _, c := range chunks {
		out = append(out, c...)
	}
	return out, nil
}
