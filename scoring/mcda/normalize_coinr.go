package mcda

import (
	"math"
	"sort"
)

// isCOINr reports whether name is one of COINr's n_* normalisers handled by
// coinrColumn. Each acts on the directed column v = x·type (larger is
// better), as COINr's Normalise does and as scoring/pipeline's recipe
// normaliser does.
func isCOINr(name string) bool {
	switch name {
	case "scaled", "rank", "borda", "prank", "fracmax", "dist2max", "dist2ref", "dist2targ", "goalposts":
		return true
	}
	return false
}

// ranksAsc ranks v ascending (1 = smallest) as R's rank with ties.method
// "min", "max" or "average".
func ranksAsc(v []float64, ties string) []float64 {
	ord := make([]int, len(v))
	for k := range ord {
		ord[k] = k
	}
	sort.SliceStable(ord, func(a, b int) bool { return v[ord[a]] < v[ord[b]] })
	r := make([]float64, len(v))
	for a := 0; a < len(ord); {
		b := a
		for b+1 < len(ord) && v[ord[b+1]] == v[ord[a]] {
			b++
		}
		var rk float64
		switch ties {
		case "max":
			rk = float64(b + 1)
		case "average":
			rk = float64(a+b+2) / 2
		default:
			rk = float64(a + 1)
		}
		for k := a; k <= b; k++ {
			r[ord[k]] = rk
		}
		a = b + 1
	}
	return r
}

// finiteNum returns the numeric parameter name (def when absent) and fails
// when it is not finite.
func finiteNum(p Params, name string, def float64) (float64, error) {
	v := p.num(name, def)
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, errf("参数 %s 不是有限数值（%v）", "parameter %s is not finite (%v)", name, v)
	}
	return v, nil
}

// numOrVec returns Vec name[j] when the vector is given, else Num name, else
// def; required reports a missing value when def is NaN.
func numOrVec(p Params, name string, j, m int, def float64) (float64, error) {
	if p.vec(name) != nil {
		return vecParam(p, name, j, m)
	}
	if !p.has(name) && math.IsNaN(def) {
		return 0, errf("需要参数 %s（params 中的数值，或 vectors 中每个指标一个值）", "parameter %s is required (a number in params, or one value per criterion in vectors)", name)
	}
	return finiteNum(p, name, def)
}

func coinrColumn(name string, c []float64, t, j int, p Params) ([]float64, error) {
	m := len(c)
	v := make([]float64, m)
	for i, x := range c {
		v[i] = x * float64(t)
	}
	lo, hi := minMax(v)
	y := make([]float64, m)
	capMax := p.num("cap_max", 0) != 0
	switch name {
	case "scaled":
		l, err := finiteNum(p, "scaled_lower", 0)
		if err != nil {
			return nil, err
		}
		u, err := finiteNum(p, "scaled_upper", 100)
		if err != nil {
			return nil, err
		}
		f, err := finiteNum(p, "scale_factor", 100)
		if err != nil {
			return nil, err
		}
		if l == u {
			return nil, errf("scaled 的 scaled_lower 与 scaled_upper 不能相等（%v）", "scaled: scaled_lower and scaled_upper must differ (%v)", l)
		}
		for i, x := range v {
			y[i] = Frac(x, l, u, l) * f
		}
	case "rank", "borda", "prank":
		ties := p.str("ties", "min")
		switch ties {
		case "min", "max", "average":
		default:
			return nil, errf("未知的并列处理方式 ties=%q（可选：min, max, average）", "unknown ties=%q (known: min, max, average)", ties)
		}
		if name == "prank" && m < 2 {
			return nil, errf("prank 至少需要 2 个方案（除以 m − 1）", "prank needs at least 2 alternatives (it divides by m − 1)")
		}
		r := ranksAsc(v, ties)
		for i := range y {
			switch name {
			case "borda":
				y[i] = r[i] - 1
			case "prank":
				y[i] = (r[i] - 1) / float64(m-1)
			default:
				y[i] = r[i]
			}
		}
	case "fracmax":
		if hi == 0 {
			return nil, errf("第 %d 列（乘以方向后）最大值为 0，x/max 无定义", "column %d has maximum 0 (after the direction flip); x/max is undefined", j+1)
		}
		for i, x := range v {
			y[i] = x / hi
		}
	case "dist2max":
		if hi > lo {
			for i, x := range v {
				y[i] = 1 - Frac(hi, x, hi, lo)
			}
		}
	case "dist2ref":
		if !p.has("ref_row") {
			return nil, errf("dist2ref 需要参照方案的行号 ref_row（从 1 起）", "dist2ref needs the reference row ref_row (1-based)")
		}
		rr := p.num("ref_row", 0)
		if !(rr >= 1 && rr <= float64(m)) || rr != math.Trunc(rr) {
			return nil, errf("参照行号 ref_row=%v 须为 1 到 %d 的整数", "ref_row=%v must be an integer from 1 to %d", rr, m)
		}
		ref := v[int(rr)-1]
		if ref == lo {
			return nil, errf("第 %d 列：参照方案（第 %v 行）的取值即最小值，dist2ref 无定义", "column %d: the reference (row %v) has the minimum value; dist2ref is undefined", j+1, rr)
		}
		for i, x := range v {
			y[i] = 1 - Frac(ref, x, ref, lo)
			if capMax && y[i] > 1 {
				y[i] = 1
			}
		}
	case "dist2targ":
		g, err := vecParam(p, "target", j, m)
		if err != nil {
			return nil, err
		}
		g *= float64(t)
		if g == lo {
			return nil, errf("第 %d 列的目标值等于最小值，dist2targ 无定义", "column %d: the target equals the minimum; dist2targ is undefined", j+1)
		}
		for i, x := range v {
			y[i] = Frac(x, lo, g, lo)
			if capMax && y[i] > 1 {
				y[i] = 1
			}
		}
	case "goalposts":
		gl, err := numOrVec(p, "goal_lower", j, m, math.NaN())
		if err != nil {
			return nil, err
		}
		gu, err := numOrVec(p, "goal_upper", j, m, math.NaN())
		if err != nil {
			return nil, err
		}
		if !(gu > gl) {
			return nil, errf("第 %d 列：goalposts 需要 goal_lower < goal_upper（%v, %v）", "column %d: goalposts need goal_lower < goal_upper (%v, %v)", j+1, gl, gu)
		}
		sc, err := numOrVec(p, "goal_scale", j, m, 1)
		if err != nil {
			return nil, err
		}
		if !(sc > 0) {
			return nil, errf("goal_scale 必须为正（%v）", "goal_scale must be positive (%v)", sc)
		}
		if t == Cost {
			gl, gu = -gu, -gl
		}
		trunc := p.num("trunc2posts", 1) != 0
		for i, x := range v {
			r := Frac(x, gl, gu, gl)
			if trunc {
				r = math.Min(math.Max(r, 0), 1)
			}
			y[i] = r * sc
		}
	}
	return y, nil
}
