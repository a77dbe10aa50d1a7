package ingest

import (
	"fmt"
	"slices"
	"strings"

	"github.com/nqp-index/nqp/scoring/diag"
)

// CodeAmbiguousUnit is the Warning for a unit text that names several
// known units which the row's context columns cannot tell apart.
const CodeAmbiguousUnit = "ambiguous-unit"

// CodeUnitContext is the Warning for a unit matched to a place that the
// row's province or prefecture column contradicts (the match is kept).
const CodeUnitContext = "unit-context"

// UnitResolver canonicalises unit texts with help from the whole file: a
// richer form of Options.UnitMatcher (package region's Resolver matches
// China's provinces, prefectures and counties this way).
type UnitResolver interface {
	// Prepare is called once, before any Resolve, with the column names,
	// the index of the unit column and every distinct unit text (cleaned).
	// It returns the columns whose cells are passed to Resolve as context
	// (e.g. a province or prefecture column), or nil.
	Prepare(header []string, unitCol int, units []string) (context []int)
	// Resolve returns the unit's code and display name, or ok false; an
	// ambiguous text comes with its candidates, which are reported. A
	// match that the row's context contradicts comes with ok true and
	// candidates = the match described, then the context texts it
	// contradicts; it is reported as a warning and kept.
	Resolve(raw string, context []string) (code, name string, candidates []string, ok bool)
}

// UnitNoter is implemented by a UnitResolver that summarises how it read
// the units (e.g. "12 county-level units in 3 prefectures"); the summary
// becomes an Info line of the report.
type UnitNoter interface {
	Note() (zh, en string)
}

// resolverNote adds the resolver's summary, if any.
func (b *builder) resolverNote() {
	if n, ok := b.opt.UnitResolver.(UnitNoter); ok {
		if zh, en := n.Note(); zh != "" {
			b.r.add(diag.Info, CodeUnitsMatched, 0, 0, "", "", zh, en)
		}
	}
}

// CodeUnitsMatched is the Info line summarising how units were matched.
const CodeUnitsMatched = "units-matched"

// prepareResolver calls the resolver's Prepare with the file's unit texts.
func (b *builder) prepareResolver() {
	rs := b.opt.UnitResolver
	if rs == nil {
		return
	}
	t, c := b.t, b.c
	seen := map[string]bool{}
	var units []string
	for i := range t.data {
		s := cleanName(t.cell(i, c.unit))
		if s == "" && c.code >= 0 {
			s = cleanName(t.cell(i, c.code))
		}
		if s != "" && !seen[s] {
			seen[s] = true
			units = append(units, strings.Clone(s))
		}
	}
	b.context = rs.Prepare(t.names, c.unit, units)
}

// contextOf returns the context cells of data row i.
func (b *builder) contextOf(i int) []string {
	if len(b.context) == 0 {
		return nil
	}
	out := make([]string, len(b.context))
	for k, j := range b.context {
		if j >= 0 && j < len(b.t.names) {
			out[k] = cleanName(b.t.cell(i, j))
		}
	}
	return out
}

// resolve matches a unit with the resolver, reporting an ambiguous one
// once per text and context (ambiguous is then true).
func (b *builder) resolve(i int, name, code string, ctx []string) (c string, n string, ok, ambiguous bool) {
	rs := b.opt.UnitResolver
	// The resolver may keep what it is given: copies, not substrings of
	// the input (bytesText).
	name, code = strings.Clone(name), strings.Clone(code)
	ctx = slices.Clone(ctx)
	for k := range ctx {
		ctx[k] = strings.Clone(ctx[k])
	}
	mc, mn, cands, ok := rs.Resolve(name, ctx)
	if !ok && code != name {
		mc2, mn2, c2, ok2 := rs.Resolve(code, ctx)
		switch {
		case ok2:
			mc, mn, cands, ok = mc2, mn2, c2, true
		case len(cands) == 0:
			cands = c2
		}
	}
	if ok && len(cands) > 1 {
		t, cols := b.t, b.c
		b.r.add(diag.Warning, CodeUnitContext, t.rowNum(i), t.src[cols.unit]+1, t.names[cols.unit], name,
			fmt.Sprintf("“%s”识别为 %s，与同行的“%s”不符；请核对", name, cands[0], strings.Join(cands[1:], "”“")),
			fmt.Sprintf("%q was matched as %s, which does not lie in %s given in the same row; please check", name, cands[0], strings.Join(cands[1:], ", ")))
	}
	if ok || len(cands) == 0 {
		return mc, mn, ok, false
	}
	k := name + "\x00" + strings.Join(ctx, "\x00")
	if _, seen := b.unknownSet["\x01"+k]; seen {
		return "", "", false, true
	}
	b.unknownSet["\x01"+k] = struct{}{}
	t, cols := b.t, b.c
	b.r.add(diag.Warning, CodeAmbiguousUnit, t.rowNum(i), t.src[cols.unit]+1, t.names[cols.unit], name,
		fmt.Sprintf("“%s”可指 %d 个地区：%s；请加一列省份或地级市（或写全称、代码），现按原样保留", name, len(cands), strings.Join(cands, "、")),
		fmt.Sprintf("%q may be any of %d units: %s; add a province or prefecture column (or write the full name or code); kept as written", name, len(cands), strings.Join(cands, ", ")))
	return "", "", false, true
}
