package pipeline

import (
	"encoding/json"
	"fmt"
	"math"
	"strings"

	"github.com/nqp-index/nqp/scoring/diag"
)

// Unit screening methods (COINr's unit_screen).
const (
	ScreenNone        = "none"
	ScreenByNA        = "byNA"         // keep if Dat_Avail ≥ dat_thresh
	ScreenByZeros     = "byzeros"      // keep if Non_Zero ≥ nonzero_thresh
	ScreenByNAAndZero = "byNAandzeros" // keep if both hold
)

// Screen configures unit screening by data availability (COINr's
// Screen). Off ("none") by default.
type Screen struct {
	// Method: none (default), byNA, byzeros or byNAandzeros.
	Method string `json:"method"`
	// DatThresh: minimum share of available indicators (default 2/3).
	DatThresh *float64 `json:"dat_thresh,omitempty"`
	// NonzeroThresh: minimum share of non-zero values among the available
	// ones (default 0.05).
	NonzeroThresh *float64 `json:"nonzero_thresh,omitempty"`
	// Include and Exclude force units (codes or names) in or out whatever
	// their data (COINr's Force; Exclude wins over Include).
	Include []string `json:"include,omitempty"`
	Exclude []string `json:"exclude,omitempty"`
	// After: "impute" (default: screen the imputed data, COINr's example
	// order Denominate → Impute → Screen) or "denominate" (screen before
	// imputing).
	After string `json:"after,omitempty"`
}

func (s *Screen) resolve() {
	m := strings.TrimSpace(s.Method)
	switch strings.ToLower(m) {
	case "", "none":
		s.Method = ScreenNone
		return
	case "byna", "na":
		s.Method = ScreenByNA
	case "byzeros", "zeros":
		s.Method = ScreenByZeros
	case "bynaandzeros", "na_and_zeros":
		s.Method = ScreenByNAAndZero
	}
	if s.DatThresh == nil {
		s.DatThresh = fp(2.0 / 3)
	}
	if s.NonzeroThresh == nil {
		s.NonzeroThresh = fp(0.05)
	}
	if s.After == "" {
		s.After = "impute"
	}
}

func (s Screen) check() error {
	switch s.Method {
	case ScreenNone:
		if s.DatThresh != nil || s.NonzeroThresh != nil || len(s.Include)+len(s.Exclude) > 0 || s.After != "" {
			return diag.Errorf("screen 的参数只在 screen.method 不为 none 时有效", "screen options need screen.method (byNA, byzeros or byNAandzeros)")
		}
		return nil
	case ScreenByNA, ScreenByZeros, ScreenByNAAndZero:
	default:
		return bad("screen.method", s.Method, "none, byNA, byzeros, byNAandzeros")
	}
	if t := *s.DatThresh; !(t >= 0 && t <= 1) {
		return diag.Errorf("screen.dat_thresh 必须在 [0, 1] 内", "screen.dat_thresh must be in [0, 1]")
	}
	if t := *s.NonzeroThresh; !(t >= 0 && t <= 1) {
		return diag.Errorf("screen.nonzero_thresh 必须在 [0, 1] 内", "screen.nonzero_thresh must be in [0, 1]")
	}
	switch s.After {
	case "impute", "denominate":
	default:
		return bad("screen.after", s.After, "impute, denominate")
	}
	return nil
}

// ScreenLine is COINr's DataSummary for one observation.
type ScreenLine struct {
	Unit       string `json:"unit"`
	Period     string `json:"period"`
	Missing    int    `json:"n_missing"`
	Zero       int    `json:"n_zero"`
	DatAvail   Num    `json:"dat_avail"` // 1 − n_missing/n_indicators
	NonZero    Num    `json:"non_zero"`  // 1 − n_zero/(n_indicators − n_missing); null without data
	LowData    bool   `json:"low_data"`
	LowNonZero bool   `json:"low_non_zero"`
	Forced     string `json:"forced,omitempty"` // "include" or "exclude"
	Included   bool   `json:"included"`
}

// UnitPeriod names one observation.
type UnitPeriod struct {
	Unit   string `json:"unit"`
	Period string `json:"period"`
}

// Num is a number written as null in JSON when it is NaN or infinite.
type Num float64

// MarshalJSON writes the number, or null.
func (v Num) MarshalJSON() ([]byte, error) { return appendNum(nil, float64(v)), nil }

// UnmarshalJSON reads a number written by MarshalJSON (null → NaN).
func (v *Num) UnmarshalJSON(b []byte) error {
	var x *float64
	if err := json.Unmarshal(b, &x); err != nil {
		return err
	}
	if x == nil {
		*v = Num(math.NaN())
	} else {
		*v = Num(*x)
	}
	return nil
}

func (st *state) screenEarly() error {
	if st.r.Screen.Method == ScreenNone || st.r.Screen.After != "denominate" {
		return nil
	}
	return st.screen()
}

func (st *state) screenLate() error {
	if st.r.Screen.Method == ScreenNone || st.r.Screen.After != "impute" {
		return nil
	}
	return st.screen()
}

// screen removes the observations (unit-periods) with too little data,
// as COINr's Screen does in each cross-section.
func (st *state) screen() error {
	s := st.r.Screen
	np, nr := len(st.leaves), len(st.rows)
	dt, zt := *s.DatThresh, *s.NonzeroThresh
	keep := make([]bool, nr)
	st.res.ScreenSummary = make([]ScreenLine, nr)
	st.res.ScreenRemoved = nil
	seenForce := map[string]bool{}
	for n := 0; n < nr; n++ {
		miss, zero := 0, 0
		for j := 0; j < np; j++ {
			switch v := st.xc[j][n]; {
			case math.IsNaN(v):
				miss++
			case v == 0:
				zero++
			}
		}
		o := st.res.Rows[n]
		u := st.res.Units[o.Unit]
		l := ScreenLine{Unit: u.Code, Period: st.res.Periods[o.Period].Label, Missing: miss, Zero: zero}
		avail := 1 - float64(miss)/float64(np)
		nonzero := 1 - float64(zero)/float64(np-miss) // NaN when nothing is available
		l.DatAvail, l.NonZero = Num(avail), Num(nonzero)
		l.LowData = avail < dt
		// COINr: NaN < thresh is NA and the unit's row becomes NA; here a unit
		// without any data counts as low.
		l.LowNonZero = math.IsNaN(nonzero) || nonzero < zt
		switch s.Method {
		case ScreenByNA:
			l.Included = !l.LowData
		case ScreenByZeros:
			l.Included = !l.LowNonZero
		default:
			l.Included = !(l.LowData || l.LowNonZero)
		}
		for _, f := range s.Include {
			if containsFold([]string{f}, u.Code, u.Name, u.Raw) {
				l.Included, l.Forced = true, "include"
				seenForce[strings.ToLower(strings.TrimSpace(f))] = true
			}
		}
		for _, f := range s.Exclude {
			if containsFold([]string{f}, u.Code, u.Name, u.Raw) {
				l.Included, l.Forced = false, "exclude"
				seenForce[strings.ToLower(strings.TrimSpace(f))] = true
			}
		}
		keep[n] = l.Included
		st.res.ScreenSummary[n] = l
		if !l.Included {
			st.res.ScreenRemoved = append(st.res.ScreenRemoved, UnitPeriod{Unit: l.Unit, Period: l.Period})
		}
	}
	for _, f := range append(append([]string(nil), s.Include...), s.Exclude...) {
		if !seenForce[strings.ToLower(strings.TrimSpace(f))] {
			st.rep.Add(diag.Problem{Severity: diag.Warning, Code: "screen-unknown-unit", Text: f,
				Zh: fmt.Sprintf("screen.include/exclude 中的地区 %s 不在数据中", f),
				En: fmt.Sprintf("screen.include/exclude: unit %s is not in the data", f)})
		}
	}
	if k := len(st.res.ScreenRemoved); k > 0 {
		var names []string
		for i, r := range st.res.ScreenRemoved {
			if i == 20 {
				names = append(names, "…")
				break
			}
			if len(st.res.Periods) > 1 {
				names = append(names, r.Unit+" "+r.Period)
			} else {
				names = append(names, r.Unit)
			}
		}
		st.rep.Add(diag.Problem{Severity: diag.Warning, Code: "screen-removed",
			Zh: fmt.Sprintf("按数据可得性筛选（%s）去掉了 %d 个观测：%s", s.Method, k, strings.Join(names, "、")),
			En: fmt.Sprintf("screening by data availability (%s) removed %d observations: %s", s.Method, k, strings.Join(names, ", "))})
		if k == nr {
			return st.fail("screen-all", "按数据可得性筛选后没有剩下任何观测（检查 screen.dat_thresh / nonzero_thresh）",
				"screening by data availability removed every observation (check screen.dat_thresh / nonzero_thresh)")
		}
		st.keepRows(keep)
	}
	st.res.Screened = transpose(st.xc)
	return nil
}
