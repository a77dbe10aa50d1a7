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
	// open counts the fields of the record being read (lazy only).
	open int
	// lazy, when not nil, keeps the records as ranges of the text instead
	// of cells (parseRecords): cells stays empty, start still counts them.
	lazy *lazyRecords
}

// lazyRecords are the records of a text: record r is
// text[offs[r]:offs[r+1]], split again when it is asked for. The text is
// not copied, so a file is held once, not once more as a cell per field.
type lazyRecords struct {
	text  string
	delim byte
	offs  []int
	last  int      // record split last, or -1
	cells []string // its fields
}

func (g *grid) rows() int { return len(g.start) - 1 }

// row returns the fields of record r. With lazy records it is split on
// demand (each split is a new slice, so earlier results stay valid); the
// last one is kept, as callers ask for the cells of one row in turn.
func (g *grid) row(r int) []string {
	if l := g.lazy; l != nil {
		if r != l.last {
			l.cells, l.last = splitRecord(l.text[l.offs[r]:l.offs[r+1]], l.delim), r
		}
		return l.cells
	}
	return g.cells[g.start[r]:g.start[r+1]]
}

// cell returns field j of record r, or "" and false if the record has
// fewer fields. A lazy record other than the last split is not split: its
// fields are walked up to j.
func (g *grid) cell(r, j int) (string, bool) {
	if l := g.lazy; l != nil && r != l.last {
		return fieldOf(l.text[l.offs[r]:l.offs[r+1]], l.delim, j)
	}
	if rec := g.row(r); j < len(rec) {
		return rec[j], true
	}
	return "", false
}

// fieldOf returns field j of one record as splitRecord splits it, or ""
// and false if it has fewer fields.
func fieldOf(rec string, delim byte, j int) (string, bool) {
	var scratch grid // quotedField notes an unterminated quote here
	i, n := 0, len(rec)
	for k := 0; ; k++ {
		var field string
		if i < n && rec[i] == '"' {
			field, i = quotedField(rec, i+1, delim, &scratch, 1)
		} else {
			e := i
			for e < n && rec[e] != delim && rec[e] != '\n' && rec[e] != '\r' {
				e++
			}
			field, i = rec[i:e], e
		}
		if k == j {
			return field, true
		}
		if i < n && rec[i] == delim {
			i++
			continue
		}
		return "", false
	}
}

// ncells is the number of cells read.
func (g *grid) ncells() int {
	if g.lazy != nil {
		return g.start[len(g.start)-1] + g.open
	}
	return len(g.cells)
}

// add appends a field to the record being read.
func (g *grid) add(f string) {
	if g.lazy != nil {
		g.open++
		return
	}
	g.cells = append(g.cells, f)
}

// endRecord ends the record being read; pos is the text offset after it.
func (g *grid) endRecord(pos int) {
	if g.lazy != nil {
		g.start = append(g.start, g.ncells())
		g.open = 0
		g.lazy.offs = append(g.lazy.offs, pos)
		return
	}
	g.start = append(g.start, len(g.cells))
}

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
	parseInto(g, text, delim, maxRecords, maxCells, fast)
	return g
}

// parseRecords is parseDelimited (all records, at most maxCells cells if
// > 0) with lazy records: it finds and counts the records and fields but
// keeps only where each record starts.
func parseRecords(text string, delim byte, maxCells int) *grid {
	lines := strings.Count(text, "\n") + 1
	g := &grid{start: make([]int, 1, lines+1),
		lazy: &lazyRecords{text: text, delim: delim, offs: make([]int, 1, lines+1), last: -1}}
	parseInto(g, text, delim, 0, maxCells, true)
	return g
}

// splitRecord returns the fields of one record (with or without its line
// end), as parseDelimited splits it.
func splitRecord(rec string, delim byte) []string {
	g := &grid{cells: make([]string, 0, strings.Count(rec, string(delim))+1), start: make([]int, 1, 2)}
	parseInto(g, rec, delim, 1, 0, true)
	return g.cells
}

// parseInto reads records of text into g (see parseDelimited).
func parseInto(g *grid, text string, delim byte, maxRecords, maxCells int, fast bool) {
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
					if maxCells > 0 && g.ncells() >= maxCells {
						g.truncated = true
						g.endRecord(i)
						return
					}
					k := strings.IndexByte(line, delim)
					if k < 0 {
						g.add(line)
						break
					}
					g.add(line[:k])
					line = line[k+1:]
				}
				i = next
				g.endRecord(i)
				row++
				if maxRecords > 0 && len(g.start)-1 >= maxRecords {
					break
				}
				continue
			}
		}
		// One record.
		for {
			if maxCells > 0 && g.ncells() >= maxCells {
				g.truncated = true
				g.endRecord(i)
				return
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
			g.add(field)
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
		g.endRecord(i)
		row++
		if maxRecords > 0 && len(g.start)-1 >= maxRecords {
			break
		}
	}
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
