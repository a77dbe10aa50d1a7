package main

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
)

// failAfter makes every temporary file's writer fail (with ENOSPC, as a
// full disk) once n bytes in all have been written, for the duration of
// the test.
func failAfter(t *testing.T, n int) {
	left := n
	wrapFile = func(w io.Writer) io.Writer { return &failingWriter{w, &left} }
	t.Cleanup(func() { wrapFile = nil })
}

type failingWriter struct {
	w    io.Writer
	left *int
}

func (f *failingWriter) Write(p []byte) (int, error) {
	if len(p) > *f.left {
		n, _ := f.w.Write(p[:*f.left])
		*f.left = 0
		return n, syscall.ENOSPC
	}
	*f.left -= len(p)
	return f.w.Write(p)
}

// listDir returns the names under dir (recursively), sorted.
func listDir(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if p != dir {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, rel)
		}
		return nil
	})
	slices.Sort(out)
	return out
}

// TestWriteFailsMidway: a write that fails partway (a full disk) exits 1,
// names the path asked for, and leaves nothing new: no partial or empty
// file, no recipe without its table, an existing file untouched.
func TestWriteFailsMidway(t *testing.T) {
	for _, c := range []struct {
		name   string
		args   func(dir string) []string
		budget int
		named  string // the path the message must name, relative to dir
	}{
		{"xlsx", func(d string) []string { return []string{"-o", filepath.Join(d, "r.xlsx")} }, 1000, "r.xlsx"},
		{"json", func(d string) []string { return []string{"-o", filepath.Join(d, "r.json")} }, 1000, "r.json"},
		// The CSV (written first) fails: its recipe must not be left.
		{"csv", func(d string) []string { return []string{"-o", filepath.Join(d, "x.csv")} }, 1000, "x.csv"},
		// The CSV is complete, its recipe fails: neither is left.
		{"csv-recipe", func(d string) []string { return []string{"-o", filepath.Join(d, "x.csv")} }, -1, "x.recipe.json"},
		// The third table fails: no table, and the new directory is removed.
		{"tables", func(d string) []string { return []string{"-tables", filepath.Join(d, "new", "tables")} }, -3, "new/tables/"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			os.WriteFile(filepath.Join(dir, "keep.txt"), []byte("old"), 0o644)
			os.WriteFile(filepath.Join(dir, "r.xlsx"), []byte("old"), 0o644)
			os.WriteFile(filepath.Join(dir, "r.json"), []byte("old"), 0o644)
			before := listDir(t, dir)
			budget := c.budget
			if budget < 0 {
				// Measure the sizes of a good run, then fail inside
				// output number -budget+1 (counted from 1).
				good := t.TempDir()
				args := append([]string{"score", "-sample", "-lang", "en"}, c.args(good)...)
				if code, _, e := runCLI(args...); code != exitOK {
					t.Fatalf("good run: exit %d: %s", code, e)
				}
				var sizes []int
				switch c.name {
				case "csv-recipe":
					for _, f := range []string{"x.csv"} {
						b, _ := os.ReadFile(filepath.Join(good, f))
						sizes = append(sizes, len(b))
					}
				case "tables":
					for _, f := range []string{"recipe.json", "scores.csv"} {
						b, err := os.ReadFile(filepath.Join(good, "new", "tables", f))
						if err != nil {
							t.Fatal(err)
						}
						sizes = append(sizes, len(b))
					}
				}
				budget = 10
				for _, s := range sizes {
					budget += s
				}
			}
			failAfter(t, budget)
			args := append([]string{"score", "-sample", "-lang", "en"}, c.args(dir)...)
			code, _, errOut := runCLI(args...)
			if code != exitData {
				t.Errorf("exit %d, want %d; stderr: %s", code, exitData, errOut)
			}
			want := "cannot write " + filepath.Join(dir, c.named)
			if !strings.Contains(errOut, want) || !strings.Contains(errOut, "no space left on device") {
				t.Errorf("stderr lacks %q and the cause:\n%s", want, errOut)
			}
			if after := listDir(t, dir); !slices.Equal(after, before) {
				t.Errorf("files after the failure: %v, before: %v", after, before)
			}
			for _, f := range []string{"r.xlsx", "r.json"} {
				if b, _ := os.ReadFile(filepath.Join(dir, f)); string(b) != "old" {
					t.Errorf("%s was changed: %q", f, b)
				}
			}
		})
	}
}

// TestTablesFirstIsRecipe pins the order that TestWriteFailsMidway's
// "tables" case relies on: recipe.json, then the scores table.
func TestTablesFirstIsRecipe(t *testing.T) {
	dir := t.TempDir()
	if code, _, e := runCLI("score", "-sample", "-tables", dir); code != exitOK {
		t.Fatalf("exit %d: %s", code, e)
	}
	names := listDir(t, dir)
	if !slices.Contains(names, "recipe.json") || !slices.Contains(names, "scores.csv") || len(names) < 4 {
		t.Fatalf("tables: %v", names)
	}
	for _, n := range names {
		if fi, _ := os.Stat(filepath.Join(dir, n)); fi.Size() == 0 || fi.Mode().Perm() != 0o644 {
			t.Errorf("%s: %d bytes, mode %v", n, fi.Size(), fi.Mode().Perm())
		}
	}
}

// readOnly makes dir unwritable, also for root (chattr +i), and skips the
// test when that is impossible here.
func readOnly(t *testing.T, dir string) {
	os.Chmod(dir, 0o555)
	t.Cleanup(func() { os.Chmod(dir, 0o755) })
	if os.Geteuid() == 0 {
		if out, err := exec.Command("chattr", "+i", dir).CombinedOutput(); err == nil {
			t.Cleanup(func() { exec.Command("chattr", "-i", dir).Run() })
		} else {
			t.Logf("chattr +i: %v %s", err, out)
		}
	}
	probe := filepath.Join(dir, "probe")
	if err := os.WriteFile(probe, nil, 0o644); err == nil {
		os.Remove(probe)
		t.Skip("cannot make a directory read-only here")
	}
}

// TestWriteReadOnlyAndMissingDir: unwritable and missing directories exit
// 1, name the path asked for and create nothing.
func TestWriteReadOnlyAndMissingDir(t *testing.T) {
	t.Run("read-only", func(t *testing.T) {
		dir := t.TempDir()
		readOnly(t, dir)
		for _, args := range [][]string{
			{"-o", filepath.Join(dir, "r.xlsx")},
			{"-o", filepath.Join(dir, "x.csv")},
			{"-tables", dir},
			{"-tables", filepath.Join(dir, "sub")},
		} {
			code, _, errOut := runCLI(append([]string{"score", "-sample", "-lang", "en"}, args...)...)
			if code != exitData || !strings.Contains(errOut, "cannot write "+filepath.Join(dir, "")) {
				t.Errorf("%v: exit %d: %s", args, code, errOut)
			}
			if names := listDir(t, dir); len(names) > 0 {
				t.Errorf("%v left %v", args, names)
			}
		}
	})
	t.Run("missing", func(t *testing.T) {
		dir := t.TempDir()
		target := filepath.Join(dir, "missing", "r.xlsx")
		code, _, errOut := runCLI("score", "-sample", "-lang", "zh", "-o", target)
		if code != exitData || !strings.Contains(errOut, "无法写出 "+target) {
			t.Errorf("exit %d: %s", code, errOut)
		}
		// -tables below a file: the directory cannot be made.
		os.WriteFile(filepath.Join(dir, "file"), []byte("x"), 0o644)
		target = filepath.Join(dir, "file", "tables")
		code, _, errOut = runCLI("score", "-sample", "-lang", "en", "-tables", target)
		if code != exitData || !strings.Contains(errOut, "cannot write "+target) {
			t.Errorf("exit %d: %s", code, errOut)
		}
		if names := listDir(t, dir); !slices.Equal(names, []string{"file"}) {
			t.Errorf("left %v", names)
		}
	})
}

// TestXLSXByteIdentical: the same run gives the same XLSX bytes (the
// entries in name order), and the file opens.
func TestXLSXByteIdentical(t *testing.T) {
	dir := t.TempDir()
	var first []byte
	for i := range 4 {
		f := filepath.Join(dir, "r.xlsx")
		if code, _, e := runCLI("score", "-sample", "-o", f); code != exitOK {
			t.Fatalf("exit %d: %s", code, e)
		}
		b, _ := os.ReadFile(f)
		if i == 0 {
			first = b
			continue
		}
		if !bytes.Equal(b, first) {
			t.Fatalf("run %d differs from run 1 (%d and %d bytes)", i+1, len(b), len(first))
		}
	}
	zr, err := zip.NewReader(bytes.NewReader(first), int64(len(first)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
	}
	if !slices.IsSorted(names) || names[0] != "[Content_Types].xml" || len(names) < 10 {
		t.Errorf("entries: %v", names)
	}
}
