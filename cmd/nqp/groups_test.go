package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Without -groups, county units are ranked within their prefecture and
// Dagum's Gini is decomposed by prefecture; -groups region4 is kept.
func TestCountyGroupsDefault(t *testing.T) {
	data := filepath.Join(t.TempDir(), "c.csv")
	csv := "县区,年份,x,y\n嘉善,2023,1,2\n平湖市,2023,2,1\n德清县,2023,3,3\n长兴县,2023,4,5\n"
	if err := os.WriteFile(data, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCLI("score", data, "-lang", "zh")
	if code != 0 {
		t.Fatalf("exit %d\n%s\n%s", code, out, errOut)
	}
	for _, want := range []string{"330522    长兴县  湖州市         1", "330421    嘉善县  嘉兴市         2"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	code, out, _ = runCLI("score", data, "-groups", "region4", "-lang", "zh")
	if code != 0 || !strings.Contains(out, "长兴县  东部") {
		t.Errorf("-groups region4: exit %d\n%s", code, out)
	}
	code, out, errOut = runCLI("analyze", data, "-what", "gini", "-lang", "zh")
	if code != 0 || !strings.Contains(out, "湖州市") || !strings.Contains(out, "嘉兴市") {
		t.Errorf("analyze gini: exit %d\n%s\n%s", code, out, errOut)
	}
}
