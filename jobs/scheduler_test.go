package jobs

import (
	"context"
	"log/slog"
	"sync/atomic"
	"testing"
	"time"
)

func TestSchedulerRunsAndReschedules(t *testing.T) {
	var runs atomic.Int32
	s := NewScheduler(time.UTC, slog.New(slog.DiscardHandler), func(context.Context) { runs.Add(1) })
	if err := s.Set("@every 1s"); err != nil {
		t.Fatal(err)
	}
	if err := s.Set("not a schedule"); err == nil {
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
	// A new spec replaces the old one: a yearly schedule does not fire now.
	if err := s.Set("0 0 1 1 *"); err != nil {
		t.Fatal(err)
	}
	if n := len(s.cron.Entries()); n != 1 {
		t.Fatalf("%d entries after rescheduling", n)
	}
	before := runs.Load()
	time.Sleep(1500 * time.Millisecond)
	if runs.Load() != before {
		t.Fatal("the old schedule still fires")
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	if err := s.Stop(ctx); err != nil {
		t.Fatal(err)
	}
}
