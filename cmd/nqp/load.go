package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/nqp-index/nqp/scoring/diag"
	"github.com/nqp-index/nqp/scoring/framework"
	"github.com/nqp-index/nqp/scoring/ingest"
	"github.com/nqp-index/nqp/scoring/panel"
	"github.com/nqp-index/nqp/scoring/region"
	"github.com/nqp-index/nqp/scoring/sample"
)

// common holds the flags shared by score and inspect.
type common struct {
	lang         string
	meta         string
	template     string
	sample       bool
	sheet        string
	encoding     string
	layout       string
	unitCol      string
	periodCol    string
	decimalComma bool
}

func (c *common) register(fs *flag.FlagSet) {
	fs.StringVar(&c.lang, "lang", langFromEnv(), "zh or en")
	fs.StringVar(&c.meta, "meta", "", "framework file")
	fs.StringVar(&c.template, "template", "", "built-in framework")
	fs.BoolVar(&c.sample, "sample", false, "use the bundled provincial S&T panel")
	fs.StringVar(&c.sheet, "sheet", "", "XLSX sheet")
	fs.StringVar(&c.encoding, "encoding", "", "utf-8, gb18030, utf-16le, utf-16be")
	fs.StringVar(&c.layout, "layout", "", "wide or long")
	fs.StringVar(&c.unitCol, "unit-col", "", "unit column header")
	fs.StringVar(&c.periodCol, "period-col", "", "period column header")
	fs.BoolVar(&c.decimalComma, "decimal-comma", false, "numbers use a decimal comma")
}

// parseArgs parses flags placed before and after positional arguments.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// loadData reads the data file (or the bundled sample).
func loadData(c *common, path string) (*panel.Panel, diag.Report, error) {
	var name string
	var b []byte
	if c.sample {
		name, b = sample.TechmePanelName, sample.TechmePanelCSV()
	} else {
		var err error
		b, err = os.ReadFile(path)
		if err != nil {
			var rep diag.Report
			rep.Add(diag.Problem{Severity: diag.Error, Code: "cannot-open", File: path,
				Zh: "无法打开文件：" + err.Error(), En: "cannot open the file: " + err.Error()})
			return nil, rep, rep.Err()
		}
		name = filepath.Base(path)
	}
	opt := ingest.Options{
		Sheet: c.sheet, Encoding: c.encoding, Layout: c.layout,
		UnitColumn: c.unitCol, PeriodColumn: c.periodCol, DecimalComma: c.decimalComma,
		UnitMatcher: region.MatchName,
	}
	return ingest.Read(name, b, opt)
}

// loadFramework returns the framework to score with and the mapping of its
// indicators to data columns, restricted to the indicators present.
func loadFramework(c *common, p *panel.Panel) (*framework.Framework, map[string]string, diag.Report, error) {
	var rep diag.Report
	var fw *framework.Framework
	tmpl := c.template
	if tmpl == "" && c.meta == "" && c.sample {
		tmpl = "drivers"
	}
	switch {
	case c.meta != "":
		b, err := os.ReadFile(c.meta)
		if err != nil {
			rep.Add(diag.Problem{Severity: diag.Error, Code: "cannot-open", File: c.meta,
				Zh: "无法打开指标体系文件：" + err.Error(), En: "cannot open the framework file: " + err.Error()})
			return nil, nil, rep, rep.Err()
		}
		f, r, err := framework.Read(filepath.Base(c.meta), b)
		rep.Merge(r)
		if err != nil || r.HasErrors() {
			if err == nil {
				err = r.Err()
			}
			return nil, nil, rep, err
		}
		fw = f
	case tmpl != "":
		f, err := framework.Template(tmpl)
		if err != nil {
			rep.Add(diag.Problem{Severity: diag.Error, Code: "unknown-template", Text: tmpl,
				Zh: fmt.Sprintf("未知的内置指标体系“%s”（可用：%s）", tmpl, templateNames()),
				En: fmt.Sprintf("unknown built-in framework %q (known: %s)", tmpl, templateNames())})
			return nil, nil, rep, rep.Err()
		}
		fw = f
	default:
		fw = flatFramework(p)
		rep.Add(diag.Problem{Severity: diag.Info, Code: "flat-framework",
			Zh: "未指定指标体系：所有数值列都作为正向指标、等权重地归入一个总指数（用 -meta 或 -template 指定）",
			En: "no framework given: every numeric column is a positive indicator under one index, with equal weights (use -meta or -template)"})
	}
	m := fw.MatchColumns(columnNames(p))
	if len(m.Missing) > 0 {
		rep.Add(diag.Problem{Severity: diag.Warning, Code: "indicators-missing",
			Zh: fmt.Sprintf("指标体系中有 %d 个指标在数据中找不到，按已有的 %d 个指标计算：%s", len(m.Missing), len(m.Present), strings.Join(m.Missing, "、")),
			En: fmt.Sprintf("%d framework indicators are not in the data; scoring with the %d present: missing %s", len(m.Missing), len(m.Present), strings.Join(m.Missing, ", "))})
	}
	if len(m.Extra) > 0 {
		rep.Add(diag.Problem{Severity: diag.Info, Code: "columns-unused",
			Zh: fmt.Sprintf("数据中有 %d 列未对应任何指标：%s", len(m.Extra), strings.Join(m.Extra, "、")),
			En: fmt.Sprintf("%d data columns match no indicator: %s", len(m.Extra), strings.Join(m.Extra, ", "))})
	}
	if len(m.Present) == 0 {
		rep.Add(diag.Problem{Severity: diag.Error, Code: "no-indicators",
			Zh: "指标体系中的指标在数据中一个也找不到", En: "none of the framework's indicators is in the data"})
		return nil, nil, rep, rep.Err()
	}
	return fw.Restrict(m), m.Mapping, rep, nil
}

func columnNames(p *panel.Panel) []string {
	out := make([]string, len(p.Columns))
	for i, c := range p.Columns {
		out[i] = c.Name
	}
	return out
}

// flatFramework puts every numeric column under one index.
func flatFramework(p *panel.Panel) *framework.Framework {
	fw := &framework.Framework{Name: "flat", Nodes: []framework.Node{{Code: "Index", NameZh: "综合指数", NameEn: "Index", Weight: 1}}}
	for _, c := range p.Columns {
		fw.Nodes = append(fw.Nodes, framework.Node{Code: c.Name, Parent: "Index", Weight: 1})
	}
	return fw
}

func templateNames() string {
	var n []string
	for _, t := range framework.Templates() {
		n = append(n, t.Name)
	}
	return strings.Join(n, ", ")
}
