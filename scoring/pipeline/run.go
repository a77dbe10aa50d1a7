package pipeline

import (
	"cmp"
	"fmt"
	"math"
	"runtime"
	"slices"
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
	st, err := prepare(in, r)
	if err != nil {
		return nil, err
	}
	for _, step := range preSteps {
		if err := step(st); err != nil {
			return nil, err
		}
		if st.rep.HasErrors() {
			return nil, st.rep.Err()
		}
	}
	st.reportMissing()
	st.normalise()
	if err := st.weigh(); err != nil {
		return nil, err
	}
	// Weighting is the last reader of the column-major working values;
	// dropped here, they do not stay alive beside the normalised values
	// (9 MB each on a 20 MB county panel).
	st.xc = nil
	if err := st.aggregate(); err != nil {
		return nil, err
	}
	// The row-major copy of the normalised values is built only now that
	// aggregation, their last column-wise reader, is done, and the columns
	// are dropped: the two layouts are never both alive during weighting.
	st.res.Normalised = transpose(st.yc)
	st.yc = nil
	// Raw (row-major) is built last, from the panel, so that no more than
	// two per-cell matrices are alive at any step (was five).
	st.buildRaw()
	st.rank()
	st.res.Report = *st.rep
	return st.res, nil
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
	var left []string
	for p := range data.Periods {
		if total[p] > 0 && float64(have[p]) < min*float64(total[p]) {
			drop[p] = true
			left = append(left, data.Periods[p].Label)
			share := 100 * float64(have[p]) / float64(total[p])
			rep.Add(diag.Problem{Severity: diag.Info, Code: "period-low-coverage", File: data.File, Text: data.Periods[p].Label,
				Zh: fmt.Sprintf("时期 %s 只有 %.0f%% 的指标数据（低于 %.0f%%），已排除；可用 select.min_period_coverage 调整", data.Periods[p].Label, share, 100*min),
				En: fmt.Sprintf("period %s has only %.0f%% of the indicator data (below %.0f%%) and is left out; see select.min_period_coverage", data.Periods[p].Label, share, 100*min)})
		}
	}
	// One warning for all the periods left out (each has its info line).
	if len(left) > 0 {
		rep.Add(diag.Problem{Severity: diag.Warning, Code: "periods-left-out", File: data.File,
			Zh: fmt.Sprintf("%d 个时期的指标数据低于 %.0f%%，已排除：%s；可用 select.min_period_coverage 调整", len(left), 100*min, strings.Join(left, "、")),
			En: fmt.Sprintf("%d periods have less than %.0f%% of the indicator data and are left out: %s; see select.min_period_coverage", len(left), 100*min, strings.Join(left, ", "))})
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
