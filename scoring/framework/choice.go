package framework

// Choice records which framework scored a data set and why, so that the
// page and the CLI can say so.
type Choice struct {
	// Requested is the framework asked for: a built-in template's name,
	// "custom" (a framework file or one built or edited by the user) or ""
	// (none: every numeric column).
	Requested string `json:"requested,omitempty"`
	// Matched is the number of the requested framework's indicators found
	// among the data's Columns numeric columns.
	Matched int `json:"matched"`
	Columns int `json:"columns"`
	// AllColumns is true when every numeric column was scored as an
	// indicator with equal weights: nothing was requested, or FellBack.
	AllColumns bool `json:"all_columns,omitempty"`
	// FellBack is true when the requested framework was kept from earlier
	// data and matched fewer than half of the new data's numeric columns
	// (KeepForData), so every numeric column was used instead.
	FellBack bool `json:"fell_back,omitempty"`
	// Guessed lists the indicators whose negative direction was guessed
	// from their names (GuessDirections), to be confirmed by the user.
	Guessed []string `json:"guessed,omitempty"`
}

// KeepForData is the rule for a framework carried over to new data: keep
// it only if it matches at least half of the data's numeric columns
// (2·matched ≥ columns); otherwise score every numeric column. An
// explicit request (nqp score -template) is kept whatever it matches, with
// a warning when this rule would not keep it.
func KeepForData(matched, columns int) bool {
	return matched > 0 && 2*matched >= columns
}
