//go:build !nqppage

package framework

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"github.com/nqp-index/nqp/scoring/diag"
)

// The readers of Read that need the XLSX and text-encoding libraries. The
// browser page's build (tag nqppage) leaves them out: there, files are
// read by the engine's Web Worker (read_files_page.go).

// decodeText returns data as UTF-8 text without BOM.
func decodeText(name string, data []byte, rep *diag.Report) string {
	switch {
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		data = data[3:]
	case bytes.HasPrefix(data, []byte("\xff\xfe")), bytes.HasPrefix(data, []byte("\xfe\xff")):
		dec := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder()
		if b, err := dec.Bytes(data); err == nil {
			rep.Addf(diag.Info, CodeEncoding, name, 0, 0, "", "", "文件编码为 UTF-16，已自动转换", "the file is UTF-16; it was converted")
			return string(b)
		}
	}
	if utf8.Valid(data) {
		return string(data)
	}
	if b, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data); err == nil {
		rep.Addf(diag.Info, CodeEncoding, name, 0, 0, "", "",
			"文件不是 UTF-8 编码，已按 GB18030（GBK）读取", "the file is not UTF-8; it was read as GB18030 (GBK)")
		return string(b)
	}
	return strings.ToValidUTF8(string(data), "\uFFFD")
}

func readXLSX(name string, data []byte, rep *diag.Report) *Framework {
	x, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit: 64 << 20, UnzipXMLSizeLimit: 16 << 20})
	if err != nil {
		rep.Addf(diag.Error, CodeXLSX, name, 0, 0, "", "", "无法打开 Excel 文件："+err.Error(), "cannot open the Excel file: "+err.Error())
		return nil
	}
	defer x.Close()
	sheets := x.GetSheetList()
	if len(sheets) == 0 {
		rep.Addf(diag.Error, CodeXLSX, name, 0, 0, "", "", "Excel 文件没有工作表", "the Excel file has no sheet")
		return nil
	}
	rows, err := x.GetRows(sheets[0], excelize.Options{RawCellValue: true})
	if err != nil {
		rep.Addf(diag.Error, CodeXLSX, name, 0, 0, "", "", "无法读取工作表“"+sheets[0]+"”："+err.Error(),
			"cannot read the sheet "+sheets[0]+": "+err.Error())
		return nil
	}
	t := table{file: name}
	for i, r := range rows {
		t.cells = append(t.cells, r)
		t.rows = append(t.rows, i+1)
	}
	return readTable(t, rep)
}
