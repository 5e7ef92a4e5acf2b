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
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	if err := s.Stop(ctx); err != nil {
		t.Fatal(err)
	}
}

// TestSchedulerRunsOneAtATime: a run asked for while one is under way (a
// reload moving the push while the caught-up run sends) is not started: the
// push's lease is the process's, and both runs would hold it.
func TestSchedulerRunsOneAtATime(t *testing.T) {
	var runs atomic.Int32
	started, release := make(chan struct{}, 2), make(chan struct{})
	refused := make(chan struct{}, 2)
	s := NewScheduler(slog.New(refusals{refused}), func(context.Context) {
		runs.Add(1)
		started <- struct{}{}
		<-release
	})
	s.RunNow()
	<-started
	s.RunNow()
	s.RunNow()
	<-refused // both refused while the first runs
	<-refused
	close(release)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := s.Stop(ctx); err != nil {
		t.Fatal(err)
	}
	if n := runs.Load(); n != 1 {
		t.Fatalf("%d runs at once, want 1", n)
	}
	s2 := NewScheduler(slog.New(slog.DiscardHandler), func(context.Context) { runs.Add(1) })
	s2.RunNow()
	s2.Stop(ctx)
	if n := runs.Load(); n != 2 {
		t.Fatalf("a run after the first ended: %d runs, want 2", n)
	}
}

// refusals signals each run the scheduler refused to start.
type refusals struct{ c chan struct{} }

func (r refusals) Enabled(context.Context, slog.Level) bool { return true }
func (r refusals) Handle(_ context.Context, rec slog.Record) error {
	if strings.Contains(rec.Message, "not started again") {
		r.c <- struct{}{}
	}
	return nil
}
func (r refusals) WithAttrs([]slog.Attr) slog.Handler { return r }
func (r refusals) WithGroup(string) slog.Handler      { return r }
