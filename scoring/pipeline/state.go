package pipeline

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/nqp-index/nqp/scoring/diag"
	"github.com/nqp-index/nqp/scoring/framework"
	"github.com/nqp-index/nqp/scoring/panel"
)

// state is one run in progress. Every step reads and writes it; the
// Result is filled in as the steps go.
type state struct {
	r    Recipe
	rep  *diag.Report
	data *panel.Panel
	fw   *framework.Framework // pruned to the indicators scored
	t    *tree
	// leaves are the indicator codes in column order; colOf maps each to
	// its data column.
	leaves []string
	colOf  map[string]int
	// rows are the panel rows scored, in result order (period, unit code);
	// periodOf[n] is the result period of row n.
	rows     []int
	periodOf []int
	res      *Result
	// xc holds the indicator values, column-major (xc[j][n]); pre-steps
	// (denominate, impute, treat…) replace it. yc holds the normalised values.
	xc, yc Matrix
	// rel holds the relative node weights, one set (or one per period).
	rel [][]float64
}

// preSteps run, in order, after the data are selected and before they
// are normalised (COINr's Denominate → Impute → Screen → Treat). Each step
// reads its section of the recipe and does nothing when it is off.
var preSteps = []func(*state) error{
	(*state).denominate,
	(*state).screenEarly, // screen.after = "denominate"
	(*state).impute,
	(*state).screenLate, // screen.after = "impute" (COINr's example order)
	(*state).treat,
}

func (st *state) fail(code, zh, en string) error {
	st.rep.Add(diag.New(diag.Error, code, zh, en))
	return st.rep.Err()
}

// prepare validates the framework, maps indicators to columns, applies
// the selection and builds the raw value matrix.
func prepare(in Input, r Recipe) (*state, error) {
	st := &state{r: r, rep: &diag.Report{}}
	if in.Data == nil || in.Framework == nil {
		return nil, st.fail("no-input", "缺少数据或指标体系", "missing data or framework")
	}
	data, fw := in.Data, in.Framework
	st.data = data
	if vr := fw.Validate(); vr.HasErrors() {
		st.rep.Merge(vr)
		return nil, st.rep.Err()
	}
	file := data.File

	// Indicators: map to columns, apply the selection, prune the tree.
	drop := map[string]bool{}
	st.colOf = map[string]int{}
	for _, code := range fw.Leaves() {
		name := code
		if in.Columns != nil {
			name = in.Columns[code]
		}
		j := -1
		if name != "" {
			j = data.ColumnIndex(name)
		}
		switch {
		case len(r.Select.Indicators) > 0 && !containsFold(r.Select.Indicators, code):
			drop[code] = true
		case containsFold(r.Select.ExcludeIndicators, code):
			drop[code] = true
		case j < 0:
			drop[code] = true
			n := fw.Node(code)
			st.rep.Add(diag.Problem{Severity: diag.Warning, Code: "indicator-no-data", File: file, Column: code,
				Zh: fmt.Sprintf("指标 %s（%s）在数据中没有对应的列，已从计算中略去", code, n.Name("zh")),
				En: fmt.Sprintf("indicator %s (%s) has no column in the data and is left out", code, n.Name("en"))})
		default:
			st.colOf[code] = j
		}
	}
	if len(drop) > 0 {
		fw = fw.Prune(drop)
	}
	st.fw = fw
	st.leaves = fw.Leaves()
	if len(st.leaves) == 0 || len(st.colOf) == 0 {
		return nil, st.fail("no-indicators", "没有可用于计算的指标：指标体系中的指标都不在数据中（或都被排除）", "no indicator can be scored: none of the framework's indicators is in the data (or all were excluded)")
	}
	st.t = buildTree(fw, st.leaves)

	// Rows: apply unit and period selection; order by period key then unit code.
	var rows []int
	for i, row := range data.Rows {
		u, p := data.Units[row.Unit], data.Periods[row.Period]
		if len(r.Select.Units) > 0 && !containsFold(r.Select.Units, u.Code, u.Name, u.Raw) {
			continue
		}
		if containsFold(r.Select.ExcludeUnits, u.Code, u.Name, u.Raw) {
			continue
		}
		if len(r.Select.Periods) > 0 && !containsFold(r.Select.Periods, p.Label) {
			continue
		}
		rows = append(rows, i)
	}
	if len(rows) == 0 {
		return nil, st.fail("no-rows", "选择后没有任何观测（检查地区与时期的筛选条件）", "no observations are left after the selection (check the unit and period filters)")
	}
	rows = screenPeriods(data, rows, st.leaves, st.colOf, *r.Select.MinPeriodCoverage, st.rep)
	if len(rows) == 0 {
		return nil, st.fail("no-rows", "所有时期的数据覆盖率都低于阈值 select.min_period_coverage，没有可计算的观测", "every period has less data than select.min_period_coverage requires: nothing left to score")
	}
	sortRows(data, rows)
	st.res = &Result{Schema: ResultSchema, Recipe: r, Framework: fw, Indicators: st.leaves}
	for _, c := range st.leaves {
		st.res.Columns = append(st.res.Columns, IndicatorColumn{Code: c, Column: data.Columns[st.colOf[c]].Name})
	}
	st.setRows(rows)

	// Raw values, column-major for the column-wise steps.
	nr, np := len(rows), len(st.leaves)
	st.xc = newMatrix(np, nr)
	src := make([]int, np)
	for j, c := range st.leaves {
		src[j] = st.colOf[c]
	}
	for n, i := range rows {
		vals := data.Rows[i].Values
		for j, k := range src {
			st.xc[j][n] = vals[k]
		}
	}
	return st, nil
}

// buildRaw fills Result.Raw (row-major) from the panel for the rows of
// the run. The panel is never changed, so its values are the raw values
// the steps started from; Run builds Raw only at the end, once the
// column-major working copies are gone, and Model.Score right after
// prepare.
func (st *state) buildRaw() {
	src := make([]int, len(st.leaves))
	for j, c := range st.leaves {
		src[j] = st.colOf[c]
	}
	raw := newMatrix(len(st.rows), len(src))
	for n, i := range st.rows {
		vals := st.data.Rows[i].Values
		for j, k := range src {
			raw[n][j] = vals[k]
		}
	}
	st.res.Raw = raw
}

// setRows makes rows (panel row indices, already in result order) the rows
// of the run: it rebuilds the result's units, periods and rows.
func (st *state) setRows(rows []int) {
	data, res := st.data, st.res
	res.Units, res.Periods = nil, nil
	uMap, pMap := map[int]int{}, map[int]int{}
	for _, i := range rows {
		row := data.Rows[i]
		if _, ok := pMap[row.Period]; !ok {
			pMap[row.Period] = len(res.Periods)
			res.Periods = append(res.Periods, data.Periods[row.Period])
		}
	}
	var uIdx []int
	for _, i := range rows {
		if _, ok := uMap[data.Rows[i].Unit]; !ok {
			uMap[data.Rows[i].Unit] = -1
			uIdx = append(uIdx, data.Rows[i].Unit)
		}
	}
	sort.Slice(uIdx, func(a, b int) bool { return data.Units[uIdx[a]].Code < data.Units[uIdx[b]].Code })
	for n, u := range uIdx {
		uMap[u] = n
		res.Units = append(res.Units, data.Units[u])
	}
	res.Rows = make([]Obs, len(rows))
	st.periodOf = make([]int, len(rows))
	for n, i := range rows {
		row := data.Rows[i]
		res.Rows[n] = Obs{Unit: uMap[row.Unit], Period: pMap[row.Period]}
		st.periodOf[n] = pMap[row.Period]
	}
	st.rows = rows
}

// keepRows drops the result rows n with keep[n] false from every per-row
// table built so far (a screening step). Tables are filtered in place.
func (st *state) keepRows(keep []bool) {
	var rows []int
	var idx []int
	for n, k := range keep {
		if k {
			rows = append(rows, st.rows[n])
			idx = append(idx, n)
		}
	}
	filter := func(m Matrix) Matrix { // row-major
		if m == nil {
			return nil
		}
		out := make(Matrix, len(idx))
		for k, n := range idx {
			out[k] = m[n]
		}
		return out
	}
	filterCols := func(m Matrix) Matrix { // column-major
		if m == nil {
			return nil
		}
		out := newMatrix(len(m), len(idx))
		for j := range m {
			for k, n := range idx {
				out[j][k] = m[j][n]
			}
		}
		return out
	}
	st.res.Raw = filter(st.res.Raw)
	st.xc = filterCols(st.xc)
	st.yc = filterCols(st.yc)
	for _, m := range st.rowTables() {
		*m = filter(*m)
	}
	st.res.ImputedCells = keepCells(st.res.ImputedCells, keep)
	st.setRows(rows)
}

// rowTables lists the row-major per-row tables of the Result that steps
// before normalisation may have filled (Denominated, Imputed, Treated…),
// so that keepRows can filter them. Steps that add such tables add them here.
func (st *state) rowTables() []*Matrix {
	return []*Matrix{&st.res.Denominated, &st.res.Imputed, &st.res.Screened, &st.res.Treated}
}

// reportMissing warns about indicators with missing values left after
// the pre-steps.
func (st *state) reportMissing() {
	nr := len(st.rows)
	var gapsZh, gapsEn []string
	for j, c := range st.leaves {
		miss := 0
		for _, v := range st.xc[j] {
			if math.IsNaN(v) {
				miss++
			}
		}
		col := st.data.Columns[st.colOf[c]]
		file := st.data.File
		switch {
		case miss == nr:
			st.rep.Add(diag.Problem{Severity: diag.Warning, Code: "indicator-empty", File: file, Col: col.Source, Column: col.Name,
				Zh: fmt.Sprintf("指标 %s 在所选范围内全部缺失，不参与汇总", c),
				En: fmt.Sprintf("indicator %s is missing everywhere in the selection and does not enter the aggregation", c)})
		case miss > 0:
			gapsZh = append(gapsZh, fmt.Sprintf("%s %d 个", c, miss))
			gapsEn = append(gapsEn, fmt.Sprintf("%s %d", c, miss))
			st.rep.Add(diag.Problem{Severity: diag.Info, Code: "indicator-missing", File: file, Col: col.Source, Column: col.Name,
				Zh: fmt.Sprintf("指标 %s 有 %d 个缺失值（共 %d 个观测）；汇总时按 COINr 规则在其余指标间重新分配权重，可先插补", c, miss, nr),
				En: fmt.Sprintf("indicator %s has %d missing values (of %d observations); aggregation renormalises the weights over the available indicators (as COINr does); consider imputing first", c, miss, nr)})
		}
	}
	// One warning for all the indicators with gaps (each has its info line
	// naming its column).
	if len(gapsZh) > 0 {
		st.rep.Add(diag.Problem{Severity: diag.Warning, Code: "indicators-have-missing", File: st.data.File,
			Zh: fmt.Sprintf("%d 个指标有缺失值（共 %d 个观测）：%s；汇总时按 COINr 规则在其余指标间重新分配权重，可先插补（impute）", len(gapsZh), nr, strings.Join(gapsZh, "、")),
			En: fmt.Sprintf("%d indicators have missing values (of %d observations): %s; aggregation renormalises the weights over the available indicators (as COINr does); consider imputing first (impute)", len(gapsEn), nr, strings.Join(gapsEn, ", "))})
	}
}
