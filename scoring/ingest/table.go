package ingest

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/nqp-index/nqp/scoring/diag"
)

// table is a grid with its header found and its columns named.
type table struct {
	g      *grid
	hdrRow int      // record index of the header
	names  []string // unique, cleaned column names
	src    []int    // 0-based source column of each named column
	data   []int    // record indices of the data rows
	// skipped are the 0-based source columns without header or data,
	// left out of names (listed as unused in Detected.Columns).
	skipped []int
	// periodText, if not nil, gives a better text for a period cell that
	// could not be read as a period (XLSX dates); ri and j are 0-based.
	periodText func(ri, j int, raw string) string
}

// cell returns the text of column k in data row i ("" if the record is short).
func (t *table) cell(i, k int) string {
	s, _ := t.g.cell(t.data[i], t.src[k])
	return s
}

// rowNum is the spreadsheet row number of data row i.
func (t *table) rowNum(i int) int { return t.data[i] + 1 }

// noteRowPrefixes start the single-cell rows of notes that statistical
// tables carry above or below the data.
var noteRowPrefixes = [...]string{"注", "资料来源", "数据来源", "来源", "说明", "备注", "note", "source", "*"}

// prepare finds the header, names the columns and checks the row lengths.
func prepare(r *reporter, g *grid, opt Options) (*table, error) {
	n := g.rows()
	hr := 0
	for hr < n && isBlank(g.row(hr)) {
		hr++
	}
	if hr == n {
		return nil, r.fatal(CodeEmptyFile, 0, 0, "", "", "文件中没有任何内容", "the file has no content")
	}
	// Title rows: a single filled cell above a wider row.
	if nonEmpty(g.row(hr)) <= 1 {
		for k := hr + 1; k < n && k <= hr+10; k++ {
			if nonEmpty(g.row(k)) >= 2 {
				var rows, texts []string
				for i := hr; i < k; i++ {
					if !isBlank(g.row(i)) {
						rows = append(rows, strconv.Itoa(i+1))
						texts = append(texts, firstNonEmpty(g.row(i)))
					}
				}
				text := strings.Join(texts, " / ")
				r.add(diag.Info, CodeSkippedRows, hr+1, 0, "", text,
					fmt.Sprintf("第 %s 行（“%s”）看起来是标题，已跳过；表头在第 %d 行", strings.Join(rows, "、"), text, k+1),
					fmt.Sprintf("row %s (%q) looks like a title and was skipped; the header is row %d", strings.Join(rows, ", "), text, k+1))
				hr = k
				break
			}
		}
	}
	header := g.row(hr)
	H := len(header)
	t := &table{g: g, hdrRow: hr}
	// One pass over the records, each split once (a text file's records
	// are split on demand): the data rows, their lengths for the
	// ragged-row check, and per column the number of filled cells.
	var lens, trimmed []int
	filled := make([]int, H)
	count := func(rec []string, d int) {
		for j := 0; j < H && j < len(rec); j++ {
			if !blank(rec[j]) {
				filled[j] += d
			}
		}
	}
	for i := hr + 1; i < n; i++ {
		rec := g.row(i)
		if isBlank(rec) {
			continue
		}
		t.data = append(t.data, i)
		lens = append(lens, len(rec))
		trimmed = append(trimmed, trimmedLen(rec))
		count(rec, 1)
	}
	// Note rows at the end: one filled cell starting with 注, 资料来源, ….
	var notes, noteTexts []string
	for len(t.data) > 0 {
		rec := g.row(t.data[len(t.data)-1])
		if nonEmpty(rec) != 1 || !isNoteText(firstNonEmpty(rec)) {
			break
		}
		notes = append(notes, strconv.Itoa(t.data[len(t.data)-1]+1))
		noteTexts = append(noteTexts, firstNonEmpty(rec))
		count(rec, -1)
		t.data = t.data[:len(t.data)-1]
		lens, trimmed = lens[:len(t.data)], trimmed[:len(t.data)]
	}
	if len(notes) > 0 {
		slices.Reverse(notes)
		slices.Reverse(noteTexts)
		if len(notes) > 10 {
			notes = append(notes[:10:10], "…")
			noteTexts = append(noteTexts[:3:3], "…")
		}
		text := strings.Join(noteTexts, " / ")
		row, _ := strconv.Atoi(notes[0])
		r.add(diag.Info, CodeSkippedRows, row, 0, "", text,
			fmt.Sprintf("第 %s 行（“%s”）是注释，已跳过", strings.Join(notes, "、"), text),
			fmt.Sprintf("row %s (%q) holds notes and was skipped", strings.Join(notes, ", "), text))
	}
	// Which columns hold data; trailing and unnamed empty columns are dropped.
	hasData := make([]bool, H)
	for j, f := range filled {
		hasData[j] = f > 0
	}
	W := 0
	for j := 0; j < H; j++ {
		if hasData[j] || !blank(header[j]) {
			W = j + 1
		}
	}
	seen := map[string]int{}
	suffix := map[string]int{} // next suffix to try per repeated name
	for j := 0; j < W; j++ {
		name := cleanName(header[j])
		if name == "" {
			if !hasData[j] {
				t.skipped = append(t.skipped, j)
				continue
			}
			name = fmt.Sprintf("column %d", j+1)
			r.add(diag.Warning, CodeEmptyHeader, hr+1, j+1, "", "",
				fmt.Sprintf("第 %d 列没有表头，已命名为“%s”", j+1, name),
				fmt.Sprintf("column %d has no header; it was named %q", j+1, name))
		}
		if first, dup := seen[name]; dup {
			base := name
			for k := max(2, suffix[base]); ; k++ {
				name = fmt.Sprintf("%s (%d)", base, k)
				if _, taken := seen[name]; !taken {
					suffix[base] = k + 1
					break
				}
			}
			r.add(diag.Warning, CodeDuplicateHeader, hr+1, j+1, base, base,
				fmt.Sprintf("表头“%s”与第 %d 列重复，已改名为“%s”", base, first+1, name),
				fmt.Sprintf("header %q repeats column %d; renamed to %q", base, first+1, name))
		}
		seen[name] = j
		t.names = append(t.names, strings.Clone(name)) // not a substring of the input
		t.src = append(t.src, j)
	}
	if len(t.names) == 0 {
		return nil, r.fatal(CodeEmptyFile, hr+1, 0, "", "", "表头是空的", "the header row is empty")
	}
	// Ragged rows.
	for k, i := range t.data {
		found := lens[k]
		switch {
		case found < W && !g.short:
			r.addCapped(diag.Warning, CodeRaggedRow, i+1, 0, "", "",
				fmt.Sprintf("本行有 %d 个字段，表头有 %d 列；缺少的按空值处理", found, W),
				fmt.Sprintf("row has %d fields but the header has %d columns; the missing ones are read as empty", found, W))
		case found > W && trimmed[k] > W:
			found = trimmed[k]
			rec := g.row(i)
			extra := rec[W]
			for j := W; j < len(rec); j++ {
				if !blank(rec[j]) {
					extra = rec[j]
					break
				}
			}
			r.addCapped(diag.Warning, CodeRaggedRow, i+1, W+1, "", extra,
				fmt.Sprintf("本行有 %d 个字段，表头只有 %d 列；多出的内容（如“%s”）已忽略", found, W, extra),
				fmt.Sprintf("row has %d fields but the header has only %d columns; the extra values (e.g. %q) were ignored", found, W, extra))
		}
	}
	if len(t.data) == 0 {
		return nil, r.fatal(CodeEmptyFile, hr+1, 0, "", "",
			"文件只有表头，没有数据行", "the file has a header but no data rows")
	}
	return t, nil
}

func nonEmpty(rec []string) int {
	n := 0
	for _, f := range rec {
		if !blank(f) {
			n++
		}
	}
	return n
}

func firstNonEmpty(rec []string) string {
	for _, f := range rec {
		if s := trimSpace(f); s != "" {
			return s
		}
	}
	return ""
}

func isNoteText(s string) bool {
	l := strings.ToLower(s)
	for _, p := range noteRowPrefixes {
		if strings.HasPrefix(l, p) {
			return true
		}
	}
	return false
}

// cleanName trims s and collapses each inner run of spaces (of any kind,
// including line breaks, no-break and ideographic spaces): a run between
// two non-ASCII characters (as in "北   京") is removed, any other run
// becomes one ASCII space ("Inner  Mongolia" → "Inner Mongolia").
func cleanName(s string) string {
	s = trimSpace(s)
	clean := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	var prev rune
	inSpace := false
	for _, c := range s {
		if isSpaceRune(c) {
			inSpace = true
			continue
		}
		if inSpace {
			if prev < utf8.RuneSelf || c < utf8.RuneSelf {
				b.WriteByte(' ')
			}
			inSpace = false
		}
		b.WriteRune(c)
		prev = c
	}
	return b.String()
}

// headerKey normalises a header for matching against known names:
// lower case, without spaces, underscores and hyphens.
func headerKey(s string) string {
	s = strings.ToLower(cleanName(s))
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '_' || r == '-' || r == '.' {
			return -1
		}
		return r
	}, s)
}
