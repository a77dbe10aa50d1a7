package sample_test

import (
	"bytes"
	"encoding/csv"
	"fmt"

	"github.com/nqp-index/nqp/scoring/sample"
)

func ExampleTechmePanelCSV() {
	r := csv.NewReader(bytes.NewReader(sample.TechmePanelCSV()))
	head, _ := r.Read()
	fmt.Println(sample.TechmePanelName)
	fmt.Println(len(head)-3, "indicator columns, e.g.", head[4])
	// Output:
	// techme_province_sci_tech_panel_wide.csv
	// 20 indicator columns, e.g. rd_intensity_pct
}
