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

// TestCatchUpAfterYesterdaysRerun: the zone-change guard (another day's
// push began less than 20 hours before: not run) reads push_runs.started_at,
// which a rerun by another owner resets. Yesterday's push went out at its
// time, stopped with a few failed deliveries, and the operator reran it
// (`mpbot push --date`) six hours later to retry those few. Today serve is
// restarted (a deploy) two minutes after the push time, well within
// push.catch_up: the day is not pushed, "a second reading so soon", though
// everyone's last reading was a day ago. No zone changed; a serve that
// stayed up would have sent it at its time.
func TestCatchUpAfterYesterdaysRerun(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	runCmd(t, "try", "--config", cfg, "你好") // the store, with the demo articles
	loc, _ := time.LoadLocation("Asia/Shanghai")
	now := time.Now().In(loc)
	due := now.Add(-2 * time.Minute)
	if due.Day() != now.Day() {
		t.Skip("too close to midnight in Asia/Shanghai")
	}
	t.Setenv("MPBOT_PUSH_SCHEDULE", fmt.Sprintf("%d %d * * *", due.Minute(), due.Hour()))
	today, yesterday := now.Format("2006-01-02"), now.AddDate(0, 0, -1).Format("2006-01-02")

	s, err := store.Open(context.Background(), filepath.Join(dir, "mpbot.db"))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	seedFollowersIn(t, s, 3)
	// Yesterday: pushed at its time, stopped with failures, rerun 6 hours on.
	if err := s.AcquirePush(ctx, yesterday, "serve", time.Now().Add(-24*time.Hour), time.Minute); err != nil {
		t.Fatal(err)
	}
	if err := s.FinishPush(ctx, yesterday, "serve", store.Stopped, "some deliveries failed; run again to retry them"); err != nil {
		t.Fatal(err)
	}
	if err := s.AcquirePush(ctx, yesterday, "mpbot push", time.Now().Add(-18*time.Hour), time.Minute); err != nil {
		t.Fatal(err)
	}
	if err := s.FinishPush(ctx, yesterday, "mpbot push", store.Done, ""); err != nil {
		t.Fatal(err)
	}
	s.Close()

	logs := &syncBuffer{}
	_, stop := startServe(t, cfg, logs)
	defer stop()
	waitFor(t, func() bool {
		l := logs.String()
		return strings.Contains(l, "running it now") || strings.Contains(l, "a second reading so soon")
	}, "serve deciding on today's push")
	if strings.Contains(logs.String(), "a second reading so soon") {
		t.Errorf("today's push (%s), due two minutes before the start, is not caught up: yesterday's rerun of a few failed deliveries counts as a push begun 18 hours ago:\n%s", today, logs)
	}
}
