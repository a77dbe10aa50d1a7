//go:build !nqppage

package app

import (
	"slices"
	"testing"

	"github.com/nqp-index/nqp/scoring/diag"
)

// The sample's first run in the page gives the same warnings as nqp score
// -sample: only the two a user must act on (periods left out for low
// coverage, indicators with gaps); the drivers template's partial coverage
// of the sample is info, and the notice says "matches" without a warning.
func TestSampleFirstRunWarnings(t *testing.T) {
	var w Workspace
	w.SetSample()
	w.Run()
	if w.Result == nil {
		t.Fatalf("no result: %v", w.Report)
	}
	var codes []string
	for _, p := range w.Report.Problems {
		if p.Severity >= diag.Warning {
			codes = append(codes, p.Code)
		}
	}
	want := []string{"periods-left-out", "indicators-have-missing"}
	slices.Sort(codes)
	slices.Sort(want)
	if !slices.Equal(codes, want) {
		t.Errorf("warnings %v, want %v", codes, want)
	}
	if w.Choice == nil || w.Choice.FellBack || w.Choice.Requested != "drivers" {
		t.Fatalf("choice %+v, want drivers kept", w.Choice)
	}
	// New data that the drivers template matches as poorly falls back.
	w.SetData("mine.csv", append([]byte(nil), w.Data...))
	w.Run()
	if w.Choice == nil || !w.Choice.FellBack {
		t.Errorf("a copy of the sample under another name: choice %+v, want the fallback to all columns", w.Choice)
	}
}
