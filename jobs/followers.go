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
	// A list is written once it shares a follower with those the store
	// has (openids are each account's own): until then its pages wait, so
	// that another account's list writes nothing (its openids, written,
	// had passed as known the next run: a review's and a re-check's finds).
	known, err := s.FollowingIDs(ctx)
	if err != nil {
		return res, err
	}
	trusted := len(known) < minKnownFollowers
	var waiting [][]string
	write := func(ids []string) error {
		n, err := s.UpsertFollowerIDs(ctx, ids)
		res.Added += n
		return err
	}
	seen := map[string]bool{}
	next := ""
	for {
		ids, after, total, err := list.Followers(ctx, next)
		if err != nil {
			if !trusted && len(seen) > 0 {
				// The pages held were not written: say so (it read as if
				// they had been: a re-check's find).
				return res, fmt.Errorf("follower list after %d of them, none written yet (none of them is a follower the store has, who may come later in the list): %w", res.Listed, err)
			}
			return res, fmt.Errorf("follower list after %d of them: %w", res.Listed, err)
		}
		fresh := 0
		for _, id := range ids {
			if !seen[id] {
				seen[id] = true
				fresh++
			}
		}
		if !trusted && slices.ContainsFunc(ids, func(id string) bool { return known[id] }) {
			trusted = true
			for _, page := range waiting {
				if err := write(page); err != nil {
					return res, err
				}
			}
			waiting = nil
		}
		if trusted {
			if err := write(ids); err != nil {
				return res, err
			}
		} else if len(ids) > 0 {
			waiting = append(waiting, ids)
		}
		// Followers listed, once each: WeChat's list repeats some when
		// followers leave between pages ("synced 30000 of 25000").
		res.Listed = len(seen)
		if progress != nil && len(ids) > 0 {
			// Not again for the empty page WeChat's last next_openid
			// leads to (an operator run's find: the last line twice).
			progress(res.Listed, total)
		}
		if after == "" || len(ids) == 0 {
			if !trusted && len(seen) > 0 {
				return res, ErrAnotherAccountsList
			}
			// An empty list is no account's whole (another appid's, a
			// test account's): it would forget every follower, opt-outs
			// too (a review's find).
			if len(seen) == 0 || len(seen) < total {
				return res, nil
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

// ErrAnotherAccountsList refuses a list holding none of the followers the
// store has: openids are each account's own, so it is another account's (a
// test account's AppID, a fake API), and every follower would have been
// recorded as left, opt-outs and channels forgotten (an operator run's
// find). Nothing of it is written.
var ErrAnotherAccountsList = errors.New("the follower list holds none of the followers the store has: another account's list (check wechat.app_id and wechat.api_base); nothing written, nobody recorded as left")

// minKnownFollowers is how many followers the store must have for a list
// holding none of them to be another account's.
const minKnownFollowers = 5

// followSlack is how long before a sync began a follow or a message keeps
// a follower the list lacks: the webhook records a message at its
// CreateTime, WeChat's clock in whole seconds, taken up to 5 minutes old
// (a review's find: a follow just after the sync began was recorded before
// it, and forgotten).
const followSlack = 6 * time.Minute
