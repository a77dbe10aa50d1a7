package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/nqp-index/nqp/scoring/diag"
	"github.com/nqp-index/nqp/scoring/jsonx"
	"github.com/nqp-index/nqp/scoring/mcda"
)

// stdin is where `nqp mcda` and `nqp ahp` read when no file is given;
// tests replace it.
var stdin io.Reader = os.Stdin

// readInput reads the named file, or stdin for "" or "-".
func readInput(path string) ([]byte, error) {
	if path == "" || path == "-" {
		return io.ReadAll(stdin)
	}
	return os.ReadFile(path)
}

// errText returns err's message in lang: the matching part of a bilingual
// error (diag.Message), never a split string.
func errText(lang string, err error) string { return diag.Message(err, lang) }

// cmdMCDA reads an mcda.Request (JSON) from a file or stdin and writes the
// mcda.Answer as JSON.
func cmdMCDA(args []string, stdout, stderr io.Writer) (code int) {
	fs := flag.NewFlagSet("mcda", flag.ContinueOnError)
	fs.SetOutput(stderr)
	lang := fs.String("lang", langFromEnv(), "zh or en")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(pos) > 1 {
		fmt.Fprintln(stderr, tr(*lang, "用法：nqp mcda [请求.json]（省略时从标准输入读取）", "usage: nqp mcda [request.json] (stdin when omitted)"))
		return exitUsage
	}
	path := ""
	if len(pos) == 1 {
		path = pos[0]
	}
	defer func() {
		if p := recover(); p != nil {
			fmt.Fprintln(stderr, tr(*lang, "内部错误：", "internal error: ")+fmt.Sprint(p))
			code = exitData
		}
	}()
	b, err := readInput(path)
	if err != nil {
		fmt.Fprintln(stderr, tr(*lang, "无法读取请求：", "cannot read the request: ")+err.Error())
		return exitData
	}
	var req mcda.Request
	if err := jsonx.Decode(b, &req); err != nil {
		fmt.Fprintln(stderr, tr(*lang, "请求不是有效的 mcda JSON（需要 matrix、types、method 等字段）：", "the request is not valid mcda JSON (fields matrix, types, method, …): ")+errText(*lang, err))
		return exitData
	}
	ans, err := mcda.Solve(req)
	if err != nil {
		fmt.Fprintln(stderr, tr(*lang, "无法求解：", "cannot solve: ")+errText(*lang, err))
		return exitData
	}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(ans); err != nil {
		fmt.Fprintln(stderr, tr(*lang, "无法写出结果：", "cannot write the answer: ")+err.Error())
		return exitData
	}
	return exitOK
}
