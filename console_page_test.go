package main

import (
	"context"
	"log/slog"
	"net/http/httptest"
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

// TestArticlePageFitsTheWindow: an article page of the shared corpus
// (doc-0513678d, a wikisource page whose percent-encoded URL is some 600
// characters) is drawn 3041 px wide in a 1280 px window, the URL paragraph
// running off the page (the card's copy of it wraps). Every wikisource
// article of the corpus does it.
func TestArticlePageFitsTheWindow(t *testing.T) {
	chrome := browser(t)
	long := "https://zh.wikisource.org/wiki/" + strings.Repeat("%E7%AC%AC%E5%8D%81%E5%9B%9B", 30)
	c := admin.New(admin.Deps{
		Token:  "the-console-token-of-a-test",
		Report: func(context.Context, time.Time) (*insights.Report, error) { return &insights.Report{}, nil },
		Answer: func(context.Context, string, string) []bot.Reply { return nil },
		Search: func(context.Context, string) ([]content.Hit, error) { return nil, nil },
		Article: func(context.Context, string) (content.Article, error) {
			return content.Article{ID: "doc-long", Title: "第十四届全国人民代表大会第一次会议关于政府工作报告的决议", Summary: "决议", Body: "正文", URL: long, Category: "政策理论导读"}, nil
		},
		Plan:  func(context.Context, int) ([]store.Planned, error) { return nil, nil },
		Rules: func() string { return "" },
		Check: func() admin.ConfigCheck { return admin.ConfigCheck{} },
		Log:   slog.New(slog.DiscardHandler),
	})
	srv := httptest.NewServer(c)
	defer srv.Close()
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(chrome), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1280, 900))
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/login"), chromedp.WaitVisible(chromedp.CSS("#token")),
		chromedp.SendKeys(chromedp.CSS("#token"), "the-console-token-of-a-test"), chromedp.Submit(chromedp.CSS("#token")),
		chromedp.WaitVisible(chromedp.CSS("header")), chromedp.Navigate(srv.URL+"/articles/doc-long"), chromedp.WaitVisible(chromedp.CSS("main"))); err != nil {
		t.Fatal(err)
	}
	w, err := chromedp.Run(ctx, chromedp.Evaluate[[]int](`[document.documentElement.scrollWidth, document.documentElement.clientWidth]`))
	if err != nil {
		t.Fatal(err)
	}
	if w[0] > w[1] {
		t.Errorf("the article page is %d px wide in a window of %d px: its URL does not wrap", w[0], w[1])
	}
}
