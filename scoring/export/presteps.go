package export

import (
	"github.com/nqp-index/nqp/scoring/pipeline"
)

// preStepTables returns the details of the pre-steps that ran: the
// denominators, the imputed cells, the screen's lines and removed
// observations, and the outlier treatment's tests and treated cells.
func preStepTables(res *pipeline.Result, lang string) []Table {
	var ts []Table
	obs := func(row int) (period, code, unit string, ok bool) {
		if row < 0 || row >= len(res.Rows) {
			return "", "", "", false
		}
		o := res.Rows[row]
		u := res.Units[o.Unit]
		return res.Periods[o.Period].Label, u.Code, u.Name, true
	}
	if len(res.Denominators) > 0 {
		t := Table{Name: "denominators", Title: tr(lang, "分母", "Denominators"),
			Header: []string{tr(lang, "指标", "Indicator"), tr(lang, "分母", "Denominator"), tr(lang, "比例因子", "Scale")}}
		for _, d := range res.Denominators {
			scale := 1.0
			if d.Scale != nil {
				scale = *d.Scale
			}
			t.Rows = append(t.Rows, []any{d.Indicator, d.Denominator, scale})
		}
		ts = append(ts, t)
	}
	if len(res.ImputedCells) > 0 && len(res.Imputed) == len(res.Rows) {
		t := Table{Name: "imputed_cells", Title: tr(lang, "插补的单元格", "Imputed cells"),
			Header: []string{tr(lang, "时期", "Period"), tr(lang, "地区代码", "Unit code"), tr(lang, "地区", "Unit"), tr(lang, "指标", "Indicator"), tr(lang, "插补值", "Imputed value")}}
		for _, c := range res.ImputedCells {
			if p, code, unit, ok := obs(c.Row); ok && c.Indicator >= 0 && c.Indicator < len(res.Indicators) {
				t.Rows = append(t.Rows, []any{p, code, unit, res.Indicators[c.Indicator], res.Imputed[c.Row][c.Indicator]})
			}
		}
		ts = append(ts, t)
	}
	if len(res.ScreenSummary) > 0 {
		t := Table{Name: "screen", Title: tr(lang, "按数据可得性筛选", "Screening by data availability"),
			Header: []string{tr(lang, "地区", "Unit"), tr(lang, "时期", "Period"), tr(lang, "缺失数", "Missing"), tr(lang, "零值数", "Zeros"),
				tr(lang, "数据可得率", "Data availability"), tr(lang, "非零比例", "Non-zero share"), tr(lang, "数据不足", "Low data"),
				tr(lang, "零值过多", "Too many zeros"), tr(lang, "强制", "Forced"), tr(lang, "保留", "Included")}}
		for _, l := range res.ScreenSummary {
			t.Rows = append(t.Rows, []any{l.Unit, l.Period, l.Missing, l.Zero, float64(l.DatAvail), float64(l.NonZero),
				yesNo(lang, l.LowData), yesNo(lang, l.LowNonZero), l.Forced, yesNo(lang, l.Included)})
		}
		ts = append(ts, t)
	}
	if len(res.TreatDetails) > 0 {
		t := Table{Name: "treat_details", Title: tr(lang, "异常值检验与处理", "Outlier tests and treatment"),
			Header: []string{tr(lang, "时期", "Period"), tr(lang, "指标", "Indicator"), tr(lang, "处理", "Treatment"),
				tr(lang, "处理前通过", "Pass before"), tr(lang, "偏度", "Skewness"), tr(lang, "峰度", "Kurtosis"), tr(lang, "缩尾点数", "Points winsorised"),
				tr(lang, "缩尾后通过", "Pass after winsorising"), tr(lang, "缩尾后偏度", "Skewness after"), tr(lang, "缩尾后峰度", "Kurtosis after"),
				tr(lang, "变换", "Transformation"), tr(lang, "变换后通过", "Pass after transforming"), tr(lang, "变换后偏度", "Skewness after transforming"), tr(lang, "变换后峰度", "Kurtosis after transforming")}}
		for _, d := range res.TreatDetails {
			t.Rows = append(t.Rows, []any{d.Period, d.Indicator, d.Treatment, optBool(lang, d.Pass0), float64(d.Skew0), float64(d.Kurt0), optInt(d.NWin),
				optBool(lang, d.Pass1), optNum(d.Skew1), optNum(d.Kurt1), d.F2, optBool(lang, d.Pass2), optNum(d.Skew2), optNum(d.Kurt2)})
		}
		ts = append(ts, t)
	}
	if len(res.TreatedPoints) > 0 {
		t := Table{Name: "treated_points", Title: tr(lang, "经处理的单元格", "Treated cells"),
			Header: []string{tr(lang, "时期", "Period"), tr(lang, "地区代码", "Unit code"), tr(lang, "地区", "Unit"), tr(lang, "指标", "Indicator"), tr(lang, "处理", "Treatment")}}
		for _, c := range res.TreatedPoints {
			if p, code, unit, ok := obs(c.Row); ok && c.Indicator >= 0 && c.Indicator < len(res.Indicators) {
				t.Rows = append(t.Rows, []any{p, code, unit, res.Indicators[c.Indicator], c.Mark})
			}
		}
		ts = append(ts, t)
	}
	return ts
}

func yesNo(lang string, b bool) string {
	if b {
		return tr(lang, "是", "yes")
	}
	return tr(lang, "否", "no")
}

// optBool, optInt and optNum write an absent value as an empty cell.
func optBool(lang string, b *bool) any {
	if b == nil {
		return nil
	}
	return yesNo(lang, *b)
}

func optInt(n *int) any {
	if n == nil {
		return nil
	}
	return *n
}

func optNum(v *pipeline.Num) any {
	if v == nil {
		return nil
	}
	return float64(*v)
}
