package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/nqp-index/nqp/scoring/analysis"
	"github.com/nqp-index/nqp/scoring/pipeline"
)

// scoreAnalyses runs the analyses declared in the recipe of res (nqp
// score) and stores their tables in res.Analyses, so that the JSON, XLSX
// and -tables outputs carry them. It returns the exit code.
func scoreAnalyses(in pipeline.Input, res *pipeline.Result, stderr io.Writer, lang string) int {
	if len(res.Recipe.Analyses) == 0 {
		return exitOK
	}
	if err := analysis.Apply(in, res); err != nil {
		printAnalysisError(stderr, err, lang)
		return exitData
	}
	return exitOK
}

// printAnalysisError prints an analysis error in lang.
func printAnalysisError(w io.Writer, err error, lang string) {
	var ae *analysis.Error
	if errors.As(err, &ae) {
		fmt.Fprintln(w, ae.Message(lang))
		return
	}
	fmt.Fprintln(w, err)
}
