package app

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestWorkbookJob builds the XLSX in a Job (as the worker's Engine does): a zip
// ("PK") with the tables, the notes sheet and the recipe sheet.
func TestWorkbookJob(t *testing.T) {
	w := sampleWorkspace(t)
	j := w.Job()
	j.Kind, j.Lang = JobXLSX, En
	o := (&Engine{}).Do(j)
	if !bytes.HasPrefix(o.XLSX, []byte("PK")) {
		t.Fatalf("workbook: %d bytes, report %v", len(o.XLSX), o.Report)
	}
	if o.Result != nil {
		t.Error("the workbook answer still carries the result")
	}
	f, err := excelize.OpenReader(bytes.NewReader(o.XLSX))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheets := map[string]bool{}
	for _, s := range f.GetSheetList() {
		sheets[s] = true
	}
	for _, s := range []string{"scores", "weights", "notes", "recipe"} {
		if !sheets[s] {
			t.Errorf("no sheet %s in %v", s, f.GetSheetList())
		}
	}
	rows, _ := f.GetRows("notes")
	if len(rows) < 5 || rows[0][1] != "说明" {
		t.Errorf("notes sheet: %v", rows)
	}
}
