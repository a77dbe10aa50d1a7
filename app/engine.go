package app

import (
	"errors"

	"github.com/nqp-index/nqp/scoring/analysis"
	"github.com/nqp-index/nqp/scoring/describe"
	"github.com/nqp-index/nqp/scoring/diag"
	"github.com/nqp-index/nqp/scoring/framework"
	"github.com/nqp-index/nqp/scoring/ingest"
	"github.com/nqp-index/nqp/scoring/job"
	"github.com/nqp-index/nqp/scoring/pipeline"
)

// Job is one request to the engine: a data file, a framework and a recipe.
// In the browser it is posted to the engine's Web Worker (the file bytes
// travel separately as a transferable ArrayBuffer).
type Job struct {
	FileName string          `json:"file_name"`
	Data     []byte          `json:"-"`
	Template string          `json:"template"`
	Recipe   pipeline.Recipe `json:"recipe"`
	// Framework, when set, is a custom framework (built, edited or
	// imported by the user) used instead of Template.
	Framework *framework.Framework `json:"framework,omitempty"`
	// Kind is "" for a plain run or JobXLSX to also build the XLSX
	// workbook (export_view.go) in Lang.
	Kind string `json:"kind,omitempty"`
	Lang Lang   `json:"lang,omitempty"`
	// Ingest overrides what ingest detects (load_options.go); zero = detect all.
	Ingest IngestOptions `json:"ingest,omitempty"`
	// Table and Offset choose the page of a JobTable (tables_view.go).
	Table  string `json:"table,omitempty"`
	Offset int    `json:"offset,omitempty"`
}

// Summary describes the data as read.
type Summary struct {
	File    string `json:"file"`
	Units   int    `json:"units"`
	Periods int    `json:"periods"`
	Columns int    `json:"columns"`
}

// Outcome is the engine's answer to a Job.
type Outcome struct {
	Summary *Summary         `json:"summary,omitempty"` // nil when the file could not be read
	Result  *pipeline.Result `json:"result,omitempty"`  // nil when the data could not be scored
	Report  diag.Report      `json:"report"`            // every problem, from ingest on
	// The check step: per-indicator statistics and the data as read.
	Stats []describe.Stat `json:"stats,omitempty"`
	Table *DataTable      `json:"table,omitempty"`
	// The framework step: the full framework used (before the indicators
	// without data were dropped) and how its indicators matched the columns.
	Framework *framework.Framework `json:"framework,omitempty"`
	Match     *framework.Match     `json:"match,omitempty"`
	// XLSX is the workbook of a JobXLSX job and JSON the full result of a
	// JobJSON job, byte for byte what nqp score writes (export_view.go).
	XLSX []byte `json:"xlsx,omitempty"`
	JSON []byte `json:"json,omitempty"`
	// Model is the result frozen for scoring new data (model.go), or
	// ModelErr why it cannot be frozen (bilingual).
	Model    *pipeline.Model `json:"model,omitempty"`
	ModelErr string          `json:"model_err,omitempty"`
	// Tables and Page answer a JobTable (tables_view.go).
	Tables []TableInfo `json:"tables,omitempty"`
	Page   *TablePage  `json:"page,omitempty"`
	// Detected is what ingest detected or used (format, encoding,
	// delimiter, layout, key columns, sheet), shown with overrides.
	Detected *ingest.Detected `json:"detected,omitempty"`
}

// Stages of a computation, reported as it goes (Engine.Progress).
const (
	StageRead    = "read"    // reading and checking the data
	StageScore   = "score"   // the pipeline
	StageAnalyse = "analyse" // the declared analyses
	StageSend    = "send"    // the answer on its way to the page
)

// Compute runs a Job: ingest, framework matching and the pipeline. It is
// pure Go; the browser runs it in a Web Worker, tests run it directly.
func Compute(j Job) Outcome { return compute(j, nil) }

// compute is Compute, calling progress (if not nil) at each stage.
func compute(j Job, progress func(stage string)) Outcome {
	stage := func(s string) {
		if progress != nil {
			progress(s)
		}
	}
	var out Outcome
	if j.Kind == JobReadFramework {
		f, rep, _ := framework.Read(j.FileName, j.Data)
		out.Framework, out.Report = f, rep
		return out
	}
	stage(StageRead)
	p, rep, err := ingest.Read(j.FileName, j.Data, j.Ingest.options(&out))
	out.Report.Merge(rep)
	if err != nil || rep.HasErrors() || p == nil {
		return out
	}
	out.Summary = &Summary{File: j.FileName, Units: len(p.Units), Periods: len(p.Periods), Columns: len(p.Columns)}
	out.Stats, out.Table = describe.Panel(p), NewDataTable(p)
	var fw *framework.Framework
	var mapping map[string]string
	if j.Framework != nil {
		fw, mapping = customFramework(&out, j.Framework, p)
		if fw == nil {
			return out
		}
	} else if j.Template == "" {
		fw = &framework.Framework{Nodes: []framework.Node{{Code: "Index", NameZh: "综合指数", NameEn: "Index", Weight: 1}}}
		for _, c := range p.Columns {
			fw.Nodes = append(fw.Nodes, framework.Node{Code: c.Name, Parent: "Index", Weight: 1})
		}
		out.Framework = fw.Clone()
		out.Match = &framework.Match{Mapping: map[string]string{}, Present: fw.Leaves()}
		for _, c := range p.Columns {
			out.Match.Mapping[c.Name] = c.Name
		}
	} else {
		t, err := framework.Template(j.Template)
		if err != nil {
			out.Report.Add(diag.New(diag.Error, "unknown-template", "未知的指标体系："+j.Template, "unknown framework: "+j.Template))
			return out
		}
		// The same matching and messages as the CLI (job.MatchData), so
		// that the downloaded result's report equals the CLI's.
		m, mrep, merr := job.MatchData(t, p)
		out.Report.Merge(mrep)
		out.Framework, out.Match = t.Clone(), &m
		if merr != nil {
			return out
		}
		fw, mapping = t.Restrict(m), m.Mapping
	}
	stage(StageScore)
	res, err := pipeline.Run(pipeline.Input{Data: p, Framework: fw, Columns: mapping}, j.Recipe)
	if err != nil {
		var re *diag.ReportError
		if errors.As(err, &re) {
			out.Report.Merge(re.Report)
		} else {
			out.Report.Add(diag.New(diag.Error, "recipe", err.Error(), err.Error()))
		}
		return out
	}
	// The recipe's declared analyses (analyses_view.go), as nqp score runs them.
	if len(res.Recipe.Analyses) > 0 {
		stage(StageAnalyse)
		if err := analysis.Apply(pipeline.Input{Data: p, Framework: fw, Columns: mapping}, res); err != nil {
			zh, en := err.Error(), err.Error()
			var ae *analysis.Error
			if errors.As(err, &ae) {
				zh, en = ae.Zh, ae.En
			}
			out.Report.Add(diag.New(diag.Warning, "analysis-failed", zh, en))
		}
	}
	// As job.Run and nqp score: the result's report carries every problem,
	// from ingest on (the downloaded JSON equals the CLI's).
	out.Report.Merge(res.Report)
	res.Report = out.Report
	out.Result = res
	if m, err := pipeline.Freeze(res); err != nil {
		out.ModelErr = err.Error()
	} else {
		out.Model = &m
	}
	return out
}

// JobReadFramework asks the engine to read a framework file (Job.FileName,
// Job.Data); the answer's Framework and Report hold the result. File
// parsing (CSV, XLSX, JSON) lives in the engine, not in the page.
const JobReadFramework = "read-framework"

// noWorker is the problem shown when the browser cannot run Web Workers.
func noWorker() diag.Problem {
	return diag.New(diag.Error, "no-worker", "此浏览器不支持 Web Worker，无法在本机计算；请使用较新的浏览器", "this browser cannot run Web Workers, so nothing can be computed locally; please use a current browser")
}

// engineStopped reports an engine that stopped unexpectedly, with its
// last output (a Go panic's message and stack).
func engineStopped(output string) diag.Problem {
	if len(output) > 2000 {
		output = output[len(output)-2000:]
	}
	return diag.New(diag.Error, "engine-stopped", "计算引擎意外停止（已重新启动，您的数据与设置均保留）。请把以下信息报告给开发者：\n"+output,
		"the engine stopped unexpectedly (it has been restarted; your data and settings are kept). Please report this to the developers:\n"+output)
}

// JobError reports a Job that could not be decoded.
func JobError(err error) diag.Problem {
	return diag.New(diag.Error, "bad-job", "计算请求无法读取："+err.Error(), "cannot read the job: "+err.Error())
}
