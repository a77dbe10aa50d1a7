package export

import (
	"fmt"
	"math"
	"testing"

	"github.com/nqp-index/nqp/scoring/framework"
	"github.com/nqp-index/nqp/scoring/panel"
	"github.com/nqp-index/nqp/scoring/pipeline"
)

// TestPreStepTables: imputation, screening and outlier treatment add their
// tables, checked by hand. Means: a = (1+3+…+10 without 2)/9 = 53/9 for
// U1 and U9, b = 39/10 for U9; after imputation every unit is complete,
// so the screen keeps all eleven; c = {1…9, 100, 1} fails the skewness
// and kurtosis test and its 100 is winsorised to 9, after which the
// deviations from the mean 5 are ±4, ±3, ±2, ±1, 0, 4, −4: skewness 0 and
// (Excel's, COINr's) kurtosis ((n+1)(n·Σd⁴/(Σd²)² − 3) + 6)(n−1)/((n−2)(n−3))
// with Σd⁴ = 1220, Σd² = 92, n = 11, i.e. −1.5241…
func TestPreStepTables(t *testing.T) {
	fw := &framework.Framework{Nodes: []framework.Node{{Code: "I", Weight: 1}, {Code: "a", Parent: "I", Weight: 1},
		{Code: "b", Parent: "I", Weight: 1}, {Code: "c", Parent: "I", Weight: 1}}}
	p := &panel.Panel{Columns: []panel.Column{{Name: "a"}, {Name: "b"}, {Name: "c"}},
		Periods: []panel.Period{{Label: "2020", Kind: panel.Year, Key: 2020 * 12}}}
	nan := math.NaN()
	rows := [][]float64{{1, 3, 1}, {nan, 1, 2}, {3, 4, 3}, {4, 1, 4}, {5, 5, 5}, {6, 9, 6}, {7, 2, 7}, {8, 6, 8}, {9, 5, 9}, {nan, nan, 100}, {10, 3, 1}}
	for i, v := range rows {
		p.Units = append(p.Units, panel.Unit{Code: fmt.Sprintf("U%d", i), Name: fmt.Sprintf("unit %d", i)})
		p.Rows = append(p.Rows, panel.Row{Unit: i, Period: 0, Values: v})
	}
	r := pipeline.Recipe{}
	r.Weights.Method = pipeline.WManual
	r.Screen.Method = pipeline.ScreenByNA // U9 has 1 of 3 indicators < 2/3
	r.Impute.Method = pipeline.ImpMean
	r.Treat.Method = pipeline.TreatWinsorise
	res, err := pipeline.Run(pipeline.Input{Data: p, Framework: fw}, r)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]Table{}
	for _, tb := range Tables(res, "en") {
		got[tb.Name] = tb
		for _, row := range tb.Rows {
			if len(row) != len(tb.Header) {
				t.Fatalf("%s: row of %d cells, header %d", tb.Name, len(row), len(tb.Header))
			}
		}
	}
	for _, name := range []string{"raw", "imputed", "screened", "treated", "imputed_cells", "screen", "treat_details"} {
		if _, ok := got[name]; !ok {
			t.Errorf("no table %s", name)
		}
	}
	if _, ok := got["denominated"]; ok {
		t.Error("a denominated table without denomination")
	}
	// The screen: 11 lines, every unit kept.
	sc := got["screen"]
	if len(sc.Rows) != 11 {
		t.Errorf("screen table: %v", sc.Rows)
	}
	for _, row := range sc.Rows {
		if row[2] != 0 || row[9] != "yes" {
			t.Errorf("screen line %v, want no missing value and included", row)
		}
	}
	imputed := map[string]float64{}
	for _, row := range got["imputed_cells"].Rows {
		imputed[row[2].(string)+"/"+row[3].(string)] = row[4].(float64)
	}
	want := map[string]float64{"unit 1/a": 53.0 / 9, "unit 9/a": 53.0 / 9, "unit 9/b": 3.9}
	if len(imputed) != len(want) {
		t.Errorf("imputed cells %v, want %v", imputed, want)
	}
	for k, v := range want {
		if math.Abs(imputed[k]-v) > 1e-12 {
			t.Errorf("imputed %s = %v, want %v", k, imputed[k], v)
		}
	}
	var treated []string
	for _, row := range got["treat_details"].Rows {
		if row[2] != "winsorise" {
			continue
		}
		treated = append(treated, row[1].(string))
		kurt := ((12*(11*1220.0/(92*92)-3) + 6) * 10) / (9 * 8)
		if row[6] != 1 || row[7] != "yes" || math.Abs(row[8].(float64)) > 1e-12 || math.Abs(row[9].(float64)-kurt) > 1e-12 {
			t.Errorf("treatment of c: %v, want 1 point, pass, skewness 0, kurtosis %v", row, kurt)
		}
	}
	if len(treated) != 1 || treated[0] != "c" {
		t.Errorf("treated indicators %v, want [c]", treated)
	}
	if pts := got["treated_points"].Rows; len(pts) != 1 || pts[0][2] != "unit 9" || pts[0][3] != "c" || pts[0][4] != "winhi" {
		t.Errorf("treated points %v, want unit 9's c winhi", pts)
	}
	for _, row := range got["treated"].Rows {
		if row[2] == "unit 9" && row[5] != 9.0 {
			t.Errorf("treated c of unit 9 = %v, want 9", row[5])
		}
	}
}
