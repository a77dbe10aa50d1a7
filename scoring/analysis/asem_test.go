package analysis

import (
	"encoding/csv"
	"math"
	"os"
	"strconv"
	"testing"

	"github.com/nqp-index/nqp/scoring/framework"
	"github.com/nqp-index/nqp/scoring/panel"
	"github.com/nqp-index/nqp/scoring/pipeline"
)

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
	if s == "" || s == "NA" {
		return math.NaN()
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		panic(err)
	}
	return v
}

// asemInput reads COINr's ASEM example (51 units, 49 indicators, 4 levels)
// from the pipeline's test data.
func asemInput(t testing.TB) pipeline.Input {
	const dir = "../pipeline/testdata/asem/"
	meta := readCSV(t, dir+"ASEM_iMeta.csv")
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
		if n.Parent == "NA" {
			n.Parent = ""
		}
		if r[col["Direction"]] == "-1" {
			n.Direction.Kind = framework.Negative
		}
		if typ == "Indicator" {
			indicator[n.Code] = true
		}
		fw.Nodes = append(fw.Nodes, n)
	}
	data := readCSV(t, dir+"ASEM_iData.csv")
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
	return pipeline.Input{Data: p, Framework: fw}
}

// asemNominal is COINr's simple pipeline (min-max to [0, 100], iMeta
// weights, arithmetic mean).
func asemNominal(t testing.TB) pipeline.Recipe {
	r, err := pipeline.Preset("coinr")
	if err != nil {
		t.Fatal(err)
	}
	r.Rank.Groups = ""
	return r
}

// asemInputs are the four uncertain inputs of COINr's sensitivity vignette
// on ASEM: the normalisation (min-max [1, 100] or z-score with mean 10 and
// sd 2), weight noise (±25% at levels 2 and 3), the aggregation (arithmetic
// or geometric mean), and a fourth recipe choice (see asemFourth).
func asemInputs(t testing.TB) []Uncertain {
	return []Uncertain{
		Choice("Normalisation", "normalise",
			map[string]any{"method": "minmax", "lower": 1, "upper": 100},
			map[string]any{"method": "zscore", "mean": 10, "sd": 2}),
		WeightNoise("Weights", 0.25, 2, 3),
		Choice("Aggregation", "aggregate.method", "amean", "gmean"),
		asemFourth(t),
	}
}
