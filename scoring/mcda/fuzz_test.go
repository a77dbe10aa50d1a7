package mcda

import (
	"encoding/json"
	"math"
	"strings"
	"testing"
)

// FuzzSolve decodes a JSON request and runs Solve: it must never panic, and
// a successful answer has one score and one rank per alternative.
func FuzzSolve(f *testing.F) {
	seeds := []string{
		`{"matrix":[[5,8,4],[7,6,8],[8,8,6],[7,4,6]],"types":[1,1,1],"weights":[0.3,0.4,0.3],"method":"topsis"}`,
		`{"matrix":[[1,3000],[2,3750],[5,4500]],"types":[-1,1],"method":"vikor","params":{"v":0.5}}`,
		`{"matrix":[[1,2],[3,4],[0,0]],"types":[1,-1],"normalize":"minmax","weighting":"entropy","method":"gra"}`,
		`{"matrix":[[1,2],[3,4],[2,2]],"types":[1,1],"weighting":"ahp","ahp":[[1,3],[0.3333333333333333,1]],"method":"wsm"}`,
		`{"matrix":[[-1,2],[0,3],[2,7]],"types":[1,1],"method":"entropy-topsis"}`,
		`{"matrix":[[1,2],[3]],"types":[1],"method":"wsm"}`,
		`{"matrix":[[1,1],[1,1]],"types":[1,1],"weighting":"pca","method":"copeland"}`,
		`{"matrix":[[2,5,10]],"types":[1,1,1],"normalize":"interval","vectors":{"lower":[4],"upper":[6]},"method":"wpm"}`,
		`{"matrix":[[1,2],[3,4],[2,2]],"types":[1,-1],"normalize":"dist2ref","params":{"ref_row":2,"cap_max":1},"method":"hmean"}`,
		`{"matrix":[[1,2],[3,4],[2,2]],"types":[1,-1],"normalize":"goalposts","params":{"goal_lower":0,"goal_upper":5},"vectors":{"goal_scale":[1,2]},"method":"genmean","params":{"p":-1}}`,
		`{"matrix":[[1,2],[3,4],[2,2]],"types":[1,-1],"normalize":"prank","options":{"ties":"average"},"weighting":"combination","method":"gmean"}`,
		`{"matrix":[[1,2,5],[3,4,1],[2,2,2]],"types":[1,-1,1],"normalize":"dist2targ","vectors":{"target":[3,1,4],"given":[1,2,3]},"weighting":"combination","options":{"bases":"entropy,given","rule":"game-theory"},"method":"amean"}`,
		`{"matrix":[[1,2],[3,4],[2,2]],"types":[1,-1],"normalize":"scaled","weighting":"combination","options":{"bases":"critic,sd,equal","rule":"geometric"},"method":"topsis"}`,
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var r Request
		if json.Unmarshal(data, &r) != nil {
			return
		}
		a, err := Solve(r)
		if err != nil {
			if strings.Contains(err.Error(), "internal error") {
				t.Fatalf("Solve recovered from a panic: %v", err)
			}
			return
		}
		for i, v := range a.Scores {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				t.Fatalf("score %d is %v", i, v)
			}
		}
		if len(a.Scores) != len(r.Matrix) || len(a.Ranks) != len(r.Matrix) {
			t.Fatalf("answer sizes %d/%d for %d alternatives", len(a.Scores), len(a.Ranks), len(r.Matrix))
		}
	})
}
