package framework

import "strings"

// Words in an indicator's name that say smaller is better. The Chinese
// words are those of the usual negative indicators in the NQP and
// high-quality-development literature (能耗, 排放, 污染, 失业率…); the
// English ones are their equivalents. They are matched in the name after
// fold and lower-casing, with white space removed.
var negativeNameWords = []string{
	"能耗", "能源消耗", "能源强度", "耗能", "耗水", "用水量", "排放", "污染", "二氧化硫", "二氧化碳", "废水", "废气", "烟尘", "粉尘",
	"pm2.5", "pm10", "碳强度", "失业率", "事故", "死亡率", "伤亡", "成本", "负债率", "资产负债", "债务率", "杠杆率",
	"赤字率", "不良率", "不良贷款", "基尼", "贫困发生率", "恩格尔系数", "犯罪率", "发病率", "文盲率", "收入差距", "城乡收入比",
	"亏损",
	"energyconsumptionper", "energyintensity", "energyuseper", "emission", "pollution", "pollutant", "so2", "co2",
	"unemployment", "accident", "fatalit", "mortality", "deathrate", "cost", "debtratio", "debt-to", "debttogdp",
	"leverage", "nonperforming", "non-performing", "gini", "carbonintensity", "waterconsumptionper",
	"wateruseper", "waterintensity", "povertyrate", "povertyheadcount", "crimerate", "illiteracy", "deficit",
}

// Words that turn a negative word around ("污染治理投资", "单位GDP能耗下降率",
// "二氧化硫去除率", "emission reduction"): a name holding one of them is
// never guessed negative.
var reversingNameWords = []string{
	"治理", "处理", "利用", "回收", "去除", "减排", "降低", "下降", "减少", "节能", "节水", "达标", "优良", "控制",
	"投资", "投入", "支出", "补贴", "利润", "收益", "效率", "生产率", "产出率", "覆盖", "普及",
	"reduction", "reduce", "decline", "decrease", "abatement", "treatment", "removal", "control", "utilisation",
	"utilization", "recycl", "saving", "investment", "expenditure", "subsid", "profit", "efficiency", "productivity",
	"compliance", "coverage",
}

// GuessNegative reports whether an indicator's names (code, Chinese or
// English name, column header) say that smaller is better: "单位GDP能耗",
// "PM2.5年均浓度", "城镇登记失业率", "energy consumption per unit of GDP".
// word is the word that says so. Only negative directions are guessed:
// a moderate or interval direction needs a best value or bounds that no
// name gives, so it is never guessed.
func GuessNegative(names ...string) (word string, ok bool) {
	keys := make([]string, 0, len(names))
	for _, n := range names {
		k := strings.ToLower(fold(n))
		k = strings.Map(func(r rune) rune {
			switch r {
			case ' ', '\t', '_', '\u3000':
				return -1
			case '₂':
				return '2'
			}
			return r
		}, k)
		if k != "" {
			keys = append(keys, k)
		}
	}
	for _, k := range keys {
		for _, w := range reversingNameWords {
			if strings.Contains(k, w) {
				return "", false
			}
		}
	}
	for _, n := range names {
		for _, t := range strings.FieldsFunc(strings.ToLower(n), func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9') }) {
			if t == "npl" || t == "npls" {
				return "npl", true
			}
		}
	}
	for _, k := range keys {
		for _, w := range negativeNameWords {
			if strings.Contains(k, w) {
				return w, true
			}
		}
	}
	return "", false
}

// GuessDirections sets the direction of every positive indicator whose
// names GuessNegative takes for a negative one to Negative, marks it
// DirectionGuessed and returns the codes so changed, in leaf order. Call
// it only on a framework made from the data (every numeric column an
// indicator): a user's framework (a file, a template, an edit) states its
// directions and always wins.
func (f *Framework) GuessDirections() []string {
	var out []string
	for _, code := range f.Leaves() {
		n := f.Node(code)
		if n == nil || n.Direction.Kind != Positive {
			continue
		}
		if _, ok := GuessNegative(n.Code, n.NameZh, n.NameEn); ok {
			n.Direction = Direction{Kind: Negative}
			n.DirectionGuessed = true
			out = append(out, code)
		}
	}
	return out
}
