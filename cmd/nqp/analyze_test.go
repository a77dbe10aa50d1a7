package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestAnalyzeEveryAnalysis(t *testing.T) {
	for _, c := range []struct {
		what string
		want []string
	}{
		{"coupling", []string{"耦合协调度", "协调类型", "滞后子系统"}},
		{"obstacle", []string{"障碍因子 1"}},
		{"gini", []string{"Dagum", "超变密度贡献率", "东北"}},
		{"theil", []string{"泰尔指数 T", "组间"}},
		{"kde", []string{"核密度", "带宽"}},
		{"markov", []string{"马尔可夫", "稳态"}},
		{"convergence", []string{"σ 收敛", "半衰期", "全部", "东部"}},
		{"moran", []string{"Moran", "象限"}},
		{"ua", []string{"不确定性分析", "Q95"}},
		{"sa", []string{"敏感性分析", "STi"}},
		{"remove", []string{"平均绝对排名变化"}},
	} {
		code, out, errOut := runCLI("analyze", "-sample", "-what", c.what, "-lang", "zh", "-n", "20")
		if code != exitOK {
			t.Errorf("%s: exit %d: %s", c.what, code, errOut)
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(out, w) {
				t.Errorf("%s: output lacks %q", c.what, w)
			}
		}
	}
}

func TestAnalyzeOutputs(t *testing.T) {
	dir := t.TempDir()
	js := filepath.Join(dir, "m.json")
	if code, _, e := runCLI("analyze", "-sample", "-what", "markov", "-spatial", "-o", js, "-lang", "en"); code != exitOK {
		t.Fatalf("exit %d: %s", code, e)
	}
	var doc struct {
		Analysis string
		Tables   []struct {
			Name string
			Rows [][]any
		}
	}
	b, _ := os.ReadFile(js)
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Analysis != "markov" || len(doc.Tables) != 5 || doc.Tables[1].Name != "markov_lag1" {
		t.Errorf("spatial Markov JSON: %s, %d tables", doc.Analysis, len(doc.Tables))
	}
	csv := filepath.Join(dir, "g.csv")
	if code, _, e := runCLI("analyze", "-sample", "-what", "gini", "-groups", "region3", "-o", csv, "-lang", "en"); code != exitOK {
		t.Fatalf("exit %d: %s", code, e)
	}
	if b, _ := os.ReadFile(csv); !strings.Contains(string(b), "Gnb") {
		t.Error("CSV lacks the Dagum table")
	}
	// deterministic for a seed
	_, a1, _ := runCLI("analyze", "-sample", "-what", "ua", "-n", "30", "-seed", "9")
	_, a2, _ := runCLI("analyze", "-sample", "-what", "ua", "-n", "30", "-seed", "9")
	if a1 != a2 {
		t.Error("ua output differs between two runs with the same seed")
	}
}

func TestAnalyzeErrors(t *testing.T) {
	if code, _, _ := runCLI("analyze", "-sample"); code != exitUsage {
		t.Errorf("missing -what: exit %d", code)
	}
	if code, _, _ := runCLI("analyze", "-sample", "-what", "nonsense"); code != exitUsage {
		t.Errorf("unknown analysis: exit %d", code)
	}
	code, _, e := runCLI("analyze", "-sample", "-what", "gini", "-groups", "nosuchcolumn", "-lang", "en")
	if code == exitOK || e == "" {
		t.Errorf("unknown group column: exit %d, %q", code, e)
	}
}
