package jobs

import (
	"context"
	"fmt"
	"testing"
	"time"
)

// TestSyncAnotherAccountsListTwice: the refusal of another account's list
// (ErrAnotherAccountsList) adds that account's openids to the store as
// following before refusing. The error and `mpbot followers sync --help`
// say "nobody recorded as left ... run it again"; run again with the same
// wrong wechat.app_id, the list is no longer all-new (Added is 0), so the
// check passes and the 50 real followers are recorded as left, the opt-out
// of oReal007 forgotten: the refusal protects only the first run.
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
