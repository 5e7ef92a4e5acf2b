package main

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"

	"mpbot/bot"
)

// TestConsoleFromAnotherPortOverPlainHTTP: the console served over plain
// http at a host name (as at a LAN address, admin.addr 0.0.0.0:8081 opened
// as http://192.168.1.5:8081; here console.lan mapped to 127.0.0.1). A page
// on another port of the same host (same site, so the SameSite=Strict
// cookie is sent) with <meta name="referrer" content="no-referrer">
// auto-submits forms to /try and /logout. Chromium sends no Sec-Fetch-Site
// to a plain-http host name and `Origin: null` under no-referrer;
// fromThisOrigin lets null through: the try box answers the attacker's
// text with the operator's session, and the operator is logged out. (At
// 127.0.0.1 the same pages are refused: Sec-Fetch-Site: same-site.)
func TestConsoleFromAnotherPortOverPlainHTTP(t *testing.T) {
	chrome := browser(t)
	const token = "the-console-token-of-a-test"
	var mu sync.Mutex
	var asked []string
	c := stubConsole(token, nil, func(_ context.Context, _, text string) []bot.Reply {
		mu.Lock()
		asked = append(asked, text)
		mu.Unlock()
		return []bot.Reply{{Type: bot.ReplyText, Text: "answered " + text}}
	})
	console := httptest.NewServer(c)
	defer console.Close()
	cu, _ := url.Parse(console.URL)
	base := "http://console.lan:" + cu.Port()
	evil := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		field := ""
		if r.URL.Path == "/try" {
			field = `<input name="text" value="ATTACK">`
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!doctype html><html><head><meta name="referrer" content="no-referrer"></head><body><form id="f" method="post" action="%s%s">%s</form><script>document.getElementById("f").submit()</script></body></html>`,
			base, r.URL.Path, field)
	}))
	defer evil.Close()
	eu, _ := url.Parse(evil.URL)
	attacker := "http://console.lan:" + eu.Port()

	ctx := consoleBrowser(t, chrome)
	body := func() string {
		s, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body ? document.body.innerText : ""`)) // by script: a node looked up while the page changes had failed under load
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	// landed waits for a console page: the dashboard, or the login form;
	// posted for the page the attacker's form went to (on the console's
	// port), whatever it says.
	landed := func() {
		pageShows(ctx, t, "a console page", `document.querySelector('.stats') !== null || document.querySelector('#token') !== null`)
	}
	posted := func() {
		pageShows(ctx, t, "the attacker's post", `location.port === "`+cu.Port()+`" && document.readyState === "complete"`)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/login"), chromedp.WaitVisible(chromedp.CSS("#token")),
		chromedp.SendKeys(chromedp.CSS("#token"), token), chromedp.Submit(chromedp.CSS("#token"))); err != nil {
		t.Fatal(err)
	}
	// The dashboard, not the login page still shown while the form posts
	// (its #token had passed for the answer under a loaded machine).
	pageShows(ctx, t, "the dashboard after login", `document.querySelector('.stats') !== null`)
	if !strings.Contains(body(), "概览") {
		t.Fatalf("no login at %s: %s", base, body())
	}
	// The attacker's page posts its form at once: done when the browser
	// shows the console's answer to it.
	if err := chromedp.Do(ctx, chromedp.Navigate(attacker+"/try")); err != nil {
		t.Fatal(err)
	}
	posted()
	mu.Lock()
	got := strings.Join(asked, ",")
	mu.Unlock()
	if strings.Contains(got, "ATTACK") {
		t.Errorf("a no-referrer page at %s used the try box of %s with the operator's session (page: %.80q)", attacker, base, body())
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(attacker+"/logout")); err != nil {
		t.Fatal(err)
	}
	posted()
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/")); err != nil {
		t.Fatal(err)
	}
	landed()
	if !strings.Contains(body(), "概览") {
		t.Errorf("a no-referrer page at %s logged the operator out of %s", attacker, base)
	}
}
