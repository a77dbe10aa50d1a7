package pipeline

import (
	"cmp"
	"fmt"
	"math"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/nqp-index/nqp/scoring/diag"
	"github.com/nqp-index/nqp/scoring/framework"
	"github.com/nqp-index/nqp/scoring/panel"
)

// Input is what a run scores.
type Input struct {
	Data      *panel.Panel
	Framework *framework.Framework
	// Columns maps indicator codes to data column names. When nil, each
	// indicator is read from the column named by its code.
	Columns map[string]string
}

// tree is the framework in index form.
type tree struct {
	fw       *framework.Framework
	codes    []string // pre-order, root first
	parent   []int    // -1 for the root
	children [][]int
	leafCol  []int // column in the indicator matrix, -1 for aggregates
	level    []int
	post     []int // aggregates in post-order (children before parents)
	aggCol   []int // column in Scores, -1 for leaves
}

func buildTree(fw *framework.Framework, leaves []string) *tree {
	t := &tree{fw: fw}
	pos := map[string]int{}
	fw.Walk(func(code string, depth int) {
		pos[code] = len(t.codes)
		t.codes = append(t.codes, code)
	})
	n := len(t.codes)
	t.parent = make([]int, n)
	t.children = make([][]int, n)
	t.leafCol = make([]int, n)
	t.level = make([]int, n)
	t.aggCol = make([]int, n)
	leafPos := map[string]int{}
	for j, c := range leaves {
		leafPos[c] = j
	}
	nAgg := 0
	for i, c := range t.codes {
		t.parent[i] = -1
		if p := fw.Node(c).Parent; p != "" {
			t.parent[i] = pos[p]
			t.children[pos[p]] = append(t.children[pos[p]], i)
		}
		t.leafCol[i] = -1
		t.aggCol[i] = -1
		if j, ok := leafPos[c]; ok && fw.IsLeaf(c) {
			t.leafCol[i] = j
		} else {
			t.aggCol[i] = nAgg
			nAgg++
		}
	}
	for i := n - 1; i >= 0; i-- {
		if len(t.children[i]) == 0 {
			t.level[i] = 1
		}
		if p := t.parent[i]; p >= 0 && t.level[i]+1 > t.level[p] {
			t.level[p] = t.level[i] + 1
		}
	}
	// Walk is pre-order, so reverse pre-order visits children before parents.
	for i := n - 1; i >= 0; i-- {
		if t.aggCol[i] >= 0 {
			t.post = append(t.post, i)
		}
	}
	return t
}

func containsFold(list []string, s ...string) bool {
	for _, l := range list {
		for _, x := range s {
			if x != "" && strings.EqualFold(strings.TrimSpace(l), x) {
				return true
			}
		}
	}
	return false
}

// Run scores in according to r. The returned error is a *diag.ReportError
// when the data or framework cannot be scored, or a plain error for an
// invalid recipe. Warnings are in Result.Report.
func Run(in Input, r Recipe) (*Result, error) {
	r.Resolve()
	if err := r.Check(); err != nil {
		return nil, err
	}
	var rep diag.Report
	fail := func(code, zh, en string) (*Result, error) {
		rep.Add(diag.New(diag.Error, code, zh, en))
		return nil, rep.Err()
	}
	if in.Data == nil || in.Framework == nil {
		return fail("no-input", "缺少数据或指标体系", "missing data or framework")
	}
	data, fw := in.Data, in.Framework
	if vr := fw.Validate(); vr.HasErrors() {
		rep.Merge(vr)
		return nil, rep.Err()
	}
	file := data.File

	// Indicators: map to columns, apply the selection, prune the tree.
	drop := map[string]bool{}
	colOf := map[string]int{}
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
			rep.Add(diag.Problem{Severity: diag.Warning, Code: "indicator-no-data", File: file, Column: code,
				Zh: fmt.Sprintf("指标 %s（%s）在数据中没有对应的列，已从计算中略去", code, n.Name("zh")),
				En: fmt.Sprintf("indicator %s (%s) has no column in the data and is left out", code, n.Name("en"))})
		default:
			colOf[code] = j
		}
	}
	if len(drop) > 0 {
		fw = fw.Prune(drop)
	}
	leaves := fw.Leaves()
	if len(leaves) == 0 || len(colOf) == 0 {
		return fail("no-indicators", "没有可用于计算的指标：指标体系中的指标都不在数据中（或都被排除）", "no indicator can be scored: none of the framework's indicators is in the data (or all were excluded)")
	}
	t := buildTree(fw, leaves)

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
		return fail("no-rows", "选择后没有任何观测（检查地区与时期的筛选条件）", "no observations are left after the selection (check the unit and period filters)")
	}
	rows = screenPeriods(data, rows, leaves, colOf, *r.Select.MinPeriodCoverage, &rep)
	if len(rows) == 0 {
		return fail("no-rows", "所有时期的数据覆盖率都低于阈值 select.min_period_coverage，没有可计算的观测", "every period has less data than select.min_period_coverage requires: nothing left to score")
	}
	sortRows(data, rows)
	res := &Result{Schema: ResultSchema, Recipe: r, Framework: fw, Indicators: leaves}
	uMap, pMap := map[int]int{}, map[int]int{}
	for _, i := range rows {
		row := data.Rows[i]
		if _, ok := pMap[row.Period]; !ok {
			pMap[row.Period] = len(res.Periods)
			res.Periods = append(res.Periods, data.Periods[row.Period])
		}
	}
	// units in code order
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
	periodOf := make([]int, len(rows))
	for n, i := range rows {
		row := data.Rows[i]
		res.Rows[n] = Obs{Unit: uMap[row.Unit], Period: pMap[row.Period]}
		periodOf[n] = pMap[row.Period]
	}
	for _, c := range leaves {
		res.Columns = append(res.Columns, IndicatorColumn{Code: c, Column: data.Columns[colOf[c]].Name})
	}

	// Raw values, column-major for the column-wise steps.
	nr, np := len(rows), len(leaves)
	xc := newMatrix(np, nr)
	x := newMatrix(nr, np)
	src := make([]int, np)
	for j, c := range leaves {
		src[j] = colOf[c]
	}
	for n, i := range rows {
		vals, xn := data.Rows[i].Values, x[n]
		for j, k := range src {
			v := vals[k]
			xn[j] = v
			xc[j][n] = v
		}
	}
	res.Raw = x
	dirs := make([]framework.Direction, np)
	for j, c := range leaves {
		dirs[j] = fw.Node(c).Direction
		miss := 0
		for _, v := range xc[j] {
			if math.IsNaN(v) {
				miss++
			}
		}
		col := data.Columns[colOf[c]]
		switch {
		case miss == nr:
			rep.Add(diag.Problem{Severity: diag.Warning, Code: "indicator-empty", File: file, Col: col.Source, Column: col.Name,
				Zh: fmt.Sprintf("指标 %s 在所选范围内全部缺失，不参与汇总", c),
				En: fmt.Sprintf("indicator %s is missing everywhere in the selection and does not enter the aggregation", c)})
		case miss > 0:
			rep.Add(diag.Problem{Severity: diag.Warning, Code: "indicator-missing", File: file, Col: col.Source, Column: col.Name,
				Zh: fmt.Sprintf("指标 %s 有 %d 个缺失值（共 %d 个观测）；汇总时按 COINr 规则在其余指标间重新分配权重，可先插补", c, miss, nr),
				En: fmt.Sprintf("indicator %s has %d missing values (of %d observations); aggregation renormalises the weights over the available indicators (as COINr does); consider imputing first", c, miss, nr)})
		}
	}

	// Normalise.
	yc := newMatrix(np, nr)
	groups := groupsOf(periodOf, len(res.Periods), r.Normalise.Scope)
	constant := make([][]string, np)
	parallel(np, func(j int) {
		for g, idx := range groups {
			if len(idx) == 0 {
				continue
			}
			if normaliseColumn(xc[j], yc[j], idx, dirs[j], r.Normalise) {
				if r.Normalise.Scope == ScopePeriod {
					constant[j] = append(constant[j], res.Periods[g].Label)
				} else {
					constant[j] = append(constant[j], "")
				}
			}
		}
	})
	for j := 0; j < np; j++ {
		if constIn := constant[j]; len(constIn) > 0 {
			c := leaves[j]
			where, whereEn := "", ""
			if r.Normalise.Scope == ScopePeriod {
				where = "（时期：" + strings.Join(constIn, "、") + "）"
				whereEn = " (periods: " + strings.Join(constIn, ", ") + ")"
			}
			val := *r.Normalise.Lower + r.Normalise.Shift
			if r.Normalise.Method == ZScore {
				val = *r.Normalise.Mean
			}
			rep.Add(diag.Problem{Severity: diag.Warning, Code: "constant-indicator", Column: c,
				Zh: fmt.Sprintf("指标 %s 取值无差异%s，标准化结果统一记为 %g", c, where, val),
				En: fmt.Sprintf("indicator %s does not vary%s; its normalised values are all set to %g", c, whereEn, val)})
		}
	}
	y := transpose(yc)
	res.Normalised = y

	// Indicator weights, one set per period when they vary over time.
	leafW, setPeriods := computeWeights(res, xc, yc, periodOf, r.Weights, &rep)
	// Hierarchical weights per set.
	rel := make([][]float64, len(leafW))
	for s := range leafW {
		var notes []string
		rel[s], notes = relativeWeights(t, leafW[s], r.Weights)
		eff := effective(t, rel[s])
		ws := WeightSet{Period: setPeriods[s]}
		for i, c := range t.codes {
			p := ""
			if t.parent[i] >= 0 {
				p = t.codes[t.parent[i]]
			}
			ws.Nodes = append(ws.Nodes, NodeWeight{Code: c, Parent: p, Level: t.level[i], Relative: rel[s][i], Effective: eff[i]})
		}
		res.Weights = append(res.Weights, ws)
		if s == 0 {
			for _, c := range notes {
				rep.Add(diag.Problem{Severity: diag.Warning, Code: "zero-weight-group", Column: c,
					Zh: fmt.Sprintf("%s 的下级权重之和为 0，组内改用等权重", c),
					En: fmt.Sprintf("the weights under %s sum to 0: equal weights used within that group", c)})
			}
		}
	}
	setOf := func(row int) int {
		if len(rel) == 1 {
			return 0
		}
		return periodOf[row]
	}

	// Aggregate.
	var aggs []int
	for i := range t.codes {
		if t.aggCol[i] >= 0 {
			aggs = append(aggs, i)
			res.Aggregates = append(res.Aggregates, t.codes[i])
		}
	}
	scores := nanMatrix(nr, len(aggs))
	val := make([]float64, len(t.codes))
	scale := *r.Aggregate.Scale
	for n := 0; n < nr; n++ {
		for i := range t.codes {
			if j := t.leafCol[i]; j >= 0 {
				val[i] = y[n][j]
			}
		}
		w := rel[setOf(n)]
		for _, a := range t.post {
			v, err := aggregate(t, a, val, w, r.Aggregate)
			if err != nil {
				u, p := res.Units[res.Rows[n].Unit], res.Periods[res.Rows[n].Period]
				rep.Add(diag.Problem{Severity: diag.Error, Code: "gmean-nonpositive", Column: t.codes[a],
					Zh: fmt.Sprintf("几何平均要求所有值为正，但 %s 在 %s（%s）有非正值；请改用 min-max [1, 100] 或设置平移量", t.codes[a], u.Name, p.Label),
					En: fmt.Sprintf("the geometric mean needs positive values, but %s has a non-positive value for %s (%s); use min-max to [1, 100] or a shift", t.codes[a], u.Name, p.Label)})
				return nil, rep.Err()
			}
			val[a] = v
		}
		for k, a := range aggs {
			scores[n][k] = val[a] * scale
		}
	}
	res.Scores = scores

	// Ranks.
	res.Ranks = rankBy(scores, periodOf, nil)
	if g := r.Rank.Groups; g != "" {
		labels, err := groupLabels(g, data, rows, res.Units, res.Rows)
		if err != nil {
			rep.Add(diag.Problem{Severity: diag.Warning, Code: "bad-groups", Zh: err.zh, En: err.en})
		} else {
			res.GroupBy = g
			res.Groups = labels
			res.GroupRanks = rankBy(scores, periodOf, labels)
		}
	}
	res.Report = rep
	return res, nil
}

// aggregate computes node a from its children's values.
func aggregate(t *tree, a int, val []float64, rel []float64, ag Aggregate) (float64, error) {
	var sw, s float64
	avail := 0
	for _, c := range t.children[a] {
		v := val[c]
		if math.IsNaN(v) {
			continue
		}
		avail++
		w := rel[c]
		switch ag.Method {
		case GMean:
			if w == 0 {
				continue
			}
			if !(v > 0) {
				return 0, fmt.Errorf("non-positive")
			}
			s += w * math.Log(v)
		default:
			s += w * v
		}
		sw += w
	}
	n := len(t.children[a])
	if avail == 0 || float64(avail) < ag.MinShare*float64(n) || !(sw > 0) {
		return math.NaN(), nil
	}
	if ag.Method == GMean {
		return math.Exp(s / sw), nil
	}
	return s / sw, nil
}

// rankBy ranks each column of scores within each period (and group, when
// labels is not nil: rows with an empty label get no group rank), in
// descending order; ties share the lower rank (R's ties.method = "min").
func rankBy(scores Matrix, periodOf []int, labels []string) Ranks {
	nr := len(scores)
	out := make(Ranks, nr)
	if nr == 0 {
		return out
	}
	nc := len(scores[0])
	for i := range out {
		out[i] = make([]int, nc)
	}
	type key struct {
		p int
		g string
	}
	buckets := map[key][]int{}
	var keys []key
	for i := 0; i < nr; i++ {
		k := key{p: periodOf[i]}
		if labels != nil {
			if labels[i] == "" {
				continue
			}
			k.g = labels[i]
		}
		if _, ok := buckets[k]; !ok {
			keys = append(keys, k)
		}
		buckets[k] = append(buckets[k], i)
	}
	type pair struct {
		v float64
		i int
	}
	ps := make([]pair, 0, nr)
	for _, k := range keys {
		rows := buckets[k]
		for c := 0; c < nc; c++ {
			ps = ps[:0]
			for _, i := range rows {
				if v := scores[i][c]; !math.IsNaN(v) {
					ps = append(ps, pair{v, i})
				}
			}
			slices.SortFunc(ps, func(a, b pair) int {
				switch {
				case a.v > b.v:
					return -1
				case a.v < b.v:
					return 1
				}
				return 0
			})
			for n, p := range ps {
				if n > 0 && p.v == ps[n-1].v {
					out[p.i][c] = out[ps[n-1].i][c]
				} else {
					out[p.i][c] = n + 1
				}
			}
		}
	}
	return out
}

// sortRows orders row indices by period key (then label), then unit code.
func sortRows(data *panel.Panel, rows []int) {
	// rank periods and units once, then compare integers
	pr := make([]int, len(data.Periods))
	po := make([]int, len(data.Periods))
	for i := range po {
		po[i] = i
	}
	slices.SortFunc(po, func(a, b int) int {
		pa, pb := data.Periods[a], data.Periods[b]
		if c := cmp.Compare(pa.Key, pb.Key); c != 0 {
			return c
		}
		return cmp.Compare(pa.Label, pb.Label)
	})
	for r, i := range po {
		pr[i] = r
	}
	ur := make([]int, len(data.Units))
	uo := make([]int, len(data.Units))
	for i := range uo {
		uo[i] = i
	}
	slices.SortStableFunc(uo, func(a, b int) int { return cmp.Compare(data.Units[a].Code, data.Units[b].Code) })
	for r, i := range uo {
		ur[i] = r
	}
	slices.SortStableFunc(rows, func(a, b int) int {
		ra, rb := &data.Rows[a], &data.Rows[b]
		if c := cmp.Compare(pr[ra.Period], pr[rb.Period]); c != 0 {
			return c
		}
		return cmp.Compare(ur[ra.Unit], ur[rb.Unit])
	})
}

// screenPeriods drops the rows of periods whose share of available
// indicator cells is below min, with a warning per dropped period.
func screenPeriods(data *panel.Panel, rows []int, leaves []string, colOf map[string]int, min float64, rep *diag.Report) []int {
	if min <= 0 {
		return rows
	}
	have := make([]int, len(data.Periods))
	total := make([]int, len(data.Periods))
	src := make([]int, len(leaves))
	for j, c := range leaves {
		src[j] = colOf[c]
	}
	for _, i := range rows {
		row := &data.Rows[i]
		total[row.Period] += len(src)
		for _, k := range src {
			if !math.IsNaN(row.Values[k]) {
				have[row.Period]++
			}
		}
	}
	drop := make([]bool, len(data.Periods))
	for p := range data.Periods {
		if total[p] > 0 && float64(have[p]) < min*float64(total[p]) {
			drop[p] = true
			share := 100 * float64(have[p]) / float64(total[p])
			rep.Add(diag.Problem{Severity: diag.Warning, Code: "period-low-coverage", File: data.File, Text: data.Periods[p].Label,
				Zh: fmt.Sprintf("时期 %s 只有 %.0f%% 的指标数据（低于 %.0f%%），已排除；可用 select.min_period_coverage 调整", data.Periods[p].Label, share, 100*min),
				En: fmt.Sprintf("period %s has only %.0f%% of the indicator data (below %.0f%%) and is left out; see select.min_period_coverage", data.Periods[p].Label, share, 100*min)})
		}
	}
	out := rows[:0:0]
	for _, i := range rows {
		if !drop[data.Rows[i].Period] {
			out = append(out, i)
		}
	}
	return out
}

// parallel calls f(0..n-1) on up to GOMAXPROCS goroutines. Each call must
// write only its own outputs, so results do not depend on scheduling.
func parallel(n int, f func(i int)) {
	workers := runtime.GOMAXPROCS(0)
	if workers > n {
		workers = n
	}
	if workers <= 1 {
		for i := 0; i < n; i++ {
			f(i)
		}
		return
	}
	var wg sync.WaitGroup
	next := make(chan int, n)
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f(i)
			}
		}()
	}
	wg.Wait()
}
