package framework

import (
	"math"
	"regexp"
	"strconv"
	"strings"
)

var numRE = regexp.MustCompile(`[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?`)

// direction words, matched after fold and lower-casing.
var (
	positiveWords = []string{"1", "+1", "+", "正", "正向", "正指标", "正向指标", "positive", "pos", "benefit",
		"max", "larger", "higherisbetter", "越大越好", "效益型", "效益"}
	negativeWords = []string{"-1", "-", "−", "–", "负", "负向", "逆", "逆向", "负指标", "负向指标", "逆向指标",
		"negative", "neg", "cost", "min", "smaller", "lowerisbetter", "越小越好", "成本型", "成本"}
	moderateWords = []string{"适度", "适度型", "适度指标", "中间型", "中性", "moderate", "middle", "mid", "target", "optimum", "best"}
	intervalWords = []string{"区间", "区间型", "区间指标", "interval", "range"}
)

// ParseDirection reads a direction cell. It accepts 1, -1, +, −, -, 正, 负,
// 正向, 负向, 逆向, positive, negative, benefit, cost (and a few more),
// any other non-zero number (its sign), and 适度/moderate and
// 区间/interval, which may carry their numbers: "适度(5)", "moderate:5",
// "区间[3,5]", "interval 3 5". For a moderate or interval direction without
// numbers, the numbers come from best, lo and hi (cells of their own; ""
// when absent). ok is false if the text is not understood or a number is
// missing or invalid (then msgZh and msgEn say why).
func ParseDirection(text, best, lo, hi string) (d Direction, ok bool, msgZh, msgEn string) {
	s := strings.ToLower(fold(text))
	s = strings.NewReplacer("−", "-", "–", "-", "—", "-").Replace(s)
	if v, err := parseNumber(s); err == nil && !strings.HasSuffix(s, "%") {
		switch {
		case v > 0:
			return Direction{Kind: Positive}, true, "", ""
		case v < 0:
			return Direction{Kind: Negative}, true, "", ""
		}
	}
	nums := numRE.FindAllString(s, -1)
	word := strings.Map(func(r rune) rune {
		if strings.ContainsRune(" ()[]{},;:：，、", r) {
			return -1
		}
		return r
	}, numRE.ReplaceAllString(s, ""))
	if word == "" {
		word = s // "+" or "-" alone
	}
	in := func(ws []string) bool {
		for _, w := range ws {
			if word == w {
				return true
			}
		}
		return false
	}
	switch {
	case in(positiveWords):
		return Direction{Kind: Positive}, true, "", ""
	case in(negativeWords):
		return Direction{Kind: Negative}, true, "", ""
	case in(moderateWords):
		if len(nums) == 0 && strings.TrimSpace(best) != "" {
			nums = []string{strings.TrimSpace(best)}
		}
		if len(nums) != 1 {
			return Direction{Kind: Moderate}, false, "适度型指标需要一个最优值（best 列或“适度(5)”的写法）",
				"a moderate indicator needs one best value (a best column, or write \"moderate(5)\")"
		}
		b, err := parseNumber(nums[0])
		if err != nil {
			return Direction{Kind: Moderate}, false, "适度型指标的最优值“" + nums[0] + "”不是有效数字",
				"the best value " + strconv.Quote(nums[0]) + " of a moderate indicator is not a valid number"
		}
		return Direction{Kind: Moderate, Best: b}, true, "", ""
	case in(intervalWords):
		if len(nums) == 0 && (strings.TrimSpace(lo) != "" || strings.TrimSpace(hi) != "") {
			nums = []string{strings.TrimSpace(lo), strings.TrimSpace(hi)}
		}
		if len(nums) != 2 {
			return Direction{Kind: Interval}, false, "区间型指标需要下限和上限（lo、hi 列或“区间[3,5]”的写法）",
				"an interval indicator needs a lower and an upper bound (lo and hi columns, or write \"interval[3,5]\")"
		}
		l, err1 := parseNumber(nums[0])
		h, err2 := parseNumber(nums[1])
		if err1 != nil || err2 != nil {
			return Direction{Kind: Interval}, false, "区间型指标的上下限不是有效数字",
				"the bounds of an interval indicator are not valid numbers"
		}
		if l > h && strings.HasPrefix(nums[1], "-") && -h >= l {
			h = -h // "3-5" is a range, not 3 and −5
		}
		if l > h {
			return Direction{Kind: Interval, Lo: l, Hi: h}, false, "区间型指标的下限大于上限",
				"the lower bound of an interval indicator is greater than the upper bound"
		}
		return Direction{Kind: Interval, Lo: l, Hi: h}, true, "", ""
	}
	return Direction{}, false, "无法识别的指标方向“" + text + "”（可用：1、-1、正向、负向、适度、区间）",
		"unknown direction " + strconv.Quote(text) + " (use 1, -1, positive, negative, moderate or interval)"
}

// parseNumber reads a finite number written with optional thousands
// separators, full-width digits or a trailing "%" (which divides by 100).
func parseNumber(s string) (float64, error) {
	s = strings.ReplaceAll(fold(s), ",", "")
	pct := false
	if strings.HasSuffix(s, "%") {
		pct = true
		s = strings.TrimSpace(strings.TrimSuffix(s, "%"))
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, err
	}
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, strconv.ErrRange
	}
	if pct {
		v /= 100
	}
	return v, nil
}
