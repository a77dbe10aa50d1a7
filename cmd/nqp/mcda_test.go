package main

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nqp-index/nqp/scoring/mcda"
)

// runStdin runs the CLI with in as standard input.
func runStdin(in string, args ...string) (code int, stdout, stderr string) {
	old := stdin
	stdin = strings.NewReader(in)
	defer func() { stdin = old }()
	return runCLI(args...)
}

// TestMCDACommand: a TOPSIS request on stdin gives mcda.Solve's answer.
func TestMCDACommand(t *testing.T) {
	const req = `{"matrix": [[3, 5, 9], [5, 2, 1], [4, 4, 5]], "types": [1, 1, -1], "weighting": "entropy", "normalize": "minmax", "method": "topsis"}`
	code, out, errOut := runStdin(req, "mcda")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got mcda.Answer
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out)
	}
	var r mcda.Request
	_ = json.Unmarshal([]byte(req), &r)
	want, err := mcda.Solve(r)
	if err != nil {
		t.Fatal(err)
	}
	for i := range want.Scores {
		if math.Abs(got.Scores[i]-want.Scores[i]) > 1e-15 || got.Ranks[i] != want.Ranks[i] {
			t.Errorf("alternative %d: %v/%d, want %v/%d", i, got.Scores[i], got.Ranks[i], want.Scores[i], want.Ranks[i])
		}
	}
	// from a file
	f := filepath.Join(t.TempDir(), "req.json")
	os.WriteFile(f, []byte(req), 0o644)
	if code, out2, _ := runCLI("mcda", f); code != exitOK || out2 != out {
		t.Errorf("file input: exit %d", code)
	}
}

// TestMCDAErrors: malformed requests exit 1 with a message in the chosen
// language, never a panic.
func TestMCDAErrors(t *testing.T) {
	for _, c := range []struct{ in, lang, want string }{
		{`{"matrix": [[1, 2], [3]], "types": [1, 1], "method": "wsm"}`, "en", "cannot solve"},
		{`{"matrix": [[1, 2], [3, 4]], "types": [1, 1], "method": "nope"}`, "zh", "无法求解"},
		{`{"matrix": [[1, 2]], "typo": 1}`, "en", "not valid mcda JSON"},
		{`not json`, "zh", "不是有效的"},
		{``, "en", "not valid"},
		{`{"matrix": [[1, 2], [3, 4]], "types": [1, 1], "method": "wsm"} {}`, "en", "extra data after the JSON value at line 1, column 64"},
		{`{"matrix": [[1, 2], [3, 4]], "types": [1, 1], "method": "wsm"}]`, "zh", "JSON 值在第 1 行第 63 列结束后还有多余内容"},
		{`{"matrix": [[1, 2], [3, 4]], "types": [1, 1], "method": "gra", "params": {"zeta": 0.3}}`, "en", `unknown JSON key "params.zeta" (known keys for normalize=none, weighting=equal, method=gra: rescale_weights, rho)`},
		{`{"matrix": [[1, 2], [3, 4]], "types": [1, 1], "method": "vikor", "params": {"V": 0.3}}`, "zh", "未知的 JSON 键 “params.V”（normalize=none, weighting=equal, method=vikor 可用的键：rescale_weights, v）"},
		{`{"matrix": [[1, 2], [3, 4]], "types": [1, 1], "method": "wsm", "weighting": "entropy", "options": {"correlation": "spearman"}}`, "en", `unknown JSON key "options.correlation" (normalize=none, weighting=entropy, method=wsm accepts no key)`},
		{`{"matrix": [[1, 2], [3, 4]], "types": [1, 1], "method": "wsm", "weighting": "ahp", "ahp": [[1, 3], [3, 1]]}`, "en", "reciprocal"},
	} {
		code, out, errOut := runStdin(c.in, "mcda", "-lang", c.lang)
		if code != exitData || out != "" || !strings.Contains(errOut, c.want) {
			t.Errorf("%s: exit %d, stdout %q, stderr %q (want %q)", c.in, code, out, errOut, c.want)
		}
	}
	if code, _, _ := runCLI("mcda", "a", "b"); code != exitUsage {
		t.Errorf("two files: exit %d", code)
	}
	if code, _, _ := runCLI("mcda", filepath.Join(t.TempDir(), "missing.json")); code != exitData {
		t.Errorf("missing file: exit %d", code)
	}
}

// TestAHPCommand: the closed-form matrix of scoring/mcda's TestAHPClosedForm
// (w = 0.636986, 0.258285, 0.104729 by the eigenvector, λ = 3.038511,
// CR = 0.037029 with the Chinese RI 0.52) in every input form.
func TestAHPCommand(t *testing.T) {
	inputs := map[string]string{
		"json":           `[[1, 3, 5], ["1/3", 1, 3], [0.2, "1/3", 1]]`,
		"csv":            "1,3,5\n1/3,1,3\n1/5,1/3,1\n",
		"csv-headers":    ",科技,人才,产业\n科技,1,3,5\n人才,1/3,1,3\n产业,1/5,1/3,1\n",
		"csv-header-row": "科技,人才,产业\n1,3,5\n1/3,1,3\n1/5,1/3,1\n",
		"csv-header-col": "科技,1,3,5\n人才,1/3,1,3\n产业,1/5,1/3,1\n",
		"tsv":            "1\t3\t5\n0.3333333333333333\t1\t3\n0.2\t0.3333333333333333\t1\n",
	}
	for name, in := range inputs {
		code, out, errOut := runStdin(in, "ahp", "-method", "eigenvector", "-ri", "chinese", "-json")
		if code != exitOK {
			t.Fatalf("%s: exit %d: %s", name, code, errOut)
		}
		var got ahpOutput
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for i, w := range []float64{0.636986, 0.258285, 0.104729} {
			if math.Abs(got.Weights[i]-w) > 1e-6 {
				t.Errorf("%s: w[%d] = %v, want %v", name, i, got.Weights[i], w)
			}
		}
		if math.Abs(got.LambdaMax-3.038511) > 1e-6 || math.Abs(got.CR-0.037029) > 1e-6 || got.RI != 0.52 {
			t.Errorf("%s: λ %v CR %v RI %v", name, got.LambdaMax, got.CR, got.RI)
		}
		if strings.Contains(name, "header") && (len(got.Names) != 3 || got.Names[1] != "人才") {
			t.Errorf("%s: names %v", name, got.Names)
		}
	}
	// text output, from a file
	f := filepath.Join(t.TempDir(), "m.csv")
	os.WriteFile(f, []byte(inputs["csv-headers"]), 0o644)
	code, out, _ := runCLI("ahp", f, "-lang", "zh")
	for _, want := range []string{"和积法", "人才", "λmax = 3.0", "CR = 0.0", "通过"} {
		if code != exitOK || !strings.Contains(out, want) {
			t.Errorf("text output lacks %q (exit %d):\n%s", want, code, out)
		}
	}
	// an inconsistent matrix: the verdict says so (exit 0)
	code, out, _ = runStdin("1,9,1/9\n1/9,1,9\n9,1/9,1", "ahp", "-lang", "en")
	if code != exitOK || !strings.Contains(out, "NOT acceptable") {
		t.Errorf("inconsistent: exit %d\n%s", code, out)
	}
}

func TestAHPCommandErrors(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"1,3\n3,1", "reciprocal"},
		{"1,2,3\n1/2,1", "square"},
		{"[[1, 2], [0.5]]", "square"},
		{"[[1, \"x\"], [1, 1]]", "cannot be read"},
		{"", "empty"},
		{"1,2\n1/2,x", "cannot be read"},
	} {
		code, out, errOut := runStdin(c.in, "ahp", "-lang", "en")
		if code != exitData || out != "" || !strings.Contains(errOut, c.want) {
			t.Errorf("%q: exit %d stdout %q stderr %q (want %q)", c.in, code, out, errOut, c.want)
		}
	}
	if code, _, errOut := runStdin("1,3\n1/3,1", "ahp", "-method", "magic"); code != exitData || !bytes.Contains([]byte(errOut), []byte("magic")) {
		t.Errorf("unknown method: exit %d %s", code, errOut)
	}
}

// TestScoreWeightingTables: recipes with the new weighting methods run on
// the sample, and their diagnostics are written as tables.
func TestScoreWeightingTables(t *testing.T) {
	dir := t.TempDir()
	for name, js := range map[string]string{
		"pca":         `{"method":"pca","pca":{"form":"composite"}}`,
		"combination": `{"method":"combination","combine":{"rule":"game-theory","bases":[{"method":"manual"},{"method":"entropy"}]}}`,
		"optimised":   `{"method":"manual","optimise":{"level":2,"type":"infomax"}}`,
	} {
		rf := filepath.Join(dir, name+".json")
		os.WriteFile(rf, []byte(`{"schema":"nqp-recipe/1","weights":`+js+`}`), 0o644)
		td := filepath.Join(dir, name)
		os.MkdirAll(td, 0o755)
		code, _, errOut := runCLI("score", "-sample", "-recipe", rf, "-tables", td, "-lang", "en")
		if code != exitOK {
			t.Fatalf("%s: exit %d: %s", name, code, errOut)
		}
		b, err := os.ReadFile(filepath.Join(td, name+".csv"))
		if err != nil || !bytes.Contains(b, []byte("tech_innovation")) && !bytes.Contains(b, []byte("rd_intensity")) {
			t.Errorf("%s.csv: %v\n%s", name, err, b)
		}
	}
}

// TestMCDANewNames: the COINr normalisers, the means and weighting
// combination run from `nqp mcda` and give mcda.Solve's answer.
func TestMCDANewNames(t *testing.T) {
	for _, req := range []string{
		`{"matrix": [[2, 1], [4, 3], [4, 2], [10, 5]], "types": [1, -1], "normalize": "dist2ref", "params": {"ref_row": 2, "cap_max": 1, "p": 2}, "method": "genmean"}`,
		`{"matrix": [[2, 1], [4, 3], [4, 2], [10, 5]], "types": [1, -1], "normalize": "goalposts", "vectors": {"goal_lower": [3, 1], "goal_upper": [9, 4]}, "method": "amean"}`,
		`{"matrix": [[2, 1], [4, 3], [4, 2], [10, 5]], "types": [1, -1], "normalize": "prank", "weighting": "combination", "options": {"bases": "entropy,expert", "rule": "linear"}, "vectors": {"expert": [3, 1]}, "params": {"alpha": 0.4}, "method": "wsm"}`,
		`{"matrix": [[2, 1], [4, 3], [4, 2], [10, 5]], "types": [1, -1], "normalize": "scaled", "params": {"scaled_lower": -10, "scaled_upper": 10, "scale_factor": 1}, "method": "hmean"}`,
	} {
		code, out, errOut := runStdin(req, "mcda")
		if code != exitOK {
			t.Fatalf("exit %d: %s\n%s", code, errOut, req)
		}
		var got mcda.Answer
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatalf("output is not JSON: %v\n%s", err, out)
		}
		var r mcda.Request
		if err := json.Unmarshal([]byte(req), &r); err != nil {
			t.Fatal(err)
		}
		want, err := mcda.Solve(r)
		if err != nil {
			t.Fatal(err)
		}
		for i := range want.Scores {
			if math.Abs(got.Scores[i]-want.Scores[i]) > 1e-15 || got.Ranks[i] != want.Ranks[i] {
				t.Errorf("%s: alternative %d: %v/%d, want %v/%d", r.Method, i, got.Scores[i], got.Ranks[i], want.Scores[i], want.Ranks[i])
			}
		}
	}
}

// TestMCDAConstantMatrixLang: entropy, SD and CV weights of a constant
// matrix fail with the whole explanation in the language asked for and
// nothing of the other language.
func TestMCDAConstantMatrixLang(t *testing.T) {
	for _, c := range []struct{ w, zh, en string }{
		{"entropy", "无法求解：熵值法：各指标的量之和不为正，无法得到权重（所有列都是常数？）\n", "cannot solve: entropy: the criteria's measures do not have a positive sum, so no weights can be formed (all columns constant?)\n"},
		{"sd", "无法求解：标准差法：各指标的量之和不为正，无法得到权重（所有列都是常数？）\n", "cannot solve: SD: the criteria's measures do not have a positive sum, so no weights can be formed (all columns constant?)\n"},
		{"cv", "无法求解：变异系数法：各指标的量之和不为正，无法得到权重（所有列都是常数？）\n", "cannot solve: CV: the criteria's measures do not have a positive sum, so no weights can be formed (all columns constant?)\n"},
	} {
		in := `{"matrix": [[1, 2], [1, 2], [1, 2]], "types": [1, 1], "weighting": "` + c.w + `", "method": "wsm"}`
		if code, _, errOut := runStdin(in, "mcda", "-lang", "zh"); code != exitData || errOut != c.zh {
			t.Errorf("%s zh: exit %d, %q", c.w, code, errOut)
		}
		if code, _, errOut := runStdin(in, "mcda", "-lang", "en"); code != exitData || errOut != c.en {
			t.Errorf("%s en: exit %d, %q", c.w, code, errOut)
		}
	}
}
