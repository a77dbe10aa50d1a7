package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

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

// bilingual returns the part of a "中文 / English" message for lang.
func bilingual(lang, msg string) string {
	zh, en, ok := strings.Cut(msg, " / ")
	if !ok {
		return msg
	}
	return tr(lang, zh, en)
}

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
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		fmt.Fprintln(stderr, tr(*lang, "请求不是有效的 mcda JSON（需要 matrix、types、method 等字段）：", "the request is not valid mcda JSON (fields matrix, types, method, …): ")+err.Error())
		return exitData
	}
	if dec.More() {
		fmt.Fprintln(stderr, tr(*lang, "请求 JSON 之后还有多余内容", "extra content after the request JSON"))
		return exitData
	}
	ans, err := mcda.Solve(req)
	if err != nil {
		fmt.Fprintln(stderr, tr(*lang, "无法求解：", "cannot solve: ")+bilingual(*lang, err.Error()))
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
