package app

import (
	"fmt"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/nqp-index/nqp/scoring/diag"
	"github.com/nqp-index/nqp/scoring/ingest/detect"
	"github.com/nqp-index/nqp/scoring/region"
)

// IngestOptions override what ingest detects when a file is read (the
// load step's overrides). The zero value detects everything. It travels
// to the engine worker as JSON and is kept in the Project.
type IngestOptions struct {
	Format          string `json:"format,omitempty"` // csv, tsv, txt, xlsx
	Sheet           string `json:"sheet,omitempty"`
	Encoding        string `json:"encoding,omitempty"`  // utf-8, gb18030, utf-16le, utf-16be
	Delimiter       string `json:"delimiter,omitempty"` // one character; "\t" for tab
	Layout          string `json:"layout,omitempty"`    // wide, long
	UnitColumn      string `json:"unit_column,omitempty"`
	PeriodColumn    string `json:"period_column,omitempty"`
	IndicatorColumn string `json:"indicator_column,omitempty"`
	ValueColumn     string `json:"value_column,omitempty"`
	DecimalComma    bool   `json:"decimal_comma,omitempty"`
	// FormerNames is a former-names table as uploaded (CSV former,current
	// or a JSON object; region.ReadFormerNames): 襄樊 → 襄阳.
	FormerNames string `json:"former_names,omitempty"`
}

// IsZero reports whether nothing is overridden.
func (o IngestOptions) IsZero() bool { return o == IngestOptions{} }

func init() {
	addMessages(map[string][2]string{
		"detected":        {"读取方式（自动检测，可修改）", "How the file was read (detected; you can override)"},
		"ld_auto":         {"自动", "automatic"},
		"ld_auto_is":      {"自动（检测到：%s）", "automatic (detected: %s)"},
		"ld_none":         {"无", "none"},
		"ld_format":       {"格式", "Format"},
		"ld_sheet":        {"工作表", "Sheet"},
		"ld_encoding":     {"编码", "Encoding"},
		"ld_delimiter":    {"分隔符", "Delimiter"},
		"ld_layout":       {"表格形式", "Layout"},
		"ld_wide":         {"宽表（每个指标一列）", "wide (one column per indicator)"},
		"ld_long":         {"长表（指标、值两列）", "long (indicator and value columns)"},
		"ld_unit":         {"地区列", "Unit column"},
		"ld_period":       {"时期列", "Period column"},
		"ld_indicator":    {"指标名列（长表）", "Indicator column (long layout)"},
		"ld_value":        {"值列（长表）", "Value column (long layout)"},
		"ld_decimalcomma": {"小数点为逗号（1.234,5）", "Decimal comma (1.234,5)"},
		"ld_dc_detected":  {"（已从数据识别）", " (detected in the data)"},
		"ld_reset":        {"全部恢复自动检测", "Reset to automatic"},
		"ld_tab":          {"制表符", "tab"},
		"ld_former":       {"曾用名对照表（CSV：曾用名,现名，如 襄樊,襄阳）", "Former names (CSV: former,current, e.g. 襄樊,襄阳)"},
		"ld_former_n":     {"已使用 %d 条曾用名", "%d former names in use"},
	})
}

// Set sets one override by its key (the select's name); the
// value "" restores detection for it. Unknown keys are ignored.
func (o *IngestOptions) Set(key, value string) {
	switch key {
	case "format":
		o.Format = value
	case "sheet":
		o.Sheet = value
	case "encoding":
		o.Encoding = value
	case "delimiter":
		o.Delimiter = value
	case "layout":
		o.Layout = value
	case "unit_column":
		o.UnitColumn = value
	case "period_column":
		o.PeriodColumn = value
	case "indicator_column":
		o.IndicatorColumn = value
	case "value_column":
		o.ValueColumn = value
	case "decimal_comma":
		o.DecimalComma = value == "true"
	case "former_names":
		o.FormerNames = value
	}
}

// delimiterName shows a delimiter.
func delimiterName(l Lang, d string) string {
	if d == "\t" {
		return T(l, "ld_tab")
	}
	return d
}

// loadOptions renders what ingest detected with a control per override.
func (c *Workbench) loadOptions(l Lang) app.UI {
	if c.ws.Data == nil {
		return app.Text("")
	}
	d := c.ws.Detected
	if d == nil {
		d = &detect.Detected{}
	}
	o := c.ws.Ingest
	set := func(key string) app.EventHandler {
		return func(ctx app.Context, e app.Event) {
			v := ctx.JSSrc().Get("value").String()
			if v == autoValue {
				v = ""
			}
			if key == "decimal_comma" {
				v = "false"
				if ctx.JSSrc().Get("checked").Bool() {
					v = "true"
				}
			}
			c.ws.Ingest.Set(key, v)
			c.compute(ctx)
		}
	}
	sel := func(key, label, current, detected string, choices []choice) app.UI {
		auto := T(l, "ld_auto")
		if detected != "" {
			auto = fmt.Sprintf(T(l, "ld_auto_is"), detected)
		}
		opts := []app.UI{app.Option().Value(autoValue).Text(auto).Selected(current == "")}
		cur := current
		if cur == "" {
			cur = autoValue
		}
		for _, ch := range choices {
			text := ch.key
			if strings.HasPrefix(ch.key, "ld_") {
				text = T(l, ch.key)
			}
			opts = append(opts, app.Option().Value(ch.value).Text(text).Selected(ch.value == current))
		}
		return app.Div().Class("field").Body(
			app.Label().For("ld-"+key).Text(T(l, label)),
			// The value is also set as a property: the browser keeps a
			// select's value chosen by the user over the options' selected
			// flags, so a reset to automatic would otherwise not show.
			app.Select().ID("ld-"+key).Attr("value", cur).OnChange(set(key), app.EventScope(key)).Body(opts...),
		)
	}
	cols := make([]choice, len(d.Headers))
	for i, h := range d.Headers {
		cols[i] = choice{h, h}
	}
	// An override that no longer names a header stays selectable.
	for _, v := range []string{o.UnitColumn, o.PeriodColumn, o.IndicatorColumn, o.ValueColumn} {
		if v != "" && !hasChoice(cols, v) {
			cols = append(cols, choice{v, v})
		}
	}
	fields := []app.UI{
		sel("format", "ld_format", o.Format, d.Format, []choice{{"csv", "CSV"}, {"tsv", "TSV"}, {"txt", "TXT"}, {"xlsx", "XLSX"}}),
	}
	if d.Format == "xlsx" || o.Format == "xlsx" {
		sheets := make([]choice, len(d.Sheets))
		for i, s := range d.Sheets {
			sheets[i] = choice{s, s}
		}
		fields = append(fields, sel("sheet", "ld_sheet", o.Sheet, d.Sheet, sheets))
	} else {
		fields = append(fields,
			sel("encoding", "ld_encoding", o.Encoding, strings.ToUpper(d.Encoding), []choice{{"utf-8", "UTF-8"}, {"gb18030", "GB18030 / GBK"}, {"utf-16le", "UTF-16LE"}, {"utf-16be", "UTF-16BE"}}),
			sel("delimiter", "ld_delimiter", o.Delimiter, delimiterName(l, d.Delimiter), []choice{{",", ","}, {";", ";"}, {"\t", "ld_tab"}, {"|", "|"}}))
	}
	layoutName := map[string]string{"wide": T(l, "ld_wide"), "long": T(l, "ld_long")}[d.Layout]
	fields = append(fields,
		sel("layout", "ld_layout", o.Layout, layoutName, []choice{{"wide", "ld_wide"}, {"long", "ld_long"}}),
		sel("unit_column", "ld_unit", o.UnitColumn, d.UnitColumn, cols),
		sel("period_column", "ld_period", o.PeriodColumn, d.PeriodColumn, cols),
	)
	if d.Layout == "long" || o.Layout == "long" {
		fields = append(fields,
			sel("indicator_column", "ld_indicator", o.IndicatorColumn, d.IndicatorColumn, cols),
			sel("value_column", "ld_value", o.ValueColumn, d.ValueColumn, cols))
	}
	fields = append(fields, app.Div().Class("field").Body(
		app.Label().For("ld-decimal_comma").Text(T(l, "ld_decimalcomma")+map[bool]string{true: T(l, "ld_dc_detected")}[d.DecimalComma && !o.DecimalComma]),
		app.Input().ID("ld-decimal_comma").Type("checkbox").Checked(o.DecimalComma).OnChange(set("decimal_comma"), app.EventScope("decimal_comma")),
	))
	fields = append(fields, c.formerField(l, o.FormerNames))
	return app.Details().ID("detected").Open(true).Body(
		app.Summary().Text(T(l, "detected")),
		app.Div().Class("fields").Body(fields...),
		app.Button().ID("ld-reset").Text(T(l, "ld_reset")).Disabled(o.IsZero()).OnClick(func(ctx app.Context, e app.Event) {
			c.ws.Ingest = IngestOptions{}
			c.compute(ctx)
			// Show "automatic" in every select now: a browser may keep the
			// option the user picked over the re-rendered selected flags.
			for _, k := range ingestKeys {
				setSelectValue("ld-"+k, autoValue)
			}
		}),
	)
}

// ingestKeys are the keys of the load step's selects.
var ingestKeys = []string{"format", "sheet", "encoding", "delimiter", "layout", "unit_column", "period_column", "indicator_column", "value_column"}

// autoValue is the value of the "automatic" option (go-app v10.1.11 drops
// an empty value attribute, and an option without one has its text as value).
const autoValue = "auto"

func hasChoice(cs []choice, v string) bool {
	for _, c := range cs {
		if c.value == v {
			return true
		}
	}
	return false
}

// formerField is the upload of a former-names table, with how many names
// it maps or why it cannot be used.
func (c *Workbench) formerField(l Lang, text string) app.UI {
	var note app.UI = app.Text("")
	if text != "" {
		m, err := region.ReadFormerNames(strings.NewReader(text))
		if err != nil {
			note = app.Span().ID("ld-former-note").Class("error").Text(diag.Message(err, string(l)))
		} else {
			note = app.Span().ID("ld-former-note").Class("note").Text(fmt.Sprintf(T(l, "ld_former_n"), len(m)))
		}
	}
	return app.Div().Class("field").Body(
		app.Label().For("ld-former").Text(T(l, "ld_former")),
		app.Input().ID("ld-former").Type("file").Accept(".csv,.txt,.json").OnChange(func(ctx app.Context, e app.Event) {
			readFirstFile(ctx, ctx.JSSrc(), func(ctx app.Context, name string, b []byte) {
				c.ws.Ingest.Set("former_names", string(b))
				c.compute(ctx)
			})
		}),
		note,
	)
}
