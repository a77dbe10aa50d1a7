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
	"group":         {"区域", "Region"},
	"group_rank":    {"区域内排名", "Rank in region"},
	"report":        {"问题报告", "Problems"},
	"weights":       {"权重", "Weights"},
	"code":          {"代码", "Code"},
	"name":          {"名称", "Name"},
	"effective":     {"综合权重", "Effective weight"},
	"relative":      {"组内权重", "Relative weight"},
	"loading":       {"正在读取……", "Loading…"},
	"no_data":       {"尚未加载数据。", "No data loaded yet."},
	"summary":       {"%s：%d 个地区，%d 个时期，%d 个指标。", "%s: %d units, %d periods, %d indicators."},
	"recipe":        {"配方：熵值法（面板整体）+ min-max [0,1] + 加权求和 ×100", "Recipe: pooled entropy + min-max [0,1] + weighted sum ×100"},
	"language":      {"English", "中文"},
	"download_csv":  {"下载结果 CSV", "Download CSV"},
	"download_json": {"下载结果 JSON（含配方）", "Download JSON (with the recipe)"},
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
