package job

import (
	"github.com/nqp-index/nqp/scoring/describe"
	"github.com/nqp-index/nqp/scoring/framework"
	"github.com/nqp-index/nqp/scoring/ingest"
)

// Validation is what reading a data file found, as `nqp inspect -json`
// prints it and the Worker API's /api/v1/validate answers it.
type Validation struct {
	File    string   `json:"file"`
	Units   int      `json:"units"`
	Periods []string `json:"periods"`
	Rows    int      `json:"rows"`
	Report  any      `json:"report"`
	// Columns says what became of every column of the file.
	Columns []ingest.ColumnUse `json:"columns"`
	Stats   []describe.Stat    `json:"stats"`
	// Match is how the framework matched the columns, when one was given.
	Match *framework.Match `json:"match,omitempty"`
}
