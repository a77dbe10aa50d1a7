package ingest

import (
	"bytes"
	"encoding/json"
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
