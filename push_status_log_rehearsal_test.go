package main

import (
	"strings"
	"testing"

	"mpbot/bot/wechat/wechattest"
)

// TestPushStatusInLogModeSaysRehearsal (a newcomer run's find): on the
// shipped push.mode log, `mpbot push` printed "recipients 3, sent 3" and
// `mpbot push status` "2026-11-13: done … sent 3", with no word that the
// outbox reached nobody, while `mpbot report` and the console call the same
// day "a rehearsal in push.mode log: sent to the outbox, it reached nobody".
// An operator on the shipped config reads the status as followers served.
// The status said "rehearsal" only once push.mode was edited to one that
// sends.
func TestPushStatusInLogModeSaysRehearsal(t *testing.T) {
	fake := wechattest.NewFakeAPI()
	defer fake.Close()
	cfg := customerPushConfig(t, fake, 3)
	const day = "2026-11-13"
	t.Setenv("MPBOT_PUSH_MODE", "log")
	code, out, errOut := runCmd(t, "push", "--config", cfg, "--date", day)
	if code != 0 {
		t.Fatalf("the rehearsal: exit %d\n%s%s", code, out, errOut)
	}
	if !strings.Contains(out, "rehearsal") && !strings.Contains(out, "outbox") {
		t.Errorf("mpbot push in push.mode log says nothing of a rehearsal or the outbox:\n%s", out)
	}
	_, status, _ := runCmd(t, "push", "status", "--config", cfg, "--date", day)
	if !strings.Contains(status, "rehearsal") {
		t.Errorf("push status in push.mode log of a day only rehearsed does not say so (report does):\n%s", status)
	}
}
