package store_test

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
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
	s.Now = func() time.Time { return now }
	if err := s.SaveReplays(ctx, rs[:100], now); err != nil {
		t.Fatal(err)
	}
	got, cursor, err := s.Replays(ctx, -1, now)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 89 { // 11..99
		t.Fatalf("read %d replays, want 89", len(got))
	}
	// Another process stops: its messages are read after the cursor.
	later := now.Add(time.Second)
	s.Now = func() time.Time { return later }
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
	all, _, err := s.Replays(ctx, -1, later)
	if err != nil || len(all) != 138 { // 12..149
		t.Fatalf("all: %d %v", len(all), err)
	}
	// Two saves in the same millisecond, a read between them: the second
	// is read (a review's find: it had the first's time, and readers
	// past it never read it).
	if err := s.SaveReplays(ctx, []store.Replay{{Hash: 7, Until: later.Add(time.Minute)}}, later); err != nil {
		t.Fatal(err)
	}
	_, cursor3, err := s.Replays(ctx, cursor2, later)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SaveReplays(ctx, []store.Replay{{Hash: 8, Until: later.Add(time.Minute)}}, later); err != nil {
		t.Fatal(err)
	}
	got, cursor4, err := s.Replays(ctx, cursor3, later)
	if err != nil || len(got) != 1 || got[0].Hash != 8 {
		t.Fatalf("a save in the same millisecond as the last read: %+v %v", got, err)
	}
	// A process whose clock is behind the last saver's, after a save that
	// pruned the rest: its save still comes after the cursor (a review's
	// find: the pruning lowered the mark it counted from).
	s.Now = func() time.Time { return later.Add(time.Hour) }
	if err := s.SaveReplays(ctx, nil, later.Add(3*time.Hour)); err != nil {
		t.Fatal(err)
	}
	_, cursor5, err := s.Replays(ctx, cursor4, later)
	if err != nil {
		t.Fatal(err)
	}
	s.Now = func() time.Time { return later }
	if err := s.SaveReplays(ctx, []store.Replay{{Hash: 9, Until: later.Add(4 * time.Hour)}}, later); err != nil {
		t.Fatal(err)
	}
	if got, next, err := s.Replays(ctx, cursor5, later); err != nil || len(got) != 1 || got[0].Hash != 9 {
		t.Fatalf("a save by a clock behind, after pruning: %+v %v", got, err)
	} else {
		cursor4 = next
	}
	// All passed: the cursor passes them all the same (each read scanned
	// the whole table again).
	long := later.Add(5 * time.Hour)
	if none, next, err := s.Replays(ctx, -1, long); err != nil || len(none) != 0 || next != cursor4 {
		t.Fatalf("past every window: %d replays, cursor %d (want %d), %v", len(none), next, cursor4, err)
	}
}

// TestSeal: kept once per AppID, forgotten once.
func TestSeal(t *testing.T) { storetest.Each(t, testSeal) }

func testSeal(t *testing.T, e storetest.Engine) {
	ctx := context.Background()
	s := e.Store(t)
	for i := range 2 {
		if err := s.Seal(ctx, "wx1", time.Now()); err != nil {
			t.Fatalf("seal %d: %v", i, err)
		}
	}
	if sealed, err := s.Sealed(ctx, "wx1"); !sealed || err != nil {
		t.Fatalf("sealed %v %v", sealed, err)
	}
	if sealed, _ := s.Sealed(ctx, "wx2"); sealed {
		t.Fatal("another AppID sealed")
	}
	for i, want := range []bool{true, false} {
		if forgot, err := s.Unseal(ctx, "wx1"); forgot != want || err != nil {
			t.Fatalf("unseal %d: %v %v", i, forgot, err)
		}
	}
}

// TestBusy: a save while another process holds SQLite's write lock fails
// as busy (serve tries it again), other errors do not.
func TestBusy(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "m.db")
	s, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	other, err := sql.Open("sqlite", "file:"+path+"?_txlock=immediate")
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	tx, err := other.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	err = s.SaveReplays(context.Background(), []store.Replay{{Hash: 1, Until: time.Now().Add(time.Minute)}}, time.Now())
	if err == nil || !store.Busy(err) {
		t.Fatalf("a save under another's lock: %v, busy %v", err, store.Busy(err))
	}
	if store.Busy(errors.New("no such table: webhook_replays")) || store.Busy(nil) {
		t.Error("other errors read as busy")
	}
}
