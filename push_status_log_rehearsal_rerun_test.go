package main

import (
	"strings"
	"testing"

	"mpbot/bot/wechat/wechattest"
)

// TestPushStatusInLogModeAdvisesNoRun: `push status` in push.mode log of a
// day rehearsed there now says "rehearsal", and with it the line meant for
// a day rehearsed and since switched to a mode that sends: "not sent yet in
// push.mode log: 0; a run sends them: mpbot push --date D". In log mode a
// run reaches nobody, and 0 are "not sent yet"; the line points an operator
// at a rerun that does nothing (or, read as 0 left, at a day served).
func TestPushStatusInLogModeAdvisesNoRun(t *testing.T) {
	fake := wechattest.NewFakeAPI()
	defer fake.Close()
	cfg := customerPushConfig(t, fake, 3)
	const day = "2026-11-13"
	t.Setenv("MPBOT_PUSH_MODE", "log")
	if code, out, errOut := runCmd(t, "push", "--config", cfg, "--date", day); code != 0 {
		t.Fatalf("the rehearsal: exit %d\n%s%s", code, out, errOut)
	}
	_, status, _ := runCmd(t, "push", "status", "--config", cfg, "--date", day)
	if !strings.Contains(status, "rehearsal") {
		t.Fatalf("no rehearsal said:\n%s", status)
	}
	if strings.Contains(status, "a run sends them") {
		t.Errorf("push status in push.mode log advises a run that would send nobody anything:\n%s", status)
	}
}
