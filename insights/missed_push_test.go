package insights

import (
	"context"
	"slices"
	"testing"
	"time"

	"mpbot/store"
	"mpbot/store/storetest"
)

// TestReportListsMissedPushDays: a day the push was due and never ran
// (serve down past push.catch_up) is a row of the report's push table, as
// missed, from the first run the store holds on — the table had listed the
// days that ran and left the others out without a word; days before the
// push's first run are not missed, nor is a week with no run at all once a
// run came before it left empty.
func TestReportListsMissedPushDays(t *testing.T) {
	s := storetest.SQLite(t)
	ctx := context.Background()
	at := func(day string) time.Time {
		d, err := time.ParseInLocation("2006-01-02 15:04", day+" 07:30", time.UTC)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	for _, day := range []string{"2026-11-20", "2026-11-25", "2026-11-27"} {
		if err := s.AcquirePush(ctx, day, "me", at(day), time.Minute); err != nil {
			t.Fatal(err)
		}
		if err := s.FinishPush(ctx, day, "me", store.Done, ""); err != nil {
			t.Fatal(err)
		}
	}
	due := []string{"2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27", "2026-11-28"}
	build := func(since time.Time, due []string) []PushDay {
		t.Helper()
		r, err := Build(ctx, Source{Store: s, Votes: NewVotes(time.Now), Terms: words, WeakScore: 0.6, Loc: time.UTC, PushDue: due},
			since, at("2026-11-28").Add(2*time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		return r.Push
	}
	var got []string
	for _, d := range build(at("2026-11-24").Add(-time.Hour), due) {
		got = append(got, d.Day+" "+d.State)
	}
	want := []string{"2026-11-24 missed", "2026-11-25 done", "2026-11-26 missed", "2026-11-27 done", "2026-11-28 missed"}
	if !slices.Equal(got, want) {
		t.Errorf("push rows %q, want %q", got, want)
	}

	// A period of its own without a run: its due days are missed, the
	// store's first run being before it.
	got = got[:0]
	for _, d := range build(at("2026-11-28").Add(-time.Hour), due[4:]) {
		got = append(got, d.Day+" "+d.State)
	}
	if !slices.Equal(got, []string{"2026-11-28 missed"}) {
		t.Errorf("a period without a run: push rows %q", got)
	}

	// A store with no run yet: nothing is missed (the push not begun, or
	// just turned on), and the push off (no due days) lists the runs only.
	empty := storetest.SQLite(t)
	r, err := Build(ctx, Source{Store: empty, Votes: NewVotes(time.Now), Terms: words, WeakScore: 0.6, Loc: time.UTC, PushDue: due},
		at("2026-11-24").Add(-time.Hour), at("2026-11-28").Add(2*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Push) != 0 {
		t.Errorf("a store without runs: push rows %+v", r.Push)
	}
	if rows := build(at("2026-11-24").Add(-time.Hour), nil); len(rows) != 2 {
		t.Errorf("the push off: push rows %+v, want the two runs", rows)
	}
}

// TestReportSaysARehearsal: a day pushed in push.mode log alone reached
// nobody, and says so; a day sent for real after its rehearsal (the log
// rows set aside) does not.
func TestReportSaysARehearsal(t *testing.T) {
	s := storetest.SQLite(t)
	ctx := context.Background()
	at := time.Date(2026, 11, 24, 7, 30, 0, 0, time.UTC)
	for i, day := range []string{"2026-11-24", "2026-11-25"} {
		if err := s.AcquirePush(ctx, day, "me", at.AddDate(0, 0, i), time.Minute); err != nil {
			t.Fatal(err)
		}
		if err := s.RecordDeliveries(ctx, []store.Delivery{{Day: day, Recipient: "o1", ArticleID: "fq", Mode: "log", State: store.Sent},
			{Day: day, Recipient: "o2", ArticleID: "fq", Mode: "log", State: store.Sent}}); err != nil {
			t.Fatal(err)
		}
		if err := s.FinishPush(ctx, day, "me", store.Done, ""); err != nil {
			t.Fatal(err)
		}
	}
	// 11-25 went live: its rehearsal set aside, sent for real.
	if _, err := s.ForgetRehearsal(ctx, "2026-11-25", "log", at.AddDate(0, 0, 1).Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if err := s.RecordDeliveries(ctx, []store.Delivery{{Day: "2026-11-25", Recipient: "o1", ArticleID: "fq", Mode: "customer", State: store.Sent}}); err != nil {
		t.Fatal(err)
	}
	r, err := Build(ctx, Source{Store: s, Votes: NewVotes(time.Now), Terms: words, WeakScore: 0.6, Loc: time.UTC}, at.Add(-time.Hour), at.AddDate(0, 0, 2))
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Push) != 2 || !r.Push[0].Rehearsal || r.Push[1].Rehearsal {
		t.Errorf("push %+v: want 11-24 a rehearsal, 11-25 not", r.Push)
	}
}
