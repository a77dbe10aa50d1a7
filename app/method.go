package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/nqp-index/nqp/scoring/pipeline"
)

// choice is one option of a select: a value and its message key.
type choice struct{ value, key string }

func selectOf(id, current string, choices []choice, l Lang, on app.EventHandler) app.UI {
	opts := make([]app.UI, len(choices))
	for i, c := range choices {
		opts[i] = app.Option().Value(c.value).Text(T(l, c.key)).Selected(c.value == current)
	}
	return app.Select().ID(id).OnChange(on).Body(opts...)
}

func field(l Lang, labelKey string, input app.UI) app.UI {
	return app.Div().Class("field").Body(app.Label().Text(T(l, labelKey)), input)
}

// method renders the recipe form: presets and the main options.
func (c *Workbench) method(l Lang) app.UI {
	r := c.ws.recipe()
	set := func(f func(r *pipeline.Recipe)) app.EventHandler {
		return func(ctx app.Context, e app.Event) {
			r := c.ws.recipe()
			f(&r)
			if c.ws.SetRecipe(r) == nil {
				c.compute(ctx)
			}
		}
	}
	val := func(ctx app.Context) string { return ctx.JSSrc().Get("value").String() }
	var preset string
	if p, _ := pipeline.Preset("coinr"); string(p.JSON()) == string(r.JSON()) {
		preset = "coinr"
	} else if string(pipeline.Default().JSON()) == string(r.JSON()) {
		preset = "nqp-standard"
	}
	fields := []app.UI{
		field(l, "preset", selectOf("preset", preset, []choice{{"", "—"}, {"nqp-standard", "p_nqp"}, {"coinr", "p_coinr"}}, l, func(ctx app.Context, e app.Event) {
			if p, err := pipeline.Preset(val(ctx)); err == nil && val(ctx) != "" {
				if c.ws.SetRecipe(p) == nil {
					c.compute(ctx)
				}
			}
		})),
		field(l, "normalise", selectOf("normalise", r.Normalise.Method, []choice{{pipeline.MinMax, "min-max"}, {pipeline.ZScore, "z-score"}}, l,
			func(ctx app.Context, e app.Event) {
				v := val(ctx)
				set(func(r *pipeline.Recipe) {
					r.Normalise = pipeline.Normalise{Method: v, Scope: r.Normalise.Scope}
				})(ctx, e)
			})),
		field(l, "scope", selectOf("scope", r.Normalise.Scope, []choice{{pipeline.ScopeGlobal, "s_global"}, {pipeline.ScopePeriod, "s_period"}}, l,
			func(ctx app.Context, e app.Event) {
				v := val(ctx)
				set(func(r *pipeline.Recipe) { r.Normalise.Scope = v })(ctx, e)
			})),
	}
	fields = append(fields, field(l, "wmethod", selectOf("weights", r.Weights.Method, []choice{
		{pipeline.WEntropy, "w_entropy"}, {pipeline.WCRITIC, "w_critic"}, {pipeline.WCV, "w_cv"}, {pipeline.WSD, "w_sd"}, {pipeline.WEqual, "w_equal"}, {pipeline.WManual, "w_manual"}}, l,
		func(ctx app.Context, e app.Event) {
			v := val(ctx)
			set(func(r *pipeline.Recipe) { r.Weights = pipeline.Weights{Method: v} })(ctx, e)
		})))
	if r.Weights.Method == pipeline.WEntropy {
		fields = append(fields,
			field(l, "variant", selectOf("variant", r.Weights.Variant, []choice{{pipeline.EntropyPooled, "v_pooled"}, {pipeline.EntropyPerPeriod, "v_perperiod"}, {pipeline.EntropyPerPeriodMean, "v_mean"}}, l,
				func(ctx app.Context, e app.Event) {
					v := val(ctx)
					set(func(r *pipeline.Recipe) { r.Weights.Variant = v })(ctx, e)
				})),
			field(l, "zero_rule", selectOf("zero-rule", r.Weights.ZeroRule, []choice{{pipeline.ZeroAsZero, "z_zero"}, {pipeline.ZeroShift, "z_shift"}, {pipeline.ZeroRescale, "z_rescale"}}, l,
				func(ctx app.Context, e app.Event) {
					v := val(ctx)
					set(func(r *pipeline.Recipe) {
						r.Weights.ZeroRule, r.Weights.Delta, r.Weights.A, r.Weights.B = v, 0, 0, 0
					})(ctx, e)
				})))
	}
	fields = append(fields, field(l, "aggregate", selectOf("aggregate", r.Aggregate.Method, []choice{{pipeline.AMean, "a_amean"}, {pipeline.GMean, "a_gmean"}}, l,
		func(ctx app.Context, e app.Event) {
			v := val(ctx)
			set(func(r *pipeline.Recipe) { r.Aggregate.Method = v })(ctx, e)
		})))
	return app.Section().ID("method").Body(
		app.H2().Text(T(l, "step_method")),
		app.Div().Class("fields").Body(fields...),
		app.Details().Body(
			app.Summary().Text(T(l, "show_recipe")),
			app.Pre().ID("recipe").Text(string(c.ws.RecipeJSON())),
		),
		app.Button().ID("dl-recipe").Text(T(l, "dl_recipe")).OnClick(func(ctx app.Context, e app.Event) {
			download(ctx, "nqp-recipe.json", "application/json", c.ws.RecipeJSON())
		}),
	)
}
