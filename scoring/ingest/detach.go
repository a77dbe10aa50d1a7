package ingest

import (
	"reflect"
	"strings"
	"sync"
	"unsafe"

	"github.com/nqp-index/nqp/scoring/diag"
	"github.com/nqp-index/nqp/scoring/panel"
)

// bytesText returns data as a string without copying it. Text files that
// are valid UTF-8 are split in place this way, which saves a copy of the
// whole file; every string that leaves Read is then detached (below), so
// nothing returned shares memory with data or keeps it alive.
func bytesText(data []byte) string {
	return unsafe.String(unsafe.SliceData(data), len(data))
}

// detach replaces every string reachable from v (a pointer) through
// exported fields, slices, arrays and pointers by a copy.
func detach(v any) {
	detachValue(reflect.ValueOf(v))
}

func detachValue(v reflect.Value) {
	if !hasStrings(v.Type()) {
		return
	}
	switch v.Kind() {
	case reflect.String:
		if v.CanSet() && v.Len() > 0 {
			v.SetString(strings.Clone(v.String()))
		}
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			detachValue(v.Elem())
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				detachValue(v.Field(i))
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			detachValue(v.Index(i))
		}
	}
}

// stringTypes caches hasStrings.
var stringTypes sync.Map // reflect.Type → bool

// hasStrings reports whether a value of type t can hold a string that
// detachValue reaches.
func hasStrings(t reflect.Type) bool {
	if b, ok := stringTypes.Load(t); ok {
		return b.(bool)
	}
	b := typeHasStrings(t, map[reflect.Type]bool{})
	stringTypes.Store(t, b)
	return b
}

// typeHasStrings is hasStrings without the cache; visiting holds the types
// being looked at (a recursive type adds nothing through itself).
func typeHasStrings(t reflect.Type, visiting map[reflect.Type]bool) bool {
	if visiting[t] {
		return false
	}
	visiting[t] = true
	defer delete(visiting, t)
	switch t.Kind() {
	case reflect.String, reflect.Interface:
		return true
	case reflect.Pointer, reflect.Slice, reflect.Array:
		return typeHasStrings(t.Elem(), visiting)
	case reflect.Struct:
		for i := range t.NumField() {
			if f := t.Field(i); f.IsExported() && typeHasStrings(f.Type, visiting) {
				return true
			}
		}
	}
	return false
}

// detach copies the strings of what Read returns (p may be nil) when they
// may be substrings of the caller's bytes.
func (r *reporter) detach(p *panel.Panel, rep *diag.Report) {
	if !r.shared {
		return
	}
	if p != nil {
		detach(p)
	}
	detach(rep)
	detach(r.det)
}
