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

// testReplays: what is kept comes back once, without what has passed; a
// second keep replaces the first; hashes use all 64 bits; more than one
// INSERT holds.
func testReplays(t *testing.T, e storetest.Engine) {
	ctx := context.Background()
	s := e.Store(t)
	now := time.UnixMilli(1_800_000_000_000)
	var rs []store.Replay
	for i := range 150 {
		rs = append(rs, store.Replay{Hash: uint64(i)<<56 | uint64(i), Until: now.Add(time.Duration(i-10) * time.Second)})
	}
	if err := s.SaveReplays(ctx, rs[:5]); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveReplays(ctx, rs); err != nil {
		t.Fatal(err)
	}
	got, err := s.TakeReplays(ctx, now)
	if err != nil {
		t.Fatal(err)
	}
	slices.SortFunc(got, func(a, b store.Replay) int { return a.Until.Compare(b.Until) })
	if want := rs[11:]; !slices.EqualFunc(got, want, func(a, b store.Replay) bool { return a.Hash == b.Hash && a.Until.Equal(b.Until) }) {
		t.Fatalf("took %d replays, want %d: %v", len(got), len(want), got[:min(3, len(got))])
	}
	if again, err := s.TakeReplays(ctx, now); err != nil || len(again) != 0 {
		t.Fatalf("taken twice: %v %v", again, err)
	}
}
