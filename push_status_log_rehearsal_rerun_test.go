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
	cfg, day := rehearsedDay(t)
	_, status, _ := runCmd(t, "push", "status", "--config", cfg, "--date", day)
	if !strings.Contains(status, "rehearsal") {
		t.Fatalf("no rehearsal said:\n%s", status)
	}
	if strings.Contains(status, "a run sends them") {
		t.Errorf("push status in push.mode log advises a run that would send nobody anything:\n%s", status)
	}
}

// rehearsedDay is a config of three followers whose day 2026-11-13 was run
// in push.mode log (the environment keeps it so for the test).
func rehearsedDay(t *testing.T) (cfg, day string) {
	t.Helper()
	fake := wechattest.NewFakeAPI()
	t.Cleanup(fake.Close)
	cfg, day = customerPushConfig(t, fake, 3), "2026-11-13"
	t.Setenv("MPBOT_PUSH_MODE", "log")
	if code, out, errOut := runCmd(t, "push", "--config", cfg, "--date", day); code != 0 {
		t.Fatalf("the rehearsal: exit %d\n%s%s", code, out, errOut)
	}
	return cfg, day
}

// TestPushRerunInLogModeSaysRehearsal: in push.mode log (the shipped
// rehearsal) a second `mpbot push` of a day, and its --dry-run, say
// "already sent: …, to 3 followers", where push status, the report and the
// console say the day was a rehearsal that reached nobody. A newcomer in
// the first hour reads it as three followers having got the reading.
func TestPushRerunInLogModeSaysRehearsal(t *testing.T) {
	cfg, day := rehearsedDay(t)
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
