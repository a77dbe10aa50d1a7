package region

import "testing"

// In a prefecture-level file, each of the 333 named prefecture-level units
// (the placeholders 市辖区, 县 and 省直辖县级行政区划 aside) resolves to its
// own code by its published name and by its short name (延边, 阿克苏,
// 锡林郭勒…), with or without a province column.
func TestEveryPrefecture(t *testing.T) {
	var ps []Division
	var units []string
	for _, d := range Divisions(LevelPrefecture) {
		if !placeholder(d.Name) {
			ps = append(ps, d)
			units = append(units, d.Name)
		}
	}
	if len(ps) != 333 {
		t.Fatalf("%d named prefectures, want 333", len(ps))
	}
	r := NewResolver(nil)
	r.Prepare([]string{"城市", "省份"}, 0, units)
	if r.Level() != LevelPrefecture {
		t.Fatalf("level %v", r.Level())
	}
	bad := 0
	for _, d := range ps {
		for _, name := range []string{d.Name, shortName(d.Name, false)} {
			for _, ctx := range [][]string{nil, {d.ProvinceName}} {
				code, _, cands, ok := r.Resolve(name, ctx)
				if !ok || code != d.Code || cands != nil {
					if bad++; bad <= 10 {
						t.Errorf("%s as %q %v: %s %v %v", d.Path(), name, ctx, code, cands, ok)
					}
				}
			}
		}
	}
}
