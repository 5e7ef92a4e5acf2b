package jobs

import (
	"context"
	"errors"
	"fmt"
	"slices"
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

// Synced is what a follower sync did.
type Synced struct {
	Listed, Added int
	// Left are the followers the store had as following that the whole
	// list no longer holds (recorded as unsubscribed); Whole, whether the
	// list was whole enough to say so: one short of its total, or empty,
	// forgets nobody.
	Left  int
	Whole bool
}

// SyncFollowers reads the account's whole follower list into the store,
// keeping what is known of each follower (opt-out, last message), and
// records as unsubscribed those the store had as following that the whole
// list no longer holds: they left while the webhook did not hear it.
// Anyone who followed or wrote since shortly before the sync began is
// kept (followSlack). progress, if set, hears after each page. An
// interrupted sync can simply run again: it forgets nobody.
func SyncFollowers(ctx context.Context, list FollowerLister, s *store.Store, now func() time.Time, progress func(done, total int)) (Synced, error) {
	var res Synced
	began := now().Add(-followSlack)
	seen := map[string]bool{}
	next := ""
	for {
		ids, after, total, err := list.Followers(ctx, next)
		if err != nil {
			return res, fmt.Errorf("follower list after %d of them: %w", res.Listed, err)
		}
		n, err := s.UpsertFollowerIDs(ctx, ids)
		if err != nil {
			return res, err
		}
		fresh := 0
		for _, id := range ids {
			if !seen[id] {
				seen[id] = true
				fresh++
			}
		}
		// Followers listed, once each: WeChat's list repeats some when
		// followers leave between pages ("synced 30000 of 25000").
		res.Listed, res.Added = len(seen), res.Added+n
		if progress != nil && len(ids) > 0 {
			// Not again for the empty page WeChat's last next_openid
			// leads to (an operator run's find: the last line twice).
			progress(res.Listed, total)
		}
		if after == "" || len(ids) == 0 {
			// An empty list is no account's whole (another appid's, a
			// test account's): it would forget every follower, opt-outs
			// too (a review's find).
			if len(seen) == 0 || len(seen) < total {
				return res, nil
			}
			// Judged by the followers the webhook heard from: a refused
			// list's openids were added, and had passed as known the
			// next run (a review's find).
			heard, err := s.HeardFollowers(ctx)
			if err != nil {
				return res, err
			}
			if len(heard) >= minKnownFollowers && !slices.ContainsFunc(heard, func(id string) bool { return seen[id] }) {
				return res, ErrAnotherAccountsList
			}
			res.Whole = true
			res.Left, err = s.FollowersLeft(ctx, seen, began, now())
			return res, err
		}
		if after == next || fresh == 0 {
			// A list that does not move on (a proxy dropping the query, a
			// fake answering every call alike) had the sync run until
			// killed, a store write a page (an operator run's find):
			// nothing more is listed, nobody forgotten.
			return res, fmt.Errorf("follower list after %d of them: WeChat's next page (next_openid %q) brought no follower not listed before: stopped, nobody recorded as left", res.Listed, after)
		}
		next = after
	}
}

// ErrAnotherAccountsList refuses a whole list holding none of the
// followers the webhook heard from: openids are each account's own, so it
// is another account's (a test account's AppID, a fake API), and every
// follower would have been recorded as left, opt-outs and channels
// forgotten (an operator run's find). Its followers were added; the next
// sync of the right account records them as left.
var ErrAnotherAccountsList = errors.New("the follower list holds none of the followers the store had: another account's list (check wechat.app_id and wechat.api_base); nobody recorded as left")

// minKnownFollowers is how many followers the webhook must have heard from
// for a list holding none of them to be another account's.
const minKnownFollowers = 5

// followSlack is how long before a sync began a follow or a message keeps
// a follower the list lacks: the webhook records a message at its
// CreateTime, WeChat's clock in whole seconds, taken up to 5 minutes old
// (a review's find: a follow just after the sync began was recorded before
// it, and forgotten).
const followSlack = 6 * time.Minute
