package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// output is one file to write: the path the user asked for (or one derived
// from it) and the function that writes its content.
type output struct {
	path  string
	write func(io.Writer) error
}

// writeError is a failed write. It names the path the user asked for, never
// the temporary file, and its message is in both languages.
type writeError struct {
	path string
	err  error
}

func (e *writeError) Error() string { return "cannot write " + e.path + ": " + e.err.Error() }

func (e *writeError) Unwrap() error { return e.err }

// message is the error in lang.
func (e *writeError) message(lang string) string {
	return tr(lang, "无法写出 "+e.path+"："+e.err.Error(), "cannot write "+e.path+": "+e.err.Error())
}

// wrapFile, when not nil, wraps every temporary file's writer (tests use
// it to make a write fail midway, as on a full disk).
var wrapFile func(io.Writer) io.Writer

// writeAll writes every output atomically and as a group: each goes to a
// temporary file in its target directory, and only when all of them are
// complete and synced are they renamed over their targets. On failure every
// temporary file is removed, so nothing new is left behind (no empty or
// partial files, no recipe without its table). The error is a *writeError.
func writeAll(outs []output) error {
	temps := make([]string, len(outs))
	cleanup := func() {
		for _, t := range temps {
			if t != "" {
				os.Remove(t)
			}
		}
	}
	for i, o := range outs {
		t, err := writeTemp(o)
		if err != nil {
			cleanup()
			return &writeError{o.path, bare(err)}
		}
		temps[i] = t
	}
	for i, o := range outs {
		if err := os.Rename(temps[i], o.path); err != nil {
			cleanup()
			return &writeError{o.path, bare(err)}
		}
		temps[i] = ""
	}
	return nil
}

// writeTemp writes o to a new temporary file beside o.path and returns its
// name.
func writeTemp(o output) (string, error) {
	dir, base := filepath.Split(o.path)
	if base == "" {
		return "", errors.New("not a file name")
	}
	if dir == "" {
		dir = "."
	}
	f, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return "", err
	}
	name := f.Name()
	fail := func(err error) (string, error) {
		f.Close()
		os.Remove(name)
		return "", err
	}
	var w io.Writer = f
	if wrapFile != nil {
		w = wrapFile(w)
	}
	if err := o.write(w); err != nil {
		return fail(err)
	}
	// CreateTemp makes the file 0600; outputs are ordinary files.
	if err := f.Chmod(0o644); err != nil {
		return fail(err)
	}
	if err := f.Sync(); err != nil {
		return fail(err)
	}
	if err := f.Close(); err != nil {
		os.Remove(name)
		return "", err
	}
	return name, nil
}

// bare drops the *fs.PathError around err, whose path would be the
// temporary file's.
func bare(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}

// mkdirAll creates dir and its missing parents like os.MkdirAll, and
// returns a function that removes the directories it created (innermost
// first; only while they are empty).
func mkdirAll(dir string) (undo func(), err error) {
	var created []string
	for d := filepath.Clean(dir); ; d = filepath.Dir(d) {
		if _, err := os.Stat(d); err == nil {
			break
		}
		created = append(created, d)
		if filepath.Dir(d) == d {
			break
		}
	}
	undo = func() {
		for _, d := range created {
			os.Remove(d)
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		undo()
		return func() {}, &writeError{dir, bare(err)}
	}
	return undo, nil
}

// writeFailure prints err (a *writeError, or any other error) to stderr.
func writeFailure(stderr io.Writer, err error, lang string) {
	var we *writeError
	if errors.As(err, &we) {
		fmt.Fprintln(stderr, we.message(lang))
		return
	}
	fmt.Fprintln(stderr, err)
}

// bytesWriter writes b.
func bytesWriter(b []byte) func(io.Writer) error {
	return func(w io.Writer) error {
		_, err := w.Write(b)
		return err
	}
}
