package app

import (
	"bytes"
	"encoding/json"
	"slices"
	"sort"

	"github.com/nqp-index/nqp/scoring/describe"
	"github.com/nqp-index/nqp/scoring/diag"
	"github.com/nqp-index/nqp/scoring/export"
	"github.com/nqp-index/nqp/scoring/framework"
	"github.com/nqp-index/nqp/scoring/ingest/detect"
	"github.com/nqp-index/nqp/scoring/jsonx"
	"github.com/nqp-index/nqp/scoring/pipeline"
	"github.com/nqp-index/nqp/scoring/sample"
)

// Workspace is the whole state of a session: the data, the chosen
// framework and recipe, the engine's outcome and the UI language. Its
// methods change the settings and return the Job to run; Apply takes the
// Outcome. The components only display a Workspace.
type Workspace struct {
	Lang     Lang
	FileName string
	Data     []byte // the file as loaded, kept so the session can be saved and restored
	Template string // "" = flat framework
	Recipe   pipeline.Recipe
	Summary  *Summary
	Result   *pipeline.Result
	Report   diag.Report
	Period   int    // index into Result.Periods
	RankPage int    // the page of the ranking shown (results.go)
	Busy     bool   // a job is running
	Stage    string // the stage it has reached (Stage*; "" = not yet started)
	// The check and framework steps (check_view.go, framework_view.go).
	Stats    []describe.Stat
	Table    *DataTable
	FwUsed   *framework.Framework // the full framework of the last outcome
	FwMatch  *framework.Match     // its indicators matched to the data columns
	FwCustom *framework.Framework // the user's own framework, sent with the Job; nil = Template
	FwReport diag.Report          // problems of the last framework import or edit
	// Choice says which framework the last outcome used and why; FwPrev
	// is the framework asked for before the engine fell back to every
	// numeric column (a template name, or the user's own in FwPrevCustom),
	// offered back with one click (framework_notice.go).
	Choice       *framework.Choice
	FwPrev       string
	FwPrevCustom *framework.Framework
	// follow is set by new data: the next job applies the rule for new
	// data (job.Follow) to the framework carried over.
	follow bool
	Check  CheckView // the data table's window and highlighted cell
	// Reweight, compare, model and export (reweight.go, compare.go,
	// model.go, export_view.go).
	Tune    ReweightState
	Cmp     CompareState
	Model   ModelState
	Exports ExportState
	// The load step's overrides and what ingest detected (load_options.go).
	Ingest   IngestOptions
	Detected *detect.Detected
	// AnPages is the page shown of each analysis table (analyses_view.go).
	AnPages map[string]int
	// Frozen is the result frozen as a model by the engine, or FrozenErr
	// why it cannot be (model.go).
	Frozen    *pipeline.Model
	FrozenErr string
	// Tabs is the table viewer (tables_view.go).
	Tabs TablesState
	// Charts is the chart chosen (charts_view.go), saved with the session.
	Charts ChartChoice
	// rev counts the data files selected (SetData), so that the data is
	// stored again only when it changed (workbench.go).
	rev int
}

// Job returns the engine request for the current settings.
func (w *Workspace) Job() Job {
	return Job{FileName: w.FileName, Data: w.Data, Template: w.Template, Recipe: w.recipe(), Framework: w.FwCustom, Ingest: w.Ingest, Follow: w.follow}
}

// Apply takes the engine's outcome.
func (w *Workspace) Apply(o Outcome) {
	w.Busy = false
	w.Summary, w.Result, w.Report = o.Summary, o.Result, o.Report
	w.Frozen, w.FrozenErr = o.Model, o.ModelErr
	w.applyCheck(o)
	w.Detected = o.Detected
	w.applyChoice(o.Choice)
	w.applyGroups(o.Groups)
	if w.Result != nil {
		w.Period = len(w.Result.Periods) - 1
	}
	w.RankPage = 0
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
	// Framework is the user's own framework, if any (it overrides Template).
	Framework *framework.Framework `json:"framework,omitempty"`
	// Ingest holds the load step's overrides (none = detect everything).
	Ingest *IngestOptions `json:"ingest,omitempty"`
	// DataStore is "indexeddb" when Data is kept apart in the browser's
	// IndexedDB (the copy in localStorage); DataCRC is then its CRC-32
	// (IEEE), checked when the data is read back.
	DataStore string `json:"data_store,omitempty"`
	DataCRC   uint32 `json:"data_crc,omitempty"`
	// Charts is the chart chosen and its units.
	Charts *ChartChoice `json:"charts,omitempty"`
}

// ProjectSchema versions Project files.
const ProjectSchema = "nqp-project/1"

// Project returns the session as a Project.
func (w *Workspace) Project() Project {
	p := Project{Schema: ProjectSchema, Lang: w.Lang, FileName: w.FileName, Data: w.Data, Template: w.Template, Recipe: w.recipe(), Framework: w.FwCustom}
	if !w.Ingest.IsZero() {
		o := w.Ingest
		p.Ingest = &o
	}
	if w.Charts.Kind != "" || len(w.Charts.Units) > 0 || w.Charts.Unit != "" {
		ch := w.Charts
		p.Charts = &ch
	}
	return p
}

// Open restores a saved project and scores it.
func (w *Workspace) Open(p Project) error {
	if p.Schema != ProjectSchema {
		return diag.Errorf("不是本工具的项目文件（版本 %q）", "not a project file of this tool (schema %q)", p.Schema)
	}
	r, err := strictRecipe(p.Recipe) // as the CLI reads it
	if err != nil {
		return err
	}
	p.Recipe = r
	if p.Lang != "" {
		w.Lang = p.Lang
	}
	w.SetData(p.FileName, p.Data)
	w.Template, w.Recipe = p.Template, p.Recipe
	w.FwCustom = p.Framework
	w.chose() // a saved session's framework was chosen
	if p.Ingest != nil {
		w.Ingest = *p.Ingest
	}
	if p.Charts != nil {
		w.Charts = *p.Charts
	}
	return nil
}

// OpenJSON restores a project from its JSON form.
func (w *Workspace) OpenJSON(b []byte) error {
	var p Project
	if err := jsonx.Decode(b, &p); err != nil { // strict: one value, no unknown key
		return diag.Errorf("项目文件无法读取：%v", "cannot read the project file: %v", err)
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

// SetRecipe replaces the recipe; an invalid recipe is refused with an
// error and the previous one kept.
func (w *Workspace) SetRecipe(r pipeline.Recipe) error {
	// Keys the methods do not read (left by a change made in code) are
	// dropped; every recipe kept is one the CLI reads.
	r, err := strictRecipe(tidyRecipe(r))
	if err != nil {
		w.Report.Add(diag.New(diag.Error, "recipe", diag.Message(err, "zh"), diag.Message(err, "en")))
		return err
	}
	w.Recipe = r
	return nil
}

// Clear forgets the data, the result and the settings.
func (w *Workspace) Clear() {
	lang := w.Lang
	*w = Workspace{Lang: lang}
}

// SetSample selects the bundled provincial S&T panel with its own
// settings: the drivers template and the standard preset (nqp-standard),
// whatever framework or method was chosen before.
func (w *Workspace) SetSample() {
	w.SetData(sample.TechmePanelName, sample.TechmePanelCSV())
	w.UseTemplate("drivers")
	w.Recipe = pipeline.Default()
}

// SetData selects a data file.
func (w *Workspace) SetData(name string, b []byte) {
	w.FileName, w.Data = name, b
	w.rev++
	w.Summary, w.Result, w.Report = nil, nil, diag.Report{}
	w.Ingest, w.Detected = IngestOptions{}, nil
	w.Choice, w.follow = nil, true
}

// SetTemplate selects a framework ("" = every numeric column, equal weights).
func (w *Workspace) SetTemplate(name string) { w.UseTemplate(name) }

// RankRow is one line of the ranking table.
type RankRow struct {
	Rank int
	// Change is the index rank's change since the previous period
	// (positive: up); valid when HasPrev (the unit was ranked in both).
	Change    int
	HasPrev   bool
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
	prev := map[int]int{} // unit → index rank in the previous period
	for i, o := range res.Rows {
		if o.Period == w.Period-1 && res.Ranks[i][0] > 0 {
			prev[o.Unit] = res.Ranks[i][0]
		}
	}
	var out []RankRow
	for i, o := range res.Rows {
		if o.Period != w.Period {
			continue
		}
		u := res.Units[o.Unit]
		r := RankRow{Rank: res.Ranks[i][0], Code: u.Code, Name: u.Name, Scores: res.Scores[i]}
		if p, ok := prev[o.Unit]; ok && r.Rank > 0 {
			r.Change, r.HasPrev = p-r.Rank, true
		}
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
	_ = export.WriteCSV(&b, export.ScoresTable(w.Result, string(w.Lang)))
	return b.Bytes()
}

// RecipeJSON returns the recipe in use as JSON.
func (w *Workspace) RecipeJSON() []byte { return w.recipe().JSON() }

// applyCheck takes the check and framework parts of an outcome.
func (w *Workspace) applyCheck(o Outcome) {
	w.Stats, w.Table, w.FwUsed, w.FwMatch = o.Stats, o.Table, o.Framework, o.Match
	w.Check.Reset(o.Table)
}

// UseTemplate selects a built-in framework, dropping the user's own.
func (w *Workspace) UseTemplate(name string) {
	w.Template, w.FwCustom, w.FwReport = name, nil, diag.Report{}
	w.chose()
}

// chose records that the user chose the framework: it is kept whatever
// it matches, and the earlier fallback is no longer offered back.
func (w *Workspace) chose() {
	w.follow, w.FwPrev, w.FwPrevCustom = false, "", nil
}

// applyChoice takes an outcome's framework choice: when the engine fell
// back to every numeric column, the settings follow (so that later runs
// keep all columns) and the framework asked for is kept to be offered back.
func (w *Workspace) applyChoice(ch *framework.Choice) {
	w.Choice = ch
	if ch == nil {
		return
	}
	w.follow = false
	if ch.FellBack {
		w.FwPrev, w.FwPrevCustom = w.Template, w.FwCustom
		w.Template, w.FwCustom = "", nil
	}
}

// RestorePrevious goes back to the framework asked for before the engine
// fell back to every numeric column (then compute).
func (w *Workspace) RestorePrevious() {
	t, f := w.FwPrev, w.FwPrevCustom
	w.UseTemplate(t)
	if f != nil {
		w.FwCustom = f
	}
}

// Framework returns the framework being edited: the user's own, else the
// one of the last outcome.
func (w *Workspace) Framework() *framework.Framework {
	if w.FwCustom != nil {
		return w.FwCustom
	}
	return w.FwUsed
}

// EditFramework applies an edit to the framework in use; on success the
// result becomes the user's own framework and true is returned (then
// compute). The edit's problems are kept in FwReport.
func (w *Workspace) EditFramework(e FwEdit) bool {
	g, rep := EditFramework(w.Framework(), e)
	w.FwReport = rep
	if g == nil {
		return false
	}
	w.FwCustom = g
	w.chose()
	return true
}

// SetFramework makes f the user's own framework (built from scratch or
// imported); rep is the reader's report, kept in FwReport.
func (w *Workspace) SetFramework(f *framework.Framework, rep diag.Report) {
	w.FwReport = rep
	if f != nil && !rep.HasErrors() {
		w.FwCustom = f
		w.chose()
	}
}

// applyGroups takes the grouping the engine chose for new data's units
// (Outcome.Groups): the recipe's four-region grouping of ranks, Dagum and
// Theil becomes it, so that later runs and the downloaded recipe keep it.
func (w *Workspace) applyGroups(g string) {
	if g == "" {
		return
	}
	r := w.recipe()
	if r.Rank.Groups == "region4" {
		r.Rank.Groups = g
	}
	r.Analyses = slices.Clone(r.Analyses)
	for i := range r.Analyses {
		if a := &r.Analyses[i]; (a.Name == pipeline.ADagum || a.Name == pipeline.ATheil) && a.Groups == "region4" {
			a.Groups = g
		}
	}
	w.Recipe = r
}
