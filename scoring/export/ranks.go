package export

import "github.com/nqp-index/nqp/scoring/pipeline"

// indicatorRankTables returns the indicator-level rank tables the recipe's
// rank.indicators asked for (COINr ranks every column): the rank of every
// indicator's normalised value ("indicator_ranks") and raw value
// ("raw_ranks") within its period, 1 = best, one row per unit and period.
func indicatorRankTables(res *pipeline.Result, lang string) []Table {
	var ts []Table
	for _, m := range []struct {
		name, zh, en string
		r            pipeline.Ranks
	}{{"indicator_ranks", "指标排名（按标准化值，逐期）", "Indicator ranks (normalised values, per period)", res.IndicatorRanks},
		{"raw_ranks", "指标排名（按原始值与指标方向，逐期）", "Indicator ranks (raw values by direction, per period)", res.RawRanks}} {
		if len(m.r) != len(res.Rows) {
			continue // not asked for
		}
		ts = append(ts, indicatorTable(res, lang, m.name, m.zh, m.en, func(i, j int) any { return rankCell(m.r[i][j]) }))
	}
	return ts
}

// indicatorTable is a table of one value per indicator (cell(i, j): result
// row i, indicator j), one row per unit and period.
func indicatorTable(res *pipeline.Result, lang, name, zh, en string, cell func(i, j int) any) Table {
	t := Table{Name: name, Title: tr(lang, zh, en), Header: []string{tr(lang, "时期", "Period"), tr(lang, "地区代码", "Unit code"), tr(lang, "地区", "Unit")}}
	t.Header = append(t.Header, res.Indicators...)
	for i, o := range res.Rows {
		u := res.Units[o.Unit]
		row := []any{res.Periods[o.Period].Label, u.Code, u.Name}
		for j := range res.Indicators {
			row = append(row, cell(i, j))
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}
