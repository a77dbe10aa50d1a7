package sample

import _ "embed" // for go:embed

// TechmePanelName is the file name of the bundled panel.
const TechmePanelName = "techme_province_sci_tech_panel_wide.csv"

//go:embed data/techme_province_sci_tech_panel_wide.csv
var techmePanel []byte

//go:embed data/techme_LICENSE.md
var license string

//go:embed data/PROVENANCE.md
var provenance string

// TechmePanelCSV returns the bundled panel as UTF-8 CSV bytes (a fresh copy
// that the caller may modify). It has a header row, the identifier columns
// region_code, province and year, and 20 indicator columns.
func TechmePanelCSV() []byte {
	return append([]byte(nil), techmePanel...)
}

// License returns the MIT licence text of the techme data, which must be
// shown or shipped together with the data.
func License() string { return license }

// Provenance returns a Markdown note on the source, columns, units and
// known quirks of the bundled panel.
func Provenance() string { return provenance }
