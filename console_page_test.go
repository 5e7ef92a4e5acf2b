package main

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"mpbot/content"
)

// TestArticlePageFitsTheWindow: an article page of the shared corpus
// (doc-0513678d, a wikisource page whose percent-encoded URL is some 600
// characters) is drawn 3041 px wide in a 1280 px window, the URL paragraph
// running off the page (the card's copy of it wraps). Every wikisource
// article of the corpus does it.
func TestArticlePageFitsTheWindow(t *testing.T) {
	chrome := browser(t)
	long := "https://zh.wikisource.org/wiki/" + strings.Repeat("%E7%AC%AC%E5%8D%81%E5%9B%9B", 30)
	c := stubConsole("the-console-token-of-a-test", func(context.Context, string) (content.Article, error) {
		return content.Article{ID: "doc-long", Title: "第十四届全国人民代表大会第一次会议关于政府工作报告的决议", Summary: "决议", Body: "正文", URL: long, Category: "政策理论导读"}, nil
	}, nil)
	srv := httptest.NewServer(c)
	defer srv.Close()
	ctx := consoleBrowser(t, chrome)
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
