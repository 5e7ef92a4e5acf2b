package main

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"mpbot/bot/wechat"
)

// A hostile run's find in serve (the session of 2026-12-06).

// TestPushDoneGaugeSurvivesARestart: README has mpbot_push_done_day_seconds
// be the last day whose push is done "on every replica that ran it or found
// it done: alert when it falls a day behind". A replica restarted after the
// day's push (a deploy, a crash) reads the day's state at start-up, finds it
// done, and says nothing: the gauge stays 0 until the next day's push. Live,
// both fleet replicas restarted after the 07:30 push reported 0 while a
// replica never restarted reported the day; an alert on the gauge fires on
// every restarted replica, and a fleet restarted in a deploy reads as a
// push a day behind.
func TestPushDoneGaugeSurvivesARestart(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	runCmd(t, "try", "--config", cfg, "你好") // the store, with the demo articles
	loc, _ := time.LoadLocation("Asia/Shanghai")
	due := time.Now().In(loc).Add(-2 * time.Minute)
	if due.Day() != time.Now().In(loc).Day() {
		t.Skip("too close to midnight in Asia/Shanghai")
	}
	t.Setenv("MPBOT_PUSH_SCHEDULE", fmt.Sprintf("%d %d * * *", due.Minute(), due.Hour()))
	y, mo, d := due.Date()
	want := fmt.Sprintf("\nmpbot_push_done_day_seconds %g\n", float64(time.Date(y, mo, d, 0, 0, 0, 0, loc).Unix()))

	// The first start catches the push up and says the day is done.
	logs := &syncBuffer{}
	base, stop := startServe(t, cfg, logs)
	waitFor(t, func() bool { return strings.Contains(httpGet(t, base+"/metrics"), want) }, "the day done on the first start")
	if code := stop(); code != 0 {
		t.Fatalf("first serve exited %d:\n%s", code, logs)
	}

	// Restarted the same day: the push is done, and this replica found so
	// as it started (it decides there whether to catch the push up).
	logs = &syncBuffer{}
	base, stop = startServe(t, cfg, logs)
	defer stop()
	if strings.Contains(logs.String(), "daily push was due while mpbot was down; running it now") {
		t.Fatalf("the push ran again after the restart:\n%s", logs)
	}
	if m := httpGet(t, base+"/metrics"); !strings.Contains(m, want) {
		i := strings.Index(m, "\nmpbot_push_done_day_seconds ")
		t.Fatalf("after a restart the gauge says %q, want %q: the day's push is done and this replica found it done at start-up",
			strings.TrimSpace(m[i:i+strings.Index(m[i+1:], "\n")+1]), strings.TrimSpace(want))
	}
}

// TestPushDoneGaugeSeesAPushRunByHand (a newcomer run's find): README says alert when
// mpbot_push_done_day_seconds "falls a day behind", and `push status` tells
// an operator whose day was missed to run `mpbot push --date DAY`. Done so
// while serve runs, the day is done in the store (push status: "done"), but
// serve's gauge stays 0 until the next day's scheduled push: the alert keeps
// firing for a day that went out (live: 0 after `mpbot push --date
// 2026-12-06` reported "recipients 1, sent 1").
func TestPushDoneGaugeSeesAPushRunByHand(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	runCmd(t, "try", "--config", cfg, "你好")
	loc, _ := time.LoadLocation("Asia/Shanghai")
	now := time.Now().In(loc)
	if now.Hour() == 23 && now.Minute() > 50 {
		t.Skip("too close to midnight in Asia/Shanghai")
	}
	// Not due today: the scheduled run does not do the day.
	t.Setenv("MPBOT_PUSH_SCHEDULE", "59 23 * * *")
	logs := &syncBuffer{}
	base, stop := startServe(t, cfg, logs)
	defer stop()
	sim := simulatorFor(t, cfg, base)
	if _, err := sim.Send(context.Background(), wechat.Inbound{From: "o_gauge", MsgType: "text", Content: "浦江经验", MsgID: 1, CreateTime: time.Now().Unix()}); err != nil {
		t.Fatal(err)
	}
	waitFor(t, func() bool {
		_, out, _ := runCmd(t, "followers", "list", "--config", cfg)
		return strings.Contains(out, "o_gauge")
	}, "the follower recorded")
	day := now.Format("2006-01-02")
	if code, out, errOut := runCmd(t, "push", "--config", cfg, "--date", day); code != 0 || !strings.Contains(out, "sent 1") {
		t.Fatalf("push --date %s: %d\n%s\n%s", day, code, out, errOut)
	}
	if _, out, _ := runCmd(t, "push", "status", "--config", cfg, "--date", day); !strings.Contains(out, ": done") {
		t.Fatalf("push status after the push: %s", out)
	}
	y, mo, d := now.Date()
	want := fmt.Sprintf("\nmpbot_push_done_day_seconds %g\n", float64(time.Date(y, mo, d, 0, 0, 0, 0, loc).Unix()))
	deadline := time.Now().Add(10 * time.Second)
	for {
		m := httpGet(t, base+"/metrics")
		if strings.Contains(m, want) {
			return
		}
		if time.Now().After(deadline) {
			i := strings.Index(m, "\nmpbot_push_done_day_seconds ")
			t.Fatalf("10 s after `mpbot push --date %s` finished the day, serve's gauge says %q, want %q",
				day, strings.TrimSpace(m[i:i+strings.Index(m[i+1:], "\n")+1]), strings.TrimSpace(want))
		}
		time.Sleep(500 * time.Millisecond)
	}
}
