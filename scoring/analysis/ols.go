package analysis

import (
	"math"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat/distuv"
)

// olsFit is an ordinary least-squares fit with classical standard errors.
type olsFit struct {
	coef, se []float64
	df       int
	sigma2   float64
}

// ols regresses y on the columns of x (n × k, no implicit intercept).
func ols(x [][]float64, y []float64) (*olsFit, error) {
	n, k := len(y), len(x[0])
	if n <= k {
		return nil, errorf("too-few", "观测数（%d）不足以估计回归", "too few observations (%d) for the regression", n)
	}
	X := mat.NewDense(n, k, nil)
	for i := range x {
		X.SetRow(i, x[i])
	}
	Y := mat.NewVecDense(n, y)
	var qr mat.QR
	qr.Factorize(X)
	var b mat.VecDense
	if err := qr.SolveVecTo(&b, false, Y); err != nil {
		return nil, errorf("singular", "回归设计矩阵奇异（变量共线）", "the regression design is singular (collinear variables)")
	}
	var fitted mat.VecDense
	fitted.MulVec(X, &b)
	var rss float64
	for i := 0; i < n; i++ {
		e := y[i] - fitted.AtVec(i)
		rss += e * e
	}
	df := n - k
	s2 := rss / float64(df)
	var xtx mat.Dense
	xtx.Mul(X.T(), X)
	var inv mat.Dense
	if err := inv.Inverse(&xtx); err != nil {
		return nil, errorf("singular", "回归设计矩阵奇异（变量共线）", "the regression design is singular (collinear variables)")
	}
	f := &olsFit{df: df, sigma2: s2}
	for j := 0; j < k; j++ {
		f.coef = append(f.coef, b.AtVec(j))
		f.se = append(f.se, math.Sqrt(s2*inv.At(j, j)))
	}
	return f, nil
}

// tPValue is the two-sided p-value of t with df degrees of freedom.
func tPValue(t float64, df int) float64 {
	if math.IsNaN(t) || df <= 0 {
		return math.NaN()
	}
	return 2 * distuv.StudentsT{Mu: 0, Sigma: 1, Nu: float64(df)}.Survival(math.Abs(t))
}
