package job

import (
	"errors"
	"strings"
	"testing"

	"github.com/nqp-index/nqp/scoring/diag"
	"github.com/nqp-index/nqp/scoring/pipeline"
	"github.com/nqp-index/nqp/scoring/sample"
)

func TestRunSample(t *testing.T) {
	out, err := Run(Spec{DataName: sample.TechmePanelName, Data: sample.TechmePanelCSV(), Template: "drivers", Recipe: pipeline.Default()})
	if err != nil {
		t.Fatal(err)
	}
	if len(out.Result.Units) != 31 || len(out.Match.Present) != 7 || len(out.Match.Missing) != 9 {
		t.Errorf("units %d, present %d, missing %d", len(out.Result.Units), len(out.Match.Present), len(out.Match.Missing))
	}
	// The result's report holds the job's problems too (matching, ingest).
	found := false
	for _, p := range out.Result.Report.Problems {
		if p.Code == "indicators-missing" {
			found = true
		}
	}
	if !found {
		t.Error("the result's report lacks the matching warning")
	}
}

func TestRunFlatAndErrors(t *testing.T) {
	data := []byte("地区,年份,a,b\n北京,2020,1,4\n上海,2020,2,5\n广东,2020,3,9\n")
	out, err := Run(Spec{DataName: "x.csv", Data: data, Recipe: pipeline.Default()})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(out.Result.Indicators, ","); got != "a,b" {
		t.Errorf("flat indicators %s", got)
	}
	_, err = Run(Spec{DataName: "x.csv", Data: data, Template: "nope", Recipe: pipeline.Default()})
	var re *diag.ReportError
	if !errors.As(err, &re) || !strings.Contains(err.Error(), "nope") {
		t.Errorf("unknown template: %v", err)
	}
	_, err = Run(Spec{DataName: "x.csv", Data: data, Template: "drivers", Recipe: pipeline.Default()})
	if err == nil || !strings.Contains(err.Error(), "none of the framework") {
		t.Errorf("no match: %v", err)
	}
	out, err = Run(Spec{DataName: "empty.csv", Recipe: pipeline.Default()})
	if err == nil || out.Panel != nil || !out.Report.HasErrors() {
		t.Errorf("empty file: %v", err)
	}
	_, err = Run(Spec{DataName: "x.csv", Data: data, FrameworkName: "fw.csv", FrameworkData: []byte("code,name,dimension,direction,weight\na,A,D1,+,1\na,B,D1,+,1\n"), Recipe: pipeline.Default()})
	if err == nil || !strings.Contains(err.Error(), "fw.csv") {
		t.Errorf("duplicate code in framework file: %v", err)
	}
}
