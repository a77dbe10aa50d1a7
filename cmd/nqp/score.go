package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/nqp-index/nqp/scoring/diag"
	"github.com/nqp-index/nqp/scoring/export"
	"github.com/nqp-index/nqp/scoring/job"
	"github.com/nqp-index/nqp/scoring/pipeline"
)

func cmdScore(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("score", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var c common
	c.register(fs)
	recipeFile := fs.String("recipe", "", "recipe JSON file")
	preset := fs.String("preset", "", "nqp-standard or coinr")
	out := fs.String("o", "", "output file (.json, .csv, .xlsx)")
	tablesDir := fs.String("tables", "", "directory for every table as CSV")
	normalise := fs.String("normalise", "", "minmax or zscore")
	lower := fs.String("lower", "", "min-max lower bound")
	upper := fs.String("upper", "", "min-max upper bound")
	shift := fs.String("shift", "", "shift added after min-max")
	scope := fs.String("scope", "", "global or period")
	weights := fs.String("weights", "", "weighting method")
	variant := fs.String("variant", "", "entropy variant")
	zeroRule := fs.String("zero-rule", "", "entropy zero rule")
	delta := fs.String("delta", "", "entropy shift δ")
	upperW := fs.String("upper-weights", "", "derived, framework or equal")
	agg := fs.String("aggregate", "", "amean or gmean")
	scale := fs.String("scale", "", "multiplier of aggregate scores")
	groups := fs.String("groups", "", "region4, region3, a column, or none")
	units := fs.String("units", "", "comma-separated units to keep")
	periods := fs.String("periods", "", "comma-separated periods to keep")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return exitUsage
	}
	lang := c.lang
	if len(pos) > 1 || (len(pos) == 0 && !c.sample) || (len(pos) == 1 && c.sample) {
		fmt.Fprintln(stderr, tr(lang, "用法：nqp score 数据文件 [选项]，或 nqp score -sample [选项]", "usage: nqp score DATA [flags], or nqp score -sample [flags]"))
		return exitUsage
	}
	// Recipe: preset or file, then flag overrides.
	var r pipeline.Recipe
	switch {
	case *recipeFile != "":
		f, err := os.Open(*recipeFile)
		if err != nil {
			fmt.Fprintln(stderr, tr(lang, "无法打开配方文件：", "cannot open the recipe file: ")+err.Error())
			return exitUsage
		}
		r, err = pipeline.ParseRecipe(f)
		f.Close()
		if err != nil {
			fmt.Fprintln(stderr, *recipeFile+": "+errText(lang, err))
			return exitUsage
		}
	default:
		r, err = pipeline.Preset(*preset)
		if err != nil {
			fmt.Fprintln(stderr, errText(lang, err))
			return exitUsage
		}
	}
	var bad []string
	num := func(s string, dst **float64) {
		if s == "" {
			return
		}
		var v float64
		if _, err := fmt.Sscan(s, &v); err != nil {
			bad = append(bad, s)
			return
		}
		*dst = &v
	}
	set := func(s string, dst *string) {
		if s != "" {
			*dst = s
		}
	}
	if *normalise != "" && *normalise != r.Normalise.Method {
		r.Normalise = pipeline.Normalise{NormSpec: pipeline.NormSpec{Method: *normalise}, Scope: r.Normalise.Scope}
	}
	num(*lower, &r.Normalise.Lower)
	num(*upper, &r.Normalise.Upper)
	var sh, dl *float64
	num(*shift, &sh)
	if sh != nil {
		r.Normalise.Shift = *sh
	}
	set(*scope, &r.Normalise.Scope)
	if *weights != "" && *weights != r.Weights.Method {
		r.Weights = pipeline.Weights{Method: *weights}
	}
	set(*variant, &r.Weights.Variant)
	set(*zeroRule, &r.Weights.ZeroRule)
	num(*delta, &dl)
	if dl != nil {
		r.Weights.Delta = *dl
	}
	set(*upperW, &r.Weights.Upper)
	set(*agg, &r.Aggregate.Method)
	num(*scale, &r.Aggregate.Scale)
	if *groups == "none" {
		r.Rank.Groups = ""
	} else {
		set(*groups, &r.Rank.Groups)
	}
	if *units != "" {
		r.Select.Units = splitList(*units)
	}
	if *periods != "" {
		r.Select.Periods = splitList(*periods)
	}
	if len(bad) > 0 {
		fmt.Fprintln(stderr, tr(lang, "不是数字：", "not a number: ")+strings.Join(bad, ", "))
		return exitUsage
	}
	r.Resolve()
	if err := r.Check(); err != nil {
		fmt.Fprintln(stderr, errText(lang, err))
		return exitUsage
	}

	path := ""
	if len(pos) == 1 {
		path = pos[0]
	}
	var rep diag.Report
	p, irep, err := loadData(&c, path)
	rep.Merge(irep)
	if err != nil || irep.HasErrors() {
		rep.Write(stderr, lang)
		return exitData
	}
	fw, mapping, frep, err := loadFramework(&c, p)
	rep.Merge(frep)
	if err != nil {
		rep.Write(stderr, lang)
		return exitData
	}
	if *groups == "" && *recipeFile == "" {
		// Not chosen: county units by prefecture, prefecture units by province.
		rep.Merge(job.FollowGroups(&r, p))
	}
	res, err := pipeline.Run(pipeline.Input{Data: p, Framework: fw, Columns: mapping}, r)
	if err != nil {
		var re *diag.ReportError
		if errors.As(err, &re) {
			rep.Merge(re.Report)
			rep.Write(stderr, lang)
			return exitData
		}
		fmt.Fprintln(stderr, err)
		return exitUsage
	}
	if code := scoreAnalyses(pipeline.Input{Data: p, Framework: fw, Columns: mapping}, res, stderr, lang); code != exitOK {
		return code
	}
	// The result's report carries every problem, from ingest on.
	rep.Merge(res.Report)
	res.Report = rep
	summarise(stderr, rep, lang)

	// Tables are built only for the outputs that show them (the full set
	// holds every cell of every intermediate matrix as a boxed value).
	if *tablesDir != "" {
		tables := export.Tables(res, lang)
		// The directory and every table in it, or nothing new.
		undo, err := mkdirAll(*tablesDir)
		if err != nil {
			writeFailure(stderr, err, lang)
			return exitData
		}
		outs := []output{{filepath.Join(*tablesDir, "recipe.json"), bytesWriter(res.Recipe.JSON())}}
		for _, t := range tables {
			outs = append(outs, output{filepath.Join(*tablesDir, t.Name+".csv"), func(w io.Writer) error { return export.WriteCSV(w, t) }})
		}
		if err := writeAll(outs); err != nil {
			undo()
			writeFailure(stderr, err, lang)
			return exitData
		}
	}
	if *out == "" {
		printTable(stdout, export.ScoresTable(res, lang))
		fmt.Fprintln(stdout)
		printTable(stdout, export.WeightsTable(res, lang))
		return exitOK
	}
	var outs []output
	switch strings.ToLower(filepath.Ext(*out)) {
	case ".json":
		// Streamed: the document is never whole in memory.
		outs = []output{{*out, res.WriteJSON}}
	case ".csv":
		// A CSV holds one table; the recipe that produced it goes beside it
		// (both are written, or neither).
		scores := export.ScoresTable(res, lang)
		outs = []output{
			{*out, func(w io.Writer) error { return export.WriteCSV(w, scores) }},
			{strings.TrimSuffix(*out, filepath.Ext(*out)) + ".recipe.json", bytesWriter(res.Recipe.JSON())},
		}
	case ".xlsx":
		tables := export.Tables(res, lang)
		outs = []output{{*out, func(w io.Writer) error { return export.WriteXLSX(w, tables, res.Recipe.JSON()) }}}
	default:
		fmt.Fprintln(stderr, tr(lang, "输出文件须以 .json、.csv 或 .xlsx 结尾：", "the output file must end in .json, .csv or .xlsx: ")+*out)
		return exitUsage
	}
	if err := writeAll(outs); err != nil {
		writeFailure(stderr, err, lang)
		return exitData
	}
	fmt.Fprintln(stderr, tr(lang, "已写出 ", "wrote ")+*out)
	return exitOK
}

func splitList(s string) []string {
	var out []string
	for _, x := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '，' || r == '、' }) {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

// summarise prints warnings and errors (not info notes) to w.
func summarise(w io.Writer, rep diag.Report, lang string) {
	for _, p := range rep.Problems {
		if p.Severity >= diag.Warning {
			fmt.Fprintln(w, p.Format(lang))
		}
	}
}
