package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/nqp-index/nqp/scoring/pipeline"
)

func init() {
	addMessages(map[string][2]string{
		"step_charts":   {"5. 图表", "5. Charts"},
		"ch_kind":       {"图表", "Chart"},
		"ch_ranking":    {"排名条形图", "Ranking bars"},
		"ch_trend":      {"历年走势", "Trends over periods"},
		"ch_radar":      {"维度雷达图", "Dimension radar"},
		"ch_heatmap":    {"指标热力图（标准化值）", "Indicator heat map (normalised)"},
		"ch_density":    {"核密度（各时期）", "Kernel density by period"},
		"ch_tiles":      {"省份方块地图", "Province tile map"},
		"ch_t_ranking":  {"综合指数排名", "Index ranking"},
		"ch_t_trend":    {"综合指数走势", "Index over time"},
		"ch_t_radar":    {"维度得分", "Dimension scores"},
		"ch_t_heatmap":  {"地区 × 指标（标准化值）", "Units × indicators (normalised)"},
		"ch_t_density":  {"综合指数的核密度", "Kernel density of the index"},
		"ch_t_tiles":    {"各省综合指数", "Index by province"},
		"ch_units":      {"地区（可多选）", "Units (select several)"},
		"ch_unit1":      {"地区", "Unit"},
		"ch_mean":       {"全部地区平均", "Mean of all units"},
		"ch_density_y":  {"密度", "Density"},
		"ch_normalised": {"标准化值", "Normalised value"},
		"ch_no_score":   {"无数据", "No data"},
		"ch_png":        {"下载 PNG", "Download PNG"},
		"ch_svg":        {"下载 SVG", "Download SVG"},
		"ch_failed":     {"图表库未能加载。", "The chart library could not be loaded."},
		"ch_none":       {"无法绘制此图：", "This chart cannot be drawn: "},
		"ch_top":        {"（前 %d 名，共 %d 个）", " (best %d of %d)"},
	})
}

// chartsSection is step 5: charts of the result (ECharts, bundled).
func (c *Workbench) chartsSection(l Lang) app.UI {
	if c.ws.Result == nil || len(c.ws.Result.Aggregates) == 0 {
		return app.Text("")
	}
	return app.Section().ID("charts").Body(
		app.H2().Text(T(l, "step_charts")),
		&ChartsView{Result: c.ws.Result, Period: c.ws.Period, Lang: l, Choice: &c.ws.Charts, OnChange: c.save},
	)
}

// ChartsView lets the user pick a chart and its units; the period is the
// workbench's. The choices live in the Workspace (saved with the session);
// OnChange, if set, is called after each.
type ChartsView struct {
	app.Compo
	Result   *pipeline.Result
	Period   int
	Lang     Lang
	Choice   *ChartChoice
	OnChange func(ctx app.Context)
}

// ChartChoice is the chart chosen and its units.
type ChartChoice struct {
	Kind  string   `json:"kind,omitempty"`  // one of the Chart* kinds ("" = ranking)
	Units []string `json:"units,omitempty"` // unit codes chosen for the trend
	Unit  string   `json:"unit,omitempty"`  // unit code chosen for the radar
}

// choice returns the choices, creating them on first use.
func (v *ChartsView) choice() *ChartChoice {
	if v.Choice == nil {
		v.Choice = &ChartChoice{}
	}
	return v.Choice
}

func (v *ChartsView) changed(ctx app.Context) {
	if v.OnChange != nil {
		v.OnChange(ctx)
	}
}

// chartKinds returns the kinds that apply to the result.
func chartKinds(res *pipeline.Result) []string {
	kinds := []string{ChartRanking, ChartTrend}
	if RadarAvailable(res) {
		kinds = append(kinds, ChartRadar)
	}
	kinds = append(kinds, ChartHeatmap, ChartDensity)
	if ProvinceUnits(res) {
		kinds = append(kinds, ChartTiles)
	}
	return kinds
}

// chosenKind returns the selected kind if it applies, else ranking.
func (v *ChartsView) chosenKind() string {
	for _, k := range chartKinds(v.Result) {
		if k == v.choice().Kind {
			return k
		}
	}
	return ChartRanking
}

// chosenUnits returns the chosen units that exist, or the best n of the period.
func (v *ChartsView) chosenUnits(chosen []string, n int) []string {
	known := map[string]bool{}
	for _, u := range v.Result.Units {
		known[u.Code] = true
	}
	var out []string
	for _, u := range chosen {
		if known[u] {
			out = append(out, u)
		}
	}
	if len(out) > 0 {
		return out
	}
	for _, i := range periodRows(v.Result, v.Period) {
		if len(out) == n {
			break
		}
		out = append(out, v.Result.Units[v.Result.Rows[i].Unit].Code)
	}
	return out
}

// option builds the chosen chart, or returns an error message.
func (v *ChartsView) option(kind string) (map[string]any, string) {
	res, p, l := v.Result, v.Period, v.Lang
	switch kind {
	case ChartTrend:
		return Trends(res, v.chosenUnits(v.choice().Units, 5), l), ""
	case ChartRadar:
		u := v.chosenUnits([]string{v.choice().Unit}, 1)
		if len(u) == 0 {
			return nil, T(l, "no_data")
		}
		return Radar(res, u[0], p, l), ""
	case ChartHeatmap:
		return Heatmap(res, p, l), ""
	case ChartDensity:
		o, err := Densities(res, l)
		if err != nil {
			return nil, err.Error()
		}
		return o, ""
	case ChartTiles:
		return TileMap(res, p, l), ""
	default:
		return RankingBars(res, p, l), ""
	}
}

// Render draws the selectors and the chart.
func (v *ChartsView) Render() app.UI {
	res, l := v.Result, v.Lang
	if res == nil {
		return app.Div()
	}
	kind := v.chosenKind()
	var kinds []app.UI
	for _, k := range chartKinds(res) {
		kinds = append(kinds, app.Option().Value(k).Text(T(l, "ch_"+k)).Selected(k == kind))
	}
	fields := []app.UI{app.Div().Class("field").Body(
		app.Label().For("chart-kind").Text(T(l, "ch_kind")),
		app.Select().ID("chart-kind").OnChange(v.onKind).Body(kinds...),
	)}
	// The trend's multiple choice and the radar's single choice are
	// different elements in different places, so that go-app never turns
	// one into the other (the browser would keep a stale selection).
	unitOptions := func(chosen []string) []app.UI {
		is := map[string]bool{}
		for _, u := range chosen {
			is[u] = true
		}
		var opts []app.UI
		for _, u := range res.Units {
			opts = append(opts, app.Option().Value(u.Code).Text(u.Name).Selected(is[u.Code]))
		}
		return opts
	}
	var trend, radar app.UI = app.Text(""), app.Text("")
	switch kind {
	case ChartTrend:
		trend = app.Div().Class("field").Body(
			app.Label().For("chart-units").Text(T(l, "ch_units")),
			app.Select().ID("chart-units").Multiple(true).Size(6).OnChange(v.onUnits).Body(unitOptions(v.chosenUnits(v.choice().Units, 5))...),
		)
	case ChartRadar:
		radar = app.Div().Class("field").Body(
			app.Label().For("chart-unit").Text(T(l, "ch_unit1")),
			app.Select().ID("chart-unit").OnChange(v.onUnit).Body(unitOptions(v.chosenUnits([]string{v.choice().Unit}, 1))...),
		)
	}
	fields = append(fields, trend, radar)
	option, problem := v.option(kind)
	var chart app.UI
	if problem != "" {
		chart = app.P().Class("note").Text(T(l, "ch_none") + problem)
	} else {
		class := ""
		if kind == ChartRanking || kind == ChartHeatmap {
			class = "tall"
		}
		file := "nqp-" + kind
		if kind != ChartTrend && kind != ChartDensity {
			file += "-" + periodLabel(res, v.Period)
		}
		chart = &Chart{ID: "chart-main", Option: option, File: file, Class: class, Lang: l}
	}
	return app.Div().Body(app.Div().Class("fields").Body(fields...), chart)
}

func (v *ChartsView) onKind(ctx app.Context, e app.Event) {
	v.choice().Kind = ctx.JSSrc().Get("value").String()
	v.changed(ctx)
}

func (v *ChartsView) onUnits(ctx app.Context, e app.Event) {
	opts := ctx.JSSrc().Get("selectedOptions")
	var units []string
	for i := 0; i < opts.Length(); i++ {
		units = append(units, opts.Index(i).Get("value").String())
	}
	if len(units) > 0 {
		v.choice().Units = units
		v.changed(ctx)
	}
}

func (v *ChartsView) onUnit(ctx app.Context, e app.Event) {
	v.choice().Unit = ctx.JSSrc().Get("value").String()
	v.changed(ctx)
}
