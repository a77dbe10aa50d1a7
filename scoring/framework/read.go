package framework

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/nqp-index/nqp/scoring/diag"
	"github.com/nqp-index/nqp/scoring/jsonx"
)

// Problem codes of the readers (besides those of Validate).
const (
	CodeUnknownFormat = "unknown-format" // not JSON, CSV/TSV or XLSX
	CodeXLS           = "xls-unsupported"
	CodeEmptyFile     = "empty-file"
	CodeJSONSyntax    = "json-syntax"
	CodeCSVSyntax     = "csv-syntax"
	CodeXLSX          = "xlsx-error"
	CodeUnknownLayout = "unknown-layout" // no recognisable header
	CodeEncoding      = "encoding"       // Info: the text was not UTF-8
	CodeBadNumber     = "bad-number"     // a Level or other number that cannot be read
	CodeLevelMismatch = "level-mismatch" // iMeta Level differs from the tree
	CodeNonIndexRows  = "non-index-rows" // Info: iMeta Group/Denominator/Other rows skipped
	CodeNoName        = "no-name"        // a row with data but without code or name
	CodeFilledDown    = "filled-down"    // Info: empty dimension cells taken from the row above
)

// Read reads a framework from a file's bytes. name is the file name, used
// in problems and to help detect the format. The format is detected from
// the content (and the extension): XLSX (first sheet), JSON (the
// Framework's own form, as WriteJSON writes it; a bare array of nodes is
// accepted too) or delimited text (comma, tab or semicolon; UTF-8 with or
// without BOM, UTF-16 with BOM, else GB18030).
//
// In a table the header row is found among the first ten rows, and the
// layout from the header:
//
//   - COINr's iMeta (iCode, iName, Level, Parent, Direction, Weight, Type,
//     Unit, Target, Denominator; optional iName_zh, iName_en, DirKind,
//     Best, Lo, Hi, Aliases): rows whose Type is Group, Denominator or
//     Other, or whose Level is empty, are not part of the tree;
//   - a simple layout: code, name, dimension, optional subdimension,
//     direction, weight, unit, name_en, best, lo, hi, aliases (Chinese
//     headers such as 代码, 指标名称, 一级指标/维度/准则层, 二级指标/子维度,
//     方向/属性, 权重, 单位 are recognised). Dimensions become aggregates
//     under a root "Index" (新质生产力指数 / NQP Index), with weight 1
//     unless a row of their own (a row naming the dimension, without
//     dimension cell, or a row with a dimension but without indicator)
//     gives one. Empty dimension cells (merged cells in Excel) are filled
//     from the row above. Without a name column, a 二级指标 column is taken
//     as the indicator name.
//
// Every problem, including those of Validate, carries the file name and,
// for tables, the 1-based row and column. The framework is nil only if the
// file could not be read at all. err is non-nil exactly when the report
// holds an Error (it is then rep.Err()).
func Read(name string, data []byte) (*Framework, diag.Report, error) {
	var rep diag.Report
	f := read(name, data, &rep)
	return f, rep, rep.Err()
}

func read(name string, data []byte, rep *diag.Report) *Framework {
	ext := strings.ToLower(path.Ext(name))
	trimmed := bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), " \t\r\n")
	switch {
	case len(trimmed) == 0:
		rep.Addf(diag.Error, CodeEmptyFile, name, 0, 0, "", "", "文件是空的", "the file is empty")
		return nil
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return readXLSX(name, data, rep)
	case bytes.HasPrefix(data, []byte("\xd0\xcf\x11\xe0")):
		rep.Addf(diag.Error, CodeXLS, name, 0, 0, "", "",
			"不支持旧版 Excel（.xls）文件，请在 Excel 中另存为 .xlsx 或 CSV（UTF-8）",
			"old Excel (.xls) files are not supported; save the file as .xlsx or CSV (UTF-8)")
		return nil
	case trimmed[0] == '{' || trimmed[0] == '[' || ext == ".json":
		return readJSON(name, trimmed, rep)
	}
	if ext == ".xlsx" || ext == ".xlsm" || ext == ".zip" {
		rep.Addf(diag.Error, CodeXLSX, name, 0, 0, "", "", "文件扩展名是 "+ext+"，但内容不是有效的 Excel 文件",
			"the file name ends in "+ext+" but the content is not a valid Excel file")
		return nil
	}
	if bytes.IndexByte(data, 0) >= 0 && !bytes.HasPrefix(data, []byte("\xff\xfe")) && !bytes.HasPrefix(data, []byte("\xfe\xff")) {
		rep.Addf(diag.Error, CodeUnknownFormat, name, 0, 0, "", "",
			"无法识别的文件格式：请使用 CSV、TSV、XLSX 或 JSON", "unknown file format: use CSV, TSV, XLSX or JSON")
		return nil
	}
	text := decodeText(name, data, rep)
	t, ok := parseDelimited(name, text, ext == ".tsv" || ext == ".tab", rep)
	if !ok {
		return nil
	}
	return readTable(t, rep)
}

// table is a sheet of text cells with the 1-based row number of each row.
type table struct {
	file  string
	cells [][]string
	rows  []int
}

func parseDelimited(name, text string, tab bool, rep *diag.Report) (table, bool) {
	comma := ','
	if tab {
		comma = '\t'
	} else {
		// the most frequent of , \t ; on the first non-empty line, outside quotes
		line := strings.TrimLeft(text, "\r\n")
		if i := strings.IndexByte(line, '\n'); i >= 0 {
			line = line[:i]
		}
		counts := map[rune]int{}
		inq := false
		for _, r := range line {
			if r == '"' {
				inq = !inq
			} else if !inq && (r == ',' || r == '\t' || r == ';') {
				counts[r]++
			}
		}
		for _, r := range []rune{'\t', ';'} {
			if counts[r] > counts[comma] {
				comma = r
			}
		}
	}
	cr := csv.NewReader(strings.NewReader(text))
	cr.Comma = comma
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	t := table{file: name}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				rep.Addf(diag.Error, CodeCSVSyntax, name, pe.Line, pe.Column, "", "",
					"CSV 格式错误："+pe.Err.Error(), "CSV syntax error: "+pe.Err.Error())
			} else {
				rep.Addf(diag.Error, CodeCSVSyntax, name, 0, 0, "", "", "CSV 格式错误："+err.Error(), "CSV syntax error: "+err.Error())
			}
			return t, false
		}
		line, _ := cr.FieldPos(0)
		t.cells = append(t.cells, rec)
		t.rows = append(t.rows, line)
	}
	return t, true
}

func readJSON(name string, data []byte, rep *diag.Report) *Framework {
	var f Framework
	var err error
	// Strict (jsonx): one value, no unknown or duplicated keys at any depth.
	if data[0] == '[' {
		err = jsonx.Decode(data, &f.Nodes)
	} else {
		err = jsonx.Decode(data, &f)
	}
	if err != nil {
		row, col := 0, 0
		if pe, ok := err.(interface{ Position() (int, int) }); ok {
			row, col = pe.Position()
		}
		rep.Addf(diag.Error, CodeJSONSyntax, name, row, col, "", "", diag.Message(err, "zh"), diag.Message(err, "en"))
		return nil
	}
	r := f.validate(&locator{file: name})
	rep.Merge(r)
	return &f
}

// lineCol converts a byte offset into a 1-based line and column (in runes).
func lineCol(data []byte, off int64) (int, int) {
	if off < 0 {
		off = 0
	}
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	before := data[:off]
	line := bytes.Count(before, []byte("\n")) + 1
	col := utf8.RuneCount(before[bytes.LastIndexByte(before, '\n')+1:]) + 1
	return line, col
}
