package ingest

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/nqp-index/nqp/scoring/diag"
	"github.com/nqp-index/nqp/scoring/panel"
)

// Default limits, used when the Options fields are zero.
const (
	DefaultMaxBytes int64 = 256 << 20
	DefaultMaxCells       = 50_000_000
)

// Options control Read. The zero value detects everything.
type Options struct {
	// Format is "" (detect), "csv", "tsv", "txt" or "xlsx".
	Format string
	// Sheet is the XLSX sheet to read; "" reads the first sheet.
	Sheet string
	// Encoding of text files: "" (detect), "utf-8", "gb18030" (also "gbk"),
	// "utf-16le" or "utf-16be".
	Encoding string
	// Delimiter of text files; 0 picks one of , ; tab | from the data.
	Delimiter rune
	// Layout is "" (detect), "wide" or "long".
	Layout string
	// UnitColumn and PeriodColumn name the header of the unit and period
	// columns; "" detects them.
	UnitColumn, PeriodColumn string
	// IndicatorColumn and ValueColumn name the indicator-name and value
	// columns of a long layout; "" detects them.
	IndicatorColumn, ValueColumn string
	// DecimalComma reads "1.234,5" as 1234.5.
	DecimalComma bool
	// MaxBytes limits the input size; 0 means DefaultMaxBytes.
	MaxBytes int64
	// MaxCells limits the number of cells; 0 means DefaultMaxCells.
	MaxCells int
	// UnitMatcher, if not nil, canonicalises unit texts (after trimming and
	// collapsing spaces): it returns the unit's code and display name, or
	// ok == false for an unknown unit, which is then kept as written.
	UnitMatcher func(raw string) (code, name string, ok bool)
	// UnitResolver, if not nil, is used instead of UnitMatcher: it sees
	// the whole file's unit texts and context columns (resolver.go).
	UnitResolver UnitResolver
	// Detected, if not nil, receives what was detected or used (detected.go).
	Detected *Detected
}

// Read reads the file called name (used in problems only) with content data
// into a panel. The report lists every problem found. The error is non-nil
// only when nothing usable could be read; it is then a diag.Problem that is
// also in the report, and the panel is nil.
func Read(name string, data []byte, opt Options) (p *panel.Panel, rep diag.Report, err error) {
	r := &reporter{file: name, det: opt.Detected}
	if r.det == nil {
		r.det = &Detected{}
	}
	defer func() {
		if v := recover(); v != nil {
			p = nil
			err = r.fatal("internal-error", 0, 0, "", "",
				fmt.Sprintf("读取文件时发生内部错误：%v", v),
				fmt.Sprintf("internal error while reading the file: %v", v))
			rep = r.rep
			r.detach(nil, &rep)
		}
	}()
	p, err = read(r, data, opt)
	r.flush()
	r.detach(p, &r.rep)
	if err != nil {
		return nil, r.rep, err
	}
	p.File = name
	return p, r.rep, nil
}

func read(r *reporter, data []byte, opt Options) (*panel.Panel, error) {
	maxBytes := opt.MaxBytes
	if maxBytes <= 0 {
		maxBytes = DefaultMaxBytes
	}
	maxCells := opt.MaxCells
	if maxCells <= 0 {
		maxCells = DefaultMaxCells
	}
	if err := checkOptions(r, &opt); err != nil {
		return nil, err
	}
	if int64(len(data)) > maxBytes {
		size, limit := formatBytes(int64(len(data))), formatBytes(maxBytes)
		return nil, r.fatal(CodeTooLarge, 0, 0, "", "",
			fmt.Sprintf("文件过大：%s 超过 %s 上限", size, limit),
			fmt.Sprintf("file too large: %s exceeds the %s limit", size, limit))
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, r.fatal(CodeEmptyFile, 0, 0, "", "", "文件是空的", "the file is empty")
	}
	format := strings.ToLower(opt.Format)
	if format == "" {
		switch {
		case bytes.HasPrefix(data, []byte("PK\x03\x04")):
			format = "xlsx"
		case bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0}):
			return nil, r.fatal(CodeUnsupportedFormat, 0, 0, "", "",
				"不支持旧版 Excel（.xls）文件，请另存为 .xlsx 或 CSV 后再上传",
				"legacy Excel (.xls) files are not supported; save the file as .xlsx or CSV and upload it again")
		}
	}
	var g *grid
	var periodText func(int, int, string) string
	r.det.Format = format
	if format == "xlsx" {
		x, err := openXLSX(r, data, opt.Sheet, maxBytes, maxCells)
		if err != nil {
			return nil, err
		}
		defer x.close()
		if g, err = x.read(r, true, maxCells); err != nil {
			return nil, err
		}
		periodText = x.periodText(maxCells)
	} else {
		var err error
		if g, err = readText(r, data, opt, format, maxCells); err != nil {
			return nil, err
		}
	}
	t, err := prepare(r, g, opt)
	if err != nil {
		return nil, err
	}
	t.periodText = periodText
	return build(r, t, opt)
}

func checkOptions(r *reporter, opt *Options) error {
	bad := func(field, val string) error {
		return r.fatal(CodeBadOption, 0, 0, "", val,
			fmt.Sprintf("选项 %s 的值“%s”无效", field, val),
			fmt.Sprintf("invalid value %q for option %s", val, field))
	}
	switch strings.ToLower(opt.Format) {
	case "", "csv", "tsv", "txt", "xlsx":
	default:
		return bad("Format", opt.Format)
	}
	switch strings.ToLower(opt.Layout) {
	case "", "wide", "long":
		opt.Layout = strings.ToLower(opt.Layout)
	default:
		return bad("Layout", opt.Layout)
	}
	enc, ok := canonicalEncoding(opt.Encoding)
	if !ok {
		return bad("Encoding", opt.Encoding)
	}
	opt.Encoding = enc
	if opt.Delimiter != 0 && (opt.Delimiter >= 0x80 || opt.Delimiter == '"' || opt.Delimiter == '\n' || opt.Delimiter == '\r') {
		return bad("Delimiter", string(opt.Delimiter))
	}
	return nil
}

// formatBytes renders a size in MB (or KB for small sizes).
func formatBytes(n int64) string {
	const mb = 1 << 20
	switch {
	case n >= mb && n%mb == 0:
		return fmt.Sprintf("%d MB", n/mb)
	case n >= mb:
		return fmt.Sprintf("%.1f MB", float64(n)/mb)
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

// readText decodes and splits a CSV/TSV/TXT file.
func readText(r *reporter, data []byte, opt Options, format string, maxCells int) (*grid, error) {
	d := decode(data, opt.Encoding)
	r.det.Encoding = d.encoding
	r.shared = r.shared || d.shared
	if d.detected {
		zh, en := "", ""
		if ev := d.evidence; ev != nil {
			zh = fmt.Sprintf("（%d 行含非 ASCII 字符，其中 %d 行不是有效的 UTF-8，按 %s 只有 %d 行读不通）", ev.nonASCII, ev.utf8Bad, strings.ToUpper(d.encoding), ev.gbBad)
			en = fmt.Sprintf(" (of %d lines with non-ASCII bytes, %d are not valid UTF-8 and %d do not read well as %s)", ev.nonASCII, ev.utf8Bad, ev.gbBad, strings.ToUpper(d.encoding))
		}
		r.add(diag.Info, CodeDetectedEncoding, 0, 0, "", d.encoding,
			fmt.Sprintf("文件不是 UTF-8 编码%s，已按 %s 读取", zh, strings.ToUpper(d.encoding)),
			fmt.Sprintf("the file is not UTF-8%s; read it as %s", en, strings.ToUpper(d.encoding)))
	}
	var delim byte
	switch {
	case opt.Delimiter != 0:
		delim = byte(opt.Delimiter)
	case format == "tsv":
		delim = '\t'
	default:
		delim = sniffDelimiter(d.text)
	}
	if r.det.Format == "" {
		r.det.Format = "csv"
		if delim == '\t' {
			r.det.Format = "tsv"
		}
	}
	r.det.Delimiter = string(rune(delim))
	g := parseRecords(d.text, delim, maxCells+1)
	if g.truncated || g.ncells() > maxCells {
		return nil, r.fatal(CodeTooManyCells, 0, 0, "", "",
			fmt.Sprintf("单元格过多：超过 %d 个单元格的上限", maxCells),
			fmt.Sprintf("too many cells: the file exceeds the limit of %d cells", maxCells))
	}
	if d.invalid {
		row, col, text := 0, 0, ""
		for i := 0; i < g.rows() && row == 0; i++ {
			for j, c := range g.row(i) {
				if strings.ContainsRune(c, '\uFFFD') {
					row, col, text = i+1, j+1, c
					break
				}
			}
		}
		r.add(diag.Warning, CodeBadEncoding, row, col, "", text,
			fmt.Sprintf("部分字节不是有效的 %s 编码，已替换为“\uFFFD”（如“%s”）；请检查文件编码", strings.ToUpper(d.encoding), text),
			fmt.Sprintf("some bytes are not valid %s and were replaced by \"\uFFFD\" (e.g. %q); check the file's encoding", strings.ToUpper(d.encoding), text))
	}
	if len(d.bad) > 0 {
		reportBadLines(r, g, d, delim)
	}
	if g.unterminated > 0 {
		r.add(diag.Warning, CodeUnterminatedQuote, g.unterminated, 0, "", "",
			"引号没有闭合，该字段一直延续到文件末尾",
			"a quoted field is not closed and runs to the end of the file")
	}
	return g, nil
}
