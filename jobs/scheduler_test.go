package jobs

import (
	"context"
	"log/slog"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestSchedulerRunsAndReschedules(t *testing.T) {
	var runs atomic.Int32
	s := NewScheduler(slog.New(slog.DiscardHandler), func(context.Context) { runs.Add(1) })
	if changed, err := s.Set("@every 1s", time.UTC); err != nil || changed {
		t.Fatalf("first schedule: changed %v, %v", changed, err)
	}
	if _, err := s.Set("not a schedule", time.UTC); err == nil {
		t.Fatal("accepted a bad spec")
	}
	s.Start()
	deadline := time.Now().Add(3 * time.Second)
	for runs.Load() == 0 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if runs.Load() == 0 {
		t.Fatal("the job never ran")
	}
	// A new spec or zone replaces the old schedule (a config reload): one
	// entry, firing at the new time in the new zone.
	shanghai, _ := time.LoadLocation("Asia/Shanghai")
	if changed, err := s.Set("30 7 * * *", shanghai); err != nil || !changed {
		t.Fatalf("rescheduled: changed %v, %v", changed, err)
	}
	if changed, err := s.Set("30 7 * * *", shanghai); err != nil || changed {
		t.Fatalf("the same schedule again: changed %v, %v", changed, err)
	}
	entries := s.cron.Entries()
	if len(entries) != 1 {
		t.Fatalf("%d entries after rescheduling", len(entries))
	}
	next := entries[0].Schedule.Next(time.Date(2026, 12, 1, 0, 0, 0, 0, shanghai))
	if want := time.Date(2026, 12, 1, 7, 30, 0, 0, shanghai); !next.Equal(want) {
		t.Fatalf("next run %v, want %v", next, want)
	}
	// cron asks on its own clock (the machine's zone): read in Shanghai's.
	if next := entries[0].Schedule.Next(time.Date(2026, 11, 30, 16, 0, 0, 0, time.UTC)); !next.Equal(time.Date(2026, 12, 1, 7, 30, 0, 0, shanghai)) {
		t.Fatalf("next run after 16:00 UTC %v, want 07:30 in Shanghai", next)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	if err := s.Stop(ctx); err != nil {
		t.Fatal(err)
	}
}

// TestScheduleThatNeverFires: a day no month has is refused (its next
// time was searched for ever); 29 February is a day.
func TestScheduleThatNeverFires(t *testing.T) {
	for spec, fires := range map[string]bool{"30 7 30 2 *": false, "30 7 31 4 *": false, "30 7 31 11 *": false, "30 7 29 2 *": true, "30 7 31 * *": true} {
		if _, err := ParseSchedule(spec); (err == nil) != fires {
			t.Errorf("%s: %v, want firing %v", spec, err, fires)
		}
	}
	// Asked about anyway, a missed run or a day's time comes back at once.
	if _, missed := MissedRun("30 7 29 2 *", time.UTC, time.Date(2026, 12, 4, 8, 0, 0, 0, time.UTC), time.Hour); missed {
		t.Error("29 February missed on 4 December")
	}
	if _, ok := ScheduledAt("30 7 29 2 *", time.UTC, "2026-12-04"); ok {
		t.Error("29 February scheduled on 4 December")
	}
}

// TestFiringsFollowSummerTime: a zone with summer time fires at another
// hour of China's clock in summer (a review's find: New York's 7:30 was
// said as 20:30 all year).
func TestFiringsFollowSummerTime(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip("no zone data:", err)
	}
	shanghai := time.FixedZone("CST", 8*3600)
	for from, want := range map[time.Time]string{time.Date(2026, 7, 1, 0, 0, 0, 0, ny): "19:30", time.Date(2026, 1, 5, 0, 0, 0, 0, ny): "20:30"} {
		if f := Firings("30 7 * * *", ny, from, 1); len(f) != 1 || f[0].In(shanghai).Format("15:04") != want {
			t.Errorf("from %s: %v, want %s in China", from, f, want)
		}
	}
}

func TestFirings(t *testing.T) {
	shanghai, _ := time.LoadLocation("Asia/Shanghai")
	for spec, want := range map[string]string{
		"30 7 * * *": "07:30 07:30 07:30", "30 7 * * ?": "07:30 07:30 07:30", "@daily": "00:00 00:00 00:00",
		"0 7,19 * * *": "07:00 19:00 07:00", "0 7 * * 1-5": "07:00 07:00 07:00", "every day": "",
	} {
		var got []string
		for _, f := range Firings(spec, shanghai, time.Date(2026, 1, 1, 0, 0, 0, 0, shanghai), 3) {
			got = append(got, f.Format("15:04"))
		}
		if strings.Join(got, " ") != want {
			t.Errorf("Firings(%q) = %v, want %s", spec, got, want)
		}
	}
}

// TestScheduleCheckedIsScheduled: a push.schedule that ParseSchedule (and so
// `mpbot check`, the reload's validation and `push status`) accepts must be
// one the scheduler takes, firing when Firings says (an operator run's find:
// `CRON_TZ=UTC 30 7 * * *` passed check, push status said 15:30 CST, and
// serve logged "daily push not scheduled" at start — no push at all — and,
// after a reload logged "config reloaded", "push schedule not changed").
func TestScheduleCheckedIsScheduled(t *testing.T) {
	shanghai, _ := time.LoadLocation("Asia/Shanghai")
	from := time.Date(2026, 12, 1, 0, 0, 0, 0, shanghai)
	for _, spec := range []string{"30 7 * * *", "@daily", "CRON_TZ=UTC 30 7 * * *", "TZ=Asia/Tokyo 30 7 * * *"} {
		if _, err := ParseSchedule(spec); err != nil {
			continue // refused where the config is checked, naming push.schedule
		}
		s := NewScheduler(slog.New(slog.DiscardHandler), func(context.Context) {})
		if _, err := s.Set(spec, shanghai); err != nil {
			t.Errorf("%q: ParseSchedule accepts it (check says ok), the scheduler refuses it: %v", spec, err)
			continue
		}
		want := Firings(spec, shanghai, from, 1)
		got := s.cron.Entries()[0].Schedule.Next(from)
		if len(want) != 1 || !got.Equal(want[0]) {
			t.Errorf("%q: scheduled at %v, Firings (push status, {push_time}) says %v", spec, got, want)
		}
	}
}

// TestScheduleAsAClockTime: a time written as a clock shows it (7:30) is
// told how to write it, as the five fields (an operator run's find: the
// parser's "expected exactly 5 fields, found 1" alone).
func TestScheduleAsAClockTime(t *testing.T) {
	for spec, want := range map[string]string{"7:30": `"30 7 * * *"`, "07:30": `"30 7 * * *"`, "19：05": `"5 19 * * *"`} {
		_, err := ParseSchedule(spec)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: want the hint %s, got %v", spec, want, err)
		}
	}
}
