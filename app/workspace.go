package app

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/nqp-index/nqp/scoring/diag"
	"github.com/nqp-index/nqp/scoring/export"
	"github.com/nqp-index/nqp/scoring/framework"
	"github.com/nqp-index/nqp/scoring/ingest"
	"github.com/nqp-index/nqp/scoring/panel"
	"github.com/nqp-index/nqp/scoring/pipeline"
	"github.com/nqp-index/nqp/scoring/region"
	"github.com/nqp-index/nqp/scoring/sample"
)

// Workspace is the whole state of a session: the loaded data, the chosen
// framework, the result and the UI language. Its methods do the work; the
// components only display it.
type Workspace struct {
	Lang     Lang
	FileName string
	Data     []byte // the file as loaded, kept so the session can be saved and restored
	Panel    *panel.Panel
	Template string // "" = flat framework
	Recipe   pipeline.Recipe
	Result   *pipeline.Result
	Report   diag.Report
	Period   int // index into Result.Periods
}

// Project is what is saved locally and in a project file: enough to
// reproduce the session exactly.
type Project struct {
	Schema   string          `json:"schema"` // "nqp-project/1"
	Lang     Lang            `json:"lang,omitempty"`
	FileName string          `json:"file_name"`
	Data     []byte          `json:"data"` // base64 in JSON
	Template string          `json:"template"`
	Recipe   pipeline.Recipe `json:"recipe"`
}

// ProjectSchema versions Project files.
const ProjectSchema = "nqp-project/1"

// Project returns the session as a Project.
func (w *Workspace) Project() Project {
	return Project{Schema: ProjectSchema, Lang: w.Lang, FileName: w.FileName, Data: w.Data, Template: w.Template, Recipe: w.recipe()}
}

// Open restores a saved project and scores it.
func (w *Workspace) Open(p Project) error {
	if p.Schema != ProjectSchema {
		return fmt.Errorf("不是本工具的项目文件（版本 %q） / not a project file of this tool (schema %q)", p.Schema, p.Schema)
	}
	p.Recipe.Resolve()
	if err := p.Recipe.Check(); err != nil {
		return err
	}
	if p.Lang != "" {
		w.Lang = p.Lang
	}
	w.Template, w.Recipe = p.Template, p.Recipe
	w.Load(p.FileName, p.Data)
	return nil
}

// OpenJSON restores a project from its JSON form.
func (w *Workspace) OpenJSON(b []byte) error {
	var p Project
	if err := json.Unmarshal(b, &p); err != nil {
		return fmt.Errorf("项目文件无法读取：%v / cannot read the project file: %v", err, err)
	}
	return w.Open(p)
}

// ProjectJSON returns the session as a project file.
func (w *Workspace) ProjectJSON() []byte {
	b, _ := json.MarshalIndent(w.Project(), "", " ")
	return b
}

// recipe returns the recipe in use (the default until one is set).
func (w *Workspace) recipe() pipeline.Recipe {
	if w.Recipe.Schema == "" {
		w.Recipe = pipeline.Default()
	}
	return w.Recipe
}

// SetRecipe replaces the recipe and re-scores; an invalid recipe is
// reported and the previous one kept.
func (w *Workspace) SetRecipe(r pipeline.Recipe) {
	r.Resolve()
	if err := r.Check(); err != nil {
		w.Report.Add(diag.New(diag.Error, "recipe", err.Error(), err.Error()))
		return
	}
	w.Recipe = r
	w.Score()
}

// Clear forgets the data, the result and the settings.
func (w *Workspace) Clear() {
	lang := w.Lang
	*w = Workspace{Lang: lang}
}

// LoadSample loads the bundled provincial S&T panel with the drivers template.
func (w *Workspace) LoadSample() {
	w.Template = "drivers"
	w.Load(sample.TechmePanelName, sample.TechmePanelCSV())
}

// Load reads a data file and scores it.
func (w *Workspace) Load(name string, b []byte) {
	w.FileName, w.Data, w.Panel, w.Result, w.Report = name, b, nil, nil, diag.Report{}
	p, rep, err := ingest.Read(name, b, ingest.Options{UnitMatcher: region.MatchName})
	w.Report.Merge(rep)
	if err != nil || rep.HasErrors() {
		return
	}
	w.Panel = p
	w.Score()
}

// SetTemplate changes the framework and re-scores.
func (w *Workspace) SetTemplate(name string) {
	w.Template = name
	w.Score()
}

// Score runs the default recipe on the loaded panel.
func (w *Workspace) Score() {
	if w.Panel == nil {
		return
	}
	var rep diag.Report
	for _, p := range w.Report.Problems { // keep ingest problems only
		if p.File != "" && p.Code != "indicator-missing" {
			rep.Add(p)
		}
	}
	w.Report = rep
	var fw *framework.Framework
	var mapping map[string]string
	if w.Template == "" {
		fw = &framework.Framework{Nodes: []framework.Node{{Code: "Index", NameZh: "综合指数", NameEn: "Index", Weight: 1}}}
		for _, c := range w.Panel.Columns {
			fw.Nodes = append(fw.Nodes, framework.Node{Code: c.Name, Parent: "Index", Weight: 1})
		}
	} else {
		t, err := framework.Template(w.Template)
		if err != nil {
			w.Report.Add(diag.New(diag.Error, "unknown-template", "未知的指标体系："+w.Template, "unknown framework: "+w.Template))
			return
		}
		names := make([]string, len(w.Panel.Columns))
		for i, c := range w.Panel.Columns {
			names[i] = c.Name
		}
		m := t.MatchColumns(names)
		if len(m.Present) == 0 {
			w.Report.Add(diag.New(diag.Error, "no-indicators", "所选指标体系的指标在数据中一个也找不到", "none of the framework's indicators is in the data"))
			w.Result = nil
			return
		}
		if len(m.Missing) > 0 {
			w.Report.Add(diag.New(diag.Warning, "indicators-missing",
				fmt.Sprintf("%d 个指标在数据中找不到：%s", len(m.Missing), strings.Join(m.Missing, "、")),
				fmt.Sprintf("%d indicators are not in the data: %s", len(m.Missing), strings.Join(m.Missing, ", "))))
		}
		fw, mapping = t.Restrict(m), m.Mapping
	}
	res, err := pipeline.Run(pipeline.Input{Data: w.Panel, Framework: fw, Columns: mapping}, w.recipe())
	if err != nil {
		var re *diag.ReportError
		if errors.As(err, &re) {
			w.Report.Merge(re.Report)
		} else {
			w.Report.Add(diag.New(diag.Error, "recipe", err.Error(), err.Error()))
		}
		w.Result = nil
		return
	}
	w.Report.Merge(res.Report)
	w.Result = res
	w.Period = len(res.Periods) - 1
}

// RankRow is one line of the ranking table.
type RankRow struct {
	Rank      int
	Code      string
	Name      string
	Group     string
	GroupRank int
	Scores    []float64 // per aggregate, index first
}

// Ranking returns the ranking table of the selected period, best first.
func (w *Workspace) Ranking() []RankRow {
	res := w.Result
	if res == nil {
		return nil
	}
	var out []RankRow
	for i, o := range res.Rows {
		if o.Period != w.Period {
			continue
		}
		u := res.Units[o.Unit]
		r := RankRow{Rank: res.Ranks[i][0], Code: u.Code, Name: u.Name, Scores: res.Scores[i]}
		if res.GroupBy != "" {
			r.Group, r.GroupRank = res.Groups[i], res.GroupRanks[i][0]
		}
		out = append(out, r)
	}
	sort.SliceStable(out, func(a, b int) bool {
		ra, rb := out[a].Rank, out[b].Rank
		if ra == 0 {
			return false
		}
		return rb == 0 || ra < rb
	})
	return out
}

// CSV returns the scores table as CSV bytes.
func (w *Workspace) CSV() []byte {
	if w.Result == nil {
		return nil
	}
	var b bytes.Buffer
	_ = export.WriteCSV(&b, export.Tables(w.Result, string(w.Lang))[0])
	return b.Bytes()
}

// JSON returns the full result as JSON.
func (w *Workspace) JSON() []byte {
	if w.Result == nil {
		return nil
	}
	b, _ := w.Result.JSON()
	return b
}

// RecipeJSON returns the recipe in use as JSON.
func (w *Workspace) RecipeJSON() []byte { return w.recipe().JSON() }
