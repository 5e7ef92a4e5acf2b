package main

import (
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestConsoleLoginOverPlainHTTPOnAHostName: the console reached over
// plain http at a name or LAN address (admin.addr 0.0.0.0:8081, opened as
// http://192.168.1.5:8081; here console.lan mapped to 127.0.0.1, an origin
// chromium does not count as trustworthy as it does localhost). Chromium
// sends no Sec-Fetch-Site to such an origin, and, the page's
// Referrer-Policy being no-referrer, `Origin: null` with the login form:
// http.CrossOriginProtection refuses the console's own login form, 403
// "refused: a form posted from another site or origin". Before 16dccaf
// the same login worked.
func TestConsoleLoginOverPlainHTTPOnAHostName(t *testing.T) {
	chrome := browser(t)
	c := stubConsole("the-console-token-of-a-test", nil, nil)
	srv := httptest.NewServer(c)
	defer srv.Close()
	u, _ := url.Parse(srv.URL)
	base := "http://console.lan:" + u.Port()
	ctx := consoleBrowser(t, chrome)
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/login"), chromedp.WaitVisible(chromedp.CSS("#token")),
		chromedp.SendKeys(chromedp.CSS("#token"), "the-console-token-of-a-test"), chromedp.Submit(chromedp.CSS("#token"))); err != nil {
		t.Fatal(err)
	}
	// The dashboard, or the refusal's plain text.
	pageShows(ctx, t, "the login's answer", `document.querySelector('.stats') !== null || document.body.innerText.includes('refused')`)
	body, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("body")))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(body, "概览") {
		t.Errorf("logging in at %s (plain http, not localhost) shows %q, not the console", base, body)
	}
}
