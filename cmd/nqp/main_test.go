package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func runCLI(args ...string) (code int, stdout, stderr string) {
	var o, e bytes.Buffer
	code = run(args, &o, &e)
	return code, o.String(), e.String()
}

func TestScoreSample(t *testing.T) {
	code, out, errOut := runCLI("score", "-sample", "-lang", "zh")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	// 14 years × 31 provinces, plus headers and the weights table.
	lines := strings.Split(out, "\n")
	n := 0
	for _, l := range lines {
		if strings.HasPrefix(l, "2023 ") {
			n++
		}
	}
	if n != 31 {
		t.Errorf("%d rows for 2023, want 31", n)
	}
	for _, want := range []string{"新质生产力指数", "科技创新", "组内排名", "综合权重", "北京", "西藏"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	if !strings.Contains(errOut, "2000") || !strings.Contains(errOut, "已排除") {
		t.Errorf("stderr should report the screened-out year 2000: %s", errOut)
	}
}

func TestScoreOutputsDeterministic(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.json"), filepath.Join(dir, "b.json")
	for _, f := range []string{a, b} {
		if code, _, e := runCLI("score", "-sample", "-o", f); code != exitOK {
			t.Fatalf("exit %d: %s", code, e)
		}
	}
	ja, _ := os.ReadFile(a)
	jb, _ := os.ReadFile(b)
	if !bytes.Equal(ja, jb) || !bytes.Contains(ja, []byte(`"schema": "nqp-recipe/1"`)) {
		t.Error("JSON output not deterministic or lacks the recipe")
	}
	x := filepath.Join(dir, "r.xlsx")
	if code, _, e := runCLI("score", "-sample", "-o", x); code != exitOK {
		t.Fatalf("exit %d: %s", code, e)
	}
	f, err := excelize.OpenFile(x)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheets := strings.Join(f.GetSheetList(), ",")
	for _, s := range []string{"scores", "weights", "entropy", "normalised", "raw", "problems", "recipe"} {
		if !strings.Contains(sheets, s) {
			t.Errorf("xlsx lacks sheet %s (has %s)", s, sheets)
		}
	}
	c := filepath.Join(dir, "s.csv")
	if code, _, e := runCLI("score", "-sample", "-o", c); code != exitOK {
		t.Fatalf("exit %d: %s", code, e)
	}
	cb, _ := os.ReadFile(c)
	if !bytes.HasPrefix(cb, []byte("\ufeff")) {
		t.Error("CSV lacks the BOM")
	}
	if _, err := os.Stat(filepath.Join(dir, "s.recipe.json")); err != nil {
		t.Error("CSV output lacks its recipe file")
	}
}

func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.csv")
	os.WriteFile(bad, []byte("地区,年份,x\n北京,2020,1\n上海,2020,abc\n广东,2020,\n"), 0o644)
	empty := filepath.Join(dir, "empty.csv")
	os.WriteFile(empty, nil, 0o644)
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{}, exitUsage, ""},
		{[]string{"frobnicate"}, exitUsage, "frobnicate"},
		{[]string{"score"}, exitUsage, "nqp score"},
		{[]string{"score", "-sample", "-weights", "magic"}, exitUsage, "magic"},
		{[]string{"score", "-sample", "-template", "nope"}, exitData, "nope"},
		{[]string{"score", filepath.Join(dir, "missing.csv"), "-lang", "en"}, exitData, "cannot open"},
		{[]string{"score", empty, "-lang", "en"}, exitData, "empty.csv"},
		{[]string{"inspect", bad, "-lang", "zh"}, exitOK, "第 3 行"},
		{[]string{"help"}, exitOK, "nqp score"},
		{[]string{"recipe"}, exitOK, "nqp-recipe/1"},
		{[]string{"templates", "-lang", "en"}, exitOK, "drivers"},
	}
	for _, c := range cases {
		code, out, errOut := runCLI(c.args...)
		if code != c.code {
			t.Errorf("%v: exit %d, want %d (%s%s)", c.args, code, c.code, out, errOut)
		}
		if c.want != "" && !strings.Contains(out+errOut, c.want) {
			t.Errorf("%v: output lacks %q:\n%s%s", c.args, c.want, out, errOut)
		}
	}
}

func TestScoreCOINrPresetFlags(t *testing.T) {
	// z-score + CRITIC + geometric mean cannot work (negative values): a data error naming the fix.
	code, _, errOut := runCLI("score", "-sample", "-normalise", "zscore", "-aggregate", "gmean", "-lang", "en")
	if code != exitData || !strings.Contains(errOut, "positive values") {
		t.Errorf("exit %d: %s", code, errOut)
	}
	code, out, errOut := runCLI("score", "-sample", "-weights", "critic", "-periods", "2022,2023", "-groups", "none", "-lang", "en")
	if code != exitOK || !strings.Contains(out, "2022") || strings.Contains(out, "2021 ") {
		t.Errorf("exit %d: %s %s", code, out, errOut)
	}
}
