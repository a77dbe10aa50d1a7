package region

import (
	"math"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// kind of a division, for suffix checks.
type divKind int

const (
	municipality divKind = iota + 1 // 直辖市
	province                        // 省
	autonomous                      // 自治区
)

func kindOf(code string) divKind {
	switch code {
	case "110000", "120000", "310000", "500000":
		return municipality
	case "150000", "450000", "540000", "640000", "650000":
		return autonomous
	}
	return province
}

// extra names beyond the table's full, short, English and abbreviation
// forms: pinyin, other English spellings, secondary abbreviations and
// common short forms. Keys are normalised by key().
var extraNames = map[string][]string{
	"110000": {"Peking", "Pei-ching"},
	"140000": {"Shansi"},
	"150000": {"Inner Mongolia", "Nei Mongol", "Neimenggu", "Nei Menggu", "Neimeng", "内蒙"},
	"230000": {"Hei Longjiang"},
	"450000": {"广西壮族"},
	"500000": {"Chungking"},
	"510000": {"蜀"},
	"520000": {"贵"},
	"530000": {"云"},
	"540000": {"Tibet", "Xizang", "Xizang Tibet"},
	"610000": {"Shaanxi", "Shensi", "秦"},
	"620000": {"陇"},
	"640000": {"宁夏回族"},
	"650000": {"新疆维吾尔", "Sinkiang"},
}

// suffixes that may follow a name, with the kind of division they fit.
// 0 means any kind.
var suffixes = []struct {
	s string
	k divKind
}{
	{"省", province}, {"市", municipality}, {"自治区", autonomous},
	{"壮族", autonomous}, {"回族", autonomous}, {"维吾尔族", autonomous}, {"维吾尔", autonomous},
	{"province", province}, {"sheng", province},
	{"municipality", municipality}, {"city", municipality}, {"shi", municipality},
	{"autonomousregion", autonomous}, {"zizhiqu", autonomous}, {"region", autonomous},
	{"zhuang", autonomous}, {"hui", autonomous}, {"uygur", autonomous}, {"uyghur", autonomous},
	{"uighur", autonomous}, {"weiwuer", autonomous}, {"zhuangzu", autonomous}, {"huizu", autonomous},
}

func buildKeys(ps []Province) map[string]int {
	m := map[string]int{}
	add := func(s string, i int) {
		k := key(s)
		if k == "" {
			return
		}
		if j, ok := m[k]; ok && j != i {
			panic("region: name form " + s + " is ambiguous")
		}
		m[k] = i
	}
	for i, p := range ps {
		add(p.FullZh, i)
		add(p.ShortZh, i)
		add(p.Abbr, i)
		add(p.En, i)
		for _, e := range extraNames[p.Code] {
			add(e, i)
		}
	}
	return m
}

// shaan spells Shǎnxī's first syllable as 陕西's romanisation does.
var shaan = strings.NewReplacer("shǎn", "shaan", "shăn", "shaan")

// key normalises a name for lookup: Unicode compatibility forms folded
// (full-width letters and digits become ASCII), lower case, pinyin tone
// marks dropped (but "shǎn" becomes "shaan", so that Shǎnxī is 陕西), and
// every space (including NBSP and the ideographic space), apostrophe,
// hyphen, dot, underscore and bracket removed.
func key(s string) string {
	s = norm.NFKC.String(s)
	s = strings.ToLower(s)
	s = shaan.Replace(s)
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r), unicode.IsSpace(r), unicode.Is(unicode.Cf, r):
			continue
		case strings.ContainsRune("-_.'’‘`·•・‧‐‑‒–—―()[]{}（）【】\"“”", r):
			continue
		}
		b.WriteRune(r)
	}
	return norm.NFC.String(b.String())
}

// Match recognises a province written in any of these forms:
//
//   - the full or short Chinese name: 北京市, 北京, 内蒙古自治区, 内蒙古,
//     广西壮族自治区, 广西自治区, 新疆维吾尔自治区, 新疆自治区, 黑龙江省;
//   - the one-character abbreviation: 京, 沪, 蒙 (and 蜀, 贵, 云, 秦, 陇);
//   - the GB/T 2260 code 110000 or its 2-digit prefix 11 (also the 12-digit
//     statistical code 110000000000 and numeric spellings such as 110000.0
//     or 5e+05, which R and Excel produce);
//   - the English name or pinyin, in any case and with or without spaces,
//     hyphens or apostrophes: Beijing, BEIJING, Inner Mongolia, Nei Mongol,
//     neimenggu, Tibet, Xizang, Shaanxi, Shaan'xi, Shǎnxī (陕西) as distinct
//     from Shanxi (山西), optionally followed by Province, Municipality, City,
//     Autonomous Region, Sheng, Shi or Zizhiqu.
//
// All white space (including full-width spaces and NBSP) is removed first,
// so "北   京" and "  上海市 " match. A suffix must fit the kind of division:
// 北京省 and 吉林市 (a city in 吉林省) do not match. Hong Kong, Macau,
// Taiwan and national totals (全国) are not among the 31 and do not match.
func Match(raw string) (Province, bool) {
	t := load()
	if code, ok := numericCode(compact(raw)); ok {
		if i, ok := t.byCode[code]; ok {
			return t.provinces[i], true
		}
		return Province{}, false
	}
	k := key(raw)
	if k == "" {
		return Province{}, false
	}
	if i, ok := t.keys[k]; ok {
		return t.provinces[i], true
	}
	// strip suffixes that fit the kind of the division found
	var kinds []divKind
	for range 3 {
		stripped := false
		for _, s := range suffixes {
			if len(k) > len(s.s) && strings.HasSuffix(k, s.s) {
				k = k[:len(k)-len(s.s)]
				kinds = append(kinds, s.k)
				stripped = true
				break
			}
		}
		if !stripped {
			break
		}
		if i, ok := t.keys[k]; ok {
			dk := kindOf(t.provinces[i].Code)
			for _, want := range kinds {
				if want != dk {
					return Province{}, false
				}
			}
			return t.provinces[i], true
		}
	}
	return Province{}, false
}

// compact folds compatibility forms and removes white space and format
// characters.
func compact(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) {
			return -1
		}
		return r
	}, norm.NFKC.String(s))
}

// numericCode turns a compacted numeric string into a 6-digit code:
// "11", "1100", "110000", "110000000000" (a 2-digit prefix followed by
// zeros), or a number such as "110000.0" or "1.1e+05". ok is false if k is
// not numeric.
func numericCode(k string) (string, bool) {
	digits := true
	for _, r := range k {
		if r < '0' || r > '9' {
			digits = false
			break
		}
	}
	if digits {
		if len(k) < 2 || strings.Trim(k[2:], "0") != "" {
			return "", true
		}
		return k[:2] + "0000", true
	}
	if k == "" || !strings.ContainsAny(k[:1], "0123456789+.") {
		return "", false
	}
	v, err := strconv.ParseFloat(k, 64)
	if err != nil {
		return "", false
	}
	if v != math.Trunc(v) || v < 100000 || v > 999999 {
		return "", true
	}
	return strconv.FormatInt(int64(v), 10), true
}

// MatchName is Match in the form of the ingest package's unit matcher: it
// returns the 6-digit code and the short Chinese name (北京, 内蒙古 …).
func MatchName(raw string) (code, name string, ok bool) {
	p, ok := Match(raw)
	if !ok {
		return "", "", false
	}
	return p.Code, p.ShortZh, true
}
