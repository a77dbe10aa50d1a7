package ingest_test

import (
	"fmt"

	"github.com/nqp-index/nqp/scoring/ingest"
)

func ExampleRead() {
	data := []byte("省份,年份,R&D经费,专利授权\n" +
		"北京,2023年,\"2,947.1\",NA\n" +
		"上海,2023年,２０４９．６,12x\n" +
		"北京,2022年,2843.3,5000\n")
	p, rep, err := ingest.Read("demo.csv", data, ingest.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range p.Rows {
		fmt.Println(p.Periods[r.Period].Label, p.Units[r.Unit].Name, r.Values)
	}
	for _, pr := range rep.Problems {
		if pr.Code == ingest.CodeNonNumeric {
			fmt.Println(pr.Format("zh"))
			fmt.Println(pr.Format("en"))
		}
	}
	// Output:
	// 2022 北京 [2843.3 5000]
	// 2023 上海 [2049.6 NaN]
	// 2023 北京 [2947.1 NaN]
	// 警告 文件 demo.csv 第 3 行 第 4 列（专利授权）：无法识别的数字“12x”，按缺失处理
	// warning demo.csv, row 3, column 4 (专利授权): not a number: "12x"; read as missing
}

func ExampleParseNumber() {
	for _, s := range []string{"1,234.5", "１２３．４", "−8", "12.5%", "—", "abc"} {
		v, missing, err := ingest.ParseNumber(s, false)
		fmt.Println(v, missing, err)
	}
	// Output:
	// 1234.5 false <nil>
	// 123.4 false <nil>
	// -8 false <nil>
	// 12.5 false <nil>
	// NaN true <nil>
	// NaN false ingest: not a number
}

func ExampleParsePeriod() {
	for _, s := range []string{"2023年", "2024年第一季度", "2024/3"} {
		p, ok := ingest.ParsePeriod(s)
		fmt.Println(p.Label, p.Kind, p.Key, ok)
	}
	// Output:
	// 2023 year 24276 true
	// 2024Q1 quarter 24288 true
	// 2024-03 month 24290 true
}
