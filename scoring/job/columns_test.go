package job

import (
	"testing"

	"github.com/nqp-index/nqp/scoring/framework"
	"github.com/nqp-index/nqp/scoring/ingest"
	"github.com/nqp-index/nqp/scoring/ingest/detect"
)

// TestRunMarksColumnsNotInFramework: after matching, the columns that no
// indicator of the framework names are "not in the framework" in the
// ingest's column uses; the matched one stays an indicator.
func TestRunMarksColumnsNotInFramework(t *testing.T) {
	d := &ingest.Detected{}
	fw := &framework.Framework{Nodes: []framework.Node{
		{Code: "Index", NameZh: "指数", NameEn: "Index", Weight: 1},
		{Code: "GDP", Parent: "Index", Weight: 1},
	}}
	s := Spec{DataName: "d.csv", Data: []byte("地区,年份,GDP,能耗\n北京,2020,1,3\n上海,2020,2,4\n"),
		Ingest: ingest.Options{Detected: d}, Framework: fw}
	if _, err := Run(s); err != nil {
		t.Fatal(err)
	}
	want := map[string][2]string{
		"地区": {detect.UseUnit, ""}, "年份": {detect.UsePeriod, ""},
		"GDP": {detect.UseIndicator, ""}, "能耗": {detect.UseUnused, detect.ReasonNotInFramework},
	}
	if len(d.Columns) != len(want) {
		t.Fatalf("column uses %+v", d.Columns)
	}
	for _, u := range d.Columns {
		if w := want[u.Name]; u.Use != w[0] || u.Reason != w[1] {
			t.Errorf("%s: %s/%s, want %s/%s", u.Name, u.Use, u.Reason, w[0], w[1])
		}
	}
}
