package region_test

import (
	"fmt"

	"github.com/nqp-index/nqp/scoring/region"
)

func ExampleMatch() {
	for _, s := range []string{"北   京", "内蒙古自治区", "Shaanxi", "Shanxi", "11", "5e+05", "香港"} {
		p, ok := region.Match(s)
		fmt.Printf("%q → %s %s %v\n", s, p.Code, p.ShortZh, ok)
	}
	// Output:
	// "北   京" → 110000 北京 true
	// "内蒙古自治区" → 150000 内蒙古 true
	// "Shaanxi" → 610000 陕西 true
	// "Shanxi" → 140000 山西 true
	// "11" → 110000 北京 true
	// "5e+05" → 500000 重庆 true
	// "香港" →   false
}

func ExampleAdjacency() {
	land := region.Adjacency(false)
	withSea := region.Adjacency(true)
	zh, en, _ := region.Region4("黑龙江省")
	fmt.Println(len(land), len(withSea), withSea[len(withSea)-1] == [2]string{"630000", "650000"})
	fmt.Println(zh, en)
	// Output:
	// 68 69 true
	// 东北 Northeast
}
