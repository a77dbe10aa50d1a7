package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strconv"

	"github.com/nqp-index/nqp/scoring/describe"
	"github.com/nqp-index/nqp/scoring/export"
	"github.com/nqp-index/nqp/scoring/framework"
	"github.com/nqp-index/nqp/scoring/ingest"
	"github.com/nqp-index/nqp/scoring/ingest/detect"
	"github.com/nqp-index/nqp/scoring/job"
	"github.com/nqp-index/nqp/scoring/panel"
	"github.com/nqp-index/nqp/scoring/pipeline"
)

func cmdInspect(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("inspect", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var c common
	c.register(fs)
	asJSON := fs.Bool("json", false, "print JSON")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return exitUsage
	}
	lang := c.lang
	if (len(pos) != 1 && !c.sample) || (len(pos) > 0 && c.sample) {
		fmt.Fprintln(stderr, tr(lang, "用法：nqp inspect 数据文件 [选项]", "usage: nqp inspect DATA [flags]"))
		return exitUsage
	}
	path := ""
	if len(pos) == 1 {
		path = pos[0]
	}
	c.detected = &ingest.Detected{}
	p, rep, err := loadData(&c, path)
	if err != nil || p == nil {
		// What became of each column says why, e.g., nothing is numeric.
		printColumnUses(stdout, c.detected.Columns, lang)
		rep.Write(stdout, lang)
		return exitData
	}
	stats := describe.Panel(p)
	var match *framework.Match
	if c.meta != "" || c.template != "" {
		fw, _, frep, err := loadFramework(&c, p)
		rep.Merge(frep)
		if err == nil {
			m := fw.MatchColumns(columnNames(p))
			match = &m
			c.detected.NotInFramework(m.Extra)
		}
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		out := job.Validation{File: p.File, Units: len(p.Units), Periods: periodLabels(p.Periods), Rows: len(p.Rows),
			Report: rep, Columns: c.detected.Columns, Stats: stats, Match: match}
		if err := enc.Encode(out); err != nil {
			fmt.Fprintln(stderr, err)
			return exitData
		}
	} else {
		fmt.Fprintf(stdout, tr(lang, "文件 %s：%d 个地区，%d 个时期（%s），%d 行观测，%d 个数值列\n", "file %s: %d units, %d periods (%s), %d observations, %d numeric columns\n"),
			p.File, len(p.Units), len(p.Periods), periodRange(p.Periods), len(p.Rows), len(p.Columns))
		printColumnUses(stdout, c.detected.Columns, lang)
		fmt.Fprintln(stdout)
		t := export.Table{Header: []string{tr(lang, "列", "Column"), "N", tr(lang, "缺失", "Missing"), tr(lang, "最小值", "Min"), tr(lang, "最大值", "Max"), tr(lang, "均值", "Mean"), tr(lang, "标准差", "SD"), tr(lang, "偏度", "Skew"), tr(lang, "峰度", "Kurt"), tr(lang, "异常值", "Outliers")}}
		for _, s := range stats {
			flag := ""
			if s.Outlier {
				flag = tr(lang, "是", "yes")
			}
			t.Rows = append(t.Rows, []any{s.Column, s.N, s.Missing, s.Min, s.Max, s.Mean, s.SD, s.Skew, s.Kurt, flag})
		}
		printTable(stdout, t)
		if match != nil {
			fmt.Fprintf(stdout, tr(lang, "\n指标匹配：%d 个已匹配，%d 个缺失，%d 列未使用\n", "\nindicator matching: %d present, %d missing, %d columns unused\n"), len(match.Present), len(match.Missing), len(match.Extra))
			for _, code := range match.Present {
				fmt.Fprintf(stdout, "  %s ← %s\n", code, match.Mapping[code])
			}
		}
		if len(rep.Problems) > 0 {
			fmt.Fprintln(stdout, tr(lang, "\n问题报告：", "\nreport:"))
			rep.Write(stdout, lang)
		}
	}
	if rep.HasErrors() {
		return exitData
	}
	return exitOK
}

// printColumnUses prints what became of every column of the file: its
// use, or why it is not used.
func printColumnUses(w io.Writer, cols []ingest.ColumnUse, lang string) {
	if len(cols) == 0 {
		return
	}
	unused := 0
	t := export.Table{Header: []string{"#", tr(lang, "列", "Column"), tr(lang, "用途", "Use"), tr(lang, "说明", "Note")}}
	for _, u := range cols {
		if u.Use == detect.UseUnused {
			unused++
		}
		t.Rows = append(t.Rows, []any{strconv.Itoa(u.Column), u.Name, u.UseText(lang), u.ReasonText(lang)})
	}
	fmt.Fprintf(w, tr(lang, "\n各列用途（%d 列，%d 列未使用）：\n", "\ncolumns (%d, %d not used):\n"), len(cols), unused)
	printTable(w, t)
}

func periodRange(ps []panel.Period) string {
	if len(ps) == 0 {
		return "-"
	}
	if len(ps) == 1 {
		return ps[0].Label
	}
	return ps[0].Label + "–" + ps[len(ps)-1].Label
}

func periodLabels(ps []panel.Period) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.Label
	}
	return out
}

func cmdRecipe(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("recipe", flag.ContinueOnError)
	fs.SetOutput(stderr)
	preset := fs.String("preset", "", "nqp-standard or coinr")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	r, err := pipeline.Preset(*preset)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitUsage
	}
	stdout.Write(r.JSON())
	return exitOK
}

func cmdTemplates(args []string, stdout, stderr io.Writer) int {
	lang := langFromEnv()
	fs := flag.NewFlagSet("templates", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&lang, "lang", lang, "zh or en")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	for _, t := range framework.Templates() {
		fw, err := framework.Template(t.Name)
		if err != nil {
			fmt.Fprintln(stderr, err)
			return exitData
		}
		title, desc := t.TitleZh, t.DescZh
		if lang == "en" {
			title, desc = t.TitleEn, t.DescEn
		}
		fmt.Fprintf(stdout, "%s (v%s, %d %s): %s\n  %s\n", t.Name, t.Version, len(fw.Leaves()), tr(lang, "个指标", "indicators"), title, desc)
	}
	return exitOK
}
