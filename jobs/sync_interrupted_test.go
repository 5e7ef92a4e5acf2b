package jobs

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

// failingList is pagedList failing at page failAt (a network error, a
// token expired mid-sync).
type failingList struct {
	pagedList
	failAt int
}

func (l *failingList) Followers(ctx context.Context, next string) ([]string, string, int, error) {
	if l.asked == l.failAt {
		l.asked++
		return nil, "", 0, errors.New("connection reset by peer")
	}
	return l.pagedList.Followers(ctx, next)
}

// TestSyncInterruptedBeforeOverlapSaysSo: a list is written once it shares
// a follower with the store; a sync failing before that (the store knows
// only recent followers, on the list's last page) writes nothing, and its
// error says so: it had read "after 200 of them" as if they were kept (a
// re-check's find). Run again, it starts over, and forgets nobody.
func TestSyncInterruptedBeforeOverlapSaysSo(t *testing.T) {
	ctx := context.Background()
	s := syncStore(t)
	recent := []string{"oNew1", "oNew2", "oNew3", "oNew4", "oNew5"}
	if _, err := s.UpsertFollowerIDs(ctx, recent); err != nil {
		t.Fatal(err)
	}
	page := func(from int) []string {
		var ids []string
		for i := from; i < from+100; i++ {
			ids = append(ids, fmt.Sprintf("oOld%04d", i))
		}
		return ids
	}
	list := &failingList{pagedList: pagedList{pages: [][]string{page(0), page(100), recent}, total: 205}, failAt: 2}
	_, err := SyncFollowers(ctx, list, s, time.Now, nil)
	if err == nil || !strings.Contains(err.Error(), "none written yet") {
		t.Fatalf("interrupted before a known follower: %v", err)
	}
	whole := &pagedList{pages: [][]string{page(0), page(100), recent}, total: 205}
	res, err := SyncFollowers(ctx, whole, s, time.Now, nil)
	if err != nil || !res.Whole || res.Listed != 205 || res.Left != 0 {
		t.Fatalf("run again: %+v %v", res, err)
	}
	if n, _ := s.FollowingCount(ctx); n != 205 {
		t.Errorf("%d following, want 205", n)
	}
}
