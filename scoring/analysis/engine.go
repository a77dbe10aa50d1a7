package analysis

import (
	"errors"
	"math"
	"runtime"
	"strconv"
	"strings"
	"sync"

	"github.com/nqp-index/nqp/scoring/diag"
	"github.com/nqp-index/nqp/scoring/pipeline"
)

// engine regenerates the index for a choice of alternatives. Recipe
// choices are grouped into stages (one nominal pipeline.Run per distinct
// combination, cached); weight noise and removed elements re-aggregate a
// stage with edited weights, through pipeline.Run with manual weights or,
// when the stage allows it, through a fast path that reuses the stage's
// normalised data and gives bit-identical scores.
type engine struct {
	in       pipeline.Input
	base     pipeline.Recipe
	inputs   []Uncertain
	code     string // aggregate ranked
	noFast   bool
	nominal  *pipeline.Result
	col      int   // column of code in Scores
	periodOf []int // per nominal row
	levels   []int // per tree node of the nominal result (pre-order)
	noise    [][][]float64

	mu     sync.Mutex
	stages map[string]*stage
}

type stage struct {
	once   sync.Once
	recipe pipeline.Recipe
	res    *pipeline.Result
	err    error
	rel    []float64 // nominal relative weights, pre-order
	fast   *fastModel
	same   bool // rows identical to the nominal run's
}

func newEngine(in pipeline.Input, base pipeline.Recipe, inputs []Uncertain, code string, seed uint64, noFast bool) (*engine, error) {
	base.Resolve()
	e := &engine{in: in, base: base, inputs: inputs, code: code, noFast: noFast, stages: map[string]*stage{}}
	for _, u := range inputs {
		if err := u.check(); err != nil {
			return nil, err
		}
	}
	res, err := pipeline.Run(in, base)
	if err != nil {
		return nil, err
	}
	e.nominal = res
	e.col = 0
	if code != "" {
		if e.col = res.AggregateIndex(code); e.col < 0 {
			return nil, errorf("unknown-aggregate", "结果中没有汇总项 %s", "the result has no aggregate %s", code)
		}
	}
	e.code = res.Aggregates[e.col]
	for _, o := range res.Rows {
		e.periodOf = append(e.periodOf, o.Period)
	}
	for _, n := range res.Weights[0].Nodes {
		e.levels = append(e.levels, n.Level)
	}
	e.noise = make([][][]float64, len(inputs))
	for k, u := range inputs {
		if u.isNoise() {
			e.noise[k] = noiseSets(u, k, seed, e.levels)
		} else {
			// check every alternative once, up front
			for _, a := range u.Alternatives {
				if _, err := EditRecipe(base, u.Path, a); err != nil {
					return nil, err
				}
			}
		}
	}
	return e, nil
}

// stageOf returns the stage for the recipe choices in choice (noise
// inputs ignored), computing it once.
func (e *engine) stageOf(choice []int) *stage {
	var key strings.Builder
	for k, u := range e.inputs {
		if !u.isNoise() {
			key.WriteString(strconv.Itoa(choice[k]))
		}
		key.WriteByte(',')
	}
	e.mu.Lock()
	s, ok := e.stages[key.String()]
	if !ok {
		s = &stage{}
		e.stages[key.String()] = s
	}
	e.mu.Unlock()
	s.once.Do(func() { e.build(s, choice) })
	return s
}

func (e *engine) build(s *stage, choice []int) {
	r := e.base
	for k, u := range e.inputs {
		if u.isNoise() {
			continue
		}
		var err error
		if r, err = EditRecipe(r, u.Path, u.Alternatives[choice[k]]); err != nil {
			s.err = err
			return
		}
	}
	s.recipe = r
	s.res, s.err = pipeline.Run(e.in, r)
	if s.err != nil {
		return
	}
	s.same = sameRows(s.res, e.nominal)
	if len(s.res.Weights) == 1 {
		for _, n := range s.res.Weights[0].Nodes {
			s.rel = append(s.rel, n.Relative)
		}
	}
	if !e.noFast && s.same && s.rel != nil {
		if f := newFastModel(s.res, e.col); f != nil {
			// use it only if it reproduces pipeline.Run bit for bit
			want, err := e.slowWeights(s, s.rel)
			got, ferr := f.scores(s.rel)
			if (err == nil) == (ferr == nil) && equalBits(want, got) {
				s.fast = f
			}
		}
	}
}

func sameRows(a, b *pipeline.Result) bool {
	if len(a.Rows) != len(b.Rows) || len(a.Units) != len(b.Units) || len(a.Periods) != len(b.Periods) {
		return false
	}
	for i := range a.Rows {
		if a.Rows[i] != b.Rows[i] {
			return false
		}
	}
	for i := range a.Units {
		if a.Units[i].Code != b.Units[i].Code {
			return false
		}
	}
	for i := range a.Periods {
		if a.Periods[i].Label != b.Periods[i].Label {
			return false
		}
	}
	return true
}

func equalBits(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if math.Float64bits(a[i]) != math.Float64bits(b[i]) && !(math.IsNaN(a[i]) && math.IsNaN(b[i])) {
			return false
		}
	}
	return true
}

// column returns the ranked aggregate of a stage result, aligned with the
// nominal rows (NaN where a row is missing).
func (e *engine) column(res *pipeline.Result) []float64 {
	col := res.AggregateIndex(e.code)
	out := make([]float64, len(e.nominal.Rows))
	if sameRows(res, e.nominal) {
		for i := range out {
			out[i] = res.Scores[i][col]
		}
		return out
	}
	key := map[[2]string]int{}
	for i, o := range res.Rows {
		key[[2]string{res.Units[o.Unit].Code, res.Periods[o.Period].Label}] = i
	}
	for i, o := range e.nominal.Rows {
		out[i] = math.NaN()
		if j, ok := key[[2]string{e.nominal.Units[o.Unit].Code, e.nominal.Periods[o.Period].Label}]; ok {
			out[i] = res.Scores[j][col]
		}
	}
	return out
}

// slowWeights re-runs a stage with manual weights raw (pre-order).
func (e *engine) slowWeights(s *stage, raw []float64) ([]float64, error) {
	fw := s.res.Framework.Clone()
	for i, n := range s.res.Weights[0].Nodes {
		fw.Node(n.Code).Weight = raw[i]
	}
	r := s.recipe
	r.Weights = pipeline.Weights{Method: pipeline.WManual}
	in := e.in
	in.Framework = fw
	res, err := pipeline.Run(in, r)
	if err != nil {
		return nil, err
	}
	return e.column(res), nil
}

// eval returns the scores of the ranked aggregate for one choice.
func (e *engine) eval(choice []int) ([]float64, error) {
	s := e.stageOf(choice)
	if s.err != nil {
		return nil, s.err
	}
	var raw []float64
	for k, u := range e.inputs {
		if !u.isNoise() {
			continue
		}
		if s.rel == nil {
			return nil, errorf("noise-periods", "按时期分别赋权时不能加权重扰动", "weight noise needs one weight set (not per-period weights)")
		}
		if raw == nil {
			raw = append([]float64(nil), s.rel...)
		}
		for i, f := range e.noise[k][choice[k]] {
			raw[i] += f * s.rel[i]
		}
	}
	if raw == nil {
		return e.column(s.res), nil
	}
	return e.withWeights(s, raw)
}

// withWeights re-aggregates stage s with the raw weights (pre-order).
func (e *engine) withWeights(s *stage, raw []float64) ([]float64, error) {
	if s.fast != nil {
		return s.fast.scores(raw)
	}
	return e.slowWeights(s, raw)
}

// failed reports whether err is a data failure of one run (the run counts
// as missing, as COINr's failed regenerations), not a usage error.
func failed(err error) bool {
	var re *diag.ReportError
	return errors.As(err, &re) || errors.Is(err, errFast)
}

// parallelRuns calls f(0..n−1) on up to workers goroutines (0 = GOMAXPROCS).
// Each call writes only its own outputs.
func parallelRuns(n, workers int, f func(i int)) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	if workers > n {
		workers = n
	}
	if workers <= 1 {
		for i := 0; i < n; i++ {
			f(i)
		}
		return
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	next := 0
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				mu.Lock()
				i := next
				next++
				mu.Unlock()
				if i >= n {
					return
				}
				f(i)
			}
		}()
	}
	wg.Wait()
}

// rankDesc ranks scores within each period, largest first, ties sharing
// the lower rank (R's rank(−x, ties = "min")); missing scores get 0.
func rankDesc(x []float64, periodOf []int, out []int) {
	np := 0
	for _, p := range periodOf {
		if p+1 > np {
			np = p + 1
		}
	}
	for i, v := range x {
		out[i] = 0
		if math.IsNaN(v) {
			continue
		}
		r := 1
		for j, w := range x {
			if periodOf[j] == periodOf[i] && w > v {
				r++
			}
		}
		out[i] = r
	}
}
