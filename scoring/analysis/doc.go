// Package analysis holds the analyses that NQP (新质生产力) studies run on
// the scores of a composite index, and the robustness analyses of the
// index itself:
//
//   - coupling coordination (耦合协调度): C, T, D with the standard, Wang et
//     al. (2021) corrected and Fan variants, the ten-level classification and
//     the lagging subsystem (Coupling);
//   - obstacle degree (障碍度): indicator and dimension obstacle degrees and
//     the top-N obstacles (Obstacle);
//   - regional differences: the Dagum (1997) Gini decomposition (Dagum) and
//     the Theil T and L indices with their within/between decomposition
//     (Theil);
//   - distribution dynamics: kernel density curves on a shared grid (KDE),
//     Markov transition matrices of quantile classes with their steady state
//     and the spatial Markov chain (Markov, SpatialMarkov);
//   - convergence: σ (SigmaConvergence) and absolute β, cross-section and
//     two-way fixed-effects panel (BetaConvergence);
//   - spatial autocorrelation: global Moran's I with normal, randomisation
//     and permutation inference, local Moran (LISA) quadrants, and the
//     province contiguity and inverse-distance weight matrices (Moran, LocalMoran,
//     ContiguityW, InverseDistanceW);
//   - robustness: Monte Carlo uncertainty analysis over declared recipe
//     alternatives and weight noise (Uncertainty), Saltelli/Jansen
//     sensitivity indices (Sensitivity), removing one element at a time
//     (RemoveElements) and comparing recipes (Compare).
//
// A recipe declares analyses in its analyses section (pipeline.Analysis);
// Run, Apply and RunDeclared run them on a result and attach their tables
// (pipeline.AnalysisOutput) for the JSON and spreadsheet exports. SpatialW
// builds the declared weight matrix, including a user matrix, which
// ReadWeightsCSV reads from CSV.
//
// Every analysis works on plain inputs (vectors, matrices, group labels)
// and has a helper that takes a *pipeline.Result. Errors carry Chinese and
// English messages (*Error). Randomised analyses are deterministic for a
// seed: every run draws from its own PCG stream derived from the seed and
// the run index, so results do not depend on how runs are scheduled across
// goroutines. The formulas and their sources are in docs/methods/analysis.md.
package analysis
