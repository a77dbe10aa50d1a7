package main

import (
	"flag"
	"os"
	"path/filepath"
	"runtime/debug"

	"github.com/nqp-index/nqp/scoring/diag"
	"github.com/nqp-index/nqp/scoring/framework"
	"github.com/nqp-index/nqp/scoring/ingest"
	"github.com/nqp-index/nqp/scoring/job"
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
	former       string

	// detected, if not nil, receives what ingest detected (inspect.go).
	detected *ingest.Detected
	// isSample is set by loadData when the data is the bundled sample
	// (-sample, or the same file by name and bytes, job.IsSample).
	isSample bool
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
	fs.StringVar(&c.former, "former", "", "CSV (former,current) or JSON of former unit names, e.g. 襄樊,襄阳")
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
	spec := job.Spec{Ingest: ingest.Options{
		Sheet: c.sheet, Encoding: c.encoding, Layout: c.layout,
		UnitColumn: c.unitCol, PeriodColumn: c.periodCol, DecimalComma: c.decimalComma,
		Detected: c.detected,
	}}
	if c.former != "" {
		m, rep, err := readFormer(c.former)
		if err != nil {
			return nil, rep, err
		}
		spec.FormerNames = m
	}
	if c.sample {
		spec.DataName, spec.Data = sample.TechmePanelName, sample.TechmePanelCSV()
	} else {
		b, rep := readLimited(path, ingest.DefaultMaxBytes, "无法打开文件：", "cannot open the file: ")
		if rep.HasErrors() {
			return nil, rep, rep.Err()
		}
		spec.DataName, spec.Data = filepath.Base(path), b
		boundMemory(len(b))
	}
	c.isSample = job.IsSample(spec.DataName, spec.Data)
	return job.ReadData(spec)
}

// limitMemory is set by main: loadData then calls debug.SetMemoryLimit.
var limitMemory bool

// boundMemory sets the garbage collector's soft memory limit from the size
// of the data file: max(32 MiB, 2 × size). The run's live heap is at
// most about 1.8 × the file (the file and the panel while ingest splits it,
// then the panel and two per-cell matrices), so the collector then works
// close to the live heap instead of letting the heap double (GOGC=100): the
// 20.4 MB county panel peaks at 51–57 MB RSS instead of 86–94 MB. The
// limit is soft (it never makes a run fail; the runtime caps the collector's
// CPU share) and a GOMEMLIMIT set by the user is left alone. Only main
// sets limitMemory: tests run many commands in one process.
func boundMemory(size int) {
	if !limitMemory || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetMemoryLimit(max(32<<20, 2*int64(size)))
}

// loadFramework returns the framework to score with and the mapping of its
// indicators to data columns, restricted to the indicators present: the
// -meta file, the -template, the sample's drivers template, or every
// numeric column.
func loadFramework(c *common, p *panel.Panel) (*framework.Framework, map[string]string, diag.Report, error) {
	var rep diag.Report
	spec := job.Spec{Template: c.template}
	if c.template == "" && c.meta == "" && c.sample {
		spec.Template = "drivers"
	}
	if c.meta != "" {
		b, r := readLimited(c.meta, ingest.DefaultMaxBytes, "无法打开指标体系文件：", "cannot open the framework file: ")
		if r.HasErrors() {
			rep.Merge(r)
			return nil, nil, rep, rep.Err()
		}
		spec.FrameworkName, spec.FrameworkData = filepath.Base(c.meta), b
	}
	fw, r, err := job.ChooseFramework(spec, p)
	rep.Merge(r)
	if err != nil {
		return nil, nil, rep, err
	}
	// Without -template or -meta every numeric column is an indicator
	// (directions guessed from the names, reported for confirmation). An
	// explicit -template or -meta that matches fewer than half of the
	// numeric columns is kept, as asked, with a warning saying how many
	// it matched; the sample's own template is not questioned.
	ownSample := c.isSample && c.meta == "" && spec.Template == "drivers"
	if c.template != "" || c.meta != "" {
		fw, _, r = job.Follow(fw, spec.Requested(), p, false)
		if ownSample {
			job.SampleNotes(&r)
		}
		rep.Merge(r)
	}
	m, r, err := job.MatchData(fw, p)
	if ownSample {
		job.SampleNotes(&r)
	}
	rep.Merge(r)
	if err != nil {
		return nil, nil, rep, err
	}
	return fw.Restrict(m), m.Mapping, rep, nil
}

// readFormer reads the -former mapping of former unit names.
func readFormer(path string) (map[string]string, diag.Report, error) {
	var rep diag.Report
	fh, err := os.Open(path)
	if err != nil {
		rep.Add(diag.Problem{Severity: diag.Error, Code: "cannot-open", File: path,
			Zh: "无法打开曾用名文件：" + err.Error(), En: "cannot open the former-names file: " + err.Error()})
		return nil, rep, rep.Err()
	}
	defer fh.Close()
	m, err := region.ReadFormerNames(fh)
	if fe, ok := err.(*region.Error); ok {
		rep.Add(diag.Problem{Severity: diag.Error, Code: "bad-former-names", File: path, Row: fe.Line, Zh: fe.Zh, En: fe.En})
		return nil, rep, rep.Err()
	}
	return m, rep, nil
}

func columnNames(p *panel.Panel) []string {
	out := make([]string, len(p.Columns))
	for i, c := range p.Columns {
		out[i] = c.Name
	}
	return out
}
