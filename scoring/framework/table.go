package framework

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/nqp-index/nqp/scoring/diag"
)

// header synonyms by role, in headerKey form.
var roleNames = map[string][]string{
	"code": {"icode", "code", "代码", "编码", "指标代码", "指标编码", "编号", "id", "indicatorcode", "代号"},
	"name": {"iname", "name", "名称", "指标", "指标名称", "指标名", "三级指标", "indicator", "indicatorname",
		"具体指标", "基础指标", "指标层", "测度指标", "衡量指标"},
	"name_zh":      {"inamezh", "namezh", "中文名称", "中文名", "指标中文名称"},
	"name_en":      {"inameen", "nameen", "english", "englishname", "英文名称", "英文名", "indicatoren", "name(en)", "名称(英文)", "指标英文名称"},
	"level":        {"level", "层级", "级别"},
	"parent":       {"parent", "上级", "父级", "父节点", "上级代码", "parentcode", "所属"},
	"direction":    {"direction", "方向", "属性", "指标属性", "指标方向", "正负", "正负向", "指标性质", "polarity", "dir"},
	"weight":       {"weight", "weights", "权重", "权数", "指标权重"},
	"type":         {"type", "节点类型", "itype"},
	"unit":         {"unit", "单位", "计量单位", "指标单位", "units"},
	"target":       {"target", "目标值", "目标"},
	"denominator":  {"denominator", "分母"},
	"dimension":    {"dimension", "维度", "一级指标", "准则层", "pillar", "一级维度", "一级", "维度层", "子系统", "dimensionzh"},
	"dimension_en": {"dimensionen", "维度英文名称", "一级指标英文"},
	"subdimension": {"subdimension", "二级指标", "子维度", "二级维度", "二级", "要素层", "子准则层", "subpillar", "subdimensionzh"},
	"sub_en":       {"subdimensionen", "子维度英文名称", "二级指标英文"},
	"best":         {"best", "最优值", "适度值", "理想值", "最佳值"},
	"lo":           {"lo", "lower", "下限", "区间下限", "min"},
	"hi":           {"hi", "upper", "上限", "区间上限", "max"},
	"aliases":      {"aliases", "alias", "别名", "列名", "数据列", "columns"},
	"dirkind":      {"dirkind", "directionkind", "方向类型"},
}

func roleOf() map[string]string {
	m := map[string]string{}
	for role, names := range roleNames {
		for _, n := range names {
			m[n] = role
		}
	}
	return m
}

// headerRoles maps the cells of a header row to roles (1-based columns).
func headerRoles(cells []string) map[string]int {
	rm := roleOf()
	roles := map[string]int{}
	for i, c := range cells {
		k := strings.ToLower(fold(c))
		k = strings.Map(func(r rune) rune {
			if r == ' ' || strings.ContainsRune("_-./:：", r) {
				return -1
			}
			return r
		}, k)
		role, ok := rm[k]
		if !ok {
			role, ok = rm[headerKey(c)]
		}
		if ok && roles[role] == 0 {
			roles[role] = i + 1
		}
	}
	return roles
}

// tableReader holds a table whose header has been found.
type tableReader struct {
	t      table
	rep    *diag.Report
	header []string
	roles  map[string]int
	loc    *locator
}

func (r *tableReader) cell(row []string, role string) string {
	c := r.roles[role]
	if c == 0 || c > len(row) {
		return ""
	}
	return strings.TrimSpace(row[c-1])
}

func (r *tableReader) problem(sev diag.Severity, code string, row int, role, text, zh, en string) {
	p := diag.Problem{Severity: sev, Code: code, File: r.t.file, Row: row, Text: text, Zh: zh, En: en}
	if c := r.roles[role]; c > 0 {
		p.Col = c
		if c <= len(r.header) {
			p.Column = r.header[c-1]
		}
	}
	r.rep.Add(p)
}

func emptyRow(row []string) bool {
	for _, c := range row {
		if strings.TrimSpace(fold(c)) != "" {
			return false
		}
	}
	return true
}

func readTable(t table, rep *diag.Report) *Framework {
	hi := -1
	var roles map[string]int
	for i := 0; i < len(t.cells) && i < 10; i++ {
		rl := headerRoles(t.cells[i])
		if len(rl) >= 2 && (rl["code"] > 0 || rl["name"] > 0 || rl["subdimension"] > 0) {
			hi, roles = i, rl
			break
		}
	}
	if hi < 0 {
		row, text := 0, ""
		for i, c := range t.cells {
			if !emptyRow(c) {
				row, text = t.rows[i], strings.Join(c, ",")
				break
			}
		}
		if row == 0 {
			rep.Addf(diag.Error, CodeEmptyFile, t.file, 0, 0, "", "", "文件是空的", "the file is empty")
			return nil
		}
		if len(text) > 200 {
			text = text[:200]
		}
		rep.Addf(diag.Error, CodeUnknownLayout, t.file, row, 0, "", strings.ToValidUTF8(text, ""),
			"找不到表头：需要 COINr iMeta 的列（iCode、Parent、Level…）或“代码/指标名称、维度、方向、权重”等列",
			"no header found: expected COINr iMeta columns (iCode, Parent, Level, …) or columns such as code/name, dimension, direction, weight")
		return nil
	}
	r := &tableReader{t: t, rep: rep, header: t.cells[hi], roles: roles}
	r.loc = &locator{file: t.file, header: r.header, cols: map[string]int{
		"code": roles["code"], "parent": roles["parent"], "weight": roles["weight"],
		"direction": roles["direction"], "target": roles["target"]}}
	if r.loc.cols["code"] == 0 {
		r.loc.cols["code"] = roles["name"]
	}
	if roles["direction"] == 0 && roles["dirkind"] > 0 {
		r.loc.cols["direction"] = roles["dirkind"]
	}
	if roles["name"] == 0 && roles["code"] == 0 && roles["subdimension"] > 0 {
		// 一级指标 / 二级指标 only: the second level is the indicator
		roles["name"], roles["subdimension"] = roles["subdimension"], 0
		r.loc.cols["code"] = roles["name"]
	}
	body, lines := t.cells[hi+1:], t.rows[hi+1:]
	var f *Framework
	if roles["parent"] > 0 && (roles["code"] > 0 || roles["name"] > 0) {
		f = r.readIMeta(body, lines)
	} else {
		f = r.readSimple(body, lines)
	}
	if f == nil {
		return nil
	}
	rep.Merge(f.validate(r.loc))
	return f
}

// number reads an optional numeric cell; ok is false (and a problem is
// reported) if it is not empty and not a number.
func (r *tableReader) number(row []string, line int, role, code, what string, sevCode string) (v float64, set, ok bool) {
	s := r.cell(row, role)
	if s == "" {
		return 0, false, true
	}
	v, err := parseNumber(s)
	if err != nil {
		r.problem(diag.Error, sevCode, line, role, s,
			fmt.Sprintf("“%s”的%s“%s”不是有效数字", code, whatZh[what], s),
			fmt.Sprintf("the %s %q of %q is not a valid number", what, s, code))
		return 0, true, false
	}
	return v, true, true
}

var whatZh = map[string]string{"weight": "权重", "target": "目标值", "level": "层级"}

// direction reads the direction cells of an indicator row.
func (r *tableReader) direction(row []string, line int, code string, indicator bool) (Direction, bool) {
	text := r.cell(row, "direction")
	if k := r.cell(row, "dirkind"); k != "" {
		text = k
	}
	if text == "" {
		if indicator && (r.roles["direction"] > 0 || r.roles["dirkind"] > 0) {
			r.problem(diag.Warning, CodeMissingDirection, line, "direction", "",
				fmt.Sprintf("指标“%s”没有填写方向，按正向处理", code),
				fmt.Sprintf("indicator %q has no direction; it is taken as positive", code))
		}
		return Direction{}, false
	}
	d, ok, zh, en := ParseDirection(text, r.cell(row, "best"), r.cell(row, "lo"), r.cell(row, "hi"))
	if !ok {
		role := "direction"
		if r.cell(row, "dirkind") != "" {
			role = "dirkind"
		}
		r.problem(diag.Error, CodeBadDirection, line, role, text,
			fmt.Sprintf("“%s”：%s", code, zh), fmt.Sprintf("%q: %s", code, en))
		return Direction{}, false
	}
	return d, d.Kind == Moderate || d.Kind == Interval
}

func (r *tableReader) readIMeta(body [][]string, lines []int) *Framework {
	f := &Framework{}
	var levels []int
	skipped := 0
	for i, row := range body {
		line := lines[i]
		if emptyRow(row) {
			continue
		}
		typ := strings.ToLower(fold(r.cell(row, "type")))
		if typ == "group" || typ == "denominator" || typ == "other" ||
			(r.roles["level"] > 0 && r.cell(row, "level") == "") {
			skipped++
			continue
		}
		code := r.cell(row, "code")
		if r.roles["code"] == 0 {
			code = r.cell(row, "name")
		}
		n := Node{Code: code, Parent: r.cell(row, "parent"), Weight: 1, Unit: r.cell(row, "unit"),
			Denominator: r.cell(row, "denominator"), Aliases: splitAliases(r.cell(row, "aliases"))}
		r.names(&n, row)
		if w, set, ok := r.number(row, line, "weight", code, "weight", CodeBadWeight); set && ok {
			n.Weight = w
		}
		if t, set, ok := r.number(row, line, "target", code, "target", CodeBadTarget); set && ok {
			n.Target = &t
		}
		lvl := 0
		if s := r.cell(row, "level"); s != "" {
			v, err := strconv.ParseFloat(fold(s), 64)
			if err != nil || v != math.Trunc(v) || v < 1 || v > 100 {
				r.problem(diag.Error, CodeBadNumber, line, "level", s,
					fmt.Sprintf("“%s”的层级“%s”不是正整数", code, s),
					fmt.Sprintf("the level %q of %q is not a positive whole number", s, code))
			} else {
				lvl = int(v)
			}
		}
		indicator := lvl == 1 || typ == "indicator" || (lvl == 0 && typ == "")
		d, set := r.direction(row, line, code, indicator && lvl <= 1)
		n.Direction = d
		f.Nodes = append(f.Nodes, n)
		levels = append(levels, lvl)
		r.loc.rows = append(r.loc.rows, line)
		r.loc.bestSet = append(r.loc.bestSet, set)
	}
	if skipped > 0 {
		r.rep.Addf(diag.Info, CodeNonIndexRows, r.t.file, 0, 0, "", "",
			fmt.Sprintf("%d 行是分组、分母或其他列（Type 为 Group/Denominator/Other 或 Level 为空），不属于指标体系", skipped),
			fmt.Sprintf("%d rows are groups, denominators or other columns (Type Group/Denominator/Other or empty Level) and are not part of the tree", skipped))
	}
	// COINr levels must agree with the tree (only checked on a sound tree)
	pre := f.validate(nil)
	if !pre.HasErrors() {
		for i, n := range f.Nodes {
			if levels[i] > 0 {
				if got := f.Level(n.Code); got != levels[i] {
					r.problem(diag.Warning, CodeLevelMismatch, r.loc.rows[i], "level", strconv.Itoa(levels[i]),
						fmt.Sprintf("“%s”的层级写为 %d，但按上级关系计算为 %d", n.Code, levels[i], got),
						fmt.Sprintf("the level of %q is given as %d but the tree makes it %d", n.Code, levels[i], got))
				}
			}
		}
	}
	return f
}

// names fills the Chinese and English names of n from the row.
func (r *tableReader) names(n *Node, row []string) {
	name := r.cell(row, "name")
	en := r.cell(row, "name_en")
	switch {
	case r.roles["name_zh"] > 0:
		n.NameZh = r.cell(row, "name_zh")
		n.NameEn = en
		if n.NameZh == "" && en == "" && r.roles["name_en"] == 0 {
			n.NameEn = name
		}
	case hasHan(name) || en != "":
		n.NameZh, n.NameEn = name, en
	default:
		n.NameEn = name
	}
}

func (r *tableReader) readSimple(body [][]string, lines []int) *Framework {
	type srow struct {
		line                int
		row                 []string
		code, name          string
		dim, sub            string // after fill-down
		rawDim, rawSub      string
		group               int // 0 indicator, 1 dimension row, 2 sub-dimension row
		groupDim, groupName string
	}
	var rows []srow
	lastDim, lastSub := "", ""
	filled := 0
	dims := map[string]bool{}
	subs := map[string]bool{}
	for i, row := range body {
		if emptyRow(row) {
			continue
		}
		s := srow{line: lines[i], row: row, code: r.cell(row, "code"), name: r.cell(row, "name"),
			rawDim: r.cell(row, "dimension"), rawSub: r.cell(row, "subdimension")}
		if s.rawDim != "" {
			dims[s.rawDim] = true
		}
		if s.rawDim != "" && s.rawSub != "" {
			subs[s.rawDim+"\x00"+s.rawSub] = true
		}
		rows = append(rows, s)
	}
	for i := range rows {
		s := &rows[i]
		switch {
		case s.code == "" && s.name == "" && s.rawDim != "" && s.rawSub != "":
			s.group, s.groupDim, s.groupName = 2, s.rawDim, s.rawSub
		case s.code == "" && s.name == "" && s.rawDim != "":
			s.group, s.groupName = 1, s.rawDim
		case s.rawDim == "" && s.rawSub == "" && (dims[s.name] || dims[s.code]) && s.name+s.code != "":
			s.group, s.groupName = 1, s.name
			if !dims[s.name] {
				s.groupName = s.code
			}
		case s.rawSub == "" && r.roles["subdimension"] > 0 && s.name+s.code != "" &&
			(subs[s.rawDim+"\x00"+s.name] || subs[lastDim+"\x00"+s.name]):
			s.group, s.groupName = 2, s.name
			s.groupDim = s.rawDim
			if s.groupDim == "" {
				s.groupDim = lastDim
			}
		}
		if s.group != 0 {
			if s.group == 1 {
				lastDim, lastSub = s.groupName, ""
			}
			continue
		}
		s.dim, s.sub = s.rawDim, s.rawSub
		if s.dim == "" && lastDim != "" && r.roles["dimension"] > 0 {
			s.dim = lastDim
			filled++
			if s.sub == "" {
				s.sub = lastSub
			}
		} else if s.dim != lastDim {
			lastSub = ""
		}
		if s.sub == "" && s.dim == lastDim && lastSub != "" && r.roles["subdimension"] > 0 {
			s.sub = lastSub
		}
		lastDim, lastSub = s.dim, s.sub
	}
	if filled > 0 {
		r.rep.Addf(diag.Info, CodeFilledDown, r.t.file, 0, r.roles["dimension"], r.header[r.roles["dimension"]-1], "",
			fmt.Sprintf("%d 行的维度为空（可能是合并单元格），已沿用上一行的维度", filled),
			fmt.Sprintf("%d rows have an empty dimension (merged cells?); the dimension of the row above was used", filled))
	}

	f := &Framework{}
	add := func(n Node, line int, set bool) int {
		f.Nodes = append(f.Nodes, n)
		r.loc.rows = append(r.loc.rows, line)
		r.loc.bestSet = append(r.loc.bestSet, set)
		return len(f.Nodes) - 1
	}
	add(Node{Code: "Index", NameZh: "新质生产力指数", NameEn: "NQP Index", Weight: 1}, 0, false)
	dimIdx := map[string]int{}
	subIdx := map[string]int{}
	used := map[string]bool{"Index": true}
	for _, s := range rows {
		if s.group == 0 && s.code != "" {
			used[s.code] = true
		}
	}
	groupNode := func(label, parent string, line int) Node {
		n := Node{Code: label, Parent: parent, Weight: 1}
		if hasHan(label) {
			n.NameZh = label
		} else {
			n.NameEn = label
		}
		return n
	}
	ensureDim := func(d string, line int) string {
		if i, ok := dimIdx[d]; ok {
			return f.Nodes[i].Code
		}
		n := groupNode(d, "Index", line)
		if used[n.Code] {
			n.Code = "dim:" + d
		}
		used[n.Code] = true
		dimIdx[d] = add(n, line, false)
		return n.Code
	}
	ensureSub := func(d, sub string, line int) string {
		key := d + "\x00" + sub
		if i, ok := subIdx[key]; ok {
			return f.Nodes[i].Code
		}
		parent := "Index"
		if d != "" {
			parent = ensureDim(d, line)
		}
		n := groupNode(sub, parent, line)
		if used[n.Code] {
			n.Code = d + "/" + sub
		}
		used[n.Code] = true
		subIdx[key] = add(n, line, false)
		return n.Code
	}
	// group rows first (they may give codes, names and weights), in order
	for _, s := range rows {
		if s.group == 0 {
			continue
		}
		var i int
		if s.group == 1 {
			if _, ok := dimIdx[s.groupName]; !ok && s.code != "" && s.code != s.groupName && !used[s.code] {
				n := groupNode(s.groupName, "Index", s.line)
				n.Code = s.code
				used[s.code] = true
				dimIdx[s.groupName] = add(n, s.line, false)
			}
			ensureDim(s.groupName, s.line)
			i = dimIdx[s.groupName]
		} else {
			ensureSub(s.groupDim, s.groupName, s.line)
			i = subIdx[s.groupDim+"\x00"+s.groupName]
		}
		n := &f.Nodes[i]
		r.loc.rows[i] = s.line
		if en := r.cell(s.row, "name_en"); en != "" {
			n.NameEn = en
		}
		if u := r.cell(s.row, "unit"); u != "" {
			n.Unit = u
		}
		if w, set, ok := r.number(s.row, s.line, "weight", s.groupName, "weight", CodeBadWeight); set && ok {
			n.Weight = w
		}
	}
	// dimension and sub-dimension English names given in columns of their own
	for _, s := range rows {
		if s.group != 0 {
			continue
		}
		if en := r.cell(s.row, "dimension_en"); en != "" && s.dim != "" {
			ensureDim(s.dim, s.line)
			if n := &f.Nodes[dimIdx[s.dim]]; n.NameEn == "" {
				n.NameEn = en
			}
		}
		if en := r.cell(s.row, "sub_en"); en != "" && s.sub != "" {
			ensureSub(s.dim, s.sub, s.line)
			if n := &f.Nodes[subIdx[s.dim+"\x00"+s.sub]]; n.NameEn == "" {
				n.NameEn = en
			}
		}
	}
	for _, s := range rows {
		if s.group != 0 {
			continue
		}
		code := s.code
		if code == "" {
			code = s.name
		}
		if code == "" {
			r.problem(diag.Warning, CodeNoName, s.line, "name", "",
				"这一行有内容但没有指标代码或名称，已跳过", "this row has content but no indicator code or name; it was skipped")
			continue
		}
		parent := "Index"
		switch {
		case s.sub != "":
			parent = ensureSub(s.dim, s.sub, s.line)
		case s.dim != "":
			parent = ensureDim(s.dim, s.line)
		}
		n := Node{Code: code, Parent: parent, Weight: 1, Unit: r.cell(s.row, "unit"),
			Denominator: r.cell(s.row, "denominator"), Aliases: splitAliases(r.cell(s.row, "aliases"))}
		r.names(&n, s.row)
		if w, set, ok := r.number(s.row, s.line, "weight", code, "weight", CodeBadWeight); set && ok {
			n.Weight = w
		}
		if t, set, ok := r.number(s.row, s.line, "target", code, "target", CodeBadTarget); set && ok {
			n.Target = &t
		}
		d, set := r.direction(s.row, s.line, code, true)
		n.Direction = d
		add(n, s.line, set)
	}
	return f
}
