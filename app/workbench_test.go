package app

import (
	"strconv"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"golang.org/x/net/html"

	"github.com/nqp-index/nqp/scoring/pipeline"
)

// render renders the workbench natively (go-app's test engine) and parses
// its HTML.
func render(t *testing.T, c *Workbench) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(app.HTMLString(c)))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func walk(n *html.Node, f func(*html.Node)) {
	f(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, f)
	}
}

func byID(doc *html.Node, id string) *html.Node {
	var found *html.Node
	walk(doc, func(n *html.Node) {
		if found == nil && n.Type == html.ElementNode && attr(n, "id") == id {
			found = n
		}
	})
	return found
}

func nodeText(n *html.Node) string {
	var b strings.Builder
	walk(n, func(c *html.Node) {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	})
	return b.String()
}

// TestWorkbenchRender renders the whole workbench on the sample's outcome
// and checks what the user sees: the 2023 ranking (the result's numbers,
// best first), the table viewer's button, the model step, and that every
// control has a label (or an ARIA name), in both languages.
func TestWorkbenchRender(t *testing.T) {
	w := sampleWorkspace(t)
	for _, l := range []Lang{Zh, En} {
		w.Lang = l
		c := &Workbench{ws: *w}
		doc := render(t, c)
		rk := byID(doc, "ranking")
		if rk == nil {
			t.Fatal("no ranking table")
		}
		var rows []*html.Node
		walk(rk, func(n *html.Node) {
			if n.Type == html.ElementNode && n.Data == "tr" && n.Parent.Data == "tbody" {
				rows = append(rows, n)
			}
		})
		ranking := w.Ranking()
		if len(rows) != 31 || len(ranking) != 31 {
			t.Fatalf("%s: %d ranking rows rendered, %d computed", l, len(rows), len(ranking))
		}
		for _, r := range []int{0, 30} {
			rr := ranking[r]
			want := []string{fmtRank(rr.Rank), rr.Name, changeText(w.Result, rr.Code, w.Period), rr.Group, fmtRank(rr.GroupRank)}
			for _, v := range rr.Scores {
				want = append(want, fmtScore(v))
			}
			if got := strings.Fields(nodeText(rows[r])); strings.Join(got, " ") != strings.Join(want, " ") {
				t.Errorf("%s: ranking row %d reads %q, want %q", l, r, got, want)
			}
		}
		if byID(doc, "tables-show") == nil || byID(doc, "freeze") == nil || byID(doc, "dl-xlsx") == nil {
			t.Errorf("%s: the table viewer, freeze or workbook button is missing", l)
		}
		labelled := map[string]bool{}
		walk(doc, func(n *html.Node) {
			if n.Type == html.ElementNode && n.Data == "label" && attr(n, "for") != "" {
				labelled[attr(n, "for")] = true
			}
		})
		walk(doc, func(n *html.Node) {
			if n.Type != html.ElementNode || (n.Data != "input" && n.Data != "select" && n.Data != "textarea") || attr(n, "type") == "hidden" {
				return
			}
			inLabel := false
			for p := n.Parent; p != nil; p = p.Parent {
				inLabel = inLabel || p.Data == "label"
			}
			if !labelled[attr(n, "id")] && attr(n, "aria-label") == "" && !inLabel {
				t.Errorf("%s: <%s id=%q class=%q> has no label", l, n.Data, attr(n, "id"), attr(n, "class"))
			}
		})
	}
}

// TestWorkbenchModelForm: with a frozen model that divides by a data
// column, the model step offers an input for that column.
func TestWorkbenchModelForm(t *testing.T) {
	w := &Workspace{}
	w.SetSample()
	r := pipeline.Default()
	one := 1.0
	r.Denominate = pipeline.Denominate{Enabled: true, Pairs: []pipeline.DenomPair{{Indicator: "hightech_revenue", Denominator: "gov_budget_exp_total_100m_cny", Scale: &one}}}
	if err := w.SetRecipe(r); err != nil {
		t.Fatal(err)
	}
	w.Run()
	if w.Frozen == nil {
		t.Fatal(w.FrozenErr)
	}
	w.Model = ModelState{M: w.Frozen, loaded: true}
	c := &Workbench{ws: *w}
	doc := render(t, c)
	in := byID(doc, "mv-den-0")
	if in == nil {
		t.Fatal("no input for the denominator")
	}
	var label string
	walk(doc, func(n *html.Node) {
		if n.Data == "label" && attr(n, "for") == "mv-den-0" {
			label = nodeText(n)
		}
	})
	if label != "分母：gov_budget_exp_total_100m_cny" {
		t.Errorf("denominator label %q", label)
	}
}

// changeText is the rank change of unit code from period p−1 to p, as the
// ranking shows it, computed from the result's ranks.
func changeText(res *pipeline.Result, code string, p int) string {
	rank := map[int]int{}
	for i, o := range res.Rows {
		if res.Units[o.Unit].Code == code {
			rank[o.Period] = res.Ranks[i][0]
		}
	}
	switch d := rank[p-1] - rank[p]; {
	case rank[p-1] == 0 || rank[p] == 0 || d == 0:
		return "–"
	case d > 0:
		return "▲" + strconv.Itoa(d)
	default:
		return "▼" + strconv.Itoa(-d)
	}
}

// TestRankingChange: 2023's ranking shows each unit's change since 2022
// (the sample has movers both ways).
func TestRankingChange(t *testing.T) {
	w := sampleWorkspace(t)
	up, down := 0, 0
	for _, r := range w.Ranking() {
		if !r.HasPrev {
			t.Errorf("%s has no 2022 rank", r.Name)
		}
		if got, want := changeText(w.Result, r.Code, w.Period), map[bool]string{true: "–"}[r.Change == 0]; r.Change == 0 && got != want {
			t.Errorf("%s: change %d, computed %s", r.Name, r.Change, got)
		}
		if r.Change > 0 {
			up++
			if changeText(w.Result, r.Code, w.Period) != "▲"+strconv.Itoa(r.Change) {
				t.Errorf("%s: change %d", r.Name, r.Change)
			}
		}
		if r.Change < 0 {
			down++
		}
	}
	if up == 0 || down == 0 {
		t.Errorf("%d up, %d down", up, down)
	}
	w.Period = 0
	for _, r := range w.Ranking() {
		if r.HasPrev {
			t.Errorf("the first period has a change for %s", r.Name)
		}
	}
}
