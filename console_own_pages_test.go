package main

import (
	"context"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"mpbot/bot"
)

// TestConsoleOwnPagesOverPlainHTTP: login, the try box reached from the dashboard's
// link, and logout, each from the console's own pages in headless chromium,
// at 127.0.0.1, localhost and a host name over plain http (console.lan
// mapped to 127.0.0.1): Origin: null is refused now, and none of these may
// send it.
func TestConsoleOwnPagesOverPlainHTTP(t *testing.T) {
	chrome := browser(t)
	const token = "the-console-token-of-a-test"
	c := stubConsole(token, nil, func(_ context.Context, _, text string) []bot.Reply {
		return []bot.Reply{{Type: bot.ReplyText, Text: "answered " + text}}
	})
	srv := httptest.NewServer(c)
	defer srv.Close()
	u, _ := url.Parse(srv.URL)
	for _, host := range []string{"127.0.0.1", "localhost", "console.lan"} {
		t.Run(host, func(t *testing.T) {
			base := "http://" + host + ":" + u.Port()
			ctx := consoleBrowser(t, chrome)
			body := func() string {
				s, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body ? document.body.innerText : ""`)) // by script: a node looked up while the page changes had failed under load
				if err != nil {
					t.Fatal(err)
				}
				return s
			}
			// Unauthenticated /try: to the login form, then in, back at
			// the page asked for.
			if err := chromedp.Do(ctx, chromedp.Navigate(base+"/try"), chromedp.WaitVisible(chromedp.CSS("#token")),
				chromedp.SendKeys(chromedp.CSS("#token"), token), chromedp.Submit(chromedp.CSS("#token"))); err != nil {
				t.Fatal(err)
			}
			pageShows(ctx, t, "the login's answer", `document.querySelector('input[name=text]') !== null || document.body.innerText.includes('refused')`)
			if b := body(); strings.Contains(b, "refused") {
				t.Fatalf("login at %s: %.200q", base, b)
			}
			// The dashboard, then the try box by its link, a text and a
			// follow-up.
			if err := chromedp.Do(ctx, chromedp.Navigate(base+"/"), chromedp.WaitVisible(chromedp.CSS(".stats")),
				chromedp.Click(chromedp.CSS(`a[href="/try"]`)), chromedp.WaitVisible(chromedp.CSS("input[name=text]")),
				chromedp.SendKeys(chromedp.CSS("input[name=text]"), "枫桥经验"), chromedp.Submit(chromedp.CSS("input[name=text]"))); err != nil {
				t.Fatal(err)
			}
			pageShows(ctx, t, "the try box's answer", `document.body.innerText.includes('answered') || document.body.innerText.includes('refused')`)
			if b := body(); !strings.Contains(b, "answered 枫桥经验") {
				t.Fatalf("try box at %s: %.200q", base, b)
			}
			if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.CSS("input[name=text]"), "2"), chromedp.Submit(chromedp.CSS("input[name=text]"))); err != nil {
				t.Fatal(err)
			}
			pageShows(ctx, t, "the follow-up's answer", `document.body.innerText.includes('answered 2') || document.body.innerText.includes('refused')`)
			if b := body(); !strings.Contains(b, "answered 2") {
				t.Fatalf("try box follow-up at %s: %.200q", base, b)
			}
			// Logout by the header's button.
			if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`form[action="/logout"] button`))); err != nil {
				t.Fatal(err)
			}
			pageShows(ctx, t, "the logout's answer", `document.querySelector('#token') !== null || document.body.innerText.includes('refused')`)
			if err := chromedp.Do(ctx, chromedp.Navigate(base+"/"), chromedp.WaitReady(chromedp.CSS("body"))); err != nil {
				t.Fatal(err)
			}
			pageShows(ctx, t, "the page after logout", `document.readyState === "complete"`)
			if b := body(); strings.Contains(b, "概览") {
				t.Errorf("still logged in at %s after 退出: %.200q", base, b)
			}
		})
	}
}
