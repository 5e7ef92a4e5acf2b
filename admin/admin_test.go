package admin

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"mpbot/bot"
	"mpbot/content"
	"mpbot/insights"
	"mpbot/store"
)

func testConsole(t *testing.T) *httptest.Server { return testConsoleOf(t, &insights.Report{}) }

// testConsoleOf is the console showing r as its report.
func testConsoleOf(t *testing.T, r *insights.Report) *httptest.Server {
	t.Helper()
	c := New(Deps{
		Token:  "the-console-token",
		Report: func(context.Context, time.Time) (*insights.Report, error) { return r, nil },
		Answer: func(_ context.Context, session, text string) []bot.Reply {
			return []bot.Reply{{Type: bot.ReplyText, Text: `找到 1 篇：<a href="https://x/a?b=1&amp;c=2">标题 &lt;1&gt;</a>` + "\n第二行 <script>"}}
		},
		Search:  func(context.Context, string) ([]content.Hit, error) { return nil, nil },
		Article: func(context.Context, string) (content.Article, error) { return content.Article{}, content.ErrNotFound },
		Plan:    func(context.Context, int) ([]store.Planned, error) { return nil, nil },
		Rules:   func() string { return "rule 0" },
		Check:   func(context.Context) ConfigCheck { return ConfigCheck{File: "config.yaml"} },
		Log:     slog.New(slog.DiscardHandler),
	})
	srv := httptest.NewServer(c)
	t.Cleanup(srv.Close)
	return srv
}

func get(t *testing.T, req *http.Request) (int, string, *http.Response) {
	t.Helper()
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), resp
}

// TestConsoleAuth: every page is behind the token, as a bearer for scripts
// or a session cookie from the login form; nothing else gets in.
func TestConsoleAuth(t *testing.T) {
	srv := testConsole(t)
	for _, path := range []string{"/", "/unanswered", "/articles", "/schedule", "/try", "/config"} {
		req, _ := http.NewRequest("GET", srv.URL+path, nil)
		if code, body, _ := get(t, req); code != http.StatusUnauthorized || !strings.Contains(body, `name="token"`) {
			t.Errorf("%s without a token: %d", path, code)
		}
		req.Header.Set("Authorization", "Bearer wrong-token-wrong-token")
		if code, _, _ := get(t, req); code != http.StatusUnauthorized {
			t.Errorf("%s with a wrong token: %d", path, code)
		}
		req.Header.Set("Authorization", "Bearer the-console-token")
		if code, _, resp := get(t, req); code != 200 || !strings.Contains(resp.Header.Get("Content-Security-Policy"), "default-src 'none'") {
			t.Errorf("%s with the token: %d %v", path, code, resp.Header)
		}
	}
	login := func(token string) (int, *http.Response) {
		req, _ := http.NewRequest("POST", srv.URL+"/login", strings.NewReader(url.Values{"token": {token}}.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		code, _, resp := get(t, req)
		return code, resp
	}
	if code, _ := login("nope"); code != http.StatusUnauthorized {
		t.Fatalf("wrong login: %d", code)
	}
	code, resp := login("the-console-token")
	cookies := resp.Cookies()
	if code != http.StatusSeeOther || len(cookies) != 1 || !cookies[0].HttpOnly || cookies[0].SameSite != http.SameSiteStrictMode {
		t.Fatalf("login: %d %+v", code, cookies)
	}
	req, _ := http.NewRequest("GET", srv.URL+"/try?text=x", nil)
	req.AddCookie(cookies[0])
	code, body, _ := get(t, req)
	// The reply's links are links; everything else is text.
	if code != 200 || !strings.Contains(body, `<a href="https://x/a?b=1&amp;c=2">标题 &lt;1&gt;</a>`) || strings.Contains(body, "<script>") {
		t.Fatalf("try with the session: %d\n%s", code, body)
	}
	// Logged out, the session is over: a copy of its cookie is refused.
	req, _ = http.NewRequest("POST", srv.URL+"/logout", nil)
	req.AddCookie(cookies[0])
	if code, _, _ := get(t, req); code != http.StatusSeeOther {
		t.Fatalf("logout: %d", code)
	}
	req, _ = http.NewRequest("GET", srv.URL+"/", nil)
	req.AddCookie(cookies[0])
	if code, _, _ := get(t, req); code != http.StatusUnauthorized {
		t.Fatalf("the cookie of a session logged out: %d", code)
	}
	if _, resp := login("the-console-token"); len(resp.Cookies()) != 1 {
		t.Fatal("no new session after a logout")
	} else {
		req, _ = http.NewRequest("GET", srv.URL+"/", nil)
		req.AddCookie(resp.Cookies()[0])
		if code, _, _ := get(t, req); code != 200 {
			t.Fatalf("a new session after a logout: %d", code)
		}
	}
	forged := *cookies[0]
	forged.Value = strings.Replace(forged.Value, "|", "x|", 1)
	req, _ = http.NewRequest("GET", srv.URL+"/", nil)
	req.AddCookie(&forged)
	if code, _, _ := get(t, req); code != http.StatusUnauthorized {
		t.Fatalf("a forged cookie: %d", code)
	}
}

// TestAnsweredShare: the share answered leaves out no match and the
// apologies sent while the store was down (a review's find: counted as
// answered, 67% for none), not the other answers (订阅).
func TestAnsweredShare(t *testing.T) {
	// Of the other two, one is 订阅 (answered), one an apology.
	r := &insights.Report{Days: []insights.Day{{Day: "2026-12-03", Questions: 4, Card: 1, NoMatch: 1, Other: 2, Unavailable: 1}}}
	if got := answered(r); got != "50%" {
		t.Fatalf("answered %s, want 50%%", got)
	}
	if got := answered(&insights.Report{}); got != "-" {
		t.Fatalf("no questions: %s", got)
	}
}

// TestConsoleNamesWhatTheReportLeftOut: a menu key no rule answers is
// marked (listed like a working key it had hidden a stale menu), and the
// unanswered topics past those listed are counted.
func TestConsoleNamesWhatTheReportLeftOut(t *testing.T) {
	srv := testConsoleOf(t, &insights.Report{
		Keys:        []insights.Hits{{Name: "OLD_KEY", Count: 2}, {Name: "HELP", Count: 1}},
		UnknownKeys: []string{"OLD_KEY"},
		Unanswered:  []insights.Topic{{Terms: []string{"申论"}, Count: 3, Followers: 3, Examples: []string{"申论怎么写"}}}, UnansweredTopics: 151,
	})
	page := pageOf(t, srv)
	if body := page("/"); !strings.Contains(body, "菜单 OLD_KEY（没有规则回答它") || strings.Contains(body, "菜单 HELP（") || !strings.Contains(body, "<b>151</b>个未答或答得不好的话题") {
		t.Errorf("dashboard:\n%s", body)
	}
	if body := page("/unanswered"); !strings.Contains(body, "只列出问得最多的 1 个话题，共 151 个") {
		t.Errorf("unanswered:\n%s", body)
	}
}

// TestScheduleNamesARemovedChoice: a day whose chosen reading was removed
// since shows its id and that it is gone, not a link without a title to a
// page that is not there (an operator run's find).
func TestScheduleNamesARemovedChoice(t *testing.T) {
	c := New(Deps{
		Token: "the-console-token",
		Plan: func(context.Context, int) ([]store.Planned, error) {
			return []store.Planned{
				{Day: "2026-12-06", Article: content.Article{ID: "demo-pujiang"}, Why: store.WhyChosen},
				{Day: "2026-12-07", Article: content.Article{ID: "demo-fengqiao", Title: "枫桥经验"}, Why: store.WhyNext},
			}, nil
		},
		Log: slog.New(slog.DiscardHandler),
	})
	srv := httptest.NewServer(c)
	defer srv.Close()
	req, _ := http.NewRequest("GET", srv.URL+"/schedule", nil)
	req.Header.Set("Authorization", "Bearer the-console-token")
	code, body, _ := get(t, req)
	if code != 200 || strings.Contains(body, `<a href="/articles/demo-pujiang">`) || !strings.Contains(body, "demo-pujiang <span class=\"err\">（已从文章库删除）</span>") ||
		!strings.Contains(body, `<a href="/articles/demo-fengqiao">枫桥经验</a>`) {
		t.Errorf("the schedule: %d\n%s", code, body)
	}
}

// TestConsoleOptOutsNotKnown: a report made without the log's hash
// (serve with insights.enabled: false and no insights.key: app.report
// passes a nil Follower) has OptOuts -1, "not known"; the CLI prints
// "? (needs insights.key …)", the console's 24 小时内退订 column "-1".
func TestConsoleOptOutsNotKnown(t *testing.T) {
	srv := testConsoleOf(t, &insights.Report{Push: []insights.PushDay{{Day: "2026-12-05", State: "done", Sent: 100, OptOuts: -1}}})
	req, _ := http.NewRequest("GET", srv.URL+"/", nil)
	req.Header.Set("Authorization", "Bearer the-console-token")
	code, body, _ := get(t, req)
	if code != 200 {
		t.Fatalf("dashboard: %d", code)
	}
	if strings.Contains(body, "<td>-1</td>") {
		t.Errorf("the dashboard shows opt-outs not known as -1:\n%s", body)
	}
}

// pageOf gets the console's pages with the token, failing on anything but 200.
func pageOf(t *testing.T, srv *httptest.Server) func(path string) string {
	return func(path string) string {
		t.Helper()
		req, _ := http.NewRequest("GET", srv.URL+path, nil)
		req.Header.Set("Authorization", "Bearer the-console-token")
		code, body, _ := get(t, req)
		if code != 200 {
			t.Fatalf("%s: %d", path, code)
		}
		return body
	}
}
