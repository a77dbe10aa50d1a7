package pipeline

import (
	"bytes"
	"encoding/json"
	"math"
	"testing"
)

func TestMatrixJSONRoundTrip(t *testing.T) {
	a, b1 := 0.1, 0.2 // variables, so the sum is rounded at run time
	m := Matrix{{1, math.NaN(), a + b1}, {-3e-300, 5, math.NaN()}}
	b, _ := json.Marshal(m)
	if string(b) != "[[1,null,0.30000000000000004],[-3e-300,5,null]]" {
		t.Fatalf("encoded %s", b)
	}
	var back Matrix
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if back[0][2] != a+b1 || !math.IsNaN(back[0][1]) || back[1][0] != -3e-300 {
		t.Errorf("decoded %v", back)
	}
	r := Ranks{{1, 0}, {2, 3}}
	b, _ = json.Marshal(r)
	var rb Ranks
	if err := json.Unmarshal(b, &rb); err != nil || rb[0][1] != 0 || rb[1][1] != 3 {
		t.Errorf("ranks %s → %v %v", b, rb, err)
	}
}

// A Result survives JSON: what the browser's worker sends, the page reads
// back byte for byte.
func TestResultJSONRoundTrip(t *testing.T) {
	res, err := Run(Input{Data: smallPanel(), Framework: smallFramework()}, Default())
	if err != nil {
		t.Fatal(err)
	}
	a, _ := res.JSON()
	var back Result
	if err := json.Unmarshal(a, &back); err != nil {
		t.Fatal(err)
	}
	b, _ := back.JSON()
	if !bytes.Equal(a, b) {
		t.Errorf("round trip differs:\n%s\n%s", a, b)
	}
}
