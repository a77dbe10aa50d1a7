package sample

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strconv"
)

// CountyCSV generates a synthetic county-level panel for benchmarks (it is
// not real data): a wide UTF-8 CSV with the columns region_code, region and
// year, then indicator_00…; units × years rows from 2015 on, values drawn
// with a fixed seed and written at full precision, about 5% of the cells
// empty. The benchmark size, CountyCSV(2850, 10, 40), has 1.14 M
// values and about 20 MB.
func CountyCSV(units, years, indicators int) []byte {
	rng := rand.New(rand.NewPCG(1, 2))
	var b bytes.Buffer
	b.Grow(units * years * (24 + 18*indicators))
	b.WriteString("region_code,region,year")
	for k := 0; k < indicators; k++ {
		fmt.Fprintf(&b, ",indicator_%02d", k)
	}
	b.WriteByte('\n')
	var num []byte
	for y := 0; y < years; y++ {
		for u := 0; u < units; u++ {
			fmt.Fprintf(&b, "%06d,城市%d,%d", 100000+u, u, 2015+y)
			for k := 0; k < indicators; k++ {
				b.WriteByte(',')
				if rng.IntN(20) == 0 {
					continue
				}
				num = strconv.AppendFloat(num[:0], rng.Float64()*1e6, 'f', -1, 64)
				b.Write(num)
			}
			b.WriteByte('\n')
		}
	}
	return b.Bytes()
}
