package analysis

import (
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/nqp-index/nqp/scoring/job"
	"github.com/nqp-index/nqp/scoring/pipeline"
)

// A tiny county panel: 嘉善 and 平湖 in 嘉兴市, 德清 and 长兴 in 湖州市 (their
// names in three forms, matched by the division codes), one indicator x
// = 1, 2, 3, 4, scored with no normalisation and ×100, so the index is
// 100, 200, 300, 400.
const countyCSV = "县区,地级市,年份,x\n嘉善县,嘉兴市,2022,1\n平湖,嘉兴市,2022,2\n330521,湖州市,2022,3\n长兴县,湖州市,2022,4\n"

func countyRun(t *testing.T, as ...pipeline.Analysis) *pipeline.Result {
	t.Helper()
	r := pipeline.Default()
	r.Normalise.Method = pipeline.NNone
	r.Weights.Method = pipeline.WEqual
	r.Rank.Groups = "prefecture"
	r.Analyses = as
	out, err := job.Run(job.Spec{DataName: "c.csv", Data: []byte(countyCSV), Recipe: r})
	if err != nil {
		t.Fatalf("%v\n%v", err, out.Report)
	}
	in := pipeline.Input{Data: out.Panel, Framework: out.Framework.Restrict(*out.Match), Columns: out.Match.Mapping}
	if err := Apply(in, out.Result); err != nil {
		t.Fatal(err)
	}
	return out.Result
}

func TestCountyGroups(t *testing.T) {
	res := countyRun(t,
		pipeline.Analysis{Name: pipeline.ATheil, Groups: "prefecture"},
		pipeline.Analysis{Name: pipeline.ADagum, Groups: "prefecture"})
	var got []string
	for i, o := range res.Rows {
		u := res.Units[o.Unit]
		got = append(got, u.Code+" "+u.Name+" "+res.Groups[i])
	}
	want := "330421 嘉善县 嘉兴市; 330482 平湖市 嘉兴市; 330521 德清县 湖州市; 330522 长兴县 湖州市"
	if strings.Join(got, "; ") != want {
		t.Fatalf("units %q, want %q", strings.Join(got, "; "), want)
	}
	// Theil T by hand: y = 100, 200 | 300, 400, μ = 250, group means 150
	// and 350, income shares 0.3 and 0.7.
	tt := func(ys ...float64) float64 {
		var m float64
		for _, y := range ys {
			m += y
		}
		m /= float64(len(ys))
		var s float64
		for _, y := range ys {
			s += y / m * math.Log(y/m)
		}
		return s / float64(len(ys))
	}
	total := tt(100, 200, 300, 400)
	between := 0.5*0.6*math.Log(0.6) + 0.5*1.4*math.Log(1.4)
	within := 0.3*tt(100, 200) + 0.7*tt(300, 400)
	near(t, "T total (0.10644)", total, 0.1064401, 1e-7)
	near(t, "T between (0.08228)", between, 0.0822829, 1e-7)
	near(t, "T within (0.02416)", within, 0.0241572, 1e-7)
	th := tableOf(t, res, "theil")
	near(t, "theil total", cell(th.Rows[0], 1), total, 1e-12)
	near(t, "theil within", cell(th.Rows[0], 2), within, 1e-12)
	near(t, "theil between", cell(th.Rows[0], 3), between, 1e-12)
	// Dagum by hand (y ∝ 1, 2 | 3, 4): G = 20/(2·16·2.5) = 0.25,
	// G_嘉兴 = 1/6, G_湖州 = 1/14, Gw = (1/6)(0.5)(0.3) + (1/14)(0.5)(0.7) =
	// 0.05, G_12 = 8/(4·5) = 0.4, no overlap (D = 1): Gnb = 0.4·(0.5·0.7 +
	// 0.5·0.3) = 0.2, Gt = 0.
	dg := tableOf(t, res, "dagum")
	for k, want := range []float64{0.25, 0.05, 0.2, 0} {
		near(t, "dagum "+dg.Header[k+1].En, cell(dg.Rows[0], k+1), want, 1e-12)
	}
	gr := tableOf(t, res, "dagum_groups")
	for _, row := range gr.Rows {
		want := map[string]float64{"嘉兴市": 1.0 / 6, "湖州市": 1.0 / 14}[row[1].(string)]
		near(t, "G_jj "+row[1].(string), cell(row, 4), want, 1e-12)
	}
}

// Moran's I with an uploaded matrix (labels in three forms: short name,
// published name, code): the chain 嘉善–平湖–德清–长兴, row standardised.
// By hand: z = −1.5, −0.5, 0.5, 1.5 (Σz² = 5), Σ_ij w_ij z_i z_j = 0.75 +
// 0.25 + 0.25 + 0.75 = 2, S0 = 4, I = (4/4)·2/5 = 0.4.
func TestCountyMoranUploaded(t *testing.T) {
	w, err := ReadWeightsCSV(strings.NewReader(",嘉善,平湖市,330521,长兴县\n嘉善,0,1,0,0\n平湖市,1,0,1,0\n330521,0,1,0,1\n长兴县,0,0,1,0\n"))
	if err != nil {
		t.Fatal(err)
	}
	res := countyRun(t, pipeline.Analysis{Name: pipeline.AMoran, W: w, Permutations: -1})
	m := tableOf(t, res, "moran")
	near(t, "Moran's I", cell(m.Rows[0], 2), 0.4, 1e-12)
	// the recipe holds the matrix itself, so that it reproduces the run
	b, err := json.Marshal(res.Recipe.Analyses[0].W)
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"type":"matrix","units":["嘉善","平湖市","330521","长兴县"],"matrix":[[0,1,0,0],[1,0,1,0],[0,1,0,1],[0,0,1,0]],"standardise":"row"}`; string(b) != want {
		t.Errorf("recipe w %s, want %s", b, want)
	}
	// without a matrix, Moran's I says why (no built-in weights for counties)
	r := pipeline.Default()
	r.Normalise.Method = pipeline.NNone
	r.Analyses = []pipeline.Analysis{{Name: pipeline.AMoran}}
	out, err := job.Run(job.Spec{DataName: "c.csv", Data: []byte(countyCSV), Recipe: r})
	if err != nil {
		t.Fatal(err)
	}
	in := pipeline.Input{Data: out.Panel, Framework: out.Framework.Restrict(*out.Match), Columns: out.Match.Mapping}
	err = Apply(in, out.Result)
	if err == nil || !strings.Contains(err.Error(), "没有县级地区（如 嘉善县 330421）的内置空间权重：请上传空间权重矩阵 CSV") || !strings.Contains(err.Error(), "no built-in spatial weights for county units (e.g. 嘉善县 330421): upload a weights matrix CSV") {
		t.Errorf("contiguity for counties: %v", err)
	}
}
