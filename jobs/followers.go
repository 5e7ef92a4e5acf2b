package jobs

import (
	"context"
	"fmt"
	"time"

	"mpbot/store"
)

// FollowerLister pages through the account's follower list (user/get); the
// WeChat adapter's API is one.
type FollowerLister interface {
	// Followers returns the page after next, where the next page starts
	// ("" after the last) and the list's total.
	Followers(ctx context.Context, next string) (openids []string, after string, total int, err error)
}

// SyncFollowers reads the account's whole follower list into the store,
// keeping what is known of each follower (opt-out, last message), and
// reports how many were listed, how many were new, and how many the store
// had as following that the whole list no longer holds (they left while
// the webhook did not hear it: recorded as unsubscribed, unless they
// followed or wrote since the sync began). progress, if set, hears after
// each page. An interrupted sync can simply run again: it forgets nobody.
func SyncFollowers(ctx context.Context, list FollowerLister, s *store.Store, now func() time.Time, progress func(done, total int)) (listed, added, left int, err error) {
	began := now()
	seen := map[string]bool{}
	next := ""
	for {
		ids, after, total, err := list.Followers(ctx, next)
		if err != nil {
			return listed, added, 0, fmt.Errorf("follower list after %d of them: %w", listed, err)
		}
		n, err := s.UpsertFollowerIDs(ctx, ids)
		if err != nil {
			return listed, added, 0, err
		}
		for _, id := range ids {
			seen[id] = true
		}
		listed, added = listed+len(ids), added+n
		if progress != nil && len(ids) > 0 {
			// Not again for the empty page WeChat's last next_openid
			// leads to (an operator run's find: the last line twice).
			progress(listed, total)
		}
		if after == "" || len(ids) == 0 {
			if len(seen) < total {
				// A list shorter than its own total is no whole list:
				// nobody is forgotten on its word.
				return listed, added, 0, nil
			}
			left, err = s.FollowersLeft(ctx, seen, began, now())
			return listed, added, left, err
		}
		next = after
	}
}
