package ingest

import (
	"fmt"
	"strings"

	"github.com/nqp-index/nqp/scoring/diag"
)

// decimalComma returns whether numbers are read with a decimal comma: as
// Options.DecimalComma says, or, in a ";"-delimited file, when more cells
// are numbers only with a decimal comma ("6,83") than only with a decimal
// point ("6.83"); "1,234" reads either way and counts for neither. A
// detection is reported as an Info problem naming the first such cell.
func decimalComma(r *reporter, t *table, opt Options) bool {
	if opt.DecimalComma || r.det.Delimiter != ";" {
		r.det.DecimalComma = opt.DecimalComma
		return opt.DecimalComma
	}
	comma, point := 0, 0
	firstRow, firstCol, firstText := 0, 0, ""
	for i := range t.data {
		for j := range t.names {
			s := t.cell(i, j)
			hasComma := strings.IndexByte(s, ',') >= 0 || strings.Contains(s, "，")
			if !hasComma && strings.IndexByte(s, '.') < 0 {
				continue
			}
			_, m1, e1 := ParseNumber(s, false)
			_, m2, e2 := ParseNumber(s, true)
			switch {
			case m1 || m2:
			case e1 != nil && e2 == nil:
				if comma == 0 {
					firstRow, firstCol, firstText = t.rowNum(i), t.src[j]+1, s
				}
				comma++
			case e1 == nil && e2 != nil:
				point++
			}
		}
	}
	if comma <= point {
		return false
	}
	r.det.DecimalComma = true
	r.add(diag.Info, CodeDecimalComma, firstRow, firstCol, "", firstText,
		fmt.Sprintf("文件以分号分隔，数字使用小数逗号（如“%s”，共 %d 个单元格），已按小数逗号读取", firstText, comma),
		fmt.Sprintf("the file is delimited by semicolons and its numbers use a decimal comma (e.g. %q, %d cells); they were read so (the DecimalComma option overrides)", firstText, comma))
	return true
}
