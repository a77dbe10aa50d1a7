package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"

	"github.com/nqp-index/nqp/scoring/analysis"
	"github.com/nqp-index/nqp/scoring/diag"
	"github.com/nqp-index/nqp/scoring/export"
	"github.com/nqp-index/nqp/scoring/job"
	"github.com/nqp-index/nqp/scoring/jsonx"
	"github.com/nqp-index/nqp/scoring/pipeline"
)

// cmdAnalyze scores the data (as score does, from a recipe or preset) and
// runs one analysis on the result.
func cmdAnalyze(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("analyze", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var c common
	c.register(fs)
	recipeFile := fs.String("recipe", "", "recipe JSON file")
	preset := fs.String("preset", "", "nqp-standard or coinr")
	what := fs.String("what", "", "coupling, obstacle, gini (dagum), theil, kde, markov, spatial-markov, convergence (sigma + beta), sigma, beta, moran (moran + lisa), lisa, ua, sa, remove")
	level := fs.String("level", "", "aggregate code analysed (default: the index)")
	groups := fs.String("groups", "", "region4, region3, prefecture, province or a text column (default: region4; prefecture for county units, province for prefecture units)")
	n := fs.Int("n", 0, "runs (ua, sa) or permutations (moran)")
	seed := fs.Uint64("seed", 1, "random seed")
	out := fs.String("o", "", "output file (.json or .csv)")
	variant := fs.String("variant", "", "coupling: standard, wang, fan; theil: T, L; convergence: panel, panel-unit, panel-pooled, cross-section")
	rescale := fs.Bool("rescale", false, "coupling: rescale subsystems to [0.01, 0.99]")
	boundary := fs.String("boundary", "", "coupling classes: (a,b] (default) or [a,b)")
	top := fs.Int("top", 5, "obstacle: top-N obstacles per row")
	kernel := fs.String("kernel", "", "kde: gaussian or epanechnikov")
	bw := fs.String("bandwidth", "", "kde: silverman or scott")
	k := fs.Int("k", 4, "markov: number of classes")
	thresholds := fs.String("thresholds", "", "markov: pooled or period")
	wFlag := fs.String("w", "contiguity", "moran, lisa, spatial markov: contiguity or distance")
	wfile := fs.String("wfile", "", "moran, lisa, spatial markov: weight matrix CSV (square with unit codes, or i,j,w)")
	spatial := fs.Bool("spatial", false, "markov: spatial Markov chain")
	spec := fs.String("spec", "", "ua, sa: JSON file with the uncertain inputs")
	elemLevel := fs.Int("element-level", 1, "remove: framework level of the elements (1 = indicators)")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return exitUsage
	}
	lang := c.lang
	if len(pos) > 1 || (len(pos) == 0 && !c.sample) || (len(pos) == 1 && c.sample) || *what == "" {
		fmt.Fprintln(stderr, tr(lang, "用法：nqp analyze 数据文件|-sample -what 分析 [选项]", "usage: nqp analyze DATA|-sample -what ANALYSIS [flags]"))
		return exitUsage
	}
	var r pipeline.Recipe
	if *recipeFile != "" {
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
	} else if r, err = pipeline.Preset(*preset); err != nil {
		fmt.Fprintln(stderr, errText(lang, err))
		return exitUsage
	}
	if *groups != "region4" && *groups != "region3" && *groups != "" {
		r.Rank.Groups = *groups // a data column: carried in the result
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
	if *groups == "" {
		// Not chosen: county units by prefecture, prefecture units by province.
		*groups = job.UnitGroups(p)
	}
	in := pipeline.Input{Data: p, Framework: fw, Columns: mapping}
	a := analyzeFlags{lang: lang, code: *level, groups: *groups, n: *n, seed: *seed,
		variant: *variant, rescale: *rescale, boundary: *boundary, top: *top, kernel: *kernel, bw: *bw, k: *k,
		thresholds: *thresholds, w: *wFlag, wfile: *wfile, spatial: *spatial, spec: *spec, elemLevel: *elemLevel}
	decls, err := a.declare(*what)
	if err != nil {
		printAnalysisError(stderr, err, lang)
		return exitUsage
	}
	res, err := pipeline.Run(in, r)
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
	if decls, err = a.lenient(res, decls); err != nil {
		printAnalysisError(stderr, err, lang)
		return exitUsage
	}
	res.Recipe.Analyses = decls
	res.Recipe.Resolve()
	if err := res.Recipe.Check(); err != nil {
		fmt.Fprintln(stderr, err)
		return exitUsage
	}
	outs, err := analysis.RunDeclared(in, res)
	if err != nil {
		printAnalysisError(stderr, err, lang)
		return exitData
	}
	var tables []export.Table
	for _, o := range outs {
		for _, t := range o.Tables {
			tables = append(tables, export.AnalysisTable(t, lang))
		}
	}
	if *out == "" {
		for i, t := range tables {
			if i > 0 {
				fmt.Fprintln(stdout)
			}
			fmt.Fprintln(stdout, t.Title)
			printTable(stdout, t)
		}
		return exitOK
	}
	var write func(io.Writer) error
	switch strings.ToLower(filepath.Ext(*out)) {
	case ".json":
		write = func(w io.Writer) error { return writeTablesJSON(w, *what, res.Recipe, tables) }
	case ".csv":
		write = func(w io.Writer) error { return export.WriteCSV(w, tables[0]) }
	default:
		fmt.Fprintln(stderr, tr(lang, "输出文件须以 .json 或 .csv 结尾：", "the output file must end in .json or .csv: ")+*out)
		return exitUsage
	}
	if err := writeAll([]output{{*out, write}}); err != nil {
		writeFailure(stderr, err, lang)
		return exitData
	}
	fmt.Fprintln(stderr, tr(lang, "已写出 ", "wrote ")+*out)
	return exitOK
}

var errUsage = errors.New("usage")

// writeTablesJSON writes the tables with NaN as null.
func writeTablesJSON(w io.Writer, what string, r pipeline.Recipe, tables []export.Table) error {
	type jt struct {
		Name   string   `json:"name"`
		Title  string   `json:"title"`
		Header []string `json:"header"`
		Rows   [][]any  `json:"rows"`
	}
	doc := struct {
		Analysis string          `json:"analysis"`
		Recipe   pipeline.Recipe `json:"recipe"`
		Tables   []jt            `json:"tables"`
	}{Analysis: what, Recipe: r}
	for _, t := range tables {
		x := jt{t.Name, t.Title, t.Header, make([][]any, len(t.Rows))}
		for i, row := range t.Rows {
			x.Rows[i] = make([]any, len(row))
			for j, v := range row {
				if f, ok := v.(float64); ok && (math.IsNaN(f) || math.IsInf(f, 0)) {
					v = nil
				}
				x.Rows[i][j] = v
			}
		}
		doc.Tables = append(doc.Tables, x)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", " ")
	enc.SetEscapeHTML(false)
	return enc.Encode(doc)
}

// analyzeFlags are the analyze flags that become analysis declarations.
type analyzeFlags struct {
	lang, code, groups                                        string
	n                                                         int
	seed                                                      uint64
	variant, boundary, kernel, bw, thresholds, w, wfile, spec string
	rescale, spatial                                          bool
	top, k, elemLevel                                         int
}

// declare turns -what and the flags into the analyses of a recipe.
func (f *analyzeFlags) declare(what string) ([]pipeline.Analysis, error) {
	seed := f.seed
	lvl := f.code
	switch what {
	case "coupling":
		return []pipeline.Analysis{{Name: pipeline.ACoupling, Level: lvl, Variant: f.variant, Rescale: f.rescale, Boundary: f.boundary}}, nil
	case "obstacle":
		return []pipeline.Analysis{{Name: pipeline.AObstacle, Level: lvl, Top: f.top}}, nil
	case "gini", "dagum":
		return []pipeline.Analysis{{Name: pipeline.ADagum, Level: lvl, Groups: f.groups}}, nil
	case "theil":
		return []pipeline.Analysis{{Name: pipeline.ATheil, Level: lvl, Groups: f.groups, Variant: f.variant}}, nil
	case "kde":
		return []pipeline.Analysis{{Name: pipeline.AKDE, Level: lvl, Kernel: f.kernel, Bandwidth: f.bw, Points: 101}}, nil
	case "markov", "spatial-markov":
		if what == "markov" && !f.spatial {
			return []pipeline.Analysis{{Name: pipeline.AMarkov, Level: lvl, K: f.k, Thresholds: f.thresholds}}, nil
		}
		w, err := f.weights()
		if err != nil {
			return nil, err
		}
		return []pipeline.Analysis{{Name: pipeline.ASpatialMarkov, Level: lvl, K: f.k, Thresholds: f.thresholds, W: w}}, nil
	case "convergence", "sigma", "beta":
		var out []pipeline.Analysis
		if what != "beta" {
			out = append(out, pipeline.Analysis{Name: pipeline.ASigma, Level: lvl, Groups: f.groups})
		}
		if what != "sigma" {
			out = append(out, pipeline.Analysis{Name: pipeline.ABeta, Level: lvl, Groups: f.groups, Variant: f.variant})
		}
		return out, nil
	case "moran", "lisa":
		w, err := f.weights()
		if err != nil {
			return nil, err
		}
		lisa := pipeline.Analysis{Name: pipeline.ALISA, Level: lvl, W: w}
		if what == "lisa" {
			return []pipeline.Analysis{lisa}, nil
		}
		return []pipeline.Analysis{{Name: pipeline.AMoran, Level: lvl, W: w, Permutations: f.n, Seed: &seed}, lisa}, nil
	case "ua", "sa":
		in, err := f.inputs()
		if err != nil {
			return nil, err
		}
		if what == "ua" {
			return []pipeline.Analysis{{Name: pipeline.AUA, Level: lvl, Inputs: in, N: f.n, Seed: &seed}}, nil
		}
		return []pipeline.Analysis{{Name: pipeline.ASA, Level: lvl, Inputs: in, N: f.n, Seed: &seed}}, nil
	case "remove":
		return []pipeline.Analysis{{Name: pipeline.ARemove, Level: lvl, ElementLevel: f.elemLevel}}, nil
	}
	return nil, fmt.Errorf("%w: %s", errUsage, tr(f.lang, "未知的分析：", "unknown analysis: ")+what+" (coupling, obstacle, gini, theil, kde, markov, spatial-markov, convergence, sigma, beta, moran, lisa, ua, sa, remove)")
}

// lenient drops the grouping of σ and β convergence when the units cannot
// be grouped that way (as analyze always did), so that -groups region4,
// the default, works on any data.
func (f *analyzeFlags) lenient(res *pipeline.Result, decls []pipeline.Analysis) ([]pipeline.Analysis, error) {
	for i := range decls {
		if d := &decls[i]; (d.Name == pipeline.ASigma || d.Name == pipeline.ABeta) && d.Groups != "" {
			if _, err := analysis.UnitGroups(res, d.Groups); err != nil {
				d.Groups = ""
			}
		}
	}
	return decls, nil
}

// weights returns the -w or -wfile choice.
func (f *analyzeFlags) weights() (*pipeline.SpatialWeights, error) {
	if f.wfile != "" {
		fh, err := os.Open(f.wfile)
		if err != nil {
			return nil, fmt.Errorf("%w: %v", errUsage, err)
		}
		defer fh.Close()
		w, err := analysis.ReadWeightsCSV(fh)
		if err != nil {
			var ae *analysis.Error
			if errors.As(err, &ae) {
				err = &analysis.Error{Code: ae.Code, Zh: f.wfile + "：" + ae.Zh, En: f.wfile + ": " + ae.En}
			}
			return nil, fmt.Errorf("%w: %w", errUsage, err)
		}
		return w, nil
	}
	switch f.w {
	case pipeline.WContiguity, pipeline.WDistance:
		return &pipeline.SpatialWeights{Type: f.w}, nil
	}
	return nil, fmt.Errorf("%w: -w %s (contiguity, distance; or -wfile FILE)", errUsage, f.w)
}

// inputs reads the uncertain inputs of ua/sa from -spec, or returns the
// default set: the weighting method, ±25% noise on the dimension weights
// and the normalisation.
func (f *analyzeFlags) inputs() ([]pipeline.Uncertain, error) {
	if f.spec != "" {
		b, err := os.ReadFile(f.spec)
		if err != nil {
			return nil, fmt.Errorf("%w: %v", errUsage, err)
		}
		var in []pipeline.Uncertain
		if err := jsonx.Decode(b, &in); err != nil {
			return nil, fmt.Errorf("%w: %s: %s", errUsage, f.spec, errText(f.lang, err))
		}
		return in, nil
	}
	t := func(zh, en string) string { return tr(f.lang, zh, en) }
	raw := func(v string) json.RawMessage { return json.RawMessage(v) }
	return []pipeline.Uncertain{
		{Name: t("赋权方法", "Weighting"), Path: "weights.method", Alternatives: []json.RawMessage{raw(`"entropy"`), raw(`"critic"`), raw(`"equal"`)}},
		{Name: t("权重扰动", "Weight noise"), Noise: []pipeline.LevelNoise{{Level: 2, Factor: 0.25}}},
		{Name: t("标准化", "Normalisation"), Path: "normalise", Alternatives: []json.RawMessage{raw(`{"method":"minmax"}`), raw(`{"method":"zscore"}`)}},
	}, nil
}
