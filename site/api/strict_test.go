package api

import (
	"encoding/base64"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

// TestStrictJSONBody: the Worker API's JSON body and the recipe inside it
// are read strictly, and the error's zh and en parts are each in one
// language.
func TestStrictJSONBody(t *testing.T) {
	data := base64.StdEncoding.EncodeToString([]byte("地区,年份,a,b\n北京,2020,1,2\n天津,2020,3,1\n"))
	body := `{"data":{"name":"d.csv","base64":"` + data + `"}`
	cases := []struct {
		in, code, zh, en string
	}{
		{body + `} {"preset":"coinr"}`, "bad-request", "请求无法解析：JSON 值在第 1 行第 ", "cannot read the request: extra data after the JSON value at line 1, column "},
		{body + `,"data2":1}`, "bad-request", "请求无法解析：未知的 JSON 键 “data2”", `cannot read the request: unknown JSON key "data2"`},
		{body + `,"framework":{"name":"f.json","base64":"","bytes":3}}`, "bad-request", "未知的 JSON 键 “framework.bytes”", `unknown JSON key "framework.bytes"`},
		{body + `,"recipe":{"aggregate":{"method":"vikor","rho":0.2}}}`, "bad-recipe",
			"配方有误：无法读取配方 JSON：未知的 JSON 键 “aggregate.rho”（aggregate.method vikor 可用的键：method, min_share, scale, scope, v）",
			`invalid recipe: cannot read recipe JSON: unknown JSON key "aggregate.rho" (known keys for aggregate.method vikor: method, min_share, scale, scope, v)`},
	}
	for _, c := range cases {
		rec := do(t, Handler(), "POST", "/api/v1/score", "application/json", strings.NewReader(c.in))
		var e Error
		if err := json.Unmarshal(rec.Body.Bytes(), &e); err != nil || rec.Code != http.StatusBadRequest {
			t.Errorf("%s: %d %s", c.in, rec.Code, rec.Body)
			continue
		}
		if e.Code != c.code || !strings.Contains(e.Zh, c.zh) || !strings.Contains(e.En, c.en) || strings.Contains(e.Zh, "unknown") || strings.Contains(e.En, "未知") {
			t.Errorf("%s: %+v", c.in, e)
		}
	}
}
