package app

import (
	"bytes"
	"encoding/gob"
	"encoding/json"
	"fmt"

	"github.com/nqp-index/nqp/scoring/pipeline"
)

// The engine worker answers the page in two parts: the outcome's small,
// richly typed part as JSON (the format every type already round-trips
// exactly, optional zero values included), and its few large,
// plain-number parts (the observations, normalised values, scores, ranks
// and the data table's rows) in encoding/gob, which writes every float64
// bit for bit (NaN included) and, for the county panel's 2 × 1.14 M
// numbers, decodes in a fraction of a second under wasm where JSON takes
// several seconds.

// wire is an encoded outcome.
type wire struct {
	Meta       []byte // JSON of the outcome without the fields below
	Rows       []pipeline.Obs
	Groups     []string
	Normalised pipeline.Matrix
	Scores     pipeline.Matrix
	Ranks      pipeline.Ranks
	GroupRanks pipeline.Ranks
	TableRows  []TableRow
}

// EncodeOutcome writes o for the page.
func EncodeOutcome(o Outcome) ([]byte, error) {
	var w wire
	if o.Result != nil {
		r := *o.Result
		w.Rows, w.Groups, w.Normalised, w.Scores, w.Ranks, w.GroupRanks = r.Rows, r.Groups, r.Normalised, r.Scores, r.Ranks, r.GroupRanks
		r.Rows, r.Groups, r.Normalised, r.Scores, r.Ranks, r.GroupRanks = nil, nil, nil, nil, nil, nil
		o.Result = &r
	}
	if o.Table != nil {
		t := *o.Table
		w.TableRows, t.Rows = t.Rows, nil
		o.Table = &t
	}
	var err error
	if w.Meta, err = json.Marshal(o); err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := gob.NewEncoder(&b).Encode(&w); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// DecodeOutcome reads what EncodeOutcome wrote.
func DecodeOutcome(b []byte) (Outcome, error) {
	var w wire
	var o Outcome
	if err := gob.NewDecoder(bytes.NewReader(b)).Decode(&w); err != nil {
		return Outcome{}, fmt.Errorf("outcome: %w", err)
	}
	if err := json.Unmarshal(w.Meta, &o); err != nil {
		return Outcome{}, fmt.Errorf("outcome: %w", err)
	}
	if r := o.Result; r != nil {
		r.Rows, r.Groups, r.Normalised, r.Scores, r.Ranks, r.GroupRanks = w.Rows, w.Groups, w.Normalised, w.Scores, w.Ranks, w.GroupRanks
	}
	if o.Table != nil {
		o.Table.Rows = w.TableRows
	}
	return o, nil
}
