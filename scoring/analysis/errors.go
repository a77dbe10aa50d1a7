package analysis

import (
	"fmt"

	"github.com/nqp-index/nqp/scoring/diag"
)

// Error is an analysis error with a Chinese and an English message.
type Error struct {
	Code string // stable identifier, e.g. "too-few-units"
	Zh   string
	En   string
}

// Error returns both messages, Chinese first.
func (e *Error) Error() string { return e.Zh + " / " + e.En }

// Message returns the message in lang ("zh" or "en").
func (e *Error) Message(lang string) string {
	if lang == "zh" {
		return e.Zh
	}
	return e.En
}

// errorf builds an Error; zh and en receive the same arguments, except that
// an error argument gives its own Chinese or English text (diag.Message),
// so that one language never nests in the other.
func errorf(code, zh, en string, args ...any) *Error {
	za, ea := make([]any, len(args)), make([]any, len(args))
	for i, a := range args {
		za[i], ea[i] = a, a
		if err, ok := a.(error); ok {
			za[i], ea[i] = diag.Message(err, "zh"), diag.Message(err, "en")
		}
	}
	return &Error{Code: code, Zh: fmt.Sprintf(zh, za...), En: fmt.Sprintf(en, ea...)}
}
