package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestScoreLangWholeMessage: a failing weighting (PCA on a constant
// column) and a faulty recipe are explained completely in the language
// asked for, with no word of the other language.
func TestScoreLangWholeMessage(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "d.csv")
	os.WriteFile(data, []byte("地区,年份,a,b,c\n北京,2020,1,5,2\n天津,2020,1,5,3\n河北,2020,1,5,4\n"), 0o644)
	write := func(name, s string) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(s), 0o644)
		return p
	}
	pca := write("r1.json", `{"weights":{"method":"pca"}}`)
	trailing := write("r2.json", `{"weights":{"method":"pca"}}`+"\n"+`{"weights":{"method":"critic"}}`)
	unknown := write("r3.json", `{"aggregate":{"method":"gra","zeta":0.3}}`)
	latin := regexp.MustCompile(`[A-Za-z]{4,}`)
	han := regexp.MustCompile(`\p{Han}`)
	for _, c := range []struct {
		recipe, zh, en string
	}{
		{pca, "错误：权重计算失败：第 1 列为常数，相关系数无定义，无法做主成分分析\n",
			"error: the weights cannot be computed: column 1 is constant; its correlations are undefined, so PCA cannot run\n"},
		{trailing, ": 无法读取配方 JSON：JSON 值在第 2 行第 1 列结束后还有多余内容（只能有一个 JSON 值）\n",
			": cannot read recipe JSON: extra data after the JSON value at line 2, column 1 (only one value is allowed)\n"},
		{unknown, ": 无法读取配方 JSON：未知的 JSON 键 “aggregate.zeta”（可用的键：entropy_shift, grade, method, min_share, p, ref_period, reference, rho, scale, scope, strict_na, topsis_normalize, v, weights_in）（第 1 行第 30 列）\n",
			`: cannot read recipe JSON: unknown JSON key "aggregate.zeta" (known keys: entropy_shift, grade, method, min_share, p, ref_period, reference, rho, scale, scope, strict_na, topsis_normalize, v, weights_in) at line 1, column 30` + "\n"},
	} {
		_, _, zh := runCLI("score", data, "-recipe", c.recipe, "-lang", "zh")
		_, _, en := runCLI("score", data, "-recipe", c.recipe, "-lang", "en")
		if !strings.HasSuffix(zh, c.zh) {
			t.Errorf("%s zh: %q, want the end %q", filepath.Base(c.recipe), zh, c.zh)
		}
		if !strings.HasSuffix(en, c.en) {
			t.Errorf("%s en: %q, want the end %q", filepath.Base(c.recipe), en, c.en)
		}
		// no English word in the Chinese output (file names, codes and
		// JSON keys aside), no Chinese character in the English one
		zhText := strings.NewReplacer("JSON", "", "PCA", "", dir, "", "entropy_shift", "", "grade", "", "method", "", "min_share", "", "ref_period", "",
			"reference", "", "scale", "", "scope", "", "strict_na", "", "topsis_normalize", "", "weights_in", "", "aggregate", "", "zeta", "", ".json", "").Replace(zh)
		if w := latin.FindString(zhText); w != "" {
			t.Errorf("%s zh holds the English %q: %s", filepath.Base(c.recipe), w, zh)
		}
		if h := han.FindString(strings.NewReplacer("地区", "", "年份", "").Replace(en)); h != "" {
			t.Errorf("%s en holds the Chinese %q: %s", filepath.Base(c.recipe), h, en)
		}
	}
}
