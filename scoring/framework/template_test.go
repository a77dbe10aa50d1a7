package framework

import (
	"bytes"
	"encoding/csv"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/nqp-index/nqp/scoring/diag"
	"github.com/nqp-index/nqp/scoring/sample"
)

func techmeHeader(t testing.TB) []string {
	h, err := csv.NewReader(bytes.NewReader(sample.TechmePanelCSV())).Read()
	if err != nil {
		t.Fatal(err)
	}
	return h
}

func TestTemplates(t *testing.T) {
	want := map[string][3]int{ // indicators, dimensions, depth of the leaves
		"drivers": {16, 5, 2}, "three-elements": {26, 3, 3}, "tech-green-digital": {18, 3, 3}}
	ascii := regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
	infos := Templates()
	if len(infos) != 3 {
		t.Fatalf("%d templates", len(infos))
	}
	for _, info := range infos {
		f, err := Template(info.Name)
		if err != nil {
			t.Fatal(err)
		}
		if info.Version != TemplateVersion || f.Version != TemplateVersion || f.Name != info.Name ||
			info.TitleZh == "" || info.TitleEn == "" || info.DescZh == "" || info.DescEn == "" {
			t.Errorf("%s: info %+v", info.Name, info)
		}
		rep := f.Validate()
		if len(rep.Problems) != 0 {
			t.Errorf("%s: %+v", info.Name, rep.Problems)
		}
		w := want[info.Name]
		leaves := f.Leaves()
		if len(leaves) != w[0] || len(f.Children("Index")) != w[1] {
			t.Errorf("%s: %d indicators, %d dimensions", info.Name, len(leaves), len(f.Children("Index")))
		}
		aliasOwner := map[string]string{}
		for _, c := range leaves {
			n := f.Node(c)
			if !ascii.MatchString(c) || n.NameZh == "" || n.NameEn == "" || n.Unit == "" || n.Weight != 1 || len(n.Aliases) == 0 {
				t.Errorf("%s: indicator %+v", info.Name, *n)
			}
			if len(f.Path(c)) != w[2]+1 {
				t.Errorf("%s: %s at depth %d", info.Name, c, len(f.Path(c))-1)
			}
			negative := strings.Contains(n.NameZh, "能耗") || strings.Contains(n.NameZh, "排放") || strings.Contains(n.NameZh, "用水量")
			if negative != (n.Direction.Kind == Negative) {
				t.Errorf("%s: %s direction %v", info.Name, c, n.Direction.Kind)
			}
			for _, a := range append(n.Aliases, n.NameZh, n.NameEn) {
				k := nameKey(a)
				if o, ok := aliasOwner[k]; ok && o != c {
					t.Errorf("%s: alias %q of %s also names %s", info.Name, a, c, o)
				}
				aliasOwner[k] = c
			}
		}
		if e := f.Node("energy_intensity"); e == nil || e.Direction.Kind != Negative {
			t.Errorf("%s: energy intensity %+v", info.Name, e)
		}
		// a template is a fresh copy
		f.Nodes[1].NameZh = "changed"
		if g, _ := Template(info.Name); g.Nodes[1].NameZh == "changed" {
			t.Errorf("%s: Template shares its nodes", info.Name)
		}
	}
	if f, err := Template("T3"); err != nil || f.Name != "drivers" {
		t.Errorf("Template(T3): %v", err)
	}
	if _, err := Template("nope"); err == nil || !strings.Contains(err.Error(), "drivers") {
		t.Errorf("unknown template: %v", err)
	}
}

func TestMatchColumnsTechme(t *testing.T) {
	head := techmeHeader(t)
	f, _ := Template("drivers")
	m := f.MatchColumns(head)
	// The ratio indicators 基础研究经费占R&D比重 and 每万人有效发明专利数 do not
	// take the panel's absolute amounts (basic-research expenditure, valid
	// invention patents): they are missing.
	wantPresent := []string{"rd_intensity", "sci_papers",
		"rd_fte", "hightech_revenue", "hightech_profit", "hightech_firms", "tech_contract_turnover"}
	if !reflect.DeepEqual(m.Present, wantPresent) {
		t.Errorf("Present %v", m.Present)
	}
	wantMap := map[string]string{
		"rd_intensity":           "rd_intensity_pct",
		"sci_papers":             "sci_papers",
		"rd_fte":                 "rd_fte_person_years",
		"hightech_revenue":       "hightech_ind_main_revenue_100m_cny",
		"hightech_profit":        "hightech_ind_profit_100m_cny",
		"hightech_firms":         "hightech_firms_certified",
		"tech_contract_turnover": "tech_market_outflow_10k_cny",
	}
	if !reflect.DeepEqual(m.Mapping, wantMap) {
		t.Errorf("Mapping %v", m.Mapping)
	}
	wantMissing := []string{"basic_research_share", "valid_invention_patents_per_10k", "tertiary_students_per_100k", "postgraduates", "robot_density_ai_firms", "nev_output",
		"base_stations_5g", "digital_finance_index", "energy_intensity"}
	if !reflect.DeepEqual(m.Missing, wantMissing) {
		t.Errorf("Missing %v", m.Missing)
	}
	if len(m.Extra) != len(head)-len(wantPresent) || m.Extra[0] != "region_code" || m.Extra[3] != "rd_expenditure_100m_cny" {
		t.Errorf("Extra %v", m.Extra)
	}
	dims := map[string]bool{}
	for _, c := range m.Present {
		dims[f.Path(c)[1]] = true
	}
	if len(dims) != 3 {
		t.Errorf("present in %d dimensions", len(dims))
	}
	g := f.Restrict(m)
	if got := g.Leaves(); !reflect.DeepEqual(got, wantPresent) {
		t.Errorf("Restrict leaves %v", got)
	}
	if got := g.Children("Index"); !reflect.DeepEqual(got, []string{"tech_innovation", "talent", "emerging_industries"}) {
		t.Errorf("Restrict dimensions %v", got)
	}
	if rep := g.Validate(); len(rep.Problems) != 0 {
		t.Errorf("restricted: %+v", rep.Problems)
	}
	rep := f.CheckData(head, m.Mapping)
	if rep.Count(diag.Warning) != len(wantMissing) || rep.Count(diag.Info) != len(m.Extra) {
		t.Errorf("CheckData: %d warnings, %d infos", rep.Count(diag.Warning), rep.Count(diag.Info))
	}
	if p := rep.Problems[len(rep.Problems)-1]; p.Code != CodeUnusedColumn || p.Col == 0 || p.Column != m.Extra[len(m.Extra)-1] {
		t.Errorf("CheckData: %+v", p)
	}
	// the other templates pick up the panel too
	for name, n := range map[string]int{"three-elements": 2, "tech-green-digital": 1} {
		f, _ := Template(name)
		if m := f.MatchColumns(head); len(m.Present) != n {
			t.Errorf("%s: present %v", name, m.Present)
		}
	}
}

func TestMatchColumnsOrder(t *testing.T) {
	f := &Framework{Nodes: []Node{
		{Code: "Index"},
		{Code: "a", Parent: "Index", NameZh: "R&D经费投入强度", Aliases: []string{"x"}},
		{Code: "b", Parent: "Index", NameEn: "Energy Intensity", Aliases: []string{"a"}},
		{Code: "c", Parent: "Index", Aliases: []string{"ｒｄ　ｉｎｔｅｎｓｉｔｙ"}},
		{Code: "D", Parent: "Index"},
	}}
	cols := []string{"id", "a", " r&d经费投入强度（%） ", "energy  intensity (tce/10k yuan)", "RD intensity", "d"}
	m := f.MatchColumns(cols)
	want := map[string]string{"a": "a", "b": "energy  intensity (tce/10k yuan)", "c": "RD intensity", "D": "d"}
	if !reflect.DeepEqual(m.Mapping, want) || !reflect.DeepEqual(m.Extra, []string{"id", " r&d经费投入强度（%） "}) {
		t.Errorf("Mapping %v Extra %v", m.Mapping, m.Extra)
	}
}
