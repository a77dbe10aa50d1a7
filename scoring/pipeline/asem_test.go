package pipeline

import (
	"encoding/csv"
	"math"
	"os"
	"strconv"
	"testing"

	"github.com/nqp-index/nqp/scoring/framework"
	"github.com/nqp-index/nqp/scoring/panel"
)

// readCSV reads a test CSV file into records.
func readCSV(t testing.TB, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

func num(s string) float64 {
	if s == "" {
		return math.NaN()
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		panic(err)
	}
	return v
}

// asemInput builds the ASEM panel and framework directly from the CSV files,
// independently of the ingest and framework readers.
func asemInput(t testing.TB) Input {
	meta := readCSV(t, "testdata/asem/ASEM_iMeta.csv")
	col := map[string]int{}
	for i, h := range meta[0] {
		col[h] = i
	}
	fw := &framework.Framework{Name: "ASEM"}
	indicator := map[string]bool{}
	for _, r := range meta[1:] {
		typ := r[col["Type"]]
		if typ != "Indicator" && typ != "Aggregate" {
			continue
		}
		n := framework.Node{Code: r[col["iCode"]], NameEn: r[col["iName"]], Parent: r[col["Parent"]], Weight: num(r[col["Weight"]])}
		if r[col["Direction"]] == "-1" {
			n.Direction.Kind = framework.Negative
		}
		if typ == "Indicator" {
			indicator[n.Code] = true
		}
		fw.Nodes = append(fw.Nodes, n)
	}
	data := readCSV(t, "testdata/asem/ASEM_iData.csv")
	p := &panel.Panel{File: "ASEM_iData.csv", Periods: []panel.Period{{Label: "2018", Kind: panel.Year, Key: 2018 * 12}}}
	var cols []int
	for j, h := range data[0] {
		if indicator[h] {
			cols = append(cols, j)
			p.Columns = append(p.Columns, panel.Column{Name: h, Source: j + 1})
		}
	}
	for i, r := range data[1:] {
		p.Units = append(p.Units, panel.Unit{Code: r[1], Name: r[0]})
		row := panel.Row{Unit: i, Period: 0, Line: i + 2}
		for _, j := range cols {
			row.Values = append(row.Values, num(r[j]))
		}
		p.Rows = append(p.Rows, row)
	}
	return Input{Data: p, Framework: fw}
}

func relClose(a, b, tol float64) bool {
	if math.IsNaN(a) || math.IsNaN(b) {
		return math.IsNaN(a) && math.IsNaN(b)
	}
	d := math.Abs(a - b)
	return d <= tol*math.Max(math.Abs(a), math.Abs(b)) || d <= 1e-12
}

// TestCOINrSimpleASEM checks COINr's simple pipeline (min-max to [0, 100],
// arithmetic mean with iMeta weights at every level) against COINr 1.1.14's
// own output on its ASEM example, to 1e-9 relative.
func TestCOINrSimpleASEM(t *testing.T) {
	in := asemInput(t)
	r, err := Preset("coinr")
	if err != nil {
		t.Fatal(err)
	}
	res, err := Run(in, r)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Units) != 51 || len(res.Indicators) != 49 {
		t.Fatalf("got %d units and %d indicators, want 51 and 49", len(res.Units), len(res.Indicators))
	}
	unitRow := map[string]int{}
	for i, o := range res.Rows {
		unitRow[res.Units[o.Unit].Code] = i
	}
	// normalised values
	norm := readCSV(t, "testdata/asem/coinr_simple_normalised.csv")
	checked := 0
	for _, rec := range norm[1:] {
		i := unitRow[rec[0]]
		for k, h := range norm[0][2:] {
			j := -1
			for jj, c := range res.Indicators {
				if c == h {
					j = jj
				}
			}
			if j < 0 {
				t.Fatalf("indicator %s not in result", h)
			}
			want, got := num(rec[k+2]), res.Normalised[i][j]
			if !relClose(got, want, 1e-9) {
				t.Errorf("normalised %s/%s = %v, COINr %v", rec[0], h, got, want)
			}
			checked++
		}
	}
	if checked != 51*49 {
		t.Errorf("checked %d normalised values", checked)
	}
	// scores and ranks
	sc := readCSV(t, "testdata/asem/coinr_simple_scores.csv")
	checked = 0
	for _, rec := range sc[1:] {
		i := unitRow[rec[0]]
		for k, h := range sc[0] {
			switch h {
			case "uCode", "uName":
				continue
			case "Rank_Index":
				want, _ := strconv.Atoi(rec[k])
				if got := res.Ranks[i][res.AggregateIndex("Index")]; got != want {
					t.Errorf("rank of %s = %d, COINr %d", rec[0], got, want)
				}
				continue
			}
			a := res.AggregateIndex(h)
			if a < 0 {
				t.Fatalf("aggregate %s missing", h)
			}
			want, got := num(rec[k]), res.Scores[i][a]
			if !relClose(got, want, 1e-9) {
				t.Errorf("%s/%s = %.15g, COINr %.15g", rec[0], h, got, want)
			}
			checked++
		}
	}
	if checked != 51*11 {
		t.Errorf("checked %d scores, want %d", checked, 51*11)
	}
}
