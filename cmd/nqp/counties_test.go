package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A county file is read as counties (not "n 个地区名称无法识别"): 嘉善 and
// 330421 are 嘉善县, 朝阳区 is told apart by the province column, 襄樊 is
// 襄阳市 through -former, and -groups prefecture ranks within 嘉兴市/湖州市.
func TestScoreCounties(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "c.csv")
	former := filepath.Join(dir, "former.csv")
	csv := "县区,省份,年份,x,y\n嘉善,浙江,2022,1,2\n平湖市,浙江,2022,2,1\n德清县,浙江,2022,3,3\n朝阳区,北京,2022,4,5\n朝阳区,吉林,2022,5,4\n襄樊,湖北,2022,6,6\n330421,,2023,2,2\n平湖市,浙江,2023,3,2\n德清县,浙江,2023,1,1\n朝阳区,北京,2023,5,5\n朝阳区,吉林,2023,4,4\n襄樊,湖北,2023,6,6\n"
	if err := os.WriteFile(data, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(former, []byte("曾用名,现名\n襄樊,襄阳\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCLI("score", data, "-former", former, "-groups", "prefecture", "-lang", "zh")
	if code != 0 {
		t.Fatalf("exit %d\n%s\n%s", code, out, errOut)
	}
	for _, want := range []string{"330421    嘉善县", "330482    平湖市", "330521    德清县", "110105    朝阳区  北京市", "220104    朝阳区  长春市", "420600    襄阳市  襄阳市"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(errOut, "无法识别") {
		t.Errorf("units not recognised:\n%s", errOut)
	}
	// a bad mapping names its line
	if err := os.WriteFile(former, []byte("襄樊,襄阳\n襄樊,襄州\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut = runCLI("score", data, "-former", former, "-lang", "en")
	if code != 1 || !strings.Contains(errOut, `line 2: "襄樊" was already mapped on line 1`) {
		t.Errorf("bad mapping: exit %d\n%s", code, errOut)
	}
}
