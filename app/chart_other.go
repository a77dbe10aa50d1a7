//go:build !js

package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// Outside the browser (native tests, the static-site generator) there is no
// ECharts: charts are never drawn. See chart_js.go.

func echartsReady() bool { return false }

func withECharts(ctx app.Context, fn func(ok bool)) { fn(false) }

type echartsView struct{}

func (v *echartsView) draw(id string, option map[string]any) error { return nil }
func (v *echartsView) dispose()                                    {}
func (v *echartsView) png() []byte                                 { return nil }
func (v *echartsView) svg(option map[string]any) []byte            { return nil }
