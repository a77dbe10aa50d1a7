package ingest

import (
	"math"
	"testing"
)

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in    string
		comma bool
		want  float64
	}{
		{"0", false, 0},
		{"42", false, 42},
		{"-3.5", false, -3.5},
		{"+7", false, 7},
		{".5", false, 0.5},
		{"1,234,567.8", false, 1234567.8},
		{"1,234", false, 1234},
		{"-1,000", false, -1000},
		{"1.234.567,8", true, 1234567.8},
		{"1234,5", true, 1234.5},
		{"12", true, 12},
		{"１２３．４", false, 123.4},
		{"－5", false, -5},
		{"＋3", false, 3},
		{"１，２３４", false, 1234},
		{"1，234", false, 1234},
		{"12.5%", false, 12.5},
		{"１２．５％", false, 12.5},
		{"−8", false, -8},
		{"−1.5e2", false, -150},
		{"1.2e3", false, 1200},
		{"1.2E-3", false, 0.0012},
		{"1e+2", false, 100},
		{"  42  ", false, 42},
		{"\u00a042\u00a0", false, 42},
		{"\u300042\u3000", false, 42},
		{"1 234 567", false, 1234567},
		{`"12"`, false, 12},
		{"'12", false, 12},
		{"“12”", false, 12},
		{"(12)", false, -12},
		{"\t-0.25\r", false, -0.25},
		{"1e-400", false, 0},
	}
	for _, tc := range tests {
		got, missing, err := ParseNumber(tc.in, tc.comma)
		if err != nil || missing || got != tc.want {
			t.Errorf("ParseNumber(%q, %v) = %v, %v, %v; want %v", tc.in, tc.comma, got, missing, err, tc.want)
		}
	}
}

func TestParseNumberMissing(t *testing.T) {
	for _, s := range []string{"", " ", "NA", "na", "N/A", "n/a", "null", "NULL", "-", "--",
		"—", "——", "…", "...", "..", "无", "缺失", "#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NUM!", "#NAME?",
		" NA ", `"NA"`, "－", "\u3000"} {
		v, missing, err := ParseNumber(s, false)
		if !missing || err != nil || !math.IsNaN(v) {
			t.Errorf("ParseNumber(%q) = %v, %v, %v; want NaN, missing", s, v, missing, err)
		}
	}
}

func TestParseNumberErrors(t *testing.T) {
	tests := []struct {
		in    string
		comma bool
		err   error
	}{
		{"12x", false, ErrNotNumber},
		{"abc", false, ErrNotNumber},
		{"1,2", false, ErrNotNumber},       // a decimal comma without DecimalComma
		{"1,23,456", false, ErrNotNumber},  // bad grouping
		{"1234.5", true, ErrNotNumber},     // '.' groups must have 3 digits
		{"1.2.3", false, ErrNotNumber},     //
		{"+", false, ErrNotNumber},         //
		{"%", false, ErrNotNumber},         //
		{"e5", false, ErrNotNumber},        //
		{"0x10", false, ErrNotNumber},      // no hex
		{"1_000", false, ErrNotNumber},     // no underscores
		{"Inf", false, ErrNotFinite},       // infinities are not finite
		{"-Infinity", false, ErrNotFinite}, //
		{"NaN", false, ErrNotFinite},       // NaN is reported, not read as missing
		{"nan", false, ErrNotFinite},       //
		{"ｎａｎ", false, ErrNotNumber},       // full-width letters are not folded
		{"1e999", false, ErrNotFinite},     //
		{"-1e999", false, ErrNotFinite},    //
		{"1,000e999", false, ErrNotFinite}, //
		{"北京", false, ErrNotNumber},        //
		{"12 元", false, ErrNotNumber},      //
		{"1234567890123456789012345678901234567890123456789012345678901234567890", false, ErrNotNumber},
	}
	for _, tc := range tests {
		v, missing, err := ParseNumber(tc.in, tc.comma)
		if err != tc.err || missing || !math.IsNaN(v) {
			t.Errorf("ParseNumber(%q, %v) = %v, %v, %v; want NaN, %v", tc.in, tc.comma, v, missing, err, tc.err)
		}
	}
}

func TestCleanName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"北京", "北京"},
		{"  北   京 ", "北京"},
		{"北\u3000京", "北京"},
		{"\u00a0上海\u00a0", "上海"},
		{"Inner   Mongolia", "Inner Mongolia"},
		{"GDP\n(亿元)", "GDP (亿元)"},
		{"\ufeffregion", "region"},
	}
	for _, tc := range tests {
		if got := cleanName(tc.in); got != tc.want {
			t.Errorf("cleanName(%q) = %q; want %q", tc.in, got, tc.want)
		}
	}
}
