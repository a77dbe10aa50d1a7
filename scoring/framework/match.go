package framework

import "strings"

// Match is the result of matching a framework's indicators to the columns
// of a data set.
type Match struct {
	// Mapping maps indicator codes to column names.
	Mapping map[string]string `json:"mapping"`
	// Present are the matched indicators and Missing the others, both in
	// the framework's leaf order; Extra are the columns that no indicator
	// uses, in column order.
	Present []string `json:"present"`
	Missing []string `json:"missing"`
	Extra   []string `json:"extra"`
}

// MatchColumns matches each indicator (leaf) to at most one data column
// and each column to at most one indicator. It makes four passes over the
// indicators in leaf order, each taking only columns still free:
//
//  1. the column is the indicator's code exactly;
//  2. the column is the code ignoring case (after normalisation);
//  3. the column is the indicator's Chinese or English name;
//  4. the column is one of the indicator's Aliases.
//
// Passes 2–4 compare normalised texts: trimmed, full-width characters
// folded to ASCII, lower case, units in brackets removed ("（亿元）",
// "(%)") and white space removed, so that "R&D经费投入强度（%）" matches
// the name "R&D经费投入强度".
func (f *Framework) MatchColumns(columns []string) Match {
	m := Match{Mapping: map[string]string{}}
	leaves := f.Leaves()
	used := make([]bool, len(columns))
	keys := make([]string, len(columns))
	for i, c := range columns {
		keys[i] = nameKey(c)
	}
	find := func(ok func(i int) bool) int {
		for i := range columns {
			if !used[i] && ok(i) {
				return i
			}
		}
		return -1
	}
	passes := []func(n *Node) func(i int) bool{
		func(n *Node) func(int) bool { return func(i int) bool { return columns[i] == n.Code } },
		func(n *Node) func(int) bool {
			k := nameKey(n.Code)
			return func(i int) bool {
				return strings.EqualFold(strings.TrimSpace(columns[i]), n.Code) || (k != "" && keys[i] == k)
			}
		},
		func(n *Node) func(int) bool {
			zh, en := nameKey(n.NameZh), nameKey(n.NameEn)
			return func(i int) bool { return keys[i] != "" && (keys[i] == zh || keys[i] == en) }
		},
		func(n *Node) func(int) bool {
			return func(i int) bool {
				for _, a := range n.Aliases {
					if k := nameKey(a); k != "" && k == keys[i] {
						return true
					}
				}
				return false
			}
		},
	}
	for _, pass := range passes {
		for _, code := range leaves {
			if _, done := m.Mapping[code]; done {
				continue
			}
			n := f.Node(code)
			if i := find(pass(n)); i >= 0 {
				used[i] = true
				m.Mapping[code] = columns[i]
			}
		}
	}
	for _, code := range leaves {
		if _, ok := m.Mapping[code]; ok {
			m.Present = append(m.Present, code)
		} else {
			m.Missing = append(m.Missing, code)
		}
	}
	for i, c := range columns {
		if !used[i] {
			m.Extra = append(m.Extra, c)
		}
	}
	return m
}

// Restrict returns a copy of the framework without the indicators that m
// lists as missing, dropping aggregates left empty (see Prune), so that
// scoring can go ahead with the indicators present. If no indicator is
// present, only the root is left: check len(m.Present) first.
func (f *Framework) Restrict(m Match) *Framework {
	drop := map[string]bool{}
	for _, code := range f.Leaves() {
		if _, ok := m.Mapping[code]; !ok {
			drop[code] = true
		}
	}
	return f.Prune(drop)
}
