package pipeline

import (
	"bytes"
	"strings"
	"testing"
)

// Declared analyses resolve to explicit defaults, survive the recipe's
// JSON, and are absent from it when none are declared.
func TestAnalysesResolve(t *testing.T) {
	r, err := ParseRecipe(strings.NewReader(`{"schema":"nqp-recipe/1","analyses":[{"name":"Gini"},{"name":"dagum"},{"name":"moran"},{"name":"kde","h":0.5},{"name":"sigma"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	a := r.Analyses
	if a[0].Name != ADagum || a[0].ID != "dagum" || a[1].ID != "dagum-2" || a[0].Groups != "region4" {
		t.Errorf("dagum: %+v %+v", a[0], a[1])
	}
	if a[2].W.Type != WContiguity || !*a[2].W.SeaLink || a[2].W.Standardise != "row" || a[2].Permutations != 999 || *a[2].Seed != 1 {
		t.Errorf("moran: %+v %+v", a[2], a[2].W)
	}
	if a[3].Bandwidth != "" || a[3].Kernel != "gaussian" || a[3].Points != 512 || *a[4].DDof != 0 {
		t.Errorf("kde/sigma: %+v %+v", a[3], a[4])
	}
	back, err := ParseRecipe(bytes.NewReader(r.JSON()))
	if err != nil || !bytes.Equal(back.JSON(), r.JSON()) {
		t.Errorf("recipe JSON round trip: %v", err)
	}
	if bytes.Contains(Default().JSON(), []byte("analyses")) {
		t.Error("the default recipe writes analyses")
	}
	_, err = ParseRecipe(strings.NewReader(`{"schema":"nqp-recipe/1","analyses":[{"name":"theil","variant":"X"}]}`))
	if err == nil || !strings.Contains(err.Error(), "配方字段 analyses[0].variant") || !strings.Contains(err.Error(), "recipe field analyses[0].variant") {
		t.Errorf("error %v", err)
	}
}
