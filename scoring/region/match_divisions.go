package region

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"
)

// Suffixes of published division names, longest first. A short name is the
// published name without one of them (and, before 自治县/自治州/自治旗, without
// the names of the nationalities: 长白朝鲜族自治县 → 长白), kept only when at
// least two characters remain (沙县 and 城区 have no short name).
var divSuffixes = []string{"自治县", "自治州", "自治旗", "自治区", "特别行政区", "林区", "特区", "地区", "新区",
	"市", "县", "区", "旗", "盟", "省"}

// The 55 nationalities' names (without 族, which may or may not follow) and
// 各 (各族自治县).
var nationalities = []string{
	"柯尔克孜", "乌孜别克", "维吾尔", "哈萨克", "塔吉克", "塔塔尔", "俄罗斯", "鄂温克", "鄂伦春", "达斡尔",
	"蒙古", "布依", "朝鲜", "土家", "哈尼", "傈僳", "拉祜", "东乡", "纳西", "景颇", "仫佬", "布朗", "撒拉",
	"毛南", "仡佬", "锡伯", "阿昌", "普米", "德昂", "保安", "裕固", "独龙", "赫哲", "门巴", "珞巴", "基诺", "高山",
	"回", "藏", "苗", "彝", "壮", "满", "侗", "瑶", "白", "傣", "黎", "佤", "畲", "水", "土", "羌", "怒", "京", "各",
}

// shortName returns the common short form of a division name: 嘉善县 →
// 嘉善, 延边朝鲜族自治州 → 延边, 阿克苏地区 → 阿克苏, 锡林郭勒盟 → 锡林郭勒. With
// user true it also drops a trailing 州, as users write 延边州 or 凉山州
// (杭州 keeps its 州: one character would remain).
func shortName(name string, user bool) string {
	sufs := divSuffixes
	if user {
		sufs = append(sufs[:len(sufs):len(sufs)], "州")
	}
	for _, s := range sufs {
		rest, ok := strings.CutSuffix(name, s)
		if !ok || utf8.RuneCountInString(rest) < 2 {
			continue
		}
		if strings.HasPrefix(s, "自治") {
			rest = stripNationalities(rest)
		}
		return rest
	}
	return name
}

// stripNationalities drops nationality names (each optionally followed by
// 族) from the end of s while two characters remain.
func stripNationalities(s string) string {
	for {
		cut := false
		for _, n := range nationalities {
			for _, form := range []string{n + "族", n} {
				rest, ok := strings.CutSuffix(s, form)
				if ok && utf8.RuneCountInString(rest) >= 2 {
					s, cut = rest, true
					break
				}
			}
			if cut {
				break
			}
		}
		if !cut {
			return s
		}
	}
}

// Candidates returns the divisions a text may name, before any context:
// the division with that code (6, 4, 2 or 12 digits); else those with
// that published name (朝阳区: 北京 and 长春); else those whose short name
// it is or, with a province or prefecture written in front
// (浙江省嘉兴市嘉善县), those of the rest that lie there. A short name is
// never preferred over a published one.
func Candidates(raw string) []Division {
	t := loadDivisions()
	c := compact(raw)
	if code, ok := divisionCode(c); ok {
		if i, ok := t.byCode[code]; ok {
			return []Division{t.divs[i]}
		}
		return nil
	}
	return findName(t, key(raw))
}

// findName looks k up by name, then as a place name followed by the rest.
func findName(t *divTables, k string) []Division {
	if idx := lookupName(t, k); len(idx) > 0 {
		return pick(t, idx)
	}
	for _, cut := range prefixes(t, k) {
		var out []Division
		for _, d := range findName(t, k[len(cut.prefix):]) {
			if d.Province == cut.d.Code || d.Prefecture == cut.d.Code {
				out = append(out, d)
			}
		}
		if len(out) > 0 {
			return out
		}
	}
	return nil
}

// lookupName returns the divisions with published name k, else with short
// name k, else with the short name of k (嘉善市 → 嘉善, 延边州 → 延边).
func lookupName(t *divTables, k string) []int {
	if k == "" {
		return nil
	}
	if idx := t.full[k]; len(idx) > 0 {
		return idx
	}
	if idx := t.short[k]; len(idx) > 0 {
		return idx
	}
	if s := shortName(k, true); s != k {
		return t.short[s]
	}
	return nil
}

type prefixCut struct {
	prefix string
	d      Division
}

// prefixes returns the provinces and prefectures whose published or short
// name k starts with, longest first.
func prefixes(t *divTables, k string) []prefixCut {
	var out []prefixCut
	for _, p := range t.places {
		if len(p.prefix) < len(k) && strings.HasPrefix(k, p.prefix) {
			out = append(out, p)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i].prefix) > len(out[j].prefix) })
	return out
}

func pick(t *divTables, idx []int) []Division {
	out := make([]Division, len(idx))
	for k, i := range idx {
		out[k] = t.divs[i]
	}
	return out
}

// Narrow keeps the candidates that lie in the places the context texts
// name: each text that is a province (any form Match accepts) or a
// prefecture-level unit (published or short name, or code) keeps the
// candidates in it. Texts that name no such place are ignored.
func Narrow(cands []Division, context ...string) []Division {
	return narrow(cands, context, placesOf)
}

// placesOf returns the province or the prefecture-level units a context
// text names.
func placesOf(c string) []Division {
	var places []Division
	if strings.TrimSpace(c) == "" {
		return nil
	}
	if p, ok := Match(c); ok {
		if d, ok := DivisionByCode(p.Code); ok {
			places = append(places, d)
		}
		return places
	}
	for _, d := range Candidates(c) {
		if d.Level != LevelCounty {
			places = append(places, d)
		}
	}
	return places
}

func narrow(cands []Division, context []string, placesOf func(string) []Division) []Division {
	for _, c := range context {
		places := placesOf(c)
		if len(places) == 0 {
			continue
		}
		var kept []Division
		for _, d := range cands {
			for _, p := range places {
				if d.Code == p.Code || d.Province == p.Code || d.Prefecture == p.Code {
					kept = append(kept, d)
					break
				}
			}
		}
		cands = kept
	}
	return cands
}

// A Resolver recognises the units of one file against the division codes.
// It implements the ingest package's UnitResolver: Prepare sees the
// header and every unit text and settles the file's level (a file whose
// units are mostly provinces, or mostly not divisions at all, is matched
// exactly as MatchName matches, so such files read as before) and its context columns (a province or
// prefecture column, used to tell 朝阳区 in 北京 from 朝阳区 in 长春); Resolve
// then matches each unit.
type Resolver struct {
	// Former maps former or other names to current names or codes
	// (襄樊 → 襄阳). Keys and values are matched in any form Candidates
	// accepts; keys are compared after key normalisation.
	Former map[string]string

	provincial bool
	level      Level                 // the file's most common level
	cands      map[string][]Division // Candidates by text, kept between Prepare and Resolve
	resolved   map[string]Division   // the divisions Resolve returned, by code
	places     map[string][]Division // placesOf by context text
}

// Note summarises the units resolved as prefectures or counties, e.g.
// "地区按国家统计局 2023 年区划代码识别为县级：12 个，分属 3 个地级市、1 个省"
// (the ingest package's UnitNoter); "" for a provincial file.
func (r *Resolver) Note() (zh, en string) {
	if r.provincial || len(r.resolved) == 0 {
		return "", ""
	}
	prefs, provs, n := map[string]bool{}, map[string]bool{}, 0
	for _, d := range r.resolved {
		if d.Level != r.level {
			continue
		}
		n++
		provs[d.Province] = true
		if d.Prefecture != "" {
			prefs[d.Prefecture] = true
		}
	}
	zh = fmt.Sprintf("地区按国家统计局 2023 年区划代码识别为%s：%d 个", r.level.Zh(), n)
	en = fmt.Sprintf("units matched as %s-level divisions (NBS 2023 codes): %d", r.level.En(), n)
	if r.level == LevelCounty {
		zh += fmt.Sprintf("，分属 %d 个地级市、%d 个省级地区", len(prefs), len(provs))
		en += fmt.Sprintf(", in %d prefectures and %d provinces", len(prefs), len(provs))
	} else if r.level == LevelPrefecture {
		zh += fmt.Sprintf("，分属 %d 个省级地区", len(provs))
		en += fmt.Sprintf(", in %d provinces", len(provs))
	}
	if other := len(r.resolved) - n; other > 0 {
		zh += fmt.Sprintf("；另有 %d 个其他级别的地区", other)
		en += fmt.Sprintf("; %d more at other levels", other)
	}
	return zh, en
}

// placesOf is placesOf, remembered.
func (r *Resolver) placesOf(c string) []Division {
	if p, ok := r.places[c]; ok {
		return p
	}
	if r.places == nil {
		r.places = map[string][]Division{}
	}
	p := placesOf(c)
	r.places[c] = p
	return p
}

// candidates is Candidates, remembered.
func (r *Resolver) candidates(raw string) []Division {
	if c, ok := r.cands[raw]; ok {
		return c
	}
	if r.cands == nil {
		r.cands = map[string][]Division{}
	}
	c := Candidates(raw)
	r.cands[raw] = c
	return c
}

// NewResolver returns a resolver with the former-name mapping (nil for
// none).
func NewResolver(former map[string]string) *Resolver {
	m := map[string]string{}
	for k, v := range former {
		m[key(k)] = v
	}
	return &Resolver{Former: m}
}

// Headers of province and prefecture context columns (compared after key
// normalisation).
var (
	provinceHeaders   = []string{"省份", "省", "省区", "省市", "省区市", "所属省份", "所在省份", "所属省", "省名", "province", "provincename", "省份名称"}
	prefectureHeaders = []string{"地级市", "地市", "所属地市", "所属地级市", "所在地级市", "所属城市", "所在城市", "城市", "市", "市州", "州市", "地区", "所属地区", "地州市", "prefecture", "city", "cityname"}
)

// Prepare settles the level of the file and returns its context columns:
// those (other than unitCol) whose header names a province or prefecture
// column, province columns first.
func (r *Resolver) Prepare(header []string, unitCol int, units []string) []int {
	prov, n, matched := 0, 0, 0
	count := map[Level]int{}
	for _, u := range units {
		if strings.TrimSpace(u) == "" {
			continue
		}
		n++
		if _, ok := Match(r.current(u)); ok {
			prov++
		}
		seen := map[Level]bool{}
		if len(r.candidates(r.current(u))) > 0 {
			matched++
		}
		for _, d := range r.candidates(r.current(u)) {
			if !seen[d.Level] {
				seen[d.Level] = true
				count[d.Level]++
			}
		}
	}
	// Mostly provinces, or mostly not divisions at all (firm IDs such as
	// 1301 must not become 石家庄市): match as MatchName always did.
	r.provincial = n == 0 || 2*prov >= n || 2*matched < n
	r.level = LevelCounty
	for _, l := range []Level{LevelPrefecture, LevelProvince} {
		if count[l] > count[r.level] {
			r.level = l
		}
	}
	switch {
	case n > 0 && 2*prov >= n:
		r.level = LevelProvince
	case r.provincial:
		r.level = 0
	}
	if r.provincial {
		return nil
	}
	var ctx []int
	for _, hs := range [][]string{provinceHeaders, prefectureHeaders} {
		for j, h := range header {
			if j == unitCol || containsInt(ctx, j) {
				continue
			}
			for _, want := range hs {
				if key(h) == key(want) {
					ctx = append(ctx, j)
					break
				}
			}
		}
	}
	return ctx
}

// Level is the file's level as settled by Prepare: LevelProvince for a
// provincial file, 0 for a file whose units are mostly not divisions.
func (r *Resolver) Level() Level { return r.level }

// current applies the former-name mapping.
func (r *Resolver) current(raw string) string {
	if v, ok := r.Former[key(raw)]; ok {
		return v
	}
	return raw
}

// Resolve matches one unit text given the cells of the context columns.
// It returns the 6-digit code and the published name (the short Chinese
// name of a province in a provincial file, as MatchName does), or ok false
// with the candidates (as "吉林省长春市朝阳区（220104）") when the text
// names more than one division that the context cannot tell apart.
func (r *Resolver) Resolve(raw string, context []string) (code, name string, candidates []string, ok bool) {
	if r.provincial {
		code, name, ok = MatchName(r.current(raw))
		return code, name, nil, ok
	}
	cands := r.candidates(r.current(raw))
	if len(cands) > 1 {
		if n := narrow(cands, context, r.placesOf); len(n) > 0 {
			cands = n
		}
	}
	if len(cands) > 1 {
		var same []Division
		for _, d := range cands {
			if d.Level == r.level {
				same = append(same, d)
			}
		}
		if len(same) == 1 {
			cands = same
		}
	}
	switch len(cands) {
	case 0:
		return "", "", nil, false
	case 1:
		d := cands[0]
		if r.resolved == nil {
			r.resolved = map[string]Division{}
		}
		r.resolved[d.Code] = d
		var against []string
		for _, c := range context {
			if len(r.placesOf(c)) > 0 && len(narrow([]Division{d}, []string{c}, r.placesOf)) == 0 {
				against = append(against, c)
			}
		}
		if len(against) > 0 {
			candidates = append([]string{fmt.Sprintf("%s（%s）", d.Path(), d.Code)}, against...)
		}
		return d.Code, d.Name, candidates, true
	}
	for _, d := range cands {
		candidates = append(candidates, fmt.Sprintf("%s（%s）", d.Path(), d.Code))
	}
	return "", "", candidates, false
}
