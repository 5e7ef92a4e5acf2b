package main

import (
	"context"
	"io"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"mpbot/bot/wechat"
)

// serveWithConsole starts serve on a config (edited by prepare, when
// given, before it starts) with its console, and returns the config's
// path, the webhook's base, the log, and a reader of the dashboard.
func serveWithConsole(t *testing.T, prepare func(cfg string)) (cfg, base string, logs *syncBuffer, dashboard func() string) {
	t.Helper()
	const token = "console-test-token-insights"
	t.Setenv("MPBOT_ADMIN_TOKEN", token)
	t.Setenv("MPBOT_ADMIN_ADDR", "127.0.0.1:0")
	t.Setenv("MPBOT_SERVER_ADDR", "127.0.0.1:0")
	t.Setenv("MPBOT_INSIGHTS_KEY", "insights-key-for-the-console-tests")
	cfg = writeConfig(t, t.TempDir(), "")
	if prepare != nil {
		prepare(cfg)
	}
	logs = &syncBuffer{}
	base, stop := startServe(t, cfg, logs)
	t.Cleanup(func() { stop() })
	m := adminRe.FindStringSubmatch(logs.String())
	if m == nil {
		t.Fatalf("no admin console in the log:\n%s", logs)
	}
	dashboard = func() string {
		req, _ := http.NewRequest("GET", "http://"+m[1]+"/", nil)
		req.Header.Set("Authorization", "Bearer "+token)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return string(b)
	}
	return cfg, base, logs, dashboard
}

// TestInsightsOffByReloadStillLogging: `insights.enabled: false` saved
// while serve runs is a key that needs a restart, and the reload says so
// (`some changes need a restart to take effect keys=[insights.enabled]`):
// serve goes on logging every question. The console, inside that same
// serve, then heads its dashboard `insights.enabled 为 false：新的问题不再记录`
// (new questions are no longer recorded) above a message count that goes on
// rising, and `mpbot report` says `serve logs no questions`. Seen: 42
// messages, the edit, a follower's 养老金上调多少, then 43 messages under the
// note. The console should say what the running serve does (logging, until
// the restart), not the file's value it has not applied.
func TestInsightsOffByReloadStillLogging(t *testing.T) {
	cfg, base, logs, dashboard := serveWithConsole(t, nil)
	sim := simulatorFor(t, cfg, base)
	ask := func(id int64, text string) {
		if _, err := sim.Send(context.Background(), wechat.Inbound{From: "o_xy06", MsgType: "text", Content: text, MsgID: id, CreateTime: time.Now().Unix()}); err != nil {
			t.Fatal(err)
		}
	}
	ask(1, "枫桥经验")
	waitFor(t, func() bool {
		return strings.Contains(dashboard(), ">1</b>") || strings.Contains(dashboard(), "1 条消息")
	}, "the first message counted")

	b, _ := os.ReadFile(cfg)
	off := strings.Replace(string(b), "  enabled: true", "  enabled: false", 1)
	if off == string(b) {
		t.Fatal("no insights.enabled line")
	}
	os.WriteFile(cfg, []byte(off), 0o644)
	waitFor(t, func() bool { return strings.Contains(logs.String(), "insights.enabled") }, "the restart warning")

	ask(2, "浦江经验")
	var page string
	waitFor(t, func() bool {
		page = dashboard()
		return strings.Contains(page, "2 条消息") || strings.Contains(page, ">2</b>")
	}, "the second message counted (serve still logs)")
	if strings.Contains(page, "不再记录") {
		i := strings.Index(page, "insights.enabled")
		t.Errorf("the console says new questions are no longer recorded while the serve it runs in records them (2 messages counted):\n%.200s", page[max(i, 0):])
	}
}

// TestInsightsOnByReloadStillNotLogging (incomplete fix 9, the mirror of
// TestInsightsOffByReloadStillLogging): a serve started with
// `insights.enabled: false` logs nothing; `insights.enabled: true` saved
// while it runs needs a restart (the reload says so), and the serve goes on
// logging nothing. The console inside it then drops its note
// (`insights.enabled 为 false：新的问题不再记录`) because the file says true,
// and shows a dashboard of no messages under no note while followers ask:
// what the running serve does (nothing logged until the restart) is not
// said. Same at 08843c3.
func TestInsightsOnByReloadStillNotLogging(t *testing.T) {
	var b []byte
	cfg, base, logs, dashboard := serveWithConsole(t, func(cfg string) {
		b, _ = os.ReadFile(cfg)
		off := strings.Replace(string(b), "  enabled: true", "  enabled: false", 1)
		if off == string(b) {
			t.Fatal("no insights.enabled line")
		}
		os.WriteFile(cfg, []byte(off), 0o644)
	})
	if page := dashboard(); !strings.Contains(page, "不再记录") {
		t.Fatalf("a serve started with insights off has no note:\n%.300s", page)
	}
	os.WriteFile(cfg, b, 0o644) // enabled: true again
	waitFor(t, func() bool { return strings.Contains(logs.String(), "insights.enabled") }, "the restart warning")
	sim := simulatorFor(t, cfg, base)
	if _, err := sim.Send(context.Background(), wechat.Inbound{From: "o_xy08", MsgType: "text", Content: "枫桥经验", MsgID: 1, CreateTime: time.Now().Unix()}); err != nil {
		t.Fatal(err)
	}
	if page := dashboard(); !strings.Contains(page, "不再记录") && !strings.Contains(page, "重启") {
		i := strings.Index(page, "条消息")
		t.Errorf("the serve logs nothing (insights turned on needs a restart) and the console no longer says so:\n%.300s", page[max(i-150, 0):])
	}
}
