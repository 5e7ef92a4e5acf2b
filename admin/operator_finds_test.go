package admin

import (
	"context"
	"html"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"mpbot/bot"
	"mpbot/content"
	"mpbot/insights"
	"mpbot/store"
)

// TestChartShowsSmallDays: a day with a few questions beside a busy
// one is drawn (a bar of at least 1px), not a bar of height 0 under its
// count. Seen in the console: days with 1 question beside a day with 422
// showed their labels and no bar at all.
func TestChartShowsSmallDays(t *testing.T) {
	svg := string(barChart([]insights.Day{
		{Day: "2026-12-02", Questions: 3, NoMatch: 3},
		{Day: "2026-12-06", Questions: 422, Card: 37, Rule: 32, List: 127, NoMatch: 175, Other: 51},
	}))
	re := regexp.MustCompile(`height="(\d+)" class="none"><title>2026-12-02: 3 none`)
	m := re.FindStringSubmatch(svg)
	if m == nil {
		t.Fatalf("no segment for 2026-12-02's 3 unanswered questions:\n%s", svg)
	}
	if h, _ := strconv.Atoi(m[1]); h == 0 {
		t.Errorf("2026-12-02's 3 unanswered questions are drawn with height 0: the day shows no bar")
	}
}

// TestChartKeepsTheDaysBetween: the chart of "最近 14 天" draws a slot
// for every day of the period; days without questions are left out, so
// 11-22, 11-25, 12-02 and 12-06 stand side by side as if consecutive, and
// the axis says only 22 25 02 06.
func TestChartKeepsTheDaysBetween(t *testing.T) {
	svg := string(barChart([]insights.Day{
		{Day: "2026-12-02", Questions: 10, Card: 10},
		{Day: "2026-12-06", Questions: 10, Card: 10},
	}))
	xs := regexp.MustCompile(`<text x="(\d+)" y="\d+" class="axis">(02|06)</text>`).FindAllStringSubmatch(svg, -1)
	if len(xs) < 2 {
		t.Fatalf("no axis labels:\n%s", svg)
	}
	x2, _ := strconv.Atoi(xs[0][1])
	x6, _ := strconv.Atoi(xs[len(xs)-1][1])
	if x6-x2 < 4*(22+6) {
		t.Errorf("12-02 at x=%d and 12-06 at x=%d are drawn next to each other: the three days between without questions are missing from the chart", x2, x6)
	}
}

// TestLogoutRefusesCrossSitePosts: a page on another site posting a
// form to /logout (the browser sends no cookie: SameSite=Strict) must not
// get the console's cookie deleted. In chromium, a page on
// http://localhost:23172 auto-submitting <form method=post
// action=http://127.0.0.1:23171/logout> logged the operator out.
func TestLogoutRefusesCrossSitePosts(t *testing.T) {
	srv := testConsole(t)
	req, _ := http.NewRequest("POST", srv.URL+"/logout", nil)
	req.Header.Set("Origin", "http://evil.example")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	code, _, resp := get(t, req)
	for _, c := range resp.Cookies() {
		if c.Name == cookieName && c.MaxAge < 0 {
			t.Errorf("a cross-site POST /logout (%d) deletes the session cookie: %v", code, c)
		}
	}
	if code != http.StatusForbidden {
		t.Errorf("a cross-site POST /logout answered %d, not 403", code)
	}
}

// TestTryRefusesCrossOriginPosts: a form posted to /try from another
// origin on the same site (another port of 127.0.0.1, whose pages get the
// SameSite=Strict cookie) is answered with the operator's session; the
// console checks neither Origin nor Sec-Fetch-Site.
func TestTryRefusesCrossOriginPosts(t *testing.T) {
	srv := testConsole(t)
	session := loginSession(t, srv.URL, "")
	req, _ := http.NewRequest("POST", srv.URL+"/try", strings.NewReader("text=%E9%80%80%E8%AE%A2"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.AddCookie(session) // SameSite=Strict: sent by the browser from another port of the same host
	req.Header.Set("Origin", "http://127.0.0.1:9999")
	req.Header.Set("Sec-Fetch-Site", "same-site")
	if code, _, _ := get(t, req); code == http.StatusOK {
		t.Errorf("POST /try from another origin (Origin http://127.0.0.1:9999) was answered 200")
	}
}

// TestTryTooLong: a text over the try box's 64 KiB limit shows the
// empty try page with 200, as if nothing had been sent; the operator is
// not told it was too long.
func TestTryTooLong(t *testing.T) {
	srv := testConsole(t)
	req, _ := http.NewRequest("POST", srv.URL+"/try", strings.NewReader("text="+strings.Repeat("枫", 40000)))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Authorization", "Bearer the-console-token")
	code, body, _ := get(t, req)
	if code == http.StatusOK && !strings.Contains(body, "粉丝发送") && !strings.Contains(body, "太长") {
		t.Errorf("a 120 KB text got %d and the empty try page, no word of it being too long", code)
	}
}

// TestNoQuestionsIsNotAllAnswered: on a fresh store (no question in
// the period) the unanswered page says 都答上了 ("all answered").
func TestNoQuestionsIsNotAllAnswered(t *testing.T) {
	srv := testConsoleOf(t, &insights.Report{})
	req, _ := http.NewRequest("GET", srv.URL+"/unanswered", nil)
	req.Header.Set("Authorization", "Bearer the-console-token")
	_, body, _ := get(t, req)
	if strings.Contains(body, "都答上了") {
		t.Errorf("with no questions at all in the period the page says 都答上了")
	}
}

// TestArticleLinksReachArticlesWithSlashes: `mpbot import` takes ids
// such as "exam/2026-01" or "q?x=1#frag" (JSON Lines' "id"), and the
// search, the unanswered topics' best candidates and the schedule link to
// /articles/ID with the id unescaped: the link of "exam/2026-01" gets
// 404 page not found, "q?x=1#frag" asks for article "q". Seen on a store
// with such ids imported: /articles/exam%2F2026-01 shows the article, the
// page's own link does not.
func TestArticleLinksReachArticlesWithSlashes(t *testing.T) {
	for _, id := range []string{"exam/2026-01", "q?x=1#frag", "百分比%2F测试"} {
		a := content.Article{ID: id, Title: "标题 " + id, Summary: "s", Body: "b", Category: "考试分析"}
		c := New(Deps{
			Token:  "the-console-token",
			Report: func(context.Context, time.Time) (*insights.Report, error) { return &insights.Report{}, nil },
			Answer: func(context.Context, string, string) []bot.Reply { return nil },
			Search: func(context.Context, string) ([]content.Hit, error) {
				return []content.Hit{{Article: a, Score: 0.9}}, nil
			},
			Article: func(_ context.Context, got string) (content.Article, error) {
				if got == id {
					return a, nil
				}
				return content.Article{}, content.ErrNotFound
			},
			Plan:  func(context.Context, int) ([]store.Planned, error) { return nil, nil },
			Rules: func() string { return "" },
			Check: func(context.Context) ConfigCheck { return ConfigCheck{} },
			Log:   slog.New(slog.DiscardHandler),
		})
		srv := httptest.NewServer(c)
		defer srv.Close()
		req, _ := http.NewRequest("GET", srv.URL+"/articles?q=x", nil)
		req.Header.Set("Authorization", "Bearer the-console-token")
		_, body, _ := get(t, req)
		m := regexp.MustCompile(`<a href="(/articles/[^"]*)">标题`).FindStringSubmatch(body)
		if m == nil {
			t.Fatalf("no link to %q in the search page:\n%s", id, body)
		}
		link, _ := url.Parse(srv.URL + html.UnescapeString(m[1]))
		req, _ = http.NewRequest("GET", link.String(), nil)
		req.Header.Set("Authorization", "Bearer the-console-token")
		if code, _, _ := get(t, req); code != 200 {
			t.Errorf("the search page's link to article %q, %s, gets %d", id, m[1], code)
		}
	}
}

// loginSession logs in to the console at url with the token, as its own
// login form does at host (its Origin; "" for the server's own address),
// and returns the session cookie.
func loginSession(t *testing.T, url, host string) *http.Cookie {
	t.Helper()
	login, _ := http.NewRequest("POST", url+"/login", strings.NewReader("token=the-console-token"))
	login.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if host != "" {
		login.Host = host
		login.Header.Set("Origin", "http://"+host)
	}
	_, _, resp := get(t, login)
	for _, c := range resp.Cookies() {
		if c.Name == cookieName {
			return c
		}
	}
	t.Fatal("no session cookie from the login")
	return nil
}
