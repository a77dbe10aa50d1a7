package diag_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/nqp-index/nqp/scoring/diag"
)

func TestErrorfKeepsLanguagesApart(t *testing.T) {
	inner := diag.Errorf("熵值法：各指标的量之和不为正", "entropy: the measures do not have a positive sum")
	err := diag.Errorf("组合赋权的第 %d 种基础方法：%v", "base %d of the combination: %v", 2, inner)
	if got := diag.Message(err, "zh"); got != "组合赋权的第 2 种基础方法：熵值法：各指标的量之和不为正" {
		t.Errorf("zh: %s", got)
	}
	if got := diag.Message(err, "en"); got != "base 2 of the combination: entropy: the measures do not have a positive sum" {
		t.Errorf("en: %s", got)
	}
	if got := err.Error(); got != "组合赋权的第 2 种基础方法：熵值法：各指标的量之和不为正 / base 2 of the combination: entropy: the measures do not have a positive sum" {
		t.Errorf("Error: %s", got)
	}
	if !errors.Is(err, inner) {
		t.Error("the argument error is not the cause")
	}
	w := diag.Wrap(err, "无法求解：", "cannot solve: ")
	if diag.Message(w, "zh") != "无法求解：组合赋权的第 2 种基础方法：熵值法：各指标的量之和不为正" || diag.Message(w, "en") != "cannot solve: base 2 of the combination: entropy: the measures do not have a positive sum" {
		t.Errorf("Wrap: %q", w.Error())
	}
	if diag.Wrap(nil, "a", "b") != nil {
		t.Error("Wrap(nil) is not nil")
	}
	plain := fmt.Errorf("disk full")
	if diag.Message(plain, "zh") != "disk full" || diag.Message(nil, "en") != "" {
		t.Error("plain errors are shown whole")
	}
	var r diag.Report
	r.Addf(diag.Error, "x", "a.csv", 3, 0, "", "", "坏行", "bad row")
	r.Addf(diag.Error, "y", "", 0, 0, "", "", "另一个", "another")
	if got := diag.Message(r.Err(), "zh"); got != "错误 文件 a.csv 第 3 行：坏行（另有 1 个错误）" {
		t.Errorf("report zh: %s", got)
	}
	if got := diag.Message(r.Err(), "en"); got != "error a.csv, row 3: bad row (and 1 more errors)" {
		t.Errorf("report en: %s", got)
	}
}
