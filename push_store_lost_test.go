package main

import (
	"context"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"mpbot/bot/wechat/wechattest"
)

// TestPushThatLosesItsStoreSaysWhatItDid: a push whose store goes away
// mid-run (a replica cut off from PostgreSQL) ends with a line saying what
// it sent and what continues the day; it had said `daily push failed` and
// the store's error alone (a fleet run's find).
func TestPushThatLosesItsStoreSaysWhatItDid(t *testing.T) {
	fake := wechattest.NewFakeAPI()
	t.Cleanup(fake.Close)
	t.Setenv("MPBOT_WECHAT_API_BASE", fake.URL)
	t.Setenv("MPBOT_WECHAT_APP_SECRET", "s")
	t.Setenv("MPBOT_PUSH_MODE", "customer")
	dir := t.TempDir()
	path := writeConfig(t, dir, "")
	runCmd(t, "try", "--config", path, "你好") // seeds the demo articles
	seedFollowers(t, filepath.Join(dir, "mpbot.db"), 3)
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
	var once sync.Once
	fake.Handle("/cgi-bin/message/custom/send", func(url.Values, []byte) any {
		once.Do(func() { a.store.Close() }) // the store gone with the first send
		return map[string]any{"errcode": 0, "errmsg": "ok"}
	})
	day := cfg.today(time.Now())
	a.runPush(context.Background())
	line := ""
	for _, l := range strings.Split(logs.String(), "\n") {
		if strings.Contains(l, "daily push failed") {
			line = l
		}
	}
	if line == "" {
		t.Fatalf("no failed push logged:\n%s", logs)
	}
	for _, want := range []string{"mpbot push --date " + day, "sent=", "of=3"} {
		if !strings.Contains(line, want) {
			t.Errorf("the failed push's line does not say %q: %s", want, line)
		}
	}
}
