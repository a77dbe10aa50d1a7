//go:build !nqppage

package app

import (
	"strings"
	"testing"
)

// New data of county units is grouped by prefecture (job.FollowGroups),
// and the workspace keeps that grouping in its recipe; a grouping the
// user chose afterwards is kept on the next run.
func TestWorkspaceCountyGroups(t *testing.T) {
	csv := strings.Join([]string{
		"县区,年份,R&D经费投入强度,单位GDP能耗",
		"嘉善,2023,3.1,0.40", "海盐县,2023,2.8,0.45", "桐乡市,2023,3.5,0.38",
		"德清县,2023,3.9,0.35", "长兴,2023,2.6,0.52", "安吉县,2023,3.0,0.41",
	}, "\n") + "\n"
	var w Workspace
	w.SetSample()
	w.Run()
	if g := w.Recipe.Rank.Groups; g != "region4" {
		t.Fatalf("sample: groups %q", g)
	}
	w.SetData("county.csv", []byte(csv))
	w.Run()
	if w.Result == nil {
		t.Fatalf("no result: %v", w.Report)
	}
	if g := w.Recipe.Rank.Groups; g != "prefecture" {
		t.Fatalf("county data: workspace groups %q, want prefecture", g)
	}
	got := map[string]string{}
	for _, row := range w.Ranking() {
		got[row.Name] = row.Group
	}
	want := map[string]string{"嘉善县": "嘉兴市", "海盐县": "嘉兴市", "桐乡市": "嘉兴市", "德清县": "湖州市", "长兴县": "湖州市", "安吉县": "湖州市"}
	for n, g := range want {
		if got[n] != g {
			t.Errorf("%s: group %q, want %q (ranking %v)", n, got[n], g, got)
		}
	}
	r := w.Recipe
	r.Rank.Groups = "region4"
	if err := w.SetRecipe(r); err != nil {
		t.Fatal(err)
	}
	w.Run()
	if g := w.Result.Recipe.Rank.Groups; g != "region4" {
		t.Errorf("after the user chose region4: %q", g)
	}
}
