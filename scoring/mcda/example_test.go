package mcda_test

import (
	"fmt"

	"github.com/nqp-index/nqp/scoring/mcda"
)

// TOPSIS on the example of Tzeng & Huang (2011): four alternatives, three
// benefit criteria, weights 0.3, 0.4, 0.3.
func ExampleSolve() {
	a, err := mcda.Solve(mcda.Request{
		Matrix:  [][]float64{{5, 8, 4}, {7, 6, 8}, {8, 8, 6}, {7, 4, 6}},
		Types:   []int{1, 1, 1},
		Weights: []float64{0.3, 0.4, 0.3},
		Method:  "topsis",
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for i, c := range a.Scores {
		fmt.Printf("A%d  C = %.4f  rank %d\n", i+1, c, a.Ranks[i])
	}
	// Output:
	// A1  C = 0.5037  rank 3
	// A2  C = 0.6581  rank 2
	// A3  C = 0.7482  rank 1
	// A4  C = 0.3340  rank 4
}

// Entropy weights on min–max data, then the weighted sum ×100.
func ExampleSolve_entropy() {
	a, err := mcda.Solve(mcda.Request{
		Matrix:    [][]float64{{2.1, 35, 0.8}, {3.4, 20, 1.2}, {1.5, 50, 0.5}, {2.8, 40, 0.9}},
		Types:     []int{1, 1, -1},
		Normalize: "minmax",
		Weighting: "entropy",
		Method:    "wsm",
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("weights %.4f\n", a.Weights)
	for i, s := range a.Scores {
		fmt.Printf("unit %d  score %.2f  rank %d\n", i+1, 100*s, a.Ranks[i])
	}
	// Output:
	// weights [0.3593 0.3094 0.3313]
	// unit 1  score 45.75  rank 3
	// unit 2  score 35.93  rank 4
	// unit 3  score 64.07  rank 1
	// unit 4  score 59.41  rank 2
}

// AHP with SPSSAU's default sum-product method and Saaty's RI table.
func ExampleAHP() {
	a := [][]float64{
		{1, 3, 5},
		{1.0 / 3, 1, 3},
		{1.0 / 5, 1.0 / 3, 1},
	}
	r, err := mcda.AHP(a, "sum-product", "saaty")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("w = %.4f\nλmax = %.4f  CI = %.4f  RI = %.2f  CR = %.4f  consistent: %v\n",
		r.Weights, r.LambdaMax, r.CI, r.RI, r.CR, r.Consistent)
	// Output:
	// w = [0.6333 0.2605 0.1062]
	// λmax = 3.0387  CI = 0.0194  RI = 0.58  CR = 0.0334  consistent: true
}

// A non-reciprocal judgement matrix is rejected with the first offending
// cell.
func ExampleAHP_error() {
	_, err := mcda.AHP([][]float64{{1, 3}, {0.3, 1}}, "geometric", "chinese")
	fmt.Println(err)
	// Output:
	// 判断矩阵不满足互反性：a[2][1] = 0.3，但 1/a[1][2] = 0.3333333333333333（请输入精确分数，如 1/3 = 0.3333333333333333） / the judgement matrix is not reciprocal: a[2][1] = 0.3 but 1/a[1][2] = 0.3333333333333333 (enter exact fractions, e.g. 1/3 = 0.3333333333333333)
}
