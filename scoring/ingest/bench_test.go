package ingest

import (
	"testing"

	"github.com/nqp-index/nqp/scoring/sample"
)

func BenchmarkReadCSV(b *testing.B) {
	data := sample.CountyCSV(2850, 10, 40) // ~20 MB
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		p, _, err := Read("bench.csv", data, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if len(p.Rows) != 28500 || len(p.Columns) != 40 {
			b.Fatalf("%d rows, %d columns", len(p.Rows), len(p.Columns))
		}
	}
}

func BenchmarkParseNumber(b *testing.B) {
	inputs := []string{"123456.78", "1,234,567.8", "１２３．４", "NA", "", "12.5%"}
	for b.Loop() {
		for _, s := range inputs {
			ParseNumber(s, false)
		}
	}
}
