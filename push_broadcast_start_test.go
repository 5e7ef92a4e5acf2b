package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
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
	day := pushDueTwoHoursAgo(t)
	t.Setenv("MPBOT_PUSH_MODE", "broadcast")
	t.Setenv("MPBOT_WECHAT_APP_ID", "wx0123456789abcdef")
	t.Setenv("MPBOT_WECHAT_APP_SECRET", "s3cret")
	t.Setenv("MPBOT_WECHAT_API_BASE", api.URL)
	logs := &syncBuffer{}
	_, stop := startServe(t, cfg, logs) // returns once "mpbot serving" is logged, after the catch-up check
	defer stop()
	want := "mpbot push --date " + day
	if !strings.Contains(logs.String(), want) {
		t.Fatalf("broadcast mode, serve started 2h after today's push time (catch_up 1h), the day not pushed: no warning naming `%s`:\n%s",
			want, logs)
	}
}
