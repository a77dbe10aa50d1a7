package docs

import (
	"fmt"
	"html"
	"sort"
	"strings"

	"github.com/nqp-index/nqp/scoring/framework"
	"github.com/nqp-index/nqp/scoring/sample"
)

const css = `:root{color-scheme:light;--red:#b3261e;--ink:#1d1b1a;--mute:#5f5a57;--line:#ddd6d2}
*{box-sizing:border-box}
body{margin:0;font:16px/1.65 system-ui,-apple-system,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;color:var(--ink);background:#fff}
header{background:var(--red)}
header ul{display:flex;flex-wrap:wrap;gap:.25rem 1.1rem;list-style:none;margin:0 auto;padding:.7rem 1rem;max-width:60rem}
header a{color:#fff;text-decoration:none;font-weight:600}
header a:hover,header a:focus{text-decoration:underline}
main{max-width:60rem;margin:0 auto;padding:1rem 1rem 3rem}
h1{color:var(--red);line-height:1.3}
h2,h3{line-height:1.35;margin-top:2rem}
a{color:#8c1d18}
table{border-collapse:collapse;margin:1rem 0;display:block;overflow-x:auto}
th,td{border:1px solid var(--line);padding:.35rem .6rem;text-align:left;vertical-align:top}
th{background:#f6f1ee}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.92em}
pre{background:#f6f1ee;padding:.8rem;overflow-x:auto}
math{font-size:1.05em}
math[display=block]{margin:.6rem 0}
footer{border-top:1px solid var(--line);color:var(--mute);max-width:60rem;margin:0 auto;padding:1rem}
.formula{overflow-x:auto}
`

func chooser() string {
	return `<p lang="zh-CN"><a href="/docs/zh/">中文文档</a>：快速开始、数据格式与模板、方法与公式、内置指标体系、隐私说明、更新日志。</p>
<p lang="en"><a href="/docs/en/">English documentation</a>: getting started, data format and templates, methods and formulas, built-in frameworks, privacy, changelog.</p>`
}

func indexBody(lang string) string {
	items := []struct{ slug, zh, en, dzh, den string }{
		{"start", "快速开始", "Getting started", "三分钟完成第一次计算。", "Your first index in three minutes."},
		{"data", "数据格式与模板", "Data format and templates", "文件格式、布局、编码，可下载的 CSV 模板。", "File formats, layouts, encodings; downloadable CSV templates."},
		{"methods", "方法与公式", "Methods and formulas", "标准化、赋权、汇总、预处理与分析方法的公式。", "Formulas of every normalisation, weighting, aggregation, pre-step and analysis."},
		{"frameworks", "内置指标体系", "Built-in frameworks", "三个内置新质生产力指标体系的全部指标。", "Every indicator of the three built-in NQP frameworks."},
		{"privacy", "隐私说明", "Privacy", "发送什么、不发送什么。", "What is and is not sent."},
		{"changelog", "更新日志", "Changelog", "版本变化。", "What changed."},
	}
	var b strings.Builder
	b.WriteString("<ul>")
	for _, it := range items {
		fmt.Fprintf(&b, `<li><a href="/docs/%s/%s/">%s</a>：%s</li>`, lang, it.slug, tr(lang, it.zh, it.en), tr(lang, it.dzh, it.den))
	}
	b.WriteString("</ul>")
	s := b.String()
	if lang == "en" {
		s = strings.ReplaceAll(s, "</a>：", "</a>: ")
	}
	return s
}

func startBody(lang string) string {
	if lang == "en" {
		return `<ol>
<li>Open the calculator (<a href="/">the start page</a>). It opens with a bundled sample: the 31 provinces' S&amp;T panel scored with the “drivers” framework, ranked for the latest year.</li>
<li>Load your own data: choose a CSV or XLSX file, drag it onto the page, or paste a table copied from Excel. The data format is described in <a href="/docs/en/data/">Data format</a>; templates are there to download.</li>
<li>Choose a framework (a built-in template, your own framework file, or none: every numeric column becomes an indicator) and a method (normalisation, weights, aggregation; presets such as “NQP standard” and “COINr”).</li>
<li>Read the ranking, the weights and every intermediate table; download the results (CSV, XLSX) and the recipe (JSON) that reproduces them with the <code>nqp</code> command line tool.</li>
</ol>
<p>After the first visit the calculator works offline: the page, the engine and these documents are kept by your browser. When a new version is published, the page offers to reload.</p>
<p>Command line: <code>go run ./cmd/nqp score -sample</code> gives the same numbers as the page.</p>`
	}
	return `<ol>
<li>打开<a href="/">计算器</a>。首页自带示例：31 个省份的科技面板，按“驱动因素”指标体系计算，并显示最新年份的排名。</li>
<li>载入你的数据：选择 CSV 或 XLSX 文件，拖放到页面上，或粘贴从 Excel 复制的表格。数据格式见<a href="/docs/zh/data/">数据格式</a>，那里可以下载模板。</li>
<li>选择指标体系（内置模板、自己的指标体系文件，或不指定：所有数值列都作为指标）和方法（标准化、赋权、汇总；也可用“NQP 标准”“COINr”等预设）。</li>
<li>查看排名、权重和每一步的中间表；下载结果（CSV、XLSX）和配方（JSON），用 <code>nqp</code> 命令行工具可以逐字节复现。</li>
</ol>
<p>第一次访问之后，计算器可以离线使用：页面、计算引擎和这些文档都保存在浏览器中。发布新版本时，页面会提示你重新加载。</p>
<p>命令行：<code>go run ./cmd/nqp score -sample</code> 与页面给出相同的结果。</p>`
}

func dataBody(lang string, files map[string][]byte) string {
	var names []string
	for k := range files {
		names = append(names, k)
	}
	sort.Strings(names)
	var dl strings.Builder
	dl.WriteString("<ul>")
	for _, n := range names {
		label := n[strings.LastIndex(n, "/")+1:]
		what := ""
		switch {
		case strings.HasSuffix(label, "-data.csv"):
			what = tr(lang, "数据模板：按列填入各地区、各年份的指标值", "data template: fill in one row per region and year")
		case strings.HasSuffix(label, "-imeta.csv"):
			what = tr(lang, "指标体系（COINr iMeta 格式），可修改后作为自己的指标体系载入", "the framework as a COINr iMeta table, to edit and load as your own")
		case label == sample.TechmePanelName:
			what = tr(lang, "内置示例数据（省级科技面板）", "the bundled sample (provincial S&T panel)")
		}
		fmt.Fprintf(&dl, `<li><a href="%s" download>%s</a>（%d KB）：%s</li>`, n, html.EscapeString(label), (len(files[n])+1023)/1024, what)
	}
	dl.WriteString("</ul>")
	d := dl.String()
	if lang == "en" {
		d = strings.ReplaceAll(strings.ReplaceAll(d, "（", " ("), "）：", "): ")
		return `<h2>Files</h2>
<ul><li>CSV, TSV/TXT and XLSX (the first sheet, or a chosen one).</li>
<li>Layouts: <strong>wide</strong> (one row per region, or per region and period, one column per indicator) or <strong>long</strong> (region, period, indicator, value), detected automatically.</li>
<li>Encodings: UTF-8 (with or without BOM), GB18030/GBK, UTF-16 with BOM, detected automatically. GB18030 is used only when it explains the whole file better than UTF-8 (fewer lines that read badly); a UTF-8 file with a few GBK lines stays UTF-8, and each such line is reported with its row and its bytes (e.g. \xC9\xCF\xBA\xA3).</li></ul>
<h2>Columns</h2>
<ul><li>The region column and the period column are found by name (地区, 省份, region, uCode…; 年份, year, Time…). Province names are matched in any common form (北京市, 北京, 京, 110000, Beijing). Prefectures and counties are matched against the NBS 2023 division codes (嘉善县, 嘉善, 330421, 3304 for 嘉兴市); a name shared by several places (朝阳区) is told apart by a province or prefecture column, or listed with its candidates; former names (襄樊 → 襄阳) take a mapping file in the load options. Each unit then has its prefecture and province, for group ranks and Dagum/Theil decompositions.</li>
<li>Periods may be years, quarters (2024Q1, 2024年一季度) or months, and are sorted in time order.</li>
<li>Numbers may have thousands separators, full-width digits, percent signs or a unicode minus; NA, -, —, 无 and #N/A are missing values. NaN, Inf and 1e999 are not: each such cell is named by row and column. In a semicolon-delimited file a decimal comma (6,83) is detected automatically.</li>
<li>Limits: a file of at most 256 MB and 50 million cells; an XLSX workbook may unpack to at most 64 MB with at most 3 million cells a sheet (a bigger table can be saved as CSV). The server API (<code>/api/v1/</code>) takes requests of up to 32 MB (413 beyond), workbooks unpacking to 8 MB and 4 million cells, and computes two requests at a time (429 with Retry-After beyond).</li>
<li>Every column is accounted for in the check step (and by <code>nqp inspect</code>): region, code, period, group (a text column), indicator, or not used with its reason — n of m cells are not numbers (with the first one), all cells missing, period-like (named 年份, year, 时间, 年度, period… or holding only years: never an indicator), or not in the framework.</li>
<li>Indicator columns are matched to the framework by code, name and aliases; unmatched indicators are listed and the index is computed with those present. On new data the previous framework is kept only if it matches at least half of the numeric columns, else every numeric column is used (said on the page, with one click back); columns whose names say smaller is better (energy per GDP, emissions, unemployment, cost, NPL…) are then guessed negative, to be confirmed.</li></ul>
<p>Every problem is reported with file, row, column and the offending text.</p>
<h2>Templates to download</h2>` + d
	}
	return `<h2>文件</h2>
<ul><li>CSV、TSV/TXT 和 XLSX（第一个工作表，或指定的工作表）。</li>
<li>布局：<strong>宽表</strong>（每个地区一行，或每个地区—年份一行，每个指标一列）或<strong>长表</strong>（地区、时期、指标、数值），自动识别。</li>
<li>编码：UTF-8（有无 BOM 均可）、GB18030/GBK、带 BOM 的 UTF-16，自动识别。只有当 GB18030 能比 UTF-8 更好地解释整个文件（读不通的行更少）时才按 GB18030 读取；UTF-8 文件中个别 GBK 行仍按 UTF-8 读取全文件，并逐行报告行号和字节（如 \xC9\xCF\xBA\xA3）。</li></ul>
<h2>列</h2>
<ul><li>地区列和时期列按列名识别（地区、省份、region、uCode……；年份、year、Time……）。省份名称的各种常见写法都能匹配（北京市、北京、京、110000、Beijing）。地级市和县级地区按国家统计局 2023 年区划代码识别（嘉善县、嘉善、330421，3304 即嘉兴市）；重名（朝阳区）用省份或地级市列区分，否则列出候选；曾用名（襄樊 → 襄阳）可在读取选项中上传对照表。每个地区由此带有所属地级市和省份，可用于组内排名和 Dagum、Theil 分解。</li>
<li>时期可以是年份、季度（2024Q1、2024年一季度）或月份，按时间顺序排列。</li>
<li>数字可带千位分隔符、全角数字、百分号或 Unicode 负号；NA、-、—、无、#N/A 视为缺失。NaN、Inf、1e999 不视为缺失值，每个这样的单元格都按行、列报告。分号分隔的文件会自动识别小数逗号（6,83）。</li>
<li>上限：文件不超过 256 MB、5000 万个单元格；XLSX 工作簿解压后不超过 64 MB，每个工作表不超过 300 万个单元格（更大的表格可另存为 CSV）。服务器接口（<code>/api/v1/</code>）的请求不超过 32 MB（超过返回 413），工作簿解压后不超过 8 MB、400 万个单元格，同时计算两个请求（更多时返回 429 并附 Retry-After）。</li>
<li>每一列都有交代：“数据检查”（及 <code>nqp inspect</code>）列出每列的用途——地区、代码、时期、分组（文本列）、指标，或未使用及其原因：m 个单元格中有 n 个不是数字（并给出首个）、全部缺失、像时期的列（列名为年份、year、时间、年度、period……或只含年份，绝不作为指标）、不在指标体系中。</li>
<li>指标列按代码、名称和别名与指标体系匹配；找不到的指标会列出，并用已有的指标计算。载入新数据时，之前的指标体系只在对应至少一半数值列时沿用，否则使用全部数值列（页面上有说明，可一键改回）；此时名称表明越小越好的列（能耗、排放、失业率、成本、不良率……）推测为负向，请确认。</li></ul>
<p>每个问题都会报告文件、行、列和出错的原文。</p>
<h2>模板下载</h2>` + d
}

func frameworksBody(lang string) string {
	var b strings.Builder
	for _, t := range framework.Templates() {
		fw, err := framework.Template(t.Name)
		if err != nil {
			continue
		}
		fmt.Fprintf(&b, `<h2 id="%s">%s</h2><p><code>%s</code> · v%s · %s</p>`, t.Name, html.EscapeString(tr(lang, t.TitleZh, t.TitleEn)), t.Name, t.Version, html.EscapeString(tr(lang, t.DescZh, t.DescEn)))
		fmt.Fprintf(&b, `<table><thead><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr></thead><tbody>`,
			tr(lang, "层级", "Level"), tr(lang, "代码", "Code"), tr(lang, "名称", "Name"), tr(lang, "单位", "Unit"), tr(lang, "方向", "Direction"))
		fw.Walk(func(code string, depth int) {
			n := fw.Node(code)
			dir := ""
			if fw.IsLeaf(code) {
				dir = n.Direction.Kind.String()
				if n.Direction.Sign() < 0 {
					dir = tr(lang, "负向", "negative")
				} else if dir == "positive" || dir == "" {
					dir = tr(lang, "正向", "positive")
				}
			}
			name := n.Name(lang)
			fmt.Fprintf(&b, `<tr><td>%d</td><td><code>%s</code></td><td>%s%s</td><td>%s</td><td>%s</td></tr>`,
				depth, html.EscapeString(code), strings.Repeat("　", depth), html.EscapeString(name), html.EscapeString(n.Unit), html.EscapeString(dir))
		})
		b.WriteString("</tbody></table>")
		fmt.Fprintf(&b, `<p><a href="/docs/templates/%s-data.csv" download>%s</a> · <a href="/docs/templates/%s-imeta.csv" download>%s</a></p>`,
			t.Name, tr(lang, "数据模板", "data template"), t.Name, tr(lang, "指标体系文件", "framework file"))
	}
	return b.String()
}

func privacyBody(lang string) string {
	if lang == "en" {
		return `<p><strong>Your data never leaves your device.</strong> The calculator is a set of static files; the computation runs in your browser, in WebAssembly.</p>
<h2>What is sent</h2>
<ul><li>Requests for the site's own files (the page, its scripts, the page <code>app.wasm</code> and the engine <code>engine.wasm</code>, styles, icons, these documents), to the server you loaded the site from, on the first visit and when checking for a new version. These are ordinary page requests; they carry no data you entered.</li></ul>
<h2>What is not sent</h2>
<ul><li>Your data files, pasted tables, frameworks, recipes and results: read and computed locally, never uploaded.</li>
<li>No analytics, no tracking, no cookies, no fonts or libraries from other servers, no advertising.</li>
<li>The browser is told to refuse any other destination: the Content-Security-Policy allows connections to the site itself only (<code>connect-src 'self'</code>), and the Referrer-Policy is <code>no-referrer</code>.</li></ul>
<h2>What is stored on your device</h2>
<ul><li>Your current session, so that it survives a reload: the data file in the browser's IndexedDB, the settings (framework, recipe, load options, chart choices, language) in its local storage. Results are not stored; they are computed again. “Clear all local data” in the calculator removes both.</li>
<li>A frozen model, if you freeze one, in local storage (until you clear it).</li>
<li>The site's files in the service worker's cache, so that it works offline.</li></ul>
<p>The optional server API (<code>/api/v1/</code>, only on a Cloudflare Worker deployment) is never called by the browser app; it exists for institutions that send their own data to their own deployment.</p>`
	}
	return `<p><strong>你的数据不会离开你的设备。</strong>计算器是一组静态文件，所有计算都在你的浏览器中（WebAssembly）完成。</p>
<h2>会发送什么</h2>
<ul><li>向你打开本站的那台服务器请求本站自己的文件（页面、脚本、页面 <code>app.wasm</code> 与计算引擎 <code>engine.wasm</code>、样式、图标、这些文档）：首次访问时，以及检查新版本时。这些是普通的页面请求，不包含你输入的任何数据。</li></ul>
<h2>不会发送什么</h2>
<ul><li>你的数据文件、粘贴的表格、指标体系、配方和结果：都在本地读取和计算，从不上传。</li>
<li>没有统计分析、没有跟踪、没有 Cookie、不从其他服务器加载字体或脚本库、没有广告。</li>
<li>浏览器被要求拒绝任何其他目的地：内容安全策略只允许连接本站（<code>connect-src 'self'</code>），引用来源策略为 <code>no-referrer</code>。</li></ul>
<h2>在你的设备上保存什么</h2>
<ul><li>当前会话，刷新后仍在：数据文件保存在浏览器的 IndexedDB 中，设置（指标体系、配方、读取选项、图表选择、语言）保存在本地存储（localStorage）中。结果不保存，重新打开时重新计算。计算器中的“清除所有本地数据”会删除这两处的内容。</li>
<li>若你固化了模型，模型保存在本地存储中（直到清除）。</li>
<li>本站文件保存在 Service Worker 缓存中，以便离线使用。</li></ul>
<p>可选的服务器接口（<code>/api/v1/</code>，仅在 Cloudflare Worker 部署中存在）从不被浏览器端调用；它供机构把自己的数据发送到自己的部署中自动计算。</p>`
}

// changelog entries, newest first (zh, en).
var changelog = [][3]string{
	{"2026.3", "nqp score 的内存不超过文件大小的 3 倍：计算中同时只保留两份逐单元格的矩阵（原为五份），垃圾回收的软上限随文件大小而定（2 倍文件大小，至少 32 MiB；设置了 GOMEMLIMIT 时不改）；20.4 MB 的县级面板峰值由 85–94 MB 降至 51–58 MB，结果逐字节不变。",
		"nqp score stays within 3 × the file size: at most two per-cell matrices are alive at once (was five), and the collector's soft memory limit follows the file size (2 × the file, at least 32 MiB; left alone when GOMEMLIMIT is set); the 20.4 MB county panel peaks at 51–58 MB instead of 85–94 MB, results byte-identical."},
	{"2026.3", "大文件更省内存：CSV 读取不再复制整个文件、不再保存每个单元格的文本；nqp score 只生成要输出的表，-o json 边算边写；20 MB 的县级面板峰值内存由 141 MB（-o json 为 421 MB）降至约 85–94 MB，结果逐字节不变。",
		"Less memory for large files: reading a CSV no longer copies the file or keeps every cell's text; nqp score builds only the tables it outputs and streams -o json; on the 20 MB county panel the peak falls from 141 MB (421 MB with -o json) to about 85–94 MB, results byte-identical."},
	{"2026.3", "页面产生的每个配方都能被命令行严格读取：切换方法时删除旧方法的参数（如离开 dist2ref 后的 ref_unit），项目文件中当前方法不读取的键会被指明并拒绝；analyses[] 中每项的参数按分析名检查（analyses[2].foo 报出该分析可用的键，空间权重的 power/sea_link 按类型检查）；障碍度分析不能与 keep_direction 或按指标另设的标准化同用；成本型 sum 标准化对极小值精确计算，无法用双精度表示的结果（±1e308 的非负平移、次正规数的倒数）报错并指明指标、地区与取值。",
		"Every recipe the page produces is one the CLI reads strictly: switching a method drops the old method's keys (e.g. ref_unit after dist2ref), and a project file with a key its method does not read is refused by name; analyses[] entries are checked per analysis (analyses[2].foo lists that analysis's keys; spatial weights' power/sea_link by type); the obstacle analysis is refused with keep_direction or a per-indicator normalisation of another kind; cost-type sum normalisation is exact on tiny values, and a result no double can hold (non-negative shift of ±1e308, reciprocal of a subnormal) is an error naming the indicator, unit and value."},
	{"2026.3", "资源有界、输出原子化：输入边读边限（/dev/zero 与无尽管道在 256 MB 处拒绝）；XLSX 在解压前按 zip 目录与单元格计数拒绝“解压炸弹”；nqp 的每个输出先写临时文件再改名，失败时不留下任何新文件并以 1 退出、指明所要求的路径；XLSX 输出逐字节可复现；静态服务器从磁盘流式发送并设超时与连接上限；接口超限返回 413、繁忙返回 429。",
		"Bounded resources and atomic outputs: inputs limited while read (/dev/zero and endless pipes refused at 256 MB); XLSX bombs refused from the zip directory and a cell count before unpacking; every nqp output written to a temporary file and renamed, nothing new left on failure, exit 1 naming the path asked for; XLSX output byte-identical across runs; the static server streams from disk with timeouts and a connection bound; the API answers 413 over its limit and 429 when busy."},
	{"2026.3", "指标体系跟随数据：新数据只在之前的指标体系对应至少一半数值列时沿用它，否则使用全部数值列，并醒目说明、一键改回；“全部数值列”选项可用；负向指标按名称推测（单位GDP能耗、排放、失业率……）并标注“推测，请确认”；模板中的比率指标不再匹配绝对量列（示例按 7 个指标计算）；示例首次运行只给出需要处理的警告；计算失败时在结果处显示原因。",
		"The framework follows the data: on new data the previous framework is kept only if it matches at least half of the numeric columns, else every numeric column is used, said in view with one click back; the all-columns option works; negative indicators guessed from their names (energy per GDP, emissions, unemployment…) and marked for confirmation; template ratio indicators no longer match absolute columns (the sample scores 7 indicators); the sample's first run gives only warnings to act on; a failed job shows why where the results would be."},
	{"2026.3", "地级市与县级数据：按国家统计局 2023 年区划代码识别地区（全称、简称、6/4 位代码，重名按省份或地级市列区分，否则列出候选；曾用名用映射文件），每个地区带有地级市和省份，可按地级市或省份分组排名、做 Dagum 与 Theil 分解；不能进行的分析说明原因；上传空间权重矩阵 CSV 后可做县级 Moran's I，矩阵写入配方。",
		"Prefecture and county data: units matched against the NBS 2023 division codes (full or short names, 6- or 4-digit codes; shared names told apart by a province or prefecture column, else listed with their candidates; former names through a mapping file); each unit has its prefecture and province, usable for group ranks and Dagum and Theil decompositions; an analysis that cannot run says why; Moran's I for counties with an uploaded weights matrix CSV, recorded in the recipe."},
	{"2026.3", "每一列都有交代：命令行 inspect 与网页“数据检查”列出每列的用途（地区、时期、分组、指标）或未使用的原因（非数字单元格数与首个位置、全部缺失、像时期的列、不在指标体系中）；分号文件自动识别小数逗号；NaN/Inf/1e999 按行列报告；UTF-8 文件中个别 GBK 行逐行识别并报告字节，整文件按 GB18030 读取须有更充分的证据。",
		"Every column accounted for: nqp inspect and the page's check step list each column's use (unit, period, group, indicator) or why it is not used (cells that are not numbers with the first one, all missing, period-like, not in the framework); decimal commas detected in semicolon files; NaN/Inf/1e999 named by row and column; GBK lines in a UTF-8 file read and reported line by line with their bytes, and a whole file is read as GB18030 only when the evidence says so."},
	{"2026.3", "其他工具的约定成为显式选项（默认不变）：CRITIC 的 Spearman/Kendall 相关、总体标准差且负向指标不取反的 z 分数（scikit-criteria）、pymcdm 的 max 标准化、权重按给定值使用（pymcdm、scikit-criteria）、每个指标的逐期排名（COINr）；配方、nqp mcda 与方法面板中均可选择。",
		"Other tools' conventions as explicit options (defaults unchanged): CRITIC with Spearman or Kendall correlation, z-scores with the population sd and unflipped cost columns (scikit-criteria), pymcdm's max normalisation, weights used as given (pymcdm, scikit-criteria), per-period ranks of every indicator (COINr); in the recipe, nqp mcda and the method panel."},
	{"2026.2", "大数据量：2,850 个县 × 10 年 × 40 个指标（约 20 MB）从选择文件到排名约 4 秒；数据文件保存在 IndexedDB；“全部表格”查看每一张中间表（原始值、插补、异常值处理、标准化……），工作簿中也有预处理各表；方法说明链接直达对应公式；冻结模型可输入分母列；图表选择随会话保存。",
		"Large data: 2,850 counties × 10 years × 40 indicators (about 20 MB) from file to ranking in about 4 s; the data file kept in IndexedDB; “All tables” shows every intermediate table (raw, imputed, treated, normalised…), and the workbook has the pre-step tables; formula links open the exact formula; frozen models take denominator columns; chart choices are saved with the session."},
	{"2026.1", "静态站点与部署：Netlify 与 Cloudflare Worker（含 /api/v1/ 接口），离线可用，严格的安全响应头，中英文文档，可复现的构建。",
		"The site and its deployment: Netlify and a Cloudflare Worker (with the /api/v1/ API), offline-first, strict security headers, documentation in Chinese and English, reproducible builds."},
	{"2026.1", "配方中声明分析（耦合协调、障碍度、Dagum、Theil、核密度、马尔可夫、收敛、Moran、不确定性与敏感性分析），结果 JSON、XLSX 与 CSV 中包含分析表；TOPSIS 与 CRITIC 预设。",
		"Analyses declared in the recipe (coupling, obstacle degree, Dagum, Theil, KDE, Markov, convergence, Moran, UA/SA) with their tables in the result JSON, XLSX and CSV; entropy-TOPSIS and CRITIC presets."},
	{"2026.1", "方法目录：预处理（分母化、插补、筛选、异常值处理）、COINr 与文献中的全部标准化方法、多种汇总（几何/调和/广义平均、Copeland、TOPSIS、VIKOR、GRA）与赋权（PCA、AHP、组合赋权、纵横向拉开档次法、优化与加噪权重）。",
		"Method catalogue: pre-steps (denominate, impute, screen, treat), every COINr and literature normaliser, aggregations (geometric, harmonic, generalised means, Copeland, TOPSIS, VIKOR, GRA) and weights (PCA, AHP, combination, 纵横向拉开档次法, optimised and noisy weights)."},
	{"2026.1", "浏览器工作台：示例数据或自己的文件、方法面板与预设、配方下载、本地保存与恢复；计算引擎在 Web Worker 中运行。",
		"Browser workbench: the sample or your own file, a method panel with presets, recipe download, local persistence; the engine runs in a Web Worker."},
	{"2026.1", "计算引擎与 nqp 命令行：读取 CSV/XLSX、内置指标体系、熵值法/CRITIC/变异系数法、逐层汇总、排名，与 COINr 的结果核对一致。",
		"Engine and the nqp CLI: CSV/XLSX ingest, built-in frameworks, entropy/CRITIC/CV weights, hierarchical aggregation, ranks, checked against COINr."},
}

func changelogBody(lang string) string {
	var b strings.Builder
	b.WriteString("<ul>")
	for _, c := range changelog {
		fmt.Fprintf(&b, "<li><strong>%s</strong> · %s</li>", c[0], html.EscapeString(tr(lang, c[1], c[2])))
	}
	b.WriteString("</ul>")
	return b.String()
}

// block is a display formula in MathML with its label.
func block(label, mathml string) string {
	return `<p>` + label + `</p><div class="formula"><math display="block">` + mathml + `</math></div>`
}

// coreFormulas are the default pipeline's formulas, typeset in MathML.
func coreFormulas(lang string) string {
	frac := func(a, b string) string { return "<mfrac><mrow>" + a + "</mrow><mrow>" + b + "</mrow></mfrac>" }
	sub := func(a, b string) string { return "<msub><mi>" + a + "</mi><mi>" + b + "</mi></msub>" }
	sum := func(idx string) string { return "<munder><mo>∑</mo><mi>" + idx + "</mi></munder>" }
	var b strings.Builder
	b.WriteString("<h2>" + tr(lang, "默认流程的核心公式", "The default pipeline's core formulas") + "</h2>")
	b.WriteString(block(tr(lang, "极差标准化（正向指标；负向指标对 −x 同式）：", "Min-max normalisation (positive indicators; negative ones use −x):"),
		sub("y", "ij")+"<mo>=</mo>"+frac(sub("x", "ij")+"<mo>−</mo><munder><mi>min</mi><mi>i</mi></munder>"+sub("x", "ij"), "<munder><mi>max</mi><mi>i</mi></munder>"+sub("x", "ij")+"<mo>−</mo><munder><mi>min</mi><mi>i</mi></munder>"+sub("x", "ij"))+
			"<mo>·</mo><mo>(</mo><mi>u</mi><mo>−</mo><mi>l</mi><mo>)</mo><mo>+</mo><mi>l</mi><mo>+</mo><mi>δ</mi>"))
	b.WriteString(block(tr(lang, "Z 分数标准化（样本标准差）：", "z-score (sample standard deviation):"),
		sub("y", "ij")+"<mo>=</mo>"+frac(sub("x", "ij")+"<mo>−</mo>"+sub("x̄", "j"), sub("s", "j"))))
	b.WriteString(block(tr(lang, "熵值法：比重、熵、差异系数与权重（N 为观测数）：", "Entropy: shares, entropy, divergence and weights (N observations):"),
		sub("p", "ij")+"<mo>=</mo>"+frac(sub("y", "ij"), sum("i")+sub("y", "ij"))+"<mo>,</mo><mspace width=\"1em\"/>"+
			sub("e", "j")+"<mo>=</mo><mo>−</mo>"+frac("<mn>1</mn>", "<mi>ln</mi><mi>N</mi>")+sum("i")+sub("p", "ij")+"<mi>ln</mi>"+sub("p", "ij")+"<mo>,</mo><mspace width=\"1em\"/>"+
			sub("d", "j")+"<mo>=</mo><mn>1</mn><mo>−</mo>"+sub("e", "j")+"<mo>,</mo><mspace width=\"1em\"/>"+
			sub("w", "j")+"<mo>=</mo>"+frac(sub("d", "j"), sum("k")+sub("d", "k"))))
	b.WriteString(block("CRITIC：",
		sub("C", "j")+"<mo>=</mo>"+sub("σ", "j")+sum("k")+"<mo>(</mo><mn>1</mn><mo>−</mo>"+sub("r", "jk")+"<mo>)</mo><mo>,</mo><mspace width=\"1em\"/>"+
			sub("w", "j")+"<mo>=</mo>"+frac(sub("C", "j"), sum("k")+sub("C", "k"))))
	b.WriteString(block(tr(lang, "变异系数法：", "Coefficient of variation:"),
		sub("V", "j")+"<mo>=</mo>"+frac(sub("s", "j"), sub("x̄", "j"))+"<mo>,</mo><mspace width=\"1em\"/>"+sub("w", "j")+"<mo>=</mo>"+frac(sub("V", "j"), sum("k")+sub("V", "k"))))
	b.WriteString(block(tr(lang, "逐层加权算术平均汇总（缺失子项的权重在其余子项间重新分配），总指数 ×100：", "Level-by-level weighted arithmetic mean (weights of missing children redistributed), the index ×100:"),
		sub("S", "i,g")+"<mo>=</mo>"+frac("<munder><mo>∑</mo><mrow><mi>c</mi><mo>∈</mo><mi>g</mi></mrow></munder>"+sub("w", "c")+sub("S", "i,c"), "<munder><mo>∑</mo><mrow><mi>c</mi><mo>∈</mo><mi>g</mi></mrow></munder>"+sub("w", "c"))+
			"<mo>,</mo><mspace width=\"1em\"/>"+sub("I", "i")+"<mo>=</mo><mn>100</mn><mo>·</mo><munder><mo>∑</mo><mi>j</mi></munder>"+sub("w", "j")+sub("y", "ij")))
	b.WriteString(block(tr(lang, "几何平均汇总：", "Geometric mean:"),
		sub("S", "i,g")+"<mo>=</mo><munder><mo>∏</mo><mrow><mi>c</mi><mo>∈</mo><mi>g</mi></mrow></munder><msup>"+"<mrow>"+sub("S", "i,c")+"</mrow><mrow>"+sub("w", "c")+"<mo>/</mo><mo>∑</mo><mi>w</mi></mrow></msup>"))
	return b.String()
}
