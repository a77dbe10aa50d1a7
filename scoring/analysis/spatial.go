package analysis

import (
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/stat/distuv"

	"github.com/nqp-index/nqp/scoring/region"
)

// ContiguityW returns the 0-1 contiguity matrix of the provinces with the
// given codes (any form region.ByCode accepts, in the order given): the 68
// land borders plus 广东–海南 when seaLink is set (the convention that keeps
// 海南 from being an island). It is not row-standardised.
func ContiguityW(codes []string, seaLink bool) ([][]float64, error) {
	pos, err := provinceIndex(codes)
	if err != nil {
		return nil, err
	}
	w := square(len(codes))
	for _, l := range region.Adjacency(seaLink) {
		a, okA := pos[l[0]]
		b, okB := pos[l[1]]
		if okA && okB {
			w[a][b], w[b][a] = 1, 1
		}
	}
	return w, nil
}

// InverseDistanceW returns w_ij = 1/d_ij^power with d the great-circle
// distance (km, sphere of radius 6371 km) between the provincial capitals,
// and a zero diagonal. It is not row-standardised.
func InverseDistanceW(codes []string, power float64) ([][]float64, error) {
	if _, err := provinceIndex(codes); err != nil {
		return nil, err
	}
	if power == 0 {
		power = 1
	}
	ps := make([]region.Province, len(codes))
	for i, c := range codes {
		ps[i], _ = region.ByCode(c)
	}
	w := square(len(codes))
	for i := range ps {
		for j := range ps {
			if i != j {
				d := GreatCircleKm(ps[i].CapitalLat, ps[i].CapitalLon, ps[j].CapitalLat, ps[j].CapitalLon)
				w[i][j] = math.Pow(d, -power)
			}
		}
	}
	return w, nil
}

// GreatCircleKm is the haversine distance in km on a sphere of radius 6371 km.
func GreatCircleKm(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	rad := math.Pi / 180
	dlat, dlon := (lat2-lat1)*rad, (lon2-lon1)*rad
	a := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 2 * r * math.Asin(math.Min(1, math.Sqrt(a)))
}

func provinceIndex(codes []string) (map[string]int, error) {
	pos := map[string]int{}
	for i, c := range codes {
		p, ok := region.ByCode(c)
		if d, isDiv := region.DivisionByCode(c); !ok && isDiv {
			return nil, errorf("no-weights", "没有%[1]s地区（如 %[3]s %[4]s）的内置空间权重：请上传空间权重矩阵 CSV（方阵，表头和首列为地区代码或名称；或 i,j,w 边列表；命令行用 -wfile）", "no built-in spatial weights for %[2]s units (e.g. %[3]s %[4]s): upload a weights matrix CSV (square, unit codes or names as header and first column; or an i,j,w edge list; -wfile in the CLI)",
				d.Level.Zh(), d.Level.En(), d.Name, d.Code)
		}
		if !ok {
			return nil, errorf("not-province", "“%s”不是省级行政区代码，无法使用内置空间权重", "%q is not a provincial code: the built-in weights do not apply", c)
		}
		pos[p.Code] = i
	}
	return pos, nil
}

func square(n int) [][]float64 {
	w := make([][]float64, n)
	for i := range w {
		w[i] = make([]float64, n)
	}
	return w
}

// RowStandardise returns a copy of w with every row summing to 1 (rows of
// zeros stay zero).
func RowStandardise(w [][]float64) [][]float64 {
	out := make([][]float64, len(w))
	for i, row := range w {
		out[i] = make([]float64, len(row))
		var s float64
		for _, v := range row {
			s += v
		}
		for j, v := range row {
			if s != 0 {
				out[i][j] = v / s
			}
		}
	}
	return out
}

// MoranResult is global Moran's I with its inference (one-sided
// "greater" p-values as spdep's moran.test and moran.mc).
type MoranResult struct {
	I     float64 `json:"i"`
	E     float64 `json:"e"`     // −1/(n − 1)
	VarN  float64 `json:"var_n"` // under normality
	VarR  float64 `json:"var_r"` // under randomisation
	ZN    float64 `json:"z_n"`
	ZR    float64 `json:"z_r"`
	PN    float64 `json:"p_n"`
	PR    float64 `json:"p_r"`
	Perms int     `json:"permutations"`
	PPerm float64 `json:"p_perm"` // (#{I_perm ≥ I} + 1)/(R + 1)
	N     int     `json:"n"`
}

// Moran computes global Moran's I of y with weights w (used as given:
// row-standardise first for the usual W). perms > 0 adds a permutation
// test with that many random permutations from the seed.
func Moran(y []float64, w [][]float64, perms int, seed uint64) (*MoranResult, error) {
	n := len(y)
	if n < 4 || len(w) != n {
		return nil, errorf("bad-moran", "Moran's I 需要至少 4 个地区且权重矩阵与地区数一致", "Moran's I needs at least 4 units and a matching weight matrix")
	}
	for _, v := range y {
		if math.IsNaN(v) {
			return nil, errorf("missing", "Moran's I 的数据不能有缺失值", "Moran's I needs complete data")
		}
	}
	fn := float64(n)
	m := mean(y)
	z := make([]float64, n)
	var m2, m4 float64
	for i, v := range y {
		z[i] = v - m
		m2 += z[i] * z[i]
		m4 += z[i] * z[i] * z[i] * z[i]
	}
	var s0, s1, s2 float64
	rowS := make([]float64, n)
	colS := make([]float64, n)
	for i := range w {
		for j := range w[i] {
			s0 += w[i][j]
			s1 += (w[i][j] + w[j][i]) * (w[i][j] + w[j][i])
			rowS[i] += w[i][j]
			colS[j] += w[i][j]
		}
	}
	s1 /= 2
	for i := range rowS {
		s2 += (rowS[i] + colS[i]) * (rowS[i] + colS[i])
	}
	if !(s0 > 0) || !(m2 > 0) {
		return nil, errorf("bad-moran", "权重全为 0 或数据无差异，Moran's I 无定义", "all weights are 0 or the data do not vary: Moran's I is undefined")
	}
	stat := func(z []float64) float64 {
		var s float64
		for i := range w {
			var l float64
			for j, v := range w[i] {
				l += v * z[j]
			}
			s += z[i] * l
		}
		return fn / s0 * s / m2
	}
	r := &MoranResult{N: n, I: stat(z), E: -1 / (fn - 1)}
	e2 := r.E * r.E
	r.VarN = (fn*fn*s1-fn*s2+3*s0*s0)/((fn*fn-1)*s0*s0) - e2
	b2 := fn * m4 / (m2 * m2)
	r.VarR = (fn*((fn*fn-3*fn+3)*s1-fn*s2+3*s0*s0)-b2*((fn*fn-fn)*s1-2*fn*s2+6*s0*s0))/((fn-1)*(fn-2)*(fn-3)*s0*s0) - e2
	norm := distuv.UnitNormal
	r.ZN = (r.I - r.E) / math.Sqrt(r.VarN)
	r.ZR = (r.I - r.E) / math.Sqrt(r.VarR)
	r.PN = norm.Survival(r.ZN)
	r.PR = norm.Survival(r.ZR)
	if perms > 0 {
		rng := rand.New(rand.NewPCG(seed, 0x6d6f72616e))
		zp := append([]float64(nil), z...)
		ge := 0
		for k := 0; k < perms; k++ {
			rng.Shuffle(n, func(a, b int) { zp[a], zp[b] = zp[b], zp[a] })
			if stat(zp) >= r.I {
				ge++
			}
		}
		r.Perms = perms
		r.PPerm = float64(ge+1) / float64(perms+1)
	}
	return r, nil
}

// LISA is the local Moran statistic of one unit (spdep's localmoran with
// its defaults: conditional moments, m2 = Σz²/n, two-sided p).
type LISA struct {
	I        float64 `json:"i"`
	E        float64 `json:"e"`
	Var      float64 `json:"var"`
	Z        float64 `json:"z"`
	P        float64 `json:"p"`
	Quadrant string  `json:"quadrant"` // HH, LH, LL, HL (z_i and its spatial lag above or at/below 0)
}

// LocalMoran computes I_i = (z_i/m2) Σ_j w_ij z_j for every unit.
func LocalMoran(y []float64, w [][]float64) ([]LISA, error) {
	n := len(y)
	if n < 3 || len(w) != n {
		return nil, errorf("bad-moran", "局部 Moran 需要至少 3 个地区且权重矩阵与地区数一致", "local Moran needs at least 3 units and a matching weight matrix")
	}
	fn := float64(n)
	m := mean(y)
	z := make([]float64, n)
	var m2 float64
	for i, v := range y {
		if math.IsNaN(v) {
			return nil, errorf("missing", "局部 Moran 的数据不能有缺失值", "local Moran needs complete data")
		}
		z[i] = v - m
		m2 += z[i] * z[i]
	}
	m2 /= fn
	out := make([]LISA, n)
	for i := range w {
		var lz, wi, wi2 float64
		for j, v := range w[i] {
			lz += v * z[j]
			wi += v
			wi2 += v * v
		}
		l := LISA{I: z[i] / m2 * lz}
		l.E = -(z[i] * z[i] * wi) / ((fn - 1) * m2)
		l.Var = (z[i] / m2) * (z[i] / m2) * (fn / (fn - 2)) * (wi2 - wi*wi/(fn-1)) * (m2 - z[i]*z[i]/(fn-1))
		l.Z = (l.I - l.E) / math.Sqrt(l.Var)
		l.P = 2 * distuv.UnitNormal.Survival(math.Abs(l.Z))
		hi := func(v float64) string {
			if v > 0 {
				return "H"
			}
			return "L"
		}
		l.Quadrant = hi(z[i]) + hi(lz)
		out[i] = l
	}
	return out, nil
}
