package app

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/nqp-index/nqp/scoring/diag"
	"github.com/nqp-index/nqp/scoring/pipeline"
	"github.com/nqp-index/nqp/scoring/region"
)

// The analyses view: the user declares analyses in the recipe's analyses
// list (SetRecipe + compute); the engine worker runs them after scoring
// (Compute → analysis.Apply) and returns their tables in
// Result.Analyses, which are rendered here generically. The page itself
// only renders tables: the analysis computations stay in engine.wasm.

func init() {
	addMessages(map[string][2]string{
		"step_analyses":  {"分析", "Analyses"},
		"an_note":        {"勾选要进行的分析（写入配方的 analyses 列表，在后台计算）；默认参数依所载数据而定。", "Tick the analyses to run (they go into the recipe's analyses list and run in the background); the defaults follow the data loaded."},
		"an_all":         {"全部勾选", "Select all"},
		"an_none":        {"全部取消", "Clear all"},
		"an_ua_n":        {"不确定性分析的模拟次数 N", "Uncertainty analysis runs N"},
		"an_none_run":    {"尚未选择分析。", "No analysis selected."},
		"an_page":        {"第 %d / %d 页（共 %d 行）", "page %d of %d (%d rows)"},
		"an_prev":        {"上一页", "Previous"},
		"an_next":        {"下一页", "Next"},
		"an_coupling":    {"耦合协调度（各维度）", "Coupling coordination (of the dimensions)"},
		"an_obstacle":    {"障碍度（前 5 位障碍因子）", "Obstacle degrees (top 5 obstacles)"},
		"an_dagum":       {"Dagum 基尼系数及分解（按四大区域）", "Dagum Gini decomposition (by the four regions)"},
		"an_dagum_g":     {"Dagum 基尼系数及分解（按分组）", "Dagum Gini decomposition (by group)"},
		"an_theil":       {"泰尔指数及分解", "Theil index and decomposition"},
		"an_sigma":       {"σ 收敛", "σ-convergence"},
		"an_beta":        {"β 收敛", "β-convergence"},
		"an_moran":       {"全局 Moran's I（邻接权重）", "Global Moran's I (contiguity weights)"},
		"an_kde":         {"核密度估计", "Kernel density"},
		"an_markov":      {"马尔可夫链转移矩阵", "Markov transition matrix"},
		"an_ua":          {"不确定性分析（蒙特卡洛）", "Uncertainty analysis (Monte Carlo)"},
		"an_remove":      {"逐一剔除指标", "Remove one indicator at a time"},
		"an_failed_note": {"分析失败的原因见上方问题报告。", "Why an analysis failed is in the problem report above."},
		"an_dagum_pref":  {"Dagum 基尼系数及分解（按地级市）", "Dagum Gini decomposition (by prefecture)"},
		"an_theil_pref":  {"泰尔指数及分解（按地级市）", "Theil index and decomposition (by prefecture)"},
		"an_dagum_prov":  {"Dagum 基尼系数及分解（按省份）", "Dagum Gini decomposition (by province)"},
		"an_theil_prov":  {"泰尔指数及分解（按省份）", "Theil index and decomposition (by province)"},
		"an_moran_w":     {"全局 Moran's I（上传的权重矩阵）", "Global Moran's I (uploaded weights matrix)"},
		"an_moran_nw":    {"全局 Moran's I", "Global Moran's I"},
		"an_wfile":       {"上传空间权重矩阵 CSV（方阵：表头和首列为地区代码或名称；或 i,j,w 边列表）", "Upload a spatial weights matrix CSV (square: unit codes or names as header and first column; or an i,j,w edge list)"},
		"an_wfile_ok":    {"已载入权重矩阵“%s”：%d 个地区（按行标准化；矩阵本身写入配方）", "Weights matrix %q loaded: %d units (row-standardised; the matrix itself goes into the recipe)"},
		"why_no_w":       {"无法进行：%s地区没有内置空间权重，请上传空间权重矩阵 CSV", "cannot run: no spatial weights for %s units: upload a weights matrix CSV"},
		"why_no_w_any":   {"无法进行：这些地区不是省份，没有内置空间权重，请上传空间权重矩阵 CSV", "cannot run: the units are not provinces, so there are no built-in spatial weights: upload a weights matrix CSV"},
		"why_no_groups":  {"无法进行：没有分组（地区不是省、地级市或县级行政区划；请在排名设置中选择分组列）", "cannot run: no groups (the units are not provinces, prefectures or counties; choose a group column for ranks)"},
		"why_one_group":  {"无法进行：全部地区同属 %s，只有一个组", "cannot run: every unit is in %s, a single group"},
		"why_periods":    {"无法进行：至少需要 %d 个时期", "cannot run: needs at least %d periods"},
		"an_units":       {"%d 个%s地区，分属 %d 个地级市：%s", "%d %s units in %d prefectures: %s"},
	})
}

// anPageSize is the number of rows shown per page of an analysis table.
const anPageSize = 25

// uaDefaultN is the default number of uncertainty-analysis runs in the app
// (the engine's default, 1000, is slow on a phone).
const uaDefaultN = 200

// SuggestedAnalysis is an analysis offered for the loaded data with its
// default declaration. An analysis that cannot run on the data is listed
// too, with Why (a message key and its argument) saying why.
type SuggestedAnalysis struct {
	Key      string // message key of its label
	Analysis pipeline.Analysis
	Why      string // message key of the reason it cannot run ("" = it can)
	WhyArg   any    // the reason's argument
}

// Divisions summarises the units of a result as Chinese divisions: the
// most common level (0 when most units are not divisions) and, for
// prefecture and county units, the prefectures and provinces with their
// unit counts in order of first appearance.
type Divisions struct {
	Level       region.Level
	Units       int
	Prefectures []Count
	Provinces   []Count
}

// Count is a label with a number of units.
type Count struct {
	Label string
	N     int
}

// DivisionsOf summarises res's units (see Divisions).
func DivisionsOf(res *pipeline.Result) Divisions {
	var d Divisions
	if res == nil || len(res.Units) == 0 {
		return d
	}
	if unitsAreProvinces(res) {
		return Divisions{Level: region.LevelProvince, Units: len(res.Units)}
	}
	levels := map[region.Level]int{}
	pi, vi := map[string]int{}, map[string]int{}
	add := func(cs *[]Count, idx map[string]int, l string) {
		if l == "" {
			return
		}
		if i, ok := idx[l]; ok {
			(*cs)[i].N++
			return
		}
		idx[l] = len(*cs)
		*cs = append(*cs, Count{l, 1})
	}
	for _, u := range res.Units {
		dv, ok := region.DivisionByCode(u.Code)
		if !ok {
			continue
		}
		levels[dv.Level]++
		d.Units++
		add(&d.Provinces, vi, dv.ProvinceName)
		if dv.Level != region.LevelProvince {
			add(&d.Prefectures, pi, dv.PrefectureName)
		}
	}
	if 2*d.Units < len(res.Units) {
		return Divisions{}
	}
	for _, l := range []region.Level{region.LevelCounty, region.LevelPrefecture, region.LevelProvince} {
		if levels[l] > levels[d.Level] {
			d.Level = l
		}
	}
	return d
}

// SuggestAnalyses returns the analyses for res, with defaults chosen by
// the data: coupling and obstacle degrees of the index's dimensions (when
// it has two or more); Dagum and Theil by the four regions when the units
// are provinces, by the recipe's group column when it is a text column of
// the data, by prefecture for county units in two or more prefectures,
// else by province for prefecture or county units in two or more
// provinces; σ and β convergence; Moran's I with the weights matrix w the
// user uploaded, else province contiguity (provinces only); kernel
// densities, a Markov chain and the uncertainty analysis with N = 200.
// Dagum, Theil, σ, β, Markov and Moran are listed even when they cannot
// run, with the reason (Why).
func SuggestAnalyses(res *pipeline.Result, w ...*pipeline.SpatialWeights) []SuggestedAnalysis {
	if res == nil || len(res.Aggregates) == 0 || res.Framework == nil {
		return nil
	}
	var out []SuggestedAnalysis
	add := func(key string, a pipeline.Analysis) { out = append(out, SuggestedAnalysis{Key: key, Analysis: a}) }
	cannot := func(key string, a pipeline.Analysis, why string, arg any) {
		out = append(out, SuggestedAnalysis{Key: key, Analysis: a, Why: why, WhyArg: arg})
	}
	root := res.Aggregates[0]
	var dims int
	for _, c := range res.Framework.Children(root) {
		if res.AggregateIndex(c) >= 0 {
			dims++
		}
	}
	if dims >= 2 {
		add("an_coupling", pipeline.Analysis{Name: pipeline.ACoupling, Level: root})
		add("an_obstacle", pipeline.Analysis{Name: pipeline.AObstacle, Level: root, Top: 5})
	}
	div := DivisionsOf(res)
	prov := div.Level == region.LevelProvince
	dagum := pipeline.Analysis{Name: pipeline.ADagum}
	theil := pipeline.Analysis{Name: pipeline.ATheil}
	switch {
	case prov:
		dagum.Groups, theil.Groups = "region4", "region4"
		add("an_dagum", dagum)
		add("an_theil", theil)
	case res.GroupBy != "" && !builtinGroups[res.GroupBy]:
		dagum.Groups, theil.Groups = res.GroupBy, res.GroupBy
		add("an_dagum_g", dagum)
		add("an_theil", theil)
	case div.Level == region.LevelCounty && len(div.Prefectures) >= 2:
		dagum.Groups, theil.Groups = region.GroupPrefecture, region.GroupPrefecture
		add("an_dagum_pref", dagum)
		add("an_theil_pref", theil)
	case div.Level != 0 && len(div.Provinces) >= 2:
		dagum.Groups, theil.Groups = region.GroupProvince, region.GroupProvince
		add("an_dagum_prov", dagum)
		add("an_theil_prov", theil)
	case div.Level != 0:
		one := div.Provinces[0].Label
		if div.Level == region.LevelCounty {
			one = div.Prefectures[0].Label
		}
		cannot("an_dagum_g", dagum, "why_one_group", one)
		cannot("an_theil", theil, "why_one_group", one)
	default:
		cannot("an_dagum_g", dagum, "why_no_groups", nil)
		cannot("an_theil", theil, "why_no_groups", nil)
	}
	if len(res.Periods) >= 2 {
		add("an_sigma", pipeline.Analysis{Name: pipeline.ASigma})
	} else {
		cannot("an_sigma", pipeline.Analysis{Name: pipeline.ASigma}, "why_periods", 2)
	}
	if len(res.Periods) >= 3 {
		add("an_beta", pipeline.Analysis{Name: pipeline.ABeta})
	} else {
		cannot("an_beta", pipeline.Analysis{Name: pipeline.ABeta}, "why_periods", 3)
	}
	var uw *pipeline.SpatialWeights
	if len(w) > 0 {
		uw = w[0]
	}
	switch {
	case uw != nil:
		add("an_moran_w", pipeline.Analysis{Name: pipeline.AMoran, W: uw})
	case prov:
		add("an_moran", pipeline.Analysis{Name: pipeline.AMoran, W: &pipeline.SpatialWeights{Type: pipeline.WContiguity}})
	case div.Level != 0:
		cannot("an_moran_nw", pipeline.Analysis{Name: pipeline.AMoran}, "why_no_w", div.Level)
	default:
		cannot("an_moran_nw", pipeline.Analysis{Name: pipeline.AMoran}, "why_no_w_any", nil)
	}
	add("an_kde", pipeline.Analysis{Name: pipeline.AKDE})
	if len(res.Periods) >= 2 {
		add("an_markov", pipeline.Analysis{Name: pipeline.AMarkov})
	} else {
		cannot("an_markov", pipeline.Analysis{Name: pipeline.AMarkov}, "why_periods", 2)
	}
	add("an_ua", pipeline.Analysis{Name: pipeline.AUA, N: uaDefaultN, Inputs: uaInputs(res, dims)})
	return out
}

// builtinGroups are the groupings derived from unit codes (the others are
// text columns of the data).
var builtinGroups = map[string]bool{"region4": true, "region3": true, region.GroupPrefecture: true, region.GroupProvince: true}

// why is the reason s cannot run, in l.
func (s SuggestedAnalysis) why(l Lang) string {
	if s.Why == "" {
		return ""
	}
	switch a := s.WhyArg.(type) {
	case nil:
		return T(l, s.Why)
	case region.Level:
		if l == En {
			return fmt.Sprintf(T(l, s.Why), a.En())
		}
		return fmt.Sprintf(T(l, s.Why), a.Zh())
	default:
		return fmt.Sprintf(T(l, s.Why), a)
	}
}

// uaInputs are the default uncertain inputs of the uncertainty analysis:
// the weighting method (the recipe's or equal weights) and ±25% noise on
// the weights of the dimensions (of the indicators when there are none).
func uaInputs(res *pipeline.Result, dims int) []pipeline.Uncertain {
	alt := res.Recipe.Weights.Method
	if alt == "" || alt == pipeline.WEqual || alt == pipeline.WManual {
		alt = pipeline.WEntropy
	}
	level := 1
	if dims >= 2 {
		level = 2
	}
	return []pipeline.Uncertain{
		{Name: "weights", Path: "weights.method", Alternatives: []json.RawMessage{json.RawMessage(strconv.Quote(alt)), json.RawMessage(strconv.Quote(pipeline.WEqual))}},
		{Name: "noise", Noise: []pipeline.LevelNoise{{Level: level, Factor: 0.25}}},
	}
}

// unitsAreProvinces reports whether most units are Chinese provinces.
func unitsAreProvinces(res *pipeline.Result) bool {
	n := 0
	for _, u := range res.Units {
		if _, _, ok := region.Region4(u.Code); ok {
			n++
		}
	}
	return len(res.Units) > 0 && 2*n >= len(res.Units)
}

// declared reports whether the recipe declares an analysis called name.
func declared(r pipeline.Recipe, name string) bool {
	for _, a := range r.Analyses {
		if a.Name == name {
			return true
		}
	}
	return false
}

// WithAnalysis returns r with analysis a declared (on) or every analysis
// of a's name removed (off).
func WithAnalysis(r pipeline.Recipe, a pipeline.Analysis, on bool) pipeline.Recipe {
	var as []pipeline.Analysis
	for _, x := range r.Analyses {
		if x.Name != a.Name {
			as = append(as, x)
		}
	}
	if on {
		as = append(as, a)
	}
	r.Analyses = as
	return r
}

// analysesState is the analyses view's state kept in the Workbench: the
// spatial weights matrix the user uploaded (also written into the
// recipe's moran declaration, which is what a saved session keeps) and
// what became of the last upload.
type analysesState struct {
	userW *pipeline.SpatialWeights
	wNote string // the last upload's outcome or error, in the page language
	wOK   bool
}

// userWeights returns the uploaded matrix: this session's upload, else the
// matrix of the recipe's moran declaration.
func (c *Workbench) userWeights(r pipeline.Recipe) *pipeline.SpatialWeights {
	if c.an.userW != nil {
		return c.an.userW
	}
	for _, a := range r.Analyses {
		if a.Name == pipeline.AMoran && a.W != nil && a.W.Type == pipeline.WMatrix {
			return a.W
		}
	}
	return nil
}

// WeightsFromCSV reads an uploaded spatial weights matrix (see
// region.ReadWeights) into its recipe form, checked (non-negative, zero
// diagonal, no repeats). Whether it covers the data's units is checked by
// the engine when Moran's I runs.
func WeightsFromCSV(b []byte) (*pipeline.SpatialWeights, error) {
	w, err := region.ReadWeights(bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	sw := pipeline.WeightsOfFile(w)
	if err := sw.Check("w"); err != nil {
		return nil, err
	}
	return sw, nil
}

// onWeightsFile reads the weights CSV chosen in the analyses view and
// declares Moran's I with it.
func (c *Workbench) onWeightsFile(ctx app.Context, e app.Event) {
	readFirstFile(ctx, ctx.JSSrc(), func(ctx app.Context, name string, b []byte) {
		l := c.ws.Lang
		sw, err := WeightsFromCSV(b)
		if err != nil {
			c.an.wOK = false
			c.an.wNote = name + ": " + diag.Message(err, string(l))
			return
		}
		n := len(sw.Units)
		if sw.Entries != nil {
			seen := map[string]bool{}
			for _, e := range sw.Entries {
				seen[e.I], seen[e.J] = true, true
			}
			n = len(seen)
		}
		c.an.userW, c.an.wOK = sw, true
		c.an.wNote = fmt.Sprintf(T(l, "an_wfile_ok"), name, n)
		c.setAnalyses(ctx, func(r pipeline.Recipe) pipeline.Recipe {
			return WithAnalysis(r, pipeline.Analysis{Name: pipeline.AMoran, W: sw}, true)
		})
	})
}

// unitsNote describes prefecture and county units: how many, and in
// which prefectures.
func unitsNote(l Lang, d Divisions) string {
	if d.Level != region.LevelCounty && d.Level != region.LevelPrefecture {
		return ""
	}
	parts := make([]string, len(d.Prefectures))
	for i, p := range d.Prefectures {
		parts[i] = fmt.Sprintf("%s %d", p.Label, p.N)
	}
	sep, level := "、", d.Level.Zh()
	if l == En {
		sep, level = ", ", d.Level.En()
	}
	return fmt.Sprintf(T(l, "an_units"), d.Units, level, len(d.Prefectures), strings.Join(parts, sep))
}

// setAnalyses replaces the recipe's analyses and recomputes.
func (c *Workbench) setAnalyses(ctx app.Context, f func(r pipeline.Recipe) pipeline.Recipe) {
	r := f(c.ws.recipe())
	if len(r.Analyses) == 0 {
		r.Analyses = nil
	}
	if c.ws.SetRecipe(r) == nil {
		c.compute(ctx)
	}
}

// analysesSection is the analyses step: the declarations and every table.
func (c *Workbench) analysesSection(l Lang) app.UI {
	res := c.ws.Result
	if res == nil {
		return app.Text("")
	}
	r := c.ws.recipe()
	userW := c.userWeights(r)
	sug := SuggestAnalyses(res, userW)
	items := make([]app.UI, 0, len(sug))
	for _, s := range sug {
		s := s
		if why := s.why(l); why != "" {
			items = append(items, app.Li().Class("an-cannot").Body(app.Label().Body(
				app.Input().Type("checkbox").ID("an-use-"+s.Analysis.Name).Checked(false).Disabled(true),
				app.Text(" "+T(l, s.Key)+" "),
				app.Span().ID("an-why-"+s.Analysis.Name).Class("note").Text("（"+why+"）"),
			)))
			continue
		}
		on := declared(r, s.Analysis.Name)
		items = append(items, app.Li().Body(app.Label().Body(
			app.Input().Type("checkbox").ID("an-use-"+s.Analysis.Name).Checked(on).Disabled(false).OnChange(func(ctx app.Context, e app.Event) {
				v := ctx.JSSrc().Get("checked").Bool()
				c.setAnalyses(ctx, func(r pipeline.Recipe) pipeline.Recipe { return WithAnalysis(r, s.Analysis, v) })
			}, app.EventScope(s.Analysis.Name, on, s.Key)),
			app.Text(" "+T(l, s.Key)),
		)))
	}
	controls := []app.UI{
		app.Button().ID("an-all").Text(T(l, "an_all")).OnClick(func(ctx app.Context, e app.Event) {
			c.setAnalyses(ctx, func(r pipeline.Recipe) pipeline.Recipe {
				for _, s := range sug {
					if s.Why == "" && !declared(r, s.Analysis.Name) {
						r = WithAnalysis(r, s.Analysis, true)
					}
				}
				return r
			})
		}),
		app.Button().ID("an-none").Text(T(l, "an_none")).OnClick(func(ctx app.Context, e app.Event) {
			c.setAnalyses(ctx, func(r pipeline.Recipe) pipeline.Recipe { r.Analyses = nil; return r })
		}),
	}
	for _, a := range r.Analyses {
		if a.Name != pipeline.AUA {
			continue
		}
		a := a
		controls = append(controls, field(l, "an_ua_n", "an-ua-n", app.Input().Type("number").ID("an-ua-n").Min(10).Max(100000).Value(a.N).
			OnChange(func(ctx app.Context, e app.Event) {
				n, err := strconv.Atoi(ctx.JSSrc().Get("value").String())
				if err != nil || n < 10 {
					return
				}
				b := a
				b.N = n
				c.setAnalyses(ctx, func(r pipeline.Recipe) pipeline.Recipe { return WithAnalysis(r, b, true) })
			})))
		break
	}
	div := DivisionsOf(res)
	if div.Level != region.LevelProvince {
		controls = append(controls, field(l, "an_wfile", "an-wfile",
			app.Input().ID("an-wfile").Type("file").Accept(".csv,text/csv").OnChange(c.onWeightsFile)))
	}
	body := []app.UI{
		app.H2().Text(T(l, "step_analyses")),
		app.P().Class("note").Text(T(l, "an_note")),
	}
	if note := unitsNote(l, div); note != "" {
		body = append(body, app.P().ID("an-units").Class("note").Text(note))
	}
	body = append(body,
		app.Ul().ID("an-choices").Class("an-choices").Body(items...),
		app.Div().Class("fields").Body(controls...),
	)
	if c.an.wNote != "" {
		cls := "note"
		if !c.an.wOK {
			cls = "error"
		}
		body = append(body, app.P().ID("an-wnote").Class(cls).Text(c.an.wNote))
	}
	if len(res.Analyses) == 0 {
		note := T(l, "an_none_run")
		if len(r.Analyses) > 0 && !c.ws.Busy {
			note = T(l, "an_failed_note")
		}
		body = append(body, app.P().ID("an-empty").Class("note").Text(note))
	}
	for _, o := range res.Analyses {
		for _, t := range o.Tables {
			body = append(body, c.analysisTable(l, t))
		}
	}
	return app.Section().ID("analyses").Body(body...)
}

// textOf returns a two-language text in l.
func textOf(t pipeline.Text, l Lang) string {
	if l == En && t.En != "" {
		return t.En
	}
	if t.Zh == "" {
		return t.En
	}
	return t.Zh
}

// FmtCell formats one cell of an analysis table: numbers with up to four
// decimals (integers without), NaN, ±Inf and nulls as "–", and texts in l.
func FmtCell(v any, l Lang) string {
	switch x := v.(type) {
	case nil:
		return "–"
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return "–"
		}
		if x == math.Trunc(x) && math.Abs(x) < 1e12 {
			return strconv.FormatFloat(x, 'f', 0, 64)
		}
		s := strconv.FormatFloat(x, 'f', 4, 64)
		if math.Abs(x) < 1e-3 {
			s = strconv.FormatFloat(x, 'g', 4, 64)
		}
		return s
	case int:
		return strconv.Itoa(x)
	case string:
		return x
	case pipeline.Text:
		if x.Zh == "" && x.En == "" {
			return "–"
		}
		return textOf(x, l)
	case map[string]any:
		zh, _ := x["zh"].(string)
		en, _ := x["en"].(string)
		return FmtCell(pipeline.Text{Zh: zh, En: en}, l)
	case bool:
		return strconv.FormatBool(x)
	}
	return "–"
}

// analysisTable renders one table, paginated.
func (c *Workbench) analysisTable(l Lang, t pipeline.AnalysisTable) app.UI {
	if c.ws.AnPages == nil {
		c.ws.AnPages = map[string]int{}
	}
	pages := (len(t.Rows) + anPageSize - 1) / anPageSize
	p := min(c.ws.AnPages[t.Name], max(pages-1, 0))
	rows := t.Rows[p*anPageSize : min(len(t.Rows), (p+1)*anPageSize)]
	head := make([]app.UI, len(t.Header))
	for i, h := range t.Header {
		head[i] = app.Th().Text(textOf(h, l))
	}
	id := "an-" + strings.ReplaceAll(t.Name, "_", "-")
	parts := []app.UI{
		app.H3().Text(textOf(t.Title, l)),
		app.Div().Class("scroll-x").Body(app.Table().ID(id).Class("analysis").Body(
			app.THead().Body(app.Tr().Body(head...)),
			app.TBody().Body(app.Range(rows).Slice(func(i int) app.UI {
				cells := make([]app.UI, len(rows[i]))
				for j, v := range rows[i] {
					td := app.Td().Text(FmtCell(v, l))
					if _, num := v.(float64); num {
						td = td.Class("num")
					}
					cells[j] = td
				}
				return app.Tr().Body(cells...)
			})),
		)),
	}
	if pages > 1 {
		name := t.Name
		parts = append(parts, app.Div().Class("pager").Body(
			app.Button().ID(id+"-prev").Text(T(l, "an_prev")).Disabled(p == 0).OnClick(func(ctx app.Context, e app.Event) {
				c.ws.AnPages[name] = max(p-1, 0)
			}, app.EventScope(name, p, pages)),
			app.Span().ID(id+"-page").Text(fmt.Sprintf(T(l, "an_page"), p+1, pages, len(t.Rows))),
			app.Button().ID(id+"-next").Text(T(l, "an_next")).Disabled(p >= pages-1).OnClick(func(ctx app.Context, e app.Event) {
				c.ws.AnPages[name] = min(p+1, pages-1)
			}, app.EventScope(name, p, pages)),
		))
	}
	return app.Div().Class("analysis-table").Body(parts...)
}
