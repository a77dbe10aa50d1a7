package main

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestE2EUpdate publishes a new version of the site under a running page:
// the service worker installs it, the page announces it (the banner shows)
// and only switches when the user clicks reload, after which the new
// version runs.
func TestE2EUpdate(t *testing.T) {
	b := newBrowser(t)
	b.open()
	version := func() string {
		v, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`goappEnv.GOAPP_VERSION`))
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	if err := b.poll(`!!navigator.serviceWorker.controller`); err != nil {
		t.Fatalf("the service worker does not control the page: %v", err)
	}
	v1 := version()
	if hidden, _ := chromedp.Run(b.ctx, chromedp.Evaluate[bool](`document.getElementById('update-banner').hidden`)); !hidden {
		t.Fatal("the update banner shows before there is an update")
	}

	// Publish v2: any change under web/ gives a new content-hash version.
	if err := os.WriteFile(filepath.Join(b.dist, "web", "release.txt"), []byte("v2\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	wd, _ := os.Getwd()
	if err := os.Chdir(".."); err != nil {
		t.Fatal(err)
	}
	err := generate(b.dist)
	os.Chdir(wd)
	if err != nil {
		t.Fatal(err)
	}

	// The page keeps running v1 until the user agrees.
	b.do(chromedp.Evaluate[chromedp.Void](`goappTryUpdate()`))
	if err := b.poll(`!document.getElementById('update-banner').hidden`); err != nil {
		t.Fatalf("the new version was not announced: %v", err)
	}
	if v := version(); v != v1 {
		t.Errorf("the page switched to %s before the user agreed", v)
	}
	b.do(chromedp.Click(chromedp.ID("update-reload")))
	// The reload replaces the page's JavaScript context; retry until the
	// new page answers.
	var err2 error
	for i := 0; i < 120; i++ {
		time.Sleep(500 * time.Millisecond)
		if err2 = b.poll(`typeof goappEnv !== 'undefined' && goappEnv.GOAPP_VERSION !== '` + v1 + `' && document.querySelectorAll('#ranking tbody tr').length === 31`); err2 == nil {
			break
		}
	}
	if err2 != nil {
		t.Fatalf("after reload the new version does not run: %v", err2)
	}
	b.check()
}
