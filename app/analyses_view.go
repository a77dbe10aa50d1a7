package app

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

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
	})
}

// anPageSize is the number of rows shown per page of an analysis table.
const anPageSize = 25

// uaDefaultN is the default number of uncertainty-analysis runs in the app
// (the engine's default, 1000, is slow on a phone).
const uaDefaultN = 200

// SuggestedAnalysis is an analysis offered for the loaded data with its
// default declaration.
type SuggestedAnalysis struct {
	Key      string // message key of its label
	Analysis pipeline.Analysis
}

// SuggestAnalyses returns the analyses that suit res, with defaults chosen
// by the data: coupling and obstacle degrees of the index's dimensions
// (when it has two or more), Dagum and Theil by the four regions when the
// units are provinces (else by the recipe's group column, if any), σ and β
// convergence, Moran's I with province contiguity (provinces only), kernel
// densities, a Markov chain and the uncertainty analysis with N = 200.
func SuggestAnalyses(res *pipeline.Result) []SuggestedAnalysis {
	if res == nil || len(res.Aggregates) == 0 || res.Framework == nil {
		return nil
	}
	var out []SuggestedAnalysis
	add := func(key string, a pipeline.Analysis) { out = append(out, SuggestedAnalysis{key, a}) }
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
	prov := unitsAreProvinces(res)
	switch {
	case prov:
		add("an_dagum", pipeline.Analysis{Name: pipeline.ADagum, Groups: "region4"})
		add("an_theil", pipeline.Analysis{Name: pipeline.ATheil, Groups: "region4"})
	case res.GroupBy != "":
		add("an_dagum_g", pipeline.Analysis{Name: pipeline.ADagum, Groups: res.GroupBy})
		add("an_theil", pipeline.Analysis{Name: pipeline.ATheil, Groups: res.GroupBy})
	}
	if len(res.Periods) >= 2 {
		add("an_sigma", pipeline.Analysis{Name: pipeline.ASigma})
	}
	if len(res.Periods) >= 3 {
		add("an_beta", pipeline.Analysis{Name: pipeline.ABeta})
	}
	if prov {
		add("an_moran", pipeline.Analysis{Name: pipeline.AMoran, W: &pipeline.SpatialWeights{Type: pipeline.WContiguity}})
	}
	add("an_kde", pipeline.Analysis{Name: pipeline.AKDE})
	if len(res.Periods) >= 2 {
		add("an_markov", pipeline.Analysis{Name: pipeline.AMarkov})
	}
	add("an_ua", pipeline.Analysis{Name: pipeline.AUA, N: uaDefaultN, Inputs: uaInputs(res, dims)})
	return out
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
	sug := SuggestAnalyses(res)
	items := make([]app.UI, 0, len(sug))
	for _, s := range sug {
		s := s
		on := declared(r, s.Analysis.Name)
		items = append(items, app.Li().Body(app.Label().Body(
			app.Input().Type("checkbox").ID("an-use-"+s.Analysis.Name).Checked(on).OnChange(func(ctx app.Context, e app.Event) {
				v := ctx.JSSrc().Get("checked").Bool()
				c.setAnalyses(ctx, func(r pipeline.Recipe) pipeline.Recipe { return WithAnalysis(r, s.Analysis, v) })
			}, app.EventScope(s.Analysis.Name, on)),
			app.Text(" "+T(l, s.Key)),
		)))
	}
	controls := []app.UI{
		app.Button().ID("an-all").Text(T(l, "an_all")).OnClick(func(ctx app.Context, e app.Event) {
			c.setAnalyses(ctx, func(r pipeline.Recipe) pipeline.Recipe {
				for _, s := range sug {
					if !declared(r, s.Analysis.Name) {
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
	body := []app.UI{
		app.H2().Text(T(l, "step_analyses")),
		app.P().Class("note").Text(T(l, "an_note")),
		app.Ul().ID("an-choices").Class("an-choices").Body(items...),
		app.Div().Class("fields").Body(controls...),
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
