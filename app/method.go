package app

import (
	"bytes"
	"html"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/nqp-index/nqp/scoring/diag"
	"github.com/nqp-index/nqp/scoring/pipeline"
)

// choice is one option of a select: a value and its message key.
type choice struct{ value, key string }

// selectOf builds a select; scope options (app.EventScope) are needed when
// the same call builds selects for different items of a list: go-app keeps
// an element's old handler when the new one comes from the same function
// literal and has the same scope.
func selectOf(id, current string, choices []choice, l Lang, on app.EventHandler, scope ...app.EventOption) app.HTMLSelect {
	opts := make([]app.UI, len(choices))
	for i, c := range choices {
		opts[i] = app.Option().Value(c.value).Text(T(l, c.key)).Selected(c.value == current)
	}
	return app.Select().ID(id).Attr("value", current).OnChange(on, scope...).Body(opts...)
}

// field is a labelled control; id is the control's id.
func field(l Lang, labelKey, id string, input app.UI) app.UI {
	return app.Div().Class("field").Body(app.Label().For(id).Text(T(l, labelKey)), input)
}

// DocURL returns the URL of a method page of the documentation in l; ref
// is its slug under /docs/<lang>/methods/, with an optional "#anchor"
// (FormulaRef).
func DocURL(l Lang, ref string) string {
	lang := "zh"
	if l == En {
		lang = "en"
	}
	slug, anchor, _ := strings.Cut(ref, "#")
	u := "/docs/" + lang + "/methods/" + slug + "/"
	if anchor != "" {
		u += "#" + anchor
	}
	return u
}

// Choices of the method form, value first; the message key of a value v
// of a section s is "m_<s>_<v>" and its one-line explanation "h_<s>_<v>".
var (
	normaliseMethods = []string{pipeline.MinMax, pipeline.ZScore, pipeline.Scaled, pipeline.NRank, pipeline.Borda, pipeline.PRank, pipeline.FracMax,
		pipeline.Dist2Max, pipeline.Dist2Ref, pipeline.Dist2Targ, pipeline.Goalposts, pipeline.NNone, pipeline.VectorNorm, pipeline.SumNorm,
		pipeline.MaxNorm, pipeline.PymcdmMax, pipeline.MinNorm, pipeline.MeanNorm, pipeline.Initial, pipeline.Rescale}
	weightMethods = []string{pipeline.WEntropy, pipeline.WCRITIC, pipeline.WCV, pipeline.WSD, pipeline.WPCA, pipeline.WVH, pipeline.WEqual,
		pipeline.WManual, pipeline.WAHP, pipeline.WCombination}
	aggregateMethods = []string{pipeline.AMean, pipeline.GMean, pipeline.HMean, pipeline.GenMean, pipeline.CopelandAgg, pipeline.TOPSISAgg,
		pipeline.EntropyTOPSIS, pipeline.VIKORAgg, pipeline.GRAAgg, pipeline.WSM, pipeline.WPM}
	imputeMethods = []string{pipeline.ImpNone, pipeline.ImpMean, pipeline.ImpMedian, pipeline.ImpMeanGroup, pipeline.ImpMedianGroup,
		pipeline.ImpLatest, pipeline.ImpConstant, pipeline.ImpLinear, pipeline.ImpLinearConst}
	treatMethods  = []string{pipeline.TreatNone, pipeline.TreatWinsorise}
	screenMethods = []string{pipeline.ScreenNone, pipeline.ScreenByNA, pipeline.ScreenByZeros, pipeline.ScreenByNAAndZero}
)

func fstr(f *float64) string {
	if f == nil {
		return ""
	}
	return strconv.FormatFloat(*f, 'g', -1, 64)
}

func fval(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }

// method renders the recipe form: presets, every option of the engine
// with a one-line explanation and a link to its formulas, the recipe
// JSON, its download and the upload of a recipe file.
func (c *Workbench) method(l Lang) app.UI {
	r := c.ws.recipe()
	val := func(ctx app.Context) string {
		if t := ctx.JSSrc().Get("type").String(); t == "checkbox" {
			return strconv.FormatBool(ctx.JSSrc().Get("checked").Bool())
		}
		return ctx.JSSrc().Get("value").String()
	}
	on := func(key string) app.EventHandler {
		return func(ctx app.Context, e app.Event) {
			c.methodErr = ""
			cur, v := c.ws.recipe(), val(ctx)
			if key == "normalise.method" && v == pipeline.Dist2Ref && cur.Normalise.RefUnit == "" && c.ws.Result != nil && len(c.ws.Result.Units) > 0 {
				cur.Normalise.RefUnit = c.ws.Result.Units[0].Code // kept by the switch to dist2ref
			}
			nr, err := SetMethodOption(cur, key, v)
			if err != nil {
				c.methodErr = diag.Message(err, string(c.lang()))
				return
			}
			if c.ws.SetRecipe(nr) == nil {
				c.compute(ctx)
			}
		}
	}
	id := func(key string) string {
		if key == "preset" {
			return "preset" // the id since the first version (site/e2e_cli_test.go)
		}
		return "m-" + key
	}
	// A select of a section's methods, with the explanation of the chosen one.
	methodSel := func(key, section, label, current string, values []string, onlyInFile ...string) app.UI {
		opts := make([]app.UI, 0, len(values))
		for _, v := range values {
			o := app.Option().Value(v).Text(T(l, "m_"+section+"_"+v)).Selected(v == current)
			for _, f := range onlyInFile {
				if v == f && v != current {
					o = o.Disabled(true).Text(T(l, "m_"+section+"_"+v) + T(l, "m_in_file"))
				}
			}
			opts = append(opts, o)
		}
		return c.methodRow(l, label, id(key), app.Select().ID(id(key)).Attr("value", current).OnChange(on(key), app.EventScope(key)).Body(opts...), "h_"+section+"_"+current, FormulaRef(key, current))
	}
	sel := func(key, label, current, help string, choices []choice) app.UI {
		opts := make([]app.UI, len(choices))
		for i, ch := range choices {
			opts[i] = app.Option().Value(ch.value).Text(T(l, ch.key)).Selected(ch.value == current)
		}
		return c.methodRow(l, label, id(key), app.Select().ID(id(key)).Attr("value", current).OnChange(on(key), app.EventScope(key)).Body(opts...), help, FormulaRef(key, current))
	}
	numIn := func(key, label, current, help string) app.UI {
		return c.methodRow(l, label, id(key), app.Input().ID(id(key)).Type("number").Attr("step", "any").Value(current).OnChange(on(key), app.EventScope(key)), help, FormulaRef(key, ""))
	}
	check := func(key, label string, current bool, help string) app.UI {
		return c.methodRow(l, label, id(key), app.Input().ID(id(key)).Type("checkbox").Checked(current).OnChange(on(key), app.EventScope(key)), help, FormulaRef(key, ""))
	}

	// Options have non-empty values: go-app v10.1.11 drops an empty value
	// attribute (load_options.go, autoValue).
	presets := []choice{{"custom", "m_custom"}}
	for _, p := range pipeline.Presets() {
		presets = append(presets, choice{p, "m_preset_" + p})
	}
	preset, presetHelp := PresetOf(r), "h_preset_custom"
	if preset != "" {
		presetHelp = "h_preset_" + preset
	} else {
		preset = "custom"
	}
	groupsCur := r.Rank.Groups
	if groupsCur == "" {
		groupsCur = "none"
	}
	rankInd := r.Rank.Indicators
	if rankInd == "" {
		rankInd = "none"
	}
	groups := []choice{{"none", "m_groups_none"}, {"region4", "m_groups_region4"}, {"region3", "m_groups_region3"},
		{"prefecture", "m_groups_prefecture"}, {"province", "m_groups_province"}}
	if g := r.Rank.Groups; g != "" && !hasChoice(groups, g) {
		groups = append(groups, choice{g, g})
	}

	// Pre-steps.
	pre := []app.UI{
		check("denominate.enabled", "m_denominate", r.Denominate.Enabled, "h_denominate"),
		methodSel("impute.method", "impute", "m_impute", r.Impute.Method, imputeMethods),
	}
	switch r.Impute.Method {
	case pipeline.ImpMean, pipeline.ImpMedian, pipeline.ImpMeanGroup, pipeline.ImpMedianGroup:
		if r.Impute.Method == pipeline.ImpMeanGroup || r.Impute.Method == pipeline.ImpMedianGroup {
			pre = append(pre, sel("impute.group", "m_impute_group", r.Impute.Group, "h_impute_group", groups[1:]))
		}
		pre = append(pre, sel("impute.scope", "m_impute_scope", r.Impute.Scope, "h_impute_scope",
			[]choice{{pipeline.ScopePeriod, "s_period"}, {pipeline.ScopeGlobal, "s_global"}}))
	case pipeline.ImpLatest:
		pre = append(pre, numIn("impute.max_time", "m_max_time", strconv.Itoa(r.Impute.MaxTime), "h_max_time"))
	}
	pre = append(pre, methodSel("screen.method", "screen", "m_screen", r.Screen.Method, screenMethods))
	if r.Screen.Method != pipeline.ScreenNone {
		pre = append(pre,
			numIn("screen.dat_thresh", "m_dat_thresh", fstr(r.Screen.DatThresh), "h_dat_thresh"),
			numIn("screen.nonzero_thresh", "m_nonzero_thresh", fstr(r.Screen.NonzeroThresh), "h_nonzero_thresh"))
	}
	pre = append(pre, methodSel("treat.method", "treat", "m_treat", r.Treat.Method, treatMethods))
	if r.Treat.Method == pipeline.TreatWinsorise {
		winmax := ""
		if r.Treat.Winmax != nil {
			winmax = strconv.Itoa(*r.Treat.Winmax)
		}
		pre = append(pre,
			numIn("treat.winmax", "m_winmax", winmax, "h_winmax"),
			numIn("treat.skew_thresh", "m_skew", fstr(r.Treat.SkewThresh), "h_skew"),
			numIn("treat.kurt_thresh", "m_kurt", fstr(r.Treat.KurtThresh), "h_kurt"),
			sel("treat.f2", "m_f2", r.Treat.F2, "h_f2", []choice{{pipeline.F2LogCT, "log_CT"}, {pipeline.F2LogCTOrig, "log_CT_orig"},
				{pipeline.F2LogCTPlus, "log_CT_plus"}, {pipeline.F2BoxCox, "Box-Cox"}, {pipeline.F2None, "m_none"}}))
	}

	// Normalisation.
	n := r.Normalise
	norm := []app.UI{
		methodSel("normalise.method", "norm", "normalise", n.Method, normaliseMethods),
		sel("normalise.scope", "scope", n.Scope, "h_norm_scope", []choice{{pipeline.ScopeGlobal, "s_global"}, {pipeline.ScopePeriod, "s_period"}}),
	}
	switch n.Method {
	case pipeline.MinMax, pipeline.Rescale:
		norm = append(norm,
			numIn("normalise.lower", "m_lower", fstr(n.Lower), "h_lower"),
			numIn("normalise.upper", "m_upper", fstr(n.Upper), "h_upper"),
			numIn("normalise.shift", "m_shift", fval(n.Shift), "h_shift"))
	case pipeline.ZScore:
		norm = append(norm,
			numIn("normalise.mean", "m_mean", fstr(n.Mean), "h_zmean"),
			numIn("normalise.sd", "m_sd", fstr(n.SD), "h_zsd"),
			check("normalise.population_sd", "m_population_sd", n.PopulationSD, "h_population_sd"),
			check("normalise.keep_direction", "m_keep_direction", n.KeepDirection, "h_keep_direction"))
	case pipeline.Scaled:
		norm = append(norm,
			numIn("normalise.scaled_lower", "m_lower", fstr(n.ScaledLower), "h_scaled"),
			numIn("normalise.scaled_upper", "m_upper", fstr(n.ScaledUpper), "h_scaled"),
			numIn("normalise.scale_factor", "m_scale_factor", fstr(n.ScaleFactor), "h_scaled"))
	case pipeline.NRank, pipeline.Borda, pipeline.PRank:
		norm = append(norm, sel("normalise.ties", "m_ties", n.Ties, "h_ties",
			[]choice{{"min", "m_ties_min"}, {"max", "m_ties_max"}, {"average", "m_ties_average"}}))
	case pipeline.Dist2Ref:
		norm = append(norm, c.methodRow(l, "m_ref_unit", id("normalise.ref_unit"), app.Input().ID(id("normalise.ref_unit")).Type("text").Value(n.RefUnit).OnChange(on("normalise.ref_unit"), app.EventScope("normalise.ref_unit")), "h_ref_unit", FormulaRef("normalise.ref_unit", "")))
	case pipeline.Dist2Targ:
		norm = append(norm, numIn("normalise.target", "m_target", fstr(n.Target), "h_target"))
	case pipeline.Goalposts:
		norm = append(norm,
			numIn("normalise.goal_lower", "m_lower", fstr(n.GoalLower), "h_goalposts"),
			numIn("normalise.goal_upper", "m_upper", fstr(n.GoalUpper), "h_goalposts"))
	}
	norm = append(norm,
		check("normalise.reciprocal", "m_reciprocal", n.Reciprocal, "h_reciprocal"),
		check("normalise.nonneg_shift", "m_nonneg", n.NonNegShift, "h_nonneg"))

	// Weights.
	w := r.Weights
	wts := []app.UI{methodSel("weights.method", "w", "wmethod", w.Method, weightMethods, pipeline.WAHP, pipeline.WCombination)}
	switch w.Method {
	case pipeline.WEntropy:
		wts = append(wts,
			sel("weights.variant", "variant", w.Variant, "h_variant", []choice{{pipeline.EntropyPooled, "v_pooled"}, {pipeline.EntropyPerPeriod, "v_perperiod"}, {pipeline.EntropyPerPeriodMean, "v_mean"}}),
			sel("weights.zero_rule", "zero_rule", w.ZeroRule, "h_zero_rule", []choice{{pipeline.ZeroAsZero, "z_zero"}, {pipeline.ZeroShift, "m_z_shift"}, {pipeline.ZeroRescale, "m_z_rescale"}}))
		switch w.ZeroRule {
		case pipeline.ZeroShift:
			wts = append(wts, numIn("weights.delta", "m_delta", fval(w.Delta), "h_delta"))
		case pipeline.ZeroRescale:
			wts = append(wts,
				numIn("weights.a", "m_lower", fval(w.A), "h_ab"),
				numIn("weights.b", "m_upper", fval(w.B), "h_ab"))
		}
	case pipeline.WCRITIC:
		corr := w.Correlation
		if corr == "" {
			corr = "pearson"
		}
		wts = append(wts, sel("weights.correlation", "m_correlation", corr, "h_correlation",
			[]choice{{"pearson", "m_corr_pearson"}, {"spearman", "m_corr_spearman"}, {"kendall", "m_corr_kendall"}}))
	case pipeline.WManual:
		wts = append(wts, check("weights.as_given", "m_as_given", w.AsGiven, "h_as_given"))
	case pipeline.WCV:
		wts = append(wts, sel("weights.cv_on", "m_cv_on", w.CVOn, "h_cv_on", []choice{{"raw", "m_cv_raw"}, {"normalised", "m_cv_normalised"}}))
	case pipeline.WPCA:
		form := ""
		if w.PCA != nil {
			form = w.PCA.Form
		}
		wts = append(wts, sel("weights.pca.form", "m_pca_form", form, "h_pca_form", []choice{{pipeline.PCAComposite, "m_pca_composite"}, {pipeline.PCACOINr, "m_pca_coinr"}}))
	}
	if w.Upper != "" {
		wts = append(wts, sel("weights.upper", "m_upper_w", w.Upper, "h_upper_w",
			[]choice{{pipeline.UpperDerived, "m_upper_derived"}, {pipeline.UpperFramework, "m_upper_framework"}, {pipeline.UpperEqual, "m_upper_equal"}}))
	}

	// Aggregation.
	a := r.Aggregate
	agg := []app.UI{methodSel("aggregate.method", "agg", "aggregate", a.Method, aggregateMethods)}
	switch a.Method {
	case pipeline.GenMean:
		agg = append(agg, numIn("aggregate.p", "m_p", fstr(a.P), "h_p"))
	case pipeline.TOPSISAgg:
		agg = append(agg,
			sel("aggregate.topsis_normalize", "m_topsis_norm", a.TOPSISNormalize, "h_topsis_norm", []choice{{"vector", "m_tn_vector"}, {"minmax", "min-max"}, {"none", "m_none"}}),
			sel("aggregate.weights_in", "m_weights_in", a.WeightsIn, "h_weights_in", []choice{{"matrix", "m_wi_matrix"}, {"distance", "m_wi_distance"}}))
	case pipeline.VIKORAgg:
		agg = append(agg, numIn("aggregate.v", "m_v", fstr(a.V), "h_v"))
	case pipeline.GRAAgg:
		agg = append(agg,
			numIn("aggregate.rho", "m_rho", fstr(a.Rho), "h_rho"),
			sel("aggregate.grade", "m_grade", a.Grade, "h_grade", []choice{{"weighted", "m_grade_weighted"}, {"mean", "m_grade_mean"}}))
	}
	if a.Scope != "" {
		agg = append(agg, sel("aggregate.scope", "m_agg_scope", a.Scope, "h_agg_scope", []choice{{pipeline.AggScopePeriod, "s_period"}, {pipeline.AggScopePanel, "m_scope_panel"}}))
	}
	agg = append(agg,
		numIn("aggregate.scale", "m_scale", fstr(a.Scale), "h_scale"),
		numIn("aggregate.min_share", "m_min_share", fval(a.MinShare), "h_min_share"))

	general := []app.UI{
		sel("preset", "preset", preset, presetHelp, presets),
		numIn("select.min_period_coverage", "m_coverage", fstr(r.Select.MinPeriodCoverage), "h_coverage"),
		sel("rank.groups", "m_groups", groupsCur, "h_groups", groups),
		sel("rank.indicators", "m_rank_ind", rankInd, "h_rank_ind", []choice{{"none", "m_rank_ind_none"},
			{pipeline.RankIndNormalised, "m_rank_ind_normalised"}, {pipeline.RankIndRaw, "m_rank_ind_raw"}, {pipeline.RankIndBoth, "m_rank_ind_both"}}),
	}
	group := func(key string, rows []app.UI) app.UI {
		return app.Div().Class("method-group").Body(append([]app.UI{app.H3().Text(T(l, key))}, rows...)...)
	}
	var errUI app.UI = app.Text("")
	if c.methodErr != "" {
		errUI = app.P().ID("method-error").Class("error").Text(c.methodErr)
	}
	return app.Section().ID("method").Body(
		app.H2().Text(T(l, "step_method")),
		app.Div().Class("fields").Body(
			group("m_general", general),
			group("m_presteps", pre),
			group("normalise", norm),
			group("wmethod", wts),
			group("aggregate", agg),
		),
		errUI,
		app.Details().Body(
			app.Summary().Text(T(l, "show_recipe")),
			app.Pre().ID("recipe").Text(string(c.ws.RecipeJSON())),
		),
		app.Button().ID("dl-recipe").Text(T(l, "dl_recipe")).OnClick(func(ctx app.Context, e app.Event) {
			download(ctx, "nqp-recipe.json", "application/json", c.ws.RecipeJSON())
		}),
		app.Label().For("recipe-file").Text(T(l, "m_upload")),
		app.Input().ID("recipe-file").Type("file").Accept(".json,application/json").OnChange(func(ctx app.Context, e app.Event) {
			readFirstFile(ctx, ctx.JSSrc(), c.recipeFile)
		}),
	)
}

// recipeFile takes an uploaded recipe JSON.
func (c *Workbench) recipeFile(ctx app.Context, name string, b []byte) {
	r, err := pipeline.ParseRecipe(bytes.NewReader(b))
	if err != nil {
		zh, en := name+"："+diag.Message(err, "zh"), name+": "+diag.Message(err, "en")
		c.methodErr = zh
		if c.lang() == En {
			c.methodErr = en
		}
		c.ws.Report.Add(diag.New(diag.Error, "recipe", zh, en))
		return
	}
	c.methodErr = ""
	if c.ws.SetRecipe(r) == nil {
		c.compute(ctx)
	}
}

// methodRow is one control with its label, its one-line explanation and a
// link to its formulas in the documentation (ref: FormulaRef).
func (c *Workbench) methodRow(l Lang, label, id string, input app.UI, help, ref string) app.UI {
	return app.Div().Class("field method-field").Body(
		app.Label().For(id).Text(T(l, label)),
		input,
		app.Span().Class("help").Text(T(l, help)),
		// A plain link (app.Raw: the page's wasm need not carry go-app's <a> type).
		app.Raw(`<a class="formula" href="`+DocURL(l, ref)+`" target="_blank" rel="noopener">`+html.EscapeString(T(l, "m_formula"))+`</a>`),
	)
}
