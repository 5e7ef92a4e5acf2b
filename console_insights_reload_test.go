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

// TestXXInsightsOffByReloadStillLogging: `insights.enabled: false` saved
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
	const token = "console-test-token-xy06"
	t.Setenv("MPBOT_ADMIN_TOKEN", token)
	t.Setenv("MPBOT_ADMIN_ADDR", "127.0.0.1:0")
	t.Setenv("MPBOT_SERVER_ADDR", "127.0.0.1:0")
	t.Setenv("MPBOT_INSIGHTS_KEY", "xy06-insights-key-for-the-test")
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	logs := &syncBuffer{}
	base, stop := startServe(t, cfg, logs)
	defer stop()
	m := adminRe.FindStringSubmatch(logs.String())
	if m == nil {
		t.Fatalf("no admin console in the log:\n%s", logs)
	}
	dashboard := func() string {
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
