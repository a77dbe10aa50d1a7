package docs

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestGenerate: every page exists in both languages, has no script or
// inline style (the CSP forbids both), typesets formulas in MathML, and
// every internal link points at a generated page or file.
func TestGenerate(t *testing.T) {
	dist := t.TempDir()
	urls, err := Generate("../..", dist)
	if err != nil {
		t.Fatal(err)
	}
	exists := func(u string) bool {
		p := filepath.Join(dist, filepath.FromSlash(u))
		if strings.HasSuffix(u, "/") {
			p = filepath.Join(p, "index.html")
		}
		_, err := os.Stat(p)
		return err == nil
	}
	for _, lang := range Langs {
		for _, p := range []string{"", "start/", "data/", "methods/", "methods/weights/", "methods/recipe/", "frameworks/", "privacy/", "changelog/"} {
			u := "/docs/" + lang + "/" + p
			if !exists(u) {
				t.Errorf("%s is missing", u)
			}
		}
	}
	href := regexp.MustCompile(`(?:href|src)="(/[^"#]*)`)
	for _, u := range urls {
		if !exists(u) {
			t.Errorf("listed %s is missing", u)
		}
		if !strings.HasSuffix(u, "/") {
			continue
		}
		b, _ := os.ReadFile(filepath.Join(dist, filepath.FromSlash(u), "index.html"))
		s := string(b)
		if strings.Contains(s, "<script") || strings.Contains(s, " style=") || strings.Contains(s, "http://") || strings.Contains(s, "https://") {
			t.Errorf("%s has a script, an inline style or an external URL", u)
		}
		for _, m := range href.FindAllStringSubmatch(s, -1) {
			l := m[1]
			if l == "/" || strings.HasPrefix(l, "/web/") {
				continue
			}
			if !exists(l) {
				t.Errorf("%s links to missing %s", u, l)
			}
		}
	}
	w, _ := os.ReadFile(filepath.Join(dist, "docs", "en", "methods", "weights", "index.html"))
	if n := strings.Count(string(w), "<math"); n < 10 {
		t.Errorf("weights page has %d MathML formulas", n)
	}
	if strings.Contains(string(w), "## 中文") || strings.Contains(string(w), "组合赋权") {
		t.Errorf("the English weights page contains the Chinese section")
	}
	if _, err := os.Stat(filepath.Join(dist, "404.html")); err != nil {
		t.Error(err)
	}
}

func TestMathML(t *testing.T) {
	got := MathML("w_j = d_j/Σ_k d_k")
	want := `<math display="inline"><mrow><msub><mi>w</mi><mrow><mi>j</mi></mrow></msub><mo>=</mo><msub><mi>d</mi><mrow><mi>j</mi></mrow></msub><mo>/</mo><msub><mo>Σ</mo><mrow><mi>k</mi></mrow></msub><msub><mi>d</mi><mrow><mi>k</mi></mrow></msub></mrow></math>`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if g := mathify("<p>λ^{1/n} and <code>e = −k Σ p ln p</code> and <code>na.rm = TRUE</code></p>"); !strings.Contains(g, "<msup><mi>λ</mi>") || !strings.Contains(g, "<mi>ln</mi>") || !strings.Contains(g, "<code>na.rm = TRUE</code>") {
		t.Errorf("mathify: %s", g)
	}
}

// TestAnchors: headings and table rows get the ids formula links use.
func TestAnchors(t *testing.T) {
	h, err := render("## select · 选择\n\n### 2. 插补 `impute`\n\n| `method` | b |\n|---|---|\n| `mean` | x |\n| `median` `x` | y |\n| text `no` | z |\n\n### 1. Methods\n\n### 3. 汇总 `impute`\n", "zh")
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"select", "impute", "impute-mean", "impute-median", "sec-1", "impute-2"} {
		if !strings.Contains(h, ` id="`+id+`"`) {
			t.Errorf("no id %q in %s", id, h)
		}
	}
	for _, id := range []string{"impute-method", "impute-no", "impute-text"} {
		if strings.Contains(h, ` id="`+id+`"`) {
			t.Errorf("unexpected id %q", id)
		}
	}
}
