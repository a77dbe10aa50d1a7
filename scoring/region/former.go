package region

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"strings"

	"github.com/nqp-index/nqp/scoring/diag"
	"github.com/nqp-index/nqp/scoring/jsonx"
)

// ReadFormerNames reads a mapping of former (or other) unit names to
// current names or codes: a CSV (UTF-8, optional BOM) with two columns
// former,current — a first line whose second cell is "current", "现名" or
// "新名" is a header — or a JSON object {"襄樊": "襄阳"}. A name mapped
// twice, an empty name and a line without two cells are errors naming the
// line (errors are *Error).
func ReadFormerNames(r io.Reader) (map[string]string, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, &Error{"bad-former-names", 0, "无法读取曾用名文件：" + err.Error(), "cannot read the former-names file: " + err.Error()}
	}
	b = bytes.TrimPrefix(b, []byte("\ufeff"))
	out := map[string]string{}
	if t := bytes.TrimSpace(b); len(t) > 0 && t[0] == '{' {
		// Strict (jsonx): one object, nothing after it, no name twice.
		if err := jsonx.Decode(t, &out); err != nil {
			line := 0
			if pe, ok := err.(interface{ Position() (int, int) }); ok {
				line, _ = pe.Position()
			}
			return nil, &Error{"bad-former-names", line, "曾用名 JSON 须为 {\"曾用名\": \"现名\"} 形式的对象：" + diag.Message(err, "zh"), "the former-names JSON must be an object {\"former\": \"current\"}: " + diag.Message(err, "en")}
		}
		for k, v := range out {
			if strings.TrimSpace(k) == "" || strings.TrimSpace(v) == "" {
				return nil, &Error{"bad-former-names", 0, fmt.Sprintf("曾用名 JSON 中“%s”→“%s”有空名称", k, v), fmt.Sprintf("the former-names JSON maps %q to %q: a name is empty", k, v)}
			}
		}
		return out, nil
	}
	cr := csv.NewReader(bytes.NewReader(b))
	cr.FieldsPerRecord = -1
	recs, err := cr.ReadAll()
	if err != nil {
		return nil, &Error{"bad-former-names", 0, "曾用名文件不是有效的 CSV：" + err.Error(), "the former-names file is not valid CSV: " + err.Error()}
	}
	seen := map[string]int{}
	for i, rec := range recs {
		line := i + 1
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue
		}
		if len(rec) != 2 {
			return nil, &Error{"bad-former-names", line, fmt.Sprintf("曾用名文件第 %d 行应有 2 列（曾用名,现名），实有 %d 列", line, len(rec)),
				fmt.Sprintf("former-names file line %d: want 2 columns (former,current), found %d", line, len(rec))}
		}
		f, c := strings.TrimSpace(rec[0]), strings.TrimSpace(rec[1])
		if i == 0 {
			switch strings.ToLower(c) {
			case "current", "现名", "新名", "name", "现用名":
				continue
			}
		}
		if f == "" || c == "" {
			return nil, &Error{"bad-former-names", line, fmt.Sprintf("曾用名文件第 %d 行有空名称", line), fmt.Sprintf("former-names file line %d: a name is empty", line)}
		}
		if prev, dup := seen[key(f)]; dup {
			return nil, &Error{"bad-former-names", line, fmt.Sprintf("曾用名文件第 %d 行的“%s”已在第 %d 行出现", line, f, prev),
				fmt.Sprintf("former-names file line %d: %q was already mapped on line %d", line, f, prev)}
		}
		seen[key(f)] = line
		out[f] = c
	}
	if len(out) == 0 {
		return nil, &Error{"bad-former-names", 0, "曾用名文件中没有映射", "the former-names file maps no name"}
	}
	return out, nil
}
