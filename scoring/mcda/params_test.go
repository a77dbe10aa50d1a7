package mcda

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/nqp-index/nqp/scoring/diag"
	"github.com/nqp-index/nqp/scoring/jsonx"
)

// TestParamKeysCoverSource reads the package's source: every key that a
// normalisation, weighting or method reads from Params must be listed in
// NormalizeKeys, WeightingKeys or MethodKeys, or Solve would reject it.
func TestParamKeysCoverSource(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	read := regexp.MustCompile(`\.(num|has|str|vec)\("([a-z0-9_]+)"|(?:finiteNum|numOrVec|vecParam)\(p, "([a-z0-9_]+)"`)
	listed := map[string]bool{}
	for _, tab := range []map[string]Keys{NormalizeKeys, WeightingKeys, MethodKeys} {
		for _, k := range tab {
			for _, l := range [][]string{k.Num, k.Str, k.Vec} {
				for _, v := range l {
					listed[v] = true
				}
			}
		}
	}
	n := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range read.FindAllStringSubmatch(string(b), -1) {
			key := m[2] + m[3]
			n++
			if !listed[key] && key != "bases" {
				t.Errorf("%s reads the parameter %q, which no table in params.go lists", f, key)
			}
		}
	}
	if n < 30 {
		t.Errorf("only %d parameter reads found: the pattern no longer matches the source", n)
	}
}

func TestSolveRejectsUnknownParams(t *testing.T) {
	x := [][]float64{{1, 5, 3}, {2, 4, 1}, {3, 1, 2}}
	types := []int{1, -1, 1}
	cases := []struct {
		req   Request
		path  string
		known []string
	}{
		{Request{Method: "gra", Params: Params{Num: map[string]float64{"zeta": 0.3}}}, "params.zeta", []string{"rescale_weights", "rho"}},
		{Request{Method: "vikor", Params: Params{Num: map[string]float64{"V": 0.3}}}, "params.V", []string{"rescale_weights", "v"}},
		{Request{Method: "wsm", Normalize: "minmax", Weighting: "entropy", Params: Params{Str: map[string]string{"correlation": "spearman"}}}, "options.correlation", nil},
		{Request{Method: "topsis", Params: Params{Vec: map[string][]float64{"best": {1, 1, 1}}}}, "vectors.best", nil},
		{Request{Method: "wsm", Normalize: "minmax", Weights: []float64{1, 1, 1}, Params: Params{Num: map[string]float64{"abs_corr": 1}}}, "params.abs_corr", []string{"rescale_weights"}},
	}
	for _, c := range cases {
		c.req.Matrix, c.req.Types = x, types
		_, err := Solve(c.req)
		var ke *jsonx.KeyError
		if !errors.As(err, &ke) {
			t.Errorf("%s: %v is not an unknown-key error", c.path, err)
			continue
		}
		if ke.Path != c.path || strings.Join(ke.Known, ",") != strings.Join(c.known, ",") {
			t.Errorf("got %s %v, want %s %v", ke.Path, ke.Known, c.path, c.known)
		}
		zh, en := diag.Message(err, "zh"), diag.Message(err, "en")
		if !strings.Contains(zh, "未知的 JSON 键 “"+c.path+"”") || !strings.Contains(en, `unknown JSON key "`+c.path+`"`) || strings.Contains(en, "未知") || strings.Contains(zh, "unknown") {
			t.Errorf("%s: messages %q / %q", c.path, zh, en)
		}
	}
	// Keys read by the steps named are accepted, including those of a
	// combination's bases and the vectors it names.
	ok := []Request{
		{Method: "gra", Params: Params{Num: map[string]float64{"rho": 0.3}}},
		{Method: "vikor", Params: Params{Num: map[string]float64{"v": 0.3}}},
		{Method: "wsm", Normalize: "minmax", Weighting: "critic", Params: Params{Str: map[string]string{"correlation": "spearman"}}},
		{Method: "wsm", Normalize: "minmax", Weighting: "combination", Params: Params{Num: map[string]float64{"abs_corr": 1, "alpha": 0.4},
			Str: map[string]string{"bases": "critic, given"}, Vec: map[string][]float64{"given": {1, 2, 1}}}},
		{Method: "wsm", Normalize: "minmax-ab", Params: Params{Num: map[string]float64{"a": 0.1, "b": 0.9}}},
	}
	for _, r := range ok {
		r.Matrix, r.Types = x, types
		if _, err := Solve(r); err != nil {
			t.Errorf("%+v: %v", r, err)
		}
	}
}

// TestConstantMatrixMessage: entropy, SD and CV weights of a constant
// matrix fail with one Chinese and one English message, neither holding
// the other language.
func TestConstantMatrixMessage(t *testing.T) {
	x := [][]float64{{1, 2}, {1, 2}, {1, 2}}
	for _, c := range []struct{ w, zh, en string }{
		{"entropy", "熵值法：各指标的量之和不为正，无法得到权重（所有列都是常数？）", "entropy: the criteria's measures do not have a positive sum, so no weights can be formed (all columns constant?)"},
		{"sd", "标准差法：各指标的量之和不为正，无法得到权重（所有列都是常数？）", "SD: the criteria's measures do not have a positive sum, so no weights can be formed (all columns constant?)"},
		{"cv", "变异系数法：各指标的量之和不为正，无法得到权重（所有列都是常数？）", "CV: the criteria's measures do not have a positive sum, so no weights can be formed (all columns constant?)"},
	} {
		_, err := Solve(Request{Matrix: x, Types: []int{1, 1}, Weighting: c.w, Method: "wsm"})
		if zh := diag.Message(err, "zh"); zh != c.zh {
			t.Errorf("%s zh: %q", c.w, zh)
		}
		if en := diag.Message(err, "en"); en != c.en {
			t.Errorf("%s en: %q", c.w, en)
		}
	}
}
