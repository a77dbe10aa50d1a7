package app

import (
	"fmt"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// resultsSection is step 4: the ranking of a period, downloads and weights.
func (c *Workbench) resultsSection(l Lang) app.UI {
	return app.Section().ID("results").Body(
		app.H2().Text(T(l, "step_results")),
		c.jobError(l),
		c.periodSelect(l),
		c.ranking(l),
		c.downloads(l),
		c.weights(l),
	)
}

func fmtScore(v float64) string {
	if v != v {
		return "–"
	}
	return strconv.FormatFloat(v, 'f', 2, 64)
}

func fmtRank(r int) string {
	if r == 0 {
		return "–"
	}
	return strconv.Itoa(r)
}

func (c *Workbench) periodSelect(l Lang) app.UI {
	res := c.ws.Result
	if res == nil {
		return app.Text("")
	}
	var opts []app.UI
	for i, p := range res.Periods {
		opts = append(opts, app.Option().Value(strconv.Itoa(i)).Text(p.Label).Selected(i == c.ws.Period))
	}
	return app.Div().Body(
		app.Label().For("period").Text(T(l, "period")),
		app.Select().ID("period").OnChange(c.onPeriod).Body(opts...),
	)
}

func (c *Workbench) ranking(l Lang) app.UI {
	res := c.ws.Result
	if res == nil {
		return app.Text("")
	}
	head := []app.UI{app.Th().Text(T(l, "rank")), app.Th().Text(T(l, "unit"))}
	withChange := c.ws.Period > 0
	if withChange {
		head = append(head, app.Th().Text(T(l, "rank_change")))
	}
	if res.GroupBy != "" {
		head = append(head, app.Th().Text(T(l, "group")), app.Th().Text(T(l, "group_rank")))
	}
	for _, a := range res.Aggregates {
		head = append(head, app.Th().Text(res.Framework.Node(a).Name(string(l))))
	}
	all := c.ws.Ranking()
	pages := (len(all) + RankPageSize - 1) / RankPageSize
	page := min(c.ws.RankPage, max(pages-1, 0))
	rows := all[page*RankPageSize : min(len(all), (page+1)*RankPageSize)]
	table := app.Table().ID("ranking").Body(
		app.THead().Body(app.Tr().Body(head...)),
		app.TBody().Body(app.Range(rows).Slice(func(i int) app.UI {
			r := rows[i]
			cells := []app.UI{app.Td().Text(fmtRank(r.Rank)), app.Td().Text(r.Name)}
			if withChange {
				var ch app.UI = app.Span().Class("rank-same").Text("–")
				if r.HasPrev {
					ch = changeMark(r.Change)
				}
				cells = append(cells, app.Td().Class("change").Body(ch))
			}
			if res.GroupBy != "" {
				cells = append(cells, app.Td().Text(r.Group), app.Td().Text(fmtRank(r.GroupRank)))
			}
			for _, v := range r.Scores {
				cells = append(cells, app.Td().Class("num").Text(fmtScore(v)))
			}
			return app.Tr().Body(cells...)
		})),
	)
	if pages <= 1 {
		return table
	}
	// Large panels (counties) are shown a page at a time; the workbook
	// and the CSV have every row.
	return app.Div().Body(table, app.Div().Class("pager").Body(
		app.Button().ID("ranking-prev").Text(T(l, "an_prev")).Disabled(page == 0).OnClick(func(ctx app.Context, e app.Event) {
			c.ws.RankPage = max(page-1, 0)
		}, app.EventScope(strconv.Itoa(page))),
		app.Span().ID("ranking-page").Text(fmt.Sprintf(T(l, "an_page"), page+1, pages, len(all))),
		app.Button().ID("ranking-next").Text(T(l, "an_next")).Disabled(page >= pages-1).OnClick(func(ctx app.Context, e app.Event) {
			c.ws.RankPage = min(page+1, pages-1)
		}, app.EventScope(strconv.Itoa(page))),
	))
}

// RankPageSize is the number of ranking rows shown at a time.
const RankPageSize = 100

func (c *Workbench) downloads(l Lang) app.UI {
	if c.ws.Result == nil {
		return app.Text("")
	}
	return app.Div().Class("downloads").Body(
		app.Button().ID("dl-csv").Text(T(l, "download_csv")).OnClick(func(ctx app.Context, e app.Event) {
			download(ctx, "nqp-scores.csv", "text/csv", c.ws.CSV())
		}),
		app.Button().ID("dl-json").Text(T(l, "download_json")).Disabled(c.ws.Exports.JSONBusy).OnClick(func(ctx app.Context, e app.Event) { c.downloadJSON(ctx) }),
	)
}

func (c *Workbench) weights(l Lang) app.UI {
	res := c.ws.Result
	if res == nil || len(res.Weights) == 0 {
		return app.Text("")
	}
	nodes := res.Weights[0].Nodes
	return app.Details().Body(
		app.Summary().Text(T(l, "weights")),
		app.Table().ID("weights").Body(
			app.THead().Body(app.Tr().Body(app.Th().Text(T(l, "code")), app.Th().Text(T(l, "name")), app.Th().Text(T(l, "relative")), app.Th().Text(T(l, "effective")))),
			app.TBody().Body(app.Range(nodes).Slice(func(i int) app.UI {
				n := nodes[i]
				return app.Tr().Body(app.Td().Text(n.Code), app.Td().Text(res.Framework.Node(n.Code).Name(string(l))),
					app.Td().Class("num").Text(strconv.FormatFloat(n.Relative, 'f', 4, 64)),
					app.Td().Class("num").Text(strconv.FormatFloat(n.Effective, 'f', 4, 64)))
			})),
		),
	)
}

func (c *Workbench) onPeriod(ctx app.Context, e app.Event) {
	if i, err := strconv.Atoi(ctx.JSSrc().Get("value").String()); err == nil {
		c.ws.Period, c.ws.RankPage = i, 0
	}
}
