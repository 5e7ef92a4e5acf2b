package jobs

import (
	"context"
	"fmt"

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
// reports how many were listed and how many were new. progress, if set,
// hears after each page. An interrupted sync can simply run again.
func SyncFollowers(ctx context.Context, list FollowerLister, s *store.Store, progress func(done, total int)) (listed, added int, err error) {
	next := ""
	for {
		ids, after, total, err := list.Followers(ctx, next)
		if err != nil {
			return listed, added, fmt.Errorf("follower list after %d of them: %w", listed, err)
		}
		n, err := s.UpsertFollowerIDs(ctx, ids)
		if err != nil {
			return listed, added, err
		}
		listed, added = listed+len(ids), added+n
		if progress != nil && len(ids) > 0 {
			// Not again for the empty page WeChat's last next_openid
			// leads to (an operator run's find: the last line twice).
			progress(listed, total)
		}
		if after == "" || len(ids) == 0 {
			return listed, added, nil
		}
		next = after
	}
}
