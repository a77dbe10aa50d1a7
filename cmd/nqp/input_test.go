package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/nqp-index/nqp/scoring/ingest"
)

// TestReadLimited: a stream that never ends is refused once max bytes are
// passed, a regular file over max from its size, and a file of exactly max
// bytes is read whole.
func TestReadLimited(t *testing.T) {
	const max = 1 << 20
	pr, pw, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	go func() {
		chunk := bytes.Repeat([]byte("1,2,3\n"), 1000)
		for {
			if _, err := pw.Write(chunk); err != nil {
				return
			}
		}
	}()
	defer pr.Close()
	defer pw.Close()
	pipe := "/dev/fd/" + strconv.Itoa(int(pr.Fd()))
	if _, err := os.Stat(pipe); err != nil {
		t.Skip("no /dev/fd here")
	}
	b, rep := readLimited(pipe, max, "", "")
	if b != nil || len(rep.Problems) != 1 || rep.Problems[0].Code != ingest.CodeTooLarge ||
		!strings.Contains(rep.Problems[0].En, "exceeds the 1 MB limit") || !strings.Contains(rep.Problems[0].Zh, "超过 1 MB 上限") {
		t.Fatalf("endless pipe: %d bytes, %+v", len(b), rep.Problems)
	}
	dir := t.TempDir()
	big := filepath.Join(dir, "big.csv")
	os.WriteFile(big, make([]byte, max+1), 0o644)
	if b, rep = readLimited(big, max, "", ""); b != nil || !rep.HasErrors() || !strings.Contains(rep.Problems[0].En, "1.0 MB exceeds") {
		t.Fatalf("file of max+1 bytes: %d bytes, %+v", len(b), rep.Problems)
	}
	exact := filepath.Join(dir, "exact.csv")
	want := bytes.Repeat([]byte("x"), max)
	os.WriteFile(exact, want, 0o644)
	if b, rep = readLimited(exact, max, "", ""); !bytes.Equal(b, want) || rep.HasErrors() {
		t.Fatalf("file of max bytes: %d bytes, %+v", len(b), rep.Problems)
	}
	if b, rep = readLimited(filepath.Join(dir, "none.csv"), max, "无法打开文件：", "cannot open the file: "); b != nil || rep.Problems[0].Code != "cannot-open" {
		t.Fatalf("missing file: %+v", rep.Problems)
	}
}

// TestInspectDevZero: `nqp inspect /dev/zero` is refused at the limit
// (256 MB read), not when memory runs out.
func TestInspectDevZero(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 256 MB")
	}
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero")
	}
	code, out, _ := runCLI("inspect", "-lang", "en", "/dev/zero")
	if code != exitData || !strings.Contains(out, "/dev/zero: file too large: exceeds the 256 MB limit; reading stopped") {
		t.Fatalf("exit %d: %s", code, out)
	}
}
