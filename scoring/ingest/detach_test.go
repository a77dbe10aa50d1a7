package ingest

import (
	"bytes"
	"encoding/json"
	"math"
	"testing"
)

// TestReadDetachesStrings checks that nothing Read returns shares memory
// with the caller's bytes (valid UTF-8 is split in place): after the input
// is overwritten, the panel, the report and Detected are those of a read of
// an untouched copy, and a unit keeps its raw text "  Beijing ".
func TestReadDetachesStrings(t *testing.T) {
	src := "code,region,year,gdp,note\n" +
		"110000,  Beijing ,2023,1.5,a\n" +
		"310000,上海,2023,x7,b\n" +
		"110000,  Beijing ,2024,2.5,c\n" +
		"310000,上海,2024,,d\n"
	read := func(data []byte) (string, string, []byte) {
		var det Detected
		p, rep, err := Read("d.csv", data, Options{Detected: &det})
		if err != nil {
			t.Fatal(err)
		}
		for i := range data {
			data[i] = '#' // the caller reuses its buffer
		}
		a, _ := json.Marshal(p)
		b, _ := json.Marshal(rep)
		c, _ := json.Marshal(det)
		return string(a), string(b), c
	}
	p1, r1, d1 := read([]byte(src))
	p2, r2, d2 := read([]byte(src))
	if p1 != p2 || r1 != r2 || !bytes.Equal(d1, d2) {
		t.Fatalf("reads differ:\n%s\n%s\n%s\n%s", p1, p2, r1, r2)
	}
	for _, want := range []string{`"raw":"  Beijing "`, `"name":"gdp"`, `"label":"2024"`, `"name":"note"`, `"values":["a","b","c","d"]`} {
		if !bytes.Contains([]byte(p1), []byte(want)) {
			t.Errorf("panel %s lacks %s", p1, want)
		}
	}
	if !bytes.Contains([]byte(r1), []byte(`"text":"x7"`)) {
		t.Errorf("report %s lacks the bad cell x7", r1)
	}
}

// TestWideSharesParsedColumns checks the panel built in place of the
// parsed columns: text columns between the numbers, a row without a unit
// and a repeated unit-period (both skipped) before later rows, a missing
// cell; every value as in the file.
func TestWideSharesParsedColumns(t *testing.T) {
	src := "地区,x,note,年份,y,z\n" +
		"北京,1,a,2020,2,3\n" +
		",9,b,2020,9,9\n" +
		"北京,4,c,2020,5,6\n" +
		"上海,7,d,2020,8,\n" +
		"上海,10,e,2021,11,12\n" +
		"北京,13,f,2021,14,15\n"
	p, _ := mustRead(t, "w.csv", []byte(src), Options{})
	if len(p.Rows) != 4 || len(p.Columns) != 3 {
		t.Fatalf("%d rows, %d columns", len(p.Rows), len(p.Columns))
	}
	want := map[[2]string][3]float64{
		{"北京", "2020"}: {1, 2, 3}, {"上海", "2020"}: {7, 8, math.NaN()},
		{"上海", "2021"}: {10, 11, 12}, {"北京", "2021"}: {13, 14, 15},
	}
	for k, w := range want {
		for j, col := range []string{"x", "y", "z"} {
			got := value(t, p, k[0], k[1], col)
			if got != w[j] && !(math.IsNaN(got) && math.IsNaN(w[j])) {
				t.Errorf("%s %s %s = %v, want %v", k[0], k[1], col, got, w[j])
			}
		}
	}
}
