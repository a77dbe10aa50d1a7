package framework_test

import (
	"fmt"

	"github.com/nqp-index/nqp/scoring/framework"
)

func ExampleFramework_MatchColumns() {
	f, err := framework.Template("drivers")
	if err != nil {
		panic(err)
	}
	columns := []string{"province", "year", "R&D经费投入强度（%）", "SCI论文数", "高新技术企业数", "单位GDP能耗（吨标准煤/万元）"}
	m := f.MatchColumns(columns)
	for _, code := range m.Present {
		fmt.Printf("%s ← %s\n", code, m.Mapping[code])
	}
	fmt.Println("missing:", len(m.Missing), "extra:", m.Extra)
	g := f.Restrict(m)
	fmt.Println("scored on", len(g.Leaves()), "indicators in", len(g.Children("Index")), "dimensions")
	// Output:
	// rd_intensity ← R&D经费投入强度（%）
	// sci_papers ← SCI论文数
	// hightech_firms ← 高新技术企业数
	// energy_intensity ← 单位GDP能耗（吨标准煤/万元）
	// missing: 12 extra: [province year]
	// scored on 4 indicators in 3 dimensions
}

func ExampleRead() {
	table := "代码,指标名称,维度,方向,权重\n" +
		"rd,R&D经费投入强度,科技创新,正向,1\n" +
		"energy,单位GDP能耗,绿色发展,负向,1\n" +
		"gov,财政支出占比,绿色发展,适度,1\n"
	f, rep, err := framework.Read("my.csv", []byte(table))
	fmt.Println(f.Leaves(), f.Node("energy").Direction.Kind)
	fmt.Println(err != nil)
	for _, p := range rep.Problems {
		fmt.Println(p.Code, p.Row, p.Col)
		fmt.Println(p.Format("zh"))
	}
	// Output:
	// [rd energy gov] negative
	// true
	// bad-direction 4 4
	// 错误 文件 my.csv 第 4 行 第 4 列（方向）：“gov”：适度型指标需要一个最优值（best 列或“适度(5)”的写法）
}

func ExampleTemplates() {
	for _, t := range framework.Templates() {
		f, _ := framework.Template(t.Name)
		fmt.Println(t.Name, t.Version, len(f.Leaves()))
	}
	// Output:
	// drivers 2026.2 16
	// three-elements 2026.2 26
	// tech-green-digital 2026.2 18
}
