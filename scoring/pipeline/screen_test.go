package pipeline

import (
	"math"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/nqp-index/nqp/scoring/framework"
	"github.com/nqp-index/nqp/scoring/ingest"
	"github.com/nqp-index/nqp/scoring/panel"
)

// This file holds the COINr comparison harness used by the pre-step
// tests (denominate, impute, screen, treat) and the full-pipeline test.

const coinrDir = "testdata/coinr/"

// asemFiles reads the ASEM example with the project's own readers
// (ingest for iData, framework.Read for iMeta), so that denominator
// columns and group columns come in as they would for a user.
func asemFiles(t testing.TB) Input {
	t.Helper()
	b, err := os.ReadFile("testdata/asem/ASEM_iData.csv")
	if err != nil {
		t.Fatal(err)
	}
	p, rep, err := ingest.Read("ASEM_iData.csv", b, ingest.Options{})
	if err != nil || rep.HasErrors() {
		t.Fatalf("ingest: %v %v", err, rep)
	}
	m, err := os.ReadFile("testdata/asem/ASEM_iMeta.csv")
	if err != nil {
		t.Fatal(err)
	}
	fw, frep, err := framework.Read("ASEM_iMeta.csv", m)
	if err != nil || frep.HasErrors() {
		t.Fatalf("framework: %v %v", err, frep)
	}
	return Input{Data: p, Framework: fw}
}

// coinrRecipe reads the shipped COINr full-pipeline recipe.
func coinrRecipe(t testing.TB) Recipe {
	t.Helper()
	f, err := os.Open("recipes/coinr-asem-full.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r, err := ParseRecipe(f)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// errStat accumulates comparison errors: the largest relative error over
// values of magnitude ≥ 1e-6 and the largest absolute error below.
type errStat struct {
	n           int
	rel, absErr float64
	bad         int
}

const coinrTol = 1e-9

func (e *errStat) add(t testing.TB, what string, got, want float64) {
	t.Helper()
	e.n++
	if math.IsNaN(got) || math.IsNaN(want) {
		if math.IsNaN(got) != math.IsNaN(want) {
			e.bad++
			if e.bad <= 10 {
				t.Errorf("%s = %v, COINr %v", what, got, want)
			}
		}
		return
	}
	d := math.Abs(got - want)
	m := math.Max(math.Abs(got), math.Abs(want))
	if m >= 1e-6 {
		e.rel = math.Max(e.rel, d/m)
		if d/m <= coinrTol {
			return
		}
	} else {
		e.absErr = math.Max(e.absErr, d)
		if d <= 1e-12 {
			return
		}
	}
	e.bad++
	if e.bad <= 10 {
		t.Errorf("%s = %.17g, COINr %.17g", what, got, want)
	}
}

func (e *errStat) log(t testing.TB, name string) {
	t.Helper()
	if e.n == 0 {
		t.Errorf("%s: nothing compared", name)
	}
	t.Logf("%-40s %5d values, max rel err %.3g (abs err below 1e-6: %.3g)", name, e.n, e.rel, e.absErr)
}

// csvTable is a COINr CSV: its header and its rows keyed by uCode (and
// Time when the file has one).
type csvTable struct {
	head []string
	rows map[string][]string
	keys []string
}

func readTable(t testing.TB, file string) csvTable {
	t.Helper()
	recs := readCSV(t, coinrDir+file)
	tb := csvTable{head: recs[0], rows: map[string][]string{}}
	timeCol := -1
	for j, h := range tb.head {
		if h == "Time" {
			timeCol = j
		}
	}
	for _, r := range recs[1:] {
		k := r[0]
		if timeCol >= 0 {
			k += "/" + r[timeCol]
		}
		tb.rows[k] = r
		tb.keys = append(tb.keys, k)
	}
	return tb
}

// rowKeys returns each result row's key as readTable builds it.
func rowKeys(res *Result, withTime bool) []string {
	out := make([]string, len(res.Rows))
	for i, o := range res.Rows {
		out[i] = res.Units[o.Unit].Code
		if withTime {
			out[i] += "/" + res.Periods[o.Period].Label
		}
	}
	return out
}

// compareTable compares a row-major indicator table (columns =
// res.Indicators) with a COINr data set, cell by cell.
func compareTable(t *testing.T, name string, res *Result, m Matrix, file string) {
	t.Helper()
	tb := readTable(t, file)
	withTime := len(tb.head) > 1 && tb.head[1] == "Time"
	keys := rowKeys(res, withTime)
	if len(m) != len(tb.rows) {
		t.Fatalf("%s: %d rows, COINr %d", name, len(m), len(tb.rows))
	}
	col := map[string]int{}
	for j, c := range res.Indicators {
		col[c] = j
	}
	agg := map[string]int{}
	for j, c := range res.Aggregates {
		agg[c] = j
	}
	var e errStat
	for i, k := range keys {
		rec, ok := tb.rows[k]
		if !ok {
			t.Fatalf("%s: row %s not in %s", name, k, file)
		}
		for c, h := range tb.head {
			if h == "uCode" || h == "Time" || h == "uName" {
				continue
			}
			if j, ok := col[h]; ok {
				e.add(t, name+" "+k+"/"+h, m[i][j], num(rec[c]))
			} else if a, ok := agg[h]; ok {
				e.add(t, name+" "+k+"/"+h, res.Scores[i][a], num(rec[c]))
			} else {
				t.Fatalf("%s: column %s unknown", name, h)
			}
		}
	}
	e.log(t, name)
}

// compareAggregated compares a COINr Aggregated data set (normalised
// indicators, then the aggregates).
func compareAggregated(t *testing.T, name string, res *Result, file string) {
	t.Helper()
	compareTable(t, name, res, res.Normalised, file)
}

// compareRanks compares the aggregate ranks with COINr's get_results ranks.
func compareRanks(t *testing.T, res *Result, file string) {
	t.Helper()
	tb := readTable(t, file)
	keys := rowKeys(res, false)
	n := 0
	for i, k := range keys {
		rec := tb.rows[k]
		for c, h := range tb.head {
			a := res.AggregateIndex(h)
			if a < 0 {
				continue
			}
			want, _ := strconv.Atoi(rec[c])
			if got := res.Ranks[i][a]; got != want {
				t.Errorf("rank %s/%s = %d, COINr %d", k, h, got, want)
			}
			n++
		}
	}
	if n != len(res.Rows)*len(res.Aggregates) {
		t.Errorf("compared %d ranks", n)
	}
	t.Logf("%-40s %5d ranks equal", "ranks", n)
}

func parseBool(s string) bool { return s == "TRUE" }

// compareScreen compares the screen summary and removed units.
func compareScreen(t *testing.T, res *Result, summary, removed string) {
	t.Helper()
	tb := readTable(t, summary)
	if len(res.ScreenSummary) != len(tb.rows) {
		t.Fatalf("screen summary has %d lines, COINr %d", len(res.ScreenSummary), len(tb.rows))
	}
	var e errStat
	for _, l := range res.ScreenSummary {
		rec := tb.rows[l.Unit]
		if rec == nil {
			t.Fatalf("unit %s not in %s", l.Unit, summary)
		}
		v := map[string]string{}
		for c, h := range tb.head {
			v[h] = rec[c]
		}
		if strconv.Itoa(l.Missing) != v["N_missing"] || strconv.Itoa(l.Zero) != v["N_zero"] {
			t.Errorf("%s: missing/zero %d/%d, COINr %s/%s", l.Unit, l.Missing, l.Zero, v["N_missing"], v["N_zero"])
		}
		e.add(t, l.Unit+" Dat_Avail", float64(l.DatAvail), num(v["Dat_Avail"]))
		e.add(t, l.Unit+" Non_Zero", float64(l.NonZero), num(v["Non_Zero"]))
		if l.LowData != parseBool(v["LowData"]) || l.LowNonZero != parseBool(v["LowNonZero"]) || l.Included != parseBool(v["Included"]) {
			t.Errorf("%s: flags %+v, COINr %v", l.Unit, l, rec)
		}
	}
	e.log(t, summary)
	want := readCSV(t, coinrDir+removed)[1:]
	var got []string
	for _, r := range res.ScreenRemoved {
		got = append(got, r.Unit)
	}
	var w []string
	for _, r := range want {
		w = append(w, r[0])
	}
	if strings.Join(got, ",") != strings.Join(w, ",") {
		t.Errorf("removed %v, COINr %v", got, w)
	}
	t.Logf("%-40s removed %v", removed, got)
}

// TestCOINrFullPipeline runs COINr's full example pipeline (Denominate →
// Impute(i_mean_grp by EurAsia_group) → Screen(byNA, 0.9) → Treat(winmax 5)
// → Normalise(minmax 0–100) → Aggregate(amean)) from the shipped recipe and
// compares every intermediate data set with COINr 1.1.14's.
func TestCOINrFullPipeline(t *testing.T) {
	res, err := Run(asemFiles(t), coinrRecipe(t))
	if err != nil {
		t.Fatal(err)
	}
	compareTable(t, "full Raw", res, res.Raw, "full_Raw.csv")
	compareTable(t, "full Denominated", res, res.Denominated, "full_Denominated.csv")
	compareTable(t, "full Imputed", res, res.Imputed, "full_Imputed.csv")
	compareScreen(t, res, "full_screen_summary.csv", "full_screen_removed.csv")
	compareTable(t, "full Screened", res, res.Screened, "full_Screened.csv")
	compareTable(t, "full Treated", res, res.Treated, "full_Treated.csv")
	compareTreatDetails(t, res, "full_treat_details.csv")
	compareTreatPoints(t, res, "full_treat_points.csv")
	compareTable(t, "full Normalised", res, res.Normalised, "full_Normalised.csv")
	compareAggregated(t, "full Aggregated", res, "full_Aggregated.csv")
	compareRanks(t, res, "full_ranks.csv")
	// the 2 values lost to LAO's missing Energy denominator are reported
	found := false
	for _, p := range res.Report.Problems {
		if p.Code == "denominator-missing" && strings.Contains(p.En, "LAO") {
			found = true
		}
	}
	if !found {
		t.Error("no warning for LAO's missing Energy denominator")
	}
	if len(res.Denominators) != 17 {
		t.Errorf("%d denominator pairs, want 17", len(res.Denominators))
	}
	if n := len(res.ImputedCells); n != 65 {
		t.Errorf("%d imputed cells, want 65", n)
	}
}

// TestCOINrScreenDenominated: Screen(dset = "Denominated", byNA, 0.9)
// removes BGD, BRN, KHM, LAO and MMR.
func TestCOINrScreenDenominated(t *testing.T) {
	r := coinrRecipe(t)
	r.Impute = Impute{}
	r.Treat = Treat{}
	r.Screen.After = "denominate"
	res, err := Run(asemFiles(t), r)
	if err != nil {
		t.Fatal(err)
	}
	compareScreen(t, res, "screen_den_summary.csv", "screen_den_removed.csv")
	compareTable(t, "screen_den Screened", res, res.Screened, "screen_den_Screened.csv")
	if len(res.Rows) != 46 || len(res.Denominated) != 46 || len(res.Raw) != 46 {
		t.Errorf("rows %d, denominated %d, raw %d; want 46", len(res.Rows), len(res.Denominated), len(res.Raw))
	}
	// and the same screen with imputation after it: the imputed cells
	// refer to the kept rows
	r.Impute = Impute{Method: "i_mean"}
	res, err = Run(asemFiles(t), r)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range res.ImputedCells {
		if c.Row >= len(res.Rows) || !math.IsNaN(res.Screened[c.Row][c.Indicator]) || math.IsNaN(res.Imputed[c.Row][c.Indicator]) {
			t.Fatalf("bad imputed cell %+v", c)
		}
	}
}

// TestScreenByHand checks the three rules, thresholds and Force on a
// small panel where every share is known, and the row bookkeeping after
// removal (imputed cells, per-row tables).
func TestScreenByHand(t *testing.T) {
	p := smallPanel()
	// 2020: 北京 (10, 5, 1) all there; 上海 (NaN, 0, 3): 1 missing, 1 zero; 湖北 (0, 0, NaN)
	p.Rows[1].Values = []float64{math.NaN(), 0, 3}
	p.Rows[2].Values = []float64{0, 0, math.NaN()}
	in := Input{Data: p, Framework: smallFramework()}
	run := func(s Screen) *Result {
		t.Helper()
		r := Default()
		r.Screen = s
		r.Resolve()
		res, err := Run(in, r)
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	removed := func(res *Result) string {
		var s []string
		for _, r := range res.ScreenRemoved {
			s = append(s, r.Unit+"@"+r.Period)
		}
		return strings.Join(s, " ")
	}
	// byNA with the default 2/3: 上海 has 2/3 (kept), 湖北 2/3 (kept)
	res := run(Screen{Method: "byNA"})
	if got := removed(res); got != "" {
		t.Errorf("byNA 2/3 removed %q", got)
	}
	l := res.ScreenSummary[1]
	if l.Missing != 1 || l.Zero != 1 || !relClose(float64(l.DatAvail), 2.0/3, 1e-15) || float64(l.NonZero) != 0.5 {
		t.Errorf("上海 2020 summary %+v", l)
	}
	// byNA 0.9 removes both 2020 rows with a missing value
	res = run(Screen{Method: "byNA", DatThresh: fp(0.9)})
	if got := removed(res); got != "310000@2020 420000@2020" {
		t.Errorf("byNA 0.9 removed %q", got)
	}
	if len(res.Rows) != 4 || len(res.Screened) != 4 || len(res.Raw) != 4 || len(res.Scores) != 4 {
		t.Errorf("after screening: %d rows", len(res.Rows))
	}
	// byzeros 0.6: 湖北 2020 has 0 non-zero of 2 (0 < 0.6), 上海 1/2 < 0.6
	res = run(Screen{Method: "byzeros", NonzeroThresh: fp(0.6)})
	if got := removed(res); got != "310000@2020 420000@2020" {
		t.Errorf("byzeros removed %q", got)
	}
	// byNAandzeros with Force: include 湖北 (by name), exclude 北京
	res = run(Screen{Method: "byNAandzeros", DatThresh: fp(0.9), NonzeroThresh: fp(0.6), Include: []string{"湖北"}, Exclude: []string{"110000", "999999"}})
	if got := removed(res); got != "110000@2020 310000@2020 110000@2021" {
		t.Errorf("byNAandzeros+Force removed %q", got)
	}
	warned := false
	for _, p := range res.Report.Problems {
		warned = warned || p.Code == "screen-unknown-unit"
	}
	if !warned {
		t.Error("no warning for the unknown unit 999999")
	}
	// screening everything away is an error
	r := Default()
	r.Screen = Screen{Method: "byNA", Exclude: []string{"110000", "310000", "420000"}}
	if _, err := Run(in, r); err == nil {
		t.Error("screening every row away: no error")
	}
	// a unit without any data: Non_Zero is undefined (null), counted as low
	p.Rows[2].Values = []float64{math.NaN(), math.NaN(), math.NaN()}
	res = run(Screen{Method: "byzeros"})
	if l := res.ScreenSummary[2]; !math.IsNaN(float64(l.NonZero)) || !l.LowNonZero || l.Included {
		t.Errorf("all-missing row: %+v", l)
	}
	if b, err := res.JSON(); err != nil || !strings.Contains(string(b), `"non_zero": null`) {
		t.Errorf("JSON: %v", err)
	}
}

// TestPreStepsRecipe checks defaults, COINr aliases and the errors of the
// four recipe sections.
func TestPreStepsRecipe(t *testing.T) {
	r := Default()
	if r.Denominate.Enabled || r.Impute.Method != ImpNone || r.Screen.Method != ScreenNone || r.Treat.Method != TreatNone {
		t.Fatalf("pre-steps on by default: %+v %+v %+v %+v", r.Denominate, r.Impute, r.Screen, r.Treat)
	}
	js := `{"schema":"nqp-recipe/1","impute":{"method":"i_median_grp","group":"g"},"screen":{"method":"BYNA"},"treat":{"method":"winsorise","f2":"boxcox","lambda":0.5,"indicators":{"a1":{"method":"none"}}}}`
	r, err := ParseRecipe(strings.NewReader(js))
	if err != nil {
		t.Fatal(err)
	}
	if r.Impute.Method != ImpMedianGroup || r.Impute.Scope != ScopePeriod || r.Screen.Method != ScreenByNA || *r.Screen.DatThresh != 2.0/3 || *r.Screen.NonzeroThresh != 0.05 || r.Screen.After != "impute" ||
		*r.Treat.Winmax != 5 || *r.Treat.SkewThresh != 2 || *r.Treat.KurtThresh != 3.5 || r.Treat.Scope != ScopePeriod {
		t.Errorf("resolved: %s", r.JSON())
	}
	for _, bad := range []string{
		`{"schema":"nqp-recipe/1","impute":{"method":"mice"}}`,
		`{"schema":"nqp-recipe/1","impute":{"method":"mean_group"}}`,
		`{"schema":"nqp-recipe/1","impute":{"method":"mean","max_time":2}}`,
		`{"schema":"nqp-recipe/1","impute":{"method":"linear","scope":"global"}}`,
		`{"schema":"nqp-recipe/1","screen":{"method":"byNA","dat_thresh":1.5}}`,
		`{"schema":"nqp-recipe/1","screen":{"method":"bynan"}}`,
		`{"schema":"nqp-recipe/1","screen":{"dat_thresh":0.5}}`,
		`{"schema":"nqp-recipe/1","screen":{"method":"byNA","after":"treat"}}`,
		`{"schema":"nqp-recipe/1","treat":{"method":"winsorise","f2":"boxcox"}}`,
		`{"schema":"nqp-recipe/1","treat":{"method":"winsorise","winmax":-1}}`,
		`{"schema":"nqp-recipe/1","treat":{"winmax":3}}`,
		`{"schema":"nqp-recipe/1","treat":{"method":"winsorise","indicators":{"x":{"f2":"sqrt"}}}}`,
		`{"schema":"nqp-recipe/1","denominate":{"enabled":true,"pairs":[{"indicator":"a","scale":0}]}}`,
		`{"schema":"nqp-recipe/1","denominate":{"enabled":true,"pairs":[{"indicator":"a"},{"indicator":"a"}]}}`,
	} {
		if _, err := ParseRecipe(strings.NewReader(bad)); err == nil {
			t.Errorf("no error for %s", bad)
		}
	}
}

// sparsePanel is a small helper for degenerate-input tests: units × periods
// with the given values (row-major by period, then unit) for indicators a1, a2, b1.
func sparsePanel(units, periods int, vals [][]float64) *panel.Panel {
	p := &panel.Panel{File: "t.csv", Columns: []panel.Column{{Name: "a1"}, {Name: "a2"}, {Name: "b1"}}}
	for u := 0; u < units; u++ {
		p.Units = append(p.Units, panel.Unit{Code: "U" + strconv.Itoa(u)})
	}
	for y := 0; y < periods; y++ {
		p.Periods = append(p.Periods, panel.Period{Label: strconv.Itoa(2020 + y), Kind: panel.Year, Key: (2020 + y) * 12})
	}
	for i, v := range vals {
		p.Rows = append(p.Rows, panel.Row{Unit: i % units, Period: i / units, Values: v})
	}
	return p
}
