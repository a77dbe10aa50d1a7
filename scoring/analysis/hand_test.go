package analysis

import (
	"math"
	"testing"
)

func near(t *testing.T, what string, got, want, tol float64) {
	t.Helper()
	if math.Abs(got-want) > tol {
		t.Errorf("%s = %.15g, want %.15g", what, got, want)
	}
}

// Hand-checked coupling coordination cases (formulas: Wang Shujia et al.
// 2021, 自然资源学报 36(3):793–810; the ten levels: 地理学报 2021 76(4) T1).
func TestCouplingHand(t *testing.T) {
	u := [][]float64{{0.4, 0.6}}
	r, err := Coupling(u, CouplingOptions{})
	if err != nil {
		t.Fatal(err)
	}
	c := 2 * math.Sqrt(0.24) // 2√(U1U2)/(U1+U2)
	near(t, "C", r[0].C, c, 1e-15)
	near(t, "T", r[0].T, 0.5, 1e-15)
	near(t, "D", r[0].D, math.Sqrt(c*0.5), 1e-15)
	if r[0].Level != 7 || r[0].Class != "初级协调" || r[0].Lagging != 0 {
		t.Errorf("level %d %s lagging %d", r[0].Level, r[0].Class, r[0].Lagging)
	}
	w, _ := Coupling(u, CouplingOptions{Variant: CouplingWang})
	near(t, "Wang C", w[0].C, math.Sqrt((1-0.2)*(0.4/0.6)), 1e-15)
	f, _ := Coupling(u, CouplingOptions{Variant: CouplingFan})
	near(t, "Fan C", f[0].C, 0.8, 1e-15)
	// three subsystems: C = 3·(U1U2U3)^(1/3)/ΣU
	r3, _ := Coupling([][]float64{{0.2, 0.4, 0.8}}, CouplingOptions{Weights: []float64{1, 1, 2}})
	near(t, "C3", r3[0].C, 3*0.4/1.4, 1e-15)
	near(t, "T3 weighted", r3[0].T, (0.2+0.4+1.6)/4, 1e-15)
	// Wang, n = 3: 1 − (0.2+0.6+0.4)/3 = 0.6; Π(U/max) = 0.25·0.5·1, ^(1/2)
	w3, _ := Coupling([][]float64{{0.2, 0.4, 0.8}}, CouplingOptions{Variant: CouplingWang})
	near(t, "Wang C3", w3[0].C, math.Sqrt(0.6*math.Sqrt(0.125)), 1e-15)
	// boundary rules
	for _, c := range []struct {
		d    float64
		rule string
		want int
	}{{0.3, LeftOpen, 3}, {0.3, RightOpen, 4}, {0, LeftOpen, 1}, {1, RightOpen, 10}, {0.95, LeftOpen, 10}, {0.05, RightOpen, 1}} {
		if got := CouplingLevel(c.d, c.rule); got != c.want {
			t.Errorf("level(%v, %s) = %d, want %d", c.d, c.rule, got, c.want)
		}
	}
	// rescaling to [0.01, 0.99]
	rs, _ := Coupling([][]float64{{0, 5}, {10, 5}, {5, 10}}, CouplingOptions{Rescale: true})
	near(t, "rescaled T", rs[0].T, (0.01+0.01)/2, 1e-15)
	if _, err := Coupling([][]float64{{1.5, 0.2}}, CouplingOptions{}); err == nil {
		t.Error("U > 1 without rescale accepted")
	}
}

func TestObstacleHand(t *testing.T) {
	o, err := ObstacleDegrees([][]float64{{0.5, 1, 0}}, []float64{0.2, 0.3, 0.5})
	if err != nil {
		t.Fatal(err)
	}
	near(t, "O1", o[0][0], 100.0/6, 1e-12)
	near(t, "O2", o[0][1], 0, 0)
	near(t, "O3", o[0][2], 500.0/6, 1e-12)
	top := TopObstacles([]string{"a", "b", "c"}, o[0], 2)
	if len(top) != 2 || top[0].Code != "c" || top[1].Code != "a" {
		t.Errorf("top %v", top)
	}
}

// A worked Dagum case: A = {1, 2}, B = {3, 5}: G = 26/88, Gw = 6/88,
// Gnb = 20/88, Gt = 0; and A = {1, 4}, B = {3, 5} with transvariation
// (d = 7/4, p = 1/4, D = 0.75).
func TestDagumHand(t *testing.T) {
	r, err := Dagum([]float64{1, 2, 3, 5}, []string{"A", "A", "B", "B"})
	if err != nil {
		t.Fatal(err)
	}
	if r.Groups[0] != "B" {
		t.Errorf("groups not ordered by mean: %v", r.Groups)
	}
	near(t, "G", r.G, 26.0/88, 1e-15)
	near(t, "Gw", r.Gw, 6.0/88, 1e-15)
	near(t, "Gnb", r.Gnb, 20.0/88, 1e-15)
	near(t, "Gt", r.Gt, 0, 1e-15)
	near(t, "G_BB", r.Within[0], 0.125, 1e-15)
	near(t, "G_AB", r.Between[1][0], 10.0/22, 1e-15)
	r2, _ := Dagum([]float64{1, 4, 3, 5}, []string{"A", "A", "B", "B"})
	near(t, "D_BA", r2.D[0][1], 0.75, 1e-15)
	near(t, "sum", r2.Gw+r2.Gnb+r2.Gt, r2.G, 1e-16)
	if r2.Gt <= 0 {
		t.Error("no transvariation")
	}
}

func TestMarkovHand(t *testing.T) {
	pi := SteadyState([][]float64{{0.9, 0.1}, {0.5, 0.5}})
	near(t, "π0", pi[0], 5.0/6, 1e-14)
	near(t, "π1", pi[1], 1.0/6, 1e-14)
	r, err := Markov([][]float64{{1, 2, 3}, {3, 2, 1}}, MarkovOptions{Breaks: []float64{1.5, 2.5}})
	if err != nil {
		t.Fatal(err)
	}
	want := [][]int{{0, 1, 0}, {1, 0, 1}, {0, 1, 0}}
	for a := range want {
		for b := range want[a] {
			if r.Counts[a][b] != want[a][b] {
				t.Fatalf("counts %v", r.Counts)
			}
		}
	}
	near(t, "P[1][2]", r.P[1][2], 0.5, 0)
	near(t, "π", r.Steady[1], 0.5, 1e-14)
	near(t, "π", r.Steady[0], 0.25, 1e-14)
	// pooled quartiles and a spatial Markov chain on the reference panel
	codes, y, _ := refPanel(t)
	w, _ := ContiguityW(codes, true)
	s, err := SpatialMarkov(y, w, MarkovOptions{})
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, m := range s.ByLag {
		for _, n := range m.N {
			total += n
		}
	}
	if total != 31*7 {
		t.Errorf("spatial Markov counted %d transitions, want %d", total, 31*7)
	}
	var sum float64
	for _, p := range s.Global.Steady {
		sum += p
	}
	near(t, "Σπ", sum, 1, 1e-12)
}

func TestSigmaHand(t *testing.T) {
	y := [][]float64{{1}, {2}, {3}}
	s0, _ := SigmaConvergence(y, []string{"p"}, 0)
	s1, _ := SigmaConvergence(y, []string{"p"}, 1)
	near(t, "CV n", s0.CV[0], math.Sqrt(2.0/3)/2, 1e-15)
	near(t, "CV n−1", s1.CV[0], 0.5, 1e-15)
}

// SAEstimate against COINr 1.1.14's SA_estimate(yy, N = 5, d = 2) with
// yy = (1:20 %% 7) + sqrt(1:20).
func TestSAEstimateCOINr(t *testing.T) {
	y := make([]float64, 20)
	for i := range y {
		k := float64(i + 1)
		y[i] = float64((i+1)%7) + math.Sqrt(k)
	}
	r, err := SAEstimate(y, 5, 2, 200, 1)
	if err != nil {
		t.Fatal(err)
	}
	near(t, "V", r.Variance, 4.191464591448522, 1e-14)
	near(t, "S1", r.Indices[0].Si, 2.437699669848973, 1e-14)
	near(t, "S2", r.Indices[1].Si, 4.475134865381948, 1e-14)
	near(t, "ST1", r.Indices[0].STi, 2.1043516824827004, 1e-14)
	near(t, "ST2", r.Indices[1].STi, 1.5229631150255776, 1e-14)
	if !(r.Indices[0].STiQ5 <= r.Indices[0].STiQ95) {
		t.Error("bootstrap interval out of order")
	}
}
