package ingest

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strconv"
	"testing"
)

// widePanel generates a wide CSV panel of units × years × indicators with a
// fixed seed; about 5% of the cells are empty.
func widePanel(units, years, indicators int) []byte {
	rng := rand.New(rand.NewPCG(1, 2))
	var b bytes.Buffer
	b.WriteString("region_code,region,year")
	for k := 0; k < indicators; k++ {
		fmt.Fprintf(&b, ",indicator_%02d", k)
	}
	b.WriteByte('\n')
	for y := 0; y < years; y++ {
		for u := 0; u < units; u++ {
			fmt.Fprintf(&b, "%06d,城市%d,%d", 100000+u, u, 2015+y)
			for k := 0; k < indicators; k++ {
				b.WriteByte(',')
				if rng.IntN(20) == 0 {
					continue
				}
				b.WriteString(strconv.FormatFloat(rng.Float64()*1e6, 'f', 2+k%3, 64))
			}
			b.WriteByte('\n')
		}
	}
	return b.Bytes()
}

func BenchmarkReadCSV(b *testing.B) {
	data := widePanel(2850, 10, 40)
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
