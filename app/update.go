package app

import (
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// updateCheckEvery is how often the page asks the service worker to look
// for a new version of the site (go-app v10 has no automatic check).
const updateCheckEvery = 15 * time.Minute

// UpdateBanner announces a new version of the site once the service worker
// has installed it, and reloads into it only when the user agrees.
type UpdateBanner struct {
	app.Compo
	Lang      Lang
	available bool
}

// OnMount starts the periodic update check.
func (b *UpdateBanner) OnMount(ctx app.Context) {
	b.available = ctx.AppUpdateAvailable()
	b.schedule(ctx)
}

func (b *UpdateBanner) schedule(ctx app.Context) {
	ctx.After(updateCheckEvery, func(ctx app.Context) {
		app.TryUpdate()
		b.schedule(ctx)
	})
}

// OnAppUpdate is called by go-app when a new version has been installed.
func (b *UpdateBanner) OnAppUpdate(ctx app.Context) { b.available = true }

// Render shows the banner only when an update is waiting (hidden, not
// styled inline: the CSP allows no inline styles).
func (b *UpdateBanner) Render() app.UI {
	msg, button := "新版本已就绪。重新加载以使用新版本（当前会话已保存在本机）。", "重新加载"
	if b.Lang == En {
		msg, button = "A new version is ready. Reload to use it (your session is kept on this device).", "Reload"
	}
	return app.Div().ID("update-banner").Class("update-banner").Hidden(!b.available).Aria("live", "polite").Body(
		app.Span().Text(msg),
		app.Button().ID("update-reload").Text(button).OnClick(func(ctx app.Context, e app.Event) { ctx.Reload() }),
	)
}
