// Package job runs one scoring job from inputs as users supply them: a
// data file, a framework (a framework file, a built-in template, a
// framework value, or none: every numeric column under one index) and a
// recipe. The nqp CLI, the browser's engine worker and the Worker API all
// go through it, so they give the same answer for the same inputs.
package job

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/nqp-index/nqp/scoring/diag"
	"github.com/nqp-index/nqp/scoring/framework"
	"github.com/nqp-index/nqp/scoring/ingest"
	"github.com/nqp-index/nqp/scoring/panel"
	"github.com/nqp-index/nqp/scoring/pipeline"
	"github.com/nqp-index/nqp/scoring/region"
)

// Spec is one job's inputs. Exactly one of FrameworkData, Framework and
// Template is normally set; with none, every numeric column is an
// indicator with equal weight.
type Spec struct {
	DataName string
	Data     []byte
	// Ingest options; with neither UnitMatcher nor UnitResolver, units are
	// matched by region.Resolver: China's 31 provinces as before, or its
	// prefectures and counties, with FormerNames (襄樊 → 襄阳) applied.
	Ingest      ingest.Options
	FormerNames map[string]string

	FrameworkName string // file name of FrameworkData, for messages
	FrameworkData []byte // a framework file (COINr iMeta, simple table, JSON)
	Framework     *framework.Framework
	Template      string // a built-in template name
	// FollowData applies framework.KeepForData: the framework (carried
	// over from earlier data) is kept only if it matches at least half of
	// the numeric columns, else every numeric column is scored. Without
	// it, a framework that matches fewer than half is kept with a warning.
	FollowData bool
	// FollowGroups fits the recipe's four-region grouping to the units
	// (FollowGroups): set it when the user did not choose the grouping.
	FollowGroups bool

	Recipe pipeline.Recipe
}

// Outcome is everything a job produced. Fields are nil when the job
// stopped before reaching them; Report always says why.
type Outcome struct {
	Panel     *panel.Panel
	Framework *framework.Framework // the framework as chosen, before restriction to the data
	Match     *framework.Match     // which indicators matched which columns
	Choice    *framework.Choice    // which framework was used and why
	Result    *pipeline.Result
	Report    diag.Report
}

// ReadData reads the data file.
func ReadData(s Spec) (*panel.Panel, diag.Report, error) {
	opt := s.Ingest
	if opt.UnitMatcher == nil && opt.UnitResolver == nil {
		opt.UnitResolver = region.NewResolver(s.FormerNames)
	}
	return ingest.Read(s.DataName, s.Data, opt)
}

// ChooseFramework returns the job's framework (not yet restricted).
func ChooseFramework(s Spec, p *panel.Panel) (*framework.Framework, diag.Report, error) {
	var rep diag.Report
	switch {
	case s.FrameworkData != nil:
		fw, r, err := framework.Read(s.FrameworkName, s.FrameworkData)
		rep.Merge(r)
		if err == nil && r.HasErrors() {
			err = r.Err()
		}
		return fw, rep, err
	case s.Framework != nil:
		if r := s.Framework.Validate(); r.HasErrors() {
			rep.Merge(r)
			return nil, rep, rep.Err()
		}
		return s.Framework, rep, nil
	case s.Template != "":
		fw, err := framework.Template(s.Template)
		if err != nil {
			rep.Add(diag.Problem{Severity: diag.Error, Code: "unknown-template", Text: s.Template,
				Zh: fmt.Sprintf("未知的内置指标体系“%s”（可用：%s）", s.Template, TemplateNames()),
				En: fmt.Sprintf("unknown built-in framework %q (known: %s)", s.Template, TemplateNames())})
			return nil, rep, rep.Err()
		}
		return fw, rep, nil
	}
	fw := Flat(p)
	rep.Add(diag.Problem{Severity: diag.Info, Code: "flat-framework",
		Zh: "未指定指标体系：所有数值列都作为指标、等权重地归入一个总指数",
		En: "no framework given: every numeric column is an indicator under one index, with equal weights"})
	rep.Merge(GuessDirections(fw))
	return fw, rep, nil
}

// GuessDirections guesses the negative indicators of a framework made
// from the data (framework.GuessDirections) and reports them as a warning
// to confirm. It returns an empty report when none was guessed.
func GuessDirections(fw *framework.Framework) diag.Report {
	var rep diag.Report
	g := fw.GuessDirections()
	if len(g) == 0 {
		return rep
	}
	rep.Add(diag.Problem{Severity: diag.Warning, Code: "direction-guessed",
		Zh: fmt.Sprintf("按指标名称推测为负向（越小越好）的指标 %d 个：%s；请确认，方向不对时请在指标体系中改正（用户的指标体系总是优先）", len(g), strings.Join(g, "、")),
		En: fmt.Sprintf("%d indicators guessed negative (smaller is better) from their names: %s; please confirm, and correct the direction in a framework if it is wrong (a framework of yours always wins)", len(g), strings.Join(g, ", "))})
	return rep
}

// Requested names the framework a Spec asks for, as in framework.Choice.
func (s Spec) Requested() string {
	switch {
	case s.FrameworkData != nil, s.Framework != nil:
		return "custom"
	}
	return s.Template
}

// Follow applies the rule for new data to fw, the framework requested
// (named requested, see framework.Choice): when it matches fewer than
// half of p's numeric columns it is replaced by every numeric column
// (Flat, directions guessed) if follow is set, and kept with a warning
// otherwise. The report says which was chosen; a flat fw is returned as
// it is.
func Follow(fw *framework.Framework, requested string, p *panel.Panel, follow bool) (*framework.Framework, framework.Choice, diag.Report) {
	var rep diag.Report
	ch := framework.Choice{Requested: requested, Columns: len(p.Columns)}
	if requested == "" {
		ch.Matched, ch.AllColumns = len(p.Columns), true
		ch.Guessed = guessed(fw)
		return fw, ch, rep
	}
	m := fw.MatchColumns(columnNames(p))
	ch.Matched = len(m.Present)
	if framework.KeepForData(ch.Matched, ch.Columns) {
		ch.Guessed = guessed(fw)
		return fw, ch, rep
	}
	nameZh, nameEn := requested, requested
	if requested == "custom" {
		nameZh, nameEn = "自定义指标体系", "custom framework"
		if fw.Name != "" && fw.Name != "custom" {
			nameZh, nameEn = fw.Name, fw.Name
		}
	}
	if !follow {
		rep.Add(diag.Problem{Severity: diag.Warning, Code: "framework-few-columns",
			Zh: fmt.Sprintf("指标体系“%s”只对应数据中 %d 个数值列中的 %d 个（不到一半）；按你的要求仍使用它，不指定指标体系则使用全部数值列（等权重）", nameZh, ch.Columns, ch.Matched),
			En: fmt.Sprintf("the framework %q matches only %d of the data's %d numeric columns (fewer than half); it is used as you asked, and without one every numeric column would be used (equal weights)", nameEn, ch.Matched, ch.Columns)})
		ch.Guessed = guessed(fw)
		return fw, ch, rep
	}
	flat := Flat(p)
	ch.AllColumns, ch.FellBack = true, true
	rep.Add(diag.Problem{Severity: diag.Warning, Code: "framework-fallback",
		Zh: fmt.Sprintf("指标体系“%s”只对应新数据中 %d 个数值列中的 %d 个（不到一半），已改用全部数值列（等权重）", nameZh, ch.Columns, ch.Matched),
		En: fmt.Sprintf("the framework %q matches only %d of the new data's %d numeric columns (fewer than half); every numeric column is used instead (equal weights)", nameEn, ch.Matched, ch.Columns)})
	rep.Merge(GuessDirections(flat))
	ch.Guessed = guessed(flat)
	return flat, ch, rep
}

func guessed(fw *framework.Framework) []string {
	var out []string
	for _, c := range fw.Leaves() {
		if n := fw.Node(c); n != nil && n.DirectionGuessed {
			out = append(out, c)
		}
	}
	return out
}

func columnNames(p *panel.Panel) []string {
	cols := make([]string, len(p.Columns))
	for i, c := range p.Columns {
		cols[i] = c.Name
	}
	return cols
}

// Flat puts every numeric column of p under one index, with equal weights.
func Flat(p *panel.Panel) *framework.Framework {
	fw := &framework.Framework{Name: "flat", Nodes: []framework.Node{{Code: "Index", NameZh: "综合指数", NameEn: "Index", Weight: 1}}}
	for _, c := range p.Columns {
		fw.Nodes = append(fw.Nodes, framework.Node{Code: c.Name, Parent: "Index", Weight: 1})
	}
	return fw
}

// MatchData matches the framework's indicators to the panel's columns and
// reports what is missing and what is left over. It is an error when no
// indicator matches.
func MatchData(fw *framework.Framework, p *panel.Panel) (framework.Match, diag.Report, error) {
	var rep diag.Report
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
		return m, rep, rep.Err()
	}
	return m, rep, nil
}

// Run reads the data, chooses and matches the framework and runs the
// recipe. The error is non-nil when the job could not finish; the
// Outcome's Report then holds every problem found (for a *diag.ReportError
// the same problems), and its other fields hold what was done.
func Run(s Spec) (Outcome, error) {
	var out Outcome
	p, rep, err := ReadData(s)
	out.Report.Merge(rep)
	if err == nil && rep.HasErrors() {
		err = rep.Err()
	}
	if err != nil {
		return out, err
	}
	out.Panel = p
	fw, rep, err := ChooseFramework(s, p)
	out.Report.Merge(rep)
	if err != nil {
		return out, err
	}
	// The bundled sample with its own template: its coverage notes are
	// info (SampleNotes), as in nqp score -sample and the page.
	ownSample := s.OwnSample()
	fw, ch, rep := Follow(fw, s.Requested(), p, s.FollowData && !ownSample)
	if ownSample {
		SampleNotes(&rep)
	}
	out.Report.Merge(rep)
	out.Framework, out.Choice = fw, &ch
	m, rep, err := MatchData(fw, p)
	if ownSample {
		SampleNotes(&rep)
	}
	out.Report.Merge(rep)
	out.Match = &m
	s.Ingest.Detected.NotInFramework(m.Extra) // the columns no indicator matched
	if err != nil {
		return out, err
	}
	if s.FollowGroups {
		s.Recipe.Analyses = slices.Clone(s.Recipe.Analyses)
		out.Report.Merge(FollowGroups(&s.Recipe, p))
	}
	res, err := pipeline.Run(pipeline.Input{Data: p, Framework: fw.Restrict(m), Columns: m.Mapping}, s.Recipe)
	if err != nil {
		var re *diag.ReportError
		if errors.As(err, &re) {
			out.Report.Merge(re.Report)
		}
		return out, err
	}
	out.Report.Merge(res.Report)
	res.Report = out.Report
	out.Result = res
	return out, nil
}

// TemplateNames lists the built-in templates, comma-separated.
func TemplateNames() string {
	var n []string
	for _, t := range framework.Templates() {
		n = append(n, t.Name)
	}
	return strings.Join(n, ", ")
}
