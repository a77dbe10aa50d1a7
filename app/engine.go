package app

import (
	"github.com/nqp-index/nqp/scoring/describe"
	"github.com/nqp-index/nqp/scoring/diag"
	"github.com/nqp-index/nqp/scoring/framework"
	"github.com/nqp-index/nqp/scoring/ingest/detect"
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
	// Follow applies the rule for new data (job.Follow): the framework is
	// kept only if it matches at least half of the numeric columns.
	Follow bool `json:"follow,omitempty"`
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
	// Choice says which framework was used and why (framework_notice.go).
	Choice *framework.Choice `json:"choice,omitempty"`
	// Groups is the grouping chosen for new data's units when the recipe
	// grouped by the four regions (job.FollowGroups): "prefecture" for
	// county units, "province" for prefecture units; "" when unchanged.
	Groups string `json:"groups,omitempty"`
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
	Detected *detect.Detected `json:"detected,omitempty"`
}

// Stages of a computation, reported as it goes (Engine.Progress).
const (
	StageRead    = "read"    // reading and checking the data
	StageScore   = "score"   // the pipeline
	StageAnalyse = "analyse" // the declared analyses
	StageSend    = "send"    // the answer on its way to the page
)

// JobJSON is the Job kind that returns the full result as JSON
// (Outcome.JSON), byte for byte what nqp score writes.
const JobJSON = "json"

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
