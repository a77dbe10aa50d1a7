package analysis_test

import (
	"fmt"

	"github.com/nqp-index/nqp/scoring/analysis"
)

func ExampleCoupling() {
	rows, err := analysis.Coupling([][]float64{{0.4, 0.6}, {0.82, 0.9}}, analysis.CouplingOptions{})
	if err != nil {
		panic(err)
	}
	for _, r := range rows {
		fmt.Printf("C=%.4f T=%.4f D=%.4f level %d %s (%s)\n", r.C, r.T, r.D, r.Level, r.Class, r.ClassEn)
	}
	// Output:
	// C=0.9798 T=0.5000 D=0.6999 level 7 初级协调 (primary coordination)
	// C=0.9989 T=0.8600 D=0.9269 level 10 优质协调 (high-quality coordination)
}

func ExampleDagum() {
	r, err := analysis.Dagum([]float64{1, 2, 3, 5}, []string{"A", "A", "B", "B"})
	if err != nil {
		panic(err)
	}
	w, nb, t := r.Shares()
	fmt.Printf("G=%.4f Gw=%.4f Gnb=%.4f Gt=%.4f; shares %.1f%% %.1f%% %.1f%%\n", r.G, r.Gw, r.Gnb, r.Gt, 100*w, 100*nb, 100*t)
	// Output: G=0.2955 Gw=0.0682 Gnb=0.2273 Gt=0.0000; shares 23.1% 76.9% 0.0%
}

func ExampleMoran() {
	codes := []string{"110000", "120000", "130000", "140000", "150000", "210000"}
	w, err := analysis.ContiguityW(codes, true)
	if err != nil {
		panic(err)
	}
	r, err := analysis.Moran([]float64{9, 8, 5, 3, 2, 4}, analysis.RowStandardise(w), 0, 0)
	if err != nil {
		panic(err)
	}
	fmt.Printf("I=%.4f E=%.4f z=%.3f\n", r.I, r.E, r.ZR)
	// Output: I=0.5034 E=-0.2000 z=2.836
}

func ExampleSteadyState() {
	fmt.Printf("%.4f\n", analysis.SteadyState([][]float64{{0.9, 0.1}, {0.5, 0.5}}))
	// Output: [0.8333 0.1667]
}
