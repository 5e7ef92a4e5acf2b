package main

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"mpbot/admin"
	"mpbot/bot"
	"mpbot/bot/wechat"
	"mpbot/content"
	"mpbot/insights"
	"mpbot/store"
)

var adminRe = regexp.MustCompile(`msg="admin console serving" addr=(\S+)`)

// browser finds Debian's chromium; without it the test is skipped, and
// fails under CI=true (.ci/run installs it).
func browser(t *testing.T) string {
	t.Helper()
	for _, p := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if path, err := exec.LookPath(p); err == nil {
			return path
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("chromium is needed under CI (apt-get install chromium)")
	}
	t.Skip("no chromium: install it (apt-get install chromium) to run the console in a browser")
	return ""
}

// TestConsoleInABrowser drives the operators' console in headless
// chromium: the login, the dashboard, the try box with a numbered list and
// its follow-up, the unanswered questions and the schedule. Screenshots go
// to the test's artifact directory (go test -artifacts keeps them).
func TestConsoleInABrowser(t *testing.T) {
	chrome := browser(t)
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	shipped, _ := os.ReadFile(cfg)
	os.WriteFile(cfg, []byte(strings.Replace(string(shipped), "addr: 127.0.0.1:8081", "addr: 127.0.0.1:0", 1)), 0o644)
	const token = "console-test-token-123"
	t.Setenv("MPBOT_ADMIN_TOKEN", token)
	logs := &syncBuffer{}
	base, stop := startServe(t, cfg, logs)
	defer stop()
	m := adminRe.FindStringSubmatch(logs.String())
	if m == nil {
		t.Fatalf("no admin console in the log:\n%s", logs)
	}
	console := "http://" + m[1]

	// Some traffic for the dashboard.
	sim := simulatorFor(t, cfg, base)
	for i, q := range []string{"枫桥经验", "遴选报名入口在哪里", "遴选报名时间", "基层治理"} {
		if _, err := sim.Send(context.Background(), wechat.Inbound{From: "o_dash", MsgType: "text", Content: q, MsgID: int64(i + 1), CreateTime: time.Now().Unix()}); err != nil {
			t.Fatal(err)
		}
	}
	// The query log is written in batches, a second apart: wait until the
	// console's report holds the messages.
	waitFor(t, func() bool {
		req, _ := http.NewRequest("GET", console+"/", nil)
		req.Header.Set("Authorization", "Bearer "+token)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return false
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return strings.Contains(string(body), "枫桥经验")
	}, "the messages in the console's report")
	// Without the token: 401 for scripts; the bearer token lets them in.
	resp, err := http.Get(console + "/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized {
		t.Fatalf("no token: %s", resp.Status)
	}
	req, _ := http.NewRequest("GET", console+"/schedule", nil)
	req.Header.Set("Authorization", "Bearer "+token)
	if resp, err := http.DefaultClient.Do(req); err != nil || resp.StatusCode != 200 {
		t.Fatalf("bearer: %v %v", resp, err)
	}

	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(chrome), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("disable-quic", true), chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(420, 900))
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 90*time.Second)
	defer cancel()
	shots := t.ArtifactDir()
	shot := func(name string) {
		t.Helper()
		png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100)) // 100: PNG
		if err != nil {
			t.Fatalf("screenshot %s: %v", name, err)
		}
		os.WriteFile(filepath.Join(shots, name+".png"), png, 0o644)
	}
	do := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatalf("%s: %v\n%s", what, err, logs)
		}
	}
	text := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("text of %s: %v", sel, err)
		}
		return s
	}
	// A phone's width: the pages must work there too. Headless chromium
	// keeps a window 500 px wide at least; the viewport is a phone's
	// (an operator run's find: this test had run at 500).
	do("login page", chromedp.EmulateViewport(420, 900, chromedp.EmulateMobile), chromedp.Navigate(console+"/"), chromedp.WaitVisible(chromedp.CSS("#token")))
	shot("1-login")
	do("log in", chromedp.SendKeys(chromedp.CSS("#token"), token), chromedp.Submit(chromedp.CSS("#token")), chromedp.WaitVisible(chromedp.CSS(".stats")))
	dashboard := text("main")
	shot("2-dashboard")
	do("try box", chromedp.Navigate(console+"/try"), chromedp.WaitVisible(chromedp.CSS("input[name=text]")),
		chromedp.SendKeys(chromedp.CSS("input[name=text]"), "基层治理"), chromedp.Submit(chromedp.CSS("input[name=text]")),
		chromedp.WaitVisible(chromedp.CSS(".phone")))
	list := text(".phone")
	shot("3-try-list")
	do("follow-up", chromedp.SendKeys(chromedp.CSS("input[name=text]"), "2"), chromedp.Submit(chromedp.CSS("input[name=text]")),
		chromedp.WaitVisible(chromedp.CSS(".phone .card")))
	card := text(".phone")
	shot("4-try-follow-up")
	do("unanswered", chromedp.Navigate(console+"/unanswered"), chromedp.WaitVisible(chromedp.CSS("main")))
	unanswered := text("main")
	do("schedule", chromedp.Navigate(console+"/schedule"), chromedp.WaitVisible(chromedp.CSS("table")))
	schedule := text("main")
	shot("5-schedule")
	for _, c := range []struct{ page, got, want string }{
		{"dashboard", dashboard, "条消息"},
		{"dashboard", dashboard, "枫桥经验"},
		{"try", list, "找到"},
		{"try", list, "2. "},
		{"follow-up", card, "浦江经验"},
		{"unanswered", unanswered, "遴选报名"},
		{"schedule", schedule, "每日一读"},
	} {
		if !strings.Contains(c.got, c.want) {
			t.Errorf("%s page lacks %q:\n%s", c.page, c.want, c.got)
		}
	}
	t.Logf("screenshots in %s", shots)
}

// TestConsoleConfigPage: the config page says what serve does with the
// config file: valid and applied on save, rejected (the last good one
// serving), or none at all, the embedded defaults without live reload (an
// operator's find: it said "saved, applied at once" with no file to save).
func TestConsoleConfigPage(t *testing.T) {
	const token = "console-test-token-123"
	t.Setenv("MPBOT_ADMIN_TOKEN", token)
	t.Setenv("MPBOT_ADMIN_ADDR", "127.0.0.1:0")
	t.Setenv("MPBOT_SERVER_ADDR", "127.0.0.1:0")
	page := func(logs *syncBuffer) string {
		m := adminRe.FindStringSubmatch(logs.String())
		if m == nil {
			t.Fatalf("no admin console in the log:\n%s", logs)
		}
		req, _ := http.NewRequest("GET", "http://"+m[1]+"/config", nil)
		req.Header.Set("Authorization", "Bearer "+token)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return string(body)
	}

	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	logs := &syncBuffer{}
	_, stop := startServe(t, cfg, logs)
	if got := page(logs); !strings.Contains(got, "有效。修改请编辑文件（保存后自动生效）") {
		t.Errorf("the config page of a valid file:\n%s", got)
	}
	shipped, _ := os.ReadFile(cfg)
	os.WriteFile(cfg, []byte(strings.Replace(string(shipped), "  min_score: 0.4\n", "  min_score: high\n", 1)), 0o644)
	if got := page(logs); !strings.Contains(got, "正在使用上一份有效的配置") || !strings.Contains(got, "search.min_score") {
		t.Errorf("the config page of a file with an error:\n%s", got)
	}
	stop()

	// No file: serve in an empty directory, on the embedded defaults.
	t.Chdir(t.TempDir())
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	logs = &syncBuffer{}
	go func() { done <- run(ctx, []string{"serve"}, strings.NewReader(""), io.Discard, logs) }()
	waitFor(t, func() bool { return adminRe.MatchString(logs.String()) }, "serve on the embedded defaults")
	if got := page(logs); !strings.Contains(got, "没有配置文件") || strings.Contains(got, "保存后自动生效") {
		t.Errorf("the config page without a config file:\n%s", got)
	}
	cancel()
	<-done
}

// pageShows waits until expr, evaluated in the browser's page, is true:
// across a navigation (a form's post), where a poll inside the page dies
// with its document.
func pageShows(ctx context.Context, t *testing.T, what, expr string) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		if ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](expr)); err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: not shown within 30 s", what)
		}
		time.Sleep(50 * time.Millisecond) // between looks at the page, not a wait for it
	}
}

// stubConsole is a console over stubs, for browser tests of its pages: no
// report, article answering /articles/ID (nil: none), answer the try box
// (nil: no reply).
func stubConsole(token string, article func(context.Context, string) (content.Article, error), answer func(context.Context, string, string) []bot.Reply) *admin.Console {
	if article == nil {
		article = func(context.Context, string) (content.Article, error) { return content.Article{}, content.ErrNotFound }
	}
	if answer == nil {
		answer = func(context.Context, string, string) []bot.Reply { return nil }
	}
	return admin.New(admin.Deps{
		Token:   token,
		Report:  func(context.Context, time.Time) (*insights.Report, error) { return &insights.Report{}, nil },
		Answer:  answer,
		Search:  func(context.Context, string) ([]content.Hit, error) { return nil, nil },
		Article: article,
		Plan:    func(context.Context, int) ([]store.Planned, error) { return nil, nil },
		Rules:   func() string { return "" },
		Check:   func(context.Context) admin.ConfigCheck { return admin.ConfigCheck{} },
		Log:     slog.New(slog.DiscardHandler),
	})
}

// consoleBrowser is a headless chromium of its own, console.lan mapped to
// 127.0.0.1 (a host name over plain http, which chromium does not trust as
// it does localhost), for 60 s at most; stopped with the test.
func consoleBrowser(t *testing.T, chrome string) context.Context {
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(chrome), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1280, 900),
		chromedp.Flag("host-resolver-rules", "MAP console.lan 127.0.0.1"))
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelTab := chromedp.NewContext(actx)
	ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	t.Cleanup(func() { cancel(); cancelTab(); cancelAlloc() })
	return ctx
}
