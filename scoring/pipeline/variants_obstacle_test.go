package pipeline

import (
	"strings"
	"testing"

	"github.com/nqp-index/nqp/scoring/diag"
)

// TestObstacleNormalisedReadable: the obstacle analysis, which reads every
// normalised value as larger-is-better in the recipe's min-max range, is
// refused with z-scores kept unflipped (recipe-wide or for one indicator)
// and with an indicator normalised by another method or range; the error
// names both sides in each language.
func TestObstacleNormalisedReadable(t *testing.T) {
	const obstacle = `,"analyses":[{"name":"kde"},{"name":"obstacle"}]}`
	for _, c := range []struct{ recipe, zh, en string }{
		{`{"schema":"nqp-recipe/1","normalise":{"method":"zscore","keep_direction":true},"aggregate":{"method":"topsis"}` + obstacle,
			"analyses[1].name obstacle（障碍度）把标准化值当作越大越好，不能与 normalise.keep_direction",
			"analyses[1].name obstacle reads normalised values as larger-is-better and cannot be combined with normalise.keep_direction"},
		{`{"schema":"nqp-recipe/1","normalise":{"method":"minmax","indicators":{"x2":{"method":"zscore","keep_direction":true}}},"aggregate":{"method":"gra"}` + obstacle,
			"不能与 normalise.keep_direction", "cannot be combined with normalise.keep_direction"},
		{`{"schema":"nqp-recipe/1","normalise":{"method":"minmax","indicators":{"x1":{"method":"minmax"},"x2":{"method":"zscore"}}}` + obstacle,
			"normalise.indicators.x2 的标准化方法或区间不同（zscore）", "normalise.indicators.x2 uses another method or range (zscore)"},
		{`{"schema":"nqp-recipe/1","normalise":{"method":"minmax","indicators":{"x3":{"method":"minmax","upper":100}}}` + obstacle,
			"normalise.indicators.x3", "normalise.indicators.x3 uses another method or range (minmax)"},
	} {
		_, err := ParseRecipe(strings.NewReader(c.recipe))
		if err == nil {
			t.Errorf("accepted: %s", c.recipe)
			continue
		}
		zh, en := diag.Message(err, "zh"), diag.Message(err, "en")
		if !strings.Contains(zh, c.zh) || !strings.Contains(en, c.en) || strings.Contains(zh, "reads") || strings.Contains(en, "障碍") {
			t.Errorf("%s:\n zh %s\n en %s", c.recipe, zh, en)
		}
	}
	for _, ok := range []string{
		`{"schema":"nqp-recipe/1","normalise":{"method":"minmax","indicators":{"x1":{"method":"minmax","reciprocal":true}}}` + obstacle,
		`{"schema":"nqp-recipe/1","normalise":{"method":"zscore","keep_direction":true},"aggregate":{"method":"topsis"},"analyses":[{"name":"coupling"}]}`,
	} {
		if _, err := ParseRecipe(strings.NewReader(ok)); err != nil {
			t.Errorf("refused: %s: %v", ok, err)
		}
	}
}
