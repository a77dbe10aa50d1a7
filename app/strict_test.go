package app

import (
	"bytes"
	"strings"
	"testing"

	"github.com/nqp-index/nqp/scoring/diag"
	"github.com/nqp-index/nqp/scoring/pipeline"
)

// TestProjectAndModelFilesStrict: a project or model file with a second
// JSON value or an unknown key is refused with a message naming it, in
// separate Chinese and English parts.
func TestProjectAndModelFilesStrict(t *testing.T) {
	var w Workspace
	w.SetSample()
	p := w.ProjectJSON()
	var v Workspace
	err := v.OpenJSON(append(append([]byte{}, p...), []byte("\n{}")...))
	if !strings.Contains(diag.Message(err, "zh"), "项目文件无法读取：JSON 值在第") || !strings.Contains(diag.Message(err, "en"), "cannot read the project file: extra data after the JSON value") {
		t.Errorf("trailing data: %v", err)
	}
	bad := bytes.Replace(p, []byte(`"schema"`), []byte(`"shcema": 1, "schema"`), 1)
	err = v.OpenJSON(bad)
	if !strings.Contains(diag.Message(err, "en"), `unknown JSON key "shcema"`) || strings.Contains(diag.Message(err, "zh"), "unknown") {
		t.Errorf("unknown key: %v", err)
	}

	w.Run()
	m, err := pipeline.Freeze(w.Result)
	if err != nil {
		t.Fatal(err)
	}
	js := modelJSON(&m)
	bad = bytes.Replace(js, []byte(`"recipe"`), []byte(`"recipee": 1, "recipe"`), 1)
	if _, err := openModel(bad); !strings.Contains(diag.Message(err, "zh"), "模型文件无法读取：未知的 JSON 键 “recipee”") {
		t.Errorf("model with an unknown key: %v", err)
	}
	if _, err := openModel(append(js, '}')); !strings.Contains(diag.Message(err, "en"), "cannot read the model file: extra data after the JSON value") {
		t.Errorf("model with trailing data: %v", err)
	}
}
