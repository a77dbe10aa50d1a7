package export

import (
	"fmt"
	"math"
	"sort"

	"github.com/nqp-index/nqp/scoring/pipeline"
)

// Table is a named rectangular table. Cells are string, float64, int or
// nil (empty); a NaN float64 is written as an empty cell.
type Table struct {
	Name   string // sheet or file name (ASCII)
	Title  string // human title in the chosen language
	Header []string
	Rows   [][]any
}

func tr(lang, zh, en string) string {
	if lang == "en" {
		return en
	}
	return zh
}

func rankCell(r int) any {
	if r == 0 {
		return nil
	}
	return r
}

// ScoresTable returns the scores table of Tables alone: one row per unit
// and period, sorted by period then index rank.
func ScoresTable(res *pipeline.Result, lang string) Table {
	name := func(code string) string {
		if n := res.Framework.Node(code); n != nil {
			return n.Name(lang)
		}
		return code
	}
	sc := Table{Name: "scores", Title: tr(lang, "综合得分与排名", "Scores and ranks")}
	sc.Header = []string{tr(lang, "时期", "Period"), tr(lang, "排名", "Rank"), tr(lang, "地区代码", "Unit code"), tr(lang, "地区", "Unit")}
	if res.GroupBy != "" {
		sc.Header = append(sc.Header, tr(lang, "分组", "Group"), tr(lang, "组内排名", "Rank in group"))
	}
	for _, a := range res.Aggregates {
		sc.Header = append(sc.Header, name(a))
	}
	for _, a := range res.Aggregates[1:] {
		sc.Header = append(sc.Header, name(a)+tr(lang, "排名", " rank"))
	}
	order := make([]int, len(res.Rows))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		ra, rb := res.Rows[order[a]], res.Rows[order[b]]
		if ra.Period != rb.Period {
			return ra.Period < rb.Period
		}
		ka, kb := res.Ranks[order[a]][0], res.Ranks[order[b]][0]
		if ka == 0 {
			ka = math.MaxInt
		}
		if kb == 0 {
			kb = math.MaxInt
		}
		return ka < kb
	})
	for _, i := range order {
		o := res.Rows[i]
		u := res.Units[o.Unit]
		row := []any{res.Periods[o.Period].Label, rankCell(res.Ranks[i][0]), u.Code, u.Name}
		if res.GroupBy != "" {
			row = append(row, res.Groups[i], rankCell(res.GroupRanks[i][0]))
		}
		for k := range res.Aggregates {
			row = append(row, res.Scores[i][k])
		}
		for k := range res.Aggregates[1:] {
			row = append(row, rankCell(res.Ranks[i][k+1]))
		}
		sc.Rows = append(sc.Rows, row)
	}
	return sc
}

// WeightsTable returns the weights table of Tables alone (its second): one
// row per node and weight set.
func WeightsTable(res *pipeline.Result, lang string) Table {
	name := func(code string) string {
		if n := res.Framework.Node(code); n != nil {
			return n.Name(lang)
		}
		return code
	}
	wt := Table{Name: "weights", Title: tr(lang, "权重", "Weights"),
		Header: []string{tr(lang, "时期", "Period"), tr(lang, "代码", "Code"), tr(lang, "名称", "Name"), tr(lang, "上级", "Parent"), tr(lang, "层级", "Level"), tr(lang, "组内权重", "Relative weight"), tr(lang, "综合权重", "Effective weight")}}
	for _, s := range res.Weights {
		p := s.Period
		if p == "" {
			p = tr(lang, "全部", "all")
		}
		for _, n := range s.Nodes {
			wt.Rows = append(wt.Rows, []any{p, n.Code, name(n.Code), n.Parent, n.Level, n.Relative, n.Effective})
		}
	}
	return wt
}

// Tables returns the result's tables in lang ("zh" or "en").
func Tables(res *pipeline.Result, lang string) []Table {
	fw := res.Framework
	name := func(code string) string {
		if n := fw.Node(code); n != nil {
			return n.Name(lang)
		}
		return code
	}
	ts := []Table{ScoresTable(res, lang), WeightsTable(res, lang)}

	// Weight diagnostics.
	if len(res.Entropy) > 0 {
		et := Table{Name: "entropy", Title: tr(lang, "熵值法中间结果", "Entropy method"),
			Header: []string{tr(lang, "时期", "Period"), tr(lang, "指标", "Indicator"), tr(lang, "名称", "Name"), "N", "k", tr(lang, "信息熵 e", "Entropy e"), tr(lang, "信息效用值 d", "Divergence d"), tr(lang, "权重 w", "Weight w")}}
		for _, d := range res.Entropy {
			p := d.Period
			if p == "" {
				p = tr(lang, "全部", "all")
			}
			for j, c := range res.Indicators {
				et.Rows = append(et.Rows, []any{p, c, name(c), d.N[j], d.K[j], d.E[j], d.D[j], d.W[j]})
			}
		}
		ts = append(ts, et)
	}
	if d := res.CRITIC; d != nil {
		title := tr(lang, "CRITIC 中间结果", "CRITIC")
		switch d.Correlation {
		case "spearman":
			title += tr(lang, "（Spearman 秩相关）", " (Spearman rank correlation)")
		case "kendall":
			title += tr(lang, "（Kendall τ-b 相关）", " (Kendall τ-b correlation)")
		}
		ct := Table{Name: "critic", Title: title,
			Header: []string{tr(lang, "指标", "Indicator"), tr(lang, "名称", "Name"), tr(lang, "波动性 σ", "Contrast σ"), tr(lang, "冲突性 R", "Conflict R"), tr(lang, "信息量 C", "Information C"), tr(lang, "权重", "Weight")}}
		for j, c := range res.Indicators {
			ct.Rows = append(ct.Rows, []any{c, name(c), d.Sigma[j], d.Conflict[j], d.Info[j], d.W[j]})
		}
		ts = append(ts, ct)
	}
	if d := res.Spread; d != nil {
		st := Table{Name: "spread", Title: tr(lang, "变异系数/标准差法中间结果", "Spread method"),
			Header: []string{tr(lang, "指标", "Indicator"), tr(lang, "名称", "Name"), tr(lang, "均值", "Mean"), tr(lang, "标准差", "SD"), tr(lang, "离散程度", "Spread"), tr(lang, "权重", "Weight")}}
		for j, c := range res.Indicators {
			st.Rows = append(st.Rows, []any{c, name(c), d.Mean[j], d.SD[j], d.Spread[j], d.W[j]})
		}
		ts = append(ts, st)
	}

	ts = append(ts, weightingTables(res, lang, name)...)

	// Normalised and raw values.
	for _, m := range []struct {
		name, zh, en string
		x            pipeline.Matrix
	}{{"normalised", "标准化值", "Normalised values", res.Normalised}, {"raw", "原始值", "Raw values", res.Raw},
		{"denominated", "除以分母后的值", "Denominated values", res.Denominated}, {"imputed", "插补后的值", "Imputed values", res.Imputed},
		{"screened", "筛选后的值", "Screened values", res.Screened}, {"treated", "异常值处理后的值", "Treated values", res.Treated}} {
		if len(m.x) != len(res.Rows) {
			continue // the step did not run
		}
		ts = append(ts, indicatorTable(res, lang, m.name, m.zh, m.en, func(i, j int) any { return m.x[i][j] }))
	}

	ts = append(ts, indicatorRankTables(res, lang)...)

	ts = append(ts, preStepTables(res, lang)...)

	// Normalisation parameters and whole-matrix aggregation tables.
	ts = append(ts, methodTables(res, lang, name)...)

	// Indicators and their columns.
	it := Table{Name: "indicators", Title: tr(lang, "指标与数据列", "Indicators and columns"),
		Header: []string{tr(lang, "代码", "Code"), tr(lang, "名称", "Name"), tr(lang, "上级", "Parent"), tr(lang, "方向", "Direction"), tr(lang, "单位", "Unit"), tr(lang, "数据列", "Data column")}}
	for _, c := range res.Columns {
		n := fw.Node(c.Code)
		dir := n.Direction.Kind.String()
		if n.DirectionGuessed {
			dir += tr(lang, "（按名称推测）", " (guessed from the name)")
		}
		it.Rows = append(it.Rows, []any{c.Code, n.Name(lang), n.Parent, dir, n.Unit, c.Column})
	}
	ts = append(ts, it)

	// Problems.
	pt := Table{Name: "problems", Title: tr(lang, "问题报告", "Problems"),
		Header: []string{tr(lang, "级别", "Severity"), tr(lang, "代码", "Code"), tr(lang, "文件", "File"), tr(lang, "行", "Row"), tr(lang, "列", "Column"), tr(lang, "内容", "Text"), tr(lang, "说明", "Message")}}
	for _, p := range res.Report.Problems {
		col := p.Column
		if p.Col > 0 {
			col = fmt.Sprintf("%d %s", p.Col, p.Column)
		}
		var row any
		if p.Row > 0 {
			row = p.Row
		}
		pt.Rows = append(pt.Rows, []any{p.Severity.Label(lang), p.Code, p.File, row, col, p.Text, p.Message(lang)})
	}
	ts = append(ts, pt)

	// Tables of the recipe's declared analyses.
	ts = append(ts, analysisTables(res, lang, ts)...)
	return ts
}

// methodTables returns the normalisation parameter table and the tables of
// the whole-matrix aggregation methods (TOPSIS D⁺/D⁻/C, VIKOR S/R/Q, GRA
// coefficients and grades), when the result has them.
func methodTables(res *pipeline.Result, lang string, name func(string) string) []Table {
	var ts []Table
	all := func(p string) string {
		if p == "" {
			return tr(lang, "全部", "all")
		}
		return p
	}
	if len(res.NormaliseDetails) > 0 {
		nt := Table{Name: "normalise_params", Title: tr(lang, "标准化参数", "Normalisation parameters"),
			Header: []string{tr(lang, "时期", "Period"), tr(lang, "指标", "Indicator"), tr(lang, "名称", "Name"), tr(lang, "方法", "Method"), tr(lang, "参数", "Parameter"), tr(lang, "取值", "Value")}}
		for _, d := range res.NormaliseDetails {
			keys := make([]string, 0, len(d.Params))
			for k := range d.Params {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				nt.Rows = append(nt.Rows, []any{all(d.Period), d.Indicator, name(d.Indicator), d.Method, k, d.Params[k]})
			}
		}
		ts = append(ts, nt)
	}
	if len(res.AggregateDetails) == 0 {
		return ts
	}
	unit := func(i int) (string, string) {
		u := res.Units[res.Rows[i].Unit]
		return u.Code, u.Name
	}
	head := []string{tr(lang, "节点", "Node"), tr(lang, "时期", "Period"), tr(lang, "地区代码", "Unit code"), tr(lang, "地区", "Unit")}
	var tp, vk, gr, wt Table
	tp = Table{Name: "topsis", Title: tr(lang, "TOPSIS 距离与贴近度", "TOPSIS distances and closeness"),
		Header: append(append([]string{}, head...), "D+", "D-", tr(lang, "相对贴近度 C", "Closeness C"))}
	vk = Table{Name: "vikor", Title: tr(lang, "VIKOR 群体效用 S、个体遗憾 R 与折衷值 Q", "VIKOR S, R and Q"),
		Header: append(append([]string{}, head...), "S", "R", "Q", tr(lang, "折衷解", "Compromise"))}
	gr = Table{Name: "gra", Title: tr(lang, "灰色关联系数与关联度", "Grey relational coefficients and grades"),
		Header: append(append([]string{}, head...), tr(lang, "指标", "Indicator"), tr(lang, "关联系数 ξ", "Coefficient ξ"), tr(lang, "关联度 r", "Grade r"))}
	wt = Table{Name: "aggregate_weights", Title: tr(lang, "汇总方法的节点内权重与理想解", "Within-node weights and reference values"),
		Header: []string{tr(lang, "节点", "Node"), tr(lang, "时期", "Period"), tr(lang, "指标", "Indicator"), tr(lang, "权重", "Weight"), tr(lang, "正理想解/参考序列", "Ideal / reference"), tr(lang, "负理想解", "Anti-ideal")}}
	for _, d := range res.AggregateDetails {
		p := all(d.Period)
		for j, c := range d.Indicators {
			var best, worst any
			switch {
			case d.IdealBest != nil:
				best, worst = d.IdealBest[j], d.IdealWorst[j]
			case d.Reference != nil:
				best = d.Reference[j]
			}
			wt.Rows = append(wt.Rows, []any{d.Node, p, c, d.Weights[j], best, worst})
		}
		comp := map[int]bool{}
		for _, i := range d.CompromiseSet {
			comp[i] = true
		}
		for k, i := range d.Rows {
			code, uname := unit(i)
			switch {
			case d.Closeness != nil:
				tp.Rows = append(tp.Rows, []any{d.Node, p, code, uname, d.DPlus[k], d.DMinus[k], d.Closeness[k]})
			case d.Q != nil:
				var c any
				if comp[i] {
					c = tr(lang, "是", "yes")
				}
				vk.Rows = append(vk.Rows, []any{d.Node, p, code, uname, d.S[k], d.R[k], d.Q[k], c})
			case d.Grade != nil:
				for j, ind := range d.Indicators {
					gr.Rows = append(gr.Rows, []any{d.Node, p, code, uname, ind, d.Coefficients[k][j], d.Grade[k]})
				}
			}
		}
	}
	ts = append(ts, wt)
	for _, t := range []Table{tp, vk, gr} {
		if len(t.Rows) > 0 {
			ts = append(ts, t)
		}
	}
	return ts
}

// weightingTables returns the diagnostics of the PCA, AHP, combination,
// vertical-horizontal and optimised weights, when present.
func weightingTables(res *pipeline.Result, lang string, name func(string) string) []Table {
	var ts []Table
	if len(res.PCA) > 0 {
		t := Table{Name: "pca", Title: tr(lang, "主成分赋权", "PCA weights"),
			Header: []string{tr(lang, "形式", "Form"), tr(lang, "组", "Group"), tr(lang, "代码", "Code"), tr(lang, "名称", "Name"), tr(lang, "观测数", "N obs"),
				tr(lang, "第一主成分载荷", "PC1 loading"), tr(lang, "综合系数 b", "Composite b"), tr(lang, "权重", "Weight"),
				tr(lang, "特征值", "Eigenvalue"), tr(lang, "方差贡献率", "Variance share"), tr(lang, "保留主成分数", "Components kept")}}
		for _, d := range res.PCA {
			for m, c := range d.Codes {
				var b any
				if d.B != nil {
					b = d.B[m]
				}
				t.Rows = append(t.Rows, []any{d.Form, d.Group, c, name(c), d.NObs, d.Loadings[m][0], b, d.W[m], d.Eigenvalues[m], d.Variance[m], d.Kept})
			}
		}
		ts = append(ts, t)
	}
	if len(res.AHP) > 0 {
		t := Table{Name: "ahp", Title: tr(lang, "层次分析法", "AHP"),
			Header: []string{tr(lang, "上级", "Parent"), tr(lang, "代码", "Code"), tr(lang, "名称", "Name"), tr(lang, "权重", "Weight"), "Aw",
				"λmax", "CI", "RI", "CR", tr(lang, "一致性", "Consistent"), tr(lang, "方法", "Method"), tr(lang, "RI 表", "RI table")}}
		for _, d := range res.AHP {
			ok := tr(lang, "通过", "yes")
			if !d.Consistent {
				ok = tr(lang, "未通过", "no")
			}
			for m, c := range d.Children {
				t.Rows = append(t.Rows, []any{d.Node, c, name(c), d.Weights[m], d.AW[m], d.LambdaMax, d.CI, d.RI, d.CR, ok, d.Method, d.RITable})
			}
		}
		ts = append(ts, t)
	}
	if d := res.Combination; d != nil {
		t := Table{Name: "combination", Title: tr(lang, "组合赋权", "Combination weights"),
			Header: []string{tr(lang, "指标", "Indicator"), tr(lang, "名称", "Name")}}
		for k, b := range d.Bases {
			h := fmt.Sprintf("%s %d", b.Method, k+1)
			if k < len(d.Alpha) {
				h += fmt.Sprintf(" (α = %.6g)", d.Alpha[k])
			}
			t.Header = append(t.Header, h)
		}
		t.Header = append(t.Header, tr(lang, "组合权重", "Combined")+" ("+d.Rule+")")
		for j, c := range res.Indicators {
			row := []any{c, name(c)}
			for _, b := range d.Bases {
				row = append(row, b.W[j])
			}
			t.Rows = append(t.Rows, append(row, d.W[j]))
		}
		ts = append(ts, t)
	}
	if d := res.VH; d != nil {
		t := Table{Name: "vertical_horizontal", Title: tr(lang, "纵横向拉开档次法", "Vertical-horizontal scatter"),
			Header: []string{tr(lang, "指标", "Indicator"), tr(lang, "名称", "Name"), tr(lang, "权重", "Weight"), "λmax", tr(lang, "观测数", "N obs")}}
		t.Header = append(t.Header, res.Indicators...)
		for j, c := range res.Indicators {
			row := []any{c, name(c), d.W[j], d.Lambda, d.NObs}
			for k := range res.Indicators {
				row = append(row, d.H[j][k])
			}
			t.Rows = append(t.Rows, row)
		}
		ts = append(ts, t)
	}
	if d := res.Optimised; d != nil {
		t := Table{Name: "optimised", Title: tr(lang, "优化权重", "Optimised weights"),
			Header: []string{tr(lang, "代码", "Code"), tr(lang, "名称", "Name"), tr(lang, "层级", "Level"), tr(lang, "目标份额", "Target share"), tr(lang, "初值", "Start"),
				tr(lang, "优化权重", "Optimised weight"), tr(lang, "与总指数的相关", "Correlation with index"), tr(lang, "相关份额", "Correlation share"),
				tr(lang, "目标函数值", "Objective"), tr(lang, "函数计算次数", "Evaluations"), tr(lang, "收敛代码", "Convergence")}}
		for m, c := range d.Codes {
			var target any
			if d.Target != nil {
				target = d.Target[m]
			}
			t.Rows = append(t.Rows, []any{c, name(c), d.Level, target, d.Start[m], d.Weights[m], d.Corr[m], d.CorrNormalised[m], d.Value, d.Evaluations, d.Convergence})
		}
		ts = append(ts, t)
	}
	return ts
}
