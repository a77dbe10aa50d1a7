package app

// Lang is a UI language: "zh" (default) or "en".
type Lang string

// Languages.
const (
	Zh Lang = "zh"
	En Lang = "en"
)

// messages maps a key to its Chinese and English text.
var messages = map[string][2]string{
	"title":         {"新质生产力指数计算器", "NQP Index calculator"},
	"subtitle":      {"数据只在本机计算，不会上传。", "Your data is computed on this device and never uploaded."},
	"load":          {"打开数据文件（CSV、TSV、XLSX）", "Open a data file (CSV, TSV, XLSX)"},
	"sample":        {"使用内置示例：省级科技面板", "Use the bundled sample: provincial S&T panel"},
	"template":      {"指标体系", "Framework"},
	"flat":          {"全部数值列（等权重）", "All numeric columns (equal weights)"},
	"period":        {"时期", "Period"},
	"rank":          {"排名", "Rank"},
	"unit":          {"地区", "Unit"},
	"rank_change":   {"较上期", "vs. previous period"},
	"group":         {"区域", "Region"},
	"group_rank":    {"区域内排名", "Rank in region"},
	"report":        {"问题报告", "Problems"},
	"weights":       {"权重", "Weights"},
	"code":          {"代码", "Code"},
	"name":          {"名称", "Name"},
	"effective":     {"综合权重", "Effective weight"},
	"relative":      {"组内权重", "Relative weight"},
	"loading":       {"正在读取……", "Loading…"},
	"stage_wait":    {"等待计算引擎……", "Waiting for the engine…"},
	"stage_read":    {"第 1 步，共 3 步：读取并检查数据", "Step 1 of 3: reading and checking the data"},
	"stage_score":   {"第 2 步，共 3 步：标准化、赋权、汇总", "Step 2 of 3: normalising, weighting, aggregating"},
	"stage_analyse": {"第 2 步，共 3 步：进行所选分析", "Step 2 of 3: running the chosen analyses"},
	"stage_send":    {"第 3 步，共 3 步：显示结果", "Step 3 of 3: showing the results"},
	"computing":     {"正在计算……（在后台线程中进行，页面可继续使用）", "Computing… (in a background thread; the page stays usable)"},
	"cancel":        {"取消", "Cancel"},
	"no_data":       {"尚未加载数据。", "No data loaded yet."},
	"summary":       {"%s：%d 个地区，%d 个时期，%d 个指标。", "%s: %d units, %d periods, %d indicators."},
	"recipe":        {"配方：熵值法（面板整体）+ min-max [0,1] + 加权求和 ×100", "Recipe: pooled entropy + min-max [0,1] + weighted sum ×100"},
	"language":      {"English", "中文"},
	"download_csv":  {"下载结果 CSV", "Download CSV"},
	"download_json": {"下载结果 JSON（含配方）", "Download JSON (with the recipe)"},
	"step_data":     {"1. 数据", "1. Data"},
	"step_fw":       {"2. 指标体系", "2. Framework"},
	"step_method":   {"3. 方法", "3. Method"},
	"step_results":  {"4. 结果", "4. Results"},
	"drop":          {"把文件拖到这里，或粘贴从 Excel/WPS 复制的表格：", "Drop a file here, or paste a table copied from Excel/WPS:"},
	"paste_go":      {"使用粘贴的表格", "Use the pasted table"},
	"preset":        {"预设", "Preset"},
	"p_nqp":         {"新质生产力标准：面板熵值法 + 加权求和 ×100", "NQP standard: pooled-panel entropy + weighted sum ×100"},
	"p_coinr":       {"OECD/COINr：min-max [0,100] + 算术平均", "OECD/COINr: min-max [0,100] + arithmetic mean"},
	"normalise":     {"标准化", "Normalisation"},
	"scope":         {"标准化范围", "Scope"},
	"s_global":      {"全部时期合并（可跨期比较）", "All periods pooled (comparable over time)"},
	"s_period":      {"逐期", "Each period"},
	"wmethod":       {"赋权方法", "Weights"},
	"w_entropy":     {"熵值法", "Entropy"},
	"w_critic":      {"CRITIC", "CRITIC"},
	"w_cv":          {"变异系数法", "Coefficient of variation"},
	"w_sd":          {"标准差法", "Standard deviation"},
	"w_equal":       {"等权重", "Equal"},
	"w_manual":      {"指标体系中的权重", "Framework weights"},
	"variant":       {"熵值法方案", "Entropy variant"},
	"v_pooled":      {"面板整体（加入时间变量）", "Pooled panel (with time)"},
	"v_perperiod":   {"逐期权重", "Per-period weights"},
	"v_mean":        {"逐期权重取平均", "Per-period weights, averaged"},
	"zero_rule":     {"零值处理", "Zero rule"},
	"z_zero":        {"0·ln0 = 0", "0·ln0 = 0"},
	"z_shift":       {"平移 δ = 0.0001", "Shift δ = 0.0001"},
	"z_rescale":     {"区间化 [0.002, 0.998]", "Rescale to [0.002, 0.998]"},
	"aggregate":     {"汇总方法", "Aggregation"},
	"a_amean":       {"加权算术平均", "Weighted arithmetic mean"},
	"a_gmean":       {"加权几何平均", "Weighted geometric mean"},
	"show_recipe":   {"查看配方（JSON）", "Show the recipe (JSON)"},
	"dl_recipe":     {"下载配方", "Download the recipe"},
	"save_project":  {"保存项目文件", "Save the project file"},
	"open_project":  {"打开项目文件（.json）", "Open a project file (.json)"},
	"clear":         {"清除本机保存的全部数据", "Clear all data saved on this device"},
	"restore_lost":  {"上次保存的数据无法读回，已改为打开示例数据。", "The data saved last time could not be read back; the sample is open instead."},
	"cleared":       {"已清除本机保存的数据。", "Local data cleared."},
	"saved_note":    {"当前工作会自动保存在本机浏览器中，刷新或关闭后可恢复。", "Your work is saved in this browser automatically and restored after a reload."},
	"too_big":       {"数据较大，无法自动保存在浏览器中（刷新后需重新打开文件）。", "The data is too large to be saved in the browser automatically (reopen the file after a reload)."},
}

// addMessages adds a view's messages to the catalogue; each view file
// registers its own in an init function. A key defined twice panics at
// start-up, so a clash cannot go unnoticed.
func addMessages(m map[string][2]string) {
	for k, v := range m {
		if _, dup := messages[k]; dup {
			panic("app: message key defined twice: " + k)
		}
		messages[k] = v
	}
}

// T returns the message for key in lang; unknown keys are returned as is.
func T(lang Lang, key string) string {
	m, ok := messages[key]
	if !ok {
		return key
	}
	if lang == En {
		return m[1]
	}
	return m[0]
}
