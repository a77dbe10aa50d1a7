package app

import (
	"testing"

	"github.com/nqp-index/nqp/scoring/pipeline"
	"github.com/nqp-index/nqp/scoring/sample"
)

// The county panel's path through the engine worker (make bench; under
// wasm it is what the browser runs): the job computed, its page share
// encoded, and decoded by the page.

func countyJob() Job {
	return Job{FileName: "county.csv", Data: sample.CountyCSV(2850, 10, 40), Recipe: pipeline.Default()}
}

// BenchmarkCountyCompute: ingest (20 MB CSV), statistics, data table,
// pipeline and model, with the flat framework.
func BenchmarkCountyCompute(b *testing.B) {
	j := countyJob()
	b.SetBytes(int64(len(j.Data)))
	for b.Loop() {
		if o := Compute(j); o.Result == nil {
			b.Fatal(o.Report)
		}
	}
}

// BenchmarkCountyTransfer: the answer encoded in the worker and decoded in
// the page (EncodeOutcome + DecodeOutcome of Outcome.ForPage).
func BenchmarkCountyTransfer(b *testing.B) {
	o := Compute(countyJob()).ForPage()
	enc, err := EncodeOutcome(o)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(enc)))
	for b.Loop() {
		e, err := EncodeOutcome(o)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := DecodeOutcome(e); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(enc))/1e6, "MB/answer")
}
