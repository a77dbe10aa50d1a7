// Package describe computes per-indicator statistics of a panel: counts,
// missingness, min, max, mean, median, sample sd, and COINr's adjusted
// skewness (G1) and excess kurtosis (G2, e1071 type 2) with its outlier flag
// (|skew| > 2 and kurtosis > 3.5).
package describe
