package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"mpbot/bot/wechat/wechattest"
	"mpbot/jobs"
)

// TestModeToSendingThroughOffAfterTodaysRehearsal: today's push ran in
// push.mode log (the rehearsal); the operator pauses the push (off) while
// setting the account up, then switches it to customer, live. Nobody got
// today's reading, and it is not run again by itself, exactly as when log
// goes to customer in one edit; README ("Delivering", log) promises the
// reload warns. It says only "config reloaded": the warning looks at the
// mode of the reload before, not at what today's push was.
func TestModeToSendingThroughOffAfterTodaysRehearsal(t *testing.T) {
	scheduledPassedToday(t)
	_, logs, day, goLive := rehearsedToday(t)
	goLive("off")
	goLive("customer")
	if want := "after today's push ran in log mode: nobody got today's reading, and it is not run again by itself; send it with `mpbot push --date " + day + "`"; !strings.Contains(logs.String(), want) {
		t.Errorf("log → off → customer after today's rehearsal: the reloads' log does not say %q:\n%s", want, logs)
	}
}

// TestStartInSendingModeAfterTodaysRehearsal: the usual way to go live is a
// restart (README, Connecting a real account: MPBOT_WECHAT_APP_SECRET is an
// environment variable, push.mode set to customer). Today's push ran in log
// mode before it; the start finds the day done and says nothing, so nobody
// gets today's reading and nobody is told. The live edit warns of exactly
// this; the start does not.
func TestStartInSendingModeAfterTodaysRehearsal(t *testing.T) {
	fake := wechattest.NewFakeAPI()
	t.Cleanup(fake.Close)
	t.Setenv("MPBOT_WECHAT_API_BASE", fake.URL)
	t.Setenv("MPBOT_WECHAT_APP_SECRET", "s")
	dir := t.TempDir()
	path := writeConfig(t, dir, "")
	runCmd(t, "try", "--config", path, "你好") // seeds the demo articles
	seedFollowers(t, filepath.Join(dir, "mpbot.db"), 3)
	scheduledPassedToday(t)

	t.Setenv("MPBOT_PUSH_MODE", "log")
	rehearsal, err := loadConfig(path, true)
	if err != nil {
		t.Fatal(err)
	}
	first, err := newApp(context.Background(), rehearsal, newLogger(LogConfig{Level: "info", Format: "text"}, &syncBuffer{}), withWebhook)
	if err != nil {
		t.Fatal(err)
	}
	day := rehearsal.today(time.Now())
	if res, err := first.push.Run(context.Background(), jobs.RunOptions{Day: day}); err != nil || res.Mode != jobs.ModeLog {
		t.Fatalf("today's rehearsal: %+v %v", res, err)
	}
	first.close()

	t.Setenv("MPBOT_PUSH_MODE", "customer") // going live: a restart
	live, err := loadConfig(path, true)
	if err != nil {
		t.Fatal(err)
	}
	logs := &syncBuffer{}
	a, err := newApp(context.Background(), live, newLogger(LogConfig{Level: "info", Format: "text"}, logs), withWebhook)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(a.close)
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	a.startPush(ctx)
	if n := len(fake.Calls("/cgi-bin/message/custom/send")); n != 0 {
		t.Logf("%d customer-service sends", n)
	}
	if !strings.Contains(logs.String(), "log mode") || !strings.Contains(logs.String(), "mpbot push --date "+day) {
		t.Errorf("serve started in push.mode customer after today's push ran in log mode: nothing says nobody got today's reading nor how to send it:\n%s", logs)
	}
}

// scheduledPassedToday sets push.schedule to a time today has passed, a
// minute ago (or midnight, in the day's first minute), with no later one
// today: a push rehearsed today is not sent again by the schedule.
func scheduledPassedToday(t *testing.T) {
	t.Helper()
	loc, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now().In(loc)
	at := now.Add(-time.Minute)
	if at.Day() != now.Day() {
		at = time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, loc)
	}
	t.Setenv("MPBOT_PUSH_SCHEDULE", fmt.Sprintf("%d %d * * *", at.Minute(), at.Hour()))
}

// TestModeToSendingBeforeTheScheduleFiresAgainToday: going live after
// today's rehearsal with a time of the schedule still to come today: that
// firing sends the day for real (its run sets the rehearsal aside), and
// the reload says so, not that nothing will (a re-check's find: the
// warning had said it is not run again by itself).
func TestModeToSendingBeforeTheScheduleFiresAgainToday(t *testing.T) {
	loc, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		t.Fatal(err)
	}
	if now := time.Now().In(loc); now.Hour() == 23 && now.Minute() >= 58 {
		t.Skip("the day's last minutes: no later time today")
	}
	t.Setenv("MPBOT_PUSH_SCHEDULE", "59 23 * * *")
	_, logs, _, goLive := rehearsedToday(t)
	goLive("customer")
	if !strings.Contains(logs.String(), "the schedule's next time today sends it") || strings.Contains(logs.String(), "it is not run again by itself") {
		t.Errorf("going live before the schedule's last time today:\n%s", logs)
	}
}

// rehearsedToday is serve's app in process on the shipped config (push.mode
// log) with three followers and an AppSecret, a fake WeChat API behind it,
// after today's push ran in log mode; goLive rewrites config.yaml's
// push.mode and reloads it.
func rehearsedToday(t *testing.T) (a *app, logs *syncBuffer, day string, goLive func(mode string)) {
	t.Helper()
	fake := wechattest.NewFakeAPI()
	t.Cleanup(fake.Close)
	t.Setenv("MPBOT_WECHAT_API_BASE", fake.URL)
	t.Setenv("MPBOT_WECHAT_APP_SECRET", "s")
	dir := t.TempDir()
	path := writeConfig(t, dir, "")
	runCmd(t, "try", "--config", path, "你好") // seeds the demo articles
	seedFollowers(t, filepath.Join(dir, "mpbot.db"), 3)
	running, err := loadConfig(path, true)
	if err != nil {
		t.Fatal(err)
	}
	logs = &syncBuffer{}
	a, err = newApp(context.Background(), running, newLogger(LogConfig{Level: "info", Format: "text"}, logs), withWebhook)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(a.close)
	day = running.today(time.Now())
	if res, err := a.push.Run(context.Background(), jobs.RunOptions{Day: day}); err != nil || res.Mode != jobs.ModeLog {
		t.Fatalf("today's rehearsal: %+v %v", res, err)
	}
	shipped, _ := os.ReadFile(path)
	return a, logs, day, func(mode string) {
		t.Helper()
		if err := os.WriteFile(path, []byte(strings.Replace(string(shipped), "\n  mode: log", "\n  mode: "+mode, 1)), 0o644); err != nil {
			t.Fatal(err)
		}
		a.reload(path, running)
	}
}
