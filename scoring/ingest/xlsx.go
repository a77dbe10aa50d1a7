package ingest

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// xlsxFile is an open workbook and the sheet to read.
type xlsxFile struct {
	f     *excelize.File
	sheet string
	// cells is the number of cell elements in the sheet's XML (an upper
	// bound of the cells read), or -1 when unknown.
	cells int
	// maxCells is the workbook's own cell limit (MaxXLSXCells or lower).
	maxCells int
}

// openXLSX opens a workbook held in memory and selects sheet ("" = first).
// Unzipped parts are kept in memory (no temporary files, which do not exist
// under WebAssembly); together they may not exceed maxBytes /
// XLSXUnpackShare (xlsxlimit.go), checked from
// the zip directory before anything is unpacked (xlsxlimit.go), and the
// shared strings and the sheet's cells are counted from the stream before
// excelize builds anything from them.
func openXLSX(r *reporter, data []byte, sheet string, maxBytes int64, maxCells int) (*xlsxFile, error) {
	limit := maxBytes / XLSXUnpackShare
	if maxCells <= 0 || maxCells > MaxXLSXCells {
		maxCells = MaxXLSXCells
	}
	zr, err := xlsxLimits(r, data, limit)
	if err != nil {
		return nil, err
	}
	badXLSX := func(err error) error {
		return r.fatal(CodeBadXLSX, 0, 0, "", "",
			fmt.Sprintf("无法打开 Excel 工作簿：%v", err),
			fmt.Sprintf("cannot open the Excel workbook: %v", err))
	}
	if n, _, err := countTags(zr, "xl/sharedStrings.xml", "si", limit); err != nil {
		return nil, badXLSX(err)
	} else if n > MaxSharedStrings {
		return nil, r.fatal(CodeTooManyCells, 0, 0, "", "",
			fmt.Sprintf("工作簿的共享文本过多：%d 条，超过 %d 条的上限", n, MaxSharedStrings),
			fmt.Sprintf("too many shared texts in the workbook: %d, over the limit of %d", n, MaxSharedStrings))
	}
	// The sheet's cells, counted before excelize unpacks anything when the
	// workbook's sheet list can be read here (else after opening).
	cells := -1
	counted := ""
	count := func(name string) error {
		part := sheetPart(zr, name)
		if part == "" {
			return nil
		}
		n, found, err := countTags(zr, part, "c", limit)
		if err != nil {
			return r.fatal(CodeBadXLSX, 0, 0, "", "",
				fmt.Sprintf("无法读取工作表“%s”：%v", name, err),
				fmt.Sprintf("cannot read sheet %q: %v", name, err))
		}
		if found {
			cells, counted = n, name
		}
		if maxCells > 0 && cells > maxCells {
			return r.fatal(CodeTooManyCells, 0, 0, "", "",
				fmt.Sprintf("单元格过多：工作表“%s”有 %d 个单元格，超过 %d 个的上限", name, cells, maxCells),
				fmt.Sprintf("too many cells: sheet %q has %d cells, over the limit of %d", name, cells, maxCells))
		}
		return nil
	}
	if name := pickSheet(sheetNames(zr), sheet); name != "" {
		if err := count(name); err != nil {
			return nil, err
		}
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: limit, UnzipXMLSizeLimit: limit})
	if err != nil {
		return nil, badXLSX(err)
	}
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		f.Close()
		return nil, r.fatal(CodeNoSheet, 0, 0, "", "", "工作簿中没有工作表", "the workbook has no sheets")
	}
	name := pickSheet(sheets, sheet)
	if name == "" {
		f.Close()
		return nil, r.fatal(CodeNoSheet, 0, 0, "", sheet,
			fmt.Sprintf("找不到工作表“%s”；现有工作表：%s", sheet, list(sheets, 20, true)),
			fmt.Sprintf("no sheet named %q; the sheets are: %s", sheet, list(sheets, 20, false)))
	}
	if counted != name {
		cells = -1
		if err := count(name); err != nil {
			f.Close()
			return nil, err
		}
	}
	r.det.Sheet, r.det.Sheets = name, sheets
	return &xlsxFile{f: f, sheet: name, cells: cells, maxCells: maxCells}, nil
}

// pickSheet returns the sheet of sheets that sheet names ("" = the first;
// else an exact match, or one equal but for case and surrounding spaces),
// or "".
func pickSheet(sheets []string, sheet string) string {
	if len(sheets) == 0 {
		return ""
	}
	if sheet == "" {
		return sheets[0]
	}
	name := ""
	for _, s := range sheets {
		if s == sheet || (name == "" && strings.EqualFold(strings.TrimSpace(s), strings.TrimSpace(sheet))) {
			name = s
		}
	}
	return name
}

func (x *xlsxFile) close() { x.f.Close() }

// read returns the sheet's cells, raw (numbers unformatted) or as
// displayed. Row r of the grid is spreadsheet row r+1. r may be nil when
// problems are not wanted.
func (x *xlsxFile) read(r *reporter, raw bool, maxCells int) (*grid, error) {
	fail := func(err error) error {
		if r == nil {
			return err
		}
		return r.fatal(CodeBadXLSX, 0, 0, "", "",
			fmt.Sprintf("无法读取工作表“%s”：%v", x.sheet, err),
			fmt.Sprintf("cannot read sheet %q: %v", x.sheet, err))
	}
	if x.maxCells > 0 && maxCells > x.maxCells {
		maxCells = x.maxCells
	}
	tooMany := func(row int) error {
		if r == nil {
			return fmt.Errorf("too many cells")
		}
		return r.fatal(CodeTooManyCells, row, 0, "", "",
			fmt.Sprintf("单元格过多：超过 %d 个单元格的上限", maxCells),
			fmt.Sprintf("too many cells: the sheet exceeds the limit of %d cells", maxCells))
	}
	if x.cells > maxCells {
		return nil, tooMany(0) // counted before reading
	}
	rows, err := x.f.Rows(x.sheet)
	if err != nil {
		return nil, fail(err)
	}
	defer rows.Close()
	g := &grid{short: true, start: []int{0}}
	if x.cells > 0 {
		g.cells = make([]string, 0, x.cells)
	}
	for rows.Next() {
		cols, err := rows.Columns(excelize.Options{RawCellValue: raw})
		if err != nil {
			return nil, fail(err)
		}
		if len(g.cells)+len(cols) > maxCells {
			return nil, tooMany(len(g.start))
		}
		g.addRow(cols)
	}
	if err := rows.Error(); err != nil {
		return nil, fail(err)
	}
	return g, nil
}

// periodText returns a function that reads a period cell whose raw value is
// not a period: a date serial number becomes "2006-01-02", anything else
// its displayed text. The displayed sheet is read once, when first needed.
func (x *xlsxFile) periodText(maxCells int) func(ri, j int, raw string) string {
	var shown *grid
	loaded := false
	return func(ri, j int, raw string) string {
		if !loaded {
			loaded = true
			shown, _ = x.read(nil, false, maxCells)
		}
		text := raw
		if shown != nil && ri < shown.rows() {
			if rec := shown.row(ri); j < len(rec) {
				text = rec[j]
			}
		}
		if _, ok := ParsePeriod(text); ok || text == raw {
			return text
		}
		// Formatted differently from its raw value: a date or time cell.
		if v, err := strconv.ParseFloat(strings.TrimSpace(raw), 64); err == nil && v >= 1 && v < 2958466 {
			if tm, err := excelize.ExcelDateToTime(v, x.date1904()); err == nil {
				return tm.Format("2006-01-02")
			}
		}
		return text
	}
}

// date1904 reports whether the workbook counts dates from 1904.
func (x *xlsxFile) date1904() bool {
	props, err := x.f.GetWorkbookProps()
	return err == nil && props.Date1904 != nil && *props.Date1904
}
