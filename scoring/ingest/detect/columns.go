package detect

import (
	"fmt"
	"strconv"
	"strings"
)

// What a source column was used for (ColumnUse.Use).
const (
	UseUnit       = "unit"       // the unit (region) names
	UseCode       = "code"       // the unit codes
	UsePeriod     = "period"     // the periods
	UseGroup      = "group"      // a text column, kept as a group (attribute) of the rows
	UseIndicator  = "indicator"  // a numeric indicator
	UseIndicators = "indicators" // long layout: the column of indicator names
	UseValue      = "value"      // long layout: the column of values
	UseUnused     = "unused"     // not used; Reason says why
)

// Why a column is not used (ColumnUse.Reason), or a note on a used one.
const (
	// ReasonNotNumbers: Bad of Filled cells are not numbers (the first at
	// Row, reading Text), too many for an indicator, while some are.
	ReasonNotNumbers = "not-numbers"
	// ReasonEmpty: the column has no value at all.
	ReasonEmpty = "empty"
	// ReasonPeriodLike: the column is named like a period (年份, year…) or
	// holds only repeated years, so it is never an indicator.
	ReasonPeriodLike = "period-like"
	// ReasonNotInFramework: no indicator of the framework matched the column.
	ReasonNotInFramework = "not-in-framework"
	// ReasonConstant is a note on an indicator: every value is Text, so it
	// cannot tell the units apart (it is kept, as COINr keeps it).
	ReasonConstant = "constant"
)

// ColumnUse says what became of one column of the file. Read lists every
// column of the header row, in order, so that no column is dropped
// without a line saying so.
type ColumnUse struct {
	Column int    `json:"column"` // 1-based column in the file
	Name   string `json:"name"`   // header, as cleaned (or "column N")
	Use    string `json:"use"`    // one of the Use constants
	Reason string `json:"reason,omitempty"`
	// For ReasonNotNumbers: Bad of Filled non-missing cells are not
	// numbers; the first is at Row (1-based, as a spreadsheet shows it)
	// and reads Text. For ReasonConstant, Text is the value.
	Bad    int    `json:"bad,omitempty"`
	Filled int    `json:"filled,omitempty"`
	Row    int    `json:"row,omitempty"`
	Text   string `json:"text,omitempty"`
}

// NotInFramework marks the indicator columns named in extra (the columns
// that no framework indicator matched) as not used for that reason.
func (d *Detected) NotInFramework(extra []string) {
	if d == nil || len(extra) == 0 {
		return
	}
	set := make(map[string]bool, len(extra))
	for _, c := range extra {
		set[c] = true
	}
	for i := range d.Columns {
		if u := &d.Columns[i]; u.Use == UseIndicator && set[u.Name] {
			u.Use, u.Reason = UseUnused, ReasonNotInFramework
		}
	}
}

// UseText names the use of the column in lang ("zh" or "en").
func (u ColumnUse) UseText(lang string) string {
	zh, en := useNames[u.Use][0], useNames[u.Use][1]
	if zh == "" {
		zh, en = u.Use, u.Use
	}
	if lang == "en" {
		return en
	}
	return zh
}

var useNames = map[string][2]string{
	UseUnit:       {"地区（单位）", "unit"},
	UseCode:       {"地区代码", "unit code"},
	UsePeriod:     {"时期", "period"},
	UseGroup:      {"分组（文本列）", "group (text column)"},
	UseIndicator:  {"指标", "indicator"},
	UseIndicators: {"指标名称（长表）", "indicator names (long layout)"},
	UseValue:      {"数值（长表）", "values (long layout)"},
	UseUnused:     {"未使用", "not used"},
}

// ReasonText explains Reason in lang ("zh" or "en"); "" when there is none.
func (u ColumnUse) ReasonText(lang string) string {
	en := lang == "en"
	pick := func(zh, e string) string {
		if en {
			return e
		}
		return zh
	}
	switch u.Reason {
	case ReasonNotNumbers:
		zh, en := "", ""
		if u.Use != UseUnused {
			zh, en = "，按缺失处理", "; read as missing"
		}
		return pick(
			fmt.Sprintf("%d 个单元格中有 %d 个不是数字（首个在第 %d 行：“%s”）%s", u.Filled, u.Bad, u.Row, u.Text, zh),
			fmt.Sprintf("%d of %d cells are not numbers (first at row %d: %s)%s", u.Bad, u.Filled, u.Row, strconv.Quote(u.Text), en))
	case ReasonEmpty:
		return pick("没有任何数值", "all cells are missing")
	case ReasonPeriodLike:
		return pick("列名或取值像时期（年份），不作为指标", "named like a period or holding years; never an indicator")
	case ReasonNotInFramework:
		return pick("指标体系中没有对应的指标", "not in the framework")
	case ReasonConstant:
		return pick(
			fmt.Sprintf("所有数值都相同（%s），无法区分地区", u.Text),
			fmt.Sprintf("every value is the same (%s), so it cannot tell units apart", u.Text))
	}
	return u.Reason
}

// Describe is the use and its reason in one phrase, in lang.
func (u ColumnUse) Describe(lang string) string {
	s, r := u.UseText(lang), u.ReasonText(lang)
	if r == "" {
		return s
	}
	if lang == "en" {
		return s + ": " + r
	}
	return s + "：" + strings.TrimSpace(r)
}
