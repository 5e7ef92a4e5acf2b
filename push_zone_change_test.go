package main

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"mpbot/store"
)

// TestScheduleMovedOntoADayNotPushedJustAfterAPush: push.timezone edited
// just after a push went out can make "today" a day not pushed whose time
// has passed (Asia/Shanghai's 12-07 pushed at 00:29, then UTC: 12-06). The
// reload ran it at once within push.catch_up, or advised `mpbot push --date`
// past it: either way followers got a second reading within the hour (an
// on-call run's find). A day whose push began less than 20 hours after
// another's is said, not run.
func TestScheduleMovedOntoADayNotPushedJustAfterAPush(t *testing.T) {
	a, fake, loc, logs, edit, reload := rescheduleServe(t)
	ctx := context.Background()
	now := time.Now().In(loc)
	today := now.Format("2006-01-02")
	other := now.AddDate(0, 0, 1).Format("2006-01-02") // the day the zone before called today
	if err := a.store.AcquirePush(ctx, other, "before", time.Now().Add(-10*time.Minute), time.Minute); err != nil {
		t.Fatal(err)
	}
	if err := a.store.FinishPush(ctx, other, "before", store.Done, ""); err != nil {
		t.Fatal(err)
	}
	hourAgo := now.Add(-time.Hour)
	edit(fmt.Sprintf("%d %d * * *", hourAgo.Minute(), hourAgo.Hour()))
	reload()
	if !strings.Contains(logs.String(), "a second reading so soon; `mpbot push --date "+today+"` sends it if followers should have both") {
		t.Errorf("the reload does not say why today's push is not run:\n%s", logs)
	}
	if state, _, err := a.store.PushRun(ctx, today); err != nil || state != "" {
		t.Errorf("today's push: %q, %v; want not run", state, err)
	}
	if n := len(fake.Calls("/cgi-bin/message/custom/send")); n != 0 {
		t.Errorf("%d readings sent ten minutes after the day before's push", n)
	}
}
