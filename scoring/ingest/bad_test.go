package ingest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nqp-index/nqp/scoring/diag"
)

// badCase is one file of the bad corpus and the problem it must produce.
type badCase struct {
	file  string // under testdata/bad, or a name when data is set
	data  []byte // inline content (binary or generated); nil reads file
	opt   Options
	code  string
	sev   diag.Severity
	row   int
	col   int
	text  string // Problem.Text, also required in both messages when non-empty
	inMsg string // another string both messages must contain
	fatal bool   // Read must return an error and no panel
}

var badCases = []badCase{
	{file: "ragged_short.csv", code: CodeRaggedRow, sev: diag.Warning, row: 3, inMsg: "3"},
	{file: "ragged_long.csv", code: CodeRaggedRow, sev: diag.Warning, row: 2, col: 5, text: "999"},
	{file: "duplicate_header.csv", code: CodeDuplicateHeader, sev: diag.Warning, row: 1, col: 4, text: "GDP", inMsg: "GDP (2)"},
	{file: "empty_header.csv", code: CodeEmptyHeader, sev: diag.Warning, row: 1, col: 3, inMsg: "column 3"},
	{file: "duplicate_row.csv", code: CodeDuplicateRow, sev: diag.Warning, row: 4, text: "北京, 2020", inMsg: "2"},
	{file: "duplicate_long.csv", code: CodeDuplicateRow, sev: diag.Warning, row: 3, text: "北京, 2020, GDP"},
	{file: "non_numeric.csv", code: CodeNonNumeric, sev: diag.Warning, row: 3, col: 3, text: "12x"},
	{file: "out_of_range.csv", code: CodeNonNumeric, sev: diag.Warning, row: 2, col: 3, text: "1e999"},
	{file: "text_column.csv", code: CodeTextColumn, sev: diag.Warning, row: 2, col: 4, text: "暂无", inMsg: "专利"},
	{file: "nan_cell.csv", code: CodeNonNumeric, sev: diag.Warning, row: 3, col: 3, text: "NaN"},
	{file: "period_like.csv", code: CodePeriodLikeColumn, sev: diag.Info, col: 3, inMsg: "年度"},
	{file: "decimal_comma.csv", code: CodeDecimalComma, sev: diag.Info, row: 2, col: 3, text: "6,83"},
	{file: "gbk_line.csv", data: []byte("地区,GDP\n北京,1\n\xC9\xCF\xBA\xA3,2\n天津,3\n"),
		code: CodeBadEncoding, sev: diag.Warning, row: 3, col: 1, text: `\xC9\xCF\xBA\xA3`, inMsg: "上海,2"},
	{file: "empty_column.csv", code: CodeEmptyColumn, sev: diag.Warning, col: 4, inMsg: "人口"},
	{file: "constant_column.csv", code: CodeConstantColumn, sev: diag.Warning, col: 4, text: "5", inMsg: "人口"},
	{file: "missing_value.csv", code: CodeMissingValue, sev: diag.Info, col: 3, inMsg: "GDP"},
	{file: "unit_missing_periods.csv", code: CodeUnitMissingPeriods, sev: diag.Warning, text: "上海", inMsg: "2021"},
	{file: "unknown_period.csv", code: CodeUnknownPeriod, sev: diag.Warning, row: 4, col: 2, text: "去年"},
	{file: "mixed_periods.csv", code: CodeMixedPeriods, sev: diag.Warning, col: 2, inMsg: "quarter"},
	{file: "missing_unit.csv", code: CodeMissingUnit, sev: diag.Warning, row: 3, col: 1},
	{file: "missing_period.csv", code: CodeMissingPeriod, sev: diag.Warning, row: 3, col: 2},
	{file: "missing_indicator.csv", code: CodeMissingIndicator, sev: diag.Warning, row: 3, col: 3},
	{file: "unterminated_quote.csv", code: CodeUnterminatedQuote, sev: diag.Warning, row: 3},
	{file: "guessed_unit_column.csv", code: CodeGuessedUnitColumn, sev: diag.Info, row: 1, col: 1, inMsg: "x"},
	{file: "title_and_notes.csv", code: CodeSkippedRows, sev: diag.Info, row: 1, text: "表1 各地区科技指标", inMsg: "2"},
	{file: "notes_only.csv", data: []byte("地区,年份,GDP\n北京,2020,1\n上海,2020,2\n注：单位为亿元\n"),
		code: CodeSkippedRows, sev: diag.Info, row: 4, text: "注：单位为亿元"},
	{file: "no_unit_column.csv", code: CodeNoUnitColumn, sev: diag.Error, row: 1, fatal: true},
	{file: "empty.csv", code: CodeEmptyFile, sev: diag.Error, fatal: true},
	{file: "header_only.csv", code: CodeEmptyFile, sev: diag.Error, row: 1, fatal: true},
	{file: "no_numeric_columns.csv", code: CodeNoNumericColumns, sev: diag.Error, row: 1, fatal: true, inMsg: "备注"},
	{file: "too_large.csv", data: []byte("地区,GDP\n北京,1\n"), opt: Options{MaxBytes: 10},
		code: CodeTooLarge, sev: diag.Error, fatal: true, inMsg: "10 B"},
	{file: "too_many_cells.csv", data: []byte("地区,GDP\n北京,1\n上海,2\n"), opt: Options{MaxCells: 5},
		code: CodeTooManyCells, sev: diag.Error, fatal: true, inMsg: "5"},
	{file: "bad_utf8.csv", data: []byte("地区,GDP\n北京,1\n\xff\xfe上海,2\n"), opt: Options{Encoding: "utf-8"},
		code: CodeBadEncoding, sev: diag.Warning, row: 3, col: 1, text: `\xFF\xFE`, inMsg: "\uFFFD上海"},
	{file: "old.xls", data: []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest"),
		code: CodeUnsupportedFormat, sev: diag.Error, fatal: true, inMsg: ".xls"},
	{file: "broken.xlsx", data: []byte("PK\x03\x04 this is not a zip"),
		code: CodeBadXLSX, sev: diag.Error, fatal: true},
	{file: "unknown_unit.csv", data: []byte("地区,GDP\n北京,1\n火星,2\n"),
		opt:  Options{UnitMatcher: func(s string) (string, string, bool) { return "110000", "北京", s == "北京" }},
		code: CodeUnknownUnit, sev: diag.Info, text: "火星"},
	{file: "option.csv", data: []byte("地区,GDP\n北京,1\n"), opt: Options{Layout: "diagonal"},
		code: CodeBadOption, sev: diag.Error, fatal: true, text: "diagonal"},
	{file: "column.csv", data: []byte("地区,GDP\n北京,1\n"), opt: Options{UnitColumn: "城市"},
		code: CodeColumnNotFound, sev: diag.Error, row: 1, fatal: true, text: "城市", inMsg: "GDP"},
	{file: "long.csv", data: []byte("地区,年份,GDP,人口\n北京,2020,1,2\n"), opt: Options{Layout: "long"},
		code: CodeNoIndicatorColumn, sev: diag.Error, row: 1, fatal: true},
}

func TestBadFiles(t *testing.T) {
	for _, tc := range badCases {
		t.Run(tc.file, func(t *testing.T) {
			data := tc.data
			if data == nil {
				var err error
				if data, err = os.ReadFile(filepath.Join("testdata", "bad", tc.file)); err != nil {
					t.Fatal(err)
				}
			}
			p, rep, err := Read(tc.file, data, tc.opt)
			if tc.fatal {
				if err == nil || p != nil {
					t.Fatalf("Read returned panel %v, error %v; want an error", p != nil, err)
				}
				if pe, ok := err.(diag.Problem); !ok || pe.Code != tc.code {
					t.Errorf("error %v is not the %s problem", err, tc.code)
				}
			} else if err != nil || p == nil {
				t.Fatalf("Read failed: %v", err)
			}
			var got *diag.Problem
			for i := range rep.Problems {
				if rep.Problems[i].Code == tc.code {
					got = &rep.Problems[i]
					break
				}
			}
			if got == nil {
				t.Fatalf("no %s problem in report:\n%s", tc.code, formatReport(rep))
			}
			if got.Severity != tc.sev || got.Row != tc.row || got.Col != tc.col || got.Text != tc.text || got.File != tc.file {
				t.Errorf("got %+v\nwant severity %v row %d col %d text %q file %q", *got, tc.sev, tc.row, tc.col, tc.text, tc.file)
			}
			if got.Zh == "" || got.En == "" {
				t.Errorf("empty message: %+v", *got)
			}
			for _, s := range []string{tc.text, tc.inMsg} {
				if s != "" && (!strings.Contains(got.Zh, s) || !strings.Contains(got.En, s)) {
					t.Errorf("messages do not both contain %q:\nzh: %s\nen: %s", s, got.Zh, got.En)
				}
			}
			if tc.fatal && rep.Count(diag.Error) == 0 {
				t.Errorf("fatal case without an Error problem")
			}
		})
	}
}

func formatReport(rep diag.Report) string {
	var b strings.Builder
	rep.Write(&b, "en")
	return b.String()
}
