package app

import (
	"fmt"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/nqp-index/nqp/scoring/diag"
	"github.com/nqp-index/nqp/scoring/framework"
	"github.com/nqp-index/nqp/scoring/sample"
)

// allColumnsValue is the template select's value for "every numeric
// column": go-app drops an empty value attribute, and an <option> without
// one takes its label as its value.
const allColumnsValue = "__all"

func init() {
	addMessages(map[string][2]string{
		"fwn_fell_back":  {"指标体系“%s”只对应新数据中 %d 个数值列中的 %d 个（不到一半），已改用全部 %d 个数值列（等权重）。", "The framework “%s” matches only %d of the new data's %d numeric columns (fewer than half): all %d numeric columns are used instead (equal weights)."},
		"fwn_all":        {"指标体系：全部 %d 个数值列（等权重）。", "Framework: all %d numeric columns (equal weights)."},
		"fwn_kept":       {"指标体系“%s”：对应数据中 %d 个数值列中的 %d 个。", "Framework “%s”: matches %d of the data's %d numeric columns."},
		"fwn_few":        {"指标体系“%s”只对应数据中 %d 个数值列中的 %d 个（不到一半）。", "The framework “%s” matches only %d of the data's %d numeric columns (fewer than half)."},
		"fwn_restore":    {"仍使用“%s”", "Use “%s” anyway"},
		"fwn_use_all":    {"改用全部数值列", "Use all numeric columns"},
		"fwn_change":     {"更改指标体系", "Change the framework"},
		"fwn_guessed":    {"按名称推测为负向（越小越好），请确认：%s。", "Guessed negative (smaller is better) from the names, please confirm: %s."},
		"fw_guess_mark":  {"推测：负向，请确认", "guessed: negative, please confirm"},
		"fw_custom_name": {"自定义指标体系", "custom framework"},
		"job_failed":     {"未能计算出结果：", "No result could be computed:"},
	})
}

// fwName is the name of a requested framework, for the notice.
func fwName(l Lang, requested string, custom *framework.Framework) string {
	if requested == "custom" || requested == "" {
		if custom != nil && custom.Name != "" && custom.Name != "custom" {
			return custom.Name
		}
		return T(l, "fw_custom_name")
	}
	for _, t := range framework.Templates() {
		if t.Name == requested {
			if l == En {
				return t.TitleEn
			}
			return t.TitleZh
		}
	}
	return requested
}

// fwNotice says which framework scored the data and why, in view (not in
// the collapsed problem report), with one click to change it: back to
// the framework asked for after a fallback, to every numeric column
// otherwise. Guessed negative directions are listed for confirmation.
func (c *Workbench) fwNotice(l Lang) app.UI {
	ch := c.ws.Choice
	if ch == nil || c.ws.Busy {
		return app.Text("")
	}
	var text string
	var buttons []app.UI
	change := app.A().ID("fwn-change").Href("#framework").Text(T(l, "fwn_change"))
	switch {
	case ch.FellBack:
		name := fwName(l, ch.Requested, c.ws.FwPrevCustom)
		text = fmt.Sprintf(T(l, "fwn_fell_back"), name, ch.Columns, ch.Matched, ch.Columns)
		if l == En {
			text = fmt.Sprintf(T(l, "fwn_fell_back"), name, ch.Matched, ch.Columns, ch.Columns)
		}
		if c.ws.FwPrev != "" || c.ws.FwPrevCustom != nil {
			buttons = append(buttons, app.Button().ID("fwn-restore").Text(fmt.Sprintf(T(l, "fwn_restore"), name)).OnClick(func(ctx app.Context, e app.Event) {
				c.ws.RestorePrevious()
				c.compute(ctx)
			}))
		}
	case ch.AllColumns:
		text = fmt.Sprintf(T(l, "fwn_all"), ch.Columns)
	default:
		name := fwName(l, ch.Requested, c.ws.FwCustom)
		key := "fwn_kept"
		// The bundled sample with its own template covers three of the
		// drivers' dimensions on purpose (job.SampleNotes): no warning.
		if !framework.KeepForData(ch.Matched, ch.Columns) && !(c.ws.FileName == sample.TechmePanelName && ch.Requested == "drivers") {
			key = "fwn_few"
		}
		text = fmt.Sprintf(T(l, key), name, ch.Columns, ch.Matched)
		if l == En {
			text = fmt.Sprintf(T(l, key), name, ch.Matched, ch.Columns)
		}
		buttons = append(buttons, app.Button().ID("fwn-all").Text(T(l, "fwn_use_all")).OnClick(func(ctx app.Context, e app.Event) {
			c.ws.UseTemplate("")
			c.compute(ctx)
		}))
	}
	body := []app.UI{app.Span().ID("fwn-text").Text(text)}
	if len(ch.Guessed) > 0 && c.ws.FwUsed != nil {
		names := make([]string, len(ch.Guessed))
		for i, code := range ch.Guessed {
			names[i] = nodeName(c.ws.FwUsed, code, l)
		}
		sep := "、"
		if l == En {
			sep = ", "
		}
		body = append(body, app.Span().ID("fwn-guessed").Text(" "+fmt.Sprintf(T(l, "fwn_guessed"), strings.Join(names, sep))))
	}
	body = append(body, buttons...)
	body = append(body, change)
	cls := "notice"
	if ch.FellBack {
		cls = "notice warning"
	}
	return app.P().ID("fw-notice").Class(cls).Aria("live", "polite").Body(body...)
}

// jobError is shown where the results would be when the last job gave no
// result: the errors of the report, never a blank section.
func (c *Workbench) jobError(l Lang) app.UI {
	if c.ws.Result != nil || c.ws.Busy || c.ws.Data == nil || !c.ws.Report.HasErrors() {
		return app.Text("")
	}
	var items []app.UI
	for _, p := range c.ws.Report.Problems {
		if p.Severity == diag.Error {
			items = append(items, app.Li().Text(p.Format(string(l))))
		}
	}
	return app.Div().ID("job-error").Class("banner", "error").Attr("role", "alert").Body(
		app.P().Text(T(l, "job_failed")),
		app.Ul().Body(items...),
	)
}
