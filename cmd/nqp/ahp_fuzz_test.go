package main

import (
	"testing"

	"github.com/nqp-index/nqp/scoring/mcda"
)

// FuzzParseJudgements: the pairwise-matrix reader of `nqp ahp`, and the AHP
// computation on whatever it accepts, never panic; the computation either
// fails with a message or gives finite weights.
func FuzzParseJudgements(f *testing.F) {
	f.Add([]byte("[[1,3,5],[0.3333333333,1,2],[0.2,0.5,1]]"))
	f.Add([]byte(",A,B\nA,1,1/3\nB,3,1\n"))
	f.Add([]byte("1\t2\n1/2\t1\n"))
	f.Add([]byte("[[1,2],[0.5]]"))
	f.Add([]byte(""))
	f.Fuzz(func(t *testing.T, b []byte) {
		m, _, err := parseJudgements(b)
		if err != nil {
			return
		}
		for _, method := range []string{"sum-product", "geometric", "eigenvector"} {
			res, err := mcda.AHP(m, method, "saaty")
			if err != nil {
				if err.Error() == "" {
					t.Fatal("empty error message")
				}
				continue
			}
			for _, w := range res.Weights {
				if w != w || w < 0 {
					t.Fatalf("%s weights %v for %v", method, res.Weights, m)
				}
			}
		}
	})
}
