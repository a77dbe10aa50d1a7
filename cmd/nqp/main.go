// Command nqp scores New Quality Productive Forces (新质生产力) composite
// indices from CSV/TSV/XLSX panels, with the same engine as the browser app.
//
// Usage:
//
//	nqp score DATA [-meta FILE | -template NAME] [-recipe FILE] [flags] [-o out.json|.csv|.xlsx]
//	nqp score -sample                 (the bundled provincial S&T panel, drivers template)
//	nqp inspect DATA                  (the ingest report and per-indicator statistics)
//	nqp recipe [-preset NAME]         (print a recipe)
//	nqp templates                     (list the built-in frameworks)
//	nqp mcda [REQUEST.json]           (solve a decision matrix; JSON in, JSON out; stdin by default)
//	nqp ahp [MATRIX] [-method M] [-ri T] [-json]  (AHP priorities and consistency of one matrix)
//	nqp help
//
// Exit status: 0 ok, 1 data errors (the report is printed), 2 usage errors.
package main

import (
	"fmt"
	"io"
	"os"
)

// Exit codes.
const (
	exitOK    = 0
	exitData  = 1
	exitUsage = 2
)

func main() {
	limitMemory = true // the process is this one command (see boundMemory)
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run executes one command and returns its exit status.
func run(args []string, stdout, stderr io.Writer) int {
	lang := langFromEnv()
	if len(args) == 0 {
		usage(stderr, lang)
		return exitUsage
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "score":
		return cmdScore(rest, stdout, stderr)
	case "inspect":
		return cmdInspect(rest, stdout, stderr)
	case "recipe":
		return cmdRecipe(rest, stdout, stderr)
	case "templates":
		return cmdTemplates(rest, stdout, stderr)
	case "mcda":
		return cmdMCDA(rest, stdout, stderr)
	case "ahp":
		return cmdAHP(rest, stdout, stderr)
	case "analyze":
		return cmdAnalyze(rest, stdout, stderr)
	case "help", "-h", "-help", "--help":
		usage(stdout, lang)
		return exitOK
	case "version", "-version", "--version":
		fmt.Fprintln(stdout, "nqp", version)
		return exitOK
	}
	fmt.Fprintln(stderr, tr(lang, "未知命令：", "unknown command: ")+cmd)
	usage(stderr, lang)
	return exitUsage
}

const version = "0.1.0"

func langFromEnv() string {
	for _, k := range []string{"NQP_LANG", "LC_ALL", "LANG"} {
		if v := os.Getenv(k); v != "" {
			if len(v) >= 2 && v[:2] == "en" {
				return "en"
			}
			return "zh"
		}
	}
	return "zh"
}

func tr(lang, zh, en string) string {
	if lang == "en" {
		return en
	}
	return zh
}

func usage(w io.Writer, lang string) {
	if lang == "en" {
		fmt.Fprint(w, `nqp — New Quality Productive Forces (NQP) composite index calculator

Commands:
  nqp score DATA [flags]    score a panel (CSV, TSV, XLSX) and print or write the results
  nqp score -sample         score the bundled provincial S&T panel with the drivers template
  nqp inspect DATA          show the ingest report and per-indicator statistics
  nqp recipe [-preset P]    print a recipe (presets: nqp-standard, coinr, entropy-topsis, critic)
  nqp analyze DATA -what A  analyses of the scores: coupling obstacle gini theil kde markov convergence moran ua sa remove
  nqp templates             list the built-in indicator frameworks
  nqp mcda [REQUEST.json]   solve a decision matrix (mcda.Request JSON from the file or stdin;
                            the answer as JSON on stdout)
  nqp ahp [MATRIX]          AHP priorities, λmax, CI, RI, CR of a pairwise matrix (JSON array of
                            arrays, or CSV with or without headers; stdin when omitted)
                            -method sum-product|geometric|eigenvector -ri saaty|chinese -json
  nqp help                  this text

Common flags of score and inspect:
  -meta FILE        framework file (COINr iMeta or simple layout; CSV, XLSX or JSON)
  -template NAME    built-in framework: drivers, three-elements, tech-green-digital
  -lang zh|en       language of messages and table headers (default zh)
  -sheet, -encoding, -layout, -unit-col, -period-col, -decimal-comma   ingest overrides
  -former FILE      former unit names (CSV former,current or JSON), e.g. 襄樊,襄阳

Flags of score (each overrides the recipe):
  -recipe FILE -preset NAME -scope global|period -lower L -upper U -shift D
  -normalise minmax|zscore|scaled|rank|borda|prank|fracmax|dist2max|dist2ref|dist2targ|goalposts|
             vector|sum|max|min|mean|initial|rescale|none
  -weights entropy|critic|cv|sd|pca|vertical-horizontal|equal|manual (ahp, combination: in a recipe file)
  -variant pooled|per-period|per-period-mean -zero-rule zero|shift|rescale -delta D
  -aggregate amean|gmean|hmean|genmean|copeland|topsis|entropy-topsis|vikor|gra -scale S
  -groups region4|region3|prefecture|province|COLUMN|none  (default region4; county units
             by prefecture, prefecture units by province; every option and formula:
             docs/recipe.md, docs/methods/)
  -units A,B -periods 2020,2021 -o out.json|out.csv|out.xlsx -tables DIR (every table as CSV)

Exit status: 0 ok, 1 data errors (the report is printed), 2 usage errors.
`)
		return
	}
	fmt.Fprint(w, `nqp — 新质生产力综合指数计算器

命令：
  nqp score 数据文件 [选项]   计算综合指数（CSV、TSV、XLSX），打印或写出结果
  nqp score -sample          用内置的省级科技面板和“驱动力”指标体系计算
  nqp inspect 数据文件        显示读取报告和各指标的描述统计
  nqp recipe [-preset 名称]   打印配方（预设：nqp-standard、coinr、entropy-topsis、critic）
  nqp analyze 数据 -what 分析  得分的分析：coupling obstacle gini theil kde markov convergence moran ua sa remove
  nqp templates              列出内置指标体系
  nqp mcda [请求.json]        求解决策矩阵（从文件或标准输入读取 mcda.Request JSON，
                             结果以 JSON 写到标准输出）
  nqp ahp [矩阵文件]          层次分析法：判断矩阵的权重、λmax、CI、RI、CR（JSON 数组的数组，
                             或带/不带表头的 CSV；省略文件时读标准输入）
                             -method sum-product|geometric|eigenvector -ri saaty|chinese -json
  nqp help                   显示本说明

score 与 inspect 的通用选项：
  -meta 文件         指标体系文件（COINr iMeta 或简单格式；CSV、XLSX 或 JSON）
  -template 名称     内置指标体系：drivers、three-elements、tech-green-digital
  -lang zh|en        提示信息与表头的语言（默认 zh）
  -sheet、-encoding、-layout、-unit-col、-period-col、-decimal-comma   读取选项
  -former 文件       地区曾用名对照（CSV 曾用名,现名 或 JSON），如 襄樊,襄阳

score 的选项（覆盖配方中的对应设置）：
  -recipe 文件 -preset 名称 -scope global|period -lower L -upper U -shift D
  -normalise minmax|zscore|scaled|rank|borda|prank|fracmax|dist2max|dist2ref|dist2targ|goalposts|
             vector|sum|max|min|mean|initial|rescale|none
  -weights entropy|critic|cv|sd|pca|vertical-horizontal|equal|manual（ahp、combination 需在配方文件中设置）
  -variant pooled|per-period|per-period-mean -zero-rule zero|shift|rescale -delta D
  -aggregate amean|gmean|hmean|genmean|copeland|topsis|entropy-topsis|vikor|gra -scale S
  -groups region4|region3|prefecture|province|列名|none（默认 region4；县级地区按地级市、
             地级地区按省份分组；全部选项与公式见 docs/recipe.md、docs/methods/）
  -units A,B -periods 2020,2021 -o 结果.json|结果.csv|结果.xlsx -tables 目录（每张表一个 CSV）

退出码：0 成功；1 数据错误（打印问题报告）；2 用法错误。
`)
}
