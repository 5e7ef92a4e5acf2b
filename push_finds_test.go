package main

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"mpbot/store"
)

// TestServeStartPastCatchUpWarns: serve starts on a day whose push time has
// passed, longer ago than push.catch_up, and the day was never pushed. The
// README (The daily reading, "Exactly once, nobody lost"): "past
// push.catch_up it is not run (nor a day stopped or running), and a warning
// gives the `mpbot push --date` that sends it" — the reload path says so
// ("today's push will not run by itself; send it with `mpbot push --date
// …`"); a start says nothing: the day is silently missed (an operator
// run's find: serve started at 21:42 with the shipped 07:30 schedule logged
// only "daily push scheduled … next=<tomorrow>").
func TestServeStartPastCatchUpWarns(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	runCmd(t, "try", "--config", cfg, "你好")
	seedFollowers(t, filepath.Join(dir, "mpbot.db"), 3)
	day := pushDueTwoHoursAgo(t)
	logs := &syncBuffer{}
	_, stop := startServe(t, cfg, logs) // returns once "mpbot serving" is logged, after the catch-up check
	defer stop()
	want := "mpbot push --date " + day
	if !strings.Contains(logs.String(), want) || !strings.Contains(logs.String(), "level=WARN") {
		t.Fatalf("serve started 2h after today's push time (catch_up 1h), the day not pushed: no warning naming `%s`:\n%s",
			want, logs)
	}
}

// TestSecondFiringSaysWhoFinishedTheDay: a schedule firing on a day this
// very process pushed (push.schedule with two times, `0 7,19 * * *`, which
// the README supports; a schedule edited to later today after a catch-up
// ran) logs "daily push: finished by another process". No other process
// exists: an operator reading the log looks for a replica or a stray `mpbot
// push` that is not there (seen in an operator run: replica B ran the
// catch-up at 03:57 and said at 03:58 that another process had finished it).
func TestSecondFiringSaysWhoFinishedTheDay(t *testing.T) {
	a, _, loc, logs, edit, reload := rescheduleServe(t)
	day := time.Now().In(loc).Format("2006-01-02")
	then := time.Now().In(loc).Add(-10 * time.Minute)
	edit(fmt.Sprintf("%d %d * * *", then.Minute(), then.Hour()))
	reload()
	waitFor(t, func() bool {
		state, _, _ := a.store.PushRun(context.Background(), day)
		return state == "done"
	}, "today's push run by this process")
	a.runPush(context.Background()) // the schedule fires again today
	if strings.Contains(logs.String(), "finished by another process") {
		t.Fatalf("this process pushed the day, and its log says another process finished it:\n%s", logs)
	}
}

// TestStatusAfterTheCategoryChanged: push.category changed to one whose
// articles were all read, today's reading being of the category before,
// push status said the category's articles "go to the days before it (the
// last on today)": today's is another category's, and none of this one is
// left (a push run's find).
func TestStatusAfterTheCategoryChanged(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	runCmd(t, "try", "--config", cfg, "你好") // the store, with the demo articles
	loc, _ := time.LoadLocation("Asia/Shanghai")
	now := time.Now().In(loc)
	today, tomorrow := now.Format("2006-01-02"), now.AddDate(0, 0, 1).Format("2006-01-02")
	st, err := store.Open(context.Background(), filepath.Join(dir, "mpbot.db"))
	if err != nil {
		t.Fatal(err)
	}
	for i := 2; i <= 3; i++ { // 考试分析's two articles, read on days gone
		if _, err := st.DailyReading(context.Background(), now.AddDate(0, 0, -i).Format("2006-01-02"), "考试分析"); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := st.DailyReading(context.Background(), today, "政策理论导读"); err != nil {
		t.Fatal(err)
	}
	st.Close()
	t.Setenv("MPBOT_PUSH_CATEGORY", "考试分析")
	_, out, errOut := runCmd(t, "push", "status", "--config", cfg, "--date", tomorrow)
	if !strings.Contains(out, `nothing to send: no article of "考试分析" left to read`) {
		t.Errorf("status of tomorrow, 考试分析's articles all read and today's another category's:\n%s%s", out, errOut)
	}
}

// pushDueTwoHoursAgo schedules the push two hours ago today, in China, with
// a catch-up of an hour: a serve starting now finds the day past catch_up.
// It returns the day.
func pushDueTwoHoursAgo(t *testing.T) string {
	t.Helper()
	loc, _ := time.LoadLocation("Asia/Shanghai")
	now := time.Now().In(loc)
	due := now.Add(-2 * time.Hour)
	if due.Day() != now.Day() {
		t.Skip("too close to midnight in Asia/Shanghai")
	}
	t.Setenv("MPBOT_PUSH_SCHEDULE", fmt.Sprintf("%d %d * * *", due.Minute(), due.Hour()))
	t.Setenv("MPBOT_PUSH_CATCH_UP", "1h")
	return now.Format("2006-01-02")
}
