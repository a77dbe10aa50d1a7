package jsonx_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/nqp-index/nqp/scoring/diag"
	"github.com/nqp-index/nqp/scoring/jsonx"
)

type inner struct {
	Rho *float64 `json:"rho,omitempty"`
	V   float64  `json:"v"`
}

type extra struct {
	Num map[string]float64 `json:"params,omitempty"`
}

type outer struct {
	Method string           `json:"method"`
	Agg    inner            `json:"aggregate"`
	Specs  map[string]inner `json:"indicators"`
	List   []inner          `json:"bases"`
	Skip   int              `json:"-"`
	extra
}

func TestDecodeStrict(t *testing.T) {
	cases := []struct {
		in, path string
		known    string
		zh, en   string
	}{
		{in: `{"method":"gra","aggregate":{"rho":0.3,"zeta":1}}`, path: "aggregate.zeta", known: "rho, v"},
		{in: `{"indicators":{"x1":{"v":1,"zeta":2}}}`, path: "indicators.x1.zeta", known: "rho, v"},
		{in: `{"bases":[{"v":1},{"V":2}]}`, path: "bases[1].V", known: "rho, v"},
		{in: `{"Skip":1}`, path: "Skip", known: "aggregate, bases, indicators, method, params"},
		{in: `{"method":"a","method":"b"}`, path: "method", zh: "出现了两次", en: "appears twice"},
		{in: `{"method":"gra"} {"method":"vikor"}`, zh: "第 1 行第 18 列", en: "line 1, column 18"},
		{in: "{\"method\":\"gra\"}\n]", zh: "多余内容", en: "line 2, column 1"},
		{in: `{"aggregate":{"v":"x"}}`, zh: "“aggregate.v” 的值类型不对", en: `"aggregate.v" has a value of the wrong type: expected float64`},
		{in: "{\n \"method\": }", zh: "第 2 行第 12 列", en: "line 2, column 12"},
		{in: "  ", zh: "为空", en: "empty"},
		{in: `{"method":"gra"`, zh: "不完整", en: "ends unexpectedly"},
	}
	for _, c := range cases {
		var o outer
		err := jsonx.Decode([]byte(c.in), &o)
		if err == nil {
			t.Errorf("%s: accepted", c.in)
			continue
		}
		if c.path != "" {
			var ke *jsonx.KeyError
			if !errors.As(err, &ke) {
				t.Errorf("%s: %v is not a KeyError", c.in, err)
				continue
			}
			if ke.Path != c.path || (c.known != "" && strings.Join(ke.Known, ", ") != c.known) {
				t.Errorf("%s: path %q known %v, want %q [%s]", c.in, ke.Path, ke.Known, c.path, c.known)
			}
		}
		zh, en := diag.Message(err, "zh"), diag.Message(err, "en")
		if c.path != "" && (!strings.Contains(zh, "“"+c.path+"”") || !strings.Contains(en, `"`+c.path+`"`)) {
			t.Errorf("%s: the path is not named: %q / %q", c.in, zh, en)
		}
		if !strings.Contains(zh, c.zh) || !strings.Contains(en, c.en) {
			t.Errorf("%s: got %q / %q, want %q / %q", c.in, zh, en, c.zh, c.en)
		}
		if strings.ContainsAny(en, "的值类型不对出现未知") || strings.Contains(zh, "unknown") {
			t.Errorf("%s: languages mixed: %q / %q", c.in, zh, en)
		}
	}
}

func TestKeyErrorPosition(t *testing.T) {
	var o outer
	err := jsonx.Decode([]byte(`{"indicators":{"x1":{"v":1,"zeta":2}}}`), &o)
	if ke, ok := err.(*jsonx.KeyError); !ok || ke.Line != 1 || ke.Col != 28 {
		t.Errorf("%v", err)
	}
	err = jsonx.Decode([]byte("{\n  \"method\": \"gra\",\n  \"aggregate\": {\"rho\": 1,\n    \"zeta\": 1}}"), &o)
	if diag.Message(err, "en") != `unknown JSON key "aggregate.zeta" (known keys: rho, v) at line 4, column 5` ||
		diag.Message(err, "zh") != "未知的 JSON 键 “aggregate.zeta”（可用的键：rho, v）（第 4 行第 5 列）" {
		t.Errorf("%q / %q", diag.Message(err, "zh"), diag.Message(err, "en"))
	}
}

func TestDecodeAccepts(t *testing.T) {
	var o outer
	in := `{"method":"gra","aggregate":{"rho":0.25,"v":0.75},"indicators":{"a":{"v":2}},"bases":[{"rho":1}],"params":{"anything":3}}`
	if err := jsonx.Decode([]byte(in+"\n\t "), &o); err != nil {
		t.Fatal(err)
	}
	if o.Method != "gra" || *o.Agg.Rho != 0.25 || o.Agg.V != 0.75 || o.Specs["a"].V != 2 || *o.List[0].Rho != 1 || o.Num["anything"] != 3 {
		t.Errorf("decoded %+v", o)
	}
}

func TestUnknownKeyMessage(t *testing.T) {
	err := jsonx.UnknownKey("aggregate.params.zeta", []string{"rho", "reference"})
	if got := diag.Message(err, "en"); got != `unknown JSON key "aggregate.params.zeta" (known keys: reference, rho)` {
		t.Errorf("en: %s", got)
	}
	if got := diag.Message(err, "zh"); got != "未知的 JSON 键 “aggregate.params.zeta”（可用的键：reference, rho）" {
		t.Errorf("zh: %s", got)
	}
	if ke := err.(*jsonx.KeyError); ke.Key != "zeta" {
		t.Errorf("key %q", ke.Key)
	}
}
