package fleet

import (
	"context"
	"log/slog"
	"strings"
	"testing"
	"time"

	"mpbot/bot"
)

// TestStaleListQueuedWriteKeepsAnotherReplicasNewerList: as
// TestStaleListKeepsAnotherReplicasNewerList, but a's list is lost the way
// the first list of a partition is: Put queues it and answers nil (the
// follower is shown its numbers), and the trip carrying it times out only
// later. The follower's next list, kept by b in between, was written after
// a's lost one, yet a marks its key stale with the time the trip failed,
// not the time its list was written, and retires b's newer list once Redis
// answers again.
func TestStaleListQueuedWriteKeepsAnotherReplicasNewerList(t *testing.T) {
	ctx := context.Background()
	p := startProxy(t)
	var logs lockedBuffer
	a := dialThroughLogging(t, p, slog.New(slog.NewTextHandler(&logs, nil)))
	b := replicaOf(t, a) // straight to Redis: not cut off
	listsA, listsB := FollowUps{R: a, TTL: time.Minute}, FollowUps{R: b, TTL: time.Minute}

	// a is cut off before Redis was seen failing: its list is queued.
	p.setMode(holdRequests)
	if err := listsA.Put(ctx, "o_f", bot.FollowUp{Query: "遴选", IDs: []string{"c", "d"}}); err != nil {
		t.Fatalf("a list queued before the outage was seen: %v", err)
	}
	// The follower's next question lands on b, which keeps its list,
	// written after a's.
	if err := listsB.Put(ctx, "o_f", bot.FollowUp{Query: "申论", IDs: []string{"e", "f"}}); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "b's list kept", func() bool {
		fu, err := listsB.Get(ctx, "o_f")
		return err == nil && len(fu.IDs) == 2 && fu.IDs[0] == "e"
	})
	// a's trip times out: its list is lost.
	waitFor(t, "a sees Redis not answering", func() bool { return a.failing.Load() })

	p.setMode(forward)
	p.drop()
	waitFor(t, "a sees Redis again", func() bool { return strings.Contains(logs.String(), "Redis answers again") })
	if _, err := listsA.Get(ctx, "o_nobody"); err != nil {
		t.Fatal(err)
	}
	if fu, err := listsB.Get(ctx, "o_f"); err != nil || len(fu.IDs) != 2 || fu.IDs[0] != "e" {
		t.Errorf("the follower's newest list, kept by b after a's queued list was written, is gone once a reaches Redis again: %+v, %v", fu, err)
	}
}
