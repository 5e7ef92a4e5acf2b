package main

import (
	"context"
	"strings"
	"testing"
	"time"
)

// TestFailedPushLineOnOneMachine: serve alone (SQLite, state.driver
// memory: there is no other replica), push.mode customer with the AppSecret
// left out of the environment. The scheduled push fails before it takes
// the day's lease, and serve logs
//
//	daily push failed; another replica takes the day over once this one's
//	lease runs out, or `mpbot push --date …` continues it
//
// No replica exists, no lease was taken, and nothing takes the day over:
// the on-call reading that line waits for a takeover that never comes
// (the day then shows as missed). The line should say what holds here.
func TestFailedPushLineOnOneMachine(t *testing.T) {
	dir := t.TempDir()
	path := writeConfig(t, dir, "")
	runCmd(t, "try", "--config", path, "你好") // seeds the demo articles
	t.Setenv("MPBOT_PUSH_MODE", "customer")
	t.Setenv("MPBOT_WECHAT_APP_SECRET", "")
	cfg, err := loadConfig(path, true)
	if err != nil {
		t.Fatal(err)
	}
	logs := &syncBuffer{}
	a, err := newApp(context.Background(), cfg, newLogger(LogConfig{Level: "info", Format: "text"}, logs), withWebhook)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(a.close)
	if a.redis != nil {
		t.Fatal("a fleet: this test is of serve alone")
	}
	day := cfg.today(time.Now())
	a.runPush(context.Background())
	line := ""
	for _, l := range strings.Split(logs.String(), "\n") {
		if strings.Contains(l, "daily push failed") {
			line = l
		}
	}
	if line == "" {
		t.Fatalf("no failed push logged for %s:\n%s", day, logs)
	}
	if strings.Contains(line, "another replica takes the day over") {
		t.Errorf("serve alone, failed before any lease, says another replica takes the day over: %s", line)
	}
}
