package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestInspectColumnTable: nqp inspect lists every column of the file with
// its use, or why it is not used, in Chinese and English; with a
// framework, the columns it does not name are "not in the framework".
func TestInspectColumnTable(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "county.csv")
	os.WriteFile(data, []byte("地区,年份,年度,GDP,专利,区域,人口,能耗\n"+
		"北京,2020,2020,3.6,暂无,东部,,1.1\n上海,2020,2020,3.9,暂无,东部,,1.2\n"+
		"北京,2021,2021,4.0,5,东部,,1.3\n上海,2021,2021,4.3,未统计,东部,,1.5\n"), 0o644)
	code, out, errOut := runCLI("inspect", data, "-lang", "en")
	if code != exitOK {
		t.Fatalf("exit %d: %s%s", code, out, errOut)
	}
	// One line per column: number, name, use and note, in file order.
	want := []string{
		`1 +地区 +unit`,
		`2 +年份 +period`,
		`3 +年度 +not used +named like a period or holding years; never an indicator`,
		`4 +GDP +indicator`,
		`5 +专利 +not used +3 of 4 cells are not numbers \(first at row 2: "暂无"\)`,
		`6 +区域 +group \(text column\)`,
		`7 +人口 +not used +all cells are missing`,
		`8 +能耗 +indicator`,
	}
	if !strings.Contains(out, "columns (8, 3 not used):") {
		t.Errorf("no column table header:\n%s", out)
	}
	last := -1
	for _, w := range want {
		loc := regexp.MustCompile(`(?m)^ *` + w + ` *$`).FindStringIndex(out)
		if loc == nil || loc[0] < last {
			t.Errorf("output lacks the line %q (in order):\n%s", w, out)
			continue
		}
		last = loc[0]
	}
	code, out, _ = runCLI("inspect", data, "-lang", "zh")
	for _, w := range []string{"各列用途（8 列，3 列未使用）", "5  专利  未使用          4 个单元格中有 3 个不是数字（首个在第 2 行：“暂无”）", "分组（文本列）"} {
		if code != exitOK || !strings.Contains(out, w) {
			t.Errorf("zh output lacks %q:\n%s", w, out)
		}
	}

	// A framework naming GDP only: 能耗 is not in it.
	meta := filepath.Join(dir, "meta.csv")
	os.WriteFile(meta, []byte("一级指标,三级指标,代码,属性\n经济,GDP,GDP,正向\n"), 0o644)
	code, out, errOut = runCLI("inspect", data, "-meta", meta, "-lang", "en", "-json")
	if code != exitOK {
		t.Fatalf("exit %d: %s%s", code, out, errOut)
	}
	var res struct {
		Columns []struct {
			Column       int
			Name, Use    string
			Reason, Text string
			Bad, Filled  int
		} `json:"columns"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("%v:\n%s", err, out)
	}
	if len(res.Columns) != 8 {
		t.Fatalf("%d columns in JSON: %+v", len(res.Columns), res.Columns)
	}
	if c := res.Columns[7]; c.Name != "能耗" || c.Use != "unused" || c.Reason != "not-in-framework" {
		t.Errorf("能耗: %+v", c)
	}
	if c := res.Columns[3]; c.Name != "GDP" || c.Use != "indicator" || c.Reason != "" {
		t.Errorf("GDP: %+v", c)
	}
	if c := res.Columns[4]; c.Reason != "not-numbers" || c.Bad != 3 || c.Filled != 4 || c.Text != "暂无" {
		t.Errorf("专利: %+v", c)
	}
}
