package main

import (
	"context"
	"log/slog"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"mpbot/admin"
	"mpbot/bot"
	"mpbot/content"
	"mpbot/insights"
	"mpbot/store"
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
	c := admin.New(admin.Deps{
		Token:   "the-console-token-of-a-test",
		Report:  func(context.Context, time.Time) (*insights.Report, error) { return &insights.Report{}, nil },
		Answer:  func(context.Context, string, string) []bot.Reply { return nil },
		Search:  func(context.Context, string) ([]content.Hit, error) { return nil, nil },
		Article: func(context.Context, string) (content.Article, error) { return content.Article{}, content.ErrNotFound },
		Plan:    func(context.Context, int) ([]store.Planned, error) { return nil, nil },
		Rules:   func() string { return "" },
		Check:   func() admin.ConfigCheck { return admin.ConfigCheck{} },
		Log:     slog.New(slog.DiscardHandler),
	})
	srv := httptest.NewServer(c)
	defer srv.Close()
	u, _ := url.Parse(srv.URL)
	base := "http://console.lan:" + u.Port()
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(chrome), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1280, 900),
		chromedp.Flag("host-resolver-rules", "MAP console.lan 127.0.0.1"))
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
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
