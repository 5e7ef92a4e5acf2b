package jobs

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"mpbot/store"
)

// listDuring is a follower list of one page, read before a follower came:
// while WeChat answers, the webhook records that follower's subscribe.
type listDuring struct {
	ids    []string
	during func()
}

func (l *listDuring) Followers(_ context.Context, next string) ([]string, string, int, error) {
	if next != "" {
		return nil, "", len(l.ids), nil
	}
	l.during()
	return l.ids, "", len(l.ids), nil
}

// TestSyncKeepsWhoFollowedAsItRan: a follower who follows after the sync
// began, and so is not on the list it read, is following (a review's
// find). The webhook records the
// subscribe at the event's CreateTime (bot.Message.SentAt: whole seconds,
// WeChat's clock, taken as it is within the 5-minute replay window), which
// is before the sync's start as this process's clock has it, to the
// millisecond: the sync began at 10:00:00.600, o2 followed at 10:00:00.800,
// its event says 10:00:00, and FollowersLeft recorded o2 as gone.
func TestSyncKeepsWhoFollowedAsItRan(t *testing.T) {
	ctx := context.Background()
	s, err := store.Open(ctx, filepath.Join(t.TempDir(), "m.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	began := time.Date(2026, 11, 26, 10, 0, 0, 600e6, time.UTC)
	if err := s.FollowerSeen(ctx, "o1", began.Add(-time.Hour)); err != nil {
		t.Fatal(err)
	}
	list := &listDuring{ids: []string{"o1"}, during: func() {
		sentAt := time.Unix(began.Add(200*time.Millisecond).Unix(), 0) // CreateTime of a follow at 10:00:00.800
		if err := s.FollowerSubscribed(ctx, "o2", "", sentAt); err != nil {
			t.Fatal(err)
		}
	}}
	clockNow := began
	now := func() time.Time { t := clockNow; clockNow = clockNow.Add(time.Second); return t }
	res, err := SyncFollowers(ctx, list, s, now, nil)
	if err != nil || res.Listed != 1 || !res.Whole {
		t.Fatalf("sync: %+v, %v", res, err)
	}
	if f, err := s.GetFollower(ctx, "o2"); err != nil || !f.Subscribed || res.Left != 0 {
		t.Fatalf("o2, who followed as the sync ran: subscribed %v (%v), %d recorded as left; want following, none left", f.Subscribed, err, res.Left)
	}
	// An empty list (another account's) forgets nobody.
	empty := &listDuring{during: func() {}}
	if res, err := SyncFollowers(ctx, empty, s, now, nil); err != nil || res.Whole || res.Left != 0 {
		t.Fatalf("an empty list: %+v, %v", res, err)
	}
	if f, _ := s.GetFollower(ctx, "o1"); !f.Subscribed {
		t.Fatal("an empty list forgot o1")
	}
}
