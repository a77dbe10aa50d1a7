package pipeline

import (
	"math"
	"os"
	"strings"
	"testing"

	"github.com/nqp-index/nqp/scoring/ingest"
	"github.com/nqp-index/nqp/scoring/panel"
)

// TestCOINrImputeVariants: Impute(dset = "Denominated") with i_mean,
// i_median, i_mean_grp and i_median_grp (EurAsia_group), then the rest of
// the full pipeline; Imputed and Aggregated against COINr 1.1.14.
func TestCOINrImputeVariants(t *testing.T) {
	in := asemFiles(t)
	for _, c := range []struct{ name, method, group string }{
		{"imp_mean", "i_mean", ""},
		{"imp_median", "i_median", ""},
		{"imp_mean_grp", "i_mean_grp", "EurAsia_group"},
		{"imp_median_grp", "i_median_grp", "EurAsia_group"},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := coinrRecipe(t)
			r.Impute = Impute{Method: c.method, Group: c.group}
			res, err := Run(in, r)
			if err != nil {
				t.Fatal(err)
			}
			compareTable(t, c.name+" Imputed", res, res.Imputed, c.name+"_Imputed.csv")
			compareAggregated(t, c.name+" Aggregated", res, c.name+"_Aggregated.csv")
			if len(res.ImputedCells) != 65 {
				t.Errorf("%d imputed cells, want 65", len(res.ImputedCells))
			}
		})
	}
}

// readPanelCSV reads one of the COINr impute_panel inputs (uCode, Time,
// 49 indicators) with ingest.
func readPanelCSV(t *testing.T, file string) Input {
	t.Helper()
	b, err := os.ReadFile(coinrDir + file)
	if err != nil {
		t.Fatal(err)
	}
	p, rep, err := ingest.Read(file, b, ingest.Options{})
	if err != nil || rep.HasErrors() {
		t.Fatalf("ingest %s: %v %v", file, err, rep)
	}
	in := asemFiles(t)
	in.Data = p
	return in
}

// TestCOINrImputePanel: COINr's impute_panel (latest, latest with
// max_time = 2, constant, linear, linear-constant) on the synthetic ASEM
// panel, the holed panel and the sparse panel.
func TestCOINrImputePanel(t *testing.T) {
	types := []struct {
		suffix, method string
		maxTime        int
	}{
		{"latest", ImpLatest, 0},
		{"latest_max2", ImpLatest, 2},
		{"constant", ImpConstant, 0},
		{"linear", ImpLinear, 0},
		{"linear_constant", "linear-constant", 0},
	}
	for _, input := range []string{"panel", "panel_holes", "panel_sparse"} {
		in := readPanelCSV(t, input+"_input.csv")
		for _, ty := range types {
			name := input + "_" + ty.suffix
			t.Run(name, func(t *testing.T) {
				r := coinrRecipe(t)
				r.Denominate, r.Screen, r.Treat = Denominate{}, Screen{}, Treat{}
				r.Impute = Impute{Method: ty.method, MaxTime: ty.maxTime}
				res, err := Run(in, r)
				if name == "panel_sparse_linear" {
					// COINr stops: "need at least two non-NA values to interpolate"
					if err == nil || !strings.Contains(err.Error(), "linear_constant") {
						t.Fatalf("want a clear error, got %v", err)
					}
					t.Logf("%s: error as in COINr: %v", name, err)
					return
				}
				if err != nil {
					t.Fatal(err)
				}
				compareTable(t, name+" Imputed", res, res.Imputed, name+"_Imputed.csv")
			})
		}
	}
}

// TestImputeByHand checks every method on a small panel by hand.
func TestImputeByHand(t *testing.T) {
	nan := math.NaN()
	// 4 units × 4 periods (2020–2023) for a1, a2, b1.
	vals := [][]float64{
		{1, 10, nan}, {2, nan, 5}, {nan, 30, 6}, {4, 40, nan}, // 2020
		{nan, 11, nan}, {3, 21, 7}, {5, nan, 8}, {7, 41, nan}, // 2021
		{nan, 12, nan}, {4, 22, 9}, {6, 32, 10}, {nan, 42, nan}, // 2022
		{4, nan, nan}, {5, 23, 11}, {7, 33, nan}, {nan, nan, nan}, // 2023
	}
	in := Input{Data: sparsePanel(4, 4, vals), Framework: smallFramework()}
	in.Data.Attrs = append(in.Data.Attrs, pAttr("grp", 4, 4, []string{"x", "x", "y", "y"}))
	run := func(m Impute) *Result {
		t.Helper()
		r := Default()
		r.Select.MinPeriodCoverage = fp(0)
		r.Impute = m
		res, err := Run(in, r)
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	// rows are (period, unit): row = 4·period + unit
	at := func(res *Result, u, p, j int) float64 { return res.Imputed[4*p+u][j] }
	type want struct {
		u, p, j int
		v       float64
	}
	check := func(name string, res *Result, ws []want) {
		t.Helper()
		for _, w := range ws {
			if got := at(res, w.u, w.p, w.j); !relClose(got, w.v, 1e-15) {
				t.Errorf("%s: unit %d period %d col %d = %v, want %v", name, w.u, w.p, w.j, got, w.v)
			}
		}
	}
	// mean per period: a1 2020 = mean(1, 2, 4) = 7/3
	res := run(Impute{Method: "mean"})
	check("mean", res, []want{{2, 0, 0, 7.0 / 3}, {1, 0, 1, 80.0 / 3}, {0, 3, 1, 28}})
	// unit 3 in 2023 is all missing; b1 2020 = mean(5, 6)
	check("mean", res, []want{{3, 0, 2, 5.5}, {3, 3, 0, 16.0 / 3}})
	// pooled mean: a1 over all 11 values
	res = run(Impute{Method: "mean", Scope: ScopeGlobal})
	check("mean global", res, []want{{2, 0, 0, 48.0 / 11}})
	// median per period: a2 2023 = median(23, 33) = 28
	res = run(Impute{Method: "median"})
	check("median", res, []want{{0, 3, 1, 28}, {2, 0, 0, 2}})
	// group mean: grp x = units 0, 1; y = units 2, 3.
	// a1 2020 group y = 4 (unit 3 only); b1 2020 group x = 5; b1 2023 group y all missing → stays missing
	res = run(Impute{Method: "mean_group", Group: "grp"})
	check("mean_group", res, []want{{2, 0, 0, 4}, {0, 0, 2, 5}})
	check("mean_group", res, []want{{3, 0, 2, 6}, {3, 3, 0, 7}, {3, 3, 2, math.NaN()}, {2, 3, 2, math.NaN()}})
	warned := false
	for _, p := range res.Report.Problems {
		warned = warned || p.Code == "impute-empty-group"
	}
	if !warned {
		t.Error("no warning for a group that is all missing")
	}
	// latest (LOCF): unit 0 a1 2021, 2022 ← 1; unit 3 a1 2022 ← 7, 2023 ← 7 (original 2021 value)
	res = run(Impute{Method: "latest"})
	check("latest", res, []want{{0, 1, 0, 1}, {0, 2, 0, 1}, {3, 2, 0, 7}, {3, 3, 0, 7}, {1, 0, 1, math.NaN()}})
	// latest with max_time 1: unit 0 a1 2022 cannot reach 2020
	res = run(Impute{Method: "latest", MaxTime: 1})
	check("latest 1", res, []want{{0, 1, 0, 1}, {0, 2, 0, math.NaN()}, {3, 3, 0, math.NaN()}})
	// constant: step function, ends held: unit 1 a2 2020 ← 21 (first value)
	res = run(Impute{Method: "constant"})
	check("constant", res, []want{{1, 0, 1, 21}, {0, 1, 0, 1}, {0, 2, 0, 1}, {3, 2, 0, 7}})
	// linear: unit 0 a1 between 2020 (1) and 2023 (4): 2, 3; unit 2 a2 2021 = 31
	res = run(Impute{Method: "linear"})
	check("linear", res, []want{{0, 1, 0, 2}, {0, 2, 0, 3}, {2, 1, 1, 31}, {1, 0, 1, 21}, {3, 3, 1, 42}})
	if n := len(res.ImputedCells); n == 0 {
		t.Error("no imputed cells recorded")
	}
	for _, c := range res.ImputedCells {
		if !math.IsNaN(res.Raw[c.Row][c.Indicator]) {
			t.Errorf("cell %+v was not missing", c)
		}
	}
	// a series with a single value: linear stops (as COINr), linear_constant holds it
	vals[0][2] = 99 // unit 0 b1: only 2020
	in.Data = sparsePanel(4, 4, vals)
	in.Data.Attrs = append(in.Data.Attrs, pAttr("grp", 4, 4, []string{"x", "x", "y", "y"}))
	r := Default()
	r.Select.MinPeriodCoverage = fp(0)
	r.Impute = Impute{Method: "linear"}
	if _, err := Run(in, r); err == nil || !strings.Contains(err.Error(), "U0") {
		t.Errorf("linear with a single value: %v", err)
	}
	res = run(Impute{Method: "linear_constant"})
	check("linear_constant", res, []want{{0, 3, 2, 99}, {0, 1, 0, 2}})
	// a single period: panel methods do nothing (with a warning), column methods work
	one := Input{Data: sparsePanel(4, 1, vals[:4]), Framework: smallFramework()}
	r.Impute = Impute{Method: "linear"}
	res, err := Run(one, r)
	if err != nil || !math.IsNaN(res.Imputed[2][0]) {
		t.Errorf("single period linear: %v", err)
	}
	// an all-missing column stays missing without NaN leaking into scores
	for i := range vals {
		vals[i][1] = nan
	}
	in.Data = sparsePanel(4, 4, vals)
	for _, m := range []string{"mean", "median", "latest", "constant", "linear_constant"} {
		r.Impute = Impute{Method: m}
		r.Weights.Method = WEqual
		res, err := Run(in, r)
		if err != nil {
			t.Fatalf("%s: %v", m, err)
		}
		for i, row := range res.Scores {
			if math.IsNaN(row[0]) && i != 15 {
				t.Errorf("%s: NaN index in row %d", m, i)
			}
		}
	}
}

// pAttr is a text column with one value per unit, repeated in every period.
func pAttr(name string, units, periods int, byUnit []string) panel.Attr {
	a := panel.Attr{Name: name}
	for p := 0; p < periods; p++ {
		a.Values = append(a.Values, byUnit[:units]...)
	}
	return a
}
