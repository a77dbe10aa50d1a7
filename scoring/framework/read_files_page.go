//go:build nqppage

package framework

import (
	"bytes"
	"strings"

	"github.com/nqp-index/nqp/scoring/diag"
)

// In the browser page's build (tag nqppage) framework files are read by
// the engine's Web Worker, which is built without the tag; the page does
// not link the XLSX reader and the text encodings (read_files.go). Read
// still works there for UTF-8 CSV and JSON files.

func decodeText(name string, data []byte, rep *diag.Report) string {
	return strings.ToValidUTF8(string(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))), "\uFFFD")
}

func readXLSX(name string, data []byte, rep *diag.Report) *Framework {
	rep.Addf(diag.Error, CodeXLSX, name, 0, 0, "", "", "此处不能读取 Excel 文件", "Excel files cannot be read here")
	return nil
}
