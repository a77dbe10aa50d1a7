package ingest

import "github.com/nqp-index/nqp/scoring/ingest/detect"

// Detected reports what Read found or used: the format, encoding,
// delimiter, layout and key columns, so that a user interface can show
// them and offer overrides. Read fills it when Options.Detected is not nil
// (as far as it got: a file that could not be read leaves later fields
// empty). It is detect.Detected, which a user interface can use without
// linking the readers.
type Detected = detect.Detected
