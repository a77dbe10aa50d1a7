package ingest

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

func FuzzRead(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "bad", "*.csv"))
	for _, name := range files {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte(simpleCSV))
	f.Add([]byte("\xFF\xFE地\x00,\x00"))
	f.Add([]byte("uCode,uName,Time,iCode,Value\n11,北京,2020,GDP,1.5\n11,北京,2020Q1,人口,2\n"))
	f.Add([]byte("a;b;c\n\"x\";1,5;\"\"\"\n"))
	f.Add([]byte("地区,年份,GDP\n北京,2020,1\n\xC9\xCF\xBA\xA3,2020,2\n\"a\r\nb\xFF\",2021,NaN\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		d := &Detected{}
		p, rep, err := Read("fuzz.csv", data, Options{Format: "csv", MaxCells: 100000, Detected: d})
		for _, pr := range rep.Problems {
			if pr.Code == "internal-error" {
				t.Fatalf("panic: %s", pr.En)
			}
		}
		if err == nil && len(d.Columns) < len(d.Headers) {
			t.Fatalf("%d column uses for %d headers", len(d.Columns), len(d.Headers))
		}
		if err != nil {
			if p != nil || !rep.HasErrors() {
				t.Fatalf("error %v with panel %v and report errors %v", err, p != nil, rep.HasErrors())
			}
			return
		}
		if p == nil {
			t.Fatal("nil panel without error")
		}
		for _, r := range p.Rows {
			if len(r.Values) != len(p.Columns) {
				t.Fatalf("row has %d values for %d columns", len(r.Values), len(p.Columns))
			}
			if r.Unit < 0 || r.Unit >= len(p.Units) || r.Period < 0 || r.Period >= len(p.Periods) {
				t.Fatalf("row indices out of range: %+v", r)
			}
		}
		for _, a := range p.Attrs {
			if len(a.Values) != len(p.Rows) {
				t.Fatalf("attr %q has %d values for %d rows", a.Name, len(a.Values), len(p.Rows))
			}
		}
		for _, pr := range rep.Problems {
			if pr.Zh == "" || pr.En == "" || pr.Code == "" {
				t.Fatalf("incomplete problem %+v", pr)
			}
		}
	})
}

func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"1,234.5", "１２３．４", "12.5%", "−3", "1e999", "NA", "(12)", "1.234,5", "--", "", "0x1p3", "1_0"} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, comma bool) {
		v, missing, err := ParseNumber(s, comma)
		switch {
		case missing && (err != nil || !math.IsNaN(v)):
			t.Fatalf("missing with %v, %v", v, err)
		case err != nil && !math.IsNaN(v):
			t.Fatalf("error %v with value %v", err, v)
		case !missing && err == nil && (math.IsNaN(v) || math.IsInf(v, 0)):
			t.Fatalf("non-finite value %v without error", v)
		}
		if s != "" {
			if f, ok := simpleDecimal(s); ok {
				if g, err := strconv.ParseFloat(s, 64); err != nil || g != f {
					t.Fatalf("simpleDecimal(%q) = %v; strconv gives %v, %v", s, f, g, err)
				}
			}
		}
	})
}

func FuzzParsePeriod(f *testing.F) {
	for _, s := range []string{"2023", "2024Q1", "2024年第一季度", "2024-03", "202403", "Q1 2024", "2024/3/1", "2023.0", "去年"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, ok := ParsePeriod(s)
		if !ok {
			return
		}
		q, ok2 := ParsePeriod(p.Label)
		if !ok2 || q != p {
			t.Fatalf("label %q of %q reparses as %+v, %v", p.Label, s, q, ok2)
		}
		y := p.Key / 12
		if y < 1000 || y > 9999 {
			t.Fatalf("key %d out of range for %q", p.Key, s)
		}
	})
}

// FuzzParseDelimited checks that the fast path for simple lines splits
// exactly like the general parser.
func FuzzParseDelimited(f *testing.F) {
	for _, s := range []string{simpleCSV, "a,\"b\nc\",d\r\ne,f\rg,h", "x\r\ny\n\n", "\"a\"\"b\",c", "a,b,", ",,\n,"} {
		f.Add(s, byte(','))
	}
	f.Add("a;b\tc|d\n", byte(';'))
	f.Fuzz(func(t *testing.T, text string, delim byte) {
		if delim == '"' || delim == '\n' || delim == '\r' {
			return
		}
		a := parseDelimitedMode(text, delim, 0, 0, true)
		b := parseDelimitedMode(text, delim, 0, 0, false)
		if fmt.Sprintf("%q %v %d", a.cells, a.start, a.unterminated) != fmt.Sprintf("%q %v %d", b.cells, b.start, b.unterminated) {
			t.Fatalf("fast %q %v %d\nslow %q %v %d", a.cells, a.start, a.unterminated, b.cells, b.start, b.unterminated)
		}
		// Lazy records split as the whole text does, in any order.
		l := parseRecords(text, delim, 0)
		if l.rows() != a.rows() || l.ncells() != len(a.cells) || l.unterminated != a.unterminated {
			t.Fatalf("lazy %d rows %d cells %d, eager %d %d %d", l.rows(), l.ncells(), l.unterminated, a.rows(), len(a.cells), a.unterminated)
		}
		for r := l.rows() - 1; r >= 0; r-- {
			if got, want := fmt.Sprintf("%q", l.row(r)), fmt.Sprintf("%q", a.row(r)); got != want {
				t.Fatalf("record %d: lazy %s, eager %s", r, got, want)
			}
			rec := a.row(r)
			for j := 0; j <= len(rec); j++ {
				f, ok := fieldOf(l.lazy.text[l.lazy.offs[r]:l.lazy.offs[r+1]], delim, j)
				if want := j < len(rec); ok != want || (ok && f != rec[j]) {
					t.Fatalf("record %d field %d: %q %v, eager %q", r, j, f, ok, rec)
				}
			}
		}
	})
}
