package app

import (
	"fmt"
	"math"
	"sort"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/nqp-index/nqp/scoring/analysis"
	"github.com/nqp-index/nqp/scoring/diag"
	"github.com/nqp-index/nqp/scoring/pipeline"
)

func init() {
	addMessages(map[string][2]string{
		"step_compare":    {"配方对比", "Compare recipes"},
		"cmp_note":        {"当前配方与另一配方并列：指数得分、排名、排名变化和得分的 Spearman 秩相关系数。", "The current recipe side by side with another: index scores, ranks, rank change and the Spearman rank correlation of the scores."},
		"cmp_with":        {"对比配方", "Compare with"},
		"cmp_choose":      {"— 请选择 —", "— choose —"},
		"cmp_equal":       {"当前配方，改用等权重", "The current recipe with equal weights"},
		"cmp_critic":      {"当前配方，改用 CRITIC 权重", "The current recipe with CRITIC weights"},
		"cmp_reweight":    {"滑块调整后的权重（第 5 步）", "The slider weights (step 5)"},
		"cmp_model":       {"已固化模型的配方", "The frozen model's recipe"},
		"cmp_current":     {"当前配方", "Current recipe"},
		"cmp_other":       {"对比配方", "Other recipe"},
		"cmp_score":       {"得分", "score"},
		"cmp_busy":        {"正在后台计算对比配方……", "Computing the other recipe in the background…"},
		"cmp_rerun":       {"按当前结果重新对比", "Compare again with the current result"},
		"cmp_spearman":    {"Spearman 秩相关 ρ = %s（n = %d）", "Spearman rank correlation ρ = %s (n = %d)"},
		"cmp_formula":     {"ρ 为两组得分之秩（并列取平均秩）的 Pearson 相关系数；无并列时 ρ = 1 − 6Σd²/(n(n²−1))，d 为同一地区的名次差（Spearman, 1904）。", "ρ is the Pearson correlation of the ranks of the two sets of scores (ties get their average rank); without ties ρ = 1 − 6Σd²/(n(n²−1)), d being a unit's difference in rank (Spearman, 1904)."},
		"cmp_no_reweight": {"请先在第 5 步移动滑块。", "Move a slider in step 5 first."},
	})
}

// CompareState is step 6: a second recipe's result beside the current one.
type CompareState struct {
	With   string           // the second recipe (see compareChoices)
	Result *pipeline.Result // its result, computed against base
	base   *pipeline.Result
	Busy   bool
	Err    string
	side   *sideRunner
}

// compareChoices lists the second recipes offered.
func (c *Workbench) compareChoices() []choice {
	ch := []choice{{"", "cmp_choose"}, {"preset:nqp-standard", "p_nqp"}, {"preset:coinr", "p_coinr"}, {"w:equal", "cmp_equal"}, {"w:critic", "cmp_critic"}, {"reweight", "cmp_reweight"}}
	if c.ws.Model.M != nil {
		ch = append(ch, choice{"model", "cmp_model"})
	}
	return ch
}

// compareRecipe returns the recipe named by with.
func (w *Workspace) compareRecipe(with string) (pipeline.Recipe, bool) {
	r := w.recipe()
	switch with {
	case "preset:nqp-standard", "preset:coinr":
		p, err := pipeline.Preset(with[len("preset:"):])
		return p, err == nil
	case "w:equal":
		r.Weights = pipeline.Weights{Method: pipeline.WEqual}
	case "w:critic":
		r.Weights = pipeline.Weights{Method: pipeline.WCRITIC}
	case "model":
		if w.Model.M == nil {
			return r, false
		}
		r = w.Model.M.Recipe
	default:
		return r, false
	}
	r.Resolve()
	return r, true
}

// sideRunner runs extra jobs (the compared recipe, the XLSX workbook) in a
// second engine worker, one at a time, so that they never replace the
// main result.
type sideRunner struct {
	w     *engineWorker
	busy  bool
	cur   sideJob
	queue []sideJob
}

type sideJob struct {
	job  Job
	done func(ctx app.Context, o Outcome)
}

func (w *Workspace) side() *sideRunner {
	if w.Cmp.side == nil {
		w.Cmp.side = &sideRunner{}
	}
	return w.Cmp.side
}

func (s *sideRunner) submit(ctx app.Context, j Job, done func(ctx app.Context, o Outcome)) {
	if !workersAvailable() {
		var o Outcome
		o.Report.Add(noWorker())
		done(ctx, o)
		return
	}
	if s.w == nil {
		s.w = &engineWorker{}
		s.w.start(ctx, s.finished)
	}
	s.queue = append(s.queue, sideJob{job: j, done: done})
	s.next()
}

func (s *sideRunner) next() {
	if s.busy || len(s.queue) == 0 {
		return
	}
	s.cur, s.queue = s.queue[0], s.queue[1:]
	s.busy = true
	s.w.run(s.cur.job)
}

func (s *sideRunner) finished(ctx app.Context, o Outcome) {
	s.busy = false
	s.cur.done(ctx, o)
	s.next()
}

// runCompare computes the second recipe.
func (c *Workbench) runCompare(ctx app.Context) {
	st := &c.ws.Cmp
	st.Result, st.Err, st.base = nil, "", c.ws.Result
	r, ok := c.ws.compareRecipe(st.With)
	if !ok || c.ws.Data == nil {
		return
	}
	j := c.ws.Job()
	j.Recipe = r
	base, with := c.ws.Result, st.With
	st.Busy = true
	c.sideJob(j, func(ctx app.Context, o Outcome) {
		st := &c.ws.Cmp
		if st.base != base || st.With != with {
			return // superseded by a later request
		}
		st.Busy = false
		if o.Result == nil {
			st.Err = firstError(o.Report, c.lang())
			return
		}
		st.Result = o.Result
	})
}

// firstError returns the first error of a report in lang.
func firstError(r diag.Report, l Lang) string {
	for _, p := range r.Problems {
		if p.Severity == diag.Error {
			if l == En {
				return p.En
			}
			return p.Zh
		}
	}
	return "?"
}

// CompareRow is one unit in both results.
type CompareRow struct {
	Code, Name string
	ScoreA     float64
	RankA      int
	ScoreB     float64
	RankB      int
}

// compareRows pairs the index scores of a and b in period by unit code,
// ordered by a's rank.
func compareRows(a, b *pipeline.Result, period string) []CompareRow {
	type key struct{ u, p string }
	idx := map[key]int{}
	for n, o := range b.Rows {
		idx[key{b.Units[o.Unit].Code, b.Periods[o.Period].Label}] = n
	}
	var out []CompareRow
	for n, o := range a.Rows {
		p := a.Periods[o.Period].Label
		if p != period {
			continue
		}
		u := a.Units[o.Unit]
		r := CompareRow{Code: u.Code, Name: u.Name, ScoreA: a.Scores[n][0], RankA: a.Ranks[n][0], ScoreB: math.NaN()}
		if m, ok := idx[key{u.Code, p}]; ok {
			r.ScoreB, r.RankB = b.Scores[m][0], b.Ranks[m][0]
		}
		out = append(out, r)
	}
	sort.SliceStable(out, func(i, j int) bool {
		ri, rj := out[i].RankA, out[j].RankA
		if ri == 0 {
			return false
		}
		return rj == 0 || ri < rj
	})
	return out
}

// spearman is Spearman's rank correlation of the pairs with both scores:
// the Pearson correlation of the ranks, ties getting their average rank
// (Spearman 1904; without ties it equals 1 − 6Σd²/(n(n²−1))), as
// analysis.Spearman computes it. It returns NaN for fewer than two pairs
// or a constant series, and the number of pairs used.
func spearman(x, y []float64) (rho float64, n int) {
	var a, b []float64
	for i := range x {
		if !math.IsNaN(x[i]) && !math.IsNaN(y[i]) {
			a, b = append(a, x[i]), append(b, y[i])
		}
	}
	return analysis.Spearman(a, b), len(a)
}

// compareSection is step 6.
func (c *Workbench) compareSection(l Lang) app.UI {
	res := c.ws.Result
	if res == nil {
		return app.Text("")
	}
	st := &c.ws.Cmp
	body := []app.UI{
		app.H2().Text(T(l, "step_compare")),
		app.P().Class("note").Text(T(l, "cmp_note")),
		field(l, "cmp_with", "compare-with", selectOf("compare-with", st.With, c.compareChoices(), l, func(ctx app.Context, e app.Event) {
			c.ws.Cmp.With = ctx.JSSrc().Get("value").String()
			c.runCompare(ctx)
		})),
	}
	other := st.Result
	if st.With == "reweight" {
		other = c.ws.Tune.Live
		if other == nil {
			body = append(body, app.P().Class("note").Text(T(l, "cmp_no_reweight")))
		}
	} else if st.With != "" && st.base != res && !st.Busy {
		other = nil
		body = append(body, app.Button().ID("compare-run").Text(T(l, "cmp_rerun")).OnClick(func(ctx app.Context, e app.Event) { c.runCompare(ctx) }))
	}
	if st.Busy {
		body = append(body, app.P().Class("note").Text(T(l, "cmp_busy")))
	}
	if st.Err != "" {
		body = append(body, app.P().Class("error").Text(st.Err))
	}
	if other == nil || st.With == "" {
		return app.Section().ID("compare").Body(body...)
	}
	rows := compareRows(res, other, c.periodLabel())
	xs, ys := make([]float64, len(rows)), make([]float64, len(rows))
	for i, r := range rows {
		xs[i], ys[i] = r.ScoreA, r.ScoreB
	}
	rho, n := spearman(xs, ys)
	rhoText := "–"
	if !math.IsNaN(rho) {
		rhoText = strconv.FormatFloat(rho, 'f', 4, 64)
	}
	body = append(body,
		app.P().ID("spearman").Text(fmt.Sprintf(T(l, "cmp_spearman"), rhoText, n)),
		app.P().Class("note").Text(T(l, "cmp_formula")),
		app.Table().ID("compare-table").Body(
			app.THead().Body(app.Tr().Body(app.Th().Text(T(l, "unit")),
				app.Th().Text(T(l, "cmp_current")+" "+T(l, "cmp_score")), app.Th().Text(T(l, "cmp_current")+" "+T(l, "rank")),
				app.Th().Text(T(l, "cmp_other")+" "+T(l, "cmp_score")), app.Th().Text(T(l, "cmp_other")+" "+T(l, "rank")),
				app.Th().Text(T(l, "rw_change")))),
			app.TBody().Body(app.Range(rows).Slice(func(i int) app.UI {
				r := rows[i]
				d := 0
				if r.RankA > 0 && r.RankB > 0 {
					d = r.RankA - r.RankB
				}
				return app.Tr().Body(app.Td().Text(r.Name),
					app.Td().Class("num").Text(fmtScore(r.ScoreA)), app.Td().Text(fmtRank(r.RankA)),
					app.Td().Class("num").Text(fmtScore(r.ScoreB)), app.Td().Text(fmtRank(r.RankB)),
					app.Td().Body(changeMark(d)))
			})),
		),
	)
	return app.Section().ID("compare").Body(body...)
}
