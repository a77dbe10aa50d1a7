package panel

import (
	"fmt"
	"math"
	"sort"
)

// PeriodKind says how a period label was read.
type PeriodKind int

const (
	// NoPeriod is used for cross-sections without a period column.
	NoPeriod PeriodKind = iota
	// Year is a calendar year, e.g. "2023".
	Year
	// Quarter is a calendar quarter, canonical label "2024Q1".
	Quarter
	// Month is a calendar month, canonical label "2024-03".
	Month
	// Label is any other text; such periods keep their order of appearance.
	Label
)

var kindNames = [...]string{"none", "year", "quarter", "month", "label"}

func (k PeriodKind) String() string {
	if k < 0 || int(k) >= len(kindNames) {
		return fmt.Sprintf("kind(%d)", int(k))
	}
	return kindNames[k]
}

// MarshalText encodes the kind as its name.
func (k PeriodKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// UnmarshalText decodes a kind name.
func (k *PeriodKind) UnmarshalText(b []byte) error {
	for i, n := range kindNames {
		if string(b) == n {
			*k = PeriodKind(i)
			return nil
		}
	}
	return fmt.Errorf("panel: unknown period kind %q", b)
}

// Period is one time point.
type Period struct {
	Label string     `json:"label"` // canonical label: "2023", "2024Q1", "2024-03", or the text
	Kind  PeriodKind `json:"kind"`
	// Key orders periods in time: Year y → y*12, Quarter q → y*12+(q-1)*3,
	// Month m → y*12+m-1; Label periods use their order of first appearance.
	Key int `json:"key"`
}

// Unit is one region (or any other unit of observation).
type Unit struct {
	Code string `json:"code"`          // canonical code, e.g. "110000"; the raw text if not matched
	Name string `json:"name"`          // display name, e.g. "北京"
	Raw  string `json:"raw,omitempty"` // the text as it appeared in the file, if different
}

// Column is one numeric (indicator) column.
type Column struct {
	Name   string `json:"name"`             // header text, trimmed
	Source int    `json:"source,omitempty"` // 1-based column index in the source file (0 if derived)
}

// Row is one observation: a unit in a period.
type Row struct {
	Unit   int       `json:"unit"`           // index into Panel.Units
	Period int       `json:"period"`         // index into Panel.Periods
	Line   int       `json:"line,omitempty"` // 1-based source row (0 if derived)
	Values []float64 `json:"-"`              // one per column; NaN = missing
}

// Attr is a non-numeric column kept per row (e.g. a region group label).
type Attr struct {
	Name   string   `json:"name"`
	Values []string `json:"values"` // one per row
}

// Panel is a set of observations. Rows are unique per (Unit, Period).
type Panel struct {
	File    string   `json:"file,omitempty"`
	Units   []Unit   `json:"units"`
	Periods []Period `json:"periods"` // sorted by Key
	Columns []Column `json:"columns"`
	Rows    []Row    `json:"-"`
	Attrs   []Attr   `json:"attrs,omitempty"`
}

// ColumnIndex returns the index of the column named name, or -1.
func (p *Panel) ColumnIndex(name string) int {
	for i, c := range p.Columns {
		if c.Name == name {
			return i
		}
	}
	return -1
}

// Attr returns the attribute column named name, or nil.
func (p *Panel) Attr(name string) *Attr {
	for i := range p.Attrs {
		if p.Attrs[i].Name == name {
			return &p.Attrs[i]
		}
	}
	return nil
}

// Column returns a copy of column j over all rows.
func (p *Panel) Column(j int) []float64 {
	out := make([]float64, len(p.Rows))
	for i, r := range p.Rows {
		out[i] = r.Values[j]
	}
	return out
}

// Missing counts the NaN cells.
func (p *Panel) Missing() int {
	n := 0
	for _, r := range p.Rows {
		for _, v := range r.Values {
			if math.IsNaN(v) {
				n++
			}
		}
	}
	return n
}

// Sort orders rows by period key, then by unit code, which makes every
// downstream result independent of the input row order. Periods are
// re-sorted by Key and units by code, and row indices are remapped.
func (p *Panel) Sort() {
	pOrder := make([]int, len(p.Periods))
	for i := range pOrder {
		pOrder[i] = i
	}
	sort.SliceStable(pOrder, func(a, b int) bool {
		pa, pb := p.Periods[pOrder[a]], p.Periods[pOrder[b]]
		if pa.Key != pb.Key {
			return pa.Key < pb.Key
		}
		return pa.Label < pb.Label
	})
	uOrder := make([]int, len(p.Units))
	for i := range uOrder {
		uOrder[i] = i
	}
	sort.SliceStable(uOrder, func(a, b int) bool { return p.Units[uOrder[a]].Code < p.Units[uOrder[b]].Code })
	pNew := make([]int, len(p.Periods))
	periods := make([]Period, len(p.Periods))
	for n, o := range pOrder {
		pNew[o] = n
		periods[n] = p.Periods[o]
	}
	uNew := make([]int, len(p.Units))
	units := make([]Unit, len(p.Units))
	for n, o := range uOrder {
		uNew[o] = n
		units[n] = p.Units[o]
	}
	p.Periods, p.Units = periods, units
	for i := range p.Rows {
		p.Rows[i].Unit = uNew[p.Rows[i].Unit]
		p.Rows[i].Period = pNew[p.Rows[i].Period]
	}
	idx := make([]int, len(p.Rows))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool {
		ra, rb := p.Rows[idx[a]], p.Rows[idx[b]]
		if ra.Period != rb.Period {
			return ra.Period < rb.Period
		}
		return ra.Unit < rb.Unit
	})
	rows := make([]Row, len(p.Rows))
	for n, o := range idx {
		rows[n] = p.Rows[o]
	}
	for k := range p.Attrs {
		vals := make([]string, len(idx))
		for n, o := range idx {
			vals[n] = p.Attrs[k].Values[o]
		}
		p.Attrs[k].Values = vals
	}
	p.Rows = rows
}
