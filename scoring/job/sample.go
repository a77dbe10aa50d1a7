package job

import (
	"bytes"

	"github.com/nqp-index/nqp/scoring/diag"
	"github.com/nqp-index/nqp/scoring/sample"
)

// IsSample reports whether a data file is the bundled provincial S&T panel
// (sample.TechmePanelCSV) under its own name.
func IsSample(name string, data []byte) bool {
	return name == sample.TechmePanelName && bytes.Equal(data, sample.TechmePanelCSV())
}

// SampleNotes makes the notes about the drivers template's coverage of the
// bundled sample info, not warnings: the panel covers 7 of the template's
// indicators (as the template's description says), which fewer than half
// of its numeric columns match, and there is nothing a user could do about
// it. With data of one's own they stay warnings. The CLI (nqp score
// -sample) and the page apply it alike, so the sample's first run shows
// only the warnings a user must act on.
func SampleNotes(rep *diag.Report) {
	for i, p := range rep.Problems {
		if p.Severity != diag.Warning {
			continue
		}
		switch p.Code {
		case "indicators-missing":
			p.Zh += "（内置示例数据只覆盖科技创新、人才集聚和战略性新兴产业三个维度）"
			p.En += " (the bundled sample covers only the innovation, talent and emerging-industry dimensions)"
		case "framework-few-columns":
		default:
			continue
		}
		p.Severity = diag.Info
		rep.Problems[i] = p
	}
}

// OwnSample reports whether a job scores the bundled sample with its own
// template (drivers), whose coverage notes SampleNotes makes info.
func (s Spec) OwnSample() bool {
	return s.Framework == nil && s.FrameworkData == nil && s.Template == "drivers" && IsSample(s.DataName, s.Data)
}
