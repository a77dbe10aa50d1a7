package region

import (
	"bytes"
	_ "embed" // for go:embed
	"encoding/csv"
	"fmt"
	"sort"
	"strconv"
	"sync"
)

//go:embed data/china_provinces_31.csv
var provincesCSV []byte

//go:embed data/china_province_adjacency.csv
var adjacencyCSV []byte

// Province is one of the 31 provincial-level divisions of mainland China.
type Province struct {
	Code      string `json:"code"`       // GB/T 2260 code, e.g. "110000"
	FullZh    string `json:"full_zh"`    // e.g. "北京市", "内蒙古自治区"
	ShortZh   string `json:"short_zh"`   // e.g. "北京", "内蒙古"
	En        string `json:"en"`         // e.g. "Beijing", "Inner Mongolia", "Tibet (Xizang)"
	Abbr      string `json:"abbr"`       // one-character abbreviation, e.g. "京"
	Region4Zh string `json:"region4_zh"` // NBS 2011 four regions: 东部, 中部, 西部, 东北
	Region4En string `json:"region4_en"` // East, Central, West, Northeast
	Region3Zh string `json:"region3_zh"` // older three belts: 东部, 中部, 西部
	Capital   string `json:"capital"`    // capital city (zh)

	// Approximate coordinates in degrees.
	CapitalLon  float64 `json:"capital_lon"`
	CapitalLat  float64 `json:"capital_lat"`
	CentroidLon float64 `json:"centroid_lon"`
	CentroidLat float64 `json:"centroid_lat"`
}

// LinkKind says why two provinces are neighbours.
type LinkKind int

const (
	// Land is a shared land border.
	Land LinkKind = iota
	// Sea is the conventional sea link 广东–海南 used in most Chinese
	// spatial weight matrices, so that 海南 is not an island in W.
	Sea
	// OptionalSea is the 广西–海南 link that some papers add as well.
	OptionalSea
)

func (k LinkKind) String() string {
	switch k {
	case Land:
		return "land"
	case Sea:
		return "sea"
	case OptionalSea:
		return "optional-sea"
	}
	return fmt.Sprintf("link(%d)", int(k))
}

// Link is a pair of neighbouring provinces, A < B by code.
type Link struct {
	A, B string
	Kind LinkKind
	// BorderDeg is the approximate length of the shared land border in
	// degrees (0 for sea links).
	BorderDeg float64
}

type tables struct {
	provinces []Province
	byCode    map[string]int
	keys      map[string]int // normalised name form → index
	links     []Link
}

// load parses the embedded tables once. The data are fixed, so a failure is
// a build error and panics (it is caught by the package tests).
var load = sync.OnceValue(func() *tables {
	t, err := parse()
	if err != nil {
		panic("region: embedded data: " + err.Error())
	}
	return t
})

func parse() (*tables, error) {
	recs, err := csv.NewReader(bytes.NewReader(provincesCSV)).ReadAll()
	if err != nil {
		return nil, err
	}
	t := &tables{byCode: map[string]int{}}
	num := func(s string) float64 {
		v, e := strconv.ParseFloat(s, 64)
		if e != nil && err == nil {
			err = e
		}
		return v
	}
	for _, r := range recs[1:] {
		if len(r) != 13 {
			return nil, fmt.Errorf("provinces: %d fields", len(r))
		}
		p := Province{Code: r[0], FullZh: r[1], ShortZh: r[2], En: r[3], Abbr: r[4],
			Region4Zh: r[5], Region4En: r[6], Region3Zh: r[7], Capital: r[8],
			CapitalLon: num(r[9]), CapitalLat: num(r[10]), CentroidLon: num(r[11]), CentroidLat: num(r[12])}
		t.byCode[p.Code] = len(t.provinces)
		t.provinces = append(t.provinces, p)
	}
	if err != nil {
		return nil, err
	}
	if len(t.provinces) != 31 {
		return nil, fmt.Errorf("%d provinces", len(t.provinces))
	}
	sort.SliceStable(t.provinces, func(i, j int) bool { return t.provinces[i].Code < t.provinces[j].Code })
	for i, p := range t.provinces {
		t.byCode[p.Code] = i
	}
	recs, err = csv.NewReader(bytes.NewReader(adjacencyCSV)).ReadAll()
	if err != nil {
		return nil, err
	}
	for _, r := range recs[1:] {
		if len(r) != 6 {
			return nil, fmt.Errorf("adjacency: %d fields", len(r))
		}
		l := Link{A: r[0], B: r[2]}
		if l.A > l.B {
			l.A, l.B = l.B, l.A
		}
		switch {
		case r[4] == "land":
			l.Kind = Land
			if l.BorderDeg, err = strconv.ParseFloat(r[5], 64); err != nil {
				return nil, err
			}
		case len(r[4]) >= 9 && r[4][:9] == "optional_":
			l.Kind = OptionalSea
		default:
			l.Kind = Sea
		}
		if _, ok := t.byCode[l.A]; !ok {
			return nil, fmt.Errorf("adjacency: unknown code %s", l.A)
		}
		if _, ok := t.byCode[l.B]; !ok {
			return nil, fmt.Errorf("adjacency: unknown code %s", l.B)
		}
		t.links = append(t.links, l)
	}
	sort.SliceStable(t.links, func(i, j int) bool {
		if t.links[i].A != t.links[j].A {
			return t.links[i].A < t.links[j].A
		}
		return t.links[i].B < t.links[j].B
	})
	t.keys = buildKeys(t.provinces)
	return t, nil
}

// Provinces returns the 31 provinces in code order (a fresh copy).
func Provinces() []Province {
	return append([]Province(nil), load().provinces...)
}

// ByCode returns the province with the 6-digit GB/T 2260 code.
func ByCode(code string) (Province, bool) {
	t := load()
	if i, ok := t.byCode[code]; ok {
		return t.provinces[i], true
	}
	return Province{}, false
}

// Region4 returns the NBS (2011) four-region group of the province with
// code (any form Match accepts): 东部/East, 中部/Central, 西部/West or
// 东北/Northeast.
func Region4(code string) (zh, en string, ok bool) {
	p, ok := Match(code)
	if !ok {
		return "", "", false
	}
	return p.Region4Zh, p.Region4En, true
}

// Region3 returns the older three-belt group (东部, 中部 or 西部) of the
// province with code (any form Match accepts). In it 辽宁 is 东部 and
// 吉林, 黑龙江 are 中部.
func Region3(code string) (zh string, ok bool) {
	p, ok := Match(code)
	if !ok {
		return "", false
	}
	return p.Region3Zh, true
}

// Links returns all neighbour pairs known to the package: the 68 land
// borders, the conventional sea link 广东–海南 (Kind Sea) and the optional
// sea link 广西–海南 (Kind OptionalSea), sorted by codes.
func Links() []Link {
	return append([]Link(nil), load().links...)
}

// Adjacency returns the neighbour pairs as code pairs {a, b} with a < b,
// sorted: the 68 land borders, plus 广东–海南 when seaLinks is true. The
// optional 广西–海南 link that some papers also use is not included; get
// it from Links (Kind OptionalSea) or use AdjacencyWith.
func Adjacency(seaLinks bool) [][2]string {
	if seaLinks {
		return AdjacencyWith(Land, Sea)
	}
	return AdjacencyWith(Land)
}

// AdjacencyWith returns the code pairs of the links of the given kinds,
// e.g. AdjacencyWith(Land, Sea, OptionalSea) for 70 pairs.
func AdjacencyWith(kinds ...LinkKind) [][2]string {
	var out [][2]string
	for _, l := range load().links {
		for _, k := range kinds {
			if l.Kind == k {
				out = append(out, [2]string{l.A, l.B})
				break
			}
		}
	}
	return out
}
