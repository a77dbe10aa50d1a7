package analysis

import (
	"math"

	"github.com/nqp-index/nqp/scoring/pipeline"
)

// Coupling-degree variants.
const (
	// CouplingStandard is C = [Π U_i / ((Σ U_i / n)^n)]^(1/n).
	CouplingStandard = "standard"
	// CouplingWang is the corrected model of Wang Shujia et al. (2021, 自然资源学报
	// 36(3): 793–810): C = sqrt([1 − Σ_{i<j}|U_i − U_j| / Σ_{m=1}^{n−1} m] ·
	// [Π_i (U_i / max U)]^(1/(n−1))).
	CouplingWang = "wang"
	// CouplingFan is C = 1 − 2·sqrt((nΣU² − (ΣU)²)/n²) = 1 − 2σ(U) (population σ).
	CouplingFan = "fan"
)

// Boundary rules of the ten-level classification.
const (
	// LeftOpen classes are (a, b]: D = 0.3 is level 3 (地理学报 2021 76(4) T1).
	LeftOpen = "(a,b]"
	// RightOpen classes are [a, b): D = 0.3 is level 4 (used by many papers).
	RightOpen = "[a,b)"
)

// CouplingOptions configures Coupling.
type CouplingOptions struct {
	Variant string `json:"variant"` // standard (default), wang, fan
	// Weights are the coordination weights α of T = Σ α_i U_i, rescaled to
	// sum to 1; nil means equal weights.
	Weights []float64 `json:"weights,omitempty"`
	// Rescale maps every subsystem column linearly to [0.01, 0.99] over all
	// rows before the model (SPSSAU's default 数据区间化). A constant column
	// becomes 0.5.
	Rescale bool `json:"rescale"`
	// Boundary is LeftOpen (default) or RightOpen.
	Boundary string `json:"boundary"`
}

// CouplingRow is the model's output for one observation.
type CouplingRow struct {
	C, T, D float64
	Level   int    // 1..10 (0 if D is missing)
	Class   string // 极度失调 … 优质协调
	ClassEn string // extreme disorder … high-quality coordination
	Stage   string // coupling stage from C: 低水平耦合, 拮抗, 磨合, 高水平耦合
	StageEn string // low-level coupling, antagonism, running-in, high-level coupling
	// Lagging is the subsystem with the lowest U (the "X滞后" label), -1 if
	// all are equal or the row is missing; Ratio is min U / max U.
	Lagging int
	Ratio   float64
}

var couplingClasses = [10][2]string{
	{"极度失调", "extreme disorder"},
	{"严重失调", "severe disorder"},
	{"中度失调", "moderate disorder"},
	{"轻度失调", "mild disorder"},
	{"濒临失调", "on the verge of disorder"},
	{"勉强协调", "barely coordinated"},
	{"初级协调", "primary coordination"},
	{"中级协调", "intermediate coordination"},
	{"良好协调", "good coordination"},
	{"优质协调", "high-quality coordination"},
}

// CouplingLevel returns the level (1..10) of D under the boundary rule:
// with LeftOpen, level k is ((k−1)/10, k/10] (and D = 0 is level 1); with
// RightOpen it is [(k−1)/10, k/10) (and D = 1 is level 10).
func CouplingLevel(d float64, boundary string) int {
	if math.IsNaN(d) {
		return 0
	}
	level := 1
	for k := 1; k <= 9; k++ {
		b := float64(k) / 10
		if d > b || (boundary == RightOpen && d == b) {
			level++
		}
	}
	return level
}

// CouplingClass returns the Chinese and English class names of a level.
func CouplingClass(level int) (zh, en string) {
	if level < 1 || level > 10 {
		return "", ""
	}
	return couplingClasses[level-1][0], couplingClasses[level-1][1]
}

// couplingStage classifies C: [0, 0.3] low, (0.3, 0.5] antagonism, (0.5,
// 0.8] running-in, (0.8, 1] high (boundaries follow the rule).
func couplingStage(c float64, boundary string) (string, string) {
	if math.IsNaN(c) {
		return "", ""
	}
	in := func(b float64) bool { return c > b || (boundary == RightOpen && c == b) }
	switch {
	case in(0.8):
		return "高水平耦合", "high-level coupling"
	case in(0.5):
		return "磨合", "running-in"
	case in(0.3):
		return "拮抗", "antagonism"
	}
	return "低水平耦合", "low-level coupling"
}

// CouplingDegree returns C of one observation for the variant.
func CouplingDegree(u []float64, variant string) float64 {
	n := float64(len(u))
	var sum, sum2, prod, max float64 = 0, 0, 1, math.Inf(-1)
	for _, v := range u {
		if math.IsNaN(v) {
			return math.NaN()
		}
		sum += v
		sum2 += v * v
		prod *= v
		max = math.Max(max, v)
	}
	switch variant {
	case CouplingWang:
		if len(u) < 2 || !(max > 0) {
			return math.NaN()
		}
		var diff float64
		for i := range u {
			for j := i + 1; j < len(u); j++ {
				diff += math.Abs(u[i] - u[j])
			}
		}
		m := n * (n - 1) / 2 // Σ_{m=1}^{n−1} m
		r := 1.0
		for _, v := range u {
			r *= v / max
		}
		return math.Sqrt((1 - diff/m) * math.Pow(r, 1/(n-1)))
	case CouplingFan:
		return 1 - 2*math.Sqrt(math.Max(0, n*sum2-sum*sum)/(n*n))
	}
	if !(sum > 0) {
		return math.NaN()
	}
	return math.Pow(prod/math.Pow(sum/n, n), 1/n)
}

// Coupling runs the coupling coordination model on u (rows = observations,
// columns = subsystems, values in [0, 1] unless opt.Rescale).
func Coupling(u [][]float64, opt CouplingOptions) ([]CouplingRow, error) {
	if len(u) == 0 {
		return nil, errorf("no-data", "没有数据", "no data")
	}
	k := len(u[0])
	if k < 2 {
		return nil, errorf("coupling-one-system", "耦合协调度至少需要 2 个子系统", "coupling coordination needs at least 2 subsystems")
	}
	switch opt.Variant {
	case "":
		opt.Variant = CouplingStandard
	case CouplingStandard, CouplingWang, CouplingFan:
	default:
		return nil, errorf("bad-variant", "未知的耦合度模型 %q（可选：standard、wang、fan）", "unknown coupling variant %q (known: standard, wang, fan)", opt.Variant)
	}
	if opt.Boundary == "" {
		opt.Boundary = LeftOpen
	} else if opt.Boundary != LeftOpen && opt.Boundary != RightOpen {
		return nil, errorf("bad-boundary", "未知的等级边界规则 %q（可选：(a,b]、[a,b)）", "unknown boundary rule %q (known: (a,b], [a,b))", opt.Boundary)
	}
	alpha := make([]float64, k)
	if opt.Weights == nil {
		for i := range alpha {
			alpha[i] = 1 / float64(k)
		}
	} else {
		if len(opt.Weights) != k {
			return nil, errorf("bad-weights", "协调权重个数（%d）与子系统个数不符", "the number of coordination weights (%d) does not match the subsystems", len(opt.Weights))
		}
		var s float64
		for _, w := range opt.Weights {
			if !(w >= 0) {
				return nil, errorf("bad-weights", "协调权重必须非负", "coordination weights must be non-negative")
			}
			s += w
		}
		if !(s > 0) {
			return nil, errorf("bad-weights", "协调权重之和必须为正", "coordination weights must not all be 0")
		}
		for i, w := range opt.Weights {
			alpha[i] = w / s
		}
	}
	x := make([][]float64, len(u))
	for i, row := range u {
		if len(row) != k {
			return nil, errorf("ragged", "第 %d 行的子系统个数不一致", "row %d has a different number of subsystems", i+1)
		}
		x[i] = append([]float64(nil), row...)
	}
	if opt.Rescale {
		for j := 0; j < k; j++ {
			lo, hi := math.Inf(1), math.Inf(-1)
			for _, row := range x {
				if v := row[j]; !math.IsNaN(v) {
					lo, hi = math.Min(lo, v), math.Max(hi, v)
				}
			}
			for _, row := range x {
				if math.IsNaN(row[j]) {
					continue
				}
				if hi > lo {
					row[j] = 0.01 + 0.98*(row[j]-lo)/(hi-lo)
				} else {
					row[j] = 0.5
				}
			}
		}
	} else {
		for i, row := range x {
			for _, v := range row {
				if v < 0 || v > 1 {
					return nil, errorf("coupling-range", "第 %d 行有超出 [0, 1] 的子系统得分；请先归一化，或启用区间化（rescale）", "row %d has a subsystem score outside [0, 1]; normalise first or use rescale", i+1)
				}
			}
		}
	}
	out := make([]CouplingRow, len(x))
	for i, row := range x {
		r := CouplingRow{Lagging: -1, C: math.NaN(), T: math.NaN(), D: math.NaN(), Ratio: math.NaN()}
		missing := false
		for _, v := range row {
			missing = missing || math.IsNaN(v)
		}
		if !missing {
			r.C = CouplingDegree(row, opt.Variant)
			r.T = 0
			lo, hi := 0, 0
			for j, v := range row {
				r.T += alpha[j] * v
				if v < row[lo] {
					lo = j
				}
				if v > row[hi] {
					hi = j
				}
			}
			if r.C >= 0 && r.T >= 0 {
				r.D = math.Sqrt(r.C * r.T)
			}
			if row[lo] < row[hi] {
				r.Lagging = lo
			}
			if row[hi] > 0 {
				r.Ratio = row[lo] / row[hi]
			}
		}
		r.Level = CouplingLevel(r.D, opt.Boundary)
		r.Class, r.ClassEn = CouplingClass(r.Level)
		r.Stage, r.StageEn = couplingStage(r.C, opt.Boundary)
		out[i] = r
	}
	return out, nil
}

// CouplingTable is Coupling on the sub-indices of a pipeline result: one
// row per result row (period, unit).
type CouplingTable struct {
	Systems []string        `json:"systems"` // aggregate codes used as subsystems
	Options CouplingOptions `json:"options"`
	Rows    []pipeline.Obs  `json:"rows"`
	Out     []CouplingRow   `json:"out"`
}

// CouplingOf runs Coupling on the aggregates codes of res (nil = the
// children of the index, i.e. the dimensions), each divided by the
// recipe's aggregate scale so that a [0, 1] normalisation gives U in [0, 1].
func CouplingOf(res *pipeline.Result, codes []string, opt CouplingOptions) (*CouplingTable, error) {
	if res == nil || res.Framework == nil || len(res.Aggregates) == 0 {
		return nil, errorf("no-result", "没有可分析的结果", "there is no result to analyse")
	}
	if codes == nil {
		for _, c := range res.Framework.Children(res.Aggregates[0]) {
			if res.AggregateIndex(c) >= 0 {
				codes = append(codes, c)
			}
		}
	}
	cols := make([]int, len(codes))
	for j, c := range codes {
		if cols[j] = res.AggregateIndex(c); cols[j] < 0 {
			return nil, errorf("unknown-aggregate", "结果中没有汇总项 %s", "the result has no aggregate %s", c)
		}
	}
	scale := 1.0
	if s := res.Recipe.Aggregate.Scale; s != nil {
		scale = *s
	}
	u := make([][]float64, len(res.Rows))
	for i := range u {
		u[i] = make([]float64, len(cols))
		for j, c := range cols {
			u[i][j] = res.Scores[i][c] / scale
		}
	}
	out, err := Coupling(u, opt)
	if err != nil {
		return nil, err
	}
	if opt.Variant == "" {
		opt.Variant = CouplingStandard
	}
	if opt.Boundary == "" {
		opt.Boundary = LeftOpen
	}
	return &CouplingTable{Systems: codes, Options: opt, Rows: res.Rows, Out: out}, nil
}
