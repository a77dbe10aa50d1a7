//go:build !nqppage

package app

import (
	"github.com/nqp-index/nqp/scoring/diag"
	"github.com/nqp-index/nqp/scoring/framework"
	"github.com/nqp-index/nqp/scoring/job"
	"github.com/nqp-index/nqp/scoring/panel"
)

// chooseFramework picks a job's framework as nqp score does: the user's
// own (j.Framework), a built-in template, or every numeric column (with
// negative directions guessed from the names). With j.Follow (new data)
// a framework that matches fewer than half of the numeric columns gives
// way to every numeric column (job.Follow); out.Choice says which was
// used. It returns the framework restricted to the indicators with data
// and their columns, or nil when the data cannot be scored (out.Report
// says why).
func chooseFramework(out *Outcome, j Job, p *panel.Panel) (*framework.Framework, map[string]string) {
	var fw *framework.Framework
	requested := j.Template
	switch {
	case j.Framework != nil:
		fw, requested = j.Framework.Clone(), "custom"
		rep := fw.Validate()
		out.Report.Merge(rep)
		if rep.HasErrors() {
			out.Framework = fw.Clone()
			return nil, nil
		}
	case j.Template != "":
		t, err := framework.Template(j.Template)
		if err != nil {
			out.Report.Add(diag.New(diag.Error, "unknown-template", "未知的指标体系："+j.Template, "unknown framework: "+j.Template))
			return nil, nil
		}
		fw = t
	default:
		var rep diag.Report
		fw, rep, _ = job.ChooseFramework(job.Spec{}, p)
		out.Report.Merge(rep)
	}
	// The bundled sample with its own template: its coverage notes are
	// info, as in nqp score -sample (job.SampleNotes).
	ownSample := j.Framework == nil && j.Template == "drivers" && job.IsSample(j.FileName, j.Data)
	fw, ch, rep := job.Follow(fw, requested, p, j.Follow && !ownSample)
	if ownSample {
		job.SampleNotes(&rep)
	}
	out.Report.Merge(rep)
	out.Choice = &ch
	// The same matching and messages as the CLI (job.MatchData), so that
	// the downloaded result's report equals the CLI's.
	m, rep, err := job.MatchData(fw, p)
	if ownSample {
		job.SampleNotes(&rep)
	}
	out.Report.Merge(rep)
	out.Framework, out.Match = fw.Clone(), &m
	if err != nil {
		return nil, nil
	}
	return fw.Restrict(m), m.Mapping
}
