// Package sample holds the sample data bundled with the calculator: a
// provincial science-and-technology panel (31 provinces, mainly 2010–2023)
// from huhuaping/techme (MIT, © 2021 Hu Huaping), embedded with go:embed so
// that it is available in the CLI and in the WebAssembly build alike.
//
// The panel covers the 科技创新, 人才 and 产业 (high-tech industry) sides of
// new quality productive forces only; it has no digital, green or
// future-industry series. See Provenance for its columns, units and quirks.
package sample
