package framework

import (
	"strings"
	"testing"
)

// ratioWords mark a name as a ratio, a rate or a per-head or per-unit
// figure (not an absolute amount).
var (
	ratioWords  = []string{"比重", "占", "每", "率", "人均", "强度", "密度", "单位", "万元", "比例", "平均", "年限", "渗透", "/"}
	ratioTokens = []string{"share", "per", "ratio", "rate", "intensity", "density", "average", "pct", "percent",
		"penetration", "coverage", "years"}
)

func isRatioName(s string) bool {
	s = strings.ToLower(s)
	for _, w := range ratioWords {
		if strings.Contains(s, w) {
			return true
		}
	}
	for _, t := range strings.FieldsFunc(s, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9') }) {
		for _, w := range ratioTokens {
			if t == w {
				return true
			}
		}
	}
	return false
}

// TestTemplateRatioAliases checks that no ratio indicator of a built-in
// template matches a column holding an absolute amount: every alias of
// an indicator whose name is a ratio is itself named as a ratio. An
// indicator offered as alternatives ("战略性新兴产业增加值占比 / 高新技术企业数")
// is a ratio only if every alternative is.
func TestTemplateRatioAliases(t *testing.T) {
	for _, info := range Templates() {
		f, err := Template(info.Name)
		if err != nil {
			t.Fatal(err)
		}
		for _, code := range f.Leaves() {
			n := f.Node(code)
			ratio := true
			for _, alt := range strings.Split(n.NameZh, " / ") {
				ratio = ratio && isRatioName(alt)
			}
			if !ratio {
				continue
			}
			for _, a := range n.Aliases {
				if !isRatioName(a) {
					t.Errorf("%s: ratio indicator %s (%s) has the absolute alias %q", info.Name, code, n.NameZh, a)
				}
			}
		}
	}
}
