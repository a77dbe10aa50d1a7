# COINr 1.1.14 remove_elements() on its ASEM example with the simple
# pipeline (min-max to [0, 100], iMeta weights, arithmetic mean), the
# reference for RemoveElements. Run from the repository root.
suppressMessages(library(COINr))

iData <- COINr::ASEM_iData  # the same data as ASEM_iData.csv
iMeta <- COINr::ASEM_iMeta
coin <- new_coin(iData, iMeta, quietly = TRUE)
coin <- Normalise(coin, dset = "Raw", global_specs = list(f_n = "n_minmax", f_n_para = list(l_u = c(0, 100))))
coin <- Aggregate(coin, dset = "Normalised", f_ag = "a_amean")
out <- NULL
for (lev in 1:3) {
  r <- remove_elements(coin, Level = lev, dset = "Aggregated", iCode = "Index", quietly = TRUE)
  out <- rbind(out, data.frame(level = lev, element = names(r$MeanAbsDiff), mean_abs_diff = formatC(as.numeric(r$MeanAbsDiff), digits = 17, format = "g")))
}
write.csv(out, "scoring/analysis/testdata/coinr_remove.csv", row.names = FALSE)
