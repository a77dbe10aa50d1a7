package diag

import "fmt"

// Bilingual is an error whose message exists in Chinese and in English,
// built from separate parts (never split from one string).
type Bilingual interface {
	error
	Zh() string
	En() string
}

// Err is the engine's bilingual error. Error returns "zh / en" for callers
// that only know the error interface; use Zh, En or Message to show one
// language.
type Err struct {
	zh, en string
	cause  error
}

// Zh returns the Chinese message.
func (e *Err) Zh() string { return e.zh }

// En returns the English message.
func (e *Err) En() string { return e.en }

// Error returns both messages, Chinese first: "zh / en".
func (e *Err) Error() string { return e.zh + " / " + e.en }

// Unwrap returns the error e was built from (by Wrap or an error argument
// of Errorf), if any.
func (e *Err) Unwrap() error { return e.cause }

// Errorf builds a bilingual error: zh and en are formats that receive the
// same arguments. An argument that is itself Bilingual is replaced by its
// Chinese text in zh and its English text in en, so messages never nest one
// language inside the other; the first error argument becomes the cause.
func Errorf(zh, en string, a ...any) error {
	za, ea := make([]any, len(a)), make([]any, len(a))
	var cause error
	for i, v := range a {
		za[i], ea[i] = v, v
		if err, ok := v.(error); ok {
			if cause == nil {
				cause = err
			}
			za[i], ea[i] = Message(err, "zh"), Message(err, "en")
		}
	}
	return &Err{zh: fmt.Sprintf(zh, za...), en: fmt.Sprintf(en, ea...), cause: cause}
}

// Wrap prefixes err's messages with zh and en (e.g. "无法读取配方：",
// "cannot read the recipe: "). A nil err gives nil.
func Wrap(err error, zh, en string) error {
	if err == nil {
		return nil
	}
	return &Err{zh: zh + Message(err, "zh"), en: en + Message(err, "en"), cause: err}
}

// Message returns err's message in lang ("zh"; anything else is English):
// the matching part of a Bilingual error, a Problem, a ReportError (its
// first error, rendered in lang) or an error with a Message(lang) method,
// else err.Error(). Only err itself is
// examined, not the errors it wraps, so no prefix is lost. A nil err gives "".
func Message(err error, lang string) string {
	switch e := err.(type) {
	case nil:
		return ""
	case Bilingual:
		if lang == "zh" {
			return e.Zh()
		}
		return e.En()
	case Problem:
		return e.Message(lang)
	case *ReportError:
		return e.Message(lang)
	case interface{ Message(lang string) string }:
		return e.Message(lang)
	}
	return err.Error()
}
