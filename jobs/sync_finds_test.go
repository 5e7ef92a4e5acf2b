package jobs

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"mpbot/store"
)

// pagedList answers user/get from fixed pages: page i's next_openid leads
// to page i+1; the page after the last is empty.
type pagedList struct {
	pages [][]string
	total int
	asked int
}

func (l *pagedList) Followers(_ context.Context, next string) ([]string, string, int, error) {
	i := l.asked
	l.asked++
	if i >= len(l.pages) {
		return nil, "", l.total, nil
	}
	p := l.pages[i]
	return p, p[len(p)-1], l.total, nil
}

func syncStore(t *testing.T) *store.Store {
	t.Helper()
	s, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "m.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// TestSyncListedCountsFollowersOnce: a page repeating openids of an
// earlier one (WeChat's list shifting as followers leave between pages)
// is counted twice: "followers: 25000 listed, 0 new; the list was not
// whole (empty, or short of its total)" for 20000 distinct of 25000, and
// progress says "synced 30000 of 25000 followers" before a stuck list's
// error "after 30000 of them".
func TestSyncListedCountsFollowersOnce(t *testing.T) {
	ctx := context.Background()
	s := syncStore(t)
	ids := func(from, to int) []string {
		var out []string
		for i := from; i < to; i++ {
			out = append(out, fmt.Sprintf("o%05d", i))
		}
		return out
	}
	// 250 followers; page 2 repeats the second half of page 1 (300 openids, 250 distinct).
	list := &pagedList{pages: [][]string{ids(0, 100), append(ids(50, 100), ids(100, 150)...), ids(150, 250)}, total: 250}
	var progress []string
	res, _ := SyncFollowers(ctx, list, s, time.Now, func(done, total int) {
		if done > total {
			progress = append(progress, fmt.Sprintf("synced %d of %d", done, total))
		}
	})
	if res.Listed != 250 {
		t.Errorf("listed %d; 250 distinct followers were listed", res.Listed)
	}
	// A cycle: page 3 is page 1 again.
	s2 := syncStore(t)
	cyc := &pagedList{pages: [][]string{ids(0, 100), ids(100, 200), ids(0, 100)}, total: 250}
	_, err := SyncFollowers(ctx, cyc, s2, time.Now, func(done, total int) {
		if done > total {
			progress = append(progress, fmt.Sprintf("synced %d of %d", done, total))
		}
	})
	if err == nil {
		t.Fatal("a list cycling back to its first page ended without an error")
	}
	if len(progress) > 0 {
		t.Errorf("progress counted repeats: %q; the error says %v", progress, err)
	}
}
