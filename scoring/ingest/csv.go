package ingest

import (
	"strings"
	"unicode/utf8"
)

// grid is a table of cell texts as read from a file: record r is
// cells[start[r]:start[r+1]]. Record r is spreadsheet row r+1.
type grid struct {
	cells []string
	start []int
	// short is true when records may legitimately be shorter than the
	// header (XLSX rows omit trailing empty cells).
	short bool
	// unterminated is the 1-based row of a quoted field that never ends, or 0.
	unterminated int
	// truncated is true when reading stopped at the cell limit.
	truncated bool
}

func (g *grid) rows() int { return len(g.start) - 1 }

func (g *grid) row(r int) []string { return g.cells[g.start[r]:g.start[r+1]] }

func (g *grid) addRow(rec []string) {
	if len(g.start) == 0 {
		g.start = append(g.start, 0)
	}
	g.cells = append(g.cells, rec...)
	g.start = append(g.start, len(g.cells))
}

// parseDelimited splits text into records and fields. It follows RFC 4180
// leniently, like encoding/csv with LazyQuotes: a quote inside an unquoted
// field is literal, a quoted field may be followed by more text, and an
// unterminated quoted field runs to the end of the input. Records end at
// "\n", "\r\n" or a lone "\r". At most maxRecords records (if > 0) and
// maxCells cells (if > 0) are read. Fields without escaped quotes are
// substrings of text, so parsing allocates little beyond the grid itself.
func parseDelimited(text string, delim byte, maxRecords, maxCells int) *grid {
	return parseDelimitedMode(text, delim, maxRecords, maxCells, true)
}

// parseDelimitedMode is parseDelimited with its fast path for simple lines
// switched on or off (off only in tests, which compare both).
func parseDelimitedMode(text string, delim byte, maxRecords, maxCells int, fast bool) *grid {
	g := &grid{}
	if maxRecords <= 0 {
		// Estimate to size the slices once.
		lines := strings.Count(text, "\n") + 1
		g.start = make([]int, 1, lines+1)
		head := text[:min(len(text), 1<<16)]
		per := strings.Count(head, string(delim))/max(1, strings.Count(head, "\n")) + 2
		if est := lines * per; maxCells <= 0 || est <= maxCells {
			g.cells = make([]string, 0, est)
		}
	} else {
		g.start = []int{0}
	}
	i, n := 0, len(text)
	row := 1
	// fast stays true while no lone CR was seen: lines end at "\n".
	for i < n {
		// Fast path: a line without quotes or CR is split at delimiters.
		if fast {
			e := strings.IndexByte(text[i:], '\n')
			next := n
			if e < 0 {
				e = n
			} else {
				e += i
				next = e + 1
			}
			line := text[i:e]
			if len(line) > 0 && line[len(line)-1] == '\r' {
				line = line[:len(line)-1]
			}
			if strings.IndexByte(line, '\r') >= 0 {
				fast = false
			} else if strings.IndexByte(line, '"') < 0 {
				for {
					if maxCells > 0 && len(g.cells) >= maxCells {
						g.truncated = true
						g.start = append(g.start, len(g.cells))
						return g
					}
					k := strings.IndexByte(line, delim)
					if k < 0 {
						g.cells = append(g.cells, line)
						break
					}
					g.cells = append(g.cells, line[:k])
					line = line[k+1:]
				}
				i = next
				g.start = append(g.start, len(g.cells))
				row++
				if maxRecords > 0 && len(g.start)-1 >= maxRecords {
					break
				}
				continue
			}
		}
		// One record.
		for {
			if maxCells > 0 && len(g.cells) >= maxCells {
				g.truncated = true
				g.start = append(g.start, len(g.cells))
				return g
			}
			var field string
			if i < n && text[i] == '"' {
				field, i = quotedField(text, i+1, delim, g, row)
			} else {
				j := i
				for j < n {
					c := text[j]
					if c == delim || c == '\n' || c == '\r' {
						break
					}
					j++
				}
				field = text[i:j]
				i = j
			}
			g.cells = append(g.cells, field)
			if i < n && text[i] == delim {
				i++
				continue
			}
			// End of record.
			if i < n && text[i] == '\r' {
				i++
			}
			if i < n && text[i] == '\n' {
				i++
			}
			break
		}
		g.start = append(g.start, len(g.cells))
		row++
		if maxRecords > 0 && len(g.start)-1 >= maxRecords {
			break
		}
	}
	return g
}

// quotedField reads a quoted field whose content starts at i. It returns the
// field and the index just after it (at a delimiter, line end or EOF).
func quotedField(text string, i int, delim byte, g *grid, row int) (string, int) {
	n := len(text)
	start := i
	var b *strings.Builder
	for {
		j := strings.IndexByte(text[i:], '"')
		if j < 0 {
			// Unterminated: take the rest of the input.
			if g.unterminated == 0 {
				g.unterminated = row
			}
			if b != nil {
				b.WriteString(text[i:])
				return b.String(), n
			}
			return text[start:], n
		}
		j += i
		if j+1 < n && text[j+1] == '"' {
			// Escaped quote.
			if b == nil {
				b = &strings.Builder{}
			}
			b.WriteString(text[i : j+1])
			i = j + 2
			continue
		}
		var field string
		if b != nil {
			b.WriteString(text[i:j])
			field = b.String()
		} else {
			field = text[start:j]
		}
		i = j + 1
		// Lazy quotes: text after the closing quote belongs to the field.
		if i < n && text[i] != delim && text[i] != '\n' && text[i] != '\r' {
			k := i
			for k < n && text[k] != delim && text[k] != '\n' && text[k] != '\r' {
				k++
			}
			field += `"` + text[i:k]
			i = k
		}
		return field, i
	}
}

// sniffDelimiter picks among , ; tab | the delimiter that splits the first
// 50 records into the most consistent number of fields greater than one.
// It returns ',' when none does.
func sniffDelimiter(text string) byte {
	head := text
	if len(head) > 1<<16 {
		head = head[:1<<16]
	}
	best, bestScore, bestWidth := byte(','), -1.0, 0
	for _, d := range [...]byte{',', '\t', ';', '|'} {
		if strings.IndexByte(head, d) < 0 {
			continue
		}
		g := parseDelimited(head, d, 50, 0)
		counts := map[int]int{}
		total := 0
		for r := 0; r < g.rows(); r++ {
			rec := g.row(r)
			if isBlank(rec) {
				continue
			}
			counts[trimmedLen(rec)]++
			total++
		}
		mode, modeN := 0, 0
		for w, c := range counts {
			if c > modeN || (c == modeN && w > mode) {
				mode, modeN = w, c
			}
		}
		if mode < 2 || total == 0 {
			continue
		}
		score := float64(modeN) / float64(total)
		if score > bestScore+1e-9 || (score > bestScore-1e-9 && mode > bestWidth) {
			best, bestScore, bestWidth = d, score, mode
		}
	}
	return best
}

// isBlank reports whether every field of rec is empty or spaces.
func isBlank(rec []string) bool {
	for _, f := range rec {
		if !blank(f) {
			return false
		}
	}
	return true
}

// blank reports whether f is empty or only spaces.
func blank(f string) bool {
	if f == "" {
		return true
	}
	if c := f[0]; c > ' ' && c < utf8.RuneSelf {
		return false
	}
	return trimSpace(f) == ""
}

// trimmedLen is the number of fields up to the last non-empty one.
func trimmedLen(rec []string) int {
	n := len(rec)
	for n > 0 && blank(rec[n-1]) {
		n--
	}
	return n
}
