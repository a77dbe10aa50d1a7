package app

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/nqp-index/nqp/scoring/analysis"
	"github.com/nqp-index/nqp/scoring/pipeline"
	"github.com/nqp-index/nqp/scoring/region"
)

// This file builds ECharts options from a pipeline.Result, in pure Go (no
// JavaScript): each builder returns the option as a map that chart_js.go
// hands to echarts.setOption as JSON. Missing values are written as nil
// (JSON null), never NaN, so that options compare equal with
// reflect.DeepEqual (go-app redraws a Chart only when its option changes)
// and marshal without error.

// Chart kinds offered by the charts view.
const (
	ChartRanking = "ranking" // bars of the index in one period
	ChartTrend   = "trend"   // the index over periods for chosen units
	ChartRadar   = "radar"   // a unit's dimension sub-indices
	ChartHeatmap = "heatmap" // units × indicators, normalised values
	ChartDensity = "density" // kernel density of the index per period
	ChartTiles   = "tiles"   // tile map of China's provinces
)

// chartPalette is the series colour cycle (the first is the app's accent).
var chartPalette = []any{"#b3261e", "#1f5fa8", "#2e8540", "#c77c02", "#6a3d9a", "#00838f", "#8d6e63", "#d81b60", "#546e7a", "#7cb342"}

// cellOf returns m[i][j], or NaN when the table lacks the cell.
func cellOf(m pipeline.Matrix, i, j int) float64 {
	if i < 0 || i >= len(m) || j < 0 || j >= len(m[i]) {
		return math.NaN()
	}
	return m[i][j]
}

// chartNum returns v for a chart, or nil (JSON null) when it is missing.
func chartNum(v float64) any {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return nil
	}
	return v
}

// chartRound returns v with d decimals (for labels and compact options).
func chartRound(v float64, d int) float64 {
	p := math.Pow(10, float64(d))
	return math.Round(v*p) / p
}

// aggName returns the name of aggregate or indicator code in lang.
func aggName(res *pipeline.Result, code string, l Lang) string {
	if res.Framework != nil {
		if n := res.Framework.Node(code); n != nil {
			return n.Name(string(l))
		}
	}
	return code
}

// baseOption holds what every chart shares: a white background (so that
// PNG and SVG exports are readable) and tooltips drawn on the canvas (richText):
// the HTML tooltip would need inline style attributes, which the site's
// Content-Security-Policy (style-src 'self') does not allow.
func baseOption(title string) map[string]any {
	return map[string]any{
		"backgroundColor": "#ffffff",
		"color":           chartPalette,
		"title":           map[string]any{"text": title, "left": "center", "textStyle": map[string]any{"fontSize": 14}},
		"tooltip":         map[string]any{"renderMode": "richText"},
		"textStyle":       map[string]any{"fontFamily": "system-ui, sans-serif"},
	}
}

// periodRows returns the rows of period p ordered by rank (unranked last,
// then by unit code as in the Result).
func periodRows(res *pipeline.Result, p int) []int {
	var rows []int
	for i, o := range res.Rows {
		if o.Period == p {
			rows = append(rows, i)
		}
	}
	rank := func(i int) int {
		if i < len(res.Ranks) && len(res.Ranks[i]) > 0 {
			return res.Ranks[i][0]
		}
		return 0
	}
	sort.SliceStable(rows, func(a, b int) bool {
		ra, rb := rank(rows[a]), rank(rows[b])
		if ra == 0 {
			return false
		}
		return rb == 0 || ra < rb
	})
	return rows
}

func periodLabel(res *pipeline.Result, p int) string {
	if p >= 0 && p < len(res.Periods) {
		return res.Periods[p].Label
	}
	return ""
}

// chartMaxUnits caps the units of the ranking bars and the heat map, which
// become unreadable with more (a county panel has thousands): the best
// ones are shown and the title says so.
const chartMaxUnits = 50

// topRows returns the first chartMaxUnits rows and a title suffix when
// rows were left out.
func topRows(rows []int, l Lang) ([]int, string) {
	if len(rows) <= chartMaxUnits {
		return rows, ""
	}
	return rows[:chartMaxUnits], fmt.Sprintf(T(l, "ch_top"), chartMaxUnits, len(rows))
}

// RankingBars is a horizontal bar chart of the index in period p, best at
// the top (at most chartMaxUnits units).
func RankingBars(res *pipeline.Result, p int, l Lang) map[string]any {
	rows, more := topRows(periodRows(res, p), l)
	names := make([]any, len(rows))
	data := make([]any, len(rows))
	for k, i := range rows {
		names[k] = res.Units[res.Rows[i].Unit].Name
		data[k] = chartNum(cellOf(res.Scores, i, 0))
	}
	o := baseOption(T(l, "ch_t_ranking") + " · " + periodLabel(res, p) + more)
	o["tooltip"].(map[string]any)["trigger"] = "axis"
	o["grid"] = map[string]any{"left": 8, "right": 48, "top": 36, "bottom": 8, "containLabel": true}
	o["xAxis"] = map[string]any{"type": "value"}
	o["yAxis"] = map[string]any{"type": "category", "inverse": true, "data": names, "axisLabel": map[string]any{"interval": 0}}
	o["series"] = []any{map[string]any{
		"type": "bar", "name": aggName(res, res.Aggregates[0], l), "data": data,
		"label": map[string]any{"show": true, "position": "right", "formatter": "{c}", "fontSize": 10},
	}}
	roundSeries(o, 2)
	return o
}

// roundSeries rounds the numbers of every series' data to d decimals (the
// labels show them as they are).
func roundSeries(o map[string]any, d int) {
	for _, s := range o["series"].([]any) {
		data := s.(map[string]any)["data"].([]any)
		for k, v := range data {
			if f, ok := v.(float64); ok {
				data[k] = chartRound(f, d)
			}
		}
	}
}

// Trends draws the index over the periods, one line per unit code.
func Trends(res *pipeline.Result, units []string, l Lang) map[string]any {
	periods := make([]any, len(res.Periods))
	for p, pd := range res.Periods {
		periods[p] = pd.Label
	}
	idx := map[string]int{}
	for u, x := range res.Units {
		idx[x.Code] = u
	}
	var series []any
	var legend []any
	for _, code := range units {
		u, ok := idx[code]
		if !ok {
			continue
		}
		data := make([]any, len(res.Periods))
		for i, o := range res.Rows {
			if o.Unit == u {
				data[o.Period] = chartNum(cellOf(res.Scores, i, 0))
			}
		}
		name := res.Units[u].Name
		legend = append(legend, name)
		series = append(series, map[string]any{"type": "line", "name": name, "data": data, "connectNulls": false, "symbolSize": 6})
	}
	o := baseOption(T(l, "ch_t_trend"))
	o["tooltip"].(map[string]any)["trigger"] = "axis"
	o["legend"] = map[string]any{"data": legend, "bottom": 0, "type": "scroll"}
	o["grid"] = map[string]any{"left": 8, "right": 24, "top": 40, "bottom": 36, "containLabel": true}
	o["xAxis"] = map[string]any{"type": "category", "data": periods, "boundaryGap": false}
	o["yAxis"] = map[string]any{"type": "value", "scale": true}
	if series == nil {
		series = []any{}
	}
	o["series"] = series
	roundSeries(o, 2)
	return o
}

// radarDims returns the radar's axes: the children of the framework's root
// (the dimensions), each with its table (true: Scores, false: Normalised)
// and column.
func radarDims(res *pipeline.Result) (codes []string, fromScores []bool, cols []int) {
	if res.Framework == nil {
		return nil, nil, nil
	}
	for _, ch := range res.Framework.Children(res.Framework.Root()) {
		if a := res.AggregateIndex(ch); a >= 0 {
			codes, fromScores, cols = append(codes, ch), append(fromScores, true), append(cols, a)
			continue
		}
		for j, ind := range res.Indicators {
			if ind == ch {
				codes, fromScores, cols = append(codes, ch), append(fromScores, false), append(cols, j)
				break
			}
		}
	}
	return codes, fromScores, cols
}

// RadarAvailable reports whether the result has at least three dimensions.
func RadarAvailable(res *pipeline.Result) bool {
	codes, _, _ := radarDims(res)
	return len(codes) >= 3
}

// Radar draws the dimension sub-indices of unit code in period p against
// the mean of all units in that period. Each axis runs to the largest
// value of its dimension over all periods, so periods are comparable.
func Radar(res *pipeline.Result, unit string, p int, l Lang) map[string]any {
	codes, fromScores, cols := radarDims(res)
	cell := func(i, k int) float64 {
		if fromScores[k] {
			return cellOf(res.Scores, i, cols[k])
		}
		return cellOf(res.Normalised, i, cols[k])
	}
	indicator := make([]any, len(codes))
	unitVals := make([]any, len(codes))
	meanVals := make([]any, len(codes))
	name := unit
	for k, code := range codes {
		maxV, sum, n := 0.0, 0.0, 0
		for i, o := range res.Rows {
			v := cell(i, k)
			if math.IsNaN(v) {
				continue
			}
			maxV = math.Max(maxV, v)
			if o.Period == p {
				sum += v
				n++
			}
			if o.Period == p && res.Units[o.Unit].Code == unit {
				unitVals[k] = chartRound(v, 2)
				name = res.Units[o.Unit].Name
			}
		}
		if n > 0 {
			meanVals[k] = chartRound(sum/float64(n), 2)
		}
		if !(maxV > 0) {
			maxV = 1
		}
		indicator[k] = map[string]any{"name": aggName(res, code, l), "max": niceCeil(maxV)}
	}
	mean := T(l, "ch_mean")
	o := baseOption(T(l, "ch_t_radar") + " · " + name + " · " + periodLabel(res, p))
	o["legend"] = map[string]any{"data": []any{name, mean}, "bottom": 0}
	o["radar"] = map[string]any{"indicator": indicator, "radius": "62%", "center": []any{"50%", "54%"}}
	o["series"] = []any{map[string]any{
		"type": "radar",
		"data": []any{
			map[string]any{"name": name, "value": unitVals, "areaStyle": map[string]any{"opacity": 0.25}},
			map[string]any{"name": mean, "value": meanVals, "lineStyle": map[string]any{"type": "dashed"}},
		},
	}}
	return o
}

// niceCeil rounds v up to 1, 2, 2.5 or 5 times a power of ten.
func niceCeil(v float64) float64 {
	if !(v > 0) {
		return 1
	}
	e := math.Pow(10, math.Floor(math.Log10(v)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*e >= v*(1-1e-12) {
			return chartRound(m*e, 12)
		}
	}
	return 10 * e
}

// Heatmap draws the normalised values of period p: units (best first, at
// most chartMaxUnits) × indicators.
func Heatmap(res *pipeline.Result, p int, l Lang) map[string]any {
	rows, more := topRows(periodRows(res, p), l)
	units := make([]any, len(rows))
	for k, i := range rows {
		units[k] = res.Units[res.Rows[i].Unit].Name
	}
	inds := make([]any, len(res.Indicators))
	for j, code := range res.Indicators {
		inds[j] = aggName(res, code, l)
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	data := []any{}
	for k, i := range rows {
		for j := range res.Indicators {
			v := cellOf(res.Normalised, i, j)
			if math.IsNaN(v) || math.IsInf(v, 0) {
				continue
			}
			lo, hi = math.Min(lo, v), math.Max(hi, v)
			data = append(data, []any{j, k, chartRound(v, 4)})
		}
	}
	if lo > hi {
		lo, hi = 0, 1
	}
	o := baseOption(T(l, "ch_t_heatmap") + " · " + periodLabel(res, p) + more)
	o["grid"] = map[string]any{"left": 8, "right": 16, "top": 36, "bottom": 64, "containLabel": true}
	o["xAxis"] = map[string]any{"type": "category", "data": inds, "axisLabel": map[string]any{"rotate": 45, "interval": 0, "fontSize": 10}, "splitArea": map[string]any{"show": true}}
	o["yAxis"] = map[string]any{"type": "category", "data": units, "inverse": true, "axisLabel": map[string]any{"interval": 0, "fontSize": 10}, "splitArea": map[string]any{"show": true}}
	o["visualMap"] = map[string]any{
		"min": chartRound(lo, 4), "max": chartRound(hi, 4), "calculable": true, "precision": 2, "orient": "horizontal", "left": "center", "bottom": 0,
		"itemHeight": 160, "inRange": map[string]any{"color": []any{"#f7fbff", "#6baed6", "#08306b"}},
	}
	o["series"] = []any{map[string]any{"type": "heatmap", "name": T(l, "ch_normalised"), "data": data}}
	return o
}

// Densities draws a Gaussian kernel density of the index per period
// (Silverman's bandwidth, package analysis), on one shared grid.
func Densities(res *pipeline.Result, l Lang) (map[string]any, error) {
	s, err := analysis.SeriesOf(res, "")
	if err != nil {
		return nil, err
	}
	kde, err := analysis.KDEOf(s, analysis.KDEOptions{Points: 128})
	if err != nil {
		return nil, err
	}
	var series, legend []any
	for p, lab := range kde.Labels {
		data := make([]any, len(kde.Grid))
		for k, x := range kde.Grid {
			data[k] = []any{chartRound(x, 4), chartRound(kde.Density[p][k], 6)}
		}
		legend = append(legend, lab)
		series = append(series, map[string]any{"type": "line", "name": lab, "data": data, "showSymbol": false, "smooth": false})
	}
	o := baseOption(T(l, "ch_t_density"))
	o["tooltip"].(map[string]any)["trigger"] = "axis"
	o["legend"] = map[string]any{"data": legend, "bottom": 0, "type": "scroll"}
	o["grid"] = map[string]any{"left": 40, "right": 24, "top": 40, "bottom": 36, "containLabel": true}
	o["xAxis"] = map[string]any{"type": "value", "scale": true}
	o["yAxis"] = map[string]any{"type": "value", "name": T(l, "ch_density_y"), "nameLocation": "middle", "nameGap": 40}
	o["series"] = series
	return o, nil
}

// TilePos is a province's square on the tile map.
type TilePos struct{ Row, Col int }

// provinceTiles places China's 31 provincial-level divisions (GB/T 2260
// codes) on an 8 × 8 grid that approximates their geography: rows run
// north to south, columns west to east.
var provinceTiles = map[string]TilePos{
	"230000": {0, 7}, // 黑龙江
	"150000": {1, 4}, // 内蒙古
	"110000": {1, 5}, // 北京
	"210000": {1, 6}, // 辽宁
	"220000": {1, 7}, // 吉林
	"650000": {2, 1}, // 新疆
	"620000": {2, 2}, // 甘肃
	"640000": {2, 3}, // 宁夏
	"140000": {2, 4}, // 山西
	"130000": {2, 5}, // 河北
	"120000": {2, 6}, // 天津
	"540000": {3, 1}, // 西藏
	"630000": {3, 2}, // 青海
	"610000": {3, 3}, // 陕西
	"410000": {3, 4}, // 河南
	"370000": {3, 5}, // 山东
	"320000": {3, 6}, // 江苏
	"510000": {4, 2}, // 四川
	"500000": {4, 3}, // 重庆
	"420000": {4, 4}, // 湖北
	"340000": {4, 5}, // 安徽
	"310000": {4, 6}, // 上海
	"530000": {5, 2}, // 云南
	"520000": {5, 3}, // 贵州
	"430000": {5, 4}, // 湖南
	"360000": {5, 5}, // 江西
	"330000": {5, 6}, // 浙江
	"450000": {6, 3}, // 广西
	"440000": {6, 4}, // 广东
	"350000": {6, 5}, // 福建
	"460000": {7, 3}, // 海南
}

// tileRows and tileCols are the grid's size.
const tileRows, tileCols = 8, 8

// ProvinceUnits reports whether the result's units are provinces (every
// unit code is one of the 31), so that the tile map applies.
func ProvinceUnits(res *pipeline.Result) bool {
	if res == nil || len(res.Units) == 0 {
		return false
	}
	for _, u := range res.Units {
		if _, ok := provinceTiles[u.Code]; !ok {
			return false
		}
	}
	return true
}

// TileMap colours each province's tile by its index in period p; provinces
// without a score are grey.
func TileMap(res *pipeline.Result, p int, l Lang) map[string]any {
	score := map[string]float64{}
	for _, i := range periodRows(res, p) {
		if v := cellOf(res.Scores, i, 0); !math.IsNaN(v) && !math.IsInf(v, 0) {
			score[res.Units[res.Rows[i].Unit].Code] = v
		}
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, v := range score {
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	if lo > hi {
		lo, hi = 0, 1
	}
	codes := make([]string, 0, len(provinceTiles))
	for c := range provinceTiles {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	scored, missing := []any{}, []any{}
	for _, c := range codes {
		t := provinceTiles[c]
		name := c
		if pr, ok := region.ByCode(c); ok {
			name = pr.ShortZh
			if l == En {
				name, _, _ = strings.Cut(pr.En, " (")
			}
		}
		if v, ok := score[c]; ok {
			scored = append(scored, map[string]any{"name": name, "value": []any{t.Col, t.Row, chartRound(v, 2)}})
		} else {
			missing = append(missing, map[string]any{"name": name, "value": []any{t.Col, t.Row, 0}})
		}
	}
	cats := func(n int) []any {
		out := make([]any, n)
		for i := range out {
			out[i] = strconv.Itoa(i)
		}
		return out
	}
	hidden := map[string]any{"show": false}
	o := baseOption(T(l, "ch_t_tiles") + " · " + periodLabel(res, p))
	o["grid"] = map[string]any{"left": "center", "top": 40, "bottom": 56, "width": 480, "containLabel": false}
	o["xAxis"] = map[string]any{"type": "category", "data": cats(tileCols), "axisLine": hidden, "axisTick": hidden, "axisLabel": hidden, "splitLine": hidden}
	o["yAxis"] = map[string]any{"type": "category", "data": cats(tileRows), "inverse": true, "axisLine": hidden, "axisTick": hidden, "axisLabel": hidden, "splitLine": hidden}
	o["visualMap"] = map[string]any{
		"seriesIndex": 0, "min": chartRound(lo, 2), "max": chartRound(hi, 2), "calculable": true, "precision": 1, "orient": "horizontal",
		"left": "center", "bottom": 0, "itemHeight": 200, "inRange": map[string]any{"color": []any{"#fde0dd", "#f768a1", "#7a0177"}},
	}
	label := map[string]any{"show": true, "formatter": "{b}\n{@[2]}", "fontSize": 11, "width": 56, "overflow": "truncate"}
	border := map[string]any{"borderColor": "#ffffff", "borderWidth": 3}
	o["series"] = []any{
		map[string]any{"type": "heatmap", "name": aggName(res, res.Aggregates[0], l), "data": scored, "label": label, "itemStyle": border},
		map[string]any{"type": "heatmap", "name": T(l, "ch_no_score"), "data": missing,
			"label":     map[string]any{"show": true, "formatter": "{b}", "fontSize": 11, "color": "#5b6575", "width": 56, "overflow": "truncate"},
			"itemStyle": map[string]any{"color": "#e4e7eb", "borderColor": "#ffffff", "borderWidth": 3}},
	}
	return o
}
