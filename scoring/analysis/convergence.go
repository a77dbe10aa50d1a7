package analysis

import (
	"math"
)

// SigmaResult is σ-convergence: the coefficient of variation per period.
type SigmaResult struct {
	Periods []string  `json:"periods"`
	DDof    int       `json:"ddof"` // 0: SD with n; 1: with n − 1
	N       []int     `json:"n"`
	Mean    []float64 `json:"mean"`
	SD      []float64 `json:"sd"`
	CV      []float64 `json:"cv"`     // SD / mean
	SDLog   []float64 `json:"sd_log"` // SD of ln y (NaN when some y ≤ 0)
}

// SigmaConvergence computes, per period (column of y, units × periods),
// the mean, SD (divisor n − ddof, ddof 0 or 1), CV = SD/mean and the SD of
// ln y. A falling CV means σ-convergence.
func SigmaConvergence(y [][]float64, periods []string, ddof int) (*SigmaResult, error) {
	if ddof != 0 && ddof != 1 {
		return nil, errorf("bad-ddof", "标准差的自由度修正只能是 0（除以 n）或 1（除以 n − 1）", "ddof must be 0 (divide by n) or 1 (divide by n − 1)")
	}
	r := &SigmaResult{Periods: periods, DDof: ddof}
	np := len(periods)
	for p := 0; p < np; p++ {
		var x []float64
		for u := range y {
			if v := y[u][p]; !math.IsNaN(v) {
				x = append(x, v)
			}
		}
		n := len(x)
		r.N = append(r.N, n)
		if n-ddof <= 0 {
			r.Mean = append(r.Mean, math.NaN())
			r.SD = append(r.SD, math.NaN())
			r.CV = append(r.CV, math.NaN())
			r.SDLog = append(r.SDLog, math.NaN())
			continue
		}
		m := mean(x)
		var ss, sl, ml float64
		logOK := true
		for _, v := range x {
			ss += (v - m) * (v - m)
			if v > 0 {
				ml += math.Log(v)
			} else {
				logOK = false
			}
		}
		ml /= float64(n)
		for _, v := range x {
			if v > 0 {
				sl += (math.Log(v) - ml) * (math.Log(v) - ml)
			}
		}
		s := math.Sqrt(ss / float64(n-ddof))
		r.Mean = append(r.Mean, m)
		r.SD = append(r.SD, s)
		r.CV = append(r.CV, s/m)
		if logOK {
			r.SDLog = append(r.SDLog, math.Sqrt(sl/float64(n-ddof)))
		} else {
			r.SDLog = append(r.SDLog, math.NaN())
		}
	}
	return r, nil
}

// β-convergence models.
const (
	// CrossSection regresses (ln y_iT − ln y_i0)/T on ln y_i0 (T = number of
	// periods elapsed between the first and last period).
	CrossSection = "cross-section"
	// PanelFE regresses ln(y_i,t+1/y_i,t) on ln y_i,t with unit and period
	// fixed effects (the two-way within estimator, computed as LSDV).
	PanelFE = "panel"
	// PanelUnitFE is PanelFE with unit fixed effects only.
	PanelUnitFE = "panel-unit"
	// PanelPooled is PanelFE without fixed effects (pooled OLS).
	PanelPooled = "panel-pooled"
)

// BetaResult is an absolute β-convergence regression.
type BetaResult struct {
	Model    string  `json:"model"`
	N        int     `json:"n"` // observations used
	Beta     float64 `json:"beta"`
	SE       float64 `json:"se"`
	T        float64 `json:"t"`
	P        float64 `json:"p"` // two-sided
	DF       int     `json:"df"`
	Alpha    float64 `json:"alpha"`     // intercept (cross-section and pooled only; NaN otherwise)
	Speed    float64 `json:"speed"`     // λ per period
	HalfLife float64 `json:"half_life"` // ln 2 / λ periods (NaN without convergence)
}

// BetaConvergence estimates absolute β-convergence of y (units × periods,
// y > 0; cells with y ≤ 0 or missing are left out). For the cross-section,
// λ = −ln(1 + βT)/T; for the panel models (one-period growth),
// λ = −ln(1 + β). The half-life is ln 2/λ.
func BetaConvergence(y [][]float64, model string) (*BetaResult, error) {
	if model == "" {
		model = PanelFE
	}
	nu := len(y)
	if nu == 0 {
		return nil, errorf("no-data", "没有数据", "no data")
	}
	np := len(y[0])
	ok := func(v float64) bool { return v > 0 && !math.IsInf(v, 0) }
	r := &BetaResult{Model: model, Alpha: math.NaN()}
	var X [][]float64
	var Y []float64
	switch model {
	case CrossSection:
		first, last := 0, np-1
		T := float64(last - first)
		if T < 1 {
			return nil, errorf("too-few-periods", "β 收敛至少需要 2 个时期", "β-convergence needs at least 2 periods")
		}
		for u := 0; u < nu; u++ {
			a, b := y[u][first], y[u][last]
			if ok(a) && ok(b) {
				X = append(X, []float64{1, math.Log(a)})
				Y = append(Y, (math.Log(b)-math.Log(a))/T)
			}
		}
		f, err := ols(X, Y)
		if err != nil {
			return nil, err
		}
		r.N, r.DF = len(Y), f.df
		r.Alpha, r.Beta, r.SE = f.coef[0], f.coef[1], f.se[1]
		r.Speed = -math.Log(1+r.Beta*T) / T
	case PanelFE, PanelUnitFE, PanelPooled:
		type obs struct{ u, t int }
		var rows []obs
		for u := 0; u < nu; u++ {
			for t := 0; t+1 < np; t++ {
				if ok(y[u][t]) && ok(y[u][t+1]) {
					rows = append(rows, obs{u, t})
				}
			}
		}
		// dummies for the units and periods that occur (first of each dropped)
		uIdx, tIdx := map[int]int{}, map[int]int{}
		var us, ts []int
		for _, o := range rows {
			if _, s := uIdx[o.u]; !s {
				uIdx[o.u] = len(us)
				us = append(us, o.u)
			}
			if _, s := tIdx[o.t]; !s {
				tIdx[o.t] = len(ts)
				ts = append(ts, o.t)
			}
		}
		nUD, nTD := 0, 0
		if model != PanelPooled {
			nUD = len(us) - 1
		}
		if model == PanelFE {
			nTD = len(ts) - 1
		}
		for _, o := range rows {
			x := make([]float64, 2+nUD+nTD)
			x[0] = math.Log(y[o.u][o.t])
			x[1] = 1
			if k := uIdx[o.u]; k > 0 && nUD > 0 {
				x[1+k] = 1
			}
			if k := tIdx[o.t]; k > 0 && nTD > 0 {
				x[1+nUD+k] = 1
			}
			X = append(X, x)
			Y = append(Y, math.Log(y[o.u][o.t+1]/y[o.u][o.t]))
		}
		if len(Y) == 0 {
			return nil, errorf("too-few-periods", "β 收敛至少需要 2 个时期的正值数据", "β-convergence needs positive data in at least 2 periods")
		}
		f, err := ols(X, Y)
		if err != nil {
			return nil, err
		}
		r.N, r.DF = len(Y), f.df
		r.Beta, r.SE = f.coef[0], f.se[0]
		if model == PanelPooled {
			r.Alpha = f.coef[1]
		}
		r.Speed = -math.Log(1 + r.Beta)
	default:
		return nil, errorf("bad-model", "未知的 β 收敛模型 %q（可选：cross-section、panel、panel-unit、panel-pooled）", "unknown β-convergence model %q (known: cross-section, panel, panel-unit, panel-pooled)", model)
	}
	r.T = r.Beta / r.SE
	r.P = tPValue(r.T, r.DF)
	r.HalfLife = math.NaN()
	if r.Speed > 0 {
		r.HalfLife = math.Ln2 / r.Speed
	}
	return r, nil
}

// GroupBeta runs BetaConvergence within each group of units (labels per
// unit; empty labels are left out), in order of first appearance.
func GroupBeta(y [][]float64, groups []string, model string) ([]string, []*BetaResult, error) {
	var names []string
	rows := map[string][][]float64{}
	for u, g := range groups {
		if g == "" {
			continue
		}
		if _, ok := rows[g]; !ok {
			names = append(names, g)
		}
		rows[g] = append(rows[g], y[u])
	}
	var out []*BetaResult
	for _, g := range names {
		r, err := BetaConvergence(rows[g], model)
		if err != nil {
			return nil, nil, err
		}
		out = append(out, r)
	}
	return names, out, nil
}
