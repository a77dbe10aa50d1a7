package pipeline

import (
	"bytes"
	"encoding/json"
	"math"
	"strconv"
	"strings"
	"testing"
)

// compareTreatDetails compares Result.TreatDetails with COINr's Dets_Table.
func compareTreatDetails(t *testing.T, res *Result, file string) {
	t.Helper()
	recs := readCSV(t, coinrDir+file)
	tb := csvTable{head: recs[0], rows: map[string][]string{}}
	withTime := tb.head[0] == "Time"
	for _, r := range recs[1:] {
		k := r[0]
		if withTime {
			k = r[0] + "/" + r[1]
		}
		tb.rows[k] = r
		tb.keys = append(tb.keys, k)
	}
	det := map[string]TreatDetail{}
	for _, d := range res.TreatDetails {
		if withTime {
			det[d.Period+"/"+d.Indicator] = d
		} else {
			det[d.Indicator] = d
		}
	}
	if len(det) != len(tb.rows) {
		t.Errorf("%s: %d detail lines, COINr %d", file, len(det), len(tb.rows))
	}
	var e errStat
	bstr := func(b *bool) string {
		if b == nil {
			return ""
		}
		if *b {
			return "TRUE"
		}
		return "FALSE"
	}
	nval := func(p *Num) float64 {
		if p == nil {
			return math.NaN()
		}
		return float64(*p)
	}
	for _, code := range tb.keys {
		rec := tb.rows[code]
		d, ok := det[code]
		if !ok {
			t.Errorf("%s: no detail line for %s", file, code)
			continue
		}
		for c, h := range tb.head {
			v := rec[c]
			switch h {
			case "iCode", "Time":
			case "check_SkewKurt0.Pass":
				if bstr(d.Pass0) != v {
					t.Errorf("%s pass0 %s, COINr %s", code, bstr(d.Pass0), v)
				}
			case "check_SkewKurt0.Skew":
				e.add(t, code+" skew0", float64(d.Skew0), num(v))
			case "check_SkewKurt0.Kurt":
				e.add(t, code+" kurt0", float64(d.Kurt0), num(v))
			case "winsorise.nwin":
				got := ""
				if d.NWin != nil {
					got = strconv.Itoa(*d.NWin)
				}
				if got != v {
					t.Errorf("%s nwin %q, COINr %q", code, got, v)
				}
			case "check_SkewKurt1.Pass":
				if bstr(d.Pass1) != v {
					t.Errorf("%s pass1 %s, COINr %s", code, bstr(d.Pass1), v)
				}
			case "check_SkewKurt1.Skew":
				e.add(t, code+" skew1", nval(d.Skew1), num(v))
			case "check_SkewKurt1.Kurt":
				e.add(t, code+" kurt1", nval(d.Kurt1), num(v))
			case "check_SkewKurt2.Pass":
				if bstr(d.Pass2) != v {
					t.Errorf("%s pass2 %s, COINr %s", code, bstr(d.Pass2), v)
				}
			case "check_SkewKurt2.Skew":
				e.add(t, code+" skew2", nval(d.Skew2), num(v))
			case "check_SkewKurt2.Kurt":
				e.add(t, code+" kurt2", nval(d.Kurt2), num(v))
			default:
				t.Errorf("%s: unexpected column %s", file, h)
			}
		}
	}
	e.log(t, file)
}

// compareTreatPoints compares Result.TreatedPoints with COINr's Treated_Points.
func compareTreatPoints(t *testing.T, res *Result, file string) {
	t.Helper()
	tb := readTable(t, file)
	keys := rowKeys(res, false)
	mark := map[[2]int]string{}
	for _, p := range res.TreatedPoints {
		mark[[2]int{p.Row, p.Indicator}] = p.Mark
	}
	col := map[string]int{}
	for j, c := range res.Indicators {
		col[c] = j
	}
	n, marked := 0, 0
	for i, k := range keys {
		rec := tb.rows[k]
		for c, h := range tb.head[1:] {
			want := rec[c+1]
			got := mark[[2]int{i, col[h]}]
			if got != want {
				t.Errorf("%s: point %s/%s = %q, COINr %q", file, k, h, got, want)
			}
			n++
			if want != "" {
				marked++
			}
		}
	}
	t.Logf("%-40s %5d points equal (%d marked)", file, n, marked)
}

// TestCOINrTreatVariants runs the treatment variants of the full pipeline
// (Treat on the Screened data) and compares Treated, the details, the
// treated points and the aggregated results with COINr 1.1.14.
func TestCOINrTreatVariants(t *testing.T) {
	in := asemFiles(t)
	cases := []struct {
		name string
		set  func(*Treat)
	}{
		{"treat_winmax1", func(tr *Treat) { tr.Winmax = ip(1) }},
		{"treat_winmax10", func(tr *Treat) { tr.Winmax = ip(10) }},
		{"treat_log_CT_orig", func(tr *Treat) { tr.F2 = F2LogCTOrig }},
		{"treat_log_CT_plus", func(tr *Treat) { tr.F2 = F2LogCTPlus }},
		{"treat_boxcox05", func(tr *Treat) { tr.F2, tr.Lambda = F2BoxCox, fp(0.5) }},
		{"treat_combine", func(tr *Treat) { tr.Combine = true }},
		{"treat_none", func(tr *Treat) {}}, // COINr quirk: global_specs = "none" keeps the defaults
		{"treat_winmax1_log_CT_orig", func(tr *Treat) { tr.Winmax, tr.F2 = ip(1), F2LogCTOrig }},
		{"treat_winmax1_log_CT_plus", func(tr *Treat) { tr.Winmax, tr.F2 = ip(1), F2LogCTPlus }},
		{"treat_winmax1_boxcox05", func(tr *Treat) { tr.Winmax, tr.F2, tr.Lambda = ip(1), F2BoxCox, fp(0.5) }},
		{"treat_winmax1_combine", func(tr *Treat) { tr.Winmax, tr.Combine = ip(1), true }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := coinrRecipe(t)
			c.set(&r.Treat)
			res, err := Run(in, r)
			if err != nil {
				t.Fatal(err)
			}
			compareTable(t, c.name+" Treated", res, res.Treated, c.name+"_Treated.csv")
			compareTreatDetails(t, res, c.name+"_treat_details.csv")
			compareTreatPoints(t, res, c.name+"_treat_points.csv")
			compareAggregated(t, c.name+" Aggregated", res, c.name+"_Aggregated.csv")
		})
	}
	t.Run("treat_disable", func(t *testing.T) {
		r := coinrRecipe(t)
		r.Treat = Treat{}
		res, err := Run(in, r)
		if err != nil {
			t.Fatal(err)
		}
		if res.Treated != nil || res.TreatDetails != nil {
			t.Error("treatment off but tables filled")
		}
		compareTable(t, "treat_disable Treated", res, res.Screened, "treat_disable_Treated.csv")
		compareAggregated(t, "treat_disable Aggregated", res, "treat_disable_Aggregated.csv")
	})
}

// TestCOINrPurseGlobal reproduces COINr's example purse (5 years):
// Screen(byNA, 0.9) and Treat per year, then min-max over all years pooled.
func TestCOINrPurseGlobal(t *testing.T) {
	in := readPanelCSV(t, "purse_global_Raw.csv")
	r := coinrRecipe(t)
	r.Denominate, r.Impute = Denominate{}, Impute{}
	res, err := Run(in, r)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Rows) != 230 || len(res.ScreenRemoved) != 25 {
		t.Errorf("kept %d of 255 unit-years (removed %d), COINr 230", len(res.Rows), len(res.ScreenRemoved))
	}
	compareTable(t, "purse Screened", res, res.Screened, "purse_global_Screened.csv")
	compareTable(t, "purse Treated", res, res.Treated, "purse_global_Treated.csv")
	compareTreatDetails(t, res, "purse_global_treat_details.csv")
	compareTable(t, "purse Normalised", res, res.Normalised, "purse_global_Normalised.csv")
	compareTable(t, "purse Aggregated", res, res.Normalised, "purse_global_Aggregated.csv")
}

// TestPreStepsJSONRoundTrip: a Result with every pre-step table survives
// JSON byte for byte (as the browser worker needs).
func TestPreStepsJSONRoundTrip(t *testing.T) {
	r := coinrRecipe(t)
	r.Treat.Winmax = ip(1) // log_CT details and points
	res, err := Run(asemFiles(t), r)
	if err != nil {
		t.Fatal(err)
	}
	a, err := res.JSON()
	if err != nil {
		t.Fatal(err)
	}
	var back Result
	if err := json.Unmarshal(a, &back); err != nil {
		t.Fatal(err)
	}
	b, _ := back.JSON()
	if !bytes.Equal(a, b) {
		t.Error("pre-step result JSON does not round-trip")
	}
	rb, err := ParseRecipe(bytes.NewReader(r.JSON()))
	if err != nil || !bytes.Equal(rb.JSON(), r.JSON()) {
		t.Errorf("recipe round trip: %v", err)
	}
}

// TestSkewKurtByHand checks COINr's skew and kurt on small vectors.
func TestSkewKurtByHand(t *testing.T) {
	// x = 1..5 plus 20: mean 5.8333…; by hand (e1071 type 2)
	x := []float64{1, 2, 3, 4, 5, 20}
	n := 6.0
	m := 35.0 / 6
	var s2, s3, s4 float64
	for _, v := range x {
		d := v - m
		s2 += d * d
		s3 += d * d * d
		s4 += d * d * d * d
	}
	wantSk := math.Sqrt(n) * s3 / math.Pow(s2, 1.5) * math.Sqrt(n*(n-1)) / (n - 2)
	r := n * s4 / (s2 * s2)
	wantKt := ((n+1)*(r-3) + 6) * (n - 1) / ((n - 2) * (n - 3))
	sk, kt := skewKurt(append(x, math.NaN()))
	if !relClose(sk, wantSk, 1e-14) || !relClose(kt, wantKt, 1e-14) {
		t.Errorf("skew, kurt = %v, %v; want %v, %v", sk, kt, wantSk, wantKt)
	}
	// |skew| = 2.29 ≥ 2 and kurt = 5.45 ≥ 3.5: fails
	if p, _, _ := passes(x, 2, 3.5); p != triFalse {
		t.Errorf("x fails the test, got %v", p)
	}
	// too few points or constant values: NA, as in R
	if sk, kt := skewKurt([]float64{1, 2}); !math.IsNaN(sk) || !math.IsNaN(kt) {
		t.Error("2 points: skew/kurt should be NaN")
	}
	if sk, kt := skewKurt([]float64{1, 2, 4}); math.IsNaN(sk) || !math.IsNaN(kt) {
		t.Error("3 points: skew defined, kurt NaN")
	}
	if p, _, _ := passes([]float64{3, 3, 3, 3, 3}, 2, 3.5); p != triNA {
		t.Error("constant vector: pass should be NA")
	}
	// 3 points with small skew: TRUE | NA = TRUE
	if p, _, _ := passes([]float64{1, 2, 3}, 2, 3.5); p != triTrue {
		t.Error("3 symmetric points: pass should be TRUE")
	}
}

// TestWinsoriseByHand follows COINr's winsorise step by step: ties at the
// max move together, nwin counts them, a flip to the low side keeps the
// high marks, and log_CT applies to the original values.
func TestWinsoriseByHand(t *testing.T) {
	base := []float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}
	x := append(append([]float64(nil), base...), 100, 100)
	y, d, marks := treatVector(x, treatSpec{winmax: 5, f2: F2LogCT, skT: 2, ktT: 3.5})
	if *d.Pass0 || d.NWin == nil || *d.NWin != 2 || !*d.Pass1 || d.Treatment != TreatWinsorise {
		t.Fatalf("details %+v", d)
	}
	if y[15] != 15 || y[16] != 15 || marks[15] != "winhi" || marks[16] != "winhi" || marks[0] != "" || y[0] != 1 {
		t.Errorf("winsorised %v marks %v", y, marks)
	}
	if x[15] != 100 {
		t.Error("treatVector changed its input")
	}
	// winmax 1: the tie still moves together (nwin 2 > winmax), passes
	_, d, _ = treatVector(x, treatSpec{winmax: 1, f2: F2LogCT, skT: 2, ktT: 3.5})
	if *d.NWin != 2 {
		t.Errorf("tie with winmax 1: nwin %d", *d.NWin)
	}
	// winmax 0: straight to log_CT on the original values
	y, d, marks = treatVector(x, treatSpec{winmax: 0, f2: F2LogCT, skT: 2, ktT: 3.5})
	if *d.NWin != 0 || *d.Pass1 || d.F2 != F2LogCT || d.Treatment != F2LogCT {
		t.Fatalf("winmax 0: %+v", d)
	}
	a := 0.01 * 99
	for i, v := range x {
		if w := math.Log(v - 1 + a); !relClose(y[i], w, 1e-15) {
			t.Errorf("log_CT[%d] = %v, want %v", i, y[i], w)
		}
		if marks[i] != "+log_CT" {
			t.Errorf("mark[%d] = %q", i, marks[i])
		}
	}
	// left-skewed: winsorise at the min, log_CT_plus uses −log(max + a − x)
	neg := make([]float64, len(x))
	for i, v := range x {
		neg[i] = -v
	}
	y, d, marks = treatVector(neg, treatSpec{winmax: 0, f2: F2LogCTPlus, skT: 2, ktT: 3.5})
	for i, v := range neg {
		if w := -math.Log(-1 + a - v); !relClose(y[i], w, 1e-15) || marks[i] != "+log_CT_neg" {
			t.Errorf("log_CT_plus[%d] = %v %q, want %v", i, y[i], marks[i], w)
		}
	}
	_, d, marks = treatVector(neg, treatSpec{winmax: 5, f2: F2LogCT, skT: 2, ktT: 3.5})
	if *d.NWin != 2 || marks[15] != "winlo" {
		t.Errorf("low side: %+v %v", d, marks)
	}
	// boxcox λ = 0.5 and 0, log_CT_orig, f2 none
	for _, c := range []struct {
		f2     string
		lambda float64
		f      func(v float64) float64
	}{
		{F2BoxCox, 0.5, func(v float64) float64 { return (math.Sqrt(v-1+1) - 1) / 0.5 }},
		{F2BoxCox, 0, func(v float64) float64 { return math.Log(v - 1 + 1) }},
		{F2LogCTOrig, 0, func(v float64) float64 { return math.Log(v - 1 + 1) }},
	} {
		y, _, marks := treatVector(x, treatSpec{winmax: 0, f2: c.f2, lambda: c.lambda, skT: 2, ktT: 3.5})
		for i, v := range x {
			if !relClose(y[i], c.f(v), 1e-14) {
				t.Errorf("%s λ=%v [%d] = %v, want %v", c.f2, c.lambda, i, y[i], c.f(v))
			}
		}
		if c.f2 == F2BoxCox && marks[0] != "" {
			t.Errorf("boxcox marks %q (COINr marks nothing)", marks[0])
		}
	}
	y, d, _ = treatVector(x, treatSpec{winmax: 0, f2: F2None, skT: 2, ktT: 3.5})
	if y[16] != 100 || d.F2 != "" || d.Treatment != TreatWinsorise {
		t.Errorf("f2 none: %+v", d)
	}
	// untestable vectors are left alone
	c := []float64{2, 2, 2, 2, 2, math.NaN()}
	y, d, marks = treatVector(c, treatSpec{winmax: 5, f2: F2LogCT, skT: 2, ktT: 3.5})
	if d.Treatment != "untreated" || d.Pass0 != nil || marks != nil || y[0] != 2 {
		t.Errorf("constant: %+v", d)
	}
}

// TestTreatPipelineOptions: per-indicator overrides, pooled vs per-period
// scope, and degenerate columns (all missing, constant) without NaN leaks.
func TestTreatPipelineOptions(t *testing.T) {
	// 20 units × 2 periods; a1 has one big outlier per period, a2 is
	// constant, b1 is all missing in 2021.
	var vals [][]float64
	for y := 0; y < 2; y++ {
		for u := 0; u < 20; u++ {
			a1 := float64(u + 1)
			if u == 19 {
				a1 = 1000
			}
			b1 := float64(u*u + y)
			if y == 1 {
				b1 = math.NaN()
			}
			vals = append(vals, []float64{a1, 7, b1})
		}
	}
	in := Input{Data: sparsePanel(20, 2, vals), Framework: smallFramework()}
	r := Default()
	r.Select.MinPeriodCoverage = fp(0)
	r.Treat = Treat{Method: "winsorise"}
	res, err := Run(in, r)
	if err != nil {
		t.Fatal(err)
	}
	// per period: 2 periods × 3 indicators
	if len(res.TreatDetails) != 6 {
		t.Fatalf("%d detail lines", len(res.TreatDetails))
	}
	for _, d := range res.TreatDetails {
		switch {
		case d.Indicator == "a1":
			if d.Treatment != TreatWinsorise || *d.NWin != 1 || d.Period == "" {
				t.Errorf("a1: %+v", d)
			}
		case d.Indicator == "a2" || (d.Indicator == "b1" && d.Period == "2021"):
			if d.Treatment != "untreated" {
				t.Errorf("%s %s: %+v", d.Indicator, d.Period, d)
			}
		}
	}
	for i := range res.Treated {
		if res.Treated[i][0] > 19 || res.Treated[i][1] != 7 {
			t.Errorf("row %d treated %v", i, res.Treated[i])
		}
	}
	for i, row := range res.Scores {
		if math.IsNaN(row[0]) {
			t.Errorf("row %d: NaN index", i)
		}
	}
	// pooled, and a1 excluded by an override
	r.Treat = Treat{Method: "winsorise", Scope: ScopeGlobal, Indicators: map[string]TreatSpec{"a1": {Method: "none"}, "zz": {Method: "none"}}}
	res, err = Run(in, r)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range res.TreatDetails {
		if d.Indicator == "a1" || d.Period != "" {
			t.Errorf("pooled / override: %+v", d)
		}
	}
	u19 := -1
	for i, o := range res.Rows {
		if res.Units[o.Unit].Code == "U19" && o.Period == 0 {
			u19 = i
		}
	}
	if res.Treated[u19][0] != 1000 {
		t.Error("a1 treated despite the override")
	}
	warned := false
	for _, p := range res.Report.Problems {
		warned = warned || (p.Code == "treat-unknown-indicator" && strings.Contains(p.En, "zz"))
	}
	if !warned {
		t.Error("no warning for the unknown override zz")
	}
	// an override with its own winmax = 0 and f2 sends a1 to the transform
	r.Treat = Treat{Method: "winsorise", Indicators: map[string]TreatSpec{"a1": {Winmax: ip(0), F2: F2LogCTOrig}}}
	res, err = Run(in, r)
	if err != nil {
		t.Fatal(err)
	}
	if d := res.TreatDetails[0]; d.Indicator != "a1" || d.F2 != F2LogCTOrig || !relClose(res.Treated[0][0], math.Log(1), 1e-15) {
		t.Errorf("override: %+v %v", d, res.Treated[0])
	}
}
