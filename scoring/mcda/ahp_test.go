package mcda

import (
	"math"
	"testing"
)

// TestAHPSumProductExcelTemplate uses the printed results of a widely
// circulated Chinese AHP Excel template (层次分析法 Excel 计算模板,
// xiaomilidoc.com/p-10738193), which implements the sum-product method
// (和积法: column-normalise, average rows), λ = (1/n)Σ(Aw)_i/w_i, and
// Saaty's RI (n = 4: 0.90, n = 5: 1.12).
func TestAHPSumProductExcelTemplate(t *testing.T) {
	// 3rd-order sheet: a consistent matrix, column sums 5.5, 1.375, 11,
	// W = (0.181818, 0.727273, 0.090909), CI = 0.
	a3 := [][]float64{{1, 1.0 / 4, 2}, {4, 1, 8}, {1.0 / 2, 1.0 / 8, 1}}
	r, err := AHP(a3, "sum-product", "saaty")
	if err != nil {
		t.Fatal(err)
	}
	checkVec(t, "w3", r.Weights, []float64{0.181818, 0.727273, 0.090909}, 1e-6)
	checkVec(t, "Aw3", r.AW, []float64{0.545455, 2.181818, 0.272727}, 1e-6)
	if !near(r.CI, 0, 1e-12) || !r.Consistent {
		t.Errorf("consistent matrix: CI = %v", r.CI)
	}

	// 4th-order sheet: column sums 2.533333, 2.666667; W₁ = 0.411184;
	// Aw = (1.669737, 1.455263, 0.430263, 0.485088); CI = 0.010946.
	a4 := [][]float64{{1, 1, 5, 3}, {1, 1, 3, 3}, {1.0 / 5, 1.0 / 3, 1, 1}, {1.0 / 3, 1.0 / 3, 1, 1}}
	r, err = AHP(a4, "sum-product", "saaty")
	if err != nil {
		t.Fatal(err)
	}
	if !near(r.Weights[0], 0.411184, 1e-6) {
		t.Errorf("w4[0] = %v, want 0.411184", r.Weights[0])
	}
	checkVec(t, "Aw4", r.AW, []float64{1.669737, 1.455263, 0.430263, 0.485088}, 1e-6)
	if !near(r.CI, 0.010946, 1e-6) || r.RI != 0.90 || !near(r.CR, 0.010946/0.90, 1e-6) {
		t.Errorf("CI = %v, RI = %v, CR = %v", r.CI, r.RI, r.CR)
	}

	// 5th-order sheet: column-1 sum 2.226190; W₁ = 0.432076;
	// Aw = (2.231386, 1.348817, 0.514548, 0.752116, 0.268148); CI = 0.021518.
	a5 := [][]float64{
		{1, 2, 3, 4, 7},
		{1.0 / 2, 1, 3, 2, 5},
		{1.0 / 3, 1.0 / 3, 1, 1.0 / 2, 2},
		{1.0 / 4, 1.0 / 2, 2, 1, 3},
		{1.0 / 7, 1.0 / 5, 1.0 / 2, 1.0 / 3, 1},
	}
	r, err = AHP(a5, "sum-product", "saaty")
	if err != nil {
		t.Fatal(err)
	}
	if !near(r.Weights[0], 0.432076, 1e-6) {
		t.Errorf("w5[0] = %v, want 0.432076", r.Weights[0])
	}
	checkVec(t, "Aw5", r.AW, []float64{2.231386, 1.348817, 0.514548, 0.752116, 0.268148}, 1e-6)
	if !near(r.CI, 0.021518, 1e-6) || r.RI != 1.12 || !r.Consistent {
		t.Errorf("CI = %v, RI = %v", r.CI, r.RI)
	}
}

// TestAHPGeometricExcelTutorial uses the printed results of the tutorial
// "用电子表格(Excel)实现层次分析法(AHP)的简捷计算" (tree-species selection;
// docduoduo.com/p-3820731), which uses the square-root method (方根法: row
// products, n-th root, normalise) and λ = mean((Aw)_i/w_i).
func TestAHPGeometricExcelTutorial(t *testing.T) {
	cases := []struct {
		name   string
		a      [][]float64
		w      []float64
		lambda float64 // 0: not printed
	}{
		{"criteria", [][]float64{{1, 3, 4, 2}, {1.0 / 3, 1, 1.0 / 2, 1.0 / 2}, {1.0 / 4, 2, 1, 2}, {1.0 / 2, 2, 1.0 / 2, 1}},
			[]float64{0.482052, 0.117016, 0.217792, 0.183140}, 0},
		{"economic", [][]float64{{1, 2, 1.0 / 7}, {1.0 / 2, 1, 1.0 / 4}, {7, 4, 1}},
			[]float64{0.156996, 0.119183, 0.723821}, 3.176928},
		{"social", [][]float64{{1, 1.0 / 2, 1.0 / 5}, {2, 1, 1.0 / 3}, {5, 3, 1}},
			[]float64{0.122020, 0.229651, 0.648329}, 3.003695},
		{"ecological", [][]float64{{1, 2, 3}, {1.0 / 2, 1, 3}, {1.0 / 3, 1.0 / 3, 1}},
			[]float64{0.527836, 0.332516, 0.139648}, 3.053622},
		{"technical", [][]float64{{1, 1.0 / 2, 6}, {2, 1, 4}, {1.0 / 6, 1.0 / 4, 1}},
			[]float64{0.380648, 0.527853, 0.091498}, 3.135611},
	}
	for _, c := range cases {
		r, err := AHP(c.a, "geometric", "saaty")
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		checkVec(t, c.name+" w", r.Weights, c.w, 1e-6)
		if c.lambda != 0 && !near(r.LambdaMax, c.lambda, 1e-6) {
			t.Errorf("%s: λmax = %.6f, want %.6f", c.name, r.LambdaMax, c.lambda)
		}
		// For n = 3 the geometric weights are the principal eigenvector.
		if len(c.a) == 3 {
			e, err := AHP(c.a, "eigenvector", "saaty")
			if err != nil {
				t.Fatal(err)
			}
			checkVec(t, c.name+" eigenvector", e.Weights, c.w, 1e-6)
			if !near(e.LambdaMax, c.lambda, 1e-6) {
				t.Errorf("%s: eigen λ = %v", c.name, e.LambdaMax)
			}
		}
	}
}

// TestAHPClosedForm: for a 3×3 reciprocal matrix with a12 = a, a23 = b,
// a13 = c, the principal eigenvalue is 1 + (c/ab)^{1/3} + (ab/c)^{1/3} and
// the eigenvector is the row geometric mean. For a = 3, b = 3, c = 5:
// λ = 3.038511, w = (0.636986, 0.258285, 0.104729), CI = 0.019256,
// CR = CI/0.58 = 0.033199 (Saaty) or CI/0.52 = 0.037029 (Chinese table).
func TestAHPClosedForm(t *testing.T) {
	a := [][]float64{{1, 3, 5}, {1.0 / 3, 1, 3}, {1.0 / 5, 1.0 / 3, 1}}
	lambda := 1 + math.Cbrt(5.0/9) + math.Cbrt(9.0/5)
	for _, method := range []string{"eigenvector", "geometric"} {
		r, err := AHP(a, method, "saaty")
		if err != nil {
			t.Fatal(err)
		}
		checkVec(t, method, r.Weights, []float64{0.636986, 0.258285, 0.104729}, 1e-6)
		if !near(r.LambdaMax, lambda, 1e-9) || !near(r.CR, (lambda-3)/2/0.58, 1e-9) {
			t.Errorf("%s: λ = %v CR = %v", method, r.LambdaMax, r.CR)
		}
	}
	r, _ := AHP(a, "eigenvector", "chinese")
	if r.RI != 0.52 || !near(r.CR, 0.037029, 1e-6) {
		t.Errorf("chinese RI: RI = %v CR = %v", r.RI, r.CR)
	}
	// Sum-product is close to, not equal to, the eigenvector.
	sp, _ := AHP(a, "sum-product", "")
	checkVec(t, "sum-product", sp.Weights, []float64{0.633346, 0.260498, 0.106156}, 1e-6)
}

func TestAHPTablesAndEdges(t *testing.T) {
	if len(RISaaty) != 15 || len(RIChinese) != 15 || RISaaty[3] != 0.90 || RIChinese[5] != 1.26 {
		t.Error("RI tables")
	}
	r, err := AHP([][]float64{{1, 3}, {1.0 / 3, 1}}, "sum-product", "saaty")
	if err != nil {
		t.Fatal(err)
	}
	checkVec(t, "n=2", r.Weights, []float64{0.75, 0.25}, 1e-15)
	if r.CR != 0 || r.CI != 0 || !r.Consistent {
		t.Errorf("n = 2 must give CR = 0: %+v", r)
	}
	r, _ = AHP([][]float64{{1}}, "eigenvector", "chinese")
	checkVec(t, "n=1", r.Weights, []float64{1}, 1e-15)

	_, err = AHP([][]float64{{1, 3, 5}, {0.333, 1, 3}, {1.0 / 5, 1.0 / 3, 1}}, "sum-product", "saaty")
	wantErr(t, err, "a[2][1]", "reciprocal")
	_, err = AHP([][]float64{{1, 2}, {0.5}}, "sum-product", "saaty")
	wantErr(t, err, "not square")
	_, err = AHP([][]float64{{1, -2}, {-0.5, 1}}, "sum-product", "saaty")
	wantErr(t, err, "positive")
	_, err = AHP([][]float64{{2, 1}, {1, 1}}, "sum-product", "saaty")
	wantErr(t, err, "diagonal")
	_, err = AHP([][]float64{{1}}, "power", "saaty")
	wantErr(t, err, "power")
	_, err = AHP([][]float64{{1}}, "geometric", "x")
	wantErr(t, err, "RI")
	big := make([][]float64, 16)
	for i := range big {
		big[i] = make([]float64, 16)
		for j := range big[i] {
			big[i][j] = 1
		}
	}
	_, err = AHP(big, "", "")
	wantErr(t, err, "15")
}

// TestHierarchyWeights: leaf global weight = parent weight × local weight.
func TestHierarchyWeights(t *testing.T) {
	g, err := HierarchyWeights([]float64{0.6, 0.4}, [][]float64{{0.5, 0.5}, {0.25, 0.75}})
	if err != nil {
		t.Fatal(err)
	}
	checkVec(t, "global", g, []float64{0.3, 0.3, 0.1, 0.3}, 1e-15)
	_, err = HierarchyWeights([]float64{1}, nil)
	wantErr(t, err, "groups")
}
