package analysis

import (
	"math"
	"sort"
)

// Kernels.
const (
	// Gaussian is K(u) = exp(−u²/2)/√(2π); h is its standard deviation
	// (R's density(bw = h)).
	Gaussian = "gaussian"
	// Epanechnikov is K(u) = 0.75(1 − u²) for |u| ≤ 1; h is the half-width.
	// R's density(kernel = "epanechnikov", bw = b) and Stata's default
	// kernel scale it to standard deviation b, i.e. h = √5·b.
	Epanechnikov = "epanechnikov"
)

// Bandwidth rules.
const (
	// Silverman is 0.9·min(σ, IQR/1.34)·n^(−1/5) (R's bw.nrd0, with its
	// fallbacks when the spread is 0).
	Silverman = "silverman"
	// Scott is 1.06·σ·n^(−1/5).
	Scott = "scott"
)

// quantile7 returns R's type-7 quantile of sorted x.
func quantile7(sorted []float64, p float64) float64 {
	n := len(sorted)
	if n == 0 {
		return math.NaN()
	}
	h := float64(n-1) * p
	lo := math.Floor(h)
	i := int(lo)
	if i+1 >= n {
		return sorted[n-1]
	}
	return sorted[i] + (h-lo)*(sorted[i+1]-sorted[i])
}

func finite(x []float64) []float64 {
	out := make([]float64, 0, len(x))
	for _, v := range x {
		if !math.IsNaN(v) && !math.IsInf(v, 0) {
			out = append(out, v)
		}
	}
	return out
}

// sd returns the sample standard deviation (n − 1).
func sd(x []float64) float64 {
	if len(x) < 2 {
		return math.NaN()
	}
	m := mean(x)
	var s float64
	for _, v := range x {
		s += (v - m) * (v - m)
	}
	return math.Sqrt(s / float64(len(x)-1))
}

// Bandwidth returns the bandwidth of the rule for the non-missing values
// of x (the sample standard deviation uses n − 1, as R does).
func Bandwidth(x []float64, rule string) float64 {
	x = finite(x)
	n := float64(len(x))
	if len(x) < 2 {
		return math.NaN()
	}
	s := sd(x)
	if rule == Scott {
		return 1.06 * s * math.Pow(n, -0.2)
	}
	sorted := append([]float64(nil), x...)
	sort.Float64s(sorted)
	lo := math.Min(s, (quantile7(sorted, 0.75)-quantile7(sorted, 0.25))/1.34)
	if !(lo > 0) { // R's fallbacks
		if lo = s; !(lo > 0) {
			if lo = math.Abs(sorted[0]); !(lo > 0) {
				lo = 1
			}
		}
	}
	return 0.9 * lo * math.Pow(n, -0.2)
}

// Density evaluates the kernel density estimate f(g) = (1/(nh)) Σ K((g −
// x_i)/h) of the non-missing x at every grid point.
func Density(x, grid []float64, h float64, kernel string) []float64 {
	x = finite(x)
	out := make([]float64, len(grid))
	n := float64(len(x))
	c := 1 / math.Sqrt(2*math.Pi)
	for k, g := range grid {
		var s float64
		for _, v := range x {
			u := (g - v) / h
			if kernel == Epanechnikov {
				if u >= -1 && u <= 1 {
					s += 0.75 * (1 - u*u)
				}
			} else {
				s += c * math.Exp(-u*u/2)
			}
		}
		out[k] = s / (n * h)
	}
	return out
}

// KDEOptions configures KDE.
type KDEOptions struct {
	Kernel    string  `json:"kernel"`    // gaussian (default) or epanechnikov
	Bandwidth string  `json:"bandwidth"` // silverman (default) or scott
	H         float64 `json:"h"`         // a fixed bandwidth (overrides Bandwidth when > 0)
	Points    int     `json:"points"`    // grid size (default 512)
	Cut       float64 `json:"cut"`       // grid runs from min − Cut·h to max + Cut·h (default 3, as R)
}

// KDEResult holds one density curve per sample on a shared grid.
type KDEResult struct {
	Options KDEOptions  `json:"options"`
	Labels  []string    `json:"labels"`
	Grid    []float64   `json:"grid"`
	H       []float64   `json:"h"`
	N       []int       `json:"n"`
	Density [][]float64 `json:"density"`
}

// KDE estimates a density for every sample (e.g. every period) on one
// grid spanning all samples, with each sample's own bandwidth.
func KDE(samples [][]float64, labels []string, opt KDEOptions) (*KDEResult, error) {
	if opt.Kernel == "" {
		opt.Kernel = Gaussian
	}
	if opt.Bandwidth == "" {
		opt.Bandwidth = Silverman
	}
	if opt.Points <= 0 {
		opt.Points = 512
	}
	if opt.Cut == 0 {
		opt.Cut = 3
	}
	if opt.Kernel != Gaussian && opt.Kernel != Epanechnikov {
		return nil, errorf("bad-kernel", "未知的核函数 %q（可选：gaussian、epanechnikov）", "unknown kernel %q (known: gaussian, epanechnikov)", opt.Kernel)
	}
	if opt.Bandwidth != Silverman && opt.Bandwidth != Scott {
		return nil, errorf("bad-bandwidth", "未知的带宽规则 %q（可选：silverman、scott）", "unknown bandwidth rule %q (known: silverman, scott)", opt.Bandwidth)
	}
	r := &KDEResult{Options: opt, Labels: labels}
	lo, hi, hmax := math.Inf(1), math.Inf(-1), 0.0
	for i, s := range samples {
		x := finite(s)
		if len(x) < 2 {
			return nil, errorf("too-few", "第 %d 组样本少于 2 个值，无法估计核密度", "sample %d has fewer than 2 values: no density", i+1)
		}
		h := opt.H
		if !(h > 0) {
			h = Bandwidth(x, opt.Bandwidth)
		}
		r.H = append(r.H, h)
		r.N = append(r.N, len(x))
		for _, v := range x {
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
		hmax = math.Max(hmax, h)
	}
	a, b := lo-opt.Cut*hmax, hi+opt.Cut*hmax
	r.Grid = make([]float64, opt.Points)
	for k := range r.Grid {
		if opt.Points == 1 {
			r.Grid[k] = (a + b) / 2
		} else {
			r.Grid[k] = a + (b-a)*float64(k)/float64(opt.Points-1)
		}
	}
	for i, s := range samples {
		r.Density = append(r.Density, Density(s, r.Grid, r.H[i], opt.Kernel))
	}
	return r, nil
}

// KDEOf estimates one density per period of a series.
func KDEOf(s *Series, opt KDEOptions) (*KDEResult, error) {
	samples := make([][]float64, len(s.Periods))
	for p := range samples {
		samples[p] = s.Column(p)
	}
	return KDE(samples, s.Periods, opt)
}
