package analysis

import (
	"bytes"
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/nqp-index/nqp/scoring/framework"
	"github.com/nqp-index/nqp/scoring/ingest"
	"github.com/nqp-index/nqp/scoring/pipeline"
	"github.com/nqp-index/nqp/scoring/region"
	"github.com/nqp-index/nqp/scoring/sample"
)

// sampleInput is the bundled panel with the drivers template, as
// `nqp score -sample` reads it.
func sampleInput(t *testing.T) pipeline.Input {
	t.Helper()
	p, rep, err := ingest.Read(sample.TechmePanelName, sample.TechmePanelCSV(), ingest.Options{UnitMatcher: region.MatchName})
	if err != nil || rep.HasErrors() {
		t.Fatalf("ingest: %v %v", err, rep)
	}
	fw, err := framework.Template("drivers")
	if err != nil {
		t.Fatal(err)
	}
	cols := make([]string, len(p.Columns))
	for i, c := range p.Columns {
		cols[i] = c.Name
	}
	m := fw.MatchColumns(cols)
	return pipeline.Input{Data: p, Framework: fw.Restrict(m), Columns: m.Mapping}
}

const declaredRecipe = `{"schema":"nqp-recipe/1","rank":{"groups":"region4"},"analyses":[
 {"name":"coupling","variant":"wang"},
 {"name":"obstacle","top":3},
 {"name":"dagum"},
 {"name":"theil","variant":"L","groups":"region3"},
 {"name":"kde","points":32,"kernel":"epanechnikov"},
 {"name":"markov","k":3,"thresholds":"period"},
 {"name":"spatial-markov","w":{"type":"distance"}},
 {"name":"sigma","ddof":1,"groups":"region4"},
 {"name":"beta","variant":"cross-section","level":"talent"},
 {"name":"moran","permutations":99,"seed":7},
 {"name":"lisa","w":{"type":"contiguity","sea_link":false}},
 {"name":"ua","n":40,"seed":3,"inputs":[{"name":"w","path":"weights.method","alternatives":["entropy","equal"]},{"name":"noise","noise":[{"level":2,"factor":0.25}]}]},
 {"name":"sa","n":16,"nboot":20,"inputs":[{"name":"w","path":"weights.method","alternatives":["entropy","equal"]},{"name":"noise","noise":[{"level":2,"factor":0.25}]}]},
 {"name":"remove","element_level":2},
 {"name":"compare","variants":[{"name":"equal","edits":[{"path":"weights.method","value":"equal"}]}]},
 {"name":"coupling","id":"fan","variant":"fan","rescale":true}
]}`

func declared(t *testing.T) (pipeline.Input, pipeline.Recipe) {
	t.Helper()
	r, err := pipeline.ParseRecipe(strings.NewReader(declaredRecipe))
	if err != nil {
		t.Fatal(err)
	}
	return sampleInput(t), r
}

func tableOf(t *testing.T, res *pipeline.Result, name string) pipeline.AnalysisTable {
	t.Helper()
	for _, a := range res.Analyses {
		for _, tb := range a.Tables {
			if tb.Name == name {
				return tb
			}
		}
	}
	t.Fatalf("no analysis table %s", name)
	return pipeline.AnalysisTable{}
}

func cell(row []any, j int) float64 {
	switch v := row[j].(type) {
	case float64:
		return v
	case int:
		return float64(v)
	}
	return math.NaN()
}

func same(t *testing.T, what string, got, want float64) {
	t.Helper()
	if got != want && !(math.IsNaN(got) && math.IsNaN(want)) {
		t.Errorf("%s: table %v, direct %v", what, got, want)
	}
}

// The declared analyses give exactly the numbers of the direct calls.
func TestDeclaredMatchesDirect(t *testing.T) {
	in, r := declared(t)
	res, err := Run(in, r)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Analyses) != len(r.Analyses) {
		t.Fatalf("%d outputs for %d analyses", len(res.Analyses), len(r.Analyses))
	}
	nominal := res.Recipe
	nominal.Analyses = nil
	s, _ := SeriesOf(res, "")

	ct, err := CouplingOf(res, nil, CouplingOptions{Variant: CouplingWang})
	if err != nil {
		t.Fatal(err)
	}
	cp := tableOf(t, res, "coupling")
	for i, row := range cp.Rows {
		same(t, "coupling D", cell(row, 5), ct.Out[i].D)
	}
	fan, _ := CouplingOf(res, nil, CouplingOptions{Variant: CouplingFan, Rescale: true})
	for i, row := range tableOf(t, res, "fan_coupling").Rows {
		same(t, "fan C", cell(row, 3), fan.Out[i].C)
	}

	ot, _ := ObstacleOf(res, nil, 3)
	for i, row := range tableOf(t, res, "obstacle").Rows {
		same(t, "obstacle dim", cell(row, 3), ot.Dimension[i][0])
		if len(ot.Top[i]) > 0 {
			same(t, "obstacle top", cell(row, 7), ot.Top[i][0].Degree)
		}
	}

	g4, _ := UnitGroups(res, "region4")
	g3, _ := UnitGroups(res, "region3")
	dg := tableOf(t, res, "dagum")
	th := tableOf(t, res, "theil")
	for p := range s.Periods {
		d, _ := Dagum(s.Column(p), g4)
		same(t, "dagum G", cell(dg.Rows[p], 1), d.G)
		same(t, "dagum Gt", cell(dg.Rows[p], 4), d.Gt)
		x, _ := Theil(s.Column(p), g3, TheilL)
		same(t, "theil between", cell(th.Rows[p], 3), x.Between)
	}

	k, _ := KDEOf(s, KDEOptions{Kernel: Epanechnikov, Points: 32})
	for i, row := range tableOf(t, res, "kde").Rows {
		same(t, "kde grid", cell(row, 0), k.Grid[i])
		same(t, "kde last period", cell(row, len(row)-1), k.Density[len(k.Labels)-1][i])
	}

	m, _ := Markov(s.Y, MarkovOptions{K: 3, Thresholds: PerPeriod})
	mk := tableOf(t, res, "markov")
	for a := 0; a < 3; a++ {
		for b := 0; b < 3; b++ {
			same(t, "markov P", cell(mk.Rows[a], 2+b), m.P[a][b])
		}
		same(t, "markov steady", cell(mk.Rows[3], 2+a), m.Steady[a])
	}
	wd, _ := InverseDistanceW(s.Units, 1)
	sm, _ := SpatialMarkov(s.Y, wd, MarkovOptions{})
	same(t, "spatial markov", cell(tableOf(t, res, "markov_lag2").Rows[1], 3), sm.ByLag[1].P[1][1])

	sg, _ := SigmaConvergence(s.Y, s.Periods, 1)
	sgt := tableOf(t, res, "sigma")
	for p := range s.Periods {
		same(t, "sigma CV", cell(sgt.Rows[p], 5), sg.CV[p])
	}
	if len(sgt.Rows) != 5*len(s.Periods) {
		t.Errorf("sigma: %d rows, want all + 4 regions", len(sgt.Rows))
	}
	st, _ := SeriesOf(res, "talent")
	b, _ := BetaConvergence(st.Y, CrossSection)
	same(t, "beta", cell(tableOf(t, res, "beta").Rows[0], 2), b.Beta)

	wc, _ := ContiguityW(s.Units, true)
	wc = RowStandardise(wc)
	mt := tableOf(t, res, "moran")
	wl, _ := ContiguityW(s.Units, false)
	wl = RowStandardise(wl)
	lt := tableOf(t, res, "lisa")
	for p := range s.Periods {
		mo, _ := Moran(s.Column(p), wc, 99, 7)
		same(t, "moran I", cell(mt.Rows[p], 2), mo.I)
		same(t, "moran p perm", cell(mt.Rows[p], 8), mo.PPerm)
		l, _ := LocalMoran(s.Column(p), wl)
		for u := range l {
			same(t, "lisa I", cell(lt.Rows[p*len(s.Units)+u], 3), l[u].I)
		}
	}

	inputs := []Uncertain{Choice("w", "weights.method", "entropy", "equal"), WeightNoise("noise", 0.25, 2)}
	ua, err := Uncertainty(in, nominal, UAOptions{Inputs: inputs, N: 40, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	for i, row := range tableOf(t, res, "uncertainty").Rows {
		same(t, "ua mean rank", cell(row, 5), ua.Mean[i])
		same(t, "ua q95", cell(row, 8), ua.Q95[i])
	}
	sa, err := Sensitivity(in, nominal, SAOptions{Inputs: inputs, N: 16, Nboot: 20, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	for i, row := range tableOf(t, res, "sensitivity").Rows {
		same(t, "sa STi", cell(row, 4), sa.Indices[i].STi)
	}
	rm, _ := RemoveElements(in, nominal, 2, "")
	for i, row := range tableOf(t, res, "remove").Rows {
		same(t, "remove", cell(row, 1), rm.MeanAbsDiff[i])
	}
	eq, _ := EditRecipe(nominal, "weights.method", json.RawMessage(`"equal"`))
	cm, _ := Compare(in, []string{"nominal", "equal"}, []pipeline.Recipe{nominal, eq}, "")
	same(t, "compare", cell(tableOf(t, res, "compare").Rows[1], 1), cm.MeanAbsDiff[1])

	// typed results come back too
	outs, err := RunDeclared(in, res)
	if err != nil {
		t.Fatal(err)
	}
	if v, ok := outs[2].Value.(*ByPeriod[*DagumResult]); !ok || len(v.Values) != len(s.Periods) {
		t.Errorf("dagum value %T", outs[2].Value)
	}
}

// Same data, recipe and seed: byte-identical JSON that round-trips.
func TestDeclaredDeterministic(t *testing.T) {
	in, r := declared(t)
	var prev []byte
	for k := 0; k < 2; k++ {
		res, err := Run(in, r)
		if err != nil {
			t.Fatal(err)
		}
		js, err := res.JSON()
		if err != nil {
			t.Fatal(err)
		}
		if prev != nil && !bytes.Equal(prev, js) {
			t.Fatal("two runs differ")
		}
		prev = js
	}
	var back pipeline.Result
	if err := json.Unmarshal(prev, &back); err != nil {
		t.Fatal(err)
	}
	again, _ := back.JSON()
	if !bytes.Equal(prev, again) {
		t.Error("result JSON with analyses does not round-trip")
	}
	if !bytes.Contains(prev, []byte(`"analyses": [`)) || !bytes.Contains(prev, []byte(`"zh": "全部"`)) {
		t.Error("analyses missing from the result JSON")
	}
	// no analyses: the field is absent
	res, _ := pipeline.Run(in, pipeline.Default())
	if err := Apply(in, res); err != nil {
		t.Fatal(err)
	}
	js, _ := res.JSON()
	if bytes.Contains(js, []byte(`"analyses"`)) {
		t.Error("empty analyses written to the JSON")
	}
}

func TestDeclaredRecipeErrors(t *testing.T) {
	for _, c := range []struct{ recipe, want string }{
		{`[{"name":"nonsense"}]`, "analyses[0].name"},
		{`[{"name":"kde","top":3}]`, "analyses[0].top”（analyses[0].name kde 可用的键：bandwidth, cut, h, id, kernel, level, name, points）"},
		{`[{"name":"coupling","variant":"x"}]`, "analyses[0].variant"},
		{`[{"name":"theil"},{"name":"kde","id":"theil"}]`, "duplicate id"},
		{`[{"name":"sigma","ddof":2}]`, "analyses[0].ddof"},
		{`[{"name":"ua"}]`, "analyses[0].inputs"},
		{`[{"name":"moran","w":{"type":"matrix","units":["a","b"],"matrix":[[0,1]]}}]`, "matrix has 1 rows but units has 2"},
		{`[{"name":"moran","w":{"type":"matrix","units":["a","b"],"matrix":[[0,1],[-1,0]]}}]`, "row b, column a"},
		{`[{"name":"moran","w":{"type":"matrix","units":["a","b"],"matrix":[[1,1],[1,0]]}}]`, "diagonal (a, a)"},
		{`[{"name":"lisa","w":{"entries":[{"i":"a","j":"a","w":2}]}}]`, "diagonal (a, a)"},
		{`[{"name":"lisa","w":{"type":"grid"}}]`, "analyses[0].w.type"},
	} {
		_, err := pipeline.ParseRecipe(strings.NewReader(`{"schema":"nqp-recipe/1","analyses":` + c.recipe + `}`))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want %q", c.recipe, err, c.want)
		}
	}
}

func sampleResult(t *testing.T) (pipeline.Input, *pipeline.Result) {
	in := sampleInput(t)
	res, err := pipeline.Run(in, pipeline.Default())
	if err != nil {
		t.Fatal(err)
	}
	return in, res
}

// A user matrix equal to the built-in contiguity, as CSV (square, by
// name, in a shuffled order, and long), gives the same Moran's I.
func TestUserWeights(t *testing.T) {
	in, res := sampleResult(t)
	codes := make([]string, len(res.Units))
	for i, u := range res.Units {
		codes[i] = u.Code
	}
	w, _ := ContiguityW(codes, true)
	order := make([]int, len(codes))
	for i := range order {
		order[i] = len(codes) - 1 - i
	}
	var sq, long strings.Builder
	sq.WriteString("\ufeff")
	for _, i := range order {
		sq.WriteString("," + res.Units[i].Name)
	}
	sq.WriteString("\n")
	long.WriteString("i,j,w\n")
	for _, i := range order {
		sq.WriteString(res.Units[i].Name)
		for _, j := range order {
			sq.WriteString(",")
			if w[i][j] != 0 {
				sq.WriteString("1")
				long.WriteString(codes[i] + "," + codes[j] + ",1\n")
			}
		}
		sq.WriteString("\n")
	}
	long.WriteString("460000,460000,0\n") // a unit's own line: declared, zero
	want := tableOf(t, mustApply(t, in, res, &pipeline.SpatialWeights{}), "moran")
	for name, text := range map[string]string{"square": sq.String(), "long": long.String()} {
		sw, err := ReadWeightsCSV(strings.NewReader(text))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		got := tableOf(t, mustApply(t, in, res, sw), "moran")
		for p := range want.Rows {
			same(t, name+" moran I", cell(got.Rows[p], 2), cell(want.Rows[p], 2))
		}
	}
}

func mustApply(t *testing.T, in pipeline.Input, res *pipeline.Result, w *pipeline.SpatialWeights) *pipeline.Result {
	t.Helper()
	r := *res
	r.Recipe.Analyses = []pipeline.Analysis{{Name: pipeline.AMoran, W: w, Permutations: -1}}
	r.Recipe.Resolve()
	if err := r.Recipe.Check(); err != nil {
		t.Fatal(err)
	}
	if err := Apply(in, &r); err != nil {
		t.Fatal(err)
	}
	return &r
}

func TestBadWeightFiles(t *testing.T) {
	for _, c := range []struct{ csv, zh, en string }{
		{",a,b\na,0,1\n", "不是方阵", "not square"},
		{",a,b\na,0,1\nb,1\n", "第 3 行（b）有 1 个值，应为 2", "line 3 (b) has 1 values, want 2"},
		{",a,b\na,0,x\nb,1,0\n", "第 2 行第 3 列“x”不是数字", `line 2, column 3: "x" is not a number`},
		{",a,b\nb,0,1\na,1,0\n", "第 2 行的地区“b”与第 2 列的“a”不一致", `row unit "b" does not match column 2 "a"`},
		{",a,b\na,0,-1\nb,1,0\n", "第 a 行第 b 列的权重 -1 无效", "row a, column b (-1) must be a non-negative"},
		{",a,b\na,0,1\nb,1,2\n", "对角线（b, b）须为 0", "diagonal (b, b) must be 0"},
		{"i,j,w\na,b\n", "第 2 行应有 3 列", "line 2: want 3 columns"},
		{"i,j,w\na,b,1\na,b,2\n", "（a, b）重复", "(a, b) is listed twice"},
		{"a\n", "至少需要表头和一行数据", "needs a header and at least one line"},
	} {
		_, err := ReadWeightsCSV(strings.NewReader(c.csv))
		if err == nil || !strings.Contains(err.Error(), c.zh) || !strings.Contains(err.Error(), c.en) {
			t.Errorf("%q: error %v, want %q and %q", c.csv, err, c.zh, c.en)
		}
	}
	// a matrix without one of the data's units
	_, res := sampleResult(t)
	var b strings.Builder
	for _, u := range res.Units[1:] {
		b.WriteString("," + u.Code)
	}
	b.WriteString("\n")
	for i, u := range res.Units[1:] {
		b.WriteString(u.Code)
		for j := range res.Units[1:] {
			if i == j {
				b.WriteString(",0")
			} else {
				b.WriteString(",1")
			}
		}
		b.WriteString("\n")
	}
	sw, err := ReadWeightsCSV(strings.NewReader(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	_, err = SpatialW(res.Units, sw)
	var e *Error
	if err == nil || !strings.Contains(err.Error(), "北京（110000）的行和列") || !strings.Contains(err.Error(), "no row and column for unit 北京 (110000)") {
		t.Errorf("missing unit: %v", err)
	} else if ok := asError(err, &e); !ok || e.Code != "w-missing-unit" {
		t.Errorf("missing unit: code %v", err)
	}
}

func asError(err error, e **Error) bool {
	x, ok := err.(*Error)
	*e = x
	return ok
}

// A failing analysis is reported with its id and position.
func TestDeclaredFailureNamesAnalysis(t *testing.T) {
	in := sampleInput(t)
	r := pipeline.Default()
	r.Analyses = []pipeline.Analysis{{Name: "kde"}, {Name: "dagum", Groups: "nosuchcolumn"}}
	_, err := Run(in, r)
	if err == nil || !strings.Contains(err.Error(), "分析 dagum（analyses[1]）") || !strings.Contains(err.Error(), "analysis dagum (analyses[1])") {
		t.Errorf("error %v", err)
	}
}
