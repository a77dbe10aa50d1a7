// Package docs generates the site's documentation pages, in Chinese and
// English, as static HTML at build time: getting started, the data format
// with downloadable CSV templates, every method with its formulas (from
// docs/recipe.md and docs/methods/*.md, formulas as MathML), the bundled
// frameworks, the privacy statement and the changelog. Pages use no
// script and no inline style, so they pass the site's CSP, and every page
// is listed for the service worker's precache.
package docs

import (
	"bytes"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/util"

	"github.com/nqp-index/nqp/scoring/framework"
	"github.com/nqp-index/nqp/scoring/sample"
)

// Langs are the languages of the pages.
var Langs = []string{"zh", "en"}

// methodDocs are the method documents: URL slug, source (relative to the
// repository root) and titles.
var methodDocs = []struct{ slug, src, zh, en string }{
	{"recipe", "docs/recipe.md", "配方格式与核心公式", "The recipe and the core formulas"},
	{"presteps", "docs/methods/presteps.md", "预处理：分母化、插补、筛选、异常值处理", "Pre-steps: denominate, impute, screen, treat"},
	{"normalise-aggregate", "docs/methods/normalise-aggregate.md", "标准化与汇总", "Normalisation and aggregation"},
	{"weights", "docs/methods/weights.md", "权重方法", "Weighting methods"},
	{"analysis", "docs/methods/analysis.md", "分析方法", "Analyses"},
}

// page is one generated page.
type page struct {
	url, title, body string
}

func tr(lang, zh, en string) string {
	if lang == "en" {
		return en
	}
	return zh
}

// Generate writes the pages under dist/docs (and dist/404.html), reading
// the method documents from root. It returns the URLs of every page and
// file it wrote, sorted, for the precache.
func Generate(root, dist string) ([]string, error) {
	if err := os.RemoveAll(filepath.Join(dist, "docs")); err != nil {
		return nil, err
	}
	var pages []page
	files := map[string][]byte{"/docs/docs.css": []byte(css)}
	// Downloadable templates.
	tmplFiles, err := templateFiles()
	if err != nil {
		return nil, err
	}
	for k, v := range tmplFiles {
		files[k] = v
	}
	pages = append(pages, page{"/docs/", "文档 · Documentation", chooser()})
	for _, lang := range Langs {
		pages = append(pages,
			page{"/docs/" + lang + "/", tr(lang, "文档", "Documentation"), indexBody(lang)},
			page{"/docs/" + lang + "/start/", tr(lang, "快速开始", "Getting started"), startBody(lang)},
			page{"/docs/" + lang + "/data/", tr(lang, "数据格式与模板", "Data format and templates"), dataBody(lang, tmplFiles)},
			page{"/docs/" + lang + "/frameworks/", tr(lang, "内置指标体系", "Built-in frameworks"), frameworksBody(lang)},
			page{"/docs/" + lang + "/privacy/", tr(lang, "隐私说明", "Privacy"), privacyBody(lang)},
			page{"/docs/" + lang + "/changelog/", tr(lang, "更新日志", "Changelog"), changelogBody(lang)},
		)
		var list strings.Builder
		list.WriteString("<ul>")
		for _, m := range methodDocs {
			src, err := os.ReadFile(filepath.Join(root, m.src))
			if err != nil {
				return nil, err
			}
			body, err := render(pick(string(src), lang), lang)
			if err != nil {
				return nil, fmt.Errorf("%s: %v", m.src, err)
			}
			title := tr(lang, m.zh, m.en)
			pages = append(pages, page{"/docs/" + lang + "/methods/" + m.slug + "/", title, body})
			fmt.Fprintf(&list, `<li><a href="/docs/%s/methods/%s/">%s</a></li>`, lang, m.slug, html.EscapeString(title))
		}
		list.WriteString("</ul>")
		pages = append(pages, page{"/docs/" + lang + "/methods/", tr(lang, "方法与公式", "Methods and formulas"),
			tr(lang, "<p>每种方法的定义、公式（MathML）与来源。配方（recipe）完整描述一次计算。</p>",
				"<p>Every method's definition, formulas (MathML) and sources. A recipe describes a run completely.</p>") +
				coreFormulas(lang) + list.String()})
	}
	var urls []string
	for _, p := range pages {
		lang := "zh"
		if strings.HasPrefix(p.url, "/docs/en/") {
			lang = "en"
		}
		files[p.url+"index.html"] = []byte(layout(lang, p))
		urls = append(urls, p.url)
	}
	for name, b := range files {
		if !strings.HasSuffix(name, "index.html") {
			urls = append(urls, name)
		}
		fn := filepath.Join(dist, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(fn), 0o755); err != nil {
			return nil, err
		}
		if err := os.WriteFile(fn, b, 0o644); err != nil {
			return nil, err
		}
	}
	// robots.txt: a real file, or crawlers would get the app's page.
	if err := os.WriteFile(filepath.Join(dist, "robots.txt"), []byte("User-agent: *\nAllow: /\n"), 0o644); err != nil {
		return nil, err
	}
	notFound := page{"/404.html", "404", `<p>找不到这个页面。The page was not found.</p><p><a href="/">返回计算器 · Back to the calculator</a> · <a href="/docs/">文档 · Documentation</a></p>`}
	if err := os.WriteFile(filepath.Join(dist, "404.html"), []byte(layout("zh", notFound)), 0o644); err != nil {
		return nil, err
	}
	sort.Strings(urls)
	return urls, nil
}

// layout wraps a page body in the common HTML.
func layout(lang string, p page) string {
	htmlLang := map[string]string{"zh": "zh-CN", "en": "en"}[lang]
	other, otherName := "en", "English"
	if lang == "en" {
		other, otherName = "zh", "中文"
	}
	switchURL := strings.Replace(p.url, "/docs/"+lang+"/", "/docs/"+other+"/", 1)
	if !strings.HasPrefix(p.url, "/docs/"+lang+"/") {
		switchURL = "/docs/" + other + "/"
	}
	nav := []struct{ href, zh, en string }{
		{"/", "计算器", "Calculator"},
		{"/docs/" + lang + "/start/", "快速开始", "Getting started"},
		{"/docs/" + lang + "/data/", "数据格式", "Data format"},
		{"/docs/" + lang + "/methods/", "方法与公式", "Methods"},
		{"/docs/" + lang + "/frameworks/", "指标体系", "Frameworks"},
		{"/docs/" + lang + "/privacy/", "隐私", "Privacy"},
		{"/docs/" + lang + "/changelog/", "更新日志", "Changelog"},
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<!DOCTYPE html>
<html lang="%s">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="%s">
<title>%s · NQP Index</title>
<link rel="icon" href="/web/icon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/docs/docs.css">
</head>
<body>
<header><nav aria-label="%s"><ul>`, htmlLang, html.EscapeString(tr(lang, "新质生产力指数计算器文档", "NQP Index calculator documentation")),
		html.EscapeString(p.title), tr(lang, "文档导航", "Documentation"))
	for _, n := range nav {
		fmt.Fprintf(&b, `<li><a href="%s">%s</a></li>`, n.href, tr(lang, n.zh, n.en))
	}
	fmt.Fprintf(&b, `<li><a href="%s" hreflang="%s" lang="%s">%s</a></li></ul></nav></header>
<main>
<h1>%s</h1>
%s
</main>
<footer><p>%s</p></footer>
</body>
</html>
`, switchURL, other, map[string]string{"zh": "zh-CN", "en": "en"}[other], otherName, html.EscapeString(p.title), p.body,
		tr(lang, "新质生产力指数计算器：计算在你的设备上完成，数据不上传。", "NQP Index calculator: everything is computed on your device; no data is uploaded."))
	return b.String()
}

// pick keeps the parts of a bilingual Markdown document in lang: sections
// headed "## 中文" go to Chinese, "## English" to English, everything
// else to both.
func pick(src, lang string) string {
	lines := strings.Split(src, "\n")
	var out []string
	keep := true
	for _, l := range lines {
		if strings.HasPrefix(l, "## ") {
			h := strings.TrimSpace(strings.TrimPrefix(l, "## "))
			switch h {
			case "中文":
				keep = lang == "zh"
				continue
			case "English":
				keep = lang == "en"
				continue
			default:
				keep = true
			}
		}
		if keep {
			out = append(out, l)
		}
	}
	// The document's own title is the page's <h1>.
	if len(out) > 0 && strings.HasPrefix(out[0], "# ") {
		out = out[1:]
	}
	return strings.Join(out, "\n")
}

var md = goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough),
	goldmark.WithParserOptions(parser.WithASTTransformers(util.Prioritized(anchors{}, 1000))))

var mdLink = regexp.MustCompile(`href="([^"#]*\.md)(#[^"]*)?"`)

// render converts Markdown to HTML, rewrites links between the method
// documents and turns formulas into MathML.
func render(src, lang string) (string, error) {
	var b bytes.Buffer
	if err := md.Convert([]byte(src), &b); err != nil {
		return "", err
	}
	h := mdLink.ReplaceAllStringFunc(b.String(), func(m string) string {
		sub := mdLink.FindStringSubmatch(m)
		base := strings.TrimSuffix(filepath.Base(sub[1]), ".md")
		for _, d := range methodDocs {
			if strings.TrimSuffix(filepath.Base(d.src), ".md") == base {
				return fmt.Sprintf(`href="/docs/%s/methods/%s/%s"`, lang, d.slug, sub[2])
			}
		}
		// A document that is not on the site: the repository's copy.
		return `href="/docs/` + lang + `/methods/"`
	})
	return mathify(h), nil
}

// templateFiles are the downloadable templates: for every built-in
// framework a data template (the columns to fill) and the framework as a
// COINr iMeta table, plus the bundled sample panel.
func templateFiles() (map[string][]byte, error) {
	files := map[string][]byte{"/docs/templates/" + sample.TechmePanelName: sample.TechmePanelCSV()}
	for _, t := range framework.Templates() {
		fw, err := framework.Template(t.Name)
		if err != nil {
			return nil, err
		}
		var data bytes.Buffer
		data.WriteString("\ufeff地区,年份")
		for _, code := range fw.Leaves() {
			n := fw.Node(code)
			data.WriteString("," + csvCell(n.NameZh))
		}
		data.WriteString("\r\n北京,2023")
		data.WriteString(strings.Repeat(",", len(fw.Leaves())))
		data.WriteString("\r\n")
		files["/docs/templates/"+t.Name+"-data.csv"] = data.Bytes()
		var meta bytes.Buffer
		if err := fw.WriteIMetaCSV(&meta); err != nil {
			return nil, err
		}
		files["/docs/templates/"+t.Name+"-imeta.csv"] = meta.Bytes()
	}
	return files, nil
}

func csvCell(s string) string {
	if strings.ContainsAny(s, ",\"\r\n") {
		return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
	}
	return s
}
