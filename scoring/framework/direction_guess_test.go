package framework

import "testing"

func TestGuessNegative(t *testing.T) {
	negative := []string{
		"单位GDP能耗", "单位GDP能耗（吨标准煤/万元）", "万元GDP能耗", "单位工业增加值能耗", "工业二氧化硫排放量", "化学需氧量排放",
		"空气污染指数", "城镇登记失业率", "生产安全事故死亡人数", "规上工业企业每百元营业收入中的成本", "资产负债率",
		"不良贷款率", "PM2.5年均浓度", "ＰＭ２.５浓度", "碳强度", "单位GDP耗水", "婴儿死亡率", "基尼系数", "单位GDP用水量",
		"Energy consumption per unit of GDP", "CO₂ emissions per capita", "air pollution", "unemployment rate",
		"road accidents", "unit labour cost", "debt ratio", "NPL ratio", "npl_ratio", "PM2.5", "carbon intensity",
		"infant mortality", "Gini coefficient", "energy_intensity",
	}
	for _, n := range negative {
		if w, ok := GuessNegative(n); !ok {
			t.Errorf("%q: not guessed negative", n)
		} else if w == "" {
			t.Errorf("%q: no word given", n)
		}
	}
	positive := []string{
		"R&D经费投入强度", "每万人有效发明专利数", "人均GDP", "森林覆盖率", "污染治理投资", "单位GDP能耗下降率", "二氧化硫去除率",
		"工业固体废物综合利用率", "污水处理率", "成本费用利润率", "节能环保支出占比", "排放达标率", "空气质量优良天数比例",
		"emission reduction", "wastewater treatment rate", "pollution abatement investment", "sample size", "unplanned",
		"GDP", "year", "高技术产业营业收入", "城镇化率", "人均受教育年限",
	}
	for _, n := range positive {
		if w, ok := GuessNegative(n); ok {
			t.Errorf("%q: guessed negative (word %q)", n, w)
		}
	}
}

func TestGuessDirections(t *testing.T) {
	f := &Framework{Nodes: []Node{
		{Code: "Index", Weight: 1},
		{Code: "单位GDP能耗", Parent: "Index", Weight: 1},
		{Code: "人均GDP", Parent: "Index", Weight: 1},
		{Code: "城镇登记失业率", Parent: "Index", Weight: 1},
		{Code: "cost", NameZh: "成本", Parent: "Index", Weight: 1, Direction: Direction{Kind: Moderate, Best: 3}},
	}}
	got := f.GuessDirections()
	if len(got) != 2 || got[0] != "单位GDP能耗" || got[1] != "城镇登记失业率" {
		t.Fatalf("guessed %v, want [单位GDP能耗 城镇登记失业率]", got)
	}
	if n := f.Node("单位GDP能耗"); n.Direction.Kind != Negative || !n.DirectionGuessed {
		t.Errorf("单位GDP能耗: %v guessed=%v", n.Direction.Kind, n.DirectionGuessed)
	}
	if n := f.Node("人均GDP"); n.Direction.Kind != Positive || n.DirectionGuessed {
		t.Errorf("人均GDP: %v guessed=%v", n.Direction.Kind, n.DirectionGuessed)
	}
	// A stated direction is never replaced (here a moderate one).
	if n := f.Node("cost"); n.Direction.Kind != Moderate || n.DirectionGuessed {
		t.Errorf("cost: %v guessed=%v", n.Direction.Kind, n.DirectionGuessed)
	}
}
