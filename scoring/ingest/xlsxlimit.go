package ingest

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"strings"
)

// A workbook's parts may unpack to at most MaxBytes / XLSXUnpackShare
// bytes (64 MB by default), and a sheet may have at most MaxXLSXCells
// cells (or MaxCells, if lower). excelize decodes a sheet at about 1.7 µs
// a cell and holds the unpacked parts in memory (measured: 14 M cells in a
// 230 MB sheet took 35 s of CPU and 1.07 GB; 2.85 M cells in 64 MB took
// 9.2 s and 296 MB, under load), so these keep any workbook within 10 s
// and 1 GB; a bigger table can be saved as CSV, which is read
// up to MaxBytes.
const (
	XLSXUnpackShare = 4
	MaxXLSXCells    = 3_000_000
)

// MaxSharedStrings limits the entries of a workbook's shared-string table,
// which excelize holds in memory as structures and a map (about 200 bytes
// an entry, measured). Real panels have a few thousand distinct texts.
const MaxSharedStrings = 1_000_000

// xlsxLimits checks a workbook before excelize unpacks it, from the zip
// directory alone: the parts together must not unpack to more than limit
// bytes. The sizes in the directory cannot understate what is read, since
// archive/zip fails a part whose data run past its declared size (and
// countTags counts the bytes again). It returns the zip reader for
// countTags.
func xlsxLimits(r *reporter, data []byte, limit int64) (*zip.Reader, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, r.fatal(CodeBadXLSX, 0, 0, "", "",
			fmt.Sprintf("无法打开 Excel 工作簿：%v", err),
			fmt.Sprintf("cannot open the Excel workbook: %v", err))
	}
	var total uint64
	largest := ""
	var largestSize uint64
	for _, f := range zr.File {
		total += f.UncompressedSize64
		if f.UncompressedSize64 >= largestSize {
			largest, largestSize = f.Name, f.UncompressedSize64
		}
	}
	if total > uint64(limit) {
		return nil, r.fatal(CodeTooLarge, 0, 0, "", largest,
			fmt.Sprintf("工作簿解压后过大：%s 超过 %s 上限（最大的部分 %s 为 %s）；请只保留所需的工作表，或另存为 CSV",
				formatBytes(clamp(total)), formatBytes(limit), largest, formatBytes(clamp(largestSize))),
			fmt.Sprintf("the workbook unpacks to %s, over the %s limit (its largest part, %s, is %s); keep only the sheet needed, or save it as CSV",
				formatBytes(clamp(total)), formatBytes(limit), largest, formatBytes(clamp(largestSize))))
	}
	return zr, nil
}

func clamp(n uint64) int64 {
	if n > 1<<62 {
		return 1 << 62
	}
	return int64(n)
}

// countTags counts the elements named tag (e.g. "c", "si") in the zip part
// name, reading it as a stream; found is false when there is no such
// part. Reading stops with an error beyond limit bytes.
func countTags(zr *zip.Reader, name, tag string, limit int64) (n int, found bool, err error) {
	var f *zip.File
	for _, zf := range zr.File {
		if strings.EqualFold(zf.Name, name) {
			f = zf
		}
	}
	if f == nil {
		return 0, false, nil
	}
	rc, err := f.Open()
	if err != nil {
		return 0, true, err
	}
	defer rc.Close()
	open := []byte("<" + tag)
	buf := make([]byte, 64<<10)
	carry := 0 // bytes kept from the previous chunk
	var read int64
	for {
		m, err := rc.Read(buf[carry:])
		read += int64(m)
		if read > limit {
			return n, true, fmt.Errorf("%s unpacks to more than %s", name, formatBytes(limit))
		}
		end := carry + m
		chunk := buf[:end]
		i := 0
		for {
			k := bytes.Index(chunk[i:], open)
			if k < 0 {
				break
			}
			k += i
			after := k + len(open)
			if after >= end {
				break // decided by the next chunk, or the end of the part
			}
			switch chunk[after] {
			case ' ', '>', '/', '\t', '\n', '\r':
				n++
			}
			i = after
		}
		if err == io.EOF {
			return n, true, nil
		}
		if err != nil {
			return n, true, err
		}
		// Keep the tail, where a tag cut by the chunk's end may begin (a
		// match there was not counted: its next byte was not read).
		keep := min(len(open), end)
		copy(buf, buf[end-keep:end])
		carry = keep
	}
}

// workbookSheets reads the sheets' names and relationship ids from
// xl/workbook.xml, in order; nil when it cannot be read.
func workbookSheets(zr *zip.Reader) (names, ids []string) {
	var wb struct {
		Sheets []struct {
			Name  string     `xml:"name,attr"`
			Attrs []xml.Attr `xml:",any,attr"`
		} `xml:"sheets>sheet"`
	}
	if xml.Unmarshal(readPart(zr, "xl/workbook.xml"), &wb) != nil {
		return nil, nil
	}
	for _, s := range wb.Sheets {
		id := ""
		for _, a := range s.Attrs {
			if a.Name.Local == "id" && a.Name.Space != "" {
				id = a.Value
			}
		}
		names, ids = append(names, s.Name), append(ids, id)
	}
	return names, ids
}

// sheetNames returns the workbook's sheet names in order, or nil.
func sheetNames(zr *zip.Reader) []string {
	names, _ := workbookSheets(zr)
	return names
}

// readPart returns a small part (under 16 MB) of the workbook, or nil.
func readPart(zr *zip.Reader, name string) []byte {
	for _, f := range zr.File {
		if strings.EqualFold(f.Name, name) && f.UncompressedSize64 < 16<<20 {
			rc, err := f.Open()
			if err != nil {
				return nil
			}
			defer rc.Close()
			b, _ := io.ReadAll(io.LimitReader(rc, 16<<20))
			return b
		}
	}
	return nil
}

// sheetPart returns the zip part of the sheet called name, from
// xl/workbook.xml and its relationships; "" when they cannot be read.
func sheetPart(zr *zip.Reader, name string) string {
	names, ids := workbookSheets(zr)
	id := ""
	for i, n := range names {
		if n == name {
			id = ids[i]
		}
	}
	var rels struct {
		Rel []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if id == "" || xml.Unmarshal(readPart(zr, "xl/_rels/workbook.xml.rels"), &rels) != nil {
		return ""
	}
	for _, rel := range rels.Rel {
		if rel.ID == id {
			if strings.HasPrefix(rel.Target, "/") {
				return strings.TrimPrefix(rel.Target, "/")
			}
			return path.Join("xl", rel.Target)
		}
	}
	return ""
}
