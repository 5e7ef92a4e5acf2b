package insights

import (
	"context"
	"testing"
	"time"

	"mpbot/store"
	"mpbot/store/storetest"
)

// TestReportOfAPushDayOnEveryEngine: the report's push table reads, for
// each run, the modes its deliveries went out by (whether the day was a
// rehearsal), asking ModesGoneOut with "\x00" as the reason no failure has.
// PostgreSQL refuses a text holding a NUL byte (invalid byte sequence for
// encoding "UTF8": 0x00), so on a fleet's store every report with a push
// run in its period fails: `mpbot report` exits 1 ("store: the modes of
// 2026-12-03's deliveries: ERROR: invalid byte sequence …", seen on a
// PostgreSQL store after one `mpbot push`), and so does the console's
// dashboard. The tests of the rehearsal ran on SQLite alone.
func TestReportOfAPushDayOnEveryEngine(t *testing.T) {
	storetest.Each(t, func(t *testing.T, e storetest.Engine) {
		s := e.Store(t)
		ctx := context.Background()
		at := time.Date(2026, 11, 24, 7, 30, 0, 0, time.UTC)
		day := "2026-11-24"
		if err := s.AcquirePush(ctx, day, "me", at, time.Minute); err != nil {
			t.Fatal(err)
		}
		if err := s.RecordDeliveries(ctx, []store.Delivery{{Day: day, Recipient: "o1", ArticleID: "fq", Mode: "log", State: store.Sent}}); err != nil {
			t.Fatal(err)
		}
		if err := s.FinishPush(ctx, day, "me", store.Done, ""); err != nil {
			t.Fatal(err)
		}
		r, err := Build(ctx, Source{Store: s, Votes: NewVotes(time.Now), Terms: words, WeakScore: 0.6, Loc: time.UTC}, at.Add(-time.Hour), at.AddDate(0, 0, 1))
		if err != nil {
			t.Fatalf("the report of a period with one push run: %v", err)
		}
		if len(r.Push) != 1 || !r.Push[0].Rehearsal {
			t.Errorf("push %+v: want 11-24, a rehearsal", r.Push)
		}
	})
}
