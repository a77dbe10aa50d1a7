package analysis

import "fmt"

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

func errorf(code, zh, en string, args ...any) *Error {
	return &Error{Code: code, Zh: fmt.Sprintf(zh, args...), En: fmt.Sprintf(en, args...)}
}
