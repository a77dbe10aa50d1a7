package analysis

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/nqp-index/nqp/scoring/jsonx"
	"github.com/nqp-index/nqp/scoring/pipeline"
)

// Uncertain is one uncertain input of an uncertainty or sensitivity
// analysis (COINr's SA_specs entry). It is either a recipe choice — the
// JSON value at Path of the recipe is replaced by one of Alternatives, e.g.
// Path "aggregate.method" with alternatives "amean" and "gmean", or Path
// "normalise" with {"method":"minmax","lower":1,"upper":100} and
// {"method":"zscore","mean":10,"sd":2} — or weight noise: NoiseSets
// replicate weight sets w' = w + U(−1, 1)·f·w, with f per level as in
// Noise, drawn once from the seed (COINr's get_noisy_weights); each run
// picks one of them. A run draws u ~ U(0, 1) per input and takes
// alternative ⌊u·k⌋ of k (COINr's ceiling(u·k), 1-based).
type Uncertain struct {
	Name         string            `json:"name"`
	Path         string            `json:"path,omitempty"`
	Alternatives []json.RawMessage `json:"alternatives,omitempty"`
	Noise        []LevelNoise      `json:"noise,omitempty"`
	NoiseSets    int               `json:"noise_sets,omitempty"` // default 100
}

// LevelNoise is the noise factor f of one framework level (1 = indicators).
type LevelNoise struct {
	Level  int     `json:"level"`
	Factor float64 `json:"factor"`
}

// Choice returns a recipe choice input whose alternatives are JSON
// encodings of the given Go values.
func Choice(name, path string, alternatives ...any) Uncertain {
	u := Uncertain{Name: name, Path: path}
	for _, a := range alternatives {
		b, err := json.Marshal(a)
		if err != nil {
			panic(err)
		}
		u.Alternatives = append(u.Alternatives, b)
	}
	return u
}

// WeightNoise returns a weight-noise input with factor f at each level.
func WeightNoise(name string, f float64, levels ...int) Uncertain {
	u := Uncertain{Name: name}
	for _, l := range levels {
		u.Noise = append(u.Noise, LevelNoise{Level: l, Factor: f})
	}
	return u
}

func (u Uncertain) isNoise() bool { return len(u.Noise) > 0 }

// size is the number of alternatives k.
func (u Uncertain) size() int {
	if u.isNoise() {
		if u.NoiseSets <= 0 {
			return 100
		}
		return u.NoiseSets
	}
	return len(u.Alternatives)
}

func (u Uncertain) check() error {
	switch {
	case u.isNoise() && u.Path != "":
		return errorf("bad-input", "不确定输入 %s 不能同时是配方替换和权重扰动", "uncertain input %s cannot be both a recipe choice and weight noise", u.Name)
	case u.isNoise():
		for _, n := range u.Noise {
			if n.Level < 1 || !(n.Factor >= 0) {
				return errorf("bad-input", "不确定输入 %s：层级须 ≥ 1、扰动系数须非负", "uncertain input %s: levels must be ≥ 1 and factors non-negative", u.Name)
			}
		}
	case u.Path == "" || len(u.Alternatives) == 0:
		return errorf("bad-input", "不确定输入 %s 需要配方路径和至少一个备选值", "uncertain input %s needs a recipe path and at least one alternative", u.Name)
	}
	return nil
}

// pick maps u in [0, 1) to an alternative index.
func pick(u float64, k int) int {
	i := int(u * float64(k))
	if i >= k {
		i = k - 1
	}
	return i
}

// EditRecipe returns r with the JSON value at the dotted path replaced by
// value, resolved and checked. Unknown fields are errors.
func EditRecipe(r pipeline.Recipe, path string, value json.RawMessage) (pipeline.Recipe, error) {
	var tree map[string]any
	b, _ := json.Marshal(r)
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	if err := dec.Decode(&tree); err != nil {
		return r, err
	}
	var v any
	if err := jsonx.Decode(value, &v); err != nil {
		return r, errorf("bad-input", "备选值不是有效的 JSON：%v", "the alternative is not valid JSON: %v", err)
	}
	keys := strings.Split(path, ".")
	node := tree
	for i, k := range keys {
		if i == len(keys)-1 {
			node[k] = v
			// A new method of normalise, weights or aggregate keeps only
			// the keys it reads: the old method's options would be
			// rejected (or, worse, silently ignored).
			if m, isStr := v.(string); isStr && k == "method" && len(keys) == 2 {
				if known, ok := pipeline.SectionKeys(keys[0], m); ok {
					for key := range node {
						if !slices.Contains(known, key) {
							delete(node, key)
						}
					}
				}
			}
			break
		}
		next, ok := node[k].(map[string]any)
		if !ok {
			next = map[string]any{}
			node[k] = next
		}
		node = next
	}
	b, _ = json.Marshal(tree)
	out, err := pipeline.ParseRecipe(bytes.NewReader(b))
	if err != nil {
		return r, errorf("bad-input", "配方路径 %s 的备选值无效：%v", "invalid alternative at recipe path %s: %v", path, err)
	}
	return out, nil
}

// noiseSets draws the replicate noise multipliers of input k: sets[s][i]
// is the additive noise factor (2u − 1)·f of node i (0 at other levels).
func noiseSets(u Uncertain, k int, seed uint64, levels []int) [][]float64 {
	f := map[int]float64{}
	for _, n := range u.Noise {
		f[n.Level] = n.Factor
	}
	sets := make([][]float64, u.size())
	for s := range sets {
		rng := rand.New(rand.NewPCG(seed^0x6e6f697365, uint64(k)<<32|uint64(s)))
		sets[s] = make([]float64, len(levels))
		for i, l := range levels {
			if fl, ok := f[l]; ok {
				sets[s][i] = (rng.Float64()*2 - 1) * fl
			}
		}
	}
	return sets
}

func (u Uncertain) label() string {
	if u.Name != "" {
		return u.Name
	}
	if u.Path != "" {
		return u.Path
	}
	return fmt.Sprintf("noise%v", u.Noise)
}
