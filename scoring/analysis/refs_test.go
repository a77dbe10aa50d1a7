package analysis

import (
	"math"
	"strings"
	"testing"

	"github.com/nqp-index/nqp/scoring/region"
)

// The reference CSVs in testdata/ are written by tools/analysis-ref/make_refs.R
// (spdep 1.2-7, plm 2.6-2 and stats on R 4.2.2; Theil and Dagum by the
// formulas in independent R code).

func ref(t *testing.T, file string) map[string][]string {
	t.Helper()
	recs := readCSV(t, "testdata/"+file)
	out := map[string][]string{}
	for j, h := range recs[0] {
		for _, r := range recs[1:] {
			out[h] = append(out[h], strings.TrimSpace(r[j]))
		}
	}
	return out
}

func refNum(s string) float64 { return num(strings.TrimSpace(s)) }

// refPanel returns the 31-province × 8-year test panel (units in code
// order) and the final year.
func refPanel(t *testing.T) (codes []string, y [][]float64, last []float64) {
	p := ref(t, "panel.csv")
	idx := map[string]int{}
	years := map[string]int{}
	for i, c := range p["code"] {
		if _, ok := idx[c]; !ok {
			idx[c] = len(codes)
			codes = append(codes, c)
		}
		if _, ok := years[p["year"][i]]; !ok {
			years[p["year"][i]] = len(years)
		}
	}
	y = make([][]float64, len(codes))
	for u := range y {
		y[u] = make([]float64, len(years))
	}
	for i, c := range p["code"] {
		y[idx[c]][years[p["year"][i]]] = refNum(p["y"][i])
	}
	for u := range y {
		last = append(last, y[u][len(years)-1])
	}
	return
}

func checkRel(t *testing.T, what string, got, want, tol float64) float64 {
	t.Helper()
	d := math.Abs(got - want)
	if d > tol*math.Max(1, math.Abs(want)) {
		t.Errorf("%s = %.17g, R %.17g", what, got, want)
	}
	return d
}

func TestMoranAgainstSpdep(t *testing.T) {
	codes, _, y := refPanel(t)
	m := ref(t, "moran.csv")
	wc, err := ContiguityW(codes, true)
	if err != nil {
		t.Fatal(err)
	}
	wd, err := InverseDistanceW(codes, 1)
	if err != nil {
		t.Fatal(err)
	}
	maxErr := 0.0
	for k, w := range [][][]float64{wc, wd} {
		r, err := Moran(y, RowStandardise(w), 999, 1)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct {
			name string
			got  float64
		}{{"I", r.I}, {"E", r.E}, {"var_n", r.VarN}, {"var_r", r.VarR}, {"z_n", r.ZN}, {"z_r", r.ZR}, {"p_n", r.PN}, {"p_r", r.PR}} {
			maxErr = math.Max(maxErr, checkRel(t, m["w"][k]+" "+c.name, c.got, refNum(m[c.name][k]), 1e-12))
		}
		if !(r.PPerm > 0 && r.PPerm <= 1) {
			t.Errorf("permutation p %v", r.PPerm)
		}
	}
	lm := ref(t, "localmoran.csv")
	l, err := LocalMoran(y, RowStandardise(wc))
	if err != nil {
		t.Fatal(err)
	}
	quad := map[string]string{"High-High": "HH", "Low-Low": "LL", "Low-High": "LH", "High-Low": "HL"}
	for i := range l {
		for _, c := range []struct {
			name string
			got  float64
		}{{"Ii", l[i].I}, {"E", l[i].E}, {"Var", l[i].Var}, {"Z", l[i].Z}, {"P", l[i].P}} {
			maxErr = math.Max(maxErr, checkRel(t, lm["code"][i]+" "+c.name, c.got, refNum(lm[c.name][i]), 1e-11))
		}
		if quad[lm["quadr"][i]] != l[i].Quadrant {
			t.Errorf("%s quadrant %s, spdep %s", lm["code"][i], l[i].Quadrant, lm["quadr"][i])
		}
	}
	t.Logf("max abs error vs spdep: %.2g", maxErr)
}

func TestInequalityAgainstR(t *testing.T) {
	codes, _, y := refPanel(t)
	g := make([]string, len(codes))
	for i, c := range codes {
		g[i], _, _ = region.Region4(c)
	}
	want := map[string]float64{}
	r := ref(t, "inequality.csv")
	for i, s := range r["stat"] {
		want[s] = refNum(r["value"][i])
	}
	tt, err := Theil(y, g, TheilT)
	if err != nil {
		t.Fatal(err)
	}
	tl, err := Theil(y, g, TheilL)
	if err != nil {
		t.Fatal(err)
	}
	d, err := Dagum(y, g)
	if err != nil {
		t.Fatal(err)
	}
	maxErr := 0.0
	for k, got := range map[string]float64{
		"theil_t": tt.Total, "theil_t_within": tt.Within, "theil_t_between": tt.Between,
		"theil_l": tl.Total, "theil_l_within": tl.Within, "theil_l_between": tl.Between,
		"gini": d.G, "dagum_gw": d.Gw, "dagum_gnb": d.Gnb, "dagum_gt": d.Gt,
	} {
		maxErr = math.Max(maxErr, checkRel(t, k, got, want[k], 1e-12))
	}
	t.Logf("max abs error vs R: %.2g", maxErr)
	// decompositions add up to machine precision
	for _, x := range []*TheilResult{tt, tl} {
		if math.Abs(x.Within+x.Between-x.Total) > 4e-16*math.Max(1, x.Total)*8 {
			t.Errorf("Theil %s: %v + %v ≠ %v", x.Kind, x.Within, x.Between, x.Total)
		}
	}
	if diff := math.Abs(d.Gw + d.Gnb + d.Gt - d.G); diff > 1e-15 {
		t.Errorf("Dagum: Gw + Gnb + Gt − G = %g", diff)
	}
}

func TestKDEAgainstR(t *testing.T) {
	_, _, y := refPanel(t)
	bw := ref(t, "kde_bw.csv")
	h := Bandwidth(y, Silverman)
	checkRel(t, "bw.nrd0", h, refNum(bw["value"][0]), 1e-14)
	k := ref(t, "kde.csv")
	var grid, gridE []float64
	for i := range k["x"] {
		grid = append(grid, refNum(k["x"][i]))
		gridE = append(gridE, refNum(k["x_epa"][i]))
	}
	f := Density(y, grid, h, Gaussian)
	fe := Density(y, gridE, math.Sqrt(5)*h, Epanechnikov)
	var maxExact, maxFFT, peak float64
	for i := range grid {
		maxExact = math.Max(maxExact, math.Abs(f[i]-refNum(k["exact"][i])))
		maxExact = math.Max(maxExact, math.Abs(fe[i]-refNum(k["exact_epa"][i])))
		maxFFT = math.Max(maxFFT, math.Abs(f[i]-refNum(k["density"][i])))
		peak = math.Max(peak, f[i])
	}
	if maxExact > 1e-12 {
		t.Errorf("density vs the exact kernel sum: max error %g", maxExact)
	}
	// stats::density bins the data and uses the FFT: agreement to ~0.1% of the peak
	if maxFFT > 1e-3*peak {
		t.Errorf("density vs stats::density: max error %g (peak %g)", maxFFT, peak)
	}
	t.Logf("max error: exact kernel sum %.2g; stats::density (FFT) %.2g of peak %.3g", maxExact, maxFFT, peak)
	// R's density grid: from min − 3h to max + 3h
	r, err := KDE([][]float64{y}, []string{"2022"}, KDEOptions{})
	if err != nil {
		t.Fatal(err)
	}
	checkRel(t, "grid start", r.Grid[0], grid[0], 1e-12)
	checkRel(t, "grid end", r.Grid[511], grid[511], 1e-12)
}

func TestBetaAgainstPlm(t *testing.T) {
	_, y, _ := refPanel(t)
	b := ref(t, "beta.csv")
	for i, model := range b["model"] {
		r, err := BetaConvergence(y, model)
		if err != nil {
			t.Fatal(err)
		}
		checkRel(t, model+" beta", r.Beta, refNum(b["beta"][i]), 1e-10)
		checkRel(t, model+" se", r.SE, refNum(b["se"][i]), 1e-9)
		if !(r.Speed > 0 && r.HalfLife > 0) {
			t.Errorf("%s: speed %v, half-life %v", model, r.Speed, r.HalfLife)
		}
	}
}
