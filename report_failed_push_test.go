package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestReportDoesNotBlameAFailedPushOnServeDown: serve ran all day and the
// push fired on time, but failed before it began a run (push.mode customer
// without wechat.app_secret; a push.category mistyped does the same): the
// day has no run, as a day serve was down has none. The report and the
// console had said "due and never run" and 服务未运行 (serve not running),
// sending the on-call after an outage that did not happen, while serve's
// log had the cause (a re-check's find). They now name both causes and
// the log line.
func TestReportDoesNotBlameAFailedPushOnServeDown(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	runCmd(t, "try", "--config", cfg, "你好") // seeds the demo articles
	seedFollowers(t, filepath.Join(dir, "mpbot.db"), 2)
	shanghai, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now().In(shanghai)
	if now.Hour() == 0 && now.Minute() < 2 {
		t.Skip("today's firing at 00:00 is not a minute past yet")
	}
	day := func(back int) string { return now.AddDate(0, 0, -back).Format("2006-01-02") }
	if code, out, errOut := runCmd(t, "push", "--config", cfg, "--date", day(1)); code != 0 { // the push's first run
		t.Fatalf("push --date %s: %d %s %s", day(1), code, out, errOut)
	}
	// Live, but the AppSecret left out of the environment; the push due at
	// 00:00 today.
	t.Setenv("MPBOT_PUSH_MODE", "customer")
	t.Setenv("MPBOT_WECHAT_APP_SECRET", "")
	running, err := loadConfig(cfg, true)
	if err != nil {
		t.Fatal(err)
	}
	running.Push.Schedule = "0 0 * * *"
	logs := &syncBuffer{}
	a, err := newApp(context.Background(), running, newLogger(LogConfig{Level: "info", Format: "text"}, logs), withWebhook)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(a.close)
	a.runPush(context.Background()) // the schedule's firing
	if !strings.Contains(logs.String(), "daily push failed") {
		t.Fatalf("the push did not fail:\n%s", logs)
	}
	rep, err := a.report(context.Background(), now.AddDate(0, 0, -3))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	printReport(&b, rep, true)
	out := b.String()
	var line string
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, day(0)+"\t") {
			line = l
		}
	}
	if !strings.Contains(line, "or the push could not start") || !strings.Contains(line, "daily push failed") {
		t.Errorf("today's push, which fired on a running serve and failed, is reported without the cause it may have: %q", line)
	}
	console, err := os.ReadFile(filepath.Join("admin", "templates", "dashboard.html"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(console), "到点未推送（服务未运行）") {
		t.Error("the console still says a missed day's serve was not running")
	}
}
