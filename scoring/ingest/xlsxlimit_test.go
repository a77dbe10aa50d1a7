package ingest

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nqp-index/nqp/scoring/diag"
)

// bombXLSX builds a workbook whose one sheet has rows × cols cells made by
// cell(r, c) (the XML of one <c> element), and whose shared-string table
// has the texts sst, streaming the parts into the zip (a few MB on disk
// for hundreds of MB unpacked).
func bombXLSX(t testing.TB, rows, cols int, cell func(r, c int) string, sst []string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	put := func(name, body string) {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, body)
	}
	put("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`)
	put("_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`)
	put("xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="data" sheetId="1" r:id="rId7"/></sheets></workbook>`)
	put("xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`)
	var s strings.Builder
	s.WriteString(`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`)
	for _, x := range sst {
		s.WriteString("<si><t>" + x + "</t></si>")
	}
	s.WriteString("</sst>")
	put("xl/sharedStrings.xml", s.String())
	w, err := zw.CreateHeader(&zip.FileHeader{Name: "xl/worksheets/sheet1.xml", Method: zip.Deflate})
	if err != nil {
		t.Fatal(err)
	}
	bw := &bytes.Buffer{}
	bw.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	for r := 1; r <= rows; r++ {
		fmt.Fprintf(bw, `<row r="%d">`, r)
		for c := 1; c <= cols; c++ {
			bw.WriteString(cell(r, c))
		}
		bw.WriteString("</row>")
		if bw.Len() > 1<<20 {
			w.Write(bw.Bytes())
			bw.Reset()
		}
	}
	bw.WriteString("</sheetData></worksheet>")
	w.Write(bw.Bytes())
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// numberCell is a plain number cell without a reference (r is optional).
func numberCell(r, c int) string {
	if r == 1 {
		return fmt.Sprintf(`<c t="inlineStr"><is><t>h%d</t></is></c>`, c)
	}
	return "<c><v>1</v></c>"
}

// codeOf returns the code of the diag.Problem err, or "".
func codeOf(err error) string {
	var p diag.Problem
	if errors.As(err, &p) {
		return p.Code
	}
	return ""
}

func readBomb(t *testing.T, data []byte, opt Options) (error, time.Duration) {
	t.Helper()
	start := time.Now()
	_, rep, err := Read("bomb.xlsx", data, opt)
	if err == nil && rep.HasErrors() {
		t.Fatalf("errors without a fatal one: %v", rep)
	}
	return err, time.Since(start)
}

// TestXLSXUnpackLimit: a workbook that unpacks to more than MaxBytes is
// refused from the zip directory, before anything is unpacked.
func TestXLSXUnpackLimit(t *testing.T) {
	// 60 000 rows × 10 cells ≈ 9.6 MB of sheet XML in a small file, over
	// the 4 MB that a 16 MB MaxBytes allows a workbook.
	data := bombXLSX(t, 60_000, 10, numberCell, nil)
	if len(data) > 1<<20 {
		t.Fatalf("the bomb is %d bytes on disk", len(data))
	}
	err, took := readBomb(t, data, Options{MaxBytes: 16 << 20})
	if err == nil || codeOf(err) != CodeTooLarge {
		t.Fatalf("want %s, got %v", CodeTooLarge, err)
	}
	msg := err.Error()
	for _, want := range []string{"xl/worksheets/sheet1.xml", "4 MB"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message lacks %q: %s", want, msg)
		}
	}
	if took > 500*time.Millisecond {
		t.Errorf("refusal took %v; it should not unpack anything", took)
	}
	// Under a larger limit the same sheet is read: 60 000 rows of 10 cells.
	r := &reporter{file: "x.xlsx", det: &Detected{}}
	x, err := openXLSX(r, data, "", 64<<20, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer x.close()
	if g, err := x.read(r, true, DefaultMaxCells); err != nil || g.rows() != 60_000 || len(g.cells) != 600_000 {
		t.Fatalf("read %v", err)
	}
}

// TestXLSXCellsCounted: the sheet's cells are counted from the stream and
// a sheet over MaxCells is refused before excelize unpacks it, or, when
// the limit given to read is lower, before its rows are read.
func TestXLSXCellsCounted(t *testing.T) {
	data := bombXLSX(t, 3_000, 10, numberCell, nil) // 30 000 cells
	err, _ := readBomb(t, data, Options{MaxCells: 29_999})
	if codeOf(err) != CodeTooManyCells || !strings.Contains(err.Error(), `sheet "data" has 30000 cells, over the limit of 29999`) {
		t.Fatalf("want %s from the count, got %v", CodeTooManyCells, err)
	}
	r := &reporter{file: "x.xlsx", det: &Detected{}}
	x, err := openXLSX(r, data, "", DefaultMaxBytes, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer x.close()
	if x.cells != 30_000 {
		t.Errorf("counted %d cells, want 30000", x.cells)
	}
	g, err := x.read(r, true, 29_999)
	if err == nil || g != nil || codeOf(err) != CodeTooManyCells {
		t.Fatalf("want %s, got %v", CodeTooManyCells, err)
	}
	if p := r.rep.Problems[len(r.rep.Problems)-1]; p.Row != 0 {
		t.Errorf("refused at row %d: the count should refuse before reading rows", p.Row)
	}
	if g, err = x.read(r, true, 30_000); err != nil || len(g.cells) != 30_000 || cap(g.cells) != 30_000 || g.rows() != 3_000 {
		t.Fatalf("read %v: %d cells (cap %d)", err, len(g.cells), cap(g.cells))
	}
}

// TestCountTags compares the streamed count with strings.Count on parts
// whose tags straddle the 64 KiB chunks at every offset.
func TestCountTags(t *testing.T) {
	for _, pad := range []int{0, 1, 2, 3, 5, 17} {
		var s strings.Builder
		for s.Len() < 300_000 {
			s.WriteString(strings.Repeat("x", pad))
			s.WriteString(`<c r="A1"><v>1</v></c><cols/><c/><c>`)
		}
		s.WriteString("<c")
		text := s.String()
		want := strings.Count(text, "<c ") + strings.Count(text, "<c/") + strings.Count(text, "<c>")
		var b bytes.Buffer
		zw := zip.NewWriter(&b)
		w, _ := zw.Create("p.xml")
		io.WriteString(w, text)
		zw.Close()
		zr, _ := zip.NewReader(bytes.NewReader(b.Bytes()), int64(b.Len()))
		n, found, err := countTags(zr, "p.xml", "c", 1<<30)
		if err != nil || !found || n != want {
			t.Errorf("pad %d: counted %d (%v, %v), want %d", pad, n, found, err, want)
		}
		if _, _, err := countTags(zr, "p.xml", "c", 1000); err == nil {
			t.Errorf("pad %d: no error beyond the limit", pad)
		}
	}
}

// TestXLSXUnderstatedSize: a part whose directory entry understates its
// size is not read past that size (archive/zip checks it), so the limit
// cannot be dodged.
func TestXLSXUnderstatedSize(t *testing.T) {
	good := bombXLSX(t, 20_000, 10, numberCell, nil) // ≈ 3.2 MB of sheet XML
	zr, _ := zip.NewReader(bytes.NewReader(good), int64(len(good)))
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, f := range zr.File {
		h := f.FileHeader
		if f.Name == "xl/worksheets/sheet1.xml" {
			h.UncompressedSize64 = 1000 // a lie
		}
		raw, _ := f.OpenRaw()
		w, err := zw.CreateRaw(&h)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(w, raw)
	}
	zw.Close()
	err, took := readBomb(t, b.Bytes(), Options{MaxBytes: 4 << 20})
	if err == nil || codeOf(err) != CodeBadXLSX {
		t.Fatalf("want %s, got %v", CodeBadXLSX, err)
	}
	if took > 2*time.Second {
		t.Errorf("took %v", took)
	}
}

// TestXLSXSharedStringsLimit: a shared-string table over MaxSharedStrings
// is refused before excelize parses it.
func TestXLSXSharedStringsLimit(t *testing.T) {
	sst := make([]string, MaxSharedStrings+1)
	for i := range sst {
		sst[i] = "a"
	}
	data := bombXLSX(t, 2, 2, numberCell, sst)
	err, _ := readBomb(t, data, Options{})
	if err == nil || codeOf(err) != CodeTooManyCells || !strings.Contains(err.Error(), fmt.Sprint(MaxSharedStrings+1)) {
		t.Fatalf("want %s naming %d texts, got %v", CodeTooManyCells, MaxSharedStrings+1, err)
	}
}

// TestWriteBombs writes the measurement bombs of issue 11 to
// $NQP_BOMB_DIR (for /usr/bin/time -v nqp inspect FILE); skipped without it.
func TestWriteBombs(t *testing.T) {
	dir := os.Getenv("NQP_BOMB_DIR")
	if dir == "" {
		t.Skip("set NQP_BOMB_DIR to write the bombs")
	}
	for _, b := range []struct {
		name       string
		rows, cols int
		cell       func(r, c int) string
	}{
		// ≈ 1.9 GB of sheet XML: refused from the directory.
		{"bomb-1900mb.xlsx", 12_000_000, 10, numberCell},
		// ≈ 230 MB: 1 M rows (Excel's limit is 1 048 576), 14 M cells,
		// over the 64 MB unpack limit.
		{"bomb-230mb.xlsx", 1_000_000, 14, numberCell},
		// ≈ 64.6 MB, just under the 64 MB (MiB) limit: 950 000 rows × 3
		// cells, read.
		{"bomb-64mb.xlsx", 950_000, 3, numberCell},
		// 3 M + 16 empty cells, just over MaxXLSXCells.
		{"bomb-3m-cells.xlsx", 187_501, 16, func(r, c int) string { return "<c/>" }},
		// 3 M dense cells (50 MB), at MaxXLSXCells: read.
		{"bomb-3m-dense.xlsx", 214_285, 14, numberCell},
		// ≈ 252 MB of empty cells <c/>: 54 M cells, over MaxCells, refused by the count.
		{"bomb-empty-cells.xlsx", 1_750_000, 31, func(r, c int) string { return "<c/>" }},
		// ≈ 250 MB of cells <c r="A1"/>: 16 M empty cells with references, read.
		{"bomb-ref-cells.xlsx", 1_000_000, 16, func(r, c int) string { return fmt.Sprintf(`<c r="%s%d"/>`, string(rune('A'+c-1)), r) }},
	} {
		if _, err := os.Stat(filepath.Join(dir, b.name)); err == nil {
			continue
		}
		data := bombXLSX(t, b.rows, b.cols, b.cell, nil)
		if err := os.WriteFile(filepath.Join(dir, b.name), data, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %d bytes", b.name, len(data))
	}
}
