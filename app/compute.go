//go:build !nqppage

package app

// This file and the other engine-side files (build constraint !nqppage)
// run in the engine's Web Worker, natively in tests and in the site
// generator; the page's build (-tags nqppage) leaves them out, so that
// app.wasm does not link the readers (ingest, excelize, text encodings).

import (
	"errors"
	"github.com/nqp-index/nqp/scoring/job"
	"slices"
	"strings"

	"github.com/nqp-index/nqp/scoring/analysis"
	"github.com/nqp-index/nqp/scoring/describe"
	"github.com/nqp-index/nqp/scoring/diag"
	"github.com/nqp-index/nqp/scoring/framework"
	"github.com/nqp-index/nqp/scoring/ingest"
	"github.com/nqp-index/nqp/scoring/pipeline"
	"github.com/nqp-index/nqp/scoring/region"
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
	// The columns no indicator matched are "not in the framework".
	defer func() {
		if out.Match != nil {
			out.Detected.NotInFramework(out.Match.Extra)
		}
	}()
	p, rep, err := ingest.Read(j.FileName, j.Data, j.Ingest.options(&out))
	out.Report.Merge(rep)
	if err != nil || rep.HasErrors() || p == nil {
		return out
	}
	out.Summary = &Summary{File: j.FileName, Units: len(p.Units), Periods: len(p.Periods), Columns: len(p.Columns)}
	out.Stats, out.Table = describe.Panel(p), NewDataTable(p)
	fw, mapping := chooseFramework(&out, j, p)
	if fw == nil {
		return out
	}
	if j.Follow {
		// New data: county units are grouped by prefecture, prefecture
		// units by province, unless another grouping was chosen (as nqp
		// score without -groups); the workspace adopts it (Apply).
		r := j.Recipe
		r.Analyses = slices.Clone(r.Analyses)
		if rep := job.FollowGroups(&r, p); len(rep.Problems) > 0 {
			out.Report.Merge(rep)
			j.Recipe, out.Groups = r, r.Rank.Groups
		}
	}
	stage(StageScore)
	res, err := pipeline.Run(pipeline.Input{Data: p, Framework: fw, Columns: mapping}, j.Recipe)
	if err != nil {
		var re *diag.ReportError
		if errors.As(err, &re) {
			out.Report.Merge(re.Report)
		} else {
			out.Report.Add(diag.New(diag.Error, "recipe", diag.Message(err, "zh"), diag.Message(err, "en")))
		}
		return out
	}
	// The recipe's declared analyses (analyses_view.go), as nqp score runs them.
	if len(res.Recipe.Analyses) > 0 {
		stage(StageAnalyse)
		if err := analysis.Apply(pipeline.Input{Data: p, Framework: fw, Columns: mapping}, res); err != nil {
			out.Report.Add(diag.New(diag.Warning, "analysis-failed", diag.Message(err, "zh"), diag.Message(err, "en")))
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

// options returns the ingest options of a job; what ingest detects goes
// into out.Detected.
func (o IngestOptions) options(out *Outcome) ingest.Options {
	out.Detected = &ingest.Detected{}
	var delim rune
	for _, r := range o.Delimiter {
		delim = r
		break
	}
	var former map[string]string
	if o.FormerNames != "" {
		m, err := region.ReadFormerNames(strings.NewReader(o.FormerNames))
		if err != nil {
			out.Report.Add(diag.Problem{Severity: diag.Warning, Code: "bad-former-names",
				Zh: "曾用名对照表未使用：" + diag.Message(err, "zh"), En: "the former-names table is not used: " + diag.Message(err, "en")})
		}
		former = m
	}
	return ingest.Options{
		Format: o.Format, Sheet: o.Sheet, Encoding: o.Encoding, Delimiter: delim, Layout: o.Layout,
		UnitColumn: o.UnitColumn, PeriodColumn: o.PeriodColumn, IndicatorColumn: o.IndicatorColumn, ValueColumn: o.ValueColumn,
		DecimalComma: o.DecimalComma, UnitResolver: region.NewResolver(former), Detected: out.Detected,
	}
}
