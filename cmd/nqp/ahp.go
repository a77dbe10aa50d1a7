package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/nqp-index/nqp/scoring/diag"
	"github.com/nqp-index/nqp/scoring/jsonx"
	"github.com/nqp-index/nqp/scoring/mcda"
)

// ahpOutput is the JSON output of `nqp ahp -json`.
type ahpOutput struct {
	Names []string `json:"names,omitempty"`
	mcda.AHPResult
}

// cellValue reads a judgement: a number or a fraction "a/b".
func cellValue(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	num, den, frac := strings.Cut(s, "/")
	a, err := strconv.ParseFloat(strings.TrimSpace(num), 64)
	if err != nil {
		return 0, false
	}
	if !frac {
		return a, true
	}
	d, err := strconv.ParseFloat(strings.TrimSpace(den), 64)
	if err != nil || d == 0 {
		return 0, false
	}
	return a / d, true
}

// parseJudgements reads a pairwise matrix: a JSON array of arrays (numbers
// or fraction strings), or CSV/TSV/semicolon-separated text with or
// without a header row and a header column. It returns the matrix and the
// criteria names (from a header, if any).
func parseJudgements(b []byte) ([][]float64, []string, error) {
	b = bytes.TrimPrefix(bytes.TrimSpace(b), []byte("\xef\xbb\xbf"))
	if len(b) == 0 {
		return nil, nil, diag.Errorf("输入为空", "the input is empty")
	}
	if b[0] == '[' {
		var raw [][]json.RawMessage
		if err := jsonx.Decode(b, &raw); err != nil {
			return nil, nil, diag.Errorf("JSON 判断矩阵须为数组的数组：%v", "a JSON judgement matrix must be an array of arrays: %v", err)
		}
		m := make([][]float64, len(raw))
		for i, row := range raw {
			m[i] = make([]float64, len(row))
			for j, c := range row {
				var v float64
				if err := json.Unmarshal(c, &v); err != nil {
					var s string
					ok := false
					if json.Unmarshal(c, &s) == nil {
						v, ok = cellValue(s)
					}
					if !ok {
						return nil, nil, diag.Errorf("第 %d 行第 %d 列无法读取：%s", "row %d, column %d cannot be read: %s", i+1, j+1, c)
					}
				}
				m[i][j] = v
			}
		}
		return m, nil, nil
	}
	// delimited text
	text := string(b)
	first := strings.SplitN(text, "\n", 2)[0]
	delim := ','
	for _, d := range []rune{'\t', ';'} {
		if strings.Count(first, string(d)) > strings.Count(first, string(delim)) {
			delim = d
		}
	}
	r := csv.NewReader(strings.NewReader(text))
	r.Comma = delim
	r.FieldsPerRecord = -1
	r.TrimLeadingSpace = true
	recs, err := r.ReadAll()
	if err != nil {
		return nil, nil, diag.Errorf("无法读取 CSV：%v", "cannot read the CSV: %v", err)
	}
	numeric := func(s string) bool { _, ok := cellValue(s); return ok }
	var names []string
	// header row: any cell after the first is not a number
	if len(recs) > 0 {
		hdr := false
		for _, c := range recs[0][1:] {
			if !numeric(c) {
				hdr = true
			}
		}
		if hdr || (len(recs[0]) > 0 && !numeric(recs[0][0]) && len(recs) == len(recs[0])) {
			names = recs[0]
			recs = recs[1:]
		}
	}
	// header column: the first cell of every row is not a number
	hcol := len(recs) > 0
	for _, rec := range recs {
		if len(rec) == 0 || numeric(rec[0]) {
			hcol = false
		}
	}
	if names != nil && len(names) == len(recs)+1 {
		names = names[1:]
	}
	var rowNames []string
	m := make([][]float64, 0, len(recs))
	for i, rec := range recs {
		if hcol {
			rowNames = append(rowNames, strings.TrimSpace(rec[0]))
			rec = rec[1:]
		}
		row := make([]float64, len(rec))
		for j, c := range rec {
			v, ok := cellValue(c)
			if !ok {
				return nil, nil, diag.Errorf("第 %d 行第 %d 列无法读取：%q", "row %d, column %d cannot be read: %q", i+1, j+1, c)
			}
			row[j] = v
		}
		m = append(m, row)
	}
	if names == nil {
		names = rowNames
	}
	for k := range names {
		names[k] = strings.TrimSpace(names[k])
	}
	if names != nil && len(names) != len(m) {
		names = nil
	}
	return m, names, nil
}

// cmdAHP computes AHP priorities and the consistency check of one matrix.
func cmdAHP(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("ahp", flag.ContinueOnError)
	fs.SetOutput(stderr)
	method := fs.String("method", "sum-product", "sum-product, geometric or eigenvector")
	ri := fs.String("ri", "saaty", "saaty or chinese")
	lang := fs.String("lang", langFromEnv(), "zh or en")
	asJSON := fs.Bool("json", false, "write JSON")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(pos) > 1 {
		fmt.Fprintln(stderr, tr(*lang, "用法：nqp ahp [矩阵文件] [-method sum-product|geometric|eigenvector] [-ri saaty|chinese] [-json]（省略文件时从标准输入读取）",
			"usage: nqp ahp [MATRIX] [-method sum-product|geometric|eigenvector] [-ri saaty|chinese] [-json] (stdin when MATRIX is omitted)"))
		return exitUsage
	}
	path := ""
	if len(pos) == 1 {
		path = pos[0]
	}
	b, err := readInput(path)
	if err != nil {
		fmt.Fprintln(stderr, tr(*lang, "无法读取判断矩阵：", "cannot read the judgement matrix: ")+err.Error())
		return exitData
	}
	m, names, err := parseJudgements(b)
	if err != nil {
		fmt.Fprintln(stderr, errText(*lang, err))
		return exitData
	}
	res, err := mcda.AHP(m, *method, *ri)
	if err != nil {
		fmt.Fprintln(stderr, errText(*lang, err))
		return exitData
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		_ = enc.Encode(ahpOutput{Names: names, AHPResult: res})
		return exitOK
	}
	methodName := map[string][2]string{"sum-product": {"和积法", "sum-product"}, "geometric": {"方根法", "geometric mean (square-root)"}, "eigenvector": {"特征向量法", "principal eigenvector"}}[res.Method]
	fmt.Fprintf(stdout, tr(*lang, "判断矩阵 %d 阶；方法：%s；RI 表：%s\n", "judgement matrix of order %d; method: %s; RI table: %s\n"), len(m), tr(*lang, methodName[0], methodName[1]), res.RITable)
	fmt.Fprintln(stdout, tr(*lang, "序号\t名称\t权重\tAw", "#\tname\tweight\tAw"))
	for i, w := range res.Weights {
		nm := ""
		if names != nil {
			nm = names[i]
		}
		fmt.Fprintf(stdout, "%d\t%s\t%.6f\t%.6f\n", i+1, nm, w, res.AW[i])
	}
	fmt.Fprintf(stdout, "λmax = %.6f\nCI = %.6f\nRI = %.2f\nCR = %.6f\n", res.LambdaMax, res.CI, res.RI, res.CR)
	switch {
	case len(m) <= 2:
		fmt.Fprintln(stdout, tr(*lang, "一致性检验：2 阶及以下的矩阵总是一致的（CR = 0）", "consistency: a matrix of order 2 or less is always consistent (CR = 0)"))
	case res.Consistent:
		fmt.Fprintln(stdout, tr(*lang, "一致性检验：通过（CR < 0.1）", "consistency: acceptable (CR < 0.1)"))
	default:
		fmt.Fprintln(stdout, tr(*lang, "一致性检验：未通过（CR ≥ 0.1），请修改判断矩阵", "consistency: NOT acceptable (CR ≥ 0.1); revise the judgements"))
	}
	return exitOK
}
