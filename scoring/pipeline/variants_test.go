package pipeline

import (
	"math"
	"strings"
	"testing"

	"github.com/nqp-index/nqp/scoring/framework"
	"github.com/nqp-index/nqp/scoring/panel"
)

// The variants other tools use (issue 10, item 9) as recipe options,
// against the same published vectors and hand computations as
// scoring/mcda's variants_test.go.

// vrDirected is wtFlat with the indicators' directions.
func vrDirected(codes []string, dirs []framework.DirKind, rows [][]float64) Input {
	w := make([]float64, len(codes))
	for j := range w {
		w[j] = 1
	}
	in := wtFlat(codes, w, rows)
	for j := range codes {
		in.Framework.Nodes[j+1].Direction = framework.Direction{Kind: dirs[j]}
	}
	return in
}

func vrNormalised(res *Result, j int) []float64 {
	out := make([]float64, len(res.Normalised))
	for i, row := range res.Normalised {
		out[i] = row[j]
	}
	return out
}

// TestCRITICCorrelationRecipe: weights.correlation on the Diakoulaki et al.
// (1995) matrix, min-max normalised: scikit-criteria's expected CRITIC
// weights (tests/preprocessing/test_weighters.py, scale = True).
func TestCRITICCorrelationRecipe(t *testing.T) {
	rows := [][]float64{{61, 1.08, 4.33}, {20.7, 0.26, 4.34}, {16.3, 1.98, 2.53}, {9, 3.29, 1.65},
		{5.4, 2.77, 2.33}, {4, 4.12, 1.21}, {-6.1, 3.52, 2.10}, {-34.6, 3.31, 0.98}}
	in := wtFlat([]string{"a", "b", "c"}, []float64{1, 1, 1}, rows)
	for corr, want := range map[string][]float64{
		"":         {0.20222554, 0.48090173, 0.31687273},
		"pearson":  {0.20222554, 0.48090173, 0.31687273},
		"spearman": {0.21454645, 0.4898563, 0.29559726},
	} {
		r := wtParse(t, `{"schema":"nqp-recipe/1","weights":{"method":"critic","correlation":"`+corr+`"}}`)
		res := wtRunOK(t, in, r)
		wtVec(t, "critic "+corr, wtLeaves(res), want, 5e-9)
		if got := res.CRITIC.Correlation; (corr == "spearman") != (got == "spearman") {
			t.Errorf("%q: diagnostics name correlation %q", corr, got)
		}
	}
	// Kendall τ-b by hand (scoring/mcda TestCRITICKendallByHand): equal
	// sds, conflicts 7/3, 2, 11/3 → w = (7/24, 6/24, 11/24). normalise
	// none keeps the values (all positive indicators).
	in = wtFlat([]string{"a", "b", "c"}, []float64{1, 1, 1}, [][]float64{{1, 1, 4}, {2, 3, 3}, {3, 2, 2}, {4, 4, 1}})
	res := wtRunOK(t, in, wtParse(t, `{"schema":"nqp-recipe/1","normalise":{"method":"none"},"weights":{"method":"critic","correlation":"kendall"}}`))
	wtVec(t, "critic kendall", wtLeaves(res), []float64{7.0 / 24, 6.0 / 24, 11.0 / 24}, 1e-15)
	// Pairwise complete rows: a fifth unit with b missing leaves the a–b
	// pair on the four rows above, so τ_ab is still 2/3. (The sds change.)
	in = wtFlat([]string{"a", "b"}, []float64{1, 1}, [][]float64{{1, 1}, {2, 3}, {3, 2}, {4, 4}, {5, math.NaN()}})
	res = wtRunOK(t, in, wtParse(t, `{"schema":"nqp-recipe/1","normalise":{"method":"none"},"weights":{"method":"critic","correlation":"kendall"}}`))
	wtVec(t, "kendall conflict", res.CRITIC.Conflict, []float64{1.0 / 3, 1.0 / 3}, 1e-15)
	for _, bad := range []string{
		`{"schema":"nqp-recipe/1","weights":{"method":"critic","correlation":"pearsn"}}`,
		`{"schema":"nqp-recipe/1","weights":{"method":"entropy","correlation":"spearman"}}`,
	} {
		if _, err := ParseRecipe(strings.NewReader(bad)); err == nil || !strings.Contains(err.Error(), "correlation") {
			t.Errorf("%s: %v", bad, err)
		}
	}
	// The default recipe's JSON does not mention the new option.
	if strings.Contains(string(Default().JSON()), "correlation") {
		t.Error("default recipe JSON changed")
	}
}

// TestPymcdmMaxRecipe: normalise.method pymcdm-max on pymcdm's own test
// matrix (test/test_normalizations.py TestMaxNormalization, types −1, −1,
// 1): cost 1 − x/max, benefit x/max.
func TestPymcdmMaxRecipe(t *testing.T) {
	rows := [][]float64{{66, 56, 95}, {61, 55, 166}, {65, 49, 113}, {95, 56, 99}, {63, 43, 178}, {74, 59, 140}}
	in := vrDirected([]string{"a", "b", "c"}, []framework.DirKind{framework.Negative, framework.Negative, framework.Positive}, rows)
	res := wtRunOK(t, in, wtParse(t, `{"schema":"nqp-recipe/1","normalise":{"method":"pymcdm-max"},"weights":{"method":"equal"}}`))
	want := [][]float64{
		{0.30526316, 0.05084746, 0.53370787}, {0.35789474, 0.06779661, 0.93258427}, {0.31578947, 0.16949153, 0.63483146},
		{0.0, 0.05084746, 0.55617978}, {0.33684211, 0.27118644, 1.0}, {0.22105263, 0.0, 0.78651685},
	}
	for i := range want {
		wtVec(t, "pymcdm-max row", res.Normalised[i], want[i], 5e-9)
	}
}

// TestZScoreVariantsRecipe: population_sd and keep_direction give
// scikit-criteria's StandarScaler on its own example ([[1, 2, 3],
// [4, 5, 6]], objectives min, max, min → [[−1, −1, −1], [1, 1, 1]]); the
// negative indicators stay cost criteria for TOPSIS (ideal = minimum), so
// the closeness equals the flipped run's. With amean the recipe is refused.
func TestZScoreVariantsRecipe(t *testing.T) {
	in := vrDirected([]string{"a", "b", "c"}, []framework.DirKind{framework.Negative, framework.Positive, framework.Negative}, [][]float64{{1, 2, 3}, {4, 5, 6}})
	kept := wtRunOK(t, in, wtParse(t, `{"schema":"nqp-recipe/1","normalise":{"method":"zscore","population_sd":true,"keep_direction":true},
		"weights":{"method":"equal"},"aggregate":{"method":"topsis"}}`))
	wtVec(t, "z row 1", kept.Normalised[0], []float64{-1, -1, -1}, 1e-15)
	wtVec(t, "z row 2", kept.Normalised[1], []float64{1, 1, 1}, 1e-15)
	flipped := wtRunOK(t, in, wtParse(t, `{"schema":"nqp-recipe/1","normalise":{"method":"zscore","population_sd":true},
		"weights":{"method":"equal"},"aggregate":{"method":"topsis"}}`))
	wtVec(t, "flipped row 1", flipped.Normalised[0], []float64{1, -1, 1}, 1e-15)
	wtVec(t, "closeness", []float64{kept.Scores[0][0], kept.Scores[1][0]}, []float64{flipped.Scores[0][0], flipped.Scores[1][0]}, 1e-12)
	// By hand: TOPSIS's vector normalisation gives ±1/√2, weights ⅓ give
	// v = ±s, s = √2/6. Ideals: a and c (cost) at −s, b at +s. Unit 1
	// (−s, −s, −s): D⁺ = 2s (on b), D⁻ = √(2·(2s)²) = 2√2·s, so
	// C = √2/(1 + √2) = 2 − √2 = 0.585786; unit 2: C = 1 − 0.585786.
	wtVec(t, "closeness by hand", []float64{kept.Scores[0][0], kept.Scores[1][0]}, []float64{100 * (2 - math.Sqrt2), 100 * (math.Sqrt2 - 1)}, 1e-12)
	// Default z-score: the sample sd 3/√2 (SPSSAU); unchanged.
	def := wtRunOK(t, in, wtParse(t, `{"schema":"nqp-recipe/1","normalise":{"method":"zscore"},"weights":{"method":"equal"}}`))
	d := 1.5 / (3 / math.Sqrt2)
	wtVec(t, "sample z", def.Normalised[0], []float64{d, -d, d}, 1e-15)
	for _, bad := range []string{
		`{"schema":"nqp-recipe/1","normalise":{"method":"zscore","keep_direction":true}}`,
		`{"schema":"nqp-recipe/1","normalise":{"method":"minmax","population_sd":true}}`,
	} {
		_, err := ParseRecipe(strings.NewReader(bad))
		if err == nil || !(strings.Contains(err.Error(), "keep_direction") || strings.Contains(err.Error(), "population_sd")) {
			t.Errorf("%s: %v", bad, err)
		}
	}
}

// vrTwoLevel is I → A (a1, a2), B (b1) with framework weights 1, 1 for A
// and B and wa for a1 and a2, and the given rows (a1, a2, b1).
func vrTwoLevel(wa float64, rows [][]float64) Input {
	fw := &framework.Framework{Nodes: []framework.Node{{Code: "I", Weight: 1},
		{Code: "A", Parent: "I", Weight: 1}, {Code: "a1", Parent: "A", Weight: wa}, {Code: "a2", Parent: "A", Weight: wa},
		{Code: "B", Parent: "I", Weight: 1}, {Code: "b1", Parent: "B", Weight: 1}}}
	p := &panel.Panel{File: "two.csv", Periods: []panel.Period{{Label: "2020", Kind: panel.Year, Key: 2020 * 12}},
		Columns: []panel.Column{{Name: "a1"}, {Name: "a2"}, {Name: "b1"}}}
	for i, r := range rows {
		p.Units = append(p.Units, panel.Unit{Code: "u" + string(rune('a'+i)), Name: "u" + string(rune('a'+i))})
		p.Rows = append(p.Rows, panel.Row{Unit: i, Period: 0, Line: i + 2, Values: r})
	}
	return Input{Data: p, Framework: fw}
}

// TestWeightsAsGivenRecipe: weights.as_given uses the framework's weights
// without rescaling them to sum 1 (pymcdm, scikit-criteria).
//
// One level, w = (3, 1), normalise none, scale 1: Σ w y = 3·0.5 + 1 = 2.5
// and 3·1 + 0 = 3 (rescaled: 0.625, 0.75). WPM: 0.25²·1 = 0.0625 and
// 1·0.5 = 0.5.
//
// Two levels, a1 and a2 weighted 2: unit ua (1, 1, 0) gets A = 2 + 2 = 4,
// B = 0, I = 4; unit ub (0, 0, 1) gets A = 0, B = 1, I = 1, so ua ranks
// first. Rescaled, A is the mean (1 and 0) and I = ½A + ½B = 0.5 for both:
// a tie. A missing child makes its parent missing.
func TestWeightsAsGivenRecipe(t *testing.T) {
	given := `{"schema":"nqp-recipe/1","normalise":{"method":"none"},"weights":{"method":"manual","as_given":true},"aggregate":{"method":"%s","scale":1}}`
	rescaled := `{"schema":"nqp-recipe/1","normalise":{"method":"none"},"weights":{"method":"manual"},"aggregate":{"method":"%s","scale":1}}`
	recipe := func(f, m string) Recipe { return wtParse(t, strings.Replace(f, "%s", m, 1)) }
	in := wtFlat([]string{"a", "b"}, []float64{3, 1}, [][]float64{{0.5, 1}, {1, 0}})
	res := wtRunOK(t, in, recipe(given, "wsm"))
	wtVec(t, "wsm as given", []float64{res.Scores[0][0], res.Scores[1][0]}, []float64{2.5, 3}, 1e-15)
	wtVec(t, "relative weights", []float64{wtNode(res, "a").Relative, wtNode(res, "b").Relative}, []float64{3, 1}, 0)
	res = wtRunOK(t, in, recipe(rescaled, "wsm"))
	wtVec(t, "wsm rescaled", []float64{res.Scores[0][0], res.Scores[1][0]}, []float64{0.625, 0.75}, 1e-15)
	in = wtFlat([]string{"a", "b"}, []float64{2, 1}, [][]float64{{0.25, 1}, {1, 0.5}})
	res = wtRunOK(t, in, recipe(given, "wpm"))
	wtVec(t, "wpm as given", []float64{res.Scores[0][0], res.Scores[1][0]}, []float64{0.0625, 0.5}, 1e-15)

	in = vrTwoLevel(2, [][]float64{{1, 1, 0}, {0, 0, 1}, {1, math.NaN(), 1}})
	res = wtRunOK(t, in, recipe(given, "amean"))
	wtVec(t, "index as given", []float64{res.Scores[0][0], res.Scores[1][0]}, []float64{4, 1}, 1e-15)
	if res.Ranks[0][0] != 1 || res.Ranks[1][0] != 2 {
		t.Errorf("ranks %v", res.Ranks)
	}
	if !math.IsNaN(res.Scores[2][0]) || !math.IsNaN(res.Scores[2][1]) { // I and A of uc
		t.Errorf("a missing child gave scores %v", res.Scores[2])
	}
	res = wtRunOK(t, in, recipe(rescaled, "amean"))
	wtVec(t, "index rescaled", []float64{res.Scores[0][0], res.Scores[1][0]}, []float64{0.5, 0.5}, 1e-15)

	// TOPSIS: the closeness does not depend on a common factor of the weights.
	in = wtFlat([]string{"a", "b"}, []float64{2, 2}, [][]float64{{250, 16}, {200, 16}, {300, 32}})
	a := wtRunOK(t, in, recipe(given, "topsis"))
	b := wtRunOK(t, in, recipe(rescaled, "topsis"))
	for i := range a.Scores {
		if math.Abs(a.Scores[i][0]-b.Scores[i][0]) > 1e-12 {
			t.Errorf("topsis closeness %v vs %v", a.Scores[i][0], b.Scores[i][0])
		}
	}
	if a.AggregateDetails[0].Weights[0] != 2 {
		t.Errorf("topsis weights %v, want the given 2, 2", a.AggregateDetails[0].Weights)
	}
	for _, bad := range []string{
		`{"schema":"nqp-recipe/1","weights":{"method":"entropy","as_given":true}}`,
		`{"schema":"nqp-recipe/1","weights":{"method":"manual","as_given":true},"aggregate":{"method":"vikor"}}`,
	} {
		if _, err := ParseRecipe(strings.NewReader(bad)); err == nil || !strings.Contains(err.Error(), "as_given") {
			t.Errorf("%s: %v", bad, err)
		}
	}
	if _, err := Reweight(res, map[string]float64{"A": 2}); err != nil {
		t.Errorf("reweight of a rescaled result: %v", err)
	}
	if _, err := Reweight(a, map[string]float64{"a": 1}); err == nil {
		t.Error("reweight of an as_given result accepted")
	}
}

// TestIndicatorRanks: rank.indicators ranks every indicator per period,
// 1 = best: a (positive) descending, b (negative) ascending by raw value;
// the min-max values are larger-is-better, so their ranks agree. Ties
// share the lower rank; a missing value has none (null).
//
//	period 2020: a = (3, 1, 3), b = (5, 2, 9) → a ranks (1, 3, 1), b (2, 1, 3)
//	period 2021: a = (2, NaN, 4), b = (1, 1, 0) → a (2, –, 1), b (2, 2, 1)
func TestIndicatorRanks(t *testing.T) {
	in := vrDirected([]string{"a", "b"}, []framework.DirKind{framework.Positive, framework.Negative}, nil)
	p := in.Data
	p.Periods = append(p.Periods, panel.Period{Label: "2021", Kind: panel.Year, Key: 2021 * 12})
	vals := [][][]float64{{{3, 5}, {1, 2}, {3, 9}}, {{2, 1}, {math.NaN(), 1}, {4, 0}}}
	for u := 0; u < 3; u++ {
		p.Units = append(p.Units, panel.Unit{Code: "u" + string(rune('a'+u)), Name: "u" + string(rune('a'+u))})
	}
	for per, rows := range vals {
		for u, v := range rows {
			p.Rows = append(p.Rows, panel.Row{Unit: u, Period: per, Line: len(p.Rows) + 2, Values: v})
		}
	}
	res := wtRunOK(t, in, wtParse(t, `{"schema":"nqp-recipe/1","select":{"min_period_coverage":0},"weights":{"method":"equal"},"rank":{"indicators":"both"}}`))
	want := [][]int{{1, 2}, {3, 1}, {1, 3}, {2, 2}, {0, 2}, {1, 1}}
	for i, w := range want {
		for j := range w {
			if res.RawRanks[i][j] != w[j] || res.IndicatorRanks[i][j] != w[j] {
				t.Fatalf("row %d: raw ranks %v, normalised ranks %v, want %v", i, res.RawRanks[i], res.IndicatorRanks[i], w)
			}
		}
	}
	js, _ := res.JSON()
	if !strings.Contains(string(js), `"raw_ranks"`) || !strings.Contains(string(js), `"indicator_ranks"`) {
		t.Error("raw_ranks or indicator_ranks missing from the result JSON")
	}
	res = wtRunOK(t, in, wtParse(t, `{"schema":"nqp-recipe/1","select":{"min_period_coverage":0},"weights":{"method":"equal"}}`))
	if res.RawRanks != nil || res.IndicatorRanks != nil {
		t.Error("indicator ranks without rank.indicators")
	}
	if _, err := ParseRecipe(strings.NewReader(`{"schema":"nqp-recipe/1","rank":{"indicators":"all"}}`)); err == nil || !strings.Contains(err.Error(), "rank.indicators") {
		t.Errorf("rank.indicators all: %v", err)
	}
}
