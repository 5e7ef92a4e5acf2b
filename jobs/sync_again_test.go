package jobs

import (
	"context"
	"fmt"
	"testing"
	"time"
)

// TestSyncAnotherAccountsListTwice: another account's list (a wrong
// wechat.app_id) is refused, nobody recorded as left, the opt-outs kept,
// and again when run a second time: the first refusal had added that
// account's openids, and the second run took the list as known and
// recorded the 50 real followers as left (a review's find).
func TestSyncAnotherAccountsListTwice(t *testing.T) {
	ctx := context.Background()
	s := syncStore(t)
	long := time.Now().Add(-48 * time.Hour)
	for i := range 50 {
		if err := s.FollowerSeen(ctx, fmt.Sprintf("oReal%03d", i), long); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.SetPushOptOut(ctx, "oReal007", true, long); err != nil {
		t.Fatal(err)
	}
	for run := 1; run <= 2; run++ {
		other := &pagedList{pages: [][]string{{"oTest_a", "oTest_b", "oTest_c", "oTest_d", "oTest_e", "oTest_f"}}, total: 6}
		res, err := SyncFollowers(ctx, other, s, time.Now, nil)
		f, _ := s.GetFollower(ctx, "oReal007")
		if res.Left != 0 || !f.Subscribed || !f.PushOptOut {
			t.Fatalf("sync %d of another account's list (err %v): %d recorded as left; oReal007 following %v, opted out %v (want: nobody forgotten)",
				run, err, res.Left, f.Subscribed, f.PushOptOut)
		}
	}
}
