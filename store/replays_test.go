package store_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"mpbot/store"
	"mpbot/store/storetest"
)

func TestReplays(t *testing.T) { storetest.Each(t, testReplays) }

// testReplays: a process starting reads what every stopping process kept
// (one may stop after it started, or two one after the other), without
// what has passed; a later read gets only what was kept since; hashes use
// all 64 bits, one given twice keeps its later time, and more than one
// INSERT holds them.
func testReplays(t *testing.T, e storetest.Engine) {
	ctx := context.Background()
	s := e.Store(t)
	now := time.UnixMilli(1_800_000_000_000)
	var rs []store.Replay
	for i := range 150 {
		rs = append(rs, store.Replay{Hash: uint64(i)<<56 | uint64(i), Until: now.Add(time.Duration(i-10) * time.Second)})
	}
	rs = append(rs, store.Replay{Hash: rs[20].Hash, Until: rs[20].Until.Add(time.Hour)}) // the same hash again, later
	if err := s.SaveReplays(ctx, rs[:100], now); err != nil {
		t.Fatal(err)
	}
	got, cursor, err := s.Replays(ctx, 0, now)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 89 { // 11..99
		t.Fatalf("read %d replays, want 89", len(got))
	}
	// Another process stops: its messages are read after the cursor.
	later := now.Add(time.Second)
	if err := s.SaveReplays(ctx, rs[100:], later); err != nil {
		t.Fatal(err)
	}
	got, cursor2, err := s.Replays(ctx, cursor, later)
	if err != nil || cursor2 <= cursor {
		t.Fatalf("cursor %d → %d, %v", cursor, cursor2, err)
	}
	slices.SortFunc(got, func(a, b store.Replay) int { return a.Until.Compare(b.Until) })
	if len(got) != 51 || got[50].Hash != rs[20].Hash || !got[50].Until.Equal(rs[20].Until.Add(time.Hour)) {
		t.Fatalf("read after the cursor %d replays, the last %+v", len(got), got[len(got)-1])
	}
	if again, _, err := s.Replays(ctx, cursor2, later); err != nil || len(again) != 0 {
		t.Fatalf("read again: %d %v", len(again), err)
	}
	// A new start reads all that has not passed.
	all, _, err := s.Replays(ctx, 0, later)
	if err != nil || len(all) != 138 { // 12..149
		t.Fatalf("all: %d %v", len(all), err)
	}
}
