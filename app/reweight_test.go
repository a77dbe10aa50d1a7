package app

import (
	"math"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

func sampleWorkspace(t *testing.T) *Workspace {
	t.Helper()
	w := &Workspace{}
	w.SetSample()
	w.Run()
	if w.Result == nil {
		t.Fatalf("no result: %v", w.Report)
	}
	return w
}

// TestReweightLiveThenApply moves a dimension's slider: the page's
// re-aggregation changes ranks (with ▲/▼ against the saved ranking), and
// applying the weights (manual framework weights, full run) gives the
// same scores as the live re-ranking.
func TestReweightLiveThenApply(t *testing.T) {
	w := sampleWorkspace(t)
	saved := w.Result
	st := &w.Tune
	st.sync(saved)
	dims := saved.Framework.Children(st.Group)
	if len(dims) < 2 {
		t.Fatalf("root %s has %d dimensions", st.Group, len(dims))
	}
	st.Set(dims[0], 100)
	st.Set(dims[1], 0)
	if st.Live == nil {
		t.Fatalf("no live result: %s", st.Err)
	}
	period := saved.Periods[w.Period].Label
	moved := 0
	for _, r := range rankChanges(saved, st.Live, period) {
		if r.Delta() != 0 {
			moved++
		}
	}
	if moved == 0 {
		t.Fatal("moving the sliders changed no rank")
	}
	live := st.Live
	if err := w.ApplyReweight(); err != nil {
		t.Fatal(err)
	}
	if w.FwCustom == nil || w.Recipe.Weights.Method != "manual" {
		t.Fatalf("apply: framework %v, weights %q", w.FwCustom != nil, w.Recipe.Weights.Method)
	}
	w.Run()
	if w.Result == nil {
		t.Fatalf("no result after apply: %v", w.Report)
	}
	for _, o := range live.Rows {
		u, p := live.Units[o.Unit].Code, live.Periods[o.Period].Label
		a, _ := live.Score(live.Aggregates[0], u, p)
		b, ok := w.Result.Score(live.Aggregates[0], u, p)
		if !ok || math.Abs(a-b) > 1e-9 {
			t.Fatalf("%s %s: live %v, after apply %v", u, p, a, b)
		}
	}
}

// TestSectionsRender renders the workbench with a result (natively,
// without OnMount): the new sections build without panicking.
func TestSectionsRender(t *testing.T) {
	c := &Workbench{}
	c.ws = *sampleWorkspace(t)
	c.ws.Tune.sync(c.ws.Result)
	c.ws.Tune.Set(c.ws.Result.Framework.Children(c.ws.Tune.Group)[0], 90)
	c.ws.Cmp.With = "reweight"
	e := app.NewTestEngine()
	e.Load(c)
	e.ConsumeAll()
	for _, l := range []Lang{Zh, En} {
		for _, ui := range []app.UI{c.reweightSection(l), c.compareSection(l), c.modelSection(l), c.exportSection(l)} {
			if ui == nil {
				t.Fatal("nil section")
			}
		}
	}
}
