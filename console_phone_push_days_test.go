package main

import (
	"context"
	"log/slog"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"mpbot/admin"
	"mpbot/bot"
	"mpbot/content"
	"mpbot/insights"
	"mpbot/store"
)

// TestConsolePushDaysStayWholeOnAPhone: the counts were kept whole on a
// phone (td.n), but the push table's first column, the day, and its state
// are not: at 390 px, with the counts now unbreakable beside them (and
// ?（需 insights.key） without insights.key), the day is drawn a character
// a line — 2 / 0 / 2 / 6 / - / 1 / 2 / - / 0 / 1 — and done as d / o / n /
// e; a rehearsal's label (演练：push.mode log，…) makes its row some
// forty lines tall. The day is what the operator reads a row by (seen in
// headless chromium at 390×844). README: "fit for a laptop or a phone".
func TestConsolePushDaysStayWholeOnAPhone(t *testing.T) {
	chrome := browser(t)
	const token = "the-console-token-of-a-test"
	rep := &insights.Report{Messages: 301, Followers: 14,
		Push: []insights.PushDay{
			{Day: "2026-12-01", State: "done", Sent: 12345, Skipped: 234, Failed: 12, Unknown: 3, OptOuts: -1},
			{Day: "2026-12-02", State: "done", Sent: 2, Rehearsal: true, OptOuts: -1},
			{Day: "2026-12-03", State: insights.Missed},
			{Day: "2026-12-04", State: "stopped", Sent: 12000, Failed: 345, Unknown: 17, InFlight: 120, OptOuts: -1},
		}}
	c := admin.New(admin.Deps{
		Token:   token,
		Report:  func(context.Context, time.Time) (*insights.Report, error) { return rep, nil },
		Answer:  func(context.Context, string, string) []bot.Reply { return nil },
		Search:  func(context.Context, string) ([]content.Hit, error) { return nil, nil },
		Article: func(context.Context, string) (content.Article, error) { return content.Article{}, content.ErrNotFound },
		Plan:    func(context.Context, int) ([]store.Planned, error) { return nil, nil },
		Rules:   func() string { return "" },
		Check:   func(context.Context) admin.ConfigCheck { return admin.ConfigCheck{} },
		Log:     slog.New(slog.DiscardHandler),
	})
	srv := httptest.NewServer(c)
	defer srv.Close()
	ctx := consoleBrowser(t, chrome)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile),
		chromedp.Navigate(srv.URL+"/login"), chromedp.WaitVisible(chromedp.CSS("#token")),
		chromedp.SendKeys(chromedp.CSS("#token"), token), chromedp.Submit(chromedp.CSS("#token"))); err != nil {
		t.Fatal(err)
	}
	pageShows(ctx, t, "the dashboard", `document.querySelector('.stats') !== null`)
	// The push table's day and state cells (the first two of a row),
	// drawn on more than one line.
	broken, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll('tr'))
		.filter(tr => /^\d{4}-\d\d-\d\d$/.test((tr.cells[0] || {}).innerText || ''))
		.flatMap(tr => [tr.cells[0], tr.cells[1]])
		.filter(td => /^[\w-]+$/.test(td.innerText.trim()))
		.filter(td => { const r = document.createRange(); r.selectNodeContents(td); return r.getClientRects().length > 1 })
		.map(td => td.innerText.trim())`))
	if err != nil {
		t.Fatal(err)
	}
	if len(broken) > 0 {
		t.Errorf("at a phone's width, the push table's days and states are broken over lines: %q", broken)
	}
}
