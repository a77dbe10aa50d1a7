package framework

import (
	"encoding/csv"
	"encoding/json"
	"io"
	"strconv"
	"strings"
)

// WriteJSON writes the framework in its JSON form, indented by two spaces.
// The output depends only on the framework (nodes in their order), so it
// can be diffed and versioned; Read reads it back.
func (f *Framework) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(f)
}

// imetaHeader is the header that WriteIMetaCSV writes: COINr's iMeta
// columns followed by the columns that COINr ignores but that keep the
// framework complete (names in both languages, the direction kind with
// its numbers, and aliases separated by "|").
var imetaHeader = [...]string{"iCode", "iName", "Level", "Parent", "Direction", "Weight", "Type", "Unit",
	"Target", "Denominator", "iName_zh", "iName_en", "DirKind", "Best", "Lo", "Hi", "Aliases"}

// WriteIMetaCSV writes the framework as a COINr iMeta table (UTF-8 CSV
// without BOM, one row per node in definition order): Level is computed
// from the tree, Type is Indicator or Aggregate, Direction is 1 or −1
// (moderate and interval indicators get 1, and their kind and numbers go
// to DirKind, Best, Lo and Hi), and iName is the Chinese name if there is
// one, else the English one. Read reads the table back to the same nodes
// (the framework's Name and Version are not part of the table).
func (f *Framework) WriteIMetaCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(imetaHeader[:]); err != nil {
		return err
	}
	num := func(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }
	for _, n := range f.Nodes {
		typ := "Aggregate"
		if f.IsLeaf(n.Code) {
			typ = "Indicator"
		}
		name := n.NameZh
		if name == "" {
			name = n.NameEn
		}
		target := ""
		if n.Target != nil {
			target = num(*n.Target)
		}
		var best, lo, hi string
		switch n.Direction.Kind {
		case Moderate:
			best = num(n.Direction.Best)
		case Interval:
			lo, hi = num(n.Direction.Lo), num(n.Direction.Hi)
		}
		rec := []string{n.Code, name, strconv.Itoa(f.Level(n.Code)), n.Parent, num(n.Direction.Sign()),
			num(n.Weight), typ, n.Unit, target, n.Denominator, n.NameZh, n.NameEn,
			n.Direction.Kind.String(), best, lo, hi, strings.Join(n.Aliases, "|")}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
