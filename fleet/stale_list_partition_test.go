package fleet

import (
	"context"
	"log/slog"
	"strings"
	"testing"
	"time"

	"mpbot/bot"
)

// TestStaleListKeepsAnotherReplicasNewerList: one replica (a) is cut off
// from Redis (a partition of its own, its connection pool stuck), the other
// (b) is not. A follower's message lands on a: its list is not kept, and
// the key goes stale on a. The follower's next messages land on b, which
// keeps their lists as usual: the follower now sees b's list, numbered.
// When a reaches Redis again it deletes the follower's key — b's list, the
// newest, not the one before a's lost list — and the follower's "2" to the
// list on their screen gets "no list" (README: "the follower's list before
// it, still in Redis, is deleted … by the replica that could not keep the
// new one"; the list before a's is long gone, replaced by b's newer one).
func TestStaleListKeepsAnotherReplicasNewerList(t *testing.T) {
	ctx := context.Background()
	p := startProxy(t)
	var logs lockedBuffer
	a := dialThroughLogging(t, p, slog.New(slog.NewTextHandler(&logs, nil)))
	b := replicaOf(t, a) // straight to Redis: not cut off
	listsA, listsB := FollowUps{R: a, TTL: time.Minute}, FollowUps{R: b, TTL: time.Minute}
	if err := listsA.Put(ctx, "o_f", bot.FollowUp{Query: "基层治理", IDs: []string{"a", "b"}}); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the list before the partition", func() bool {
		fu, err := listsB.Get(ctx, "o_f")
		return err == nil && len(fu.IDs) == 2
	})

	// a is cut off: its reads and writes go unanswered.
	p.setMode(holdRequests)
	if _, err := listsA.Get(ctx, "o_f"); err == nil {
		t.Fatal("a read through a stalled Redis answered")
	}
	waitFor(t, "a sees Redis not answering", func() bool { return a.failing.Load() })
	if err := listsA.Put(ctx, "o_f", bot.FollowUp{Query: "遴选", IDs: []string{"c", "d"}}); err == nil {
		t.Fatal("a list kept through a stalled Redis")
	}
	// The follower's next question lands on b, which keeps its list.
	if err := listsB.Put(ctx, "o_f", bot.FollowUp{Query: "申论", IDs: []string{"e", "f"}}); err != nil {
		t.Fatal(err)
	}
	if fu, err := listsB.Get(ctx, "o_f"); err != nil || len(fu.IDs) != 2 || fu.IDs[0] != "e" {
		t.Fatalf("b's list: %+v, %v", fu, err)
	}

	// a reaches Redis again.
	p.setMode(forward)
	p.drop()
	waitFor(t, "a sees Redis again", func() bool { return strings.Contains(logs.String(), "Redis answers again") })
	// Whatever a queued on its return has been sent: an ordered read
	// goes after every write before it.
	if _, err := listsA.Get(ctx, "o_nobody"); err != nil {
		t.Fatal(err)
	}
	if fu, err := listsB.Get(ctx, "o_f"); err != nil || len(fu.IDs) != 2 || fu.IDs[0] != "e" {
		t.Errorf("the follower's newest list, kept by b after a lost its own, is gone once a reaches Redis again: %+v, %v", fu, err)
	}
}
