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

// Tables returns the result's tables in lang ("zh" or "en").
func Tables(res *pipeline.Result, lang string) []Table {
	fw := res.Framework
	name := func(code string) string {
		if n := fw.Node(code); n != nil {
			return n.Name(lang)
		}
		return code
	}
	var ts []Table

	// Scores: one row per unit and period, sorted by period then index rank.
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
	ts = append(ts, sc)

	// Weights.
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
	ts = append(ts, wt)

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
		ct := Table{Name: "critic", Title: tr(lang, "CRITIC 中间结果", "CRITIC"),
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

	// Normalised and raw values.
	for _, m := range []struct {
		name, zh, en string
		x            pipeline.Matrix
	}{{"normalised", "标准化值", "Normalised values", res.Normalised}, {"raw", "原始值", "Raw values", res.Raw}} {
		t := Table{Name: m.name, Title: tr(lang, m.zh, m.en), Header: []string{tr(lang, "时期", "Period"), tr(lang, "地区代码", "Unit code"), tr(lang, "地区", "Unit")}}
		t.Header = append(t.Header, res.Indicators...)
		for i, o := range res.Rows {
			u := res.Units[o.Unit]
			row := []any{res.Periods[o.Period].Label, u.Code, u.Name}
			for j := range res.Indicators {
				row = append(row, m.x[i][j])
			}
			t.Rows = append(t.Rows, row)
		}
		ts = append(ts, t)
	}

	// Indicators and their columns.
	it := Table{Name: "indicators", Title: tr(lang, "指标与数据列", "Indicators and columns"),
		Header: []string{tr(lang, "代码", "Code"), tr(lang, "名称", "Name"), tr(lang, "上级", "Parent"), tr(lang, "方向", "Direction"), tr(lang, "单位", "Unit"), tr(lang, "数据列", "Data column")}}
	for _, c := range res.Columns {
		n := fw.Node(c.Code)
		it.Rows = append(it.Rows, []any{c.Code, n.Name(lang), n.Parent, n.Direction.Kind.String(), n.Unit, c.Column})
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
	return ts
}
