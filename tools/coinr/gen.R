# gen.R -- generate COINr reference outputs (golden test data) for the Go pipeline.
#
# This is our own script: it only *calls* COINr and writes the numbers it returns.
# No COINr code is copied here.
#
# How to run (from the repository root, /work/main):
#
#   Rscript tools/coinr/gen.R [outdir]
#
# outdir defaults to scoring/pipeline/testdata/coinr . Every file in outdir that this
# script writes is overwritten; nothing else is touched.
#
# Requirements: R (tested with 4.2.2, Debian bookworm r-base-core) and COINr 1.1.14
# (github bluefoxr/COINr, commit b9682034635df03279896b6cb025cd3534f82cbb, whose DESCRIPTION
# says Version 1.1.14; installed with `R CMD INSTALL <source dir>`), plus COINr's Imports
# (openxlsx, rlang, ggplot2, readxl; Debian r-cran-* packages). The git tag v1.1.14
# (338b21c) gives byte-identical files except that it lacks imp_type = "linear-constant"
# (those three files are then missing and _status.csv records the error).
# Runtime: about 15 s on 2 cores. Output is deterministic (byte-identical re-runs).
#
# Data: COINr's own package data COINr::ASEM_iData, COINr::ASEM_iMeta, COINr::ASEM_iData_p.
#
# Number format: every numeric value is written with formatC(x, digits = 17, format = "g")
# (i.e. C "%.17g", which round-trips IEEE doubles exactly); NA is an empty field, NaN is
# "NaN", +-Inf is "Inf"/"-Inf"; logicals are TRUE/FALSE; character columns are quoted.
# The first column is uCode wherever the table is per unit.
#
# Randomness: the pipeline is deterministic. set.seed(42) is called once at the start
# (and before the one place where we inject random NAs into the panel data), so that
# re-runs are byte-identical.

suppressPackageStartupMessages(library(COINr))
set.seed(42)

args <- commandArgs(trailingOnly = TRUE)
outdir <- if (length(args) >= 1) args[[1]] else "scoring/pipeline/testdata/coinr"
dir.create(outdir, recursive = TRUE, showWarnings = FALSE)

t_start <- Sys.time()
files_written <- character(0)

# ---------------------------------------------------------------------------
# Output helpers
# ---------------------------------------------------------------------------

fmt_num <- function(x) {
  out <- formatC(x, digits = 17, format = "g")
  out <- trimws(out)
  out[is.nan(x)] <- "NaN"
  out[is.na(x) & !is.nan(x)] <- ""
  out[is.infinite(x) & x > 0] <- "Inf"
  out[is.infinite(x) & x < 0] <- "-Inf"
  out
}

write_full <- function(df, name) {
  df <- as.data.frame(df, stringsAsFactors = FALSE)
  rownames(df) <- NULL
  quote_cols <- integer(0)
  for (j in seq_along(df)) {
    v <- df[[j]]
    if (is.factor(v)) v <- as.character(v)
    if (is.numeric(v)) {
      df[[j]] <- fmt_num(as.numeric(v))
    } else if (is.logical(v)) {
      df[[j]] <- ifelse(is.na(v), "", ifelse(v, "TRUE", "FALSE"))
    } else {
      v <- as.character(v)
      df[[j]] <- v
      quote_cols <- c(quote_cols, j)
    }
  }
  path <- file.path(outdir, name)
  utils::write.table(df, path, sep = ",", row.names = FALSE, col.names = TRUE,
                     na = "", quote = if (length(quote_cols)) quote_cols else FALSE,
                     qmethod = "double", fileEncoding = "UTF-8", eol = "\n")
  files_written <<- c(files_written, name)
  invisible(path)
}

# put uCode first (if present)
ucode_first <- function(df) {
  if ("uCode" %in% names(df)) df[c("uCode", setdiff(names(df), "uCode"))] else df
}

write_dset <- function(coin, dset, name) {
  write_full(ucode_first(get_dset(coin, dset)), name)
}

# ---------------------------------------------------------------------------
# The full example pipeline (identical to COINr::build_example_coin())
# ---------------------------------------------------------------------------

iData <- COINr::ASEM_iData
iMeta <- COINr::ASEM_iMeta
iData_p <- COINr::ASEM_iData_p

# default arguments of each step, exactly as in build_example_coin()
A_new  <- list(iData = iData, iMeta = iMeta,
               level_names = c("Indicator", "Pillar", "Sub-index", "Index"), quietly = TRUE)
A_den  <- list(dset = "Raw")
A_imp  <- list(dset = "Denominated", f_i = "i_mean_grp", use_group = "EurAsia_group")
A_scr  <- list(dset = "Imputed", dat_thresh = 0.9, unit_screen = "byNA")
A_trt  <- list(dset = "Screened", global_specs = list(f1_para = list(winmax = 5)))
A_nrm  <- list(dset = "Treated", global_specs = list(f_n = "n_minmax", f_n_para = list(c(0, 100))))
A_agg  <- list(dset = "Normalised", f_ag = "a_amean")

run_pipeline <- function(imp = A_imp, scr = A_scr, trt = A_trt, nrm = A_nrm, agg = A_agg,
                         meta = iMeta) {
  a_new <- A_new
  a_new$iMeta <- meta
  coin <- do.call("new_coin", a_new)
  coin <- do.call("Denominate", c(list(x = coin), A_den))
  coin <- do.call("Impute", c(list(x = coin), imp))
  coin <- do.call("Screen", c(list(x = coin), scr))
  coin <- do.call("Treat", c(list(x = coin), trt))
  coin <- do.call("Normalise", c(list(x = coin), nrm))
  coin <- do.call("Aggregate", c(list(x = coin), agg))
  coin
}

coin <- suppressMessages(run_pipeline())

# sanity: must equal COINr's own example coin
coin_ex <- build_example_coin(quietly = TRUE)
for (d in names(coin_ex$Data)) {
  stopifnot(identical(coin_ex$Data[[d]], coin$Data[[d]]))
}

for (d in c("Raw", "Denominated", "Imputed", "Screened", "Treated", "Normalised", "Aggregated")) {
  write_dset(coin, d, paste0("full_", d, ".csv"))
}

write_full(coin$Analysis$Treated$Dets_Table, "full_treat_details.csv")
write_full(cbind(uCode = coin$Data$Treated$uCode, coin$Analysis$Treated$Treated_Points),
           "full_treat_points.csv")
write_full(coin$Analysis$Screened$DataSummary, "full_screen_summary.csv")
write_full(data.frame(uCode = as.character(coin$Analysis$Screened$RemovedUnits)),
           "full_screen_removed.csv")
write_full(get_eff_weights(coin, out2 = "df"), "full_eff_weights.csv")
write_full(ucode_first(get_results(coin, dset = "Aggregated", tab_type = "Full", use = "ranks")),
           "full_ranks.csv")
# scores table: get_results rounds with round(x, nround) (nround = NULL is rejected); we ask
# for nround = 30 and check that this is the identity on every value (R >= 4.0.0's round();
# nround = 17 is NOT enough: it changes small normalised values such as Elec).
res_sc <- get_results(coin, dset = "Aggregated", tab_type = "Full", use = "scores", nround = 30)
agg <- coin$Data$Aggregated
for (cc in setdiff(names(res_sc), c("uCode", "uName", "Rank"))) {
  stopifnot(identical(res_sc[[cc]], agg[[cc]][match(res_sc$uCode, agg$uCode)]))
}
write_full(ucode_first(res_sc), "full_results.csv")
write_full(coin$Meta$Lineage, "full_lineage.csv")

# A second screening example that actually removes units: Screen before imputation.
coin_scr <- suppressMessages(Screen(coin, dset = "Denominated", dat_thresh = 0.9,
                                    unit_screen = "byNA", write_to = "ScreenedDen"))
write_full(coin_scr$Analysis$ScreenedDen$DataSummary, "screen_den_summary.csv")
write_full(data.frame(uCode = as.character(coin_scr$Analysis$ScreenedDen$RemovedUnits)),
           "screen_den_removed.csv")
write_dset(coin_scr, "ScreenedDen", "screen_den_Screened.csv")

# ---------------------------------------------------------------------------
# Variants: each changes ONE step of the full pipeline
# ---------------------------------------------------------------------------

# --- normalisers (Normalise dset "Treated", then a_amean as in the full pipeline)
treated <- coin$Data$Treated
gp_meta <- iMeta
# goalposts for the iMeta variant: our own choice, 10th/90th percentile (type 7) of the
# Treated data in the original indicator units, scale 100, truncate; written to
# norm_goalposts_iMeta_params.csv so the Go test does not have to recompute them.
ind_codes <- iMeta$iCode[iMeta$Type == "Indicator"]
gp_meta$goalpost_lower <- NA_real_
gp_meta$goalpost_upper <- NA_real_
gp_meta$goalpost_scale <- NA_real_
gp_meta$goalpost_trunc2posts <- NA
for (ic in ind_codes) {
  k <- which(gp_meta$iCode == ic)
  q <- stats::quantile(treated[[ic]], probs = c(0.1, 0.9), na.rm = TRUE, names = FALSE, type = 7)
  gp_meta$goalpost_lower[k] <- q[1]
  gp_meta$goalpost_upper[k] <- q[2]
  gp_meta$goalpost_scale[k] <- 100
  gp_meta$goalpost_trunc2posts[k] <- TRUE
}
write_full(gp_meta[gp_meta$Type == "Indicator",
                   c("iCode", "Direction", "goalpost_lower", "goalpost_upper",
                     "goalpost_scale", "goalpost_trunc2posts")],
           "norm_goalposts_iMeta_params.csv")

norm_variants <- list(
  norm_minmax      = list(f_n = "n_minmax", f_n_para = list(l_u = c(0, 100))),
  norm_zscore      = list(f_n = "n_zscore"),
  norm_scaled      = list(f_n = "n_scaled"),
  norm_rank        = list(f_n = "n_rank"),
  norm_borda       = list(f_n = "n_borda"),
  norm_prank       = list(f_n = "n_prank"),
  norm_fracmax     = list(f_n = "n_fracmax"),
  norm_dist2max    = list(f_n = "n_dist2max"),
  norm_dist2ref    = list(f_n = "n_dist2ref", f_n_para = list(iref = 1)),
  norm_dist2targ   = list(f_n = "n_dist2targ", f_n_para = "use_iMeta"),
  norm_goalposts   = list(f_n = "n_goalposts", f_n_para = list(gposts = c(0, 1, 100))),
  norm_goalposts_iMeta = list(f_n = "n_goalposts", f_n_para = "use_iMeta"),
  norm_none        = list(f_n = "none")
)
variant_status <- data.frame(variant = character(0), status = character(0),
                             message = character(0), stringsAsFactors = FALSE)
add_status <- function(v, st, msg = "") {
  variant_status[nrow(variant_status) + 1, ] <<- list(v, st, gsub("[\r\n]+", " ", msg))
}

run_variant <- function(vname, expr_fun, writer) {
  res <- tryCatch({
    w <- character(0)
    cv <- withCallingHandlers(suppressMessages(expr_fun()),
                              warning = function(wn) {
                                w <<- c(w, conditionMessage(wn)); invokeRestart("muffleWarning")
                              })
    writer(cv)
    add_status(vname, "ok", paste(unique(w), collapse = " | "))
    TRUE
  }, error = function(e) {
    add_status(vname, "error", conditionMessage(e))
    FALSE
  })
  invisible(res)
}

for (v in names(norm_variants)) {
  meta_v <- if (v == "norm_goalposts_iMeta") gp_meta else iMeta
  nrm_v <- list(dset = "Treated", global_specs = norm_variants[[v]])
  run_variant(v, function() run_pipeline(nrm = nrm_v, meta = meta_v), function(cv) {
    write_dset(cv, "Normalised", paste0(v, "_Normalised.csv"))
    write_dset(cv, "Aggregated", paste0(v, "_Aggregated.csv"))
  })
}

# --- aggregators (Normalise n_minmax l_u = c(1, 100), then each aggregator)
nrm_1_100 <- list(dset = "Treated", global_specs = list(f_n = "n_minmax", f_n_para = list(l_u = c(1, 100))))

# a_copeland cannot be passed to Aggregate() directly (its first argument is X, Aggregate
# calls f_ag(x = ...)); this is the one-line wrapper described in coinr.md section 6.
a_copeland_wrap <- function(x, w = NULL) a_copeland(as.data.frame(x), w)

agg_variants <- list(
  agg_amean   = list(dset = "Normalised", f_ag = "a_amean"),
  agg_gmean   = list(dset = "Normalised", f_ag = "a_gmean"),
  agg_hmean   = list(dset = "Normalised", f_ag = "a_hmean"),
  agg_genmean_p2 = list(dset = "Normalised", f_ag = "a_genmean", f_ag_para = list(p = 2)),
  agg_copeland = list(dset = "Normalised", f_ag = "a_copeland_wrap", by_df = TRUE)
)
for (v in names(agg_variants)) {
  run_variant(v, function() run_pipeline(nrm = nrm_1_100, agg = agg_variants[[v]]), function(cv) {
    if (v == "agg_amean") write_dset(cv, "Normalised", "agg_minmax1_100_Normalised.csv")
    write_dset(cv, "Aggregated", paste0(v, "_Aggregated.csv"))
  })
}

# --- imputation (Impute dset "Denominated")
imp_variants <- list(
  imp_mean       = list(dset = "Denominated", f_i = "i_mean"),
  imp_median     = list(dset = "Denominated", f_i = "i_median"),
  imp_mean_grp   = list(dset = "Denominated", f_i = "i_mean_grp", use_group = "EurAsia_group"),
  imp_median_grp = list(dset = "Denominated", f_i = "i_median_grp", use_group = "EurAsia_group"),
  imp_row_mean_L2 = list(dset = "Denominated", f_i = "i_mean", impute_by = "row", group_level = 2)
)
for (v in names(imp_variants)) {
  run_variant(v, function() run_pipeline(imp = imp_variants[[v]]), function(cv) {
    write_dset(cv, "Imputed", paste0(v, "_Imputed.csv"))
    write_dset(cv, "Aggregated", paste0(v, "_Aggregated.csv"))
  })
}

# --- treatment (Treat dset "Screened")
trt_variants <- list(
  treat_winmax1   = list(dset = "Screened", global_specs = list(f1_para = list(winmax = 1))),
  treat_winmax10  = list(dset = "Screened", global_specs = list(f1_para = list(winmax = 10))),
  treat_log_CT_orig = list(dset = "Screened", global_specs = list(f2 = "log_CT_orig")),
  treat_log_CT_plus = list(dset = "Screened", global_specs = list(f2 = "log_CT_plus")),
  treat_boxcox05  = list(dset = "Screened", global_specs = list(f2 = "boxcox", f2_para = list(lambda = 0.5))),
  treat_combine   = list(dset = "Screened", global_specs = list(f1_para = list(winmax = 5)), combine_treat = TRUE),
  treat_none      = list(dset = "Screened", global_specs = "none"),
  treat_disable   = list(dset = "Screened", disable = TRUE),
  # With the default winmax = 5 every failing ASEM indicator passes after winsorising, so
  # f2 / combine_treat never act above. These variants use winmax = 1 (11 indicators then
  # reach f2) to make the f2 alternatives observable; compare them with treat_winmax1.
  treat_winmax1_log_CT_orig = list(dset = "Screened", global_specs = list(f1_para = list(winmax = 1), f2 = "log_CT_orig")),
  treat_winmax1_log_CT_plus = list(dset = "Screened", global_specs = list(f1_para = list(winmax = 1), f2 = "log_CT_plus")),
  treat_winmax1_boxcox05    = list(dset = "Screened", global_specs = list(f1_para = list(winmax = 1), f2 = "boxcox", f2_para = list(lambda = 0.5))),
  treat_winmax1_combine     = list(dset = "Screened", global_specs = list(f1_para = list(winmax = 1)), combine_treat = TRUE)
)
for (v in names(trt_variants)) {
  run_variant(v, function() run_pipeline(trt = trt_variants[[v]]), function(cv) {
    write_dset(cv, "Treated", paste0(v, "_Treated.csv"))
    if (!is.null(cv$Analysis$Treated$Dets_Table))
      write_full(cv$Analysis$Treated$Dets_Table, paste0(v, "_treat_details.csv"))
    if (!is.null(cv$Analysis$Treated$Treated_Points))
      write_full(cbind(uCode = cv$Data$Treated$uCode, cv$Analysis$Treated$Treated_Points),
                 paste0(v, "_treat_points.csv"))
    write_dset(cv, "Aggregated", paste0(v, "_Aggregated.csv"))
  })
}

# --- panel imputation with impute_panel() on ASEM_iData_p (indicator columns only)
p_cols <- c("uCode", "Time", ind_codes)
panel_in <- iData_p[p_cols]
panel_in <- panel_in[order(panel_in$uCode, panel_in$Time), ]
rownames(panel_in) <- NULL
write_full(panel_in, "panel_input.csv")

# ASEM_iData_p has only a few NAs, so we also make a version with extra holes:
# set.seed(42), then each non-NA cell is set to NA with probability 0.15, except that
# every (uCode, iCode) series keeps its 2018 and 2022 values (so "linear" can always run).
set.seed(42)
panel_holes <- panel_in
for (ic in ind_codes) {
  drop <- stats::runif(nrow(panel_holes)) < 0.15
  drop[panel_holes$Time %in% c(2018, 2022)] <- FALSE
  panel_holes[[ic]][drop] <- NA
}
write_full(panel_holes, "panel_holes_input.csv")

# A sparser version (continuing the same RNG stream): each non-NA cell is set to NA with
# probability 0.5, with no protected years. Some series then have a single observation
# ("linear" is expected to fail with an approx() error; "linear-constant" falls back to
# "constant" for those series).
panel_sparse <- panel_in
for (ic in ind_codes) {
  drop <- stats::runif(nrow(panel_sparse)) < 0.5
  panel_sparse[[ic]][drop] <- NA
}
write_full(panel_sparse, "panel_sparse_input.csv")

panel_variants <- list(
  latest            = list(imp_type = "latest", max_time = NULL),
  latest_max2       = list(imp_type = "latest", max_time = 2),
  constant          = list(imp_type = "constant", max_time = NULL),
  linear            = list(imp_type = "linear", max_time = NULL),
  `linear-constant` = list(imp_type = "linear-constant", max_time = NULL)
)
for (src in c("panel", "panel_holes", "panel_sparse")) {
  pin <- switch(src, panel = panel_in, panel_holes = panel_holes, panel_sparse = panel_sparse)
  for (v in names(panel_variants)) {
    vname <- paste0(src, "_", gsub("-", "_", v))
    pv <- panel_variants[[v]]
    run_variant(vname, function() {
      impute_panel(pin, time_col = "Time", unit_col = "uCode",
                   imp_type = pv$imp_type, max_time = pv$max_time)$iData_imp
    }, function(out) {
      out <- out[order(out$uCode, out$Time), ]
      write_full(out, paste0(vname, "_Imputed.csv"))
    })
  }
}

# --- the panel purse, as in build_example_purse(): Screen (Raw, byNA, 0.9) -> Treat (defaults)
#     -> Normalise(global = TRUE, default n_minmax [0,100]) -> Aggregate (a_amean)
purse <- suppressMessages({
  p <- new_coin(iData_p, iMeta, level_names = c("Indicator", "Pillar", "Sub-index", "Index"),
                split_to = "all", quietly = TRUE)
  p <- Screen(p, dset = "Raw", dat_thresh = 0.9, unit_screen = "byNA")
  p <- Treat(p, dset = "Screened")
  p <- Normalise(p, dset = "Treated", global = TRUE,
                 global_specs = list(f_n = "n_minmax", f_n_para = list(l_u = c(0, 100))))
  p <- Aggregate(p, dset = "Normalised", f_ag = "a_amean")
  p
})
purse_ex <- build_example_purse(quietly = TRUE)
for (i in seq_len(nrow(purse))) {
  for (d in names(purse_ex$coin[[i]]$Data)) {
    stopifnot(identical(purse_ex$coin[[i]]$Data[[d]], purse$coin[[i]]$Data[[d]]))
  }
}
for (d in c("Raw", "Screened", "Treated", "Normalised", "Aggregated")) {
  pd <- get_dset(purse, d)   # Time + uCode + columns, all years stacked
  pd <- pd[c("uCode", "Time", setdiff(names(pd), c("uCode", "Time")))]
  pd <- pd[order(pd$Time, pd$uCode), ]
  write_full(pd, paste0("purse_global_", d, ".csv"))
}
# per-year treatment details
td <- do.call(rbind, lapply(seq_len(nrow(purse)), function(i) {
  cbind(Time = purse$Time[i], purse$coin[[i]]$Analysis$Treated$Dets_Table)
}))
write_full(td, "purse_global_treat_details.csv")

# ---------------------------------------------------------------------------
# Weights
# ---------------------------------------------------------------------------

pca_write <- function(pca, name) {
  w <- pca$Weights
  write_full(w, paste0(name, "_weights.csv"))
  # per group: PC1 loadings, sdev and proportion of variance
  rows <- lapply(names(pca$PCAresults), function(g) {
    r <- pca$PCAresults[[g]]
    data.frame(Group = g, iCode = r$iCodes, PC1_loading = as.numeric(r$PCAres$rotation[, 1]),
               stringsAsFactors = FALSE)
  })
  write_full(do.call(rbind, rows), paste0(name, "_loadings.csv"))
  sd_rows <- lapply(names(pca$PCAresults), function(g) {
    r <- pca$PCAresults[[g]]
    data.frame(Group = g, PC = seq_along(r$PCAres$sdev), sdev = r$PCAres$sdev,
               PropVar = r$PCAres$sdev^2 / sum(r$PCAres$sdev^2), nObs = nrow(r$PCAres$x),
               stringsAsFactors = FALSE)
  })
  write_full(do.call(rbind, sd_rows), paste0(name, "_sdev.csv"))
}

run_variant("pca_normalised_L1", function() get_PCA(coin, dset = "Normalised", Level = 1, by_groups = TRUE),
            function(p) pca_write(p, "pca_normalised_L1"))
run_variant("pca_aggregated_L2", function() get_PCA(coin, dset = "Aggregated", Level = 2, by_groups = TRUE),
            function(p) pca_write(p, "pca_aggregated_L2"))

opt_write <- function(o, name) {
  write_full(o$WeightsOpt, paste0(name, "_weights.csv"))
  cr <- o$CorrResultsNorm
  # rows of CorrResultsNorm: correlations come out of get_corr(withparent = TRUE), i.e.
  # merge()-sorted by iCode, while OptWeight follows the weight table's order. For ASEM
  # level 3 both are c("Conn", "Sust"); check that before labelling.
  w3 <- coin$Meta$Weights$Original$iCode[coin$Meta$Weights$Original$Level == 3]
  stopifnot(identical(w3, sort(w3)), nrow(cr) == length(w3))
  cr <- cbind(iCode = w3, cr)
  write_full(cr, paste0(name, "_corr.csv"))
  # the index re-aggregated with the optimised weights (a_amean on "Normalised")
  co <- suppressMessages(Aggregate(coin, dset = "Normalised", f_ag = "a_amean", w = o$WeightsOpt))
  write_dset(co, "Aggregated", paste0(name, "_Aggregated.csv"))
  write_full(data.frame(value = o$OptResults$value,
                        counts_function = o$OptResults$counts[["function"]],
                        convergence = o$OptResults$convergence),
             paste0(name, "_optim.csv"))
}
run_variant("opt_balance_L3", function() get_opt_weights(coin, itarg = "equal", dset = "Aggregated",
                                                          Level = 3, optype = "balance"),
            function(o) opt_write(o, "opt_balance_L3"))
run_variant("opt_infomax_L3", function() get_opt_weights(coin, dset = "Aggregated",
                                                          Level = 3, optype = "infomax"),
            function(o) opt_write(o, "opt_infomax_L3"))

# ---------------------------------------------------------------------------
# Statistics
# ---------------------------------------------------------------------------

write_full(get_stats(coin, dset = "Raw", nsignif = NULL), "stats_Raw.csv")
write_full(get_stats(coin, dset = "Raw"), "stats_Raw_signif3.csv")
cr <- get_corr(coin, dset = "Raw", Levels = 1, cortype = "pearson", pval = 0, make_long = FALSE)
# get_corr(make_long = FALSE) returns a square data.frame with the iCodes as row names
# (rows/cols in COINr's sorted order); we add them as the first column "iCode".
write_full(cbind(iCode = rownames(cr), cr), "corr_Raw_pearson.csv")
cr05 <- get_corr(coin, dset = "Raw", Levels = 1, cortype = "pearson", pval = 0.05, make_long = FALSE)
write_full(cbind(iCode = rownames(cr05), cr05), "corr_Raw_pearson_p05.csv")
sk <- do.call(rbind, lapply(c("Raw", "Denominated", "Imputed", "Treated"), function(d) {
  x <- get_dset(coin, d)
  data.frame(dset = d, iCode = ind_codes,
             skew = vapply(ind_codes, function(ic) skew(x[[ic]], na.rm = TRUE), numeric(1)),
             kurt = vapply(ind_codes, function(ic) kurt(x[[ic]], na.rm = TRUE), numeric(1)),
             stringsAsFactors = FALSE)
}))
write_full(sk, "skew_kurt.csv")

# ---------------------------------------------------------------------------
# status + versions
# ---------------------------------------------------------------------------

write_full(variant_status, "_status.csv")
write_full(data.frame(item = c("R", "COINr"),
                      version = c(R.version.string, as.character(utils::packageVersion("COINr"))),
                      stringsAsFactors = FALSE), "_versions.csv")

message(sprintf("gen.R: wrote %d files to %s in %.1f s", length(files_written) + 0L, outdir,
                as.numeric(difftime(Sys.time(), t_start, units = "secs"))))
