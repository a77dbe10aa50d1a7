package region_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/nqp-index/nqp/scoring/region"
)

// TestReadFormerNamesJSONStrict: a former name given twice in the JSON
// form, or data after the object, is an error with its line (encoding/json
// alone keeps the last mapping silently).
func TestReadFormerNamesJSONStrict(t *testing.T) {
	for _, c := range []struct {
		in     string
		line   int
		zh, en string
	}{
		{"{\"襄樊\": \"襄阳\",\n \"襄樊\": \"襄阳市\"}", 2, "JSON 键 “襄樊” 出现了两次", `JSON key "襄樊" appears twice`},
		{"{\"襄樊\": \"襄阳\"}\n}", 2, "多余内容", "extra data after the JSON value at line 2, column 1"},
	} {
		_, err := region.ReadFormerNames(strings.NewReader(c.in))
		var e *region.Error
		if !errors.As(err, &e) || e.Line != c.line || !strings.Contains(e.Zh, c.zh) || !strings.Contains(e.En, c.en) || strings.Contains(e.En, "两次") {
			t.Errorf("%q: %v", c.in, err)
		}
	}
	m, err := region.ReadFormerNames(strings.NewReader(`{"襄樊": "襄阳", "思茅": "普洱"}`))
	if err != nil || m["襄樊"] != "襄阳" || m["思茅"] != "普洱" {
		t.Errorf("%v %v", m, err)
	}
}
