package app

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/nqp-index/nqp/scoring/export"
	"github.com/nqp-index/nqp/scoring/pipeline"
)

func init() {
	addMessages(map[string][2]string{
		"step_export":   {"导出", "Export"},
		"exp_note":      {"所有文件都在本机生成。", "Every file is made on this device."},
		"exp_xlsx":      {"下载 Excel 工作簿（全部表格、配方与方法说明）", "Download the Excel workbook (all tables, the recipe and notes on the methods)"},
		"exp_xlsx_busy": {"正在后台生成工作簿……", "Building the workbook in the background…"},
		"exp_csv":       {"下载得分 CSV（UTF-8，带 BOM）", "Download the scores CSV (UTF-8 with BOM)"},
		"exp_recipe":    {"下载配方 JSON", "Download the recipe JSON"},
		"exp_print":     {"打印报告（A4）", "Print the report (A4)"},
		"rep_title":     {"新质生产力指数报告", "NQP Index report"},
		"rep_data":      {"数据", "Data"},
		"rep_method":    {"方法", "Method"},
		"rep_ranking":   {"排名（%s）", "Ranking (%s)"},
		"rep_summary":   {"%s：%d 个地区，%d 个时期，%d 个指标。", "%s: %d units, %d periods, %d indicators."},
	})
}

// JobXLSX is the Job kind that also builds the XLSX workbook.
const JobXLSX = "xlsx"

// ExportState is step 8.
type ExportState struct {
	Busy     bool // the workbook is being built
	JSONBusy bool // the result JSON is being written
	Err      string
}

// methodNotes describes the recipe's steps in Chinese and English, one
// line per step.
func methodNotes(res *pipeline.Result) [][3]string {
	r := res.Recipe
	var units []string
	for _, u := range res.Units {
		units = append(units, u.Name)
	}
	periods := make([]string, len(res.Periods))
	for i, p := range res.Periods {
		periods[i] = p.Label
	}
	scale := 100.0
	if r.Aggregate.Scale != nil {
		scale = *r.Aggregate.Scale
	}
	normZh := map[string]string{
		pipeline.MinMax:    "极差标准化（min-max）：正向 y = (x − min)/(max − min)，负向 y = (max − x)/(max − min)，再映射到 [lower, upper]",
		pipeline.ZScore:    "Z 分数标准化：y = (x − 均值)/标准差（样本标准差，n − 1），负向指标先取相反数",
		pipeline.Goalposts: "目标值法（goalposts）：y = (x − 下限)/(上限 − 下限)，按设置截断到 [0, 1]",
	}
	normEn := map[string]string{
		pipeline.MinMax:    "min-max: y = (x − min)/(max − min) for positive, (max − x)/(max − min) for negative indicators, mapped to [lower, upper]",
		pipeline.ZScore:    "z-score: y = (x − mean)/sd (sample sd, n − 1); negative indicators are negated first",
		pipeline.Goalposts: "goalposts: y = (x − lower)/(upper − lower), truncated to [0, 1] if set",
	}
	wZh := map[string]string{
		pipeline.WEntropy: "熵值法：p_ij = y_ij/Σ_i y_ij，e_j = −(1/ln n) Σ_i p_ij ln p_ij，w_j = (1 − e_j)/Σ_k (1 − e_k)",
		pipeline.WCRITIC:  "CRITIC：C_j = σ_j Σ_k (1 − r_jk)，w_j = C_j/Σ C_k",
		pipeline.WEqual:   "等权重：同一组内各节点权重相等",
		pipeline.WManual:  "指标体系中给定的权重（组内归一化）",
		pipeline.WCV:      "变异系数法：w_j ∝ σ_j/|均值_j|",
		pipeline.WSD:      "标准差法：w_j ∝ σ_j",
	}
	wEn := map[string]string{
		pipeline.WEntropy: "entropy: p_ij = y_ij/Σ_i y_ij, e_j = −(1/ln n) Σ_i p_ij ln p_ij, w_j = (1 − e_j)/Σ_k (1 − e_k)",
		pipeline.WCRITIC:  "CRITIC: C_j = σ_j Σ_k (1 − r_jk), w_j = C_j/Σ C_k",
		pipeline.WEqual:   "equal weights within each group",
		pipeline.WManual:  "the framework's weights (rescaled within each group)",
		pipeline.WCV:      "coefficient of variation: w_j ∝ σ_j/|mean_j|",
		pipeline.WSD:      "standard deviation: w_j ∝ σ_j",
	}
	aZh := map[string]string{
		pipeline.AMean: "加权算术平均，逐层自下而上：S = Σ w_i y_i / Σ w_i（缺失的下级不计入，权重重新归一）",
		pipeline.GMean: "加权几何平均，逐层自下而上：S = exp(Σ w_i ln y_i / Σ w_i)",
	}
	aEn := map[string]string{
		pipeline.AMean: "weighted arithmetic mean, level by level: S = Σ w_i y_i / Σ w_i (missing children are skipped and the weights renormalised)",
		pipeline.GMean: "weighted geometric mean, level by level: S = exp(Σ w_i ln y_i / Σ w_i)",
	}
	or := func(m map[string]string, k string) string {
		if s, ok := m[k]; ok {
			return s
		}
		return k
	}
	return [][3]string{
		{"data", fmt.Sprintf("%d 个地区，%d 个时期（%s），%d 个指标", len(res.Units), len(res.Periods), strings.Join(periods, "、"), len(res.Indicators)),
			fmt.Sprintf("%d units, %d periods (%s), %d indicators", len(res.Units), len(res.Periods), strings.Join(periods, ", "), len(res.Indicators))},
		{"normalise", "标准化：" + or(normZh, r.Normalise.Method) + "；范围：" + r.Normalise.Scope, "normalisation: " + or(normEn, r.Normalise.Method) + "; scope: " + r.Normalise.Scope},
		{"weights", "赋权：" + or(wZh, r.Weights.Method), "weights: " + or(wEn, r.Weights.Method)},
		{"aggregate", "汇总：" + or(aZh, r.Aggregate.Method) + "；得分乘以 " + strconv.FormatFloat(scale, 'g', -1, 64), "aggregation: " + or(aEn, r.Aggregate.Method) + "; scores multiplied by " + strconv.FormatFloat(scale, 'g', -1, 64)},
		{"rank", "排名：每个时期内按综合指数从高到低，并列取较小名次", "ranks: within each period by the index, highest first; ties share the better rank"},
		{"recipe", "完整配方见 recipe 工作表（JSON），可用本工具或命令行 nqp 重现全部结果", "the full recipe is in the recipe sheet (JSON); this tool or the nqp command line reproduces every result from it"},
		{"privacy", "本工作簿在用户本机浏览器中生成，数据未上传", "this workbook was made in the user's browser; the data were not uploaded"},
	}
}

// notesTable is the notes sheet.
func notesTable(res *pipeline.Result) export.Table {
	t := export.Table{Name: "notes", Title: "方法说明 / Notes on the methods", Header: []string{"topic", "说明", "Notes"}}
	for _, n := range methodNotes(res) {
		t.Rows = append(t.Rows, []any{n[0], n[1], n[2]})
	}
	return t
}

// downloadXLSX builds the workbook in the side worker and offers it.
func (c *Workbench) downloadXLSX(ctx app.Context) {
	if c.ws.Data == nil || c.ws.Exports.Busy {
		return
	}
	j := c.ws.Job()
	j.Kind, j.Lang = JobXLSX, c.lang()
	c.ws.Exports.Busy, c.ws.Exports.Err = true, ""
	c.sideJob(j, func(ctx app.Context, o Outcome) {
		c.ws.Exports.Busy = false
		if len(o.XLSX) == 0 {
			c.ws.Exports.Err = firstError(o.Report, c.lang())
			return
		}
		download(ctx, "nqp-workbook.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", o.XLSX)
	})
}

// downloadJSON has the engine write the full result as JSON (the
// outcome the page holds lacks the intermediate tables) and offers it.
func (c *Workbench) downloadJSON(ctx app.Context) {
	if c.ws.Data == nil || c.ws.Exports.JSONBusy {
		return
	}
	j := c.ws.Job()
	j.Kind = JobJSON
	c.ws.Exports.JSONBusy, c.ws.Exports.Err = true, ""
	c.sideJob(j, func(ctx app.Context, o Outcome) {
		c.ws.Exports.JSONBusy = false
		if len(o.JSON) == 0 {
			c.ws.Exports.Err = firstError(o.Report, c.lang())
			return
		}
		download(ctx, "nqp-result.json", "application/json", o.JSON)
	})
}

// exportSection is step 8, with the printable report.
func (c *Workbench) exportSection(l Lang) app.UI {
	if c.ws.Result == nil {
		return app.Text("")
	}
	st := c.ws.Exports
	xlsxLabel := T(l, "exp_xlsx")
	if st.Busy {
		xlsxLabel = T(l, "exp_xlsx_busy")
	}
	body := []app.UI{
		app.H2().Text(T(l, "step_export")),
		app.P().Class("note").Text(T(l, "exp_note")),
		app.Div().Class("downloads controls").Body(
			app.Button().ID("dl-xlsx").Text(xlsxLabel).Disabled(st.Busy).OnClick(func(ctx app.Context, e app.Event) { c.downloadXLSX(ctx) }),
			app.Button().ID("export-csv").Text(T(l, "exp_csv")).OnClick(func(ctx app.Context, e app.Event) {
				download(ctx, "nqp-scores.csv", "text/csv", c.ws.CSV())
			}),
			app.Button().ID("export-recipe").Text(T(l, "exp_recipe")).OnClick(func(ctx app.Context, e app.Event) {
				download(ctx, "nqp-recipe.json", "application/json", c.ws.RecipeJSON())
			}),
			app.Button().ID("print").Text(T(l, "exp_print")).OnClick(func(ctx app.Context, e app.Event) {
				app.Window().Call("print")
			}),
		),
	}
	if st.Err != "" {
		body = append(body, app.P().Class("error").Text(st.Err))
	}
	body = append(body, c.printReport(l))
	return app.Section().ID("export").Body(body...)
}

// printReport is the A4 report: shown only when printing (print.css).
func (c *Workbench) printReport(l Lang) app.UI {
	res := c.ws.Result
	ui := []app.UI{app.H1().Text(T(l, "rep_title"))}
	if s := c.ws.Summary; s != nil {
		ui = append(ui, app.H2().Text(T(l, "rep_data")), app.P().Text(fmt.Sprintf(T(l, "rep_summary"), s.File, s.Units, s.Periods, len(res.Indicators))))
	}
	var method []app.UI
	for _, n := range methodNotes(res)[1:5] {
		t := n[1]
		if l == En {
			t = n[2]
		}
		method = append(method, app.Li().Text(t))
	}
	ui = append(ui, app.H2().Text(T(l, "rep_method")), app.Ul().Body(method...))
	rows := c.ws.Ranking()
	head := []app.UI{app.Th().Text(T(l, "rank")), app.Th().Text(T(l, "unit"))}
	for _, a := range res.Aggregates {
		head = append(head, app.Th().Text(res.Framework.Node(a).Name(string(l))))
	}
	ui = append(ui, app.H2().Text(fmt.Sprintf(T(l, "rep_ranking"), c.periodLabel())),
		app.Table().Class("report-ranking").Body(
			app.THead().Body(app.Tr().Body(head...)),
			app.TBody().Body(app.Range(rows).Slice(func(i int) app.UI {
				r := rows[i]
				cells := []app.UI{app.Td().Text(fmtRank(r.Rank)), app.Td().Text(r.Name)}
				for _, v := range r.Scores {
					cells = append(cells, app.Td().Class("num").Text(fmtScore(v)))
				}
				return app.Tr().Body(cells...)
			})),
		))
	if len(res.Weights) > 0 {
		nodes := res.Weights[len(res.Weights)-1].Nodes
		ui = append(ui, app.H2().Text(T(l, "weights")), app.Table().Class("report-weights").Body(
			app.THead().Body(app.Tr().Body(app.Th().Text(T(l, "code")), app.Th().Text(T(l, "name")), app.Th().Text(T(l, "relative")), app.Th().Text(T(l, "effective")))),
			app.TBody().Body(app.Range(nodes).Slice(func(i int) app.UI {
				n := nodes[i]
				return app.Tr().Body(app.Td().Text(n.Code), app.Td().Text(res.Framework.Node(n.Code).Name(string(l))),
					app.Td().Class("num").Text(strconv.FormatFloat(n.Relative, 'f', 4, 64)),
					app.Td().Class("num").Text(strconv.FormatFloat(n.Effective, 'f', 4, 64)))
			})),
		))
	}
	return app.Div().ID("print-report").Class("print-only").Body(ui...)
}
