package main

import (
	"bytes"
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
	what := fs.String("what", "", "coupling, obstacle, gini, theil, kde, markov, convergence, moran, ua, sa, remove")
	level := fs.String("level", "", "aggregate code analysed (default: the index)")
	groups := fs.String("groups", "region4", "region4, region3 or a text column")
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
	wFlag := fs.String("w", "contiguity", "moran, spatial markov: contiguity or distance")
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
			fmt.Fprintln(stderr, *recipeFile+": "+err.Error())
			return exitUsage
		}
	} else if r, err = pipeline.Preset(*preset); err != nil {
		fmt.Fprintln(stderr, err)
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
	in := pipeline.Input{Data: p, Framework: fw, Columns: mapping}
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
	a := analyzer{res: res, in: in, recipe: r, lang: lang, code: *level, groups: *groups, n: *n, seed: *seed,
		variant: *variant, rescale: *rescale, boundary: *boundary, top: *top, kernel: *kernel, bw: *bw, k: *k,
		thresholds: *thresholds, w: *wFlag, spatial: *spatial, spec: *spec, elemLevel: *elemLevel}
	tables, err := a.run(*what)
	if err != nil {
		var ae *analysis.Error
		if errors.As(err, &ae) {
			fmt.Fprintln(stderr, ae.Message(lang))
		} else {
			fmt.Fprintln(stderr, err)
		}
		if errors.Is(err, errUsage) {
			return exitUsage
		}
		return exitData
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
	var b bytes.Buffer
	switch strings.ToLower(filepath.Ext(*out)) {
	case ".json":
		err = writeTablesJSON(&b, *what, res.Recipe, tables)
	case ".csv":
		err = export.WriteCSV(&b, tables[0])
	default:
		fmt.Fprintln(stderr, tr(lang, "输出文件须以 .json 或 .csv 结尾：", "the output file must end in .json or .csv: ")+*out)
		return exitUsage
	}
	if err == nil {
		err = os.WriteFile(*out, b.Bytes(), 0o644)
	}
	if err != nil {
		fmt.Fprintln(stderr, err)
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

type analyzer struct {
	res                                                *pipeline.Result
	in                                                 pipeline.Input
	recipe                                             pipeline.Recipe
	lang, code, groups                                 string
	n                                                  int
	seed                                               uint64
	variant, boundary, kernel, bw, thresholds, w, spec string
	rescale, spatial                                   bool
	top, k, elemLevel                                  int
}

func (a *analyzer) t(zh, en string) string { return tr(a.lang, zh, en) }

func (a *analyzer) unitName(u int) string { return a.res.Units[u].Name }

func (a *analyzer) run(what string) ([]export.Table, error) {
	switch what {
	case "coupling":
		return a.coupling()
	case "obstacle":
		return a.obstacle()
	case "gini", "theil":
		return a.inequality(what)
	case "kde":
		return a.kde()
	case "markov":
		return a.markov()
	case "convergence":
		return a.convergence()
	case "moran":
		return a.moran()
	case "ua":
		return a.ua()
	case "sa":
		return a.sa()
	case "remove":
		return a.remove()
	}
	return nil, fmt.Errorf("%w: %s", errUsage, a.t("未知的分析：", "unknown analysis: ")+what+" (coupling, obstacle, gini, theil, kde, markov, convergence, moran, ua, sa, remove)")
}

func (a *analyzer) obsCells(o pipeline.Obs) []any {
	return []any{a.res.Periods[o.Period].Label, a.res.Units[o.Unit].Code, a.unitName(o.Unit)}
}

func (a *analyzer) obsHeader() []string {
	return []string{a.t("时期", "Period"), a.t("地区代码", "Unit code"), a.t("地区", "Unit")}
}

func (a *analyzer) coupling() ([]export.Table, error) {
	ct, err := analysis.CouplingOf(a.res, nil, analysis.CouplingOptions{Variant: a.variant, Rescale: a.rescale, Boundary: a.boundary})
	if err != nil {
		return nil, err
	}
	t := export.Table{Name: "coupling", Title: a.t("耦合协调度（", "Coupling coordination (") + ct.Options.Variant + ", " + ct.Options.Boundary + ")",
		Header: append(a.obsHeader(), "C", "T", "D", a.t("等级", "Level"), a.t("协调类型", "Class"), a.t("耦合阶段", "Stage"), a.t("滞后子系统", "Lagging"))}
	for i, o := range ct.Rows {
		x := ct.Out[i]
		lag := ""
		if x.Lagging >= 0 {
			lag = ct.Systems[x.Lagging]
		}
		t.Rows = append(t.Rows, append(a.obsCells(o), x.C, x.T, x.D, x.Level, a.t(x.Class, x.ClassEn), a.t(x.Stage, x.StageEn), lag))
	}
	return []export.Table{t}, nil
}

func (a *analyzer) obstacle() ([]export.Table, error) {
	ot, err := analysis.ObstacleOf(a.res, nil, a.top)
	if err != nil {
		return nil, err
	}
	t := export.Table{Name: "obstacle", Title: a.t("障碍度（%）：维度与前几位障碍因子", "Obstacle degrees (%): dimensions and top obstacles"), Header: a.obsHeader()}
	t.Header = append(t.Header, ot.Dimensions...)
	for k := 1; k <= a.top; k++ {
		t.Header = append(t.Header, fmt.Sprintf(a.t("障碍因子 %d", "Obstacle %d"), k), fmt.Sprintf(a.t("障碍度 %d", "Degree %d"), k))
	}
	for i, o := range ot.Rows {
		row := a.obsCells(o)
		for _, v := range ot.Dimension[i] {
			row = append(row, v)
		}
		for k := 0; k < a.top; k++ {
			if k < len(ot.Top[i]) {
				row = append(row, ot.Top[i][k].Code, ot.Top[i][k].Degree)
			} else {
				row = append(row, nil, nil)
			}
		}
		t.Rows = append(t.Rows, row)
	}
	return []export.Table{t}, nil
}

func (a *analyzer) series() (*analysis.Series, error) { return analysis.SeriesOf(a.res, a.code) }

func (a *analyzer) inequality(what string) ([]export.Table, error) {
	s, err := a.series()
	if err != nil {
		return nil, err
	}
	g, err := analysis.UnitGroups(a.res, a.groups)
	if err != nil {
		return nil, err
	}
	if what == "gini" {
		t := export.Table{Name: "dagum", Title: a.t("Dagum 基尼系数及分解（", "Dagum Gini decomposition (") + s.Code + ")",
			Header: []string{a.t("时期", "Period"), "G", "Gw", "Gnb", "Gt", a.t("组内贡献率", "Within share"), a.t("组间贡献率", "Between share"), a.t("超变密度贡献率", "Transvariation share")}}
		tw := export.Table{Name: "dagum_groups", Title: a.t("组内基尼系数", "Within-group Gini"), Header: []string{a.t("时期", "Period"), a.t("组", "Group"), "n", a.t("均值", "Mean"), "G_jj"}}
		for p, label := range s.Periods {
			d, err := analysis.Dagum(s.Column(p), g)
			if err != nil {
				return nil, err
			}
			w, nb, tv := d.Shares()
			t.Rows = append(t.Rows, []any{label, d.G, d.Gw, d.Gnb, d.Gt, w, nb, tv})
			for j, name := range d.Groups {
				tw.Rows = append(tw.Rows, []any{label, name, d.N[j], d.Mean[j], d.Within[j]})
			}
		}
		return []export.Table{t, tw}, nil
	}
	kind := analysis.TheilT
	if a.variant == "L" {
		kind = analysis.TheilL
	}
	t := export.Table{Name: "theil", Title: a.t("泰尔指数 ", "Theil ") + kind + a.t(" 及分解（", " decomposition (") + s.Code + ")",
		Header: []string{a.t("时期", "Period"), a.t("总体", "Total"), a.t("组内", "Within"), a.t("组间", "Between"), a.t("组间贡献率", "Between share")}}
	for p, label := range s.Periods {
		x, err := analysis.Theil(s.Column(p), g, kind)
		if err != nil {
			return nil, err
		}
		t.Rows = append(t.Rows, []any{label, x.Total, x.Within, x.Between, x.Between / x.Total})
	}
	return []export.Table{t}, nil
}

func (a *analyzer) kde() ([]export.Table, error) {
	s, err := a.series()
	if err != nil {
		return nil, err
	}
	k, err := analysis.KDEOf(s, analysis.KDEOptions{Kernel: a.kernel, Bandwidth: a.bw, Points: 101})
	if err != nil {
		return nil, err
	}
	t := export.Table{Name: "kde", Title: a.t("核密度（共同网格）", "Kernel density (shared grid)"), Header: append([]string{"x"}, k.Labels...)}
	for i, x := range k.Grid {
		row := []any{x}
		for p := range k.Labels {
			row = append(row, k.Density[p][i])
		}
		t.Rows = append(t.Rows, row)
	}
	bwT := export.Table{Name: "kde_bandwidth", Title: a.t("带宽", "Bandwidths"), Header: []string{a.t("时期", "Period"), "n", "h"}}
	for p, l := range k.Labels {
		bwT.Rows = append(bwT.Rows, []any{l, k.N[p], k.H[p]})
	}
	return []export.Table{t, bwT}, nil
}

func (a *analyzer) weights(units []string) ([][]float64, error) {
	var w [][]float64
	var err error
	if a.w == "distance" {
		w, err = analysis.InverseDistanceW(units, 1)
	} else {
		w, err = analysis.ContiguityW(units, true)
	}
	if err != nil {
		return nil, err
	}
	return analysis.RowStandardise(w), nil
}

func (a *analyzer) markovTable(name, title string, m *analysis.MarkovResult) export.Table {
	t := export.Table{Name: name, Title: title, Header: []string{a.t("初始状态", "From"), "n"}}
	for b := 1; b <= m.K; b++ {
		t.Header = append(t.Header, fmt.Sprint(b))
	}
	for i := range m.P {
		row := []any{fmt.Sprint(i + 1), m.N[i]}
		for _, v := range m.P[i] {
			row = append(row, v)
		}
		t.Rows = append(t.Rows, row)
	}
	row := []any{a.t("稳态", "Steady"), nil}
	for _, v := range m.Steady {
		row = append(row, v)
	}
	t.Rows = append(t.Rows, row)
	return t
}

func (a *analyzer) markov() ([]export.Table, error) {
	s, err := a.series()
	if err != nil {
		return nil, err
	}
	opt := analysis.MarkovOptions{K: a.k, Thresholds: a.thresholds}
	if !a.spatial {
		m, err := analysis.Markov(s.Y, opt)
		if err != nil {
			return nil, err
		}
		return []export.Table{a.markovTable("markov", a.t("马尔可夫转移概率矩阵", "Markov transition matrix"), m)}, nil
	}
	w, err := a.weights(s.Units)
	if err != nil {
		return nil, err
	}
	sm, err := analysis.SpatialMarkov(s.Y, w, opt)
	if err != nil {
		return nil, err
	}
	out := []export.Table{a.markovTable("markov", a.t("马尔可夫转移概率矩阵", "Markov transition matrix"), sm.Global)}
	for c, m := range sm.ByLag {
		out = append(out, a.markovTable(fmt.Sprintf("markov_lag%d", c+1), fmt.Sprintf(a.t("空间马尔可夫：邻域状态 %d", "Spatial Markov: neighbours in class %d"), c+1), m))
	}
	return out, nil
}

func (a *analyzer) convergence() ([]export.Table, error) {
	s, err := a.series()
	if err != nil {
		return nil, err
	}
	sig, err := analysis.SigmaConvergence(s.Y, s.Periods, 0)
	if err != nil {
		return nil, err
	}
	st := export.Table{Name: "sigma", Title: a.t("σ 收敛（标准差除以 n）", "σ-convergence (SD with n)"), Header: []string{a.t("时期", "Period"), "n", a.t("均值", "Mean"), a.t("标准差", "SD"), "CV", a.t("对数标准差", "SD of ln")}}
	for p, l := range sig.Periods {
		st.Rows = append(st.Rows, []any{l, sig.N[p], sig.Mean[p], sig.SD[p], sig.CV[p], sig.SDLog[p]})
	}
	model := a.variant
	if model == "" {
		model = analysis.PanelFE
	}
	bt := export.Table{Name: "beta", Title: a.t("绝对 β 收敛（", "Absolute β-convergence (") + model + ")", Header: []string{a.t("组", "Group"), "n", "β", "SE", "t", "p", a.t("收敛速度", "Speed"), a.t("半衰期", "Half-life")}}
	add := func(name string, r *analysis.BetaResult) {
		bt.Rows = append(bt.Rows, []any{name, r.N, r.Beta, r.SE, r.T, r.P, r.Speed, r.HalfLife})
	}
	all, err := analysis.BetaConvergence(s.Y, model)
	if err != nil {
		return nil, err
	}
	add(a.t("全部", "All"), all)
	if g, err := analysis.UnitGroups(a.res, a.groups); err == nil {
		names, rs, err := analysis.GroupBeta(s.Y, g, model)
		if err == nil {
			for i, n := range names {
				add(n, rs[i])
			}
		}
	}
	return []export.Table{st, bt}, nil
}

func (a *analyzer) moran() ([]export.Table, error) {
	s, err := a.series()
	if err != nil {
		return nil, err
	}
	w, err := a.weights(s.Units)
	if err != nil {
		return nil, err
	}
	perms := a.n
	if perms == 0 {
		perms = 999
	}
	gt := export.Table{Name: "moran", Title: a.t("全局 Moran's I（", "Global Moran's I (") + a.w + ")", Header: []string{a.t("时期", "Period"), "I", "E[I]", "z (N)", "p (N)", "z (R)", "p (R)", fmt.Sprintf("p (%d perm.)", perms)}}
	lt := export.Table{Name: "lisa", Title: a.t("局部 Moran（LISA）", "Local Moran (LISA)"), Header: []string{a.t("时期", "Period"), a.t("地区代码", "Unit code"), a.t("地区", "Unit"), "I_i", "z", "p", a.t("象限", "Quadrant")}}
	for p, label := range s.Periods {
		y := s.Column(p)
		// only units with a score enter the period's matrix
		var keep []int
		for u, v := range y {
			if !math.IsNaN(v) {
				keep = append(keep, u)
			}
		}
		yy := make([]float64, len(keep))
		ww := make([][]float64, len(keep))
		for i, u := range keep {
			yy[i] = y[u]
			ww[i] = make([]float64, len(keep))
			for j, v := range keep {
				ww[i][j] = w[u][v]
			}
		}
		ww = analysis.RowStandardise(ww)
		m, err := analysis.Moran(yy, ww, perms, a.seed)
		if err != nil {
			return nil, err
		}
		gt.Rows = append(gt.Rows, []any{label, m.I, m.E, m.ZN, m.PN, m.ZR, m.PR, m.PPerm})
		l, err := analysis.LocalMoran(yy, ww)
		if err != nil {
			return nil, err
		}
		for i, u := range keep {
			lt.Rows = append(lt.Rows, []any{label, s.Units[u], s.Names[u], l[i].I, l[i].Z, l[i].P, l[i].Quadrant})
		}
	}
	return []export.Table{gt, lt}, nil
}

// inputs reads the uncertain inputs of ua/sa from -spec, or returns the
// default set: the weighting method, ±25% noise on the dimension weights
// and the normalisation.
func (a *analyzer) inputs() ([]analysis.Uncertain, error) {
	if a.spec != "" {
		b, err := os.ReadFile(a.spec)
		if err != nil {
			return nil, fmt.Errorf("%w: %v", errUsage, err)
		}
		var in []analysis.Uncertain
		if err := json.Unmarshal(b, &in); err != nil {
			return nil, fmt.Errorf("%w: %s: %v", errUsage, a.spec, err)
		}
		return in, nil
	}
	return []analysis.Uncertain{
		analysis.Choice(a.t("赋权方法", "Weighting"), "weights.method", "entropy", "critic", "equal"),
		analysis.WeightNoise(a.t("权重扰动", "Weight noise"), 0.25, 2),
		analysis.Choice(a.t("标准化", "Normalisation"), "normalise", map[string]any{"method": "minmax"}, map[string]any{"method": "zscore"}),
	}, nil
}

func (a *analyzer) ua() ([]export.Table, error) {
	in, err := a.inputs()
	if err != nil {
		return nil, err
	}
	n := a.n
	if n == 0 {
		n = 1000
	}
	u, err := analysis.Uncertainty(a.in, a.recipe, analysis.UAOptions{Inputs: in, N: n, Seed: a.seed, Code: a.code})
	if err != nil {
		return nil, err
	}
	t := export.Table{Name: "uncertainty", Title: fmt.Sprintf(a.t("不确定性分析（%d 次，失败 %d 次）：%s 排名", "Uncertainty analysis (%d runs, %d failed): ranks of %s"), u.N, u.Failed, u.Code),
		Header: append(a.obsHeader(), a.t("名义得分", "Nominal score"), a.t("名义排名", "Nominal rank"), a.t("平均排名", "Mean rank"), a.t("中位排名", "Median rank"), "Q5", "Q95")}
	for i, o := range u.Rows {
		t.Rows = append(t.Rows, append(a.obsCells(o), u.Nominal[i], u.NominalRank[i], u.Mean[i], u.Median[i], u.Q5[i], u.Q95[i]))
	}
	return []export.Table{t}, nil
}

func (a *analyzer) sa() ([]export.Table, error) {
	in, err := a.inputs()
	if err != nil {
		return nil, err
	}
	n := a.n
	if n == 0 {
		n = 500
	}
	s, err := analysis.Sensitivity(a.in, a.recipe, analysis.SAOptions{Inputs: in, N: n, Seed: a.seed, Code: a.code})
	if err != nil {
		return nil, err
	}
	t := export.Table{Name: "sensitivity", Title: fmt.Sprintf(a.t("敏感性分析（Saltelli/Jansen，%d 次运行）", "Sensitivity analysis (Saltelli/Jansen, %d runs)"), s.Runs),
		Header: []string{a.t("输入", "Input"), "Si", "Si q5", "Si q95", "STi", "STi q5", "STi q95"}}
	for _, x := range s.Indices {
		t.Rows = append(t.Rows, []any{x.Input, x.Si, x.SiQ5, x.SiQ95, x.STi, x.STiQ5, x.STiQ95})
	}
	return []export.Table{t}, nil
}

func (a *analyzer) remove() ([]export.Table, error) {
	r, err := analysis.RemoveElements(a.in, a.recipe, a.elemLevel, a.code)
	if err != nil {
		return nil, err
	}
	t := export.Table{Name: "remove", Title: a.t("逐一剔除要素：平均绝对排名变化", "Removing one element at a time: mean absolute rank change"), Header: []string{a.t("要素", "Element"), a.t("平均绝对排名变化", "Mean |Δrank|")}}
	for k, e := range r.Elements {
		t.Rows = append(t.Rows, []any{e, r.MeanAbsDiff[k]})
	}
	return []export.Table{t}, nil
}
