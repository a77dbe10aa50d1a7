package region

import (
	"bytes"
	_ "embed" // for go:embed
	"encoding/csv"
	"fmt"
	"strings"
	"sync"
)

// The national statistical division codes (NBS 2023): 31 provinces, 342
// prefecture-level and 2,978 county-level units. See
// data/divisions/PROVENANCE.md.
var (
	//go:embed data/divisions/provinces.csv
	divProvincesCSV []byte
	//go:embed data/divisions/cities.csv
	divCitiesCSV []byte
	//go:embed data/divisions/areas.csv
	divAreasCSV []byte
)

// Level is the level of an administrative division.
type Level int

// Division levels.
const (
	LevelProvince   Level = 1 // 省级: province, autonomous region, municipality
	LevelPrefecture Level = 2 // 地级: prefecture-level city, 地区, 自治州, 盟
	LevelCounty     Level = 3 // 县级: district, county, county-level city, 旗 …
)

// Zh and En name the level.
func (l Level) Zh() string {
	return map[Level]string{LevelProvince: "省级", LevelPrefecture: "地级", LevelCounty: "县级"}[l]
}

// En names the level in English.
func (l Level) En() string {
	return map[Level]string{LevelProvince: "province", LevelPrefecture: "prefecture", LevelCounty: "county"}[l]
}

// Division is one unit of the national statistical division codes.
type Division struct {
	Code  string `json:"code"` // 6 digits: 330000, 330400, 330421
	Name  string `json:"name"` // as published: 浙江省, 嘉兴市, 嘉善县
	Level Level  `json:"level"`
	// Prefecture is the 6-digit code of the prefecture-level unit the
	// division belongs to (its own code for a prefecture, "" for a
	// province). PrefectureName is its name; the placeholder rows of the
	// published table are named after what they hold: 北京市 for
	// 北京's 市辖区, 重庆市（县） for 重庆's 县, 河南省直辖县级行政区划 for
	// the county-level cities directly under 河南省.
	Prefecture     string `json:"prefecture,omitempty"`
	PrefectureName string `json:"prefecture_name,omitempty"`
	Province       string `json:"province"` // 6-digit province code
	ProvinceName   string `json:"province_name"`
}

// Path is the division's name preceded by its province and prefecture,
// e.g. 吉林省长春市朝阳区, 北京市朝阳区, 浙江省嘉兴市.
func (d Division) Path() string {
	switch d.Level {
	case LevelProvince:
		return d.Name
	case LevelPrefecture:
		return d.ProvinceName + d.Name
	}
	if strings.HasPrefix(d.PrefectureName, d.ProvinceName) {
		return d.PrefectureName + d.Name
	}
	return d.ProvinceName + d.PrefectureName + d.Name
}

type divTables struct {
	divs   []Division
	byCode map[string]int
	full   map[string][]int // key(published name) → divisions
	short  map[string][]int // key(short name) → divisions
	places []prefixCut      // name keys of provinces and prefectures
}

var loadDivisions = sync.OnceValue(func() *divTables {
	t, err := parseDivisions()
	if err != nil {
		panic("region: embedded divisions: " + err.Error())
	}
	return t
})

// placeholder reports whether a prefecture row only groups counties (its
// name is not a place name).
func placeholder(name string) bool {
	return name == "市辖区" || name == "县" || strings.HasSuffix(name, "直辖县级行政区划")
}

func parseDivisions() (*divTables, error) {
	read := func(b []byte, fields int, what string) ([][]string, error) {
		recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
		if err != nil {
			return nil, fmt.Errorf("%s: %v", what, err)
		}
		for _, r := range recs[1:] {
			if len(r) != fields {
				return nil, fmt.Errorf("%s: %d fields", what, len(r))
			}
		}
		return recs[1:], nil
	}
	provs, err := read(divProvincesCSV, 2, "provinces")
	if err != nil {
		return nil, err
	}
	cities, err := read(divCitiesCSV, 3, "cities")
	if err != nil {
		return nil, err
	}
	areas, err := read(divAreasCSV, 4, "areas")
	if err != nil {
		return nil, err
	}
	t := &divTables{byCode: map[string]int{}, full: map[string][]int{}, short: map[string][]int{}}
	add := func(d Division) error {
		if _, dup := t.byCode[d.Code]; dup || len(d.Code) != 6 {
			return fmt.Errorf("code %s repeated or not 6 digits", d.Code)
		}
		t.byCode[d.Code] = len(t.divs)
		t.divs = append(t.divs, d)
		return nil
	}
	for _, r := range provs {
		if err := add(Division{Code: r[0] + "0000", Name: r[1], Level: LevelProvince, Province: r[0] + "0000", ProvinceName: r[1]}); err != nil {
			return nil, err
		}
	}
	prov := func(code string) (Division, error) {
		if i, ok := t.byCode[code+"0000"]; ok && len(code) == 2 {
			return t.divs[i], nil
		}
		return Division{}, fmt.Errorf("unknown province %q", code)
	}
	for _, r := range cities {
		p, err := prov(r[2])
		if err != nil || r[0][:2] != r[2] {
			return nil, fmt.Errorf("city %s: province %s", r[0], r[2])
		}
		pname := r[1]
		switch {
		case r[1] == "市辖区":
			pname = p.Name
		case r[1] == "县":
			pname = p.Name + "（县）"
		case placeholder(r[1]):
			pname = p.Name + r[1]
		}
		if err := add(Division{Code: r[0] + "00", Name: r[1], Level: LevelPrefecture, Prefecture: r[0] + "00",
			PrefectureName: pname, Province: p.Code, ProvinceName: p.Name}); err != nil {
			return nil, err
		}
	}
	for _, r := range areas {
		p, err := prov(r[3])
		if err != nil {
			return nil, fmt.Errorf("area %s: %v", r[0], err)
		}
		ci, ok := t.byCode[r[2]+"00"]
		if !ok || r[0][:4] != r[2] || r[2][:2] != r[3] {
			return nil, fmt.Errorf("area %s: city %s", r[0], r[2])
		}
		c := t.divs[ci]
		if r[0] == c.Code && r[1] == c.Name {
			// 东莞市, 中山市, 儋州市: prefecture-level cities without
			// counties are listed again as their own county-level unit.
			continue
		}
		if err := add(Division{Code: r[0], Name: r[1], Level: LevelCounty, Prefecture: c.Code,
			PrefectureName: c.PrefectureName, Province: p.Code, ProvinceName: p.Name}); err != nil {
			return nil, err
		}
	}
	for i, d := range t.divs {
		if d.Level == LevelPrefecture && placeholder(d.Name) {
			continue
		}
		k := key(d.Name)
		t.full[k] = append(t.full[k], i)
		if d.Level != LevelCounty {
			t.places = append(t.places, prefixCut{k, d})
			if s := key(shortName(d.Name, false)); s != k {
				t.places = append(t.places, prefixCut{s, d})
			}
		}
		names := []string{shortName(d.Name, false)}
		if d.Level == LevelProvince {
			if p, ok := ByCode(d.Code); ok {
				names = append(names, p.ShortZh)
			}
		}
		for _, s := range names {
			if s = key(s); s != "" && s != k && !containsInt(t.short[s], i) {
				t.short[s] = append(t.short[s], i)
			}
		}
	}
	return t, nil
}

func containsInt(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// Divisions returns every division of the given level (0: all) in code
// order.
func Divisions(level Level) []Division {
	var out []Division
	for _, d := range loadDivisions().divs {
		if level == 0 || d.Level == level {
			out = append(out, d)
		}
	}
	return out
}

// DivisionByCode returns the division with a 6-digit code (330421,
// 330400, 330000), a 4-digit prefecture code (3304), a 2-digit province
// code (33) or a 12-digit statistical code whose last six digits are 0
// (330421000000).
func DivisionByCode(code string) (Division, bool) {
	c, ok := divisionCode(compact(code))
	if !ok {
		return Division{}, false
	}
	t := loadDivisions()
	if i, ok := t.byCode[c]; ok {
		return t.divs[i], true
	}
	return Division{}, false
}

// divisionCode turns 2, 4, 6 or 12 digits (or a number such as 330421.0)
// into a 6-digit code; ok is false for anything else.
func divisionCode(s string) (string, bool) {
	s = strings.TrimSuffix(strings.TrimSuffix(s, ".0"), ".00")
	for _, r := range s {
		if r < '0' || r > '9' {
			return "", false
		}
	}
	switch len(s) {
	case 2:
		return s + "0000", true
	case 4:
		return s + "00", true
	case 6:
		return s, true
	case 12:
		if strings.Trim(s[6:], "0") == "" {
			return s[:6], true
		}
	}
	return "", false
}

// Group kinds derived from division codes.
const (
	GroupPrefecture = "prefecture"
	GroupProvince   = "province"
)

// DivisionGroup returns the group label of the unit with code under the
// grouping g: "prefecture" (the name of its prefecture-level unit, e.g.
// 嘉兴市) or "province" (e.g. 浙江省). known is false when g is neither;
// ok is false when the code is not a division (or, for "prefecture", a
// province).
func DivisionGroup(g, code string) (label string, ok, known bool) {
	switch g {
	case GroupPrefecture, GroupProvince:
	default:
		return "", false, false
	}
	d, found := DivisionByCode(code)
	if !found {
		if p, ok := Match(code); ok && g == GroupProvince {
			return p.FullZh, true, true
		}
		return "", false, true
	}
	if g == GroupProvince {
		return d.ProvinceName, true, true
	}
	if d.Level == LevelProvince {
		return "", false, true
	}
	return d.PrefectureName, true, true
}

// ProvinceCode returns the 6-digit code of the province of a prefecture or
// county division code (330421 → 330000), or code unchanged when it is not
// one, so that Region4 and Region3 group prefectures and counties by their
// province.
func ProvinceCode(code string) string {
	if _, ok := Match(code); ok {
		return code
	}
	if d, ok := DivisionByCode(code); ok {
		return d.Province
	}
	return code
}
