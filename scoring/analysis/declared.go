package analysis

import (
	"errors"
	"fmt"
	"math"

	"github.com/nqp-index/nqp/scoring/pipeline"
)

// Output is the result of one declared analysis: the resolved declaration,
// its typed result (Value) and its tables in both languages.
//
// Value is, by analysis: coupling *CouplingTable; obstacle *ObstacleTable;
// dagum *ByPeriod[*DagumResult]; theil *ByPeriod[*TheilResult]; kde
// *KDEResult; markov *MarkovResult; spatial-markov *SpatialMarkovResult;
// sigma *ByGroup[*SigmaResult]; beta *ByGroup[*BetaResult]; moran
// *ByPeriod[*MoranResult]; lisa *ByPeriod[*LISAPeriod]; ua *UAResult; sa
// *SAResult; remove *RemoveResult; compare *CompareResult.
type Output struct {
	Analysis pipeline.Analysis
	Value    any
	Tables   []pipeline.AnalysisTable
}

// ByPeriod holds one result per period of the series analysed.
type ByPeriod[T any] struct {
	Code    string   `json:"code"`
	Periods []string `json:"periods"`
	Values  []T      `json:"values"`
}

// ByGroup holds a result for all units (group "") and one per group.
type ByGroup[T any] struct {
	Code    string   `json:"code"`
	Groups  []string `json:"groups"`
	Results []T      `json:"results"`
}

// LISAPeriod is the local Moran of the units with a score in one period.
type LISAPeriod struct {
	Units []string `json:"units"`
	Stats []LISA   `json:"stats"`
}

// Run scores in with r and runs the recipe's declared analyses on the
// result (see Apply).
func Run(in pipeline.Input, r pipeline.Recipe) (*pipeline.Result, error) {
	res, err := pipeline.Run(in, r)
	if err != nil {
		return nil, err
	}
	if err := Apply(in, res); err != nil {
		return nil, err
	}
	return res, nil
}

// Apply runs the analyses declared in res.Recipe on res (in is the input
// res was scored from; the robustness analyses re-score it) and stores
// their tables in res.Analyses. With none declared it does nothing.
func Apply(in pipeline.Input, res *pipeline.Result) error {
	outs, err := RunDeclared(in, res)
	if err != nil {
		return err
	}
	res.Analyses = nil
	for _, o := range outs {
		res.Analyses = append(res.Analyses, pipeline.AnalysisOutput{ID: o.Analysis.ID, Name: o.Analysis.Name, Analysis: o.Analysis, Tables: o.Tables})
	}
	return nil
}

// RunDeclared runs every analysis declared in res.Recipe, in order, and
// returns their typed results and tables. Table names are unique: tables
// of an analysis whose id differs from its name are prefixed with the id.
// The first failure is returned as an *Error naming the analysis.
func RunDeclared(in pipeline.Input, res *pipeline.Result) ([]Output, error) {
	var outs []Output
	used := map[string]bool{}
	for i, a := range res.Recipe.Analyses {
		o, err := RunAnalysis(in, res, a)
		if err != nil {
			return nil, wrap(err, i, a)
		}
		for k := range o.Tables {
			t := &o.Tables[k]
			if a.ID != "" && a.ID != a.Name {
				t.Name = a.ID + "_" + t.Name
			}
			base := t.Name
			for n := 2; used[t.Name]; n++ {
				t.Name = fmt.Sprintf("%s_%d", base, n)
			}
			used[t.Name] = true
		}
		outs = append(outs, *o)
	}
	return outs, nil
}

func wrap(err error, i int, a pipeline.Analysis) error {
	e, ok := err.(*Error)
	if !ok {
		e = &Error{Code: "analysis", Zh: err.Error(), En: err.Error()}
	}
	return &Error{Code: e.Code,
		Zh: fmt.Sprintf("分析 %s（analyses[%d]）：%s", a.ID, i, e.Zh),
		En: fmt.Sprintf("analysis %s (analyses[%d]): %s", a.ID, i, e.En)}
}

// RunAnalysis runs one declaration on res (resolved and checked first).
func RunAnalysis(in pipeline.Input, res *pipeline.Result, a pipeline.Analysis) (*Output, error) {
	if res == nil || len(res.Aggregates) == 0 {
		return nil, errorf("no-result", "没有可分析的结果", "there is no result to analyse")
	}
	r := pipeline.Recipe{Schema: pipeline.Schema, Analyses: []pipeline.Analysis{a}}
	r.Resolve()
	if err := r.Check(); err != nil {
		return nil, &Error{Code: "bad-analysis", Zh: err.Error(), En: err.Error()}
	}
	a = r.Analyses[0]
	x := &runner{in: in, res: res, a: a}
	var err error
	switch a.Name {
	case pipeline.ACoupling:
		err = x.coupling()
	case pipeline.AObstacle:
		err = x.obstacle()
	case pipeline.ADagum:
		err = x.dagum()
	case pipeline.ATheil:
		err = x.theil()
	case pipeline.AKDE:
		err = x.kde()
	case pipeline.AMarkov, pipeline.ASpatialMarkov:
		err = x.markov()
	case pipeline.ASigma:
		err = x.sigma()
	case pipeline.ABeta:
		err = x.beta()
	case pipeline.AMoran, pipeline.ALISA:
		err = x.moran()
	case pipeline.AUA:
		err = x.ua()
	case pipeline.ASA:
		err = x.sa()
	case pipeline.ARemove:
		err = x.remove()
	case pipeline.ACompare:
		err = x.compare()
	}
	if err != nil {
		return nil, err
	}
	o := &Output{Analysis: a, Value: x.value}
	for _, t := range x.tables {
		o.Tables = append(o.Tables, *t)
	}
	return o, nil
}

type runner struct {
	in     pipeline.Input
	res    *pipeline.Result
	a      pipeline.Analysis
	value  any
	tables []*pipeline.AnalysisTable
}

// T is a text in both languages.
func T(zh, en string) pipeline.Text { return pipeline.Text{Zh: zh, En: en} }

func (x *runner) table(name string, title pipeline.Text, header ...pipeline.Text) *pipeline.AnalysisTable {
	t := &pipeline.AnalysisTable{Name: name, Title: title, Header: header}
	x.tables = append(x.tables, t)
	return t
}

var (
	hPeriod = T("时期", "Period")
	hCode   = T("地区代码", "Unit code")
	hUnit   = T("地区", "Unit")
	hGroup  = T("组", "Group")
	hMean   = T("均值", "Mean")
	tAll    = T("全部", "All")
)

func obsHeader() []pipeline.Text { return []pipeline.Text{hPeriod, hCode, hUnit} }

func (x *runner) obsCells(o pipeline.Obs) []any {
	u := x.res.Units[o.Unit]
	return []any{x.res.Periods[o.Period].Label, u.Code, u.Name}
}

// nominal is the recipe the result was scored with, without analyses.
func (x *runner) nominal() pipeline.Recipe {
	r := x.res.Recipe
	r.Analyses = nil
	return r
}

// children returns the aggregates under parent ("" = the index), or the
// declared codes.
func (x *runner) children() ([]string, error) {
	if x.a.Codes != nil {
		return x.a.Codes, nil
	}
	if x.a.Level == "" {
		return nil, nil
	}
	if x.res.AggregateIndex(x.a.Level) < 0 {
		return nil, errorf("unknown-aggregate", "结果中没有汇总项 %s", "the result has no aggregate %s", x.a.Level)
	}
	var out []string
	for _, c := range x.res.Framework.Children(x.a.Level) {
		if x.res.AggregateIndex(c) >= 0 {
			out = append(out, c)
		}
	}
	return out, nil
}

func (x *runner) coupling() error {
	codes, err := x.children()
	if err != nil {
		return err
	}
	ct, err := CouplingOf(x.res, codes, CouplingOptions{Variant: x.a.Variant, Weights: x.a.CoordinationWeights, Rescale: x.a.Rescale, Boundary: x.a.Boundary})
	if err != nil {
		return err
	}
	x.value = ct
	t := x.table("coupling", T("耦合协调度（"+ct.Options.Variant+", "+ct.Options.Boundary+"）", "Coupling coordination ("+ct.Options.Variant+", "+ct.Options.Boundary+")"),
		append(obsHeader(), T("C", "C"), T("T", "T"), T("D", "D"), T("等级", "Level"), T("协调类型", "Class"), T("耦合阶段", "Stage"), T("滞后子系统", "Lagging"), T("最小/最大 U", "min U / max U"))...)
	for i, o := range ct.Rows {
		r := ct.Out[i]
		var lag any
		if r.Lagging >= 0 {
			lag = ct.Systems[r.Lagging]
		}
		var level any
		if r.Level > 0 {
			level = r.Level
		}
		t.Rows = append(t.Rows, append(x.obsCells(o), r.C, r.T, r.D, level, T(r.Class, r.ClassEn), T(r.Stage, r.StageEn), lag, r.Ratio))
	}
	return nil
}

func (x *runner) obstacle() error {
	dims, err := x.children()
	if err != nil {
		return err
	}
	ot, err := ObstacleOf(x.res, dims, x.a.Top)
	if err != nil {
		return err
	}
	x.value = ot
	h := obsHeader()
	for _, d := range ot.Dimensions {
		h = append(h, T(d, d))
	}
	for k := 1; k <= x.a.Top; k++ {
		h = append(h, T(fmt.Sprintf("障碍因子 %d", k), fmt.Sprintf("Obstacle %d", k)), T(fmt.Sprintf("障碍度 %d", k), fmt.Sprintf("Degree %d", k)))
	}
	t := x.table("obstacle", T("障碍度（%）：维度与前几位障碍因子", "Obstacle degrees (%): dimensions and top obstacles"), h...)
	for i, o := range ot.Rows {
		row := x.obsCells(o)
		for _, v := range ot.Dimension[i] {
			row = append(row, v)
		}
		for k := 0; k < x.a.Top; k++ {
			if k < len(ot.Top[i]) {
				row = append(row, ot.Top[i][k].Code, ot.Top[i][k].Degree)
			} else {
				row = append(row, nil, nil)
			}
		}
		t.Rows = append(t.Rows, row)
	}
	ih := obsHeader()
	for _, c := range ot.Indicators {
		ih = append(ih, T(c, c))
	}
	it := x.table("obstacle_indicators", T("指标障碍度（%）", "Indicator obstacle degrees (%)"), ih...)
	for i, o := range ot.Rows {
		row := x.obsCells(o)
		for _, v := range ot.Indicator[i] {
			row = append(row, v)
		}
		it.Rows = append(it.Rows, row)
	}
	return nil
}

func (x *runner) series() (*Series, error) { return SeriesOf(x.res, x.a.Level) }

// groups returns a label per unit, or nil when no grouping is declared.
func (x *runner) groups() ([]string, error) {
	if x.a.Groups == "" {
		return nil, nil
	}
	return UnitGroups(x.res, x.a.Groups)
}

func (x *runner) dagum() error {
	s, err := x.series()
	if err != nil {
		return err
	}
	g, err := x.groups()
	if err != nil {
		return err
	}
	v := &ByPeriod[*DagumResult]{Code: s.Code, Periods: s.Periods}
	t := x.table("dagum", T("Dagum 基尼系数及分解（"+s.Code+"）", "Dagum Gini decomposition ("+s.Code+")"),
		hPeriod, T("G", "G"), T("Gw", "Gw"), T("Gnb", "Gnb"), T("Gt", "Gt"), T("组内贡献率", "Within share"), T("组间贡献率", "Between share"), T("超变密度贡献率", "Transvariation share"))
	tw := x.table("dagum_groups", T("组内基尼系数", "Within-group Gini"), hPeriod, hGroup, T("n", "n"), hMean, T("G_jj", "G_jj"))
	tb := x.table("dagum_between", T("组间基尼系数与相对经济影响", "Between-group Gini and relative affluence"), hPeriod, T("组 j", "Group j"), T("组 h", "Group h"), T("G_jh", "G_jh"), T("D_jh", "D_jh"))
	for p, label := range s.Periods {
		d, err := Dagum(s.Column(p), g)
		if err != nil {
			return err
		}
		v.Values = append(v.Values, d)
		w, nb, tv := d.Shares()
		t.Rows = append(t.Rows, []any{label, d.G, d.Gw, d.Gnb, d.Gt, w, nb, tv})
		for j, name := range d.Groups {
			tw.Rows = append(tw.Rows, []any{label, name, d.N[j], d.Mean[j], d.Within[j]})
			for h := 0; h < j; h++ {
				tb.Rows = append(tb.Rows, []any{label, name, d.Groups[h], d.Between[j][h], d.D[h][j]})
			}
		}
	}
	x.value = v
	return nil
}

func (x *runner) theil() error {
	s, err := x.series()
	if err != nil {
		return err
	}
	g, err := x.groups()
	if err != nil {
		return err
	}
	kind := x.a.Variant
	v := &ByPeriod[*TheilResult]{Code: s.Code, Periods: s.Periods}
	t := x.table("theil", T("泰尔指数 "+kind+" 及分解（"+s.Code+"）", "Theil "+kind+" decomposition ("+s.Code+")"),
		hPeriod, T("总体", "Total"), T("组内", "Within"), T("组间", "Between"), T("组间贡献率", "Between share"))
	tg := x.table("theil_groups", T("各组泰尔指数", "Theil index by group"), hPeriod, hGroup, T("n", "n"), hMean, T("份额", "Share"), T("组内指数", "Index"))
	for p, label := range s.Periods {
		r, err := Theil(s.Column(p), g, kind)
		if err != nil {
			return err
		}
		v.Values = append(v.Values, r)
		t.Rows = append(t.Rows, []any{label, r.Total, r.Within, r.Between, r.Between / r.Total})
		for j, name := range r.Groups {
			tg.Rows = append(tg.Rows, []any{label, name, r.N[j], r.Mean[j], r.Share[j], r.Index[j]})
		}
	}
	x.value = v
	return nil
}

func (x *runner) kde() error {
	s, err := x.series()
	if err != nil {
		return err
	}
	k, err := KDEOf(s, KDEOptions{Kernel: x.a.Kernel, Bandwidth: x.a.Bandwidth, H: x.a.H, Points: x.a.Points, Cut: x.a.Cut})
	if err != nil {
		return err
	}
	x.value = k
	h := []pipeline.Text{T("x", "x")}
	for _, l := range k.Labels {
		h = append(h, T(l, l))
	}
	t := x.table("kde", T("核密度（共同网格，"+k.Options.Kernel+"）", "Kernel density (shared grid, "+k.Options.Kernel+")"), h...)
	for i, g := range k.Grid {
		row := []any{g}
		for p := range k.Labels {
			row = append(row, k.Density[p][i])
		}
		t.Rows = append(t.Rows, row)
	}
	bw := x.table("kde_bandwidth", T("带宽", "Bandwidths"), hPeriod, T("n", "n"), T("h", "h"))
	for p, l := range k.Labels {
		bw.Rows = append(bw.Rows, []any{l, k.N[p], k.H[p]})
	}
	return nil
}

func (x *runner) markovTable(name string, title pipeline.Text, m *MarkovResult) {
	h := []pipeline.Text{T("初始状态", "From"), T("n", "n")}
	for b := 1; b <= m.K; b++ {
		h = append(h, T(fmt.Sprint(b), fmt.Sprint(b)))
	}
	t := x.table(name, title, h...)
	for i := range m.P {
		row := []any{fmt.Sprint(i + 1), m.N[i]}
		for _, v := range m.P[i] {
			row = append(row, v)
		}
		t.Rows = append(t.Rows, row)
	}
	row := []any{T("稳态", "Steady"), nil}
	for _, v := range m.Steady {
		row = append(row, v)
	}
	t.Rows = append(t.Rows, row)
}

func (x *runner) markov() error {
	s, err := x.series()
	if err != nil {
		return err
	}
	opt := MarkovOptions{K: x.a.K, Thresholds: x.a.Thresholds, Breaks: x.a.Breaks, Lag: x.a.Lag}
	if x.a.Name == pipeline.AMarkov {
		m, err := Markov(s.Y, opt)
		if err != nil {
			return err
		}
		x.value = m
		x.markovTable("markov", T("马尔可夫转移概率矩阵", "Markov transition matrix"), m)
		return nil
	}
	w, err := SpatialW(x.res.Units, x.a.W)
	if err != nil {
		return err
	}
	sm, err := SpatialMarkov(s.Y, w, opt)
	if err != nil {
		return err
	}
	x.value = sm
	x.markovTable("spatial_markov", T("马尔可夫转移概率矩阵", "Markov transition matrix"), sm.Global)
	for c, m := range sm.ByLag {
		x.markovTable(fmt.Sprintf("markov_lag%d", c+1), T(fmt.Sprintf("空间马尔可夫：邻域状态 %d", c+1), fmt.Sprintf("Spatial Markov: neighbours in class %d", c+1)), m)
	}
	return nil
}

// groupRows splits the unit rows of y by group label: all units first
// (label ""), then every group in order of first appearance.
func groupRows(y [][]float64, g []string) ([]string, [][][]float64) {
	names := []string{""}
	rows := [][][]float64{y}
	idx := map[string]int{}
	for u, l := range g {
		if l == "" {
			continue
		}
		k, ok := idx[l]
		if !ok {
			k = len(names)
			idx[l] = k
			names = append(names, l)
			rows = append(rows, nil)
		}
		rows[k] = append(rows[k], y[u])
	}
	return names, rows
}

func groupCell(name string) any {
	if name == "" {
		return tAll
	}
	return name
}

func (x *runner) sigma() error {
	s, err := x.series()
	if err != nil {
		return err
	}
	g, err := x.groups()
	if err != nil {
		return err
	}
	ddof := *x.a.DDof
	div := T("标准差除以 n", "SD with n")
	if ddof == 1 {
		div = T("标准差除以 n − 1", "SD with n − 1")
	}
	v := &ByGroup[*SigmaResult]{Code: s.Code}
	t := x.table("sigma", T("σ 收敛（"+div.Zh+"）", "σ-convergence ("+div.En+")"),
		hGroup, hPeriod, T("n", "n"), hMean, T("标准差", "SD"), T("CV", "CV"), T("对数标准差", "SD of ln"))
	names, rows := groupRows(s.Y, g)
	for k, name := range names {
		r, err := SigmaConvergence(rows[k], s.Periods, ddof)
		if err != nil {
			return err
		}
		v.Groups = append(v.Groups, name)
		v.Results = append(v.Results, r)
		for p, l := range r.Periods {
			t.Rows = append(t.Rows, []any{groupCell(name), l, r.N[p], r.Mean[p], r.SD[p], r.CV[p], r.SDLog[p]})
		}
	}
	x.value = v
	return nil
}

func (x *runner) beta() error {
	s, err := x.series()
	if err != nil {
		return err
	}
	g, err := x.groups()
	if err != nil {
		return err
	}
	model := x.a.Variant
	v := &ByGroup[*BetaResult]{Code: s.Code}
	t := x.table("beta", T("绝对 β 收敛（"+model+"）", "Absolute β-convergence ("+model+")"),
		hGroup, T("n", "n"), T("β", "β"), T("SE", "SE"), T("t", "t"), T("p", "p"), T("α", "α"), T("收敛速度", "Speed"), T("半衰期", "Half-life"))
	names, rows := groupRows(s.Y, g)
	for k, name := range names {
		r, err := BetaConvergence(rows[k], model)
		if err != nil {
			var e *Error
			if name == "" || !errors.As(err, &e) {
				return err
			}
			return errorf(e.Code, "组 %[1]s：%[2]s", "group %[1]s: %[3]s", name, e.Zh, e.En)
		}
		v.Groups = append(v.Groups, name)
		v.Results = append(v.Results, r)
		t.Rows = append(t.Rows, []any{groupCell(name), r.N, r.Beta, r.SE, r.T, r.P, r.Alpha, r.Speed, r.HalfLife})
	}
	x.value = v
	return nil
}

// periodW returns the units of period p with a score, their scores and
// the weight matrix among them (standardised as declared).
func (x *runner) periodW(s *Series, w [][]float64, p int) ([]int, []float64, [][]float64) {
	y := s.Column(p)
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
	if x.a.W.Standardise != "none" {
		ww = RowStandardise(ww)
	}
	return keep, yy, ww
}

func wTitle(w *pipeline.SpatialWeights) string {
	s := w.Type
	if w.Standardise == "row" {
		s += ", row-standardised"
	}
	return s
}

func (x *runner) moran() error {
	s, err := x.series()
	if err != nil {
		return err
	}
	w, err := SpatialW(x.res.Units, x.a.W)
	if err != nil {
		return err
	}
	if x.a.Name == pipeline.ALISA {
		v := &ByPeriod[*LISAPeriod]{Code: s.Code, Periods: s.Periods}
		t := x.table("lisa", T("局部 Moran（LISA，"+s.Code+"，W: "+wTitle(x.a.W)+"）", "Local Moran (LISA, "+s.Code+", W: "+wTitle(x.a.W)+")"),
			hPeriod, hCode, hUnit, T("I_i", "I_i"), T("E[I_i]", "E[I_i]"), T("Var[I_i]", "Var[I_i]"), T("z", "z"), T("p", "p"), T("象限", "Quadrant"))
		for p, label := range s.Periods {
			keep, yy, ww := x.periodW(s, w, p)
			l, err := LocalMoran(yy, ww)
			if err != nil {
				return err
			}
			lp := &LISAPeriod{Stats: l}
			for i, u := range keep {
				lp.Units = append(lp.Units, s.Units[u])
				t.Rows = append(t.Rows, []any{label, s.Units[u], s.Names[u], l[i].I, l[i].E, l[i].Var, l[i].Z, l[i].P, l[i].Quadrant})
			}
			v.Values = append(v.Values, lp)
		}
		x.value = v
		return nil
	}
	perms := x.a.Permutations
	if perms < 0 {
		perms = 0
	}
	h := []pipeline.Text{hPeriod, T("n", "n"), T("I", "I"), T("E[I]", "E[I]"), T("z (N)", "z (N)"), T("p (N)", "p (N)"), T("z (R)", "z (R)"), T("p (R)", "p (R)")}
	if perms > 0 {
		h = append(h, T(fmt.Sprintf("p（%d 次置换）", perms), fmt.Sprintf("p (%d perm.)", perms)))
	}
	t := x.table("moran", T("全局 Moran's I（"+s.Code+"，W: "+wTitle(x.a.W)+"）", "Global Moran's I ("+s.Code+", W: "+wTitle(x.a.W)+")"), h...)
	v := &ByPeriod[*MoranResult]{Code: s.Code, Periods: s.Periods}
	for p, label := range s.Periods {
		_, yy, ww := x.periodW(s, w, p)
		m, err := Moran(yy, ww, perms, *x.a.Seed)
		if err != nil {
			return err
		}
		v.Values = append(v.Values, m)
		row := []any{label, m.N, m.I, m.E, m.ZN, m.PN, m.ZR, m.PR}
		if perms > 0 {
			row = append(row, m.PPerm)
		}
		t.Rows = append(t.Rows, row)
	}
	x.value = v
	return nil
}

func (x *runner) inputs() []Uncertain {
	var out []Uncertain
	for _, u := range x.a.Inputs {
		v := Uncertain{Name: u.Name, Path: u.Path, Alternatives: u.Alternatives, NoiseSets: u.NoiseSets}
		for _, n := range u.Noise {
			v.Noise = append(v.Noise, LevelNoise{Level: n.Level, Factor: n.Factor})
		}
		out = append(out, v)
	}
	return out
}

func (x *runner) ua() error {
	u, err := Uncertainty(x.in, x.nominal(), UAOptions{Inputs: x.inputs(), N: x.a.N, Seed: *x.a.Seed, Code: x.a.Level, KeepScores: x.a.KeepScores})
	if err != nil {
		return err
	}
	x.value = u
	t := x.table("uncertainty", T(fmt.Sprintf("不确定性分析（%d 次，失败 %d 次）：%s 排名", u.N, u.Failed, u.Code), fmt.Sprintf("Uncertainty analysis (%d runs, %d failed): ranks of %s", u.N, u.Failed, u.Code)),
		append(obsHeader(), T("名义得分", "Nominal score"), T("名义排名", "Nominal rank"), T("平均排名", "Mean rank"), T("中位排名", "Median rank"), T("Q5", "Q5"), T("Q95", "Q95"))...)
	for i, o := range u.Rows {
		t.Rows = append(t.Rows, append(x.obsCells(o), u.Nominal[i], rankCell(u.NominalRank[i]), u.Mean[i], u.Median[i], u.Q5[i], u.Q95[i]))
	}
	ch := []pipeline.Text{T("运行", "Run")}
	for _, n := range u.Inputs {
		ch = append(ch, T(n, n))
	}
	ct := x.table("uncertainty_runs", T("每次运行所取的备选（从 1 计）", "Alternative taken per run (from 1)"), ch...)
	for i, c := range u.Choices {
		row := []any{i + 1}
		for _, k := range c {
			row = append(row, k+1)
		}
		ct.Rows = append(ct.Rows, row)
	}
	if x.a.KeepScores {
		h := obsHeader()
		for i := range u.Scores {
			h = append(h, T(fmt.Sprintf("运行 %d", i+1), fmt.Sprintf("Run %d", i+1)))
		}
		st := x.table("uncertainty_scores", T("每次运行的得分", "Scores per run"), h...)
		for j, o := range u.Rows {
			row := x.obsCells(o)
			for i := range u.Scores {
				row = append(row, u.Scores[i][j])
			}
			st.Rows = append(st.Rows, row)
		}
	}
	return nil
}

func rankCell(r int) any {
	if r == 0 {
		return nil
	}
	return r
}

func (x *runner) sa() error {
	s, err := Sensitivity(x.in, x.nominal(), SAOptions{Inputs: x.inputs(), N: x.a.N, Seed: *x.a.Seed, Nboot: x.a.Nboot, Code: x.a.Level})
	if err != nil {
		return err
	}
	x.value = s
	t := x.table("sensitivity", T(fmt.Sprintf("敏感性分析（Saltelli/Jansen，%d 次运行，有效样本 %d，方差 %.6g）", s.Runs, s.Used, s.Variance), fmt.Sprintf("Sensitivity analysis (Saltelli/Jansen, %d runs, %d samples used, variance %.6g)", s.Runs, s.Used, s.Variance)),
		T("输入", "Input"), T("Si", "Si"), T("Si q5", "Si q5"), T("Si q95", "Si q95"), T("STi", "STi"), T("STi q5", "STi q5"), T("STi q95", "STi q95"))
	for _, v := range s.Indices {
		t.Rows = append(t.Rows, []any{v.Input, v.Si, v.SiQ5, v.SiQ95, v.STi, v.STiQ5, v.STiQ95})
	}
	return nil
}

func (x *runner) remove() error {
	r, err := RemoveElements(x.in, x.nominal(), x.a.ElementLevel, x.a.Level)
	if err != nil {
		return err
	}
	x.value = r
	t := x.table("remove", T("逐一剔除要素：平均绝对排名变化", "Removing one element at a time: mean absolute rank change"), T("要素", "Element"), T("平均绝对排名变化", "Mean |Δrank|"))
	for k, e := range r.Elements {
		t.Rows = append(t.Rows, []any{e, r.MeanAbsDiff[k]})
	}
	h := append(obsHeader(), T("名义排名", "Nominal rank"))
	for _, e := range r.Elements {
		h = append(h, T("剔除 "+e, "without "+e))
	}
	rt := x.table("remove_ranks", T("逐一剔除要素后的排名", "Ranks with each element removed"), h...)
	for i, o := range r.Rows {
		row := append(x.obsCells(o), rankCell(r.NominalRank[i]))
		for k := range r.Elements {
			row = append(row, rankCell(r.Ranks[k][i]))
		}
		rt.Rows = append(rt.Rows, row)
	}
	return nil
}

func (x *runner) compare() error {
	nom := x.nominal()
	names := []string{"nominal"}
	recipes := []pipeline.Recipe{nom}
	for _, v := range x.a.Variants {
		r := nom
		for _, e := range v.Edits {
			var err error
			if r, err = EditRecipe(r, e.Path, e.Value); err != nil {
				return err
			}
		}
		names = append(names, v.Name)
		recipes = append(recipes, r)
	}
	c, err := Compare(x.in, names, recipes, x.a.Level)
	if err != nil {
		return err
	}
	x.value = c
	h := []pipeline.Text{T("配方", "Recipe"), T("平均绝对排名变化", "Mean |Δrank|")}
	for _, p := range c.Periods {
		h = append(h, T("Spearman "+p, "Spearman "+p))
	}
	t := x.table("compare", T("配方比较（相对名义配方）："+c.Code, "Recipe comparison (against the nominal recipe): "+c.Code), h...)
	for k, n := range c.Names {
		name := any(n)
		if k == 0 {
			name = T("名义", "nominal")
		}
		row := []any{name, c.MeanAbsDiff[k]}
		for _, v := range c.Spearman[k] {
			row = append(row, v)
		}
		t.Rows = append(t.Rows, row)
	}
	rh := obsHeader()
	for k, n := range c.Names {
		if k == 0 {
			rh = append(rh, T("名义排名", "Nominal rank"))
		} else {
			rh = append(rh, T(n+" 排名", n+" rank"))
		}
	}
	rt := x.table("compare_ranks", T("各配方的排名", "Ranks under each recipe"), rh...)
	for i, o := range c.Rows {
		row := x.obsCells(o)
		for k := range c.Names {
			row = append(row, rankCell(c.Ranks[k][i]))
		}
		rt.Rows = append(rt.Rows, row)
	}
	return nil
}
