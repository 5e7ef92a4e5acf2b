package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// TestServeStartPastCatchUpWarnsInBroadcastMode: push.mode broadcast sends
// the day's mass send to all the account's followers (or push.tag_id's),
// whoever the store has heard of: the followers table is not its audience.
// A restart past push.catch_up on a day not pushed warned "send it with
// `mpbot push --date …`" at 6a6395d; eccfc7d keeps quiet whenever the
// store has no follower (a new store's first start), so a broadcast
// account whose store never recorded followers (push by broadcast, the
// webhook on another host, or a store moved) misses the day silently again.
func TestServeStartPastCatchUpWarnsInBroadcastMode(t *testing.T) {
	api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `{"errcode":40001,"errmsg":"invalid credential"}`)
	}))
	defer api.Close()
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	runCmd(t, "try", "--config", cfg, "你好")
	loc, _ := time.LoadLocation("Asia/Shanghai")
	now := time.Now().In(loc)
	due := now.Add(-2 * time.Hour)
	if due.Day() != now.Day() {
		t.Skip("too close to midnight in Asia/Shanghai")
	}
	day := now.Format("2006-01-02")
	t.Setenv("MPBOT_PUSH_SCHEDULE", fmt.Sprintf("%d %d * * *", due.Minute(), due.Hour()))
	t.Setenv("MPBOT_PUSH_CATCH_UP", "1h")
	t.Setenv("MPBOT_PUSH_MODE", "broadcast")
	t.Setenv("MPBOT_WECHAT_APP_ID", "wx0123456789abcdef")
	t.Setenv("MPBOT_WECHAT_APP_SECRET", "s3cret")
	t.Setenv("MPBOT_WECHAT_API_BASE", api.URL)
	logs := &syncBuffer{}
	_, stop := startServe(t, cfg, logs) // returns once "mpbot serving" is logged, after the catch-up check
	defer stop()
	want := "mpbot push --date " + day
	if !strings.Contains(logs.String(), want) {
		t.Fatalf("broadcast mode, serve started %v after today's push time (catch_up 1h), the day not pushed: no warning naming `%s`:\n%s",
			now.Sub(due).Round(time.Minute), want, logs)
	}
}
