# Reference numbers for scoring/analysis, computed with R's own packages
# (spdep, plm, stats) and with direct, independent R code for the Theil
# and Dagum formulas (Debian has no r-cran-ineq). Run from the repository
# root:  Rscript tools/analysis-ref/make_refs.R
# Writes CSVs into scoring/analysis/testdata/.
suppressMessages({library(spdep); library(plm)})
out <- "scoring/analysis/testdata"
dir.create(out, showWarnings = FALSE)
wcsv <- function(x, f) write.csv(x, file.path(out, f), row.names = FALSE)
fmt <- function(x) formatC(x, digits = 17, format = "g")

prov <- read.csv("scoring/region/data/china_provinces_31.csv", colClasses = c(gb2260_code = "character"))
adj <- read.csv("scoring/region/data/china_province_adjacency.csv", colClasses = c(code_a = "character", code_b = "character"))
codes <- prov$gb2260_code
n <- length(codes)

# Test data: a synthetic panel of 31 provinces x 8 years with a regional
# gradient, spatial smoothing and growth (seeded).
set.seed(20240601)
reg <- prov$region4_nbs_en
base <- c(East = 0.55, Central = 0.35, West = 0.25, Northeast = 0.3)[reg]
years <- 2015:2022
Y <- matrix(NA, n, length(years))
Y[, 1] <- base * exp(rnorm(n, 0, 0.35))
for (t in 2:length(years)) Y[, t] <- Y[, t - 1] * exp(0.06 - 0.08 * log(Y[, t - 1] / mean(Y[, t - 1])) + rnorm(n, 0, 0.05))
panel <- data.frame(code = rep(codes, length(years)), year = rep(years, each = n), y = as.vector(Y))
write.csv(data.frame(code = panel$code, year = panel$year, y = fmt(panel$y)), file.path(out, "panel.csv"), row.names = FALSE, quote = FALSE)
y <- Y[, length(years)]

# --- Moran's I: contiguity (land + 广东–海南 sea link), row-standardised
links <- adj[adj$type == "land" | startsWith(adj$type, "convention_sea"), ]
W <- matrix(0, n, n)
ia <- match(links$code_a, codes); ib <- match(links$code_b, codes)
W[cbind(ia, ib)] <- 1; W[cbind(ib, ia)] <- 1
lw <- mat2listw(W, style = "W")
mn <- moran.test(y, lw, randomisation = FALSE)
mr <- moran.test(y, lw, randomisation = TRUE)
# inverse distance between capitals (haversine, R = 6371 km)
hav <- function(la1, lo1, la2, lo2) {
  r <- pi / 180; a <- sin((la2 - la1) * r / 2)^2 + cos(la1 * r) * cos(la2 * r) * sin((lo2 - lo1) * r / 2)^2
  2 * 6371 * asin(pmin(1, sqrt(a)))
}
D <- outer(1:n, 1:n, function(i, j) hav(prov$capital_lat_approx[i], prov$capital_lon_approx[i], prov$capital_lat_approx[j], prov$capital_lon_approx[j]))
Wd <- ifelse(D > 0, 1 / D, 0)
lwd <- mat2listw(Wd, style = "W")
dn <- moran.test(y, lwd, randomisation = FALSE)
dr <- moran.test(y, lwd, randomisation = TRUE)
row <- function(name, a, b) data.frame(w = name, I = fmt(a$estimate[1]), E = fmt(a$estimate[2]),
  var_n = fmt(a$estimate[3]), var_r = fmt(b$estimate[3]), z_n = fmt(a$statistic), z_r = fmt(b$statistic),
  p_n = fmt(a$p.value), p_r = fmt(b$p.value))
wcsv(rbind(row("contiguity", mn, mr), row("inverse-distance", dn, dr)), "moran.csv")
lm1 <- localmoran(y, lw)
q <- attr(lm1, "quadr")$pysal
wcsv(data.frame(code = codes, Ii = fmt(lm1[, 1]), E = fmt(lm1[, 2]), Var = fmt(lm1[, 3]), Z = fmt(lm1[, 4]), P = fmt(lm1[, 5]), quadr = q), "localmoran.csv")

# --- Theil T, L and Dagum Gini by the formulas (independent code)
theilT <- function(x) { m <- mean(x); mean(x / m * log(x / m)) }
theilL <- function(x) { m <- mean(x); mean(log(m / x)) }
g <- prov$region4_nbs_zh
tw <- 0; tb <- 0; lw_ <- 0; lb <- 0
for (k in unique(g)) {
  xk <- y[g == k]; sk <- sum(xk) / sum(y); pk <- length(xk) / n
  tw <- tw + sk * theilT(xk); tb <- tb + sk * log(mean(xk) / mean(y))
  lw_ <- lw_ + pk * theilL(xk); lb <- lb + pk * log(mean(y) / mean(xk))
}
gini <- sum(abs(outer(y, y, "-"))) / (2 * n^2 * mean(y))
# Dagum (1997): groups ordered by mean, largest first
mu <- tapply(y, g, mean); ord <- names(sort(mu, decreasing = TRUE))
k <- length(ord); Gw <- 0; Gnb <- 0; Gt <- 0
nj <- sapply(ord, function(j) sum(g == j)); mj <- mu[ord]
p <- nj / n; s <- nj * mj / (n * mean(y))
Gjj <- sapply(ord, function(j) { x <- y[g == j]; sum(abs(outer(x, x, "-"))) / (2 * length(x)^2 * mean(x)) })
Gw <- sum(Gjj * p * s)
for (j in 2:k) for (h in 1:(j - 1)) {
  xj <- y[g == ord[j]]; xh <- y[g == ord[h]]
  Gjh <- sum(abs(outer(xj, xh, "-"))) / (length(xj) * length(xh) * (mj[j] + mj[h]))
  dd <- outer(xh, xj, "-")  # richer h minus poorer j
  d <- mean(pmax(dd, 0)); pp <- mean(pmax(-dd, 0)); Djh <- (d - pp) / (d + pp)
  Gnb <- Gnb + Gjh * (p[j] * s[h] + p[h] * s[j]) * Djh
  Gt <- Gt + Gjh * (p[j] * s[h] + p[h] * s[j]) * (1 - Djh)
}
wcsv(data.frame(stat = c("theil_t", "theil_t_within", "theil_t_between", "theil_l", "theil_l_within", "theil_l_between", "gini", "dagum_gw", "dagum_gnb", "dagum_gt"),
  value = fmt(c(theilT(y), tw, tb, theilL(y), lw_, lb, gini, Gw, Gnb, Gt))), "inequality.csv")

# --- Kernel density: bw.nrd0, stats::density and the exact kernel sums
d <- density(y, bw = "nrd0", n = 512)
exact <- sapply(d$x, function(x0) mean(dnorm((x0 - y) / d$bw)) / d$bw)
b5 <- bw.nrd0(y)
de <- density(y, bw = b5, kernel = "epanechnikov", n = 512)
a <- sqrt(5) * b5
exactE <- sapply(de$x, function(x0) mean(ifelse(abs((x0 - y) / a) <= 1, 0.75 * (1 - ((x0 - y) / a)^2), 0)) / a)
wcsv(data.frame(x = fmt(d$x), density = fmt(d$y), exact = fmt(exact), x_epa = fmt(de$x), density_epa = fmt(de$y), exact_epa = fmt(exactE)), "kde.csv")
wcsv(data.frame(stat = c("bw.nrd0", "sd"), value = fmt(c(d$bw, sd(y)))), "kde_bw.csv")

# --- β-convergence: cross-section (lm) and two-way within panel (plm)
T <- length(years) - 1
cs <- lm(I((log(Y[, T + 1]) - log(Y[, 1])) / T) ~ log(Y[, 1]))
pd <- data.frame(code = rep(codes, T), year = rep(years[1:T], each = n),
  g = as.vector(log(Y[, 2:(T + 1)] / Y[, 1:T])), ly = as.vector(log(Y[, 1:T])))
pp2 <- plm(g ~ ly, data = pd, index = c("code", "year"), model = "within", effect = "twoways")
pp1 <- plm(g ~ ly, data = pd, index = c("code", "year"), model = "within", effect = "individual")
sm <- function(m, name) { cf <- summary(m)$coefficients; data.frame(model = name, beta = fmt(cf[nrow(cf), 1]), se = fmt(cf[nrow(cf), 2])) }
wcsv(rbind(sm(cs, "cross-section"), sm(pp2, "panel"), sm(pp1, "panel-unit")), "beta.csv")
cat("wrote", out, "\n")
