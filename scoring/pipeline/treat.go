package pipeline

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/nqp-index/nqp/scoring/diag"
)

// Outlier treatments.
const (
	TreatNone      = "none"
	TreatWinsorise = "winsorise" // COINr's default: winsorise, then f2 if still failing
	// Second treatments (f2), used when winsorising does not pass.
	F2LogCT     = "log_CT"      // log(x − min + 0.01·(max − min))
	F2LogCTOrig = "log_CT_orig" // log(x − min + 1)
	F2LogCTPlus = "log_CT_plus" // log_CT if skew > 0, else −log(max + a − x), a = 0.01·(max − min)
	F2BoxCox    = "boxcox"      // ((x − min + 1)^λ − 1)/λ, or log(x − min + 1) for λ = 0
	F2None      = "none"
)

// Treat configures outlier treatment (COINr's Treat with its default
// specification: f_pass = check_SkewKurt, f1 = winsorise, f2 = log_CT).
// Off ("none") by default.
type Treat struct {
	// Method: none (default) or winsorise.
	Method string `json:"method"`
	// Winmax: at most this many points winsorised (ties count together,
	// so more may be); default 5.
	Winmax *int `json:"winmax,omitempty"`
	// An indicator fails (has outliers) iff |skew| ≥ SkewThresh and
	// kurtosis ≥ KurtThresh (defaults 2 and 3.5).
	SkewThresh *float64 `json:"skew_thresh,omitempty"`
	KurtThresh *float64 `json:"kurt_thresh,omitempty"`
	// F2: transformation when winsorising does not pass: log_CT (default),
	// log_CT_orig, log_CT_plus, boxcox or none.
	F2 string `json:"f2,omitempty"`
	// Lambda of boxcox.
	Lambda *float64 `json:"lambda,omitempty"`
	// Combine applies f2 to the winsorised values (COINr combine_treat);
	// by default f2 is applied to the original values.
	Combine bool `json:"combine,omitempty"`
	// Scope: "period" (each period on its own, as COINr; default) or "global".
	Scope string `json:"scope,omitempty"`
	// Indicators overrides the treatment per indicator code.
	Indicators map[string]TreatSpec `json:"indicators,omitempty"`
}

// TreatSpec is a per-indicator override: Method "none" leaves the
// indicator untreated; the other fields replace the global ones.
type TreatSpec struct {
	Method string   `json:"method,omitempty"`
	Winmax *int     `json:"winmax,omitempty"`
	F2     string   `json:"f2,omitempty"`
	Lambda *float64 `json:"lambda,omitempty"`
}

func ip(v int) *int { return &v }

func (t *Treat) resolve() {
	t.Method = strings.ToLower(strings.TrimSpace(t.Method))
	switch t.Method {
	case "":
		t.Method = TreatNone
	case "winsorize", "coinr", "default":
		t.Method = TreatWinsorise
	}
	if t.Method == TreatNone {
		return
	}
	if t.Winmax == nil {
		t.Winmax = ip(5)
	}
	if t.SkewThresh == nil {
		t.SkewThresh = fp(2)
	}
	if t.KurtThresh == nil {
		t.KurtThresh = fp(3.5)
	}
	if t.F2 == "" {
		t.F2 = F2LogCT
	}
	if t.Scope == "" {
		t.Scope = ScopePeriod
	}
}

func checkF2(field, f2 string, lambda *float64) error {
	switch f2 {
	case F2LogCT, F2LogCTOrig, F2LogCTPlus, F2None:
	case F2BoxCox:
		if lambda == nil || math.IsNaN(*lambda) || math.IsInf(*lambda, 0) {
			return diag.Errorf("%s 为 boxcox 时需要 lambda", "%s boxcox needs lambda", field)
		}
	default:
		return bad(field, f2, "log_CT, log_CT_orig, log_CT_plus, boxcox, none")
	}
	return nil
}

func (t Treat) check() error {
	switch t.Method {
	case TreatNone:
		if len(t.Indicators) > 0 || t.Winmax != nil || t.F2 != "" || t.Scope != "" {
			return diag.Errorf("treat 的参数只在 treat.method 为 winsorise 时有效", "treat options need treat.method = winsorise")
		}
		return nil
	case TreatWinsorise:
	default:
		return bad("treat.method", t.Method, "none, winsorise")
	}
	if *t.Winmax < 0 {
		return diag.Errorf("treat.winmax 不能为负", "treat.winmax cannot be negative")
	}
	if !(*t.SkewThresh >= 0) || !(*t.KurtThresh > math.Inf(-1)) {
		return diag.Errorf("treat.skew_thresh 或 kurt_thresh 无效", "treat.skew_thresh or kurt_thresh is invalid")
	}
	if err := checkF2("treat.f2", t.F2, t.Lambda); err != nil {
		return err
	}
	switch t.Scope {
	case ScopePeriod, ScopeGlobal:
	default:
		return bad("treat.scope", t.Scope, "period, global")
	}
	for code, s := range t.Indicators {
		switch s.Method {
		case "", TreatWinsorise, TreatNone:
		default:
			return bad("treat.indicators."+code+".method", s.Method, "none, winsorise")
		}
		if s.Winmax != nil && *s.Winmax < 0 {
			return diag.Errorf("treat.indicators.%s.winmax 不能为负", "treat.indicators.%s.winmax cannot be negative", code)
		}
		if s.F2 != "" {
			l := s.Lambda
			if l == nil && s.F2 == t.F2 {
				l = t.Lambda
			}
			if err := checkF2("treat.indicators."+code+".f2", s.F2, l); err != nil {
				return err
			}
		}
	}
	return nil
}

// TreatDetail is one line of COINr's Dets_Table: the skew/kurtosis test
// before (0), after winsorising (1) and after f2 (2).
type TreatDetail struct {
	Period    string `json:"period,omitempty"` // "" when treated over all periods
	Indicator string `json:"indicator"`
	Pass0     *bool  `json:"pass0"`
	Skew0     Num    `json:"skew0"`
	Kurt0     Num    `json:"kurt0"`
	NWin      *int   `json:"nwin,omitempty"` // points winsorised (COINr winsorise.nwin)
	Pass1     *bool  `json:"pass1,omitempty"`
	Skew1     *Num   `json:"skew1,omitempty"`
	Kurt1     *Num   `json:"kurt1,omitempty"`
	F2        string `json:"f2,omitempty"` // f2 applied
	Pass2     *bool  `json:"pass2,omitempty"`
	Skew2     *Num   `json:"skew2,omitempty"`
	Kurt2     *Num   `json:"kurt2,omitempty"`
	// Treatment: none, winsorise, the f2 name, or untreated (the test
	// could not be computed: constant values or fewer than 4 points).
	Treatment string `json:"treatment"`
}

// TreatedPoint marks a treated cell as COINr's Treated_Points does:
// "winhi", "winlo", "+log_CT", "winhi+log_CT"…
type TreatedPoint struct {
	Row       int    `json:"row"`
	Indicator int    `json:"indicator"`
	Mark      string `json:"mark"`
}

// tri is R's three-valued logical.
type tri int8

const (
	triNA tri = iota - 1
	triFalse
	triTrue
)

func (t tri) ptr() *bool {
	if t == triNA {
		return nil
	}
	b := t == triTrue
	return &b
}

// skewKurt returns COINr's skew (e1071 type 2, adjusted G1) and kurt
// (adjusted excess G2) of the non-missing values of x: NaN with fewer than
// 3 (4) values or when the values are all equal.
func skewKurt(x []float64) (sk, kt float64) {
	v := make([]float64, 0, len(x))
	for _, a := range x {
		if !math.IsNaN(a) {
			v = append(v, a)
		}
	}
	n := float64(len(v))
	sk, kt = math.NaN(), math.NaN()
	if len(v) < 3 {
		return
	}
	m := meanOf(v)
	m2 := ksum(v, func(a float64) float64 { d := a - m; return d * d })
	m3 := ksum(v, func(a float64) float64 { d := a - m; return d * d * d })
	sk = math.Sqrt(n) * m3 / math.Pow(m2, 1.5)
	sk = sk * math.Sqrt(n*(n-1)) / (n - 2)
	if len(v) < 4 {
		return
	}
	m4 := ksum(v, func(a float64) float64 { d := a - m; d *= d; return d * d })
	r := n * m4 / (m2 * m2)
	kt = ((n+1)*(r-3) + 6) * (n - 1) / ((n - 2) * (n - 3))
	return
}

// passes is COINr's check_SkewKurt: (|skew| < st) | (kurt < kt), in R's
// three-valued logic (NaN comparisons are NA).
func passes(x []float64, skT, ktT float64) (tri, float64, float64) {
	sk, kt := skewKurt(x)
	a, b := triNA, triNA
	if !math.IsNaN(sk) {
		a = triFalse
		if math.Abs(sk) < skT {
			a = triTrue
		}
	}
	if !math.IsNaN(kt) {
		b = triFalse
		if kt < ktT {
			b = triTrue
		}
	}
	switch {
	case a == triTrue || b == triTrue:
		return triTrue, sk, kt
	case a == triNA || b == triNA:
		return triNA, sk, kt
	}
	return triFalse, sk, kt
}

var errTreat = errors.New("treatment failed")

// winsorise is COINr's winsorise(): while the vector fails and fewer than
// winmax points have been changed, set the points at the max (skew ≥ 0)
// or min (skew < 0), ties together, to the next value in. nwin counts the
// points of the last high and the last low step, as COINr does.
func winsorise(x []float64, winmax int, skT, ktT float64) (marks []string, nwin int, err error) {
	passing, _, _ := passes(x, skT, ktT)
	var imax, imin []int
	below := nwin < winmax
	for {
		// while ((!passing | force_win) & below_winmax)
		if !below || passing == triTrue {
			break
		}
		if passing == triNA {
			return nil, 0, errTreat
		}
		sk, _ := skewKurt(x)
		if math.IsNaN(sk) {
			return nil, 0, errTreat
		}
		ext, hi := math.Inf(-1), sk >= 0
		if !hi {
			ext = math.Inf(1)
		}
		for _, v := range x {
			if !math.IsNaN(v) && ((hi && v > ext) || (!hi && v < ext)) {
				ext = v
			}
		}
		var idx []int
		next := math.Inf(-1)
		if !hi {
			next = math.Inf(1)
		}
		for i, v := range x {
			switch {
			case math.IsNaN(v):
			case v == ext:
				idx = append(idx, i)
			case (hi && v > next) || (!hi && v < next):
				next = v
			}
		}
		if math.IsInf(next, 0) {
			return nil, 0, errTreat // nothing left to winsorise to
		}
		for _, i := range idx {
			x[i] = next
		}
		if hi {
			imax = idx
		} else {
			imin = idx
		}
		nwin = len(imax) + len(imin)
		below = nwin < winmax
		passing, _, _ = passes(x, skT, ktT)
	}
	marks = make([]string, len(x))
	for _, i := range imax {
		marks[i] = "winhi"
	}
	for _, i := range imin {
		marks[i] = "winlo"
	}
	return marks, nwin, nil
}

// applyF2 transforms x in place with f2 and returns COINr's point marker
// ("" for boxcox, which returns a bare vector in COINr).
func applyF2(x []float64, f2 string, lambda float64) string {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, v := range x {
		if !math.IsNaN(v) {
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
	}
	mark := f2
	switch f2 {
	case F2LogCT:
		for i, v := range x {
			x[i] = math.Log(v - lo + 0.01*(hi-lo))
		}
	case F2LogCTOrig:
		for i, v := range x {
			x[i] = math.Log(v - lo + 1)
		}
	case F2LogCTPlus:
		a := 0.01 * (hi - lo)
		if sk, _ := skewKurt(x); sk > 0 {
			mark = F2LogCT
			for i, v := range x {
				x[i] = math.Log(v - lo + a)
			}
		} else {
			mark = "log_CT_neg"
			for i, v := range x {
				x[i] = -math.Log(hi + a - v)
			}
		}
	case F2BoxCox:
		mark = ""
		for i, v := range x {
			v = v - lo + 1
			if lambda == 0 {
				x[i] = math.Log(v)
			} else {
				x[i] = (math.Pow(v, lambda) - 1) / lambda
			}
		}
	}
	return mark
}

type treatSpec struct {
	none       bool
	winmax     int
	f2         string
	lambda     float64
	skT, ktT   float64
	combine    bool
	indicators string
}

// treatVector is COINr's Treat.numeric with f_pass = check_SkewKurt,
// f1 = winsorise and the given f2. It returns the treated values, the
// detail line and the point markers (nil when nothing is marked).
func treatVector(x []float64, s treatSpec) ([]float64, TreatDetail, []string) {
	var d TreatDetail
	p0, sk0, kt0 := passes(x, s.skT, s.ktT)
	d.Pass0, d.Skew0, d.Kurt0 = p0.ptr(), Num(sk0), Num(kt0)
	if p0 == triNA {
		d.Treatment = "untreated"
		return x, d, nil
	}
	if p0 == triTrue {
		d.Treatment = TreatNone
		return x, d, nil
	}
	x1 := append([]float64(nil), x...)
	marks1, nwin, err := winsorise(x1, s.winmax, s.skT, s.ktT)
	if err != nil {
		d.Treatment = "untreated"
		return x, d, nil
	}
	d.NWin = &nwin
	p1, sk1, kt1 := passes(x1, s.skT, s.ktT)
	n1, k1 := Num(sk1), Num(kt1)
	d.Pass1, d.Skew1, d.Kurt1 = p1.ptr(), &n1, &k1
	if p1 == triNA {
		d.Treatment = "untreated"
		return x, d, nil
	}
	d.Treatment = TreatWinsorise
	if p1 == triTrue || s.f2 == F2None {
		return x1, d, marks1
	}
	x2 := x1
	if !s.combine {
		x2 = append([]float64(nil), x...)
	}
	mark2 := applyF2(x2, s.f2, s.lambda)
	d.F2 = s.f2
	p2, sk2, kt2 := passes(x2, s.skT, s.ktT)
	n2, k2 := Num(sk2), Num(kt2)
	d.Pass2, d.Skew2, d.Kurt2 = p2.ptr(), &n2, &k2
	if p2 == triNA {
		d.Treatment = "untreated"
		return x, d, nil
	}
	d.Treatment = s.f2
	if s.combine {
		d.Treatment = TreatWinsorise + "+" + s.f2
	}
	marks := make([]string, len(x))
	for i := range marks {
		switch {
		case mark2 == "":
			marks[i] = marks1[i]
		default:
			marks[i] = marks1[i] + "+" + mark2
		}
	}
	return x2, d, marks
}

// treat applies recipe.treat to every indicator, per period or pooled.
func (st *state) treat() error {
	t := st.r.Treat
	if t.Method == TreatNone {
		return nil
	}
	base := treatSpec{winmax: *t.Winmax, f2: t.F2, skT: *t.SkewThresh, ktT: *t.KurtThresh, combine: t.Combine}
	if t.Lambda != nil {
		base.lambda = *t.Lambda
	}
	specs := make([]treatSpec, len(st.leaves))
	used := map[string]bool{}
	for j, c := range st.leaves {
		specs[j] = base
		for code, o := range t.Indicators {
			if !strings.EqualFold(code, c) {
				continue
			}
			used[code] = true
			if o.Method == TreatNone {
				specs[j].none = true
			}
			if o.Winmax != nil {
				specs[j].winmax = *o.Winmax
			}
			if o.F2 != "" {
				if o.F2 != specs[j].f2 {
					specs[j].lambda = 0 // COINr drops f2_para when f2 changes
				}
				specs[j].f2 = o.F2
			}
			if o.Lambda != nil {
				specs[j].lambda = *o.Lambda
			}
		}
	}
	var unknown []string
	for code := range t.Indicators {
		if !used[code] {
			unknown = append(unknown, code)
		}
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		st.rep.Add(diag.Problem{Severity: diag.Warning, Code: "treat-unknown-indicator",
			Zh: fmt.Sprintf("treat.indicators 中的 %s 不是本次计算的指标，已忽略", strings.Join(unknown, "、")),
			En: fmt.Sprintf("treat.indicators: %s not scored in this run; ignored", strings.Join(unknown, ", "))})
	}
	groups := groupsOf(st.periodOf, len(st.res.Periods), t.Scope)
	type out struct {
		dets   []TreatDetail
		points []TreatedPoint
	}
	outs := make([]out, len(st.leaves))
	parallel(len(st.leaves), func(j int) {
		if specs[j].none {
			return
		}
		x := st.xc[j]
		vec := make([]float64, 0, len(x))
		for _, g := range groups {
			if len(g) == 0 {
				continue
			}
			vec = vec[:0]
			for _, n := range g {
				vec = append(vec, x[n])
			}
			y, d, marks := treatVector(vec, specs[j])
			d.Indicator = st.leaves[j]
			if t.Scope == ScopePeriod {
				d.Period = st.res.Periods[st.periodOf[g[0]]].Label
			}
			outs[j].dets = append(outs[j].dets, d)
			for k, n := range g {
				x[n] = y[k]
				if marks != nil && marks[k] != "" {
					outs[j].points = append(outs[j].points, TreatedPoint{Row: n, Indicator: j, Mark: marks[k]})
				}
			}
		}
	})
	st.res.TreatDetails, st.res.TreatedPoints = nil, nil
	var untreated []string
	for j := range outs {
		st.res.TreatDetails = append(st.res.TreatDetails, outs[j].dets...)
		st.res.TreatedPoints = append(st.res.TreatedPoints, outs[j].points...)
		for _, d := range outs[j].dets {
			if d.Treatment == "untreated" {
				untreated = append(untreated, strings.TrimSpace(d.Indicator+" "+d.Period))
			}
		}
	}
	sort.SliceStable(st.res.TreatedPoints, func(a, b int) bool {
		pa, pb := st.res.TreatedPoints[a], st.res.TreatedPoints[b]
		if pa.Row != pb.Row {
			return pa.Row < pb.Row
		}
		return pa.Indicator < pb.Indicator
	})
	if len(untreated) > 0 {
		st.rep.Add(diag.Problem{Severity: diag.Warning, Code: "treat-untestable",
			Zh: fmt.Sprintf("以下指标无法计算偏度/峰度（值全相同或少于 4 个），未作异常值处理：%s", strings.Join(untreated, "、")),
			En: fmt.Sprintf("skew/kurtosis cannot be computed (all values equal or fewer than 4), so these were not treated: %s", strings.Join(untreated, ", "))})
	}
	var logged []string
	for _, d := range st.res.TreatDetails {
		if d.F2 != "" && d.Treatment != "untreated" {
			logged = append(logged, strings.TrimSpace(d.Indicator+" "+d.Period))
		}
	}
	if len(logged) > 0 {
		st.rep.Add(diag.Problem{Severity: diag.Info, Code: "treat-transformed",
			Zh: fmt.Sprintf("缩尾 %d 个点后仍有离群值，改用 %s 变换：%s", *t.Winmax, t.F2, strings.Join(logged, "、")),
			En: fmt.Sprintf("still outlying after winsorising up to %d points, so transformed with %s: %s", *t.Winmax, t.F2, strings.Join(logged, ", "))})
	}
	st.res.Treated = transpose(st.xc)
	return nil
}
