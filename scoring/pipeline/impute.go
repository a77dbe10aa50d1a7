package pipeline

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/nqp-index/nqp/scoring/diag"
)

// Imputation methods. The first four are COINr's i_mean, i_median,
// i_mean_grp and i_median_grp (per column); the last four are COINr's
// impute_panel types (per unit, over time).
const (
	ImpNone        = "none"
	ImpMean        = "mean"
	ImpMedian      = "median"
	ImpMeanGroup   = "mean_group"
	ImpMedianGroup = "median_group"
	ImpLatest      = "latest"          // last observation carried forward, at most max_time periods back
	ImpConstant    = "constant"        // stats::approx(method="constant", rule=2)
	ImpLinear      = "linear"          // stats::approx(method="linear", rule=2); needs ≥ 2 values per series
	ImpLinearConst = "linear_constant" // linear, or constant for a series with one value
)

var impAliases = map[string]string{
	"i_mean": ImpMean, "i_median": ImpMedian, "i_mean_grp": ImpMeanGroup, "i_median_grp": ImpMedianGroup,
	"mean_grp": ImpMeanGroup, "median_grp": ImpMedianGroup, "linear-constant": ImpLinearConst, "locf": ImpLatest,
}

// Impute configures the imputation step. Off ("none") by default.
type Impute struct {
	// Method: none (default), mean, median, mean_group, median_group,
	// latest, constant, linear or linear_constant. COINr's names (i_mean,
	// i_mean_grp, linear-constant…) are accepted and written canonically.
	Method string `json:"method"`
	// Group names the grouping of mean_group and median_group: a text
	// column of the data (e.g. EurAsia_group) or region4/region3.
	Group string `json:"group,omitempty"`
	// Scope of mean, median and the group methods: "period" (each period's
	// cross-section on its own, as COINr; default) or "global" (all periods pooled).
	Scope string `json:"scope,omitempty"`
	// MaxTime (latest only): look back at most this many periods; 0 = no limit.
	MaxTime int `json:"max_time,omitempty"`
}

func (m *Impute) resolve() {
	m.Method = strings.ToLower(strings.TrimSpace(m.Method))
	if a, ok := impAliases[m.Method]; ok {
		m.Method = a
	}
	if m.Method == "" {
		m.Method = ImpNone
	}
	switch m.Method {
	case ImpMean, ImpMedian, ImpMeanGroup, ImpMedianGroup:
		if m.Scope == "" {
			m.Scope = ScopePeriod
		}
	}
}

func (m Impute) check() error {
	switch m.Method {
	case ImpNone, ImpLatest, ImpConstant, ImpLinear, ImpLinearConst:
		if m.Scope != "" {
			return diag.Errorf("impute.scope 只适用于 mean、median 和分组方法", "impute.scope applies to mean, median and the group methods only")
		}
	case ImpMean, ImpMedian, ImpMeanGroup, ImpMedianGroup:
		switch m.Scope {
		case ScopePeriod, ScopeGlobal:
		default:
			return bad("impute.scope", m.Scope, "period, global")
		}
	default:
		return bad("impute.method", m.Method, "none, mean, median, mean_group, median_group, latest, constant, linear, linear_constant")
	}
	grp := m.Method == ImpMeanGroup || m.Method == ImpMedianGroup
	if grp && strings.TrimSpace(m.Group) == "" {
		return diag.Errorf("impute.method %s 需要 impute.group（数据中的分组列，或 region4/region3）", "impute.method %s needs impute.group (a text column of the data, or region4/region3)", m.Method)
	}
	if !grp && m.Group != "" {
		return diag.Errorf("impute.group 只适用于 mean_group 和 median_group", "impute.group applies to mean_group and median_group only")
	}
	if m.MaxTime < 0 || (m.MaxTime != 0 && m.Method != ImpLatest) {
		return diag.Errorf("impute.max_time 只适用于 latest，且不能为负", "impute.max_time applies to latest only and cannot be negative")
	}
	return nil
}

// Cell is one cell of a per-row table: a result row and an indicator column.
type Cell struct {
	Row       int `json:"row"`
	Indicator int `json:"indicator"`
}

// keepCells drops the cells of rows n with keep[n] false and renumbers
// the rest (see keepRows).
func keepCells(cells []Cell, keep []bool) []Cell {
	if cells == nil {
		return nil
	}
	newRow := make([]int, len(keep))
	k := 0
	for n, ok := range keep {
		newRow[n] = -1
		if ok {
			newRow[n] = k
			k++
		}
	}
	out := cells[:0:0]
	for _, c := range cells {
		if r := newRow[c.Row]; r >= 0 {
			out = append(out, Cell{Row: r, Indicator: c.Indicator})
		}
	}
	return out
}

// impute fills missing values according to recipe.impute.
func (st *state) impute() error {
	m := st.r.Impute
	if m.Method == ImpNone {
		return nil
	}
	np, nr := len(st.leaves), len(st.rows)
	before := make([][]bool, np)
	for j := range before {
		before[j] = make([]bool, nr)
		for n, v := range st.xc[j] {
			before[j][n] = math.IsNaN(v)
		}
	}
	var err error
	switch m.Method {
	case ImpMean, ImpMedian, ImpMeanGroup, ImpMedianGroup:
		err = st.imputeColumns(m)
	default:
		err = st.imputePanel(m)
	}
	if err != nil {
		return err
	}
	st.res.ImputedCells = nil
	left := 0
	for n := 0; n < nr; n++ {
		for j := 0; j < np; j++ {
			if before[j][n] {
				if math.IsNaN(st.xc[j][n]) {
					left++
				} else {
					st.res.ImputedCells = append(st.res.ImputedCells, Cell{Row: n, Indicator: j})
				}
			}
		}
	}
	if left > 0 {
		st.rep.Add(diag.Problem{Severity: diag.Warning, Code: "impute-remaining",
			Zh: fmt.Sprintf("插补（%s）后仍有 %d 个缺失值", m.Method, left),
			En: fmt.Sprintf("after imputation (%s) %d missing values remain", m.Method, left)})
	}
	if len(st.res.ImputedCells) > 0 {
		st.rep.Add(diag.Problem{Severity: diag.Info, Code: "impute-done",
			Zh: fmt.Sprintf("已用 %s 方法插补 %d 个缺失值，见结果中的 imputed_cells", m.Method, len(st.res.ImputedCells)),
			En: fmt.Sprintf("%d missing values were imputed (%s); see imputed_cells in the result", len(st.res.ImputedCells), m.Method)})
	}
	st.res.Imputed = transpose(st.xc)
	return nil
}

// imputeColumns: COINr's i_mean / i_median / i_mean_grp / i_median_grp,
// within each period (scope period) or over all rows (scope global).
func (st *state) imputeColumns(m Impute) error {
	groups := groupsOf(st.periodOf, len(st.res.Periods), m.Scope)
	var label []string
	if m.Method == ImpMeanGroup || m.Method == ImpMedianGroup {
		var e *msg
		label, e = groupLabels(m.Group, st.data, st.rows, st.res.Units, st.res.Rows)
		if e != nil {
			return st.fail("impute-group", "impute.group："+e.zh, "impute.group: "+e.en)
		}
		// split each period's rows by group (rows without a group are skipped, as COINr's skip_f_na)
		var split [][]int
		noGroup := 0
		for _, g := range groups {
			idx := map[string]int{}
			var keys []string
			for _, n := range g {
				l := label[n]
				if l == "" {
					noGroup++
					continue
				}
				if _, ok := idx[l]; !ok {
					idx[l] = len(keys)
					keys = append(keys, l)
					split = append(split, nil)
				}
				k := len(split) - len(keys) + idx[l]
				split[k] = append(split[k], n)
			}
		}
		if noGroup > 0 {
			st.rep.Add(diag.Problem{Severity: diag.Warning, Code: "impute-no-group", Column: m.Group,
				Zh: fmt.Sprintf("%d 个观测没有分组（%s 为空），其缺失值不插补", noGroup, m.Group),
				En: fmt.Sprintf("%d observations have no group (%s is empty); their missing values are not imputed", noGroup, m.Group)})
		}
		groups = split
	}
	median := m.Method == ImpMedian || m.Method == ImpMedianGroup
	var vals []float64
	for j, c := range st.leaves {
		x := st.xc[j]
		var empty []string
		for _, g := range groups {
			vals = vals[:0]
			miss := false
			for _, n := range g {
				if v := x[n]; math.IsNaN(v) {
					miss = true
				} else {
					vals = append(vals, v)
				}
			}
			if !miss {
				continue
			}
			if len(vals) == 0 {
				// COINr: mean(na.rm=TRUE) of an all-NA group is NaN, so the group stays missing
				name := ""
				if label != nil {
					name = label[g[0]]
				}
				if len(st.res.Periods) > 1 && m.Scope == ScopePeriod {
					name = strings.TrimSpace(name + " " + st.res.Periods[st.periodOf[g[0]]].Label)
				}
				if name == "" {
					name = "*"
				}
				empty = append(empty, name)
				continue
			}
			var fill float64
			if median {
				fill = medianOf(vals)
			} else {
				fill = meanOf(vals)
			}
			for _, n := range g {
				if math.IsNaN(x[n]) {
					x[n] = fill
				}
			}
		}
		if len(empty) > 0 {
			st.rep.Add(diag.Problem{Severity: diag.Warning, Code: "impute-empty-group", Column: c,
				Zh: fmt.Sprintf("指标 %s 在 %s 中全部缺失，无法插补（保持缺失）", c, strings.Join(empty, "、")),
				En: fmt.Sprintf("indicator %s is missing throughout %s and cannot be imputed (left missing)", c, strings.Join(empty, ", "))})
		}
	}
	return nil
}

// meanOf is R's mean(): the sum divided by n, then refined by the mean
// of the residuals (R accumulates in long double; compensated sums here).
func meanOf(v []float64) float64 {
	n := float64(len(v))
	s := ksum(v, func(x float64) float64 { return x }) / n
	if math.IsInf(s, 0) || math.IsNaN(s) {
		return s
	}
	t := ksum(v, func(x float64) float64 { return x - s })
	return s + t/n
}

// medianOf is R's median() of non-missing values (v is reordered).
func medianOf(v []float64) float64 {
	slices.Sort(v)
	n := len(v)
	if n%2 == 1 {
		return v[n/2]
	}
	return meanOf([]float64{v[n/2-1], v[n/2]})
}

// ksum is the Neumaier-compensated sum of f(x) over v.
func ksum(v []float64, f func(float64) float64) float64 {
	var s, c float64
	for _, x := range v {
		y := f(x)
		t := s + y
		if math.Abs(s) >= math.Abs(y) {
			c += (s - t) + y
		} else {
			c += (y - t) + s
		}
		s = t
	}
	return s + c
}

// imputePanel: COINr's impute_panel, per unit over the periods of the run.
func (st *state) imputePanel(m Impute) error {
	nu, npd := len(st.res.Units), len(st.res.Periods)
	// at[u][p] = result row of unit u in period p, or -1
	at := make([][]int, nu)
	for u := range at {
		at[u] = make([]int, npd)
		for p := range at[u] {
			at[u][p] = -1
		}
	}
	for n, o := range st.res.Rows {
		at[o.Unit][o.Period] = n
	}
	if npd < 2 {
		st.rep.Add(diag.Problem{Severity: diag.Warning, Code: "impute-one-period",
			Zh: fmt.Sprintf("只有一个时期，按时间插补（%s）无事可做（COINr 的 impute_panel 此时报错）", m.Method),
			En: fmt.Sprintf("there is a single period, so imputation over time (%s) does nothing (COINr's impute_panel stops here)", m.Method)})
		return nil
	}
	if m.Method == ImpLatest {
		// COINr looks back through the earlier periods of the data (at most
		// max_time of them) and takes values from the original data.
		orig := make([][]float64, len(st.xc))
		for j := range orig {
			orig[j] = slices.Clone(st.xc[j])
		}
		for u := 0; u < nu; u++ {
			for p := npd - 1; p >= 1; p-- {
				n := at[u][p]
				if n < 0 {
					continue
				}
				lo := 0
				if m.MaxTime > 0 {
					lo = max(0, p-m.MaxTime)
				}
				for j := range st.xc {
					if !math.IsNaN(orig[j][n]) {
						continue
					}
					for q := p - 1; q >= lo; q-- {
						if k := at[u][q]; k >= 0 && !math.IsNaN(orig[j][k]) {
							st.xc[j][n] = orig[j][k]
							break
						}
					}
				}
			}
		}
		return nil
	}
	// constant / linear / linear_constant: stats::approx(rule = 2) over the
	// period keys of the unit's rows.
	var xs, ys []float64
	var rows []int
	for u := 0; u < nu; u++ {
		rows = rows[:0]
		for p := 0; p < npd; p++ {
			if n := at[u][p]; n >= 0 {
				rows = append(rows, n)
			}
		}
		for j, c := range st.leaves {
			x := st.xc[j]
			xs, ys = xs[:0], ys[:0]
			miss := 0
			for _, n := range rows {
				if math.IsNaN(x[n]) {
					miss++
				} else {
					xs = append(xs, float64(st.res.Periods[st.periodOf[n]].Key))
					ys = append(ys, x[n])
				}
			}
			if miss == 0 || len(xs) == 0 {
				continue
			}
			method := m.Method
			if len(xs) == 1 {
				switch method {
				case ImpLinear:
					return st.fail("impute-linear-one-value",
						fmt.Sprintf("线性插补需要每个序列至少两个非缺失值：地区 %s 的指标 %s 只有一个（COINr 同样报错）；可改用 linear_constant（单值序列按常数填充）", st.res.Units[u].Code, c),
						fmt.Sprintf("linear interpolation needs at least two non-missing values per series: unit %s has only one for indicator %s (COINr stops too); use linear_constant, which holds single values constant", st.res.Units[u].Code, c))
				case ImpLinearConst:
					method = ImpConstant
				}
			}
			for _, n := range rows {
				if math.IsNaN(x[n]) {
					x[n] = approx(xs, ys, float64(st.res.Periods[st.periodOf[n]].Key), method == ImpConstant)
				}
			}
		}
	}
	return nil
}

// approx is stats::approx(x, y, xout = v, rule = 2) for sorted x: linear
// interpolation (or the step function f = 0 when constant), with the end
// values held outside [x₁, xₙ].
func approx(x, y []float64, v float64, constant bool) float64 {
	n := len(x)
	if v <= x[0] {
		return y[0]
	}
	if v >= x[n-1] {
		return y[n-1]
	}
	i, j := 0, n-1
	for i < j-1 { // bisection, as R's approx1
		ij := (i + j) / 2
		if v < x[ij] {
			j = ij
		} else {
			i = ij
		}
	}
	if v == x[j] {
		return y[j]
	}
	if v == x[i] {
		return y[i]
	}
	if constant {
		return y[i]
	}
	return y[i] + (y[j]-y[i])*((v-x[i])/(x[j]-x[i]))
}
