package analysis

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/nqp-index/nqp/scoring/diag"
	"github.com/nqp-index/nqp/scoring/pipeline"
)

// TestEditRecipeStrict: switching a section's method drops the old
// method's keys (the default recipe's entropy variant under critic), keeps
// the common ones, and an alternative with trailing data or a key the new
// method does not read is an error in two separate languages.
func TestEditRecipeStrict(t *testing.T) {
	base := pipeline.Default()
	base.Weights.Upper = pipeline.UpperEqual
	r, err := EditRecipe(base, "weights.method", json.RawMessage(`"critic"`))
	if err != nil {
		t.Fatal(err)
	}
	if r.Weights.Method != pipeline.WCRITIC || r.Weights.Variant != "" || r.Weights.ZeroRule != "" || r.Weights.Upper != pipeline.UpperEqual {
		t.Errorf("weights after the switch: %+v", r.Weights)
	}
	if _, err := EditRecipe(base, "weights.method", json.RawMessage(`"critic" "cv"`)); err == nil ||
		!strings.Contains(diag.Message(err, "en"), "extra data after the JSON value") || !strings.Contains(diag.Message(err, "zh"), "多余内容") {
		t.Errorf("trailing data: %v", err)
	}
	_, err = EditRecipe(base, "aggregate", json.RawMessage(`{"method":"gra","zeta":0.2}`))
	zh, en := diag.Message(err, "zh"), diag.Message(err, "en")
	if !strings.Contains(zh, "配方路径 aggregate 的备选值无效：无法读取配方 JSON：未知的 JSON 键 “aggregate.zeta”") ||
		!strings.Contains(en, `invalid alternative at recipe path aggregate: cannot read recipe JSON: unknown JSON key "aggregate.zeta"`) ||
		strings.Contains(zh, "unknown") || strings.Contains(en, "未知") {
		t.Errorf("unknown key: %q / %q", zh, en)
	}
}
