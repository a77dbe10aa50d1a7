// Package api is the JSON API that the Cloudflare Worker (site/worker)
// serves under /api/v1/ for institutions that automate their runs. It uses
// the same engine as the CLI and gives the same bytes as `nqp score -o
// x.json` and `nqp inspect -json` for the same inputs. The browser app
// never calls it.
//
//	GET  /api/v1/             this list
//	GET  /api/v1/templates    the built-in frameworks
//	POST /api/v1/validate     a data file → the ingest report and statistics
//	POST /api/v1/score        a data file (+ recipe, framework) → the result
//
// POST bodies are multipart/form-data with a file part "data" and optional
// parts "recipe" (JSON), "preset", "template", "framework" (a file), and
// ingest options "sheet", "encoding", "layout", "unit_col", "period_col";
// or a JSON object with the same names, files as {"name": …, "base64": …}.
package api

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"

	"github.com/nqp-index/nqp/scoring/analysis"
	"github.com/nqp-index/nqp/scoring/describe"
	"github.com/nqp-index/nqp/scoring/diag"
	"github.com/nqp-index/nqp/scoring/framework"
	"github.com/nqp-index/nqp/scoring/ingest"
	"github.com/nqp-index/nqp/scoring/job"
	"github.com/nqp-index/nqp/scoring/jsonx"
	"github.com/nqp-index/nqp/scoring/pipeline"
	"github.com/nqp-index/nqp/site/hosting"
)

// MaxBody is the largest request accepted.
const MaxBody = 32 << 20

// Handler serves the API; every answer carries the site's headers.
func Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/v1/{$}", index)
	mux.HandleFunc("GET /api/v1/templates", templates)
	mux.HandleFunc("POST /api/v1/validate", limit(validate))
	mux.HandleFunc("POST /api/v1/score", limit(score))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hosting.Apply(w.Header(), hosting.Rules, r.URL.Path)
		if _, pattern := mux.Handler(r); pattern == "" {
			fail(w, http.StatusNotFound, "not-found", "没有这个接口："+r.Method+" "+r.URL.Path, "no such endpoint: "+r.Method+" "+r.URL.Path, nil)
			return
		}
		mux.ServeHTTP(w, r) // POST bodies: limits.go
	})
}

func index(w http.ResponseWriter, r *http.Request) {
	write(w, http.StatusOK, map[string]any{
		"api":       "nqp/v1",
		"endpoints": []string{"GET /api/v1/templates", "POST /api/v1/validate", "POST /api/v1/score"},
	})
}

// Template is one built-in framework as listed by /api/v1/templates.
type Template struct {
	framework.TemplateInfo
	Indicators int                  `json:"indicators"`
	Framework  *framework.Framework `json:"framework"`
}

func templates(w http.ResponseWriter, r *http.Request) {
	var out []Template
	for _, t := range framework.Templates() {
		fw, err := framework.Template(t.Name)
		if err != nil {
			fail(w, http.StatusInternalServerError, "internal", err.Error(), err.Error(), nil)
			return
		}
		out = append(out, Template{t, len(fw.Leaves()), fw})
	}
	write(w, http.StatusOK, map[string]any{"templates": out})
}

// request is a POST body, from either encoding.
type request struct {
	data, fw         file
	recipe           []byte
	preset, template string
	opt              ingest.Options
}

type file struct {
	name string
	b    []byte
}

// jsonFile is a file in a JSON body.
type jsonFile struct {
	Name   string `json:"name"`
	Base64 string `json:"base64"`
}

func parse(r *http.Request) (request, error) {
	var q request
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch ct {
	case "multipart/form-data":
		if err := r.ParseMultipartForm(MaxBody); err != nil {
			return q, err
		}
		read := func(key string) (file, error) {
			f, h, err := r.FormFile(key)
			if errors.Is(err, http.ErrMissingFile) {
				if v := r.FormValue(key); v != "" {
					return file{key, []byte(v)}, nil
				}
				return file{}, nil
			}
			if err != nil {
				return file{}, err
			}
			defer f.Close()
			b, err := io.ReadAll(f)
			return file{h.Filename, b}, err
		}
		var err error
		if q.data, err = read("data"); err != nil {
			return q, err
		}
		if q.fw, err = read("framework"); err != nil {
			return q, err
		}
		rc, err := read("recipe")
		if err != nil {
			return q, err
		}
		q.recipe = rc.b
		q.preset, q.template = r.FormValue("preset"), r.FormValue("template")
		q.opt = ingest.Options{Sheet: r.FormValue("sheet"), Encoding: r.FormValue("encoding"), Layout: r.FormValue("layout"),
			UnitColumn: r.FormValue("unit_col"), PeriodColumn: r.FormValue("period_col")}
	case "application/json":
		var j struct {
			Data      jsonFile        `json:"data"`
			Framework *jsonFile       `json:"framework"`
			Recipe    json.RawMessage `json:"recipe"`
			Preset    string          `json:"preset"`
			Template  string          `json:"template"`
			Sheet     string          `json:"sheet"`
			Encoding  string          `json:"encoding"`
			Layout    string          `json:"layout"`
			UnitCol   string          `json:"unit_col"`
			PeriodCol string          `json:"period_col"`
		}
		// Strict: one JSON value, no unknown key (named by its path).
		if err := jsonx.DecodeReader(r.Body, &j); err != nil {
			return q, err
		}
		b, err := base64.StdEncoding.DecodeString(j.Data.Base64)
		if err != nil {
			return q, fmt.Errorf("data.base64: %v", err)
		}
		q.data = file{j.Data.Name, b}
		if j.Framework != nil {
			b, err := base64.StdEncoding.DecodeString(j.Framework.Base64)
			if err != nil {
				return q, fmt.Errorf("framework.base64: %v", err)
			}
			q.fw = file{j.Framework.Name, b}
		}
		if len(j.Recipe) > 0 && string(j.Recipe) != "null" {
			q.recipe = j.Recipe
		}
		q.preset, q.template = j.Preset, j.Template
		q.opt = ingest.Options{Sheet: j.Sheet, Encoding: j.Encoding, Layout: j.Layout, UnitColumn: j.UnitCol, PeriodColumn: j.PeriodCol}
	default:
		return q, fmt.Errorf("unsupported Content-Type %q: send multipart/form-data or application/json", ct)
	}
	limitIngest(&q.opt)
	if q.data.b == nil {
		return q, errors.New(`the data file is missing (part or field "data")`)
	}
	if q.data.name == "" {
		q.data.name = "data.csv"
	}
	return q, nil
}

func (q request) spec() (job.Spec, error) {
	s := job.Spec{DataName: q.data.name, Data: q.data.b, Ingest: q.opt, Template: q.template}
	if q.fw.b != nil {
		s.FrameworkName, s.FrameworkData = q.fw.name, q.fw.b
	}
	var err error
	if len(q.recipe) > 0 {
		s.Recipe, err = pipeline.ParseRecipe(bytes.NewReader(q.recipe))
	} else {
		// No recipe: the grouping follows the units, as nqp score
		// without -recipe or -groups does (job.FollowGroups).
		s.Recipe, err = pipeline.Preset(q.preset)
		s.FollowGroups = true
	}
	if err != nil {
		return s, err
	}
	s.Recipe.Resolve()
	return s, s.Recipe.Check()
}

// score answers with the result JSON, byte for byte what `nqp score … -o
// result.json` writes.
func score(w http.ResponseWriter, r *http.Request) {
	q, err := parse(r)
	if err != nil {
		parseFailed(w, r, err)
		return
	}
	s, err := q.spec()
	if err != nil {
		fail(w, http.StatusBadRequest, "bad-recipe", "配方有误："+diag.Message(err, "zh"), "invalid recipe: "+diag.Message(err, "en"), nil)
		return
	}
	out, err := job.Run(s)
	if err != nil {
		var re *diag.ReportError
		if errors.As(err, &re) || out.Report.HasErrors() {
			fail(w, http.StatusUnprocessableEntity, "data-errors", "数据有误，见报告", "the data has errors; see the report", out.Report)
			return
		}
		fail(w, http.StatusBadRequest, "bad-request", diag.Message(err, "zh"), diag.Message(err, "en"), out.Report)
		return
	}
	res := out.Result
	if len(res.Recipe.Analyses) > 0 {
		in := pipeline.Input{Data: out.Panel, Framework: out.Framework.Restrict(*out.Match), Columns: out.Match.Mapping}
		if err := analysis.Apply(in, res); err != nil {
			fail(w, http.StatusUnprocessableEntity, "analysis", diag.Message(err, "zh"), diag.Message(err, "en"), out.Report)
			return
		}
	}
	js, err := res.JSON()
	if err != nil {
		fail(w, http.StatusInternalServerError, "internal", err.Error(), err.Error(), nil)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(http.StatusOK)
	w.Write(js)
}

// Validation is the answer of /api/v1/validate: what `nqp inspect -json`
// prints.
type Validation = job.Validation

func validate(w http.ResponseWriter, r *http.Request) {
	q, err := parse(r)
	if err != nil {
		parseFailed(w, r, err)
		return
	}
	s := job.Spec{DataName: q.data.name, Data: q.data.b, Ingest: q.opt, Template: q.template}
	if q.fw.b != nil {
		s.FrameworkName, s.FrameworkData = q.fw.name, q.fw.b
	}
	det := &ingest.Detected{}
	s.Ingest.Detected = det
	p, rep, err := job.ReadData(s)
	if err != nil || p == nil {
		fail(w, http.StatusUnprocessableEntity, "data-errors", "数据有误，见报告", "the data has errors; see the report", rep)
		return
	}
	var match *framework.Match
	if s.FrameworkData != nil || s.Template != "" {
		fw, frep, err := job.ChooseFramework(s, p)
		rep.Merge(frep)
		if err == nil {
			// As `nqp inspect`: a framework matching fewer than half of the
			// numeric columns is kept, with a warning (job.Follow).
			fw, _, frep = job.Follow(fw, s.Requested(), p, false)
			own := s.OwnSample()
			if own {
				job.SampleNotes(&frep)
			}
			rep.Merge(frep)
			m, mrep, merr := job.MatchData(fw, p)
			if own {
				job.SampleNotes(&mrep)
			}
			rep.Merge(mrep)
			if merr == nil {
				// As `nqp inspect`: the match of the framework restricted to
				// the data (the missing indicators are in the report).
				cols := make([]string, len(p.Columns))
				for i, c := range p.Columns {
					cols[i] = c.Name
				}
				rm := fw.Restrict(m).MatchColumns(cols)
				match = &rm
				det.NotInFramework(fw.MatchColumns(cols).Extra)
			}
		}
	}
	periods := make([]string, len(p.Periods))
	for i, x := range p.Periods {
		periods[i] = x.Label
	}
	status := http.StatusOK
	if rep.HasErrors() {
		status = http.StatusUnprocessableEntity
	}
	write(w, status, Validation{File: p.File, Units: len(p.Units), Periods: periods, Rows: len(p.Rows),
		Report: rep, Columns: det.Columns, Stats: describe.Panel(p), Match: match})
}

// write sends v as indented JSON (as the CLI prints it).
func write(w http.ResponseWriter, status int, v any) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.WriteHeader(http.StatusInternalServerError)
		io.WriteString(w, `{"error":"internal","message_zh":"无法编码回答","message_en":"cannot encode the answer"}`+"\n")
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	w.Write(b.Bytes())
}

// Error is the body of every failed request.
type Error struct {
	Code   string       `json:"error"`
	Zh     string       `json:"message_zh"`
	En     string       `json:"message_en"`
	Report *diag.Report `json:"report,omitempty"`
}

func fail(w http.ResponseWriter, status int, code, zh, en string, rep any) {
	e := Error{Code: code, Zh: zh, En: en}
	if r, ok := rep.(diag.Report); ok {
		e.Report = &r
	}
	if status == http.StatusMethodNotAllowed {
		w.Header().Set("Allow", "GET, POST")
	}
	write(w, status, e)
}
