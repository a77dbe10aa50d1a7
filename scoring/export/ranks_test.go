package export

import (
	"testing"

	"github.com/nqp-index/nqp/scoring/pipeline"
)

// TestIndicatorRankTables: rank.indicators = both adds the two rank tables
// (and so the CSV files and workbook sheets built from Tables). methodInput
// has one period and positive indicators a = (1, 3, 4, 2), b = (5, 2, 4, 9),
// c = (2, 8, 4, 1): ranks, 1 = largest, a (4, 2, 1, 3), b (2, 4, 3, 1),
// c (3, 1, 2, 4), by raw and by min-max value alike. Without the option
// neither table appears.
func TestIndicatorRankTables(t *testing.T) {
	r := pipeline.Recipe{}
	r.Weights.Method = pipeline.WManual
	r.Rank.Indicators = pipeline.RankIndBoth
	res, err := pipeline.Run(methodInput(), r)
	if err != nil {
		t.Fatal(err)
	}
	want := [][]any{{4, 2, 3}, {2, 4, 1}, {1, 3, 2}, {3, 1, 4}}
	found := 0
	for _, tb := range Tables(res, "zh") {
		if tb.Name != "indicator_ranks" && tb.Name != "raw_ranks" {
			continue
		}
		found++
		if len(tb.Header) != 6 || tb.Header[3] != "a" || len(tb.Rows) != 4 {
			t.Fatalf("%s: header %v, %d rows", tb.Name, tb.Header, len(tb.Rows))
		}
		for i, w := range want {
			for j := range w {
				if tb.Rows[i][3+j] != w[j] {
					t.Errorf("%s row %d: %v, want ranks %v", tb.Name, i, tb.Rows[i], w)
					break
				}
			}
		}
	}
	if found != 2 {
		t.Errorf("%d indicator rank tables, want 2", found)
	}
	r.Rank.Indicators = ""
	res, _ = pipeline.Run(methodInput(), r)
	for _, tb := range Tables(res, "en") {
		if tb.Name == "indicator_ranks" || tb.Name == "raw_ranks" {
			t.Errorf("%s without rank.indicators", tb.Name)
		}
	}
}
