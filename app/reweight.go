package app

import (
	"math"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/nqp-index/nqp/scoring/framework"
	"github.com/nqp-index/nqp/scoring/pipeline"
)

func init() {
	addMessages(map[string][2]string{
		"step_reweight":   {"调整权重", "Reweight"},
		"rw_note":         {"拖动滑块即时重新排名（在本页计算，无需重算标准化）；▲/▼ 表示与已保存配方的排名相比的变化。", "Move a slider to re-rank at once (computed in the page, the normalised data are reused); ▲/▼ is the change against the saved recipe's ranking."},
		"rw_group":        {"调整哪一组的权重", "Weights of the group"},
		"rw_apply":        {"采用这些权重（写入指标体系并重新计算）", "Apply these weights (into the framework, then re-run)"},
		"rw_reset":        {"恢复", "Reset"},
		"rw_change":       {"变化", "Change"},
		"rw_new":          {"调整后得分", "New score"},
		"rw_saved":        {"原得分", "Saved score"},
		"rw_unsupported":  {"当前汇总方法需要完整重算，滑块不可用。", "The current aggregation needs a full run; the sliders are not available."},
		"rw_share":        {"组内占比", "share"},
		"rw_none_changed": {"尚未调整权重。", "No weight changed yet."},
	})
}

// ReweightState is the live reweighting of step 5: slider values for some
// nodes, and the result re-aggregated with them (pipeline.Reweight).
type ReweightState struct {
	base   *pipeline.Result   // the Result the sliders apply to
	Group  string             // aggregate whose children the sliders show
	Edited map[string]float64 // slider values (any scale) of the nodes moved
	Live   *pipeline.Result   // the re-aggregated result; nil until a slider moves
	Err    string
}

// sync starts over when a new Result arrives.
func (s *ReweightState) sync(res *pipeline.Result) {
	if s.base == res {
		return
	}
	*s = ReweightState{base: res}
	if res != nil && res.Framework != nil {
		s.Group = res.Framework.Root()
	}
}

// Set moves the slider of node code to v and re-aggregates.
func (s *ReweightState) Set(code string, v float64) {
	if s.base == nil {
		return
	}
	if s.Edited == nil {
		s.Edited = map[string]float64{}
	}
	// the group's other sliders keep their displayed values
	for _, c := range s.base.Framework.Children(s.Group) {
		if _, ok := s.Edited[c]; !ok {
			s.Edited[c] = s.value(c)
		}
	}
	s.Edited[code] = v
	s.Live, s.Err = nil, ""
	rw, err := pipeline.Reweight(s.base, s.Edited)
	if err != nil {
		s.Err = err.Error()
		return
	}
	s.Live = rw
}

// value is the slider value of node code: as moved, or its relative weight
// in percent.
func (s *ReweightState) value(code string) float64 {
	if v, ok := s.Edited[code]; ok {
		return v
	}
	res := s.base
	if s.Live != nil {
		res = s.Live
	}
	ws := res.Weights[len(res.Weights)-1]
	for _, n := range ws.Nodes {
		if n.Code == code {
			return math.Round(n.Relative * 100)
		}
	}
	return 0
}

// RankChange is one line of the reweighted ranking of a period.
type RankChange struct {
	Code, Name      string
	Rank, SavedRank int
	Score, Saved    float64
}

// Delta is the rank change against the saved ranking (positive = up).
func (r RankChange) Delta() int {
	if r.Rank == 0 || r.SavedRank == 0 {
		return 0
	}
	return r.SavedRank - r.Rank
}

// rankChanges compares the index ranks of two results in period (by unit
// code), ordered by the new rank.
func rankChanges(saved, live *pipeline.Result, period string) []RankChange {
	pairs := compareRows(live, saved, period)
	out := make([]RankChange, len(pairs))
	for i, p := range pairs {
		out[i] = RankChange{Code: p.Code, Name: p.Name, Rank: p.RankA, Score: p.ScoreA, SavedRank: p.RankB, Saved: p.ScoreB}
	}
	return out
}

// changeMark renders ▲n / ▼n / –.
func changeMark(d int) app.UI {
	switch {
	case d > 0:
		return app.Span().Class("rank-change up").Text("▲" + strconv.Itoa(d))
	case d < 0:
		return app.Span().Class("rank-change down").Text("▼" + strconv.Itoa(-d))
	}
	return app.Span().Class("rank-same").Text("–")
}

// ApplyReweight makes the slider weights the recipe: every node's
// relative weight goes into the framework (the user's own framework, or a
// copy of the one in use) and the weights method becomes "manual". The
// caller re-runs the job.
func (w *Workspace) ApplyReweight() error {
	live := w.Tune.Live
	if live == nil {
		return nil
	}
	var fw *framework.Framework
	base := w.FwCustom
	if base == nil {
		base = w.FwUsed
	}
	if base != nil {
		fw = base.Clone()
		for _, n := range live.Framework.Nodes {
			if x := fw.Node(n.Code); x != nil {
				x.Weight = n.Weight
			}
		}
	} else {
		fw = live.Framework.Clone()
	}
	r := w.recipe()
	r.Weights = pipeline.Weights{Method: pipeline.WManual}
	if err := w.SetRecipe(r); err != nil {
		return err
	}
	w.FwCustom = fw
	w.Tune = ReweightState{}
	return nil
}

// periodLabel is the label of the selected period.
func (c *Workbench) periodLabel() string {
	res := c.ws.Result
	if res == nil || c.ws.Period < 0 || c.ws.Period >= len(res.Periods) {
		return ""
	}
	return res.Periods[c.ws.Period].Label
}

// reweightSection is step 5: sliders on one group's weights and the live ranking.
func (c *Workbench) reweightSection(l Lang) app.UI {
	res := c.ws.Result
	if res == nil || res.Framework == nil || len(res.Weights) == 0 {
		return app.Text("")
	}
	st := &c.ws.Tune
	st.sync(res)
	head := []app.UI{app.H2().Text(T(l, "step_reweight")), app.P().Class("note").Text(T(l, "rw_note"))}
	ag := res.Recipe.Aggregate.Method
	switch ag {
	case pipeline.AMean, pipeline.GMean, pipeline.HMean, pipeline.GenMean, pipeline.WSM, pipeline.WPM:
	default:
		return app.Section().ID("reweight").Body(append(head, app.P().Class("note").Text(T(l, "rw_unsupported")))...)
	}
	fw := res.Framework
	var groups []choice
	for _, a := range res.Aggregates {
		if len(fw.Children(a)) > 1 {
			groups = append(groups, choice{a, a})
		}
	}
	gopts := make([]app.UI, len(groups))
	for i, g := range groups {
		gopts[i] = app.Option().Value(g.value).Text(fw.Node(g.value).Name(string(l))).Selected(g.value == st.Group)
	}
	kids := fw.Children(st.Group)
	var total float64
	for _, k := range kids {
		total += st.value(k)
	}
	sliders := make([]app.UI, len(kids))
	for i, k := range kids {
		k := k
		v := st.value(k)
		share := "–"
		if total > 0 {
			share = strconv.FormatFloat(100*v/total, 'f', 1, 64) + "%"
		}
		sliders[i] = app.Div().Class("slider").Body(
			app.Label().For("w-"+k).Text(fw.Node(k).Name(string(l))),
			app.Input().Type("range").ID("w-"+k).Class("weight-slider").Min(0).Max(100).Step(1).
				Value(strconv.FormatFloat(v, 'f', -1, 64)).
				OnInput(func(ctx app.Context, e app.Event) {
					if x, err := strconv.ParseFloat(ctx.JSSrc().Get("value").String(), 64); err == nil {
						c.ws.Tune.Set(k, x)
					}
				}, app.EventScope(k)),
			app.Span().Class("num").Text(T(l, "rw_share")+" "+share),
		)
	}
	body := append(head,
		app.Div().Class("field").Body(
			app.Label().For("rw-group").Text(T(l, "rw_group")),
			app.Select().ID("rw-group").OnChange(func(ctx app.Context, e app.Event) {
				c.ws.Tune.Group = ctx.JSSrc().Get("value").String()
			}).Body(gopts...),
		),
		app.Div().Class("sliders").Body(sliders...),
	)
	if st.Err != "" {
		body = append(body, app.P().Class("error").Text(st.Err))
	}
	if st.Live == nil {
		body = append(body, app.P().Class("note").Text(T(l, "rw_none_changed")))
		return app.Section().ID("reweight").Body(body...)
	}
	rows := rankChanges(res, st.Live, c.periodLabel())
	body = append(body,
		app.Div().Class("controls").Body(
			app.Button().ID("reweight-apply").Text(T(l, "rw_apply")).OnClick(func(ctx app.Context, e app.Event) {
				if c.ws.ApplyReweight() == nil {
					c.compute(ctx)
				}
			}),
			app.Button().ID("reweight-reset").Text(T(l, "rw_reset")).OnClick(func(ctx app.Context, e app.Event) {
				c.ws.Tune = ReweightState{}
			}),
		),
		app.Table().ID("reweight-ranking").Body(
			app.THead().Body(app.Tr().Body(app.Th().Text(T(l, "rank")), app.Th().Text(T(l, "rw_change")), app.Th().Text(T(l, "unit")),
				app.Th().Text(T(l, "rw_new")), app.Th().Text(T(l, "rw_saved")))),
			app.TBody().Body(app.Range(rows).Slice(func(i int) app.UI {
				r := rows[i]
				return app.Tr().Body(app.Td().Text(fmtRank(r.Rank)), app.Td().Body(changeMark(r.Delta())), app.Td().Text(r.Name),
					app.Td().Class("num").Text(fmtScore(r.Score)), app.Td().Class("num").Text(fmtScore(r.Saved)))
			})),
		),
	)
	return app.Section().ID("reweight").Body(body...)
}
