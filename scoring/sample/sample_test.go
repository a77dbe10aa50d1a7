package sample_test

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/nqp-index/nqp/scoring/region"
	"github.com/nqp-index/nqp/scoring/sample"
)

func TestTechmePanel(t *testing.T) {
	b := sample.TechmePanelCSV()
	if len(b) == 0 {
		t.Fatal("empty panel")
	}
	recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	wantHead := []string{"region_code", "province", "year", "rd_expenditure_100m_cny", "rd_intensity_pct",
		"rd_fte_person_years", "rd_internal_exp_10k_cny", "rd_basic_research_exp_10k_cny",
		"patent_applications", "invention_patent_applications", "patents_granted",
		"invention_patents_granted", "valid_invention_patents", "sci_papers",
		"tech_market_outflow_10k_cny", "tech_market_inflow_10k_cny", "hightech_ind_enterprises",
		"hightech_ind_main_revenue_100m_cny", "hightech_ind_profit_100m_cny",
		"gov_budget_exp_total_100m_cny", "gov_budget_exp_sci_tech_100m_cny",
		"gov_budget_exp_education_100m_cny", "hightech_firms_certified"}
	if got := strings.Join(recs[0], ","); got != strings.Join(wantHead, ",") {
		t.Fatalf("header\n got %s\nwant %s", got, strings.Join(wantHead, ","))
	}
	if len(recs) != 1+31*17 {
		t.Errorf("rows = %d, want %d", len(recs), 1+31*17)
	}
	codes := map[string]bool{}
	matched := map[string]bool{}
	for _, r := range recs[1:] {
		codes[r[0]] = true
		p, ok := region.Match(r[0])
		if !ok {
			t.Errorf("region code %q does not match a province", r[0])
			continue
		}
		if q, ok := region.Match(r[1]); !ok || q.Code != p.Code {
			t.Errorf("row %v: code and name disagree", r[:3])
		}
		matched[p.Code] = true
	}
	if len(codes) != 31 || len(matched) != 31 {
		t.Errorf("distinct codes = %d, matched provinces = %d, want 31", len(codes), len(matched))
	}
	// the returned bytes are a copy
	b[0] = 'X'
	if sample.TechmePanelCSV()[0] == 'X' {
		t.Error("TechmePanelCSV returns the embedded slice itself")
	}
}

func TestTexts(t *testing.T) {
	if !strings.Contains(sample.License(), "MIT License") || !strings.Contains(sample.License(), "Hu Huaping") {
		t.Error("licence text missing")
	}
	if !strings.Contains(sample.Provenance(), "huhuaping/techme") {
		t.Error("provenance text missing")
	}
}
