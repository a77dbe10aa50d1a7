// Package mcda solves multi-criteria decision problems given as a decision
// matrix (alternatives × criteria): normalise, weight, aggregate, rank. It
// reproduces the conventions of SPSSAU, pymcdm, scikit-criteria, COINr and
// the published papers their tests cite; every variant that changes the
// numbers is a named option. METHODS.md in this directory lists every
// formula.
//
// # One call
//
// Solve takes a Request (also the JSON input of `nqp mcda`) and returns an
// Answer with the normalised matrix, the weights, the scores, the ranks
// (1 = best, ties share the lower rank) and the method's own quantities in
// Details. Errors are returned in Chinese and English ("中文 / English");
// Solve never panics.
//
// Parameters travel in three maps of Params: Num ("params" in JSON) for
// numbers, Str ("options") for strings and Vec ("vectors") for one value
// per criterion.
//
// # Normalisation (Request.Normalize)
//
//	none          y = x (default, except "vector" for topsis)
//	minmax        (x−min)/(max−min); cost (max−x)/(max−min)     SPSSAU 正向化/逆向化
//	minmax-ab     a + (b−a)·minmax; params a = 0.01, b = 0.99    SPSSAU 区间化 (coupling)
//	vector        x/√Σx²; cost 1 − x/√Σx² (pymcdm). For topsis, the classic form
//	              (cost keeps x/√Σx², its ideal is the minimum; same closeness)
//	sum           x/Σx; cost (1/x)/Σ(1/x)
//	max           x/max; cost min/x
//	pymcdm-max    x/max; cost 1 − x/max                          pymcdm max_normalization
//	zscore        (x−mean)/s, sample s; cost −z                  SPSSAU 标准化
//	              params ddof 0 (population s), flip_cost 0 (cost columns keep z
//	              and stay cost): scikit-criteria's StandarScaler with both 0
//	mean          x/mean                                         均值化 (direction kept)
//	initial       x/x₁ (first alternative)                       初值化 (direction kept)
//	reciprocal    cost 1/x; benefit unchanged                    倒数
//	spssau-shift  columns with any x ≤ 0: x + |min| + shift (0.01)  非负平移 (direction kept)
//	moderate      1 − |x − best|/max|x − best|; vectors best     适度/中间型
//	interval      1 inside [lower, upper], else 1 − distance/M; vectors lower, upper  区间型
//
// COINr's normalisers act on v = x·type (a cost column is negated first),
// as COINr's Normalise and the recipe pipeline (scoring/pipeline) do:
//
//	scaled        (v−l)/(u−l)·f; params scaled_lower l (0), scaled_upper u (100), scale_factor f (100)
//	rank          rank of v ascending, 1 = smallest; options ties min (R's ties.method, default) | max | average
//	borda         rank − 1
//	prank         (rank − 1)/(m − 1)
//	fracmax       v/max v
//	dist2max      1 − (max − v)/(max − min); constant column → 0
//	dist2ref      1 − (v_r − v)/(v_r − min); params ref_row r (1-based, COINr's iref), cap_max (1 caps at 1)
//	dist2targ     (v − min)/(g − min), g = target·type; vectors target (raw units), params cap_max
//	goalposts     (v − lo)/(hi − lo), clipped to [0, 1] unless trunc2posts = 0, × goal_scale (1);
//	              goal_lower, goal_upper (raw units; params, or vectors per criterion);
//	              a cost criterion uses lo, hi = −goal_upper, −goal_lower
//
// After a direction-aware normalisation every criterion is "larger is
// better"; after none, mean, initial, spssau-shift and zscore with flip_cost 0 the types still apply
// (TOPSIS, VIKOR, GRA and Copeland honour them; wsm, wpm, amean, gmean,
// hmean and genmean warn).
//
// # Weighting (Request.Weighting, or given Request.Weights)
//
//	equal         1/n
//	entropy       熵值法: k = 1/ln m, 0·ln 0 = 0; params shift (δ), nonneg_shift (1 = SPSSAU 非负平移)
//	critic        CRITIC: sample σ × Σ(1 − r); params abs_corr (1 = Σ(1 − |r|)); options
//	              correlation pearson (default) | spearman (average ranks) | kendall (τ-b),
//	              as scikit-criteria's CRITIC(correlation=…)
//	cv            变异系数法: s/mean (sample s)
//	sd            standard deviation
//	pca           Chinese papers' composite coefficients; params min_eigen (1), cumulative
//	pca-loadings  first-component loadings (COINr get_PCA), normalised to sum 1
//	ahp           from Request.AHP; options ahp_method (sum-product), ri (saaty)
//	combination   组合赋权: options bases "ahp,entropy" (two or more weighting names, or names
//	              of vectors entries holding given weights), rule linear (default) |
//	              multiplicative | geometric | game-theory; params alpha (two bases: α, 1 − α)
//	              or vectors alpha (one per base; default equal shares), abs (game theory
//	              |α|); details "combination" holds each base vector
//
// Building blocks: Equal, Entropy, CRITIC, CV, SD, PCA, PCALoadings, AHP,
// HierarchyWeights, CombineLinear, CombineMultiplicative, CombineGeometric,
// GameTheory / CombineGameTheory (博弈论组合赋权) and VerticalHorizontal
// (纵横向拉开档次法). Aggregation: WSM, WPM, HMean, GenMean, TOPSIS,
// EntropyTOPSIS, VIKOR, GRA, Copeland.
//
// # Methods (Request.Method)
//
//	wsm, amean      Σ w y (weighted arithmetic mean)
//	wpm, gmean      Π y^w (y ≥ 0; weighted geometric mean)
//	hmean           Σw/Σ(w/y) (weighted harmonic mean; y > 0)
//	genmean         (Σ w y^p / Σ w)^(1/p); params p (required, ≠ 0)
//	topsis          C = D⁻/(D⁺ + D⁻); options weights_in = matrix (v = w·z) | distance (√Σ w (z − z*)², 清风)
//	entropy-topsis  SPSSAU 熵权TOPSIS: shift (0.01), entropy weights, data × weights, TOPSIS
//	vikor           param v (0.5); scores = Q, lower is better, ranks ascend
//	gra             grey relational grade; param rho (0.5), vectors reference
//	copeland        weighted outranking, +1/0/−1 per pair (COINr)
//
// Given weights are rescaled to sum 1 unless params rescale_weights = 0
// (wsm, amean, wpm, gmean and topsis only), which uses them as given, as
// pymcdm and scikit-criteria do.
//
// All scores are "higher is better" except VIKOR's Q, for which Details
// carries "lower_is_better": true.
package mcda
