package app

import (
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/nqp-index/nqp/scoring/analysis"
	"github.com/nqp-index/nqp/scoring/panel"
	"github.com/nqp-index/nqp/scoring/pipeline"
	"github.com/nqp-index/nqp/scoring/region"
)

// sampleResult scores the bundled sample once for the chart tests.
var sampleResult = func() func(t *testing.T) *pipeline.Result {
	var res *pipeline.Result
	return func(t *testing.T) *pipeline.Result {
		t.Helper()
		if res == nil {
			var w Workspace
			w.SetSample()
			w.Run()
			if w.Result == nil {
				t.Fatalf("the sample did not score: %v", w.Report)
			}
			res = w.Result
		}
		return res
	}
}()

// optSeries returns option["series"][k] as a map.
func optSeries(t *testing.T, o map[string]any, k int) map[string]any {
	t.Helper()
	s, ok := o["series"].([]any)
	if !ok || len(s) <= k {
		t.Fatalf("option has no series %d", k)
	}
	return s[k].(map[string]any)
}

// checkOption checks that an option is valid JSON (no NaN) and that it
// compares equal to itself (go-app redraws a Chart only on change).
func checkOption(t *testing.T, o map[string]any) {
	t.Helper()
	if _, err := json.Marshal(o); err != nil {
		t.Fatalf("option does not marshal: %v", err)
	}
	if !reflect.DeepEqual(o, o) {
		t.Fatal("option is not equal to itself (NaN inside?)")
	}
}

func TestRankingBars(t *testing.T) {
	res := sampleResult(t)
	p := len(res.Periods) - 1
	o := RankingBars(res, p, Zh)
	checkOption(t, o)
	names := o["yAxis"].(map[string]any)["data"].([]any)
	data := optSeries(t, o, 0)["data"].([]any)
	if len(names) != 31 || len(data) != 31 {
		t.Fatalf("%d names, %d bars; want 31", len(names), len(data))
	}
	// The bars are the Result's index scores in rank order.
	w := Workspace{Result: res, Period: p}
	for k, r := range w.Ranking() {
		if names[k] != r.Name {
			t.Errorf("bar %d is %v, want %s", k, names[k], r.Name)
		}
		if got := data[k].(float64); got != chartRound(r.Scores[0], 2) {
			t.Errorf("bar %d (%s) = %v, want %v", k, r.Name, got, r.Scores[0])
		}
	}
	if names[0] != "广东" {
		t.Errorf("2023 starts with %v, want 广东", names[0])
	}
	if en := RankingBars(res, p, En); en["title"].(map[string]any)["text"] == o["title"].(map[string]any)["text"] {
		t.Error("the English title is the Chinese one")
	}
}

func TestTrends(t *testing.T) {
	res := sampleResult(t)
	o := Trends(res, []string{"110000", "440000", "nowhere"}, Zh)
	checkOption(t, o)
	if n := len(o["series"].([]any)); n != 2 {
		t.Fatalf("%d lines, want 2 (unknown units are skipped)", n)
	}
	if x := o["xAxis"].(map[string]any)["data"].([]any); len(x) != len(res.Periods) || x[0] != res.Periods[0].Label {
		t.Errorf("x axis %v", x)
	}
	s := optSeries(t, o, 1)
	if s["name"] != "广东" {
		t.Errorf("second line is %v", s["name"])
	}
	data := s["data"].([]any)
	for p, pd := range res.Periods {
		want, ok := res.Score(res.Aggregates[0], "440000", pd.Label)
		if !ok {
			if data[p] != nil {
				t.Errorf("%s: %v for a missing score", pd.Label, data[p])
			}
			continue
		}
		if data[p].(float64) != chartRound(want, 2) {
			t.Errorf("广东 %s = %v, want %v", pd.Label, data[p], want)
		}
	}
}

func TestRadar(t *testing.T) {
	res := sampleResult(t)
	if !RadarAvailable(res) {
		t.Fatal("the drivers framework has dimensions")
	}
	p := len(res.Periods) - 1
	o := Radar(res, "110000", p, Zh)
	checkOption(t, o)
	dims := res.Framework.Children(res.Framework.Root())
	ind := o["radar"].(map[string]any)["indicator"].([]any)
	if len(ind) != len(dims) {
		t.Fatalf("%d axes, want %d", len(ind), len(dims))
	}
	vals := optSeries(t, o, 0)["data"].([]any)[0].(map[string]any)["value"].([]any)
	for k, d := range dims {
		want, _ := res.Score(d, "110000", res.Periods[p].Label)
		if vals[k].(float64) != chartRound(want, 2) {
			t.Errorf("北京 %s = %v, want %v", d, vals[k], want)
		}
		if max := ind[k].(map[string]any)["max"].(float64); max < want {
			t.Errorf("axis %s ends at %v below the value %v", d, max, want)
		}
	}
}

func TestHeatmap(t *testing.T) {
	res := sampleResult(t)
	p := len(res.Periods) - 1
	o := Heatmap(res, p, Zh)
	checkOption(t, o)
	units := o["yAxis"].(map[string]any)["data"].([]any)
	inds := o["xAxis"].(map[string]any)["data"].([]any)
	if len(units) != 31 || len(inds) != len(res.Indicators) {
		t.Fatalf("%d × %d cells", len(units), len(inds))
	}
	rows := periodRows(res, p)
	cells := 0
	for _, c := range optSeries(t, o, 0)["data"].([]any) {
		c := c.([]any)
		j, k, v := c[0].(int), c[1].(int), c[2].(float64)
		if want := res.Normalised[rows[k]][j]; v != chartRound(want, 4) {
			t.Errorf("cell (%v, %v) = %v, want %v", units[k], inds[j], v, want)
		}
		cells++
	}
	if cells == 0 {
		t.Error("no cells")
	}
}

func TestDensities(t *testing.T) {
	res := sampleResult(t)
	o, err := Densities(res, Zh)
	if err != nil {
		t.Fatal(err)
	}
	checkOption(t, o)
	s, _ := analysis.SeriesOf(res, "")
	kde, _ := analysis.KDEOf(s, analysis.KDEOptions{Points: 128})
	if n := len(o["series"].([]any)); n != len(res.Periods) {
		t.Fatalf("%d curves, want one per period (%d)", n, len(res.Periods))
	}
	last := optSeries(t, o, len(res.Periods)-1)
	if last["name"] != res.Periods[len(res.Periods)-1].Label {
		t.Errorf("last curve is %v", last["name"])
	}
	var area float64
	data := last["data"].([]any)
	for k, pt := range data {
		xy := pt.([]any)
		if xy[1].(float64) != chartRound(kde.Density[len(res.Periods)-1][k], 6) {
			t.Fatalf("point %d = %v, want %v", k, xy[1], kde.Density[len(res.Periods)-1][k])
		}
		if k > 0 {
			area += (kde.Grid[k] - kde.Grid[k-1]) * xy[1].(float64)
		}
	}
	if math.Abs(area-1) > 0.02 {
		t.Errorf("the density integrates to %v", area)
	}
}

func TestProvinceTiles(t *testing.T) {
	ps := region.Provinces()
	if len(ps) != 31 || len(provinceTiles) != 31 {
		t.Fatalf("%d provinces, %d tiles", len(ps), len(provinceTiles))
	}
	seen := map[TilePos]string{}
	for _, p := range ps {
		tile, ok := provinceTiles[p.Code]
		if !ok {
			t.Errorf("%s %s has no tile", p.Code, p.ShortZh)
			continue
		}
		if tile.Row < 0 || tile.Row >= tileRows || tile.Col < 0 || tile.Col >= tileCols {
			t.Errorf("%s is off the grid at %v", p.ShortZh, tile)
		}
		if other, dup := seen[tile]; dup {
			t.Errorf("%s and %s share the tile %v", p.ShortZh, other, tile)
		}
		seen[tile] = p.ShortZh
	}
	// The layout follows geography: north above south, west left of east.
	north := func(a, b string) bool { return provinceTiles[a].Row < provinceTiles[b].Row }
	west := func(a, b string) bool { return provinceTiles[a].Col < provinceTiles[b].Col }
	if !north("230000", "460000") || !north("110000", "440000") || !west("650000", "310000") || !west("510000", "500000") {
		t.Error("the tile grid is not oriented north-up, west-left")
	}
}

func TestTileMap(t *testing.T) {
	res := sampleResult(t)
	if !ProvinceUnits(res) {
		t.Fatal("the sample's units are provinces")
	}
	p := len(res.Periods) - 1
	o := TileMap(res, p, Zh)
	checkOption(t, o)
	scored := optSeries(t, o, 0)["data"].([]any)
	missing := optSeries(t, o, 1)["data"].([]any)
	if len(scored)+len(missing) != 31 {
		t.Fatalf("%d + %d tiles", len(scored), len(missing))
	}
	for _, d := range scored {
		d := d.(map[string]any)
		v := d["value"].([]any)
		var code string
		for c, tile := range provinceTiles {
			if tile.Col == v[0].(int) && tile.Row == v[1].(int) {
				code = c
			}
		}
		pr, _ := region.ByCode(code)
		if d["name"] != pr.ShortZh {
			t.Errorf("tile %v is labelled %v, want %s", v[:2], d["name"], pr.ShortZh)
		}
		want, _ := res.Score(res.Aggregates[0], code, res.Periods[p].Label)
		if v[2].(float64) != chartRound(want, 2) {
			t.Errorf("%s = %v, want %v", pr.ShortZh, v[2], want)
		}
	}
	// Units that are not provinces get no tile map.
	other := *res
	other.Units = append([]panel.Unit{{Code: "X1", Name: "某县"}}, res.Units...)
	if ProvinceUnits(&other) {
		t.Error("a non-province unit still offers the tile map")
	}
}

func TestChartsView(t *testing.T) {
	res := sampleResult(t)
	for _, k := range chartKinds(res) {
		v := &ChartsView{Result: res, Period: len(res.Periods) - 1, Lang: En, Choice: &ChartChoice{Kind: k}}
		o, problem := v.option(v.chosenKind())
		if problem != "" || o == nil {
			t.Errorf("%s: %s", k, problem)
			continue
		}
		checkOption(t, o)
	}
	if kinds := chartKinds(res); len(kinds) != 6 {
		t.Errorf("the sample offers %v", kinds)
	}
	// The component renders natively (no chart is drawn outside a browser).
	c := &ChartsView{Result: res, Period: len(res.Periods) - 1, Lang: Zh}
	e := app.NewTestEngine()
	e.Load(c)
	e.ConsumeAll()
	if err := app.Match(app.Select().ID("chart-kind").OnChange(c.onKind), c, 0, 0, 0, 1); err != nil {
		t.Error(err)
	}
}

// TestChartsSmallData builds every chart of small user files (a flat
// framework, non-province units, one period, a single unit) without a
// panic: a chart problem must not stop the app.
func TestChartsSmallData(t *testing.T) {
	files := map[string]string{
		"three.csv": "地区,年份,专利,研发\n北京,2023,10,5\n上海,2023,8,9\n广东,2023,12,3\n",
		"one.csv":   "地区,年份,专利,研发,人才\n北京,2022,10,5,1\n北京,2023,12,6,2\n",
		"units.csv": "unit,year,a,b,c\nU1,2022,1,2,3\nU2,2022,2,3,1\nU3,2022,3,1,2\nU1,2023,2,2,2\nU2,2023,,3,1\nU3,2023,3,1,\n",
	}
	for name, csv := range files {
		var w Workspace
		w.SetData(name, []byte(csv))
		w.Run()
		if w.Result == nil {
			t.Fatalf("%s did not score: %v", name, w.Report)
		}
		for _, k := range []string{ChartRanking, ChartTrend, ChartRadar, ChartHeatmap, ChartDensity, ChartTiles} {
			for _, l := range []Lang{Zh, En} {
				v := &ChartsView{Result: w.Result, Period: w.Period, Lang: l, Choice: &ChartChoice{Kind: k}}
				if o, problem := v.option(k); problem == "" {
					checkOption(t, o)
				}
			}
		}
		if ProvinceUnits(w.Result) != (name != "units.csv") {
			t.Errorf("%s: ProvinceUnits = %v", name, ProvinceUnits(w.Result))
		}
	}
}

func TestChartsCapUnits(t *testing.T) {
	var b strings.Builder
	b.WriteString("unit,year,a,b\n")
	for u := 0; u < 120; u++ {
		fmt.Fprintf(&b, "U%03d,2023,%d,%d\n", u, u, (u*7)%11)
	}
	var w Workspace
	w.SetData("many.csv", []byte(b.String()))
	w.Run()
	if w.Result == nil {
		t.Fatalf("no result: %v", w.Report)
	}
	o := RankingBars(w.Result, 0, En)
	if n := len(optSeries(t, o, 0)["data"].([]any)); n != chartMaxUnits {
		t.Errorf("%d bars, want %d", n, chartMaxUnits)
	}
	if title := o["title"].(map[string]any)["text"].(string); !strings.Contains(title, "best 50 of 120") {
		t.Errorf("title %q does not say the chart is capped", title)
	}
	h := Heatmap(w.Result, 0, Zh)
	if n := len(h["yAxis"].(map[string]any)["data"].([]any)); n != chartMaxUnits {
		t.Errorf("heat map of %d units", n)
	}
}
