package api

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/nqp-index/nqp/scoring/sample"
	"github.com/nqp-index/nqp/site/hosting"
)

// cli builds the nqp command once per test binary.
func cli(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "nqp")
	if out, err := exec.Command("go", "build", "-o", bin, "../../cmd/nqp").CombinedOutput(); err != nil {
		t.Fatalf("go build nqp: %v\n%s", err, out)
	}
	return bin
}

// Multipart builds a multipart body: files and plain fields.
func Multipart(files map[string][2]string, fields map[string]string) (*bytes.Buffer, string) {
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	for k, f := range files {
		w, _ := mw.CreateFormFile(k, f[0])
		io.WriteString(w, f[1])
	}
	for k, v := range fields {
		mw.WriteField(k, v)
	}
	mw.Close()
	return &b, mw.FormDataContentType()
}

func do(t *testing.T, h http.Handler, method, path, ctype string, body io.Reader) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, path, body)
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// TestSameAsCLI: /score and /validate give the CLI's bytes.
func TestSameAsCLI(t *testing.T) {
	bin := cli(t)
	dir := t.TempDir()
	data := filepath.Join(dir, sample.TechmePanelName)
	os.WriteFile(data, sample.TechmePanelCSV(), 0o644)
	h := Handler()

	for _, preset := range []string{"", "coinr"} {
		out := filepath.Join(dir, "x.json")
		args := []string{"score", data, "-template", "drivers", "-o", out}
		if preset != "" {
			args = append(args, "-preset", preset)
		}
		if b, err := exec.Command(bin, args...).CombinedOutput(); err != nil {
			t.Fatalf("nqp score: %v\n%s", err, b)
		}
		want, _ := os.ReadFile(out)
		body, ct := Multipart(map[string][2]string{"data": {sample.TechmePanelName, string(sample.TechmePanelCSV())}},
			map[string]string{"template": "drivers", "preset": preset})
		rec := do(t, h, "POST", "/api/v1/score", ct, body)
		if rec.Code != 200 || !bytes.Equal(rec.Body.Bytes(), want) {
			t.Errorf("preset %q: score %d, %d bytes, CLI %d bytes; differ", preset, rec.Code, rec.Body.Len(), len(want))
		}
		// The same request as JSON.
		js, _ := json.Marshal(map[string]any{"data": map[string]string{"name": sample.TechmePanelName,
			"base64": base64.StdEncoding.EncodeToString(sample.TechmePanelCSV())}, "template": "drivers", "preset": preset})
		rec = do(t, h, "POST", "/api/v1/score", "application/json", bytes.NewReader(js))
		if rec.Code != 200 || !bytes.Equal(rec.Body.Bytes(), want) {
			t.Errorf("preset %q: JSON score %d differs from the CLI", preset, rec.Code)
		}
	}

	want, err := exec.Command(bin, "inspect", data, "-template", "drivers", "-json").Output()
	if err != nil {
		t.Fatal(err)
	}
	body, ct := Multipart(map[string][2]string{"data": {sample.TechmePanelName, string(sample.TechmePanelCSV())}}, map[string]string{"template": "drivers"})
	rec := do(t, h, "POST", "/api/v1/validate", ct, body)
	if rec.Code != 200 || !bytes.Equal(rec.Body.Bytes(), want) {
		os.WriteFile("/tmp/api_validate.json", rec.Body.Bytes(), 0o644)
		os.WriteFile("/tmp/cli_validate.json", want, 0o644)
		t.Errorf("validate %d: %d bytes, CLI %d bytes (in /tmp/api_validate.json, /tmp/cli_validate.json)", rec.Code, rec.Body.Len(), len(want))
	}
}

func TestErrorsAndHeaders(t *testing.T) {
	h := Handler()
	rec := do(t, h, "GET", "/api/v1/templates", "", nil)
	var tl struct{ Templates []Template }
	if rec.Code != 200 || json.Unmarshal(rec.Body.Bytes(), &tl) != nil || len(tl.Templates) < 3 || tl.Templates[0].Framework == nil {
		t.Errorf("templates: %d %s", rec.Code, rec.Body.String()[:min(200, rec.Body.Len())])
	}
	if rec.Header().Get("Content-Security-Policy") != hosting.CSP || rec.Header().Get("Cache-Control") != "no-store" || rec.Header().Get("Content-Type") != "application/json; charset=utf-8" {
		t.Errorf("headers: %v", rec.Header())
	}
	for _, c := range []struct {
		method, path, ctype, body string
		status                    int
	}{
		{"GET", "/api/v1/nope", "", "", 404},
		{"GET", "/api/v1/score", "", "", 404},
		{"POST", "/api/v1/score", "text/plain", "x", 400},
		{"POST", "/api/v1/score", "application/json", `{"data":{"name":"a.csv","base64":"` + base64.StdEncoding.EncodeToString([]byte("地区,年份,x\n北京,2023,1\n")) + `"},"recipe":{"weights":{"method":"nope"}}}`, 400},
		{"POST", "/api/v1/score", "application/json", `{"data":{"name":"a.csv","base64":"` + base64.StdEncoding.EncodeToString([]byte("nothing here")) + `"}}`, 422},
		{"POST", "/api/v1/validate", "application/json", `{"data":{"name":"a.csv","base64":"` + base64.StdEncoding.EncodeToString([]byte("地区,年份,x\n北京,2023,1\n上海,2023,2\n")) + `"}}`, 200},
	} {
		rec := do(t, h, c.method, c.path, c.ctype, bytes.NewReader([]byte(c.body)))
		var e map[string]any
		if rec.Code != c.status || json.Unmarshal(rec.Body.Bytes(), &e) != nil {
			t.Errorf("%s %s %s: %d %s", c.method, c.path, c.body[:min(30, len(c.body))], rec.Code, rec.Body.String()[:min(300, rec.Body.Len())])
		}
	}
}
