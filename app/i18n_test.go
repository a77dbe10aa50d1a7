package app

import "testing"

// Every message has both languages.
func TestMessagesComplete(t *testing.T) {
	for k, m := range messages {
		if m[0] == "" || m[1] == "" {
			t.Errorf("message %q lacks a language: %q", k, m)
		}
	}
	if T(Zh, "title") == T(En, "title") {
		t.Error("zh and en titles are the same")
	}
}
