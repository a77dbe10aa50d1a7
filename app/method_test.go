package app

import (
	"strings"
	"testing"

	"github.com/nqp-index/nqp/scoring/pipeline"
)

func TestPresetOf(t *testing.T) {
	for _, name := range pipeline.Presets() {
		r, err := SetMethodOption(pipeline.Default(), "preset", name)
		if err != nil {
			t.Fatal(name, err)
		}
		if got := PresetOf(r); got != name {
			t.Errorf("PresetOf(%s) = %q", name, got)
		}
	}
	r, _ := SetMethodOption(pipeline.Default(), "normalise.method", pipeline.ZScore)
	if got := PresetOf(r); got != "" {
		t.Errorf("z-score recipe named preset %q", got)
	}
}

func TestSetMethodOption(t *testing.T) {
	base := pipeline.Default()
	cases := []struct {
		key, value string
		check      func(r pipeline.Recipe) bool
	}{
		{"normalise.method", "zscore", func(r pipeline.Recipe) bool {
			return r.Normalise.Method == "zscore" && *r.Normalise.SD == 1 && r.Normalise.Lower == nil
		}},
		{"normalise.scope", "period", func(r pipeline.Recipe) bool { return r.Normalise.Scope == "period" }},
		{"normalise.upper", "100", func(r pipeline.Recipe) bool { return *r.Normalise.Upper == 100 }},
		{"normalise.upper", "", func(r pipeline.Recipe) bool { return *r.Normalise.Upper == 1 }},
		{"normalise.nonneg_shift", "true", func(r pipeline.Recipe) bool { return r.Normalise.NonNegShift }},
		{"weights.method", "critic", func(r pipeline.Recipe) bool { return r.Weights.Method == "critic" && r.Weights.Variant == "" }},
		{"weights.method", "pca", func(r pipeline.Recipe) bool {
			return r.Weights.PCA != nil && r.Weights.PCA.Form == pipeline.PCAComposite
		}},
		{"weights.zero_rule", "shift", func(r pipeline.Recipe) bool { return r.Weights.Delta == 0.0001 }},
		{"weights.variant", "per-period", func(r pipeline.Recipe) bool { return r.Weights.Variant == "per-period" }},
		{"weights.upper", "equal", func(r pipeline.Recipe) bool { return r.Weights.Upper == "equal" }},
		{"aggregate.method", "genmean", func(r pipeline.Recipe) bool { return *r.Aggregate.P == 2 && *r.Aggregate.Scale == 100 }},
		{"aggregate.method", "topsis", func(r pipeline.Recipe) bool {
			return r.Aggregate.TOPSISNormalize == "vector" && r.Aggregate.WeightsIn == "matrix" && r.Aggregate.Scope == "period"
		}},
		{"aggregate.method", "vikor", func(r pipeline.Recipe) bool { return *r.Aggregate.V == 0.5 }},
		{"aggregate.method", "gra", func(r pipeline.Recipe) bool { return *r.Aggregate.Rho == 0.5 && r.Aggregate.Grade == "weighted" }},
		{"aggregate.min_share", "0.5", func(r pipeline.Recipe) bool { return r.Aggregate.MinShare == 0.5 }},
		{"impute.method", "linear", func(r pipeline.Recipe) bool { return r.Impute.Method == "linear" }},
		{"treat.method", "winsorise", func(r pipeline.Recipe) bool { return *r.Treat.Winmax == 5 && r.Treat.F2 == "log_CT" }},
		{"screen.method", "byNA", func(r pipeline.Recipe) bool { return r.Screen.DatThresh != nil }},
		{"denominate.enabled", "true", func(r pipeline.Recipe) bool { return r.Denominate.Enabled }},
		{"select.min_period_coverage", "0", func(r pipeline.Recipe) bool { return *r.Select.MinPeriodCoverage == 0 }},
		{"rank.groups", "none", func(r pipeline.Recipe) bool { return r.Rank.Groups == "" }},
		{"rank.groups", "region3", func(r pipeline.Recipe) bool { return r.Rank.Groups == "region3" }},
		{"rank.indicators", "both", func(r pipeline.Recipe) bool { return r.Rank.Indicators == pipeline.RankIndBoth }},
		{"rank.indicators", "none", func(r pipeline.Recipe) bool { return r.Rank.Indicators == "" }},
		{"normalise.method", "pymcdm-max", func(r pipeline.Recipe) bool { return r.Normalise.Method == pipeline.PymcdmMax }},
		{"preset", "custom", func(r pipeline.Recipe) bool { return PresetOf(r) == "nqp-standard" }},
		{"preset", "entropy-topsis", func(r pipeline.Recipe) bool { return r.Aggregate.Method == pipeline.EntropyTOPSIS }},
	}
	for _, c := range cases {
		r, err := SetMethodOption(base, c.key, c.value)
		if err != nil {
			t.Errorf("%s=%q: %v", c.key, c.value, err)
			continue
		}
		if !c.check(r) {
			t.Errorf("%s=%q gave %s", c.key, c.value, r.JSON())
		}
	}
	if string(base.JSON()) != string(pipeline.Default().JSON()) {
		t.Error("SetMethodOption changed its argument")
	}
	// Every method of every section resolves and checks (AHP and
	// combination only from a recipe file).
	for key, values := range map[string][]string{"normalise.method": normaliseMethods, "weights.method": weightMethods,
		"aggregate.method": aggregateMethods, "impute.method": imputeMethods, "treat.method": treatMethods, "screen.method": screenMethods} {
		for _, v := range values {
			b := base
			if v == pipeline.Dist2Ref {
				b.Normalise.RefUnit = "11" // as the form does before choosing dist2ref
			}
			_, err := SetMethodOption(b, key, v)
			inFile := v == pipeline.WAHP || v == pipeline.WCombination
			if (err != nil) != inFile || (err != nil && !strings.Contains(err.Error(), "recipe file")) {
				t.Errorf("%s=%s: %v", key, v, err)
			}
		}
	}
	pca, _ := SetMethodOption(base, "weights.method", "pca")
	if r, err := SetMethodOption(pca, "weights.pca.form", "coinr"); err != nil || r.Weights.PCA.Form != pipeline.PCACOINr {
		t.Errorf("weights.pca.form=coinr: %v", err)
	}
	if _, err := SetMethodOption(base, "weights.pca.form", "coinr"); err == nil || !strings.Contains(err.Error(), "weights.pca") {
		t.Errorf("weights.pca.form with entropy weights: %v", err)
	}
	vikor, _ := SetMethodOption(base, "aggregate.method", "vikor")
	if _, err := SetMethodOption(vikor, "aggregate.v", "2"); err == nil {
		t.Error("VIKOR v = 2 accepted")
	}
	// The variants other tools use (docs/recipe.md): each reaches the recipe,
	// and the defaults (Pearson) leave no trace in it.
	critic, _ := SetMethodOption(base, "weights.method", "critic")
	for _, v := range []string{"spearman", "kendall", "pearson"} {
		r, err := SetMethodOption(critic, "weights.correlation", v)
		want := v
		if v == "pearson" {
			want = ""
		}
		if err != nil || r.Weights.Correlation != want {
			t.Errorf("weights.correlation=%s: %v %q", v, err, r.Weights.Correlation)
		}
	}
	manual, _ := SetMethodOption(base, "weights.method", "manual")
	if r, err := SetMethodOption(manual, "weights.as_given", "true"); err != nil || !r.Weights.AsGiven {
		t.Errorf("weights.as_given: %v", err)
	}
	if _, err := SetMethodOption(base, "weights.as_given", "true"); err == nil {
		t.Error("as_given accepted with entropy weights")
	}
	z, _ := SetMethodOption(base, "normalise.method", "zscore")
	if r, err := SetMethodOption(z, "normalise.population_sd", "true"); err != nil || !r.Normalise.PopulationSD {
		t.Errorf("normalise.population_sd: %v", err)
	}
	// keep_direction needs an aggregation that honours directions.
	if _, err := SetMethodOption(z, "normalise.keep_direction", "true"); err == nil || !strings.Contains(err.Error(), "keep_direction") {
		t.Errorf("keep_direction with amean: %v", err)
	}
	zt, _ := SetMethodOption(z, "aggregate.method", "topsis")
	if r, err := SetMethodOption(zt, "normalise.keep_direction", "true"); err != nil || !r.Normalise.KeepDirection {
		t.Errorf("keep_direction with topsis: %v", err)
	}
	// Refused values.
	for _, kv := range [][2]string{{"normalise.method", "dist2ref"}, {"normalise.upper", "abc"}, {"select.min_period_coverage", "1.5"}, {"nope", "1"}, {"preset", "nope"}} {
		if _, err := SetMethodOption(base, kv[0], kv[1]); err == nil {
			t.Errorf("%s=%s accepted", kv[0], kv[1])
		}
	}
}

// Every label and explanation of the method form exists in both languages.
func TestMethodMessages(t *testing.T) {
	for section, values := range map[string][]string{"norm": normaliseMethods, "w": weightMethods, "agg": aggregateMethods,
		"impute": imputeMethods, "treat": treatMethods, "screen": screenMethods} {
		for _, v := range values {
			for _, k := range []string{"m_" + section + "_" + v, "h_" + section + "_" + v} {
				if _, ok := messages[k]; !ok {
					t.Errorf("no message %s", k)
				}
			}
		}
	}
	for _, k := range []string{"m_rank_ind", "h_rank_ind", "m_rank_ind_none", "m_rank_ind_normalised", "m_rank_ind_raw", "m_rank_ind_both",
		"m_population_sd", "h_population_sd", "m_keep_direction", "h_keep_direction", "m_correlation", "h_correlation",
		"m_corr_pearson", "m_corr_spearman", "m_corr_kendall", "m_as_given", "h_as_given"} {
		if m, ok := messages[k]; !ok || m[0] == "" || m[1] == "" {
			t.Errorf("no message %s in both languages", k)
		}
	}
	for _, p := range pipeline.Presets() {
		for _, k := range []string{"m_preset_" + p, "h_preset_" + p} {
			if _, ok := messages[k]; !ok {
				t.Errorf("no message %s", k)
			}
		}
	}
	if DocURL(En, docWeights) != "/docs/en/methods/weights/" || DocURL(Zh, docRecipe) != "/docs/zh/methods/recipe/" {
		t.Error(DocURL(En, docWeights))
	}
}

func TestIngestOptionsProject(t *testing.T) {
	var w Workspace
	w.SetData("a.csv", []byte("地区,年份,x\n北京,2023,1\n上海,2023,2\n"))
	w.Ingest.Set("encoding", "gb18030")
	w.Ingest.Set("delimiter", ";")
	w.Ingest.Set("decimal_comma", "true")
	if j := w.Job(); j.Ingest.Encoding != "gb18030" || j.Ingest.Delimiter != ";" || !j.Ingest.DecimalComma {
		t.Fatalf("job ingest %+v", j.Ingest)
	}
	var v Workspace
	if err := v.OpenJSON(w.ProjectJSON()); err != nil {
		t.Fatal(err)
	}
	if v.Ingest != w.Ingest {
		t.Errorf("restored %+v, want %+v", v.Ingest, w.Ingest)
	}
	v.SetData("b.csv", []byte("x"))
	if !v.Ingest.IsZero() {
		t.Error("a new file kept the overrides")
	}
}

func TestComputeDetected(t *testing.T) {
	data := []byte("地区;年份;专利\n北京;2023;1\n上海;2023;2\n广东;2023;3\n")
	o := Compute(Job{FileName: "a.csv", Data: data, Recipe: pipeline.Default()})
	d := o.Detected
	if d == nil || d.Delimiter != ";" || d.Layout != "wide" || d.UnitColumn != "地区" || d.PeriodColumn != "年份" || d.Encoding != "utf-8" || d.Format != "csv" {
		t.Fatalf("detected %+v", d)
	}
	// Overrides reach ingest: reading with the wrong delimiter fails.
	o = Compute(Job{FileName: "a.csv", Data: data, Recipe: pipeline.Default(), Ingest: IngestOptions{Delimiter: ","}})
	if o.Summary != nil {
		t.Errorf("the delimiter override was ignored: %+v", o.Detected)
	}
	o = Compute(Job{FileName: "a.csv", Data: data, Recipe: pipeline.Default(), Ingest: IngestOptions{Layout: "wide", UnitColumn: "地区"}})
	if o.Summary == nil || o.Summary.Units != 3 {
		t.Errorf("with overrides: %+v %v", o.Summary, o.Report)
	}
}
