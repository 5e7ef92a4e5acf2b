package main

import (
	"strings"
	"testing"
)

// TestServeLiveInLogModeWarns (a newcomer run's find): README's
// "Connecting a real account" step 2 starts serve with the account's
// AppSecret, token and key in the environment; step 5, further down, says
// to set push.mode, "the shipped log sends nobody". A newcomer who stops at
// step 4 serves the real account with push.mode log: the shipped 帮助,
// 订阅 and 每天几点推送 replies promise followers "每天早上7:30推送给你", and
// every day's push goes to outbox.jsonl alone. serve's start said nothing
// of it ("daily push scheduled" names no mode); the start warns of an empty
// AppSecret, of the demo articles and of an empty insights.key, but not of
// a real account whose daily reading reaches nobody.
func TestServeLiveInLogModeWarns(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	t.Setenv("MPBOT_WECHAT_APP_SECRET", "the-accounts-secret")
	t.Setenv("MPBOT_WECHAT_TOKEN", "the-accounts-token")
	t.Setenv("MPBOT_WECHAT_ENCODING_AES_KEY", "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG")
	t.Setenv("MPBOT_INSIGHTS_KEY", "a-stable-key-for-the-test")
	logs := &syncBuffer{}
	_, stop := startServe(t, cfg, logs)
	stop()
	if !strings.Contains(logs.String(), "push.mode log is a rehearsal") {
		t.Errorf("serve of a real account (AppSecret and own token set) in the shipped push.mode log said nothing of the push reaching nobody:\n%s", logs)
	}
}
