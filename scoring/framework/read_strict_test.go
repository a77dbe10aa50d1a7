package framework

import (
	"strings"
	"testing"
)

// TestReadJSONStrict: a framework JSON with an unknown key (at any depth),
// a duplicated key or a second value is an error naming the key's path and
// its line and column, in two separate languages.
func TestReadJSONStrict(t *testing.T) {
	cases := []struct {
		in       string
		row, col int
		zh, en   string
	}{
		{"{\"nodes\": [\n {\"code\": \"x\", \"weight\": 1, \"direction\": {\"kind\": \"positive\"}, \"wieght\": 2}]}", 2, 64,
			"未知的 JSON 键 “nodes[0].wieght”（可用的键：aliases, code, denominator, direction, direction_guessed, name_en, name_zh, parent, target, unit, weight）",
			`unknown JSON key "nodes[0].wieght" (known keys: aliases, code, denominator, direction, direction_guessed, name_en, name_zh, parent, target, unit, weight)`},
		{"[{\"code\": \"x\", \"weight\": 1, \"direction\": {\"kind\": \"positive\", \"best\": 1, \"bset\": 2}}]", 1, 74,
			"未知的 JSON 键 “[0].direction.bset”", `unknown JSON key "[0].direction.bset"`},
		{"{\"name\": \"a\", \"name\": \"b\", \"nodes\": []}", 1, 15, "JSON 键 “name” 出现了两次", `JSON key "name" appears twice`},
		{"{\"nodes\": [{\"code\": \"x\", \"weight\": 1}]}\n{\"nodes\": []}", 2, 1, "结束后还有多余内容", "extra data after the JSON value at line 2, column 1"},
	}
	for _, c := range cases {
		_, rep, err := Read("f.json", []byte(c.in))
		if err == nil || len(rep.Problems) == 0 {
			t.Errorf("%q: accepted", c.in)
			continue
		}
		p := rep.Problems[0]
		if p.Code != CodeJSONSyntax || p.Row != c.row || p.Col != c.col || !strings.Contains(p.Zh, c.zh) || !strings.Contains(p.En, c.en) ||
			strings.Contains(p.Zh, "unknown") || strings.Contains(p.En, "未知") {
			t.Errorf("%q: %+v", c.in, p)
		}
	}
}
