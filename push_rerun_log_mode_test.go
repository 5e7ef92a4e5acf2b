package main

import (
	"strings"
	"testing"

	"mpbot/bot/wechat/wechattest"
)

// TestPushRerunInLogModeSaysRehearsal: in push.mode log (the shipped
// rehearsal) a second `mpbot push` of a day, and its --dry-run, say
// "already sent: …, to 3 followers", where push status, the report and the
// console say the day was a rehearsal that reached nobody. A newcomer in
// the first hour reads it as three followers having got the reading.
func TestPushRerunInLogModeSaysRehearsal(t *testing.T) {
	fake := wechattest.NewFakeAPI()
	defer fake.Close()
	cfg := customerPushConfig(t, fake, 3)
	const day = "2026-11-13"
	t.Setenv("MPBOT_PUSH_MODE", "log")
	if code, out, errOut := runCmd(t, "push", "--config", cfg, "--date", day); code != 0 {
		t.Fatalf("the rehearsal: exit %d\n%s%s", code, out, errOut)
	}
	for _, args := range [][]string{
		{"push", "--config", cfg, "--date", day},
		{"push", "--config", cfg, "--date", day, "--dry-run"},
	} {
		code, out, errOut := runCmd(t, args...)
		if code != 0 {
			t.Fatalf("%v: exit %d\n%s%s", args, code, out, errOut)
		}
		if !strings.Contains(out, "rehearsal") {
			t.Errorf("%v in push.mode log of a day rehearsed says it was sent, not that it was a rehearsal:\n%s", args, out)
		}
	}
}
