package app

import "strings"

// Messages of the method form (method.go): labels ("m_…") and one-line
// explanations ("h_…") in Chinese and English, one "key<TAB>zh<TAB>en" a
// line (a table rather than a map literal keeps the page's wasm small).
const methodMessages = `
m_formula	公式	formula
m_general	预设与范围	Preset and scope
m_presteps	预处理	Pre-steps
m_custom	自定义	custom
m_in_file	（在配方文件中设定）	 (set in a recipe file)
m_upload	上传配方 JSON	Upload a recipe JSON
m_none	无	none
m_preset_nqp-standard	新质生产力标准：面板熵值法 + 加权求和 ×100	NQP standard: pooled-panel entropy + weighted sum ×100
m_preset_coinr	OECD/COINr：min-max [0,100] + 算术平均	OECD/COINr: min-max [0,100] + arithmetic mean
m_preset_entropy-topsis	熵权 TOPSIS	Entropy-TOPSIS
m_preset_critic	CRITIC 赋权 + 加权求和	CRITIC weights + weighted sum
h_preset_nqp-standard	全部时期合并 min-max 到 [0,1]，面板熵值法赋权，逐层加权求和，×100。	Pooled min-max to [0,1], pooled-panel entropy weights, weighted sum up the tree, ×100.
h_preset_coinr	COINr 的简单流程：min-max 到 [0,100]，指标体系中的权重，算术平均。	COINr's simple pipeline: min-max to [0,100], framework weights, arithmetic mean.
h_preset_entropy-topsis	SPSSAU 熵权 TOPSIS：熵值法权重乘入矩阵，再求与正负理想解的相对贴近度 ×100。	SPSSAU's entropy-TOPSIS: entropy weights multiplied into the matrix, then closeness to the ideal ×100.
h_preset_critic	CRITIC 权重（对比强度 × 冲突性），其余同标准配方。	CRITIC weights (contrast × conflict); otherwise the standard recipe.
h_preset_custom	当前配方与任何预设都不同。	The current recipe differs from every preset.
m_coverage	时期最低覆盖率	Minimum period coverage
h_coverage	指标数据覆盖率低于此比例的时期被剔除（0 = 全部保留）。	Periods with a smaller share of indicator cells with data are dropped (0 keeps all).
m_groups	分组排名	Rank groups
h_groups	在各组内另行排名：四大区域、三大地带、所属地级市或省份（按区划代码），或数据中的文本列。	Ranks within groups too: four regions, three belts, prefecture or province (from the division codes), or a text column of the data.
m_groups_none	不分组	none
m_groups_region4	东部、中部、西部、东北	four regions (east, centre, west, north-east)
m_groups_region3	东部、中部、西部三大地带	three belts (east, centre, west)
m_groups_prefecture	所属地级市（县级地区）	prefecture (of county units)
m_groups_province	所属省份（地级、县级地区）	province (of prefecture and county units)
m_rank_ind	指标排名	Indicator ranks
h_rank_ind	另给出每个指标的逐期排名（1 = 最好）：按标准化值、按原始值（依指标方向）或两者（COINr 对每一列排名）。	Also ranks every indicator per period (1 = best): by normalised value, by raw value (following its direction), or both (COINr ranks every column).
m_rank_ind_none	不排名	none
m_rank_ind_normalised	按标准化值	normalised values
m_rank_ind_raw	按原始值	raw values
m_rank_ind_both	两者	both
m_denominate	分母化	Denominate
h_denominate	按指标体系中设定的分母（人口、GDP 等）把总量指标换算为比率。	Divides totals by the denominators set in the framework (population, GDP…).
m_impute	缺失值插补	Imputation
m_impute_none	不插补	none
m_impute_mean	均值	mean
m_impute_median	中位数	median
m_impute_mean_group	组内均值	group mean
m_impute_median_group	组内中位数	group median
m_impute_latest	沿用最近一期	latest value (carried forward)
m_impute_constant	前后值常数插值	constant interpolation
m_impute_linear	线性插值	linear interpolation
m_impute_linear_constant	线性插值（单值序列用常数）	linear (constant for one value)
h_impute_none	缺失值保持缺失，汇总时跳过并重新归一权重。	Missing values stay missing; aggregation skips them and renormalises the weights.
h_impute_mean	用同一指标（同一时期）的均值填补。	Fills with the indicator's mean (per period).
h_impute_median	用同一指标（同一时期）的中位数填补。	Fills with the indicator's median (per period).
h_impute_mean_group	用同组地区的均值填补。	Fills with the mean of the unit's group.
h_impute_median_group	用同组地区的中位数填补。	Fills with the median of the unit's group.
h_impute_latest	用该地区最近一期的值填补。	Fills with the unit's latest earlier value.
h_impute_constant	按时间序列取相邻值（两端外推为常数）。	Takes the neighbouring value in the unit's time series.
h_impute_linear	按时间序列线性插值（两端为常数）。	Interpolates linearly in the unit's time series.
h_impute_linear_constant	线性插值；只有一个值的序列用该值。	Linear interpolation; a series with one value uses it.
m_impute_group	分组	Group
h_impute_group	组均值或组中位数所用的分组。	The grouping of the group mean or median.
m_impute_scope	插补范围	Imputation scope
h_impute_scope	逐期计算均值或中位数，或全部时期合并。	Means or medians per period, or over all periods pooled.
m_max_time	最多回溯期数	Look back at most
h_max_time	最多向前回溯的时期数（0 = 不限）。	Periods to look back at most (0 = no limit).
m_screen	按数据可得性筛选地区	Screen units by data
m_screen_none	不筛选	none
m_screen_byNA	按缺失比例	by missing data
m_screen_byzeros	按零值比例	by zeros
m_screen_byNAandzeros	按缺失和零值	by missing data and zeros
h_screen_none	保留全部地区。	Keeps every unit.
h_screen_byNA	数据可得比例低于阈值的地区-时期被剔除。	Drops unit-periods with too small a share of available data.
h_screen_byzeros	非零值比例低于阈值的地区-时期被剔除。	Drops unit-periods with too small a share of non-zero values.
h_screen_byNAandzeros	两个条件都须满足。	Both conditions must hold.
m_dat_thresh	最低数据可得比例	Minimum data availability
h_dat_thresh	默认 2/3。	Default 2/3.
m_nonzero_thresh	最低非零比例	Minimum non-zero share
h_nonzero_thresh	默认 0.05。	Default 0.05.
m_treat	异常值处理	Outlier treatment
m_treat_none	不处理	none
m_treat_winsorise	缩尾（COINr 默认）	winsorise (COINr default)
h_treat_none	数据保持原样。	The data is left as is.
h_treat_winsorise	偏度、峰度超限的指标逐点缩尾；仍不通过时作对数等变换。	Indicators with high skew and kurtosis are winsorised point by point, then log-transformed if still failing.
m_winmax	最多缩尾点数	Winsorise at most
h_winmax	每个指标最多缩尾的点数（默认 5）。	Points winsorised per indicator at most (default 5).
m_skew	偏度阈值	Skewness threshold
h_skew	|偏度| ≥ 此值且峰度超限即视为有异常值（默认 2）。	|skew| at or above this and high kurtosis mean outliers (default 2).
m_kurt	峰度阈值	Kurtosis threshold
h_kurt	默认 3.5。	Default 3.5.
m_f2	第二步变换	Second treatment
h_f2	缩尾仍不通过时使用的变换。	The transformation used when winsorising does not pass.
m_norm_minmax	极差法 min-max	min-max
m_norm_zscore	Z 分数	z-score
m_norm_scaled	按给定上下限缩放	scaled
m_norm_rank	排序	rank
m_norm_borda	Borda 计分	Borda
m_norm_prank	百分位排序	percentile rank
m_norm_fracmax	占最大值比例	fraction of max
m_norm_dist2max	与最大值的距离	distance to max
m_norm_dist2ref	与参照地区的比值	distance to a reference unit
m_norm_dist2targ	与目标值的距离	distance to target
m_norm_goalposts	目标门柱法	goalposts
m_norm_none	不标准化	none
m_norm_vector	向量归一化	vector
m_norm_sum	比重法（除以列和）	sum (share of the column total)
m_norm_max	除以最大值	divide by max
m_norm_pymcdm-max	除以最大值（pymcdm：负向 1 − x/max）	divide by max (pymcdm: cost 1 − x/max)
m_norm_min	除以最小值	divide by min
m_norm_mean	均值化	divide by mean
m_norm_initial	初值化	divide by the first value
m_norm_rescale	区间化（同 min-max）	rescale (= min-max)
h_norm_minmax	(x − min)/(max − min)，映射到 [下限, 上限]；负向指标反向。	(x − min)/(max − min) mapped to [lower, upper]; negative indicators reversed.
h_norm_zscore	(x − 均值)/标准差（样本标准差）。	(x − mean)/sd (sample sd).
h_norm_scaled	(x − 下限)/(上限 − 下限) × 系数（COINr n_scaled）。	(x − lower)/(upper − lower) × factor (COINr n_scaled).
h_norm_rank	按数值排序的名次。	The rank of each value.
h_norm_borda	Borda 计分：比它小的值的个数。	Borda score: the number of smaller values.
h_norm_prank	百分位名次，0–1。	Percentile rank, 0–1.
h_norm_fracmax	x / max。	x / max.
h_norm_dist2max	1 − (max − x)/(max − min)。	1 − (max − x)/(max − min).
h_norm_dist2ref	x 除以参照地区的值。	x divided by the reference unit's value.
h_norm_dist2targ	到目标值的相对距离。	Relative distance to the target.
h_norm_goalposts	(x − 下门柱)/(上门柱 − 下门柱)，截断到 [0, 1]。	(x − low post)/(high post − low post), truncated to [0, 1].
h_norm_none	直接使用原始值。	Uses the raw values.
h_norm_vector	x / √Σx²（TOPSIS 常用）。	x / √Σx² (usual in TOPSIS).
h_norm_sum	x / Σx。	x / Σx.
h_norm_max	x / max；负向指标 min / x。	x / max; negative indicators min / x.
h_norm_pymcdm-max	x / max；负向指标 1 − x / max（pymcdm 的 max 标准化）。	x / max; negative indicators 1 − x / max (pymcdm's max normalisation).
h_norm_min	min / x 或 x / min。	min / x or x / min.
h_norm_mean	x / 均值。	x / mean.
h_norm_initial	x / 第一个值（灰色关联常用）。	x / the first value (usual in grey relational analysis).
h_norm_rescale	同 min-max。	Same as min-max.
h_norm_scope	全部时期合并标准化可跨期比较；逐期只比较同期。	Pooled normalisation is comparable over time; per period only within a period.
m_lower	下限	Lower
m_upper	上限	Upper
m_shift	平移量	Shift
h_lower	标准化后的最小值（默认 0）。	The smallest normalised value (default 0).
h_upper	标准化后的最大值（默认 1）。	The largest normalised value (default 1).
h_shift	标准化后再加上的平移量（如 0.0001）。	Added after scaling (e.g. 0.0001).
m_mean	目标均值	Mean
m_sd	目标标准差	SD
h_zmean	变换后的均值（默认 0）。	The mean after scaling (default 0).
h_zsd	变换后的标准差（默认 1）。	The sd after scaling (default 1).
m_population_sd	总体标准差	Population sd
h_population_sd	标准差除以 n 而非 n − 1（numpy、scikit-learn、scikit-criteria 的约定）。	Divides by n instead of n − 1 (numpy's, scikit-learn's and scikit-criteria's convention).
m_keep_direction	负向指标不取反	Keep negative indicators unflipped
h_keep_direction	负向指标保留 z 值原方向，由 TOPSIS、VIKOR、灰色关联按成本型处理（scikit-criteria 的约定）；其他汇总方法不接受。	Negative indicators keep their z-scores; TOPSIS, VIKOR and GRA treat them as cost criteria (scikit-criteria's convention); other aggregations refuse it.
h_scaled	默认 0、100、100。	Defaults 0, 100, 100.
m_scale_factor	系数	Factor
m_ties	并列处理	Ties
h_ties	相同数值取最小、最大或平均名次。	Equal values get the lowest, highest or average rank.
m_ties_min	最小名次	min
m_ties_max	最大名次	max
m_ties_average	平均名次	average
m_ref_unit	参照地区代码	Reference unit code
h_ref_unit	与之比较的地区（代码）。	The unit compared with (its code).
m_target	目标值	Target
h_target	原始单位的目标值（默认用指标体系中的目标）。	The target in raw units (default: the framework's).
h_goalposts	原始单位的上下门柱。	The posts in raw units.
m_reciprocal	负向指标取倒数	Reciprocal for negative indicators
h_reciprocal	负向指标先换成 1/x 再按正向处理（倒数法）。	Negative indicators become 1/x, then are treated as positive.
m_nonneg	非负平移	Non-negative shift
h_nonneg	有 ≤ 0 值的列整体平移 |min| + 0.01（SPSSAU）。	A column with values ≤ 0 is shifted by |min| + 0.01 (SPSSAU).
m_w_entropy	熵值法	entropy
m_w_critic	CRITIC	CRITIC
m_w_cv	变异系数法	coefficient of variation
m_w_sd	标准差法	standard deviation
m_w_pca	主成分分析法	principal components
m_w_vertical-horizontal	纵横向拉开档次法	vertical-horizontal scatter
m_w_equal	等权重	equal
m_w_manual	指标体系中的权重	framework weights
m_w_ahp	层次分析法 AHP	AHP
m_w_combination	组合赋权	combination
h_w_entropy	信息熵越小、差异越大的指标权重越高。	Indicators with lower entropy (more spread) weigh more.
h_w_critic	对比强度（标准差）× 冲突性（1 − 相关系数之和）。	Contrast (sd) × conflict (sum of 1 − correlations).
h_w_cv	权重与变异系数（标准差/均值）成正比。	Weights proportional to the coefficient of variation (sd/mean).
h_w_sd	权重与标准化后数据的标准差成正比。	Weights proportional to the normalised data's sd.
h_w_pca	主成分载荷或综合得分系数作为权重。	Principal-component loadings or composite coefficients as weights.
h_w_vertical-horizontal	使各地区各时期综合得分差异最大的权重（最大特征向量）。	Weights that spread the unit-period scores most (leading eigenvector).
h_w_equal	同一组内权重相等。	Equal weights within each group.
h_w_manual	使用指标体系中填写的权重。	Uses the weights written in the framework.
h_w_ahp	按判断矩阵计算；判断矩阵须在配方文件中给出。	From judgement matrices, given in a recipe file.
h_w_combination	两种以上基础方法的组合；须在配方文件中给出。	A combination of base methods, given in a recipe file.
h_variant	面板整体一次计算、逐期计算或逐期取平均。	One run over the pooled panel, one per period, or their average.
h_zero_rule	p = 0 时 p·ln p 如何处理。	How p·ln p is made finite when p = 0.
m_z_shift	平移 δ	shift by δ
m_z_rescale	区间化 [a, b]	rescale to [a, b]
m_delta	平移量 δ	δ
h_delta	每个标准化值加上 δ（默认 0.0001）。	Added to every normalised value (default 0.0001).
h_ab	每列线性映射到 [a, b]（默认 0.002、0.998）。	Each column mapped linearly to [a, b] (default 0.002, 0.998).
m_correlation	相关系数	Correlation
h_correlation	冲突性所用的相关系数：Pearson（默认）、Spearman 秩相关或 Kendall τ-b（scikit-criteria 可选）。	The correlation of the conflict: Pearson (default), Spearman rank or Kendall τ-b (as scikit-criteria offers).
m_corr_pearson	Pearson	Pearson
m_corr_spearman	Spearman 秩相关	Spearman rank
m_corr_kendall	Kendall τ-b	Kendall τ-b
m_as_given	权重按给定值使用	Weights as given
h_as_given	指标体系中的权重不按组归一化为和 1，直接 Σ w x（pymcdm、scikit-criteria 的约定）；用于加权求和、加权乘积与 TOPSIS。	The framework's weights are not rescaled to sum 1 within each group: Σ w x as given (pymcdm's and scikit-criteria's convention); for the weighted sum, the weighted product and TOPSIS.
m_cv_on	变异系数基于	CV computed on
h_cv_on	原始数据或标准化后的数据。	The raw or the normalised data.
m_cv_raw	原始数据	raw data
m_cv_normalised	标准化后数据	normalised data
m_pca_form	主成分形式	PCA form
h_pca_form	中文文献的综合得分系数法，或 COINr 的逐组第一主成分载荷。	The Chinese papers' composite coefficients, or COINr's first-component loadings per group.
m_pca_composite	综合得分系数	composite
m_pca_coinr	COINr 逐组	COINr per group
m_upper_w	上层权重	Upper-level weights
h_upper_w	维度的权重：下属指标权重之和、指标体系中的权重或等权。	Dimension weights: the sum of their indicators', the framework's, or equal.
m_upper_derived	下属指标权重之和	sum of the indicators'
m_upper_framework	指标体系中的权重	framework weights
m_upper_equal	等权重	equal
m_agg_amean	加权算术平均	weighted arithmetic mean
m_agg_gmean	加权几何平均	weighted geometric mean
m_agg_hmean	加权调和平均	weighted harmonic mean
m_agg_genmean	广义均值	generalised mean
m_agg_wsm	加权求和（同算术平均）	weighted sum (= arithmetic mean)
m_agg_wpm	加权乘积（同几何平均）	weighted product (= geometric mean)
m_agg_copeland	Copeland 两两比较	Copeland
m_agg_topsis	TOPSIS	TOPSIS
m_agg_entropy-topsis	熵权 TOPSIS	entropy-TOPSIS
m_agg_vikor	VIKOR	VIKOR
m_agg_gra	灰色关联分析	grey relational analysis
h_agg_amean	Σ wᵢxᵢ / Σ wᵢ，逐层向上。	Σ wᵢxᵢ / Σ wᵢ, level by level.
h_agg_gmean	Π xᵢ^wᵢ，弱项难以被强项补偿。	Π xᵢ^wᵢ; weak points are less compensated.
h_agg_hmean	Σ wᵢ / Σ (wᵢ/xᵢ)。	Σ wᵢ / Σ (wᵢ/xᵢ).
h_agg_genmean	(Σ wᵢxᵢ^p / Σ wᵢ)^(1/p)。	(Σ wᵢxᵢ^p / Σ wᵢ)^(1/p).
h_agg_wsm	同加权算术平均。	Same as the arithmetic mean.
h_agg_wpm	同加权几何平均。	Same as the geometric mean.
h_agg_copeland	两两比较胜负的加权得分。	Weighted wins minus losses in pairwise comparisons.
h_agg_topsis	与正负理想解距离的相对贴近度。	Relative closeness to the ideal and anti-ideal.
h_agg_entropy-topsis	熵值法权重乘入矩阵后做 TOPSIS（SPSSAU）。	TOPSIS on the matrix weighted by entropy weights (SPSSAU).
h_agg_vikor	1 − Q，兼顾群体效用与个体遗憾。	1 − Q, balancing group utility and individual regret.
h_agg_gra	与参考序列的灰色关联度。	Grey relational grade to the reference sequence.
m_p	指数 p	Exponent p
h_p	广义均值的指数（≠ 0）。	The generalised mean's exponent (≠ 0).
m_topsis_norm	TOPSIS 内部标准化	TOPSIS normalisation
h_topsis_norm	向量归一化（经典）、min-max 或不再标准化。	Vector (classic), min-max or none.
m_tn_vector	向量归一化	vector
m_weights_in	权重作用于	Weights enter
h_weights_in	乘入矩阵 v = w·z，或进入距离 √Σ w(z − z*)²。	Into the matrix v = w·z, or the distance √Σ w(z − z*)².
m_wi_matrix	矩阵	matrix
m_wi_distance	距离	distance
m_v	VIKOR 参数 v	VIKOR v
h_v	群体效用 S 的权重（默认 0.5）。	The weight of the group utility S (default 0.5).
m_rho	分辨系数 ρ	Distinguishing coefficient ρ
h_rho	灰色关联的分辨系数（默认 0.5）。	Grey relational ρ (default 0.5).
m_grade	关联度	Grade
h_grade	加权（Σ w ξ）或简单平均。	Weighted (Σ w ξ) or the plain mean.
m_grade_weighted	加权	weighted
m_grade_mean	平均	mean
m_agg_scope	比较范围	Compared together
h_agg_scope	逐期比较，或全部地区-时期一起（理想解跨期固定）。	Each period, or all unit-periods (ideals fixed over the panel).
m_scope_panel	全部时期合并	whole panel
m_scale	得分缩放	Score scale
h_scale	综合得分乘以此数（默认 100）。	Every score is multiplied by this (default 100).
m_min_share	最低子项比例	Minimum share of children
h_min_share	可用子项少于此比例时上层得分记为缺失（0 = 有一个即可）。	A parent is missing below this share of available children (0 = one suffices).
`

func init() { addMessages(parseMessages(methodMessages)) }

// parseMessages reads "key<TAB>zh<TAB>en" lines.
func parseMessages(s string) map[string][2]string {
	m := map[string][2]string{}
	for _, line := range strings.Split(s, "\n") {
		if f := strings.Split(line, "\t"); len(f) == 3 {
			m[f[0]] = [2]string{f[1], f[2]}
		}
	}
	return m
}
