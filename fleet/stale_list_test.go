package fleet

import (
	"context"
	"log/slog"
	"strings"
	"testing"
	"time"

	"mpbot/bot"
)

// TestListNotKeptRetiresTheOneBefore: a list a replica could not keep
// while Redis did not answer leaves the follower's list before it in
// Redis; once Redis answers again that one is deleted — before the
// replica's next message, for the follower's number may reach another
// replica — and so is a list whose write went out and was lost. A fleet
// run's find: Redis back with its data, "2" opened item 2 of the list the
// follower had been shown before the outage, an article of another
// question.
func TestListNotKeptRetiresTheOneBefore(t *testing.T) {
	ctx := context.Background()
	p := startProxy(t)
	var logs lockedBuffer
	a := dialThroughLogging(t, p, slog.New(slog.NewTextHandler(&logs, nil)))
	b := replicaOf(t, a)
	listsA, listsB := FollowUps{R: a, TTL: time.Minute}, FollowUps{R: b, TTL: time.Minute}
	for _, who := range []string{"o_refused", "o_lost", "o_kept"} {
		if err := listsA.Put(ctx, who, bot.FollowUp{Query: "基层治理", IDs: []string{"a", "b"}}); err != nil {
			t.Fatal(err)
		}
	}
	waitFor(t, "the lists before the outage", func() bool {
		fu, err := listsB.Get(ctx, "o_kept")
		return err == nil && len(fu.IDs) == 2
	})

	// A queued list Redis refuses (a full Redis: the claim that carries it
	// is refused too), then one not kept, Redis not answering then.
	a.SetFlushAfter(time.Hour)
	if err := listsA.Put(ctx, "o_lost", bot.FollowUp{Query: "遴选", IDs: []string{"c", "d"}}); err != nil {
		t.Fatal(err)
	}
	p.setMode(answerOOM)
	(Replies{R: a}).Claim(ctx, "o_lost|2", time.Minute)
	if err := listsA.Put(ctx, "o_refused", bot.FollowUp{Query: "遴选", IDs: []string{"c", "d"}}); err == nil {
		t.Fatal("a list kept while Redis refused writes")
	}
	p.setMode(forward)
	p.drop()
	waitFor(t, "Redis's return seen", func() bool { return strings.Contains(logs.String(), "Redis answers again") })

	// Nothing more is sent to replica a: the other replica finds no list.
	for _, who := range []string{"o_refused", "o_lost"} {
		waitFor(t, who+"'s list before the outage gone for the other replica", func() bool {
			fu, err := listsB.Get(ctx, who)
			return err == nil && fu.IDs == nil
		})
	}
	if fu, err := listsB.Get(ctx, "o_kept"); err != nil || len(fu.IDs) != 2 {
		t.Errorf("a list the outage did not touch: %+v, %v", fu, err)
	}
	// A list kept after the return stays.
	if err := listsA.Put(ctx, "o_refused", bot.FollowUp{Query: "申论", IDs: []string{"e"}}); err != nil {
		t.Fatal(err)
	}
	if fu, err := listsA.Get(ctx, "o_refused"); err != nil || len(fu.IDs) != 1 || fu.IDs[0] != "e" {
		t.Errorf("the list after the return: %+v, %v", fu, err)
	}
}

// TestClosingSaysTheListsNotRetired: the lists to retire live in the
// process; closing during the outage says how many followers' lists are
// left (a replica restarted then had forgotten them without a word: a
// re-check's find).
func TestClosingSaysTheListsNotRetired(t *testing.T) {
	ctx := context.Background()
	p := startProxy(t)
	var logs lockedBuffer
	r := dialThroughLogging(t, p, slog.New(slog.NewTextHandler(&logs, nil)))
	lists := FollowUps{R: r, TTL: time.Minute}
	p.setMode(holdRequests)
	if _, err := lists.Get(ctx, "o_a"); err == nil {
		t.Fatal("a read through a stalled Redis answered")
	}
	waitFor(t, "Redis seen not answering", func() bool { return r.failing.Load() })
	for _, who := range []string{"o_a", "o_b"} {
		if err := lists.Put(ctx, who, bot.FollowUp{IDs: []string{"x"}}); err == nil {
			t.Fatal("a list kept while Redis did not answer")
		}
	}
	r.Close()
	if !strings.Contains(logs.String(), "lists of followers whose newer list was not kept are not retired") || !strings.Contains(logs.String(), "followers=2") {
		t.Errorf("closing with two lists to retire:\n%s", logs.String())
	}
}
