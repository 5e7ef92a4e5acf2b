package jobs

import (
	"context"
	"fmt"
	"testing"
	"time"

	"mpbot/content"
)

// TestSpringForwardDayIsPushed: in a zone with summer time, a schedule
// in the hour the clocks skip (New York's 02:30 on 14 March 2027; Berlin's
// 02:xx on the last Sunday of March) never fires that day: robfig/cron's
// Next goes on to the next day. No push, no catch-up (MissedRun finds no
// time due today), and push status's ScheduledAt says the day has no push.
// Expected: the day's push runs (at the first minute after the gap, as
// Vixie cron does), not skipped.
func TestSpringForwardDayIsPushed(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip(err)
	}
	const spec = "30 2 * * *"
	from := time.Date(2027, 3, 13, 12, 0, 0, 0, ny)
	next := Firings(spec, ny, from, 1)
	if len(next) != 1 || next[0].Format("2006-01-02") != "2027-03-14" {
		t.Errorf("after %s the schedule %q next fires %v: 2027-03-14 has no push", from, spec, next)
	}
	if _, ok := ScheduledAt(spec, ny, "2027-03-14"); !ok {
		t.Errorf("ScheduledAt(%q, New York, 2027-03-14) says the day has no push", spec)
	}
	// serve started at 03:10 that day, within catch_up of when the push
	// would have been due: nothing is caught up either.
	now := time.Date(2027, 3, 14, 3, 10, 0, 0, ny)
	if due, missed := MissedRun(spec, ny, now, time.Hour); !missed {
		t.Errorf("MissedRun at %s: due %v, missed %v: the day is neither pushed nor caught up", now, due, missed)
	}
}

// TestMissedRunOnTheLongDay: MissedRun looks for today's times up to
// dayStart+24h, but the day the clocks go back is 25 hours long: a
// schedule after 23:00 is not seen as today's, so a serve that was down at
// 23:15 and starts at 23:30 neither catches the day up nor says anything
// (startPush logs only when MissedRun returns a due time).
func TestMissedRunOnTheLongDay(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip(err)
	}
	now := time.Date(2027, 11, 7, 23, 30, 0, 0, ny) // 25-hour day (EDT → EST)
	due, missed := MissedRun("15 23 * * *", ny, now, time.Hour)
	want := time.Date(2027, 11, 7, 23, 15, 0, 0, ny)
	if !due.Equal(want) || !missed {
		t.Fatalf("MissedRun at %s: due %v missed %v, want %v missed", now, due, missed, want)
	}
}

// TestDryRunFindsWhatTheRunSends: a dry run (mpbot push --dry-run, push
// status, the console's plan) plans from the first 4 unread articles only,
// passing over those scheduled later; the run asks the store for the first
// not scheduled later. Four undated articles scheduled for later days (an
// imported series) make the dry run say "nothing to push" of a day the run
// then pushes an article on.
func TestDryRunFindsWhatTheRunSends(t *testing.T) {
	ctx := context.Background()
	s, send, p := setup(t, 3)
	for i := range 4 {
		a := content.Article{ID: fmt.Sprintf("series-%d", i), Title: fmt.Sprintf("系列%d", i), URL: fmt.Sprintf("https://x/s%d", i),
			Category: "政策理论导读", ScheduledOn: fmt.Sprintf("2026-12-%02d", 20+i)}
		if _, _, err := s.Upsert(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	dry, derr := p.Run(ctx, RunOptions{DryRun: true})
	res, err := p.Run(ctx, RunOptions{})
	if err != nil || res.Sent != 3 || len(send.sent) != 3 {
		t.Fatalf("run: %+v %v", res, err)
	}
	if derr != nil || dry.Article.ID != res.Article.ID {
		t.Fatalf("dry run: %q, %v; the run then sent %q to %d followers", dry.Article.ID, derr, res.Article.ID, res.Sent)
	}
}

// TestSkippedHourFiresOnceAtTheChange: times in the hour the clocks skip
// fire at the change, once; every other time and zone fires as cron says.
func TestSkippedHourFiresOnceAtTheChange(t *testing.T) {
	load := func(name string) *time.Location {
		loc, err := time.LoadLocation(name)
		if err != nil {
			t.Skip(err)
		}
		return loc
	}
	ny, berlin, shanghai := load("America/New_York"), load("Europe/Berlin"), load("Asia/Shanghai")
	for _, c := range []struct {
		spec string
		loc  *time.Location
		from time.Time
		want []string
	}{
		{"30 2 * * *", ny, time.Date(2027, 3, 13, 12, 0, 0, 0, ny), []string{"2027-03-14 03:00 EDT", "2027-03-15 02:30 EDT"}},
		{"*/15 2 * * *", ny, time.Date(2027, 3, 14, 1, 50, 0, 0, ny), []string{"2027-03-14 03:00 EDT", "2027-03-15 02:00 EDT"}},
		{"0 3 * * *", ny, time.Date(2027, 3, 13, 12, 0, 0, 0, ny), []string{"2027-03-14 03:00 EDT", "2027-03-15 03:00 EDT"}},
		{"30 7 * * *", ny, time.Date(2027, 3, 13, 12, 0, 0, 0, ny), []string{"2027-03-14 07:30 EDT", "2027-03-15 07:30 EDT"}},
		{"30 2 * * 1", ny, time.Date(2027, 3, 13, 12, 0, 0, 0, ny), []string{"2027-03-15 02:30 EDT", "2027-03-22 02:30 EDT"}}, // no Monday skipped
		{"30 2 * * *", berlin, time.Date(2027, 3, 27, 12, 0, 0, 0, berlin), []string{"2027-03-28 03:00 CEST", "2027-03-29 02:30 CEST"}},
		{"30 2 * * *", shanghai, time.Date(2027, 3, 13, 12, 0, 0, 0, shanghai), []string{"2027-03-14 02:30 CST", "2027-03-15 02:30 CST"}},
		// The day the clocks go back fires at the first 01:30 (and the second, which finds the day done).
		{"30 1 * * *", ny, time.Date(2027, 11, 6, 12, 0, 0, 0, ny), []string{"2027-11-07 01:30 EDT", "2027-11-07 01:30 EST"}},
	} {
		var got []string
		for _, f := range Firings(c.spec, c.loc, c.from, len(c.want)) {
			got = append(got, f.Format("2006-01-02 15:04 MST"))
		}
		if fmt.Sprint(got) != fmt.Sprint(c.want) {
			t.Errorf("%q in %s after %s: %q, want %q", c.spec, c.loc, c.from, got, c.want)
		}
	}
	// Through a year of New York, every time the clocks do not skip fires
	// as cron has it.
	for _, spec := range []string{"0 0 * * *", "30 7 * * *", "59 23 * * *", "0 3 * * *", "0 1 * * *", "15 1,2,3 * * 0"} {
		sched, err := ParseSchedule(spec)
		if err != nil {
			t.Fatal(err)
		}
		inner := sched.(skippedHour).spec
		for t0 := time.Date(2027, 1, 1, 0, 0, 0, 0, ny); t0.Year() == 2027; t0 = t0.Add(97 * time.Minute) {
			got, want := sched.Next(t0), inner.Next(t0)
			if !got.Equal(want) && !(spec == "15 1,2,3 * * 0" && got.Format("01-02 15:04") == "03-14 03:00") {
				t.Fatalf("%q after %s: %s, cron says %s", spec, t0, got, want)
			}
		}
	}
}

// FuzzDailyScheduleSkipsNoDay: a daily schedule fires on every day of its
// zone, whatever the zone's summer time does (a day may fire twice, in the
// hour the clocks repeat), each time after the one before.
func FuzzDailyScheduleSkipsNoDay(f *testing.F) {
	zones := []string{"America/New_York", "Europe/Berlin", "Australia/Sydney", "Australia/Lord_Howe", "Asia/Shanghai", "America/Santiago", "Asia/Tehran", "America/Havana", "Africa/Cairo", "Asia/Beirut", "America/Asuncion"}
	f.Add(uint8(30), uint8(2), uint8(0), int64(0))
	f.Add(uint8(30), uint8(2), uint8(0), int64(65*86400)) // New York, the week its clocks go forward
	f.Add(uint8(15), uint8(2), uint8(3), int64(86400*300))
	f.Add(uint8(0), uint8(0), uint8(7), int64(86400*70))
	f.Fuzz(func(t *testing.T, minute, hour, zone uint8, offset int64) {
		loc, err := time.LoadLocation(zones[int(zone)%len(zones)])
		if err != nil {
			t.Skip(err)
		}
		spec := fmt.Sprintf("%d %d * * *", minute%60, hour%24)
		if offset < 0 {
			offset = -offset
		}
		from := time.Unix(1767225600+offset%(3*365*86400), 0).In(loc) // 2026-01-01 and three years on
		fired := Firings(spec, loc, from, 8)
		if len(fired) != 8 {
			t.Fatalf("%q in %s after %s: %d firings", spec, loc, from, len(fired))
		}
		prev := from
		for _, at := range fired {
			if !at.After(prev) {
				t.Fatalf("%q in %s after %s: %v not after %v", spec, loc, from, at, prev)
			}
			day := func(x time.Time) time.Time { return time.Date(x.Year(), x.Month(), x.Day(), 0, 0, 0, 0, time.UTC) }
			if gap := day(at).Sub(day(prev)); gap > 24*time.Hour {
				t.Fatalf("%q in %s: no firing between %v and %v", spec, loc, prev, at)
			}
			prev = at
		}
	})
}
