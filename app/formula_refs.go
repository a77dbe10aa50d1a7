package app

import (
	"strings"

	"github.com/nqp-index/nqp/scoring/pipeline"
)

// The documentation of every method option: "page#anchor" under
// /docs/<lang>/methods/ (site/docs generates the anchors: a section's
// heading by its code, a table row by its code prefixed with the
// section's; site/docs_links_test.go checks that every reference exists).

// Method documents (URL slugs).
const (
	docRecipe   = "recipe"
	docPresteps = "presteps"
	docNormAgg  = "normalise-aggregate"
	docWeights  = "weights"
)

// fieldRefs documents the options by key, or by section ("impute.*").
var fieldRefs = map[string]string{
	"preset":                     docRecipe + "#presets",
	"select.min_period_coverage": docRecipe + "#select",
	"rank.groups":                docRecipe + "#rank",
	"rank.indicators":            docRecipe + "#rank",
	"denominate.*":               docPresteps + "#denominate",
	"impute.*":                   docPresteps + "#impute",
	"screen.*":                   docPresteps + "#screen",
	"treat.*":                    docPresteps + "#treat",
	"normalise.*":                docNormAgg + "#normalise",
	"aggregate.*":                docNormAgg + "#aggregate",
	"weights.*":                  docRecipe + "#weights",
	"weights.cv_on":              docWeights + "#entropy", // the row of entropy, critic, cv and sd
	"weights.pca.form":           docWeights + "#pca",
	"weights.upper":              docWeights + "#sec-1",
}

// weightRefs documents the weighting methods.
var weightRefs = map[string]string{
	pipeline.WEntropy: docRecipe + "#weights", pipeline.WCRITIC: docRecipe + "#weights",
	pipeline.WCV: docRecipe + "#weights", pipeline.WSD: docRecipe + "#weights",
	pipeline.WEqual: docWeights + "#equal", pipeline.WManual: docWeights + "#equal",
}

// FormulaRef returns the documentation of option key set to value.
func FormulaRef(key, value string) string {
	switch key {
	case "normalise.method":
		return docNormAgg + "#normalise-" + value
	case "aggregate.method":
		switch value { // aliases share their row
		case pipeline.WSM:
			value = pipeline.AMean
		case pipeline.WPM:
			value = pipeline.GMean
		}
		return docNormAgg + "#aggregate-" + value
	case "weights.method":
		if r, ok := weightRefs[value]; ok {
			return r
		}
		return docWeights + "#" + value
	}
	if r, ok := fieldRefs[key]; ok {
		return r
	}
	if i := strings.IndexByte(key, '.'); i > 0 {
		if r, ok := fieldRefs[key[:i]+".*"]; ok {
			return r
		}
	}
	return docRecipe
}

// FormulaRefs lists every reference FormulaRef gives for the method form's
// options, for the documentation's tests.
func FormulaRefs() []string {
	seen := map[string]bool{}
	var out []string
	add := func(r string) {
		if !seen[r] {
			seen[r] = true
			out = append(out, r)
		}
	}
	for _, v := range normaliseMethods {
		add(FormulaRef("normalise.method", v))
	}
	for _, v := range aggregateMethods {
		add(FormulaRef("aggregate.method", v))
	}
	for _, v := range weightMethods {
		add(FormulaRef("weights.method", v))
	}
	for _, r := range fieldRefs {
		add(r)
	}
	return out
}
