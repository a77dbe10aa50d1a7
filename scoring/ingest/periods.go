package ingest

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/nqp-index/nqp/scoring/panel"
)

// ParsePeriod reads a period label. It recognises
//
//   - years: "2023", "2023年", "2023年度", "2023.0";
//   - quarters: "2024Q1", "2024-Q1", "2024 Q1", "2024q1", "Q1 2024",
//     "2024年一季度", "2024年第1季度", "2024年1季度", "2024年第一季度";
//   - months: "2024-03", "2024/3", "2024.03", "2024年3月", "202403",
//     "2024M03", and dates such as "2024-03-15" (read as their month).
//
// Full-width digits and letters are accepted. It returns the canonical
// period ("2023", "2024Q1", "2024-03") with its Key as documented in
// panel.Period, and ok == false for any other text.
func ParsePeriod(s string) (p panel.Period, ok bool) {
	var arr [48]byte
	b := arr[:0]
	for _, r := range trimSpace(s) {
		switch {
		case r >= '０' && r <= '９':
			r = r - '０' + '0'
		case r >= 'Ａ' && r <= 'Ｚ':
			r = r - 'Ａ' + 'A'
		case r >= 'ａ' && r <= 'ｚ':
			r = r - 'ａ' + 'a'
		case r == '－' || r == '−' || r == '–':
			r = '-'
		case r == '／':
			r = '/'
		case r == '．':
			r = '.'
		case isSpaceRune(r):
			continue
		}
		if len(b)+utf8.RuneLen(r) > len(arr) {
			return p, false
		}
		b = utf8.AppendRune(b, r)
	}
	t := string(b)
	// "Q1 2024", "Q1-2024".
	if len(t) >= 6 && (t[0] == 'Q' || t[0] == 'q') {
		q := int(t[1] - '0')
		rest := t[2:]
		if rest != "" && (rest[0] == '-' || rest[0] == '/' || rest[0] == '_') {
			rest = rest[1:]
		}
		if y, ok := year4(rest); ok && len(rest) == 4 && q >= 1 && q <= 4 {
			return quarter(y, q), true
		}
		return p, false
	}
	y, ok := year4(t)
	if !ok {
		return p, false
	}
	rest := t[4:]
	switch {
	case rest == "" || rest == "年" || rest == "年度":
		return yearPeriod(y), true
	case rest[0] == '.' && strings.Trim(rest[1:], "0") == "" && len(rest) <= 7:
		return yearPeriod(y), true
	case len(rest) == 2 && isDigits(rest):
		if m, _ := strconv.Atoi(rest); m >= 1 && m <= 12 {
			return month(y, m), true
		}
		return p, false
	}
	if strings.HasPrefix(rest, "年") {
		return parseChineseSuffix(y, rest[len("年"):])
	}
	sep := rest[0]
	if sep == '-' || sep == '/' || sep == '_' || sep == '.' {
		rest = rest[1:]
	}
	if rest == "" {
		return p, false
	}
	if (rest[0] == 'Q' || rest[0] == 'q') && len(rest) == 2 {
		if q := int(rest[1] - '0'); q >= 1 && q <= 4 {
			return quarter(y, q), true
		}
		return p, false
	}
	if (rest[0] == 'M' || rest[0] == 'm') && sep != '.' {
		if m, ok := smallInt(rest[1:], 12); ok {
			return month(y, m), true
		}
		return p, false
	}
	if sep != '-' && sep != '/' && sep != '.' {
		return p, false
	}
	// Month, optionally followed by a day with the same separator.
	mm, day := rest, ""
	if i := strings.IndexByte(rest, sep); i >= 0 {
		mm, day = rest[:i], rest[i+1:]
		if _, ok := smallInt(day, 31); !ok {
			return p, false
		}
	}
	if sep == '.' && len(mm) != 2 {
		return p, false
	}
	if m, ok := smallInt(mm, 12); ok {
		return month(y, m), true
	}
	return p, false
}

// parseChineseSuffix reads what follows "2024年": a quarter ("一季度",
// "第1季度", "1季度", "第一季度", "Q1") or a month ("3月", "03月份").
func parseChineseSuffix(y int, s string) (panel.Period, bool) {
	var p panel.Period
	if s == "" {
		return yearPeriod(y), true
	}
	if (s[0] == 'Q' || s[0] == 'q') && len(s) == 2 {
		if q := int(s[1] - '0'); q >= 1 && q <= 4 {
			return quarter(y, q), true
		}
		return p, false
	}
	s = strings.TrimPrefix(s, "第")
	for _, suf := range [...]string{"季度", "季"} {
		if n, ok := strings.CutSuffix(s, suf); ok {
			if q, ok := smallInt(n, 4); ok {
				return quarter(y, q), true
			}
			if q := chineseDigit(n); q >= 1 && q <= 4 {
				return quarter(y, q), true
			}
			return p, false
		}
	}
	for _, suf := range [...]string{"月份", "月"} {
		if n, ok := strings.CutSuffix(s, suf); ok {
			if m, ok := smallInt(n, 12); ok {
				return month(y, m), true
			}
			if m := chineseDigit(n); m >= 1 && m <= 12 {
				return month(y, m), true
			}
			return p, false
		}
	}
	return p, false
}

// chineseDigit reads 一 … 十二, returning 0 if s is not one of them.
func chineseDigit(s string) int {
	names := [...]string{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"}
	for i, n := range names {
		if s == n {
			return i + 1
		}
	}
	return 0
}

// year4 reads the four leading digits of s as a year 1000–9999.
func year4(s string) (int, bool) {
	if len(s) < 4 || s[0] < '1' || s[0] > '9' || !isDigits(s[:4]) {
		return 0, false
	}
	return int(s[0]-'0')*1000 + int(s[1]-'0')*100 + int(s[2]-'0')*10 + int(s[3]-'0'), true
}

// smallInt reads one or two digits as an integer in 1..max.
func smallInt(s string, max int) (int, bool) {
	if len(s) < 1 || len(s) > 2 || !isDigits(s) {
		return 0, false
	}
	n, _ := strconv.Atoi(s)
	return n, n >= 1 && n <= max
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return len(s) > 0
}

func yearPeriod(y int) panel.Period {
	return panel.Period{Label: strconv.Itoa(y), Kind: panel.Year, Key: y * 12}
}

func quarter(y, q int) panel.Period {
	return panel.Period{Label: strconv.Itoa(y) + "Q" + strconv.Itoa(q), Kind: panel.Quarter, Key: y*12 + (q-1)*3}
}

func month(y, m int) panel.Period {
	l := strconv.Itoa(y) + "-"
	if m < 10 {
		l += "0"
	}
	return panel.Period{Label: l + strconv.Itoa(m), Kind: panel.Month, Key: y*12 + m - 1}
}
