package jobs

import (
	"context"
	"fmt"
	"testing"
	"time"
)

// TestSyncAnotherAccountsListOverASyncedStore: an operator who pushes by
// template or broadcast fills the store with `mpbot followers sync` before
// (or without) the webhook hearing from anyone: 50 followers known from the
// account's own list, none of them heard. A later sync with a wrong
// wechat.app_id (a test account's) answers a whole list of 6 openids of
// another account. At 635695f this was refused (ErrAnotherAccountsList:
// 50 known, the list all new), nobody recorded as left; at HEAD the judge
// is only the followers the webhook heard from (none), so the list is
// taken as whole and all 50 real followers are recorded as left: the
// daily template/broadcast push reaches nobody of the real account.
func TestSyncAnotherAccountsListOverASyncedStore(t *testing.T) {
	ctx := context.Background()
	s := syncStore(t)
	var real []string
	for i := range 50 {
		real = append(real, fmt.Sprintf("oReal%03d", i))
	}
	if _, err := SyncFollowers(ctx, &pagedList{pages: [][]string{real}, total: 50}, s, time.Now, nil); err != nil {
		t.Fatalf("first sync of the account's own list: %v", err)
	}
	other := &pagedList{pages: [][]string{{"oTest_a", "oTest_b", "oTest_c", "oTest_d", "oTest_e", "oTest_f"}}, total: 6}
	res, err := SyncFollowers(ctx, other, s, time.Now, nil)
	f, _ := s.GetFollower(ctx, "oReal007")
	if res.Left != 0 || !f.Subscribed {
		t.Fatalf("another account's list over 50 synced followers (err %v): %d recorded as left, oReal007 following %v (want: refused, nobody recorded as left)",
			err, res.Left, f.Subscribed)
	}
}
