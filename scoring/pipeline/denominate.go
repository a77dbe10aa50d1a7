package pipeline

import (
	"fmt"
	"math"
	"strings"

	"github.com/nqp-index/nqp/scoring/diag"
)

// Denominate configures the denominate step (COINr's Denominate): per
// capita, per GDP, per area or any "A / B × k" ratio. Each indicator with a
// denominator becomes x / (d / scale), where d is a data column that is
// not scored (population, GDP, area…). Off by default.
type Denominate struct {
	Enabled bool `json:"enabled"`
	// UseFramework takes the pairs from the framework's Denominator fields
	// (the iMeta "Denominator" column); default true.
	UseFramework *bool `json:"use_framework,omitempty"`
	// Pairs add to or override the framework's pairs. A pair with an empty
	// denominator keeps the framework's denominator (and sets the scale);
	// the denominator "none" leaves the indicator as it is.
	Pairs []DenomPair `json:"pairs,omitempty"`
}

// DenomPair divides an indicator by a data column: x / (denominator/scale).
type DenomPair struct {
	Indicator   string   `json:"indicator"`
	Denominator string   `json:"denominator,omitempty"`
	Scale       *float64 `json:"scale,omitempty"` // COINr's ScaleFactor; default 1
}

func (d *Denominate) resolve() {
	if !d.Enabled {
		return
	}
	if d.UseFramework == nil {
		t := true
		d.UseFramework = &t
	}
	for i := range d.Pairs {
		if d.Pairs[i].Scale == nil {
			d.Pairs[i].Scale = fp(1)
		}
	}
}

func (d Denominate) check() error {
	seen := map[string]bool{}
	for _, p := range d.Pairs {
		code := strings.TrimSpace(p.Indicator)
		if code == "" {
			return diag.Errorf("denominate.pairs 中有一项没有给出指标", "denominate.pairs: an entry has no indicator")
		}
		if seen[code] {
			return diag.Errorf("denominate.pairs 中指标 %s 出现了两次", "denominate.pairs: indicator %s appears twice", code)
		}
		seen[code] = true
		if p.Scale != nil && !(*p.Scale > 0 && !math.IsInf(*p.Scale, 0)) {
			return diag.Errorf("denominate.pairs 中指标 %s 的 scale 必须为正数", "denominate.pairs: the scale of %s must be a positive number", code)
		}
	}
	return nil
}

// denominate divides the indicators by their denominators (COINr:
// x / (denom / ScaleFactor)). A missing or zero denominator gives a missing
// value, with one warning per indicator naming the observations.
func (st *state) denominate() error {
	d := st.r.Denominate
	if !d.Enabled {
		return nil
	}
	data := st.data
	// effective pairs, by leaf index
	den := make([]string, len(st.leaves))
	scale := make([]float64, len(st.leaves))
	if *d.UseFramework {
		for j, c := range st.leaves {
			if n := st.fw.Node(c); n != nil && n.Denominator != "" {
				den[j], scale[j] = n.Denominator, 1
			}
		}
	}
	for _, p := range d.Pairs {
		j := -1
		for jj, c := range st.leaves {
			if strings.EqualFold(c, strings.TrimSpace(p.Indicator)) {
				j = jj
			}
		}
		if j < 0 {
			st.rep.Add(diag.Problem{Severity: diag.Warning, Code: "denominate-unknown-indicator", Text: p.Indicator,
				Zh: fmt.Sprintf("denominate.pairs 中的指标 %s 不在本次计算的指标中，已忽略", p.Indicator),
				En: fmt.Sprintf("denominate.pairs: indicator %s is not scored in this run and is ignored", p.Indicator)})
			continue
		}
		switch name := strings.TrimSpace(p.Denominator); {
		case strings.EqualFold(name, "none"):
			den[j] = ""
		case name == "":
			if den[j] == "" {
				if n := st.fw.Node(st.leaves[j]); n != nil && n.Denominator != "" {
					den[j] = n.Denominator
				} else {
					return st.fail("denominate-no-denominator",
						fmt.Sprintf("denominate.pairs 中的指标 %s 没有给出分母，指标体系中也没有", st.leaves[j]),
						fmt.Sprintf("denominate.pairs: indicator %s has no denominator, neither in the recipe nor in the framework", st.leaves[j]))
				}
			}
			scale[j] = *p.Scale
		default:
			den[j], scale[j] = name, *p.Scale
		}
	}
	st.res.Denominators = nil
	for j, name := range den {
		if name == "" {
			continue
		}
		k := data.ColumnIndex(name)
		if k < 0 {
			return st.fail("denominate-no-column",
				fmt.Sprintf("指标 %s 的分母列“%s”不在数据中", st.leaves[j], name),
				fmt.Sprintf("the denominator column %q of indicator %s is not in the data", name, st.leaves[j]))
		}
		if _, scored := st.colOf[name]; scored && name != st.leaves[j] {
			st.rep.Add(diag.Problem{Severity: diag.Info, Code: "denominate-scored-denominator", File: data.File, Column: name,
				Zh: fmt.Sprintf("指标 %s 的分母 %s 本身也是参与计算的指标；分母取其原始值", st.leaves[j], name),
				En: fmt.Sprintf("the denominator %s of indicator %s is itself a scored indicator; its raw values are used", name, st.leaves[j])})
		}
		s := scale[j]
		st.res.Denominators = append(st.res.Denominators, DenomPair{Indicator: st.leaves[j], Denominator: name, Scale: &s})
		x := st.xc[j]
		var bad []string
		nbad := 0
		for n, i := range st.rows {
			if math.IsNaN(x[n]) {
				continue
			}
			dv := data.Rows[i].Values[k]
			if math.IsNaN(dv) || dv == 0 || math.IsInf(dv, 0) {
				x[n] = math.NaN()
				nbad++
				if len(bad) < 10 {
					bad = append(bad, st.obsLabel(n))
				}
				continue
			}
			x[n] = x[n] / (dv / s)
		}
		if nbad > 0 {
			more := ""
			if nbad > len(bad) {
				more = fmt.Sprintf(" …（共 %d 个）", nbad)
			}
			moreEn := ""
			if nbad > len(bad) {
				moreEn = fmt.Sprintf(" … (%d in all)", nbad)
			}
			st.rep.Add(diag.Problem{Severity: diag.Warning, Code: "denominator-missing", File: data.File, Column: name,
				Zh: fmt.Sprintf("指标 %s 除以 %s 时分母缺失或为零，结果记为缺失：%s%s", st.leaves[j], name, strings.Join(bad, "、"), more),
				En: fmt.Sprintf("indicator %s divided by %s: the denominator is missing or zero, so the value is missing for %s%s", st.leaves[j], name, strings.Join(bad, ", "), moreEn)})
		}
	}
	if len(st.res.Denominators) == 0 {
		st.rep.Add(diag.Problem{Severity: diag.Warning, Code: "denominate-nothing",
			Zh: "已开启 denominate，但没有任何指标指定了分母（指标体系的 Denominator 列或 denominate.pairs）",
			En: "denominate is on but no indicator has a denominator (framework Denominator column or denominate.pairs)"})
	}
	st.res.Denominated = transpose(st.xc)
	return nil
}

// obsLabel names result row n as "unit period" (or just the unit when
// there is a single period).
func (st *state) obsLabel(n int) string {
	o := st.res.Rows[n]
	u := st.res.Units[o.Unit].Code
	if len(st.res.Periods) <= 1 {
		return u
	}
	return u + " " + st.res.Periods[o.Period].Label
}
