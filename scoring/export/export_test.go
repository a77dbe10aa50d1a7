package export

import (
	"bytes"
	"math"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestSafeText(t *testing.T) {
	cases := map[string]string{
		"=SUM(A1)": "'=SUM(A1)", "+1": "'+1", "-cmd": "'-cmd", "@x": "'@x", "北京": "北京", "": "", "a=b": "a=b",
	}
	for in, want := range cases {
		if got := SafeText(in); got != want {
			t.Errorf("SafeText(%q) = %q, want %q", in, got, want)
		}
	}
}

func sampleTable() Table {
	return Table{Name: "scores", Header: []string{"地区", "得分", "排名"}, Rows: [][]any{
		{"北京", 12.5, 1},
		{"=HYPERLINK(\"http://x\")", -0.25, nil},
		{"上海", math.NaN(), 2},
	}}
}

func TestWriteCSV(t *testing.T) {
	var b bytes.Buffer
	if err := WriteCSV(&b, sampleTable()); err != nil {
		t.Fatal(err)
	}
	want := "\ufeff地区,得分,排名\r\n北京,12.5,1\r\n\"'=HYPERLINK(\"\"http://x\"\")\",-0.25,\r\n上海,,2\r\n"
	if b.String() != want {
		t.Errorf("CSV:\n%q\nwant\n%q", b.String(), want)
	}
}

func TestWriteXLSXRoundTrip(t *testing.T) {
	var b bytes.Buffer
	if err := WriteXLSX(&b, []Table{sampleTable()}, []byte("{\n  \"schema\": \"nqp-recipe/1\"\n}\n")); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := strings.Join(f.GetSheetList(), ","); got != "scores,recipe" {
		t.Fatalf("sheets %s", got)
	}
	rows, _ := f.GetRows("scores")
	if rows[1][0] != "北京" || rows[1][1] != "12.5" || rows[2][0] != "=HYPERLINK(\"http://x\")" || len(rows[3]) < 3 || rows[3][1] != "" {
		t.Errorf("rows %q", rows)
	}
	// The formula-like text is stored as a string, not a formula.
	if fm, _ := f.GetCellFormula("scores", "A3"); fm != "" {
		t.Errorf("A3 became a formula: %q", fm)
	}
	rec, _ := f.GetRows("recipe")
	if rec[1][0] != `  "schema": "nqp-recipe/1"` {
		t.Errorf("recipe sheet %q", rec)
	}
}
