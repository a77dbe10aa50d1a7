package jsonx

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"github.com/nqp-index/nqp/scoring/diag"
)

// KeyError reports a key that is not accepted where it appears.
type KeyError struct {
	// Path is the key's full path, e.g. "aggregate.params.zeta" or
	// "weights.combine.bases[1].zeta".
	Path string
	// Key is the key itself ("zeta").
	Key string
	// Known lists the keys accepted at that place, sorted.
	Known []string
	// For names what the known keys belong to, when they depend on a choice
	// (e.g. "gra" for the keys of that method); "" otherwise.
	For string
	// Duplicate is set when the key is known but appears twice.
	Duplicate bool
	// Line and Col locate the key in the input (1-based; 0 when the key was
	// checked outside a JSON text, as by UnknownKey).
	Line, Col int
}

// at renders the key's position, or "" when it has none.
func (e *KeyError) at(zh bool) string {
	switch {
	case e.Line == 0:
		return ""
	case zh:
		return "（第 " + strconv.Itoa(e.Line) + " 行第 " + strconv.Itoa(e.Col) + " 列）"
	}
	return " at line " + strconv.Itoa(e.Line) + ", column " + strconv.Itoa(e.Col)
}

// Zh returns the Chinese message.
func (e *KeyError) Zh() string { return e.zh() + e.at(true) }

func (e *KeyError) zh() string {
	if e.Duplicate {
		return "JSON 键 “" + e.Path + "” 出现了两次"
	}
	if len(e.Known) == 0 {
		if e.For != "" {
			return "未知的 JSON 键 “" + e.Path + "”（" + e.For + " 不接受任何键）"
		}
		return "未知的 JSON 键 “" + e.Path + "”（此处不接受任何键）"
	}
	if e.For != "" {
		return "未知的 JSON 键 “" + e.Path + "”（" + e.For + " 可用的键：" + strings.Join(e.Known, ", ") + "）"
	}
	return "未知的 JSON 键 “" + e.Path + "”（可用的键：" + strings.Join(e.Known, ", ") + "）"
}

// En returns the English message.
func (e *KeyError) En() string { return e.en() + e.at(false) }

func (e *KeyError) en() string {
	if e.Duplicate {
		return "JSON key " + strconv.Quote(e.Path) + " appears twice"
	}
	if len(e.Known) == 0 {
		if e.For != "" {
			return "unknown JSON key " + strconv.Quote(e.Path) + " (" + e.For + " accepts no key)"
		}
		return "unknown JSON key " + strconv.Quote(e.Path) + " (no key is accepted there)"
	}
	if e.For != "" {
		return "unknown JSON key " + strconv.Quote(e.Path) + " (known keys for " + e.For + ": " + strings.Join(e.Known, ", ") + ")"
	}
	return "unknown JSON key " + strconv.Quote(e.Path) + " (known keys: " + strings.Join(e.Known, ", ") + ")"
}

// Error returns "zh / en".
func (e *KeyError) Error() string { return e.Zh() + " / " + e.En() }

// Position returns the key's line and column (0, 0 when unknown).
func (e *KeyError) Position() (line, col int) { return e.Line, e.Col }

// SyntaxError is any other decoding error at a place in the input: a
// syntax error, trailing data, a value of the wrong type.
type SyntaxError struct {
	Line, Col int
	zh, en    string
}

// Zh returns the Chinese message.
func (e *SyntaxError) Zh() string { return e.zh }

// En returns the English message.
func (e *SyntaxError) En() string { return e.en }

// Error returns "zh / en".
func (e *SyntaxError) Error() string { return e.zh + " / " + e.en }

// Position returns the line and column of the error (0, 0 when unknown).
func (e *SyntaxError) Position() (line, col int) { return e.Line, e.Col }

func posErr(line, col int, zh, en string, a ...any) error {
	return &SyntaxError{Line: line, Col: col, zh: fmt.Sprintf(zh, a...), en: fmt.Sprintf(en, a...)}
}

// UnknownKey builds the error for a key that is not among known; callers
// that validate keys themselves (a method's parameters in a map) use it so
// that every such message reads the same.
func UnknownKey(path string, known []string) error { return UnknownKeyFor(path, known, "") }

// UnknownKeyFor is UnknownKey for keys that depend on a choice named by
// what (e.g. "gra", or "normalize=minmax, weighting=entropy, method=wsm").
func UnknownKeyFor(path string, known []string, what string) error {
	key := path
	if i := strings.LastIndexAny(path, ".]"); i >= 0 {
		key = path[i+1:]
	}
	seen := map[string]bool{}
	k := make([]string, 0, len(known))
	for _, v := range known {
		if !seen[v] {
			seen[v] = true
			k = append(k, v)
		}
	}
	sort.Strings(k)
	return &KeyError{Path: path, Key: key, Known: k, For: what}
}

// Join returns the path of key inside the object at path.
func Join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// Decode decodes exactly one JSON value from data into v (a pointer). It
// fails, with a bilingual error, on a syntax error (with line and column),
// trailing data after the value, empty input, a duplicated key, a key the
// type of v does not declare at any depth (a *KeyError) and a value of the
// wrong type (with its field path). Keys must match their json tags
// exactly. Values of types with their own UnmarshalJSON are checked by
// that method only.
func Decode(data []byte, v any) error {
	t := reflect.TypeOf(v)
	if t == nil || t.Kind() != reflect.Pointer {
		return errors.New("jsonx: Decode needs a non-nil pointer")
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return diag.Errorf("JSON 内容为空", "the JSON input is empty")
	}
	w := walker{dec: json.NewDecoder(bytes.NewReader(data)), data: data}
	w.dec.UseNumber()
	if err := w.value(t.Elem(), ""); err != nil {
		return err
	}
	off := w.dec.InputOffset()
	if _, err := w.dec.Token(); err != io.EOF {
		line, col := lineCol(data, off+int64(len(data[off:])-len(bytes.TrimLeft(data[off:], " \t\r\n"))))
		return posErr(line, col, "JSON 值在第 %d 行第 %d 列结束后还有多余内容（只能有一个 JSON 值）", "extra data after the JSON value at line %d, column %d (only one value is allowed)", line, col)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			line, col := lineCol(data, te.Offset)
			where := te.Field
			if where == "" {
				where = "(top)"
			}
			return posErr(line, col, "JSON 键 “%s” 的值类型不对：应为 %s（第 %d 行第 %d 列）", "JSON key %q has a value of the wrong type: expected %s (line %d, column %d)", where, te.Type.String(), line, col)
		}
		return diag.Errorf("JSON 无法读取：%v", "cannot read the JSON: %v", err.Error())
	}
	return nil
}

// DecodeReader reads r to its end and decodes it with Decode.
func DecodeReader(r io.Reader, v any) error {
	b, err := io.ReadAll(r)
	if err != nil {
		return diag.Errorf("无法读取 JSON：%v", "cannot read the JSON: %v", err.Error())
	}
	return Decode(b, v)
}

type walker struct {
	dec  *json.Decoder
	data []byte
}

var (
	unmarshaler     = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
)

// checked returns the type whose keys are checked for a value of type t,
// or nil when the value is not checked (interfaces, raw messages, types
// with their own UnmarshalJSON).
func checked(t reflect.Type) reflect.Type {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == nil || t.Kind() == reflect.Interface {
		return nil
	}
	if t.Implements(unmarshaler) || reflect.PointerTo(t).Implements(unmarshaler) ||
		t.Implements(textUnmarshaler) || reflect.PointerTo(t).Implements(textUnmarshaler) {
		return nil
	}
	return t
}

func (w *walker) syntax(err error) error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		line, col := lineCol(w.data, se.Offset)
		return posErr(line, col, "JSON 格式错误（第 %d 行第 %d 列）：%s", "JSON syntax error at line %d, column %d: %s", line, col, se.Error())
	}
	if err == io.EOF || errors.Is(err, io.ErrUnexpectedEOF) {
		return diag.Errorf("JSON 不完整（意外结束）", "the JSON ends unexpectedly")
	}
	return diag.Errorf("JSON 格式错误：%s", "JSON syntax error: %s", err.Error())
}

// keyStart returns the offset of the key token just read: the opening
// quote before the decoder's offset.
func (w *walker) keyStart() int64 {
	off := w.dec.InputOffset()
	if off > int64(len(w.data)) {
		off = int64(len(w.data))
	}
	i := off - 1 // the closing quote
	for i > 0 {
		i--
		if w.data[i] == '"' && w.data[i-1] != '\\' {
			return i
		}
	}
	return 0
}

// value reads one value whose Go type is t (nil: not checked).
func (w *walker) value(t reflect.Type, path string) error {
	tok, err := w.dec.Token()
	if err != nil {
		return w.syntax(err)
	}
	d, ok := tok.(json.Delim)
	if !ok {
		return nil
	}
	t = checked(t)
	switch d {
	case '[':
		var elem reflect.Type
		if t != nil && (t.Kind() == reflect.Slice || t.Kind() == reflect.Array) {
			elem = t.Elem()
		}
		for i := 0; w.dec.More(); i++ {
			if err := w.value(elem, path+"["+strconv.Itoa(i)+"]"); err != nil {
				return err
			}
		}
	case '{':
		var fields map[string]reflect.Type
		var elem reflect.Type
		if t != nil {
			switch t.Kind() {
			case reflect.Struct:
				fields = fieldsOf(t)
			case reflect.Map:
				elem = t.Elem()
			}
		}
		seen := map[string]bool{}
		for w.dec.More() {
			kt, err := w.dec.Token()
			if err != nil {
				return w.syntax(err)
			}
			key, _ := kt.(string)
			p := Join(path, key)
			line, col := lineCol(w.data, w.keyStart())
			if seen[key] {
				return &KeyError{Path: p, Key: key, Duplicate: true, Line: line, Col: col}
			}
			seen[key] = true
			vt := elem
			if fields != nil {
				ft, ok := fields[key]
				if !ok {
					known := make([]string, 0, len(fields))
					for k := range fields {
						known = append(known, k)
					}
					ke := UnknownKey(p, known).(*KeyError)
					ke.Line, ke.Col = line, col
					return ke
				}
				vt = ft
			}
			if err := w.value(vt, p); err != nil {
				return err
			}
		}
	}
	if _, err := w.dec.Token(); err != nil { // the closing delimiter
		return w.syntax(err)
	}
	return nil
}

// fieldsOf returns the JSON keys of struct type t with their types, as
// encoding/json names them (tags, untagged exported names, promoted fields
// of embedded structs).
func fieldsOf(t reflect.Type) map[string]reflect.Type {
	out := map[string]reflect.Type{}
	var add func(t reflect.Type)
	add = func(t reflect.Type) {
		var embedded []reflect.Type
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			tag := f.Tag.Get("json")
			if tag == "-" {
				continue
			}
			name, _, _ := strings.Cut(tag, ",")
			if f.Anonymous && name == "" {
				ft := f.Type
				if ft.Kind() == reflect.Pointer {
					ft = ft.Elem()
				}
				if ft.Kind() == reflect.Struct {
					embedded = append(embedded, ft) // outer fields take precedence
					continue
				}
			}
			if !f.IsExported() {
				continue
			}
			if name == "" {
				name = f.Name
			}
			if _, dup := out[name]; !dup {
				out[name] = f.Type
			}
		}
		for _, e := range embedded {
			add(e)
		}
	}
	add(t)
	return out
}

// lineCol converts a byte offset into a 1-based line and column (in runes).
func lineCol(data []byte, off int64) (line, col int) {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	if off < 0 {
		off = 0
	}
	pre := data[:off]
	line = bytes.Count(pre, []byte("\n")) + 1
	last := bytes.LastIndexByte(pre, '\n')
	col = len([]rune(string(pre[last+1:]))) + 1
	return line, col
}
