package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"maps"
	"math"
	"mpbot/content"
	"slices"
	"strings"
	"time"
)

// Follower is what the store keeps of one follower of the account.
type Follower struct {
	OpenID            string
	Subscribed        bool
	SubscribedAt      time.Time
	UnsubscribedAt    time.Time
	LastInteractionAt time.Time
	PushOptOut        bool
	Scene             string // the qrscene of the code they followed through
}

func ms(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixMilli()
}

func fromMS(v int64) time.Time {
	if v == 0 {
		return time.Time{}
	}
	return time.UnixMilli(v).UTC()
}

// FollowerSubscribed records a subscribe event.
func (s *Store) FollowerSubscribed(ctx context.Context, openid, scene string, at time.Time) error {
	return withinErr(ctx, s, func(ctx context.Context) error { return s.followerSubscribed(ctx, openid, scene, at) })
}

func (s *Store) followerSubscribed(ctx context.Context, openid, scene string, at time.Time) (err error) {
	defer failed(&err, "record subscription of %s", openid)
	_, err = s.db.ExecContext(ctx, `INSERT INTO followers (openid, subscribed, subscribed_at, unsubscribed_at, last_interaction_at, scene)
		VALUES (?, 1, ?, 0, ?, ?)
		ON CONFLICT(openid) DO UPDATE SET subscribed = 1, subscribed_at = excluded.subscribed_at, unsubscribed_at = 0,
		last_interaction_at = excluded.last_interaction_at, scene = excluded.scene`, openid, ms(at), ms(at), scene)
	return err
}

// laterInteraction keeps the later of the stored and the new last
// interaction (SQLite's two-argument max is not PostgreSQL's).
const laterInteraction = `CASE WHEN excluded.last_interaction_at > followers.last_interaction_at
	THEN excluded.last_interaction_at ELSE followers.last_interaction_at END`

// upsertSeen records that a follower wrote at a time (openid, ms).
const upsertSeen = `INSERT INTO followers (openid, subscribed, last_interaction_at) VALUES (?, 1, ?)` + seenConflict

// seenConflict updates a known follower's last message, unless they left
// after it: a message batched before an unsubscription written at once
// must not subscribe them again.
const seenConflict = `
	ON CONFLICT(openid) DO UPDATE SET subscribed = 1, last_interaction_at = ` + laterInteraction + `
	WHERE excluded.last_interaction_at > followers.unsubscribed_at`

// FollowerSeen records that a follower sent something: it opens WeChat's
// 48-hour window for customer-service messages. An unknown sender is a
// follower (only followers can message an account).
func (s *Store) FollowerSeen(ctx context.Context, openid string, at time.Time) (err error) {
	defer failed(&err, "record message from %s", openid)
	_, err = s.db.ExecContext(ctx, upsertSeen, openid, ms(at))
	return err
}

// FollowerUnsubscribed forgets a follower, as WeChat requires: only the
// openid and the unsubscription stay, because the push ledger refers to them.
func (s *Store) FollowerUnsubscribed(ctx context.Context, openid string, at time.Time) error {
	return withinErr(ctx, s, func(ctx context.Context) error { return s.followerUnsubscribed(ctx, openid, at) })
}

func (s *Store) followerUnsubscribed(ctx context.Context, openid string, at time.Time) (err error) {
	defer failed(&err, "record unsubscription of %s", openid)
	_, err = s.db.ExecContext(ctx, leaving, openid, ms(at))
	return err
}

// leaving records a follower who left (openid, when) as forgotten; leftLate,
// one recorded after the fact, only if they neither followed, wrote nor
// left again since.
const (
	leaving = `INSERT INTO followers (openid, subscribed, unsubscribed_at) VALUES (?, 0, ?)
		ON CONFLICT(openid) DO UPDATE SET unsubscribed_at = excluded.unsubscribed_at, ` + forgotten
	leftLate = leaving + `
		WHERE followers.subscribed_at <= excluded.unsubscribed_at AND followers.last_interaction_at <= excluded.unsubscribed_at
			AND followers.unsubscribed_at <= excluded.unsubscribed_at`
)

// followersLeftAt records unfollows the store refused when they came, in
// one transaction: each only if the follower neither followed, wrote nor
// left again since (a later leave's time had been put back: a review's
// find).
func (s *Store) followersLeftAt(ctx context.Context, left map[string]time.Time) (err error) {
	defer failed(&err, "record %d followers who left", len(left))
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for _, id := range slices.Sorted(maps.Keys(left)) {
		if _, err := tx.ExecContext(ctx, leftLate, id, ms(left[id])); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// forgotten sets what is forgotten of a follower who left: all but the
// openid and when they left.
const forgotten = `subscribed = 0, subscribed_at = 0, last_interaction_at = 0, push_opt_out = 0, scene = ''`

// SetPushOptOut turns the daily reading off (true) or on for a follower.
func (s *Store) SetPushOptOut(ctx context.Context, openid string, out bool, at time.Time) error {
	return withinErr(ctx, s, func(ctx context.Context) error { return s.setPushOptOut(ctx, openid, out, at) })
}

func (s *Store) setPushOptOut(ctx context.Context, openid string, out bool, at time.Time) (err error) {
	defer failed(&err, "set daily-reading opt-out of %s", openid)
	_, err = s.db.ExecContext(ctx, `INSERT INTO followers (openid, subscribed, last_interaction_at, push_opt_out) VALUES (?, 1, ?, ?)
		ON CONFLICT(openid) DO UPDATE SET push_opt_out = excluded.push_opt_out,
		last_interaction_at = `+laterInteraction, openid, ms(at), b2i(out))
	return err
}

// PushOptedOut reports whether the follower turned the daily reading off;
// a follower the store has not met yet has not.
func (s *Store) PushOptedOut(ctx context.Context, openid string) (bool, error) {
	return within(ctx, s, func(ctx context.Context) (bool, error) { return s.pushOptedOut(ctx, openid) })
}

func (s *Store) pushOptedOut(ctx context.Context, openid string) (_ bool, err error) {
	defer failed(&err, "read daily-reading opt-out of %s", openid)
	var out int
	err = s.db.QueryRowContext(ctx, `SELECT push_opt_out FROM followers WHERE openid = ?`, openid).Scan(&out)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	return out == 1, err
}

// GetFollower returns one follower, or content.ErrNotFound.
func (s *Store) GetFollower(ctx context.Context, openid string) (_ Follower, err error) {
	defer failed(&err, "get follower %s", openid)
	var f Follower
	var sub, subAt, unsubAt, last int64
	var out int
	err = s.db.QueryRowContext(ctx, `SELECT openid, subscribed, subscribed_at, unsubscribed_at, last_interaction_at, push_opt_out, scene
		FROM followers WHERE openid = ?`, openid).Scan(&f.OpenID, &sub, &subAt, &unsubAt, &last, &out, &f.Scene)
	if errors.Is(err, sql.ErrNoRows) {
		return f, content.ErrNotFound
	}
	f.Subscribed, f.PushOptOut = sub == 1, out == 1
	f.SubscribedAt, f.UnsubscribedAt, f.LastInteractionAt = fromMS(subAt), fromMS(unsubAt), fromMS(last)
	return f, err
}

// FollowersLeft records as unsubscribed, at, every follower the store has
// as following that listed does not hold (a whole follower list, read
// since the time since) and that neither followed nor wrote since then:
// they left while the webhook did not hear it (serve down, the account not
// yet connected). Each is changed only if still so as it is written (a
// follow recorded meanwhile stays), all in one transaction. It returns how
// many.
func (s *Store) FollowersLeft(ctx context.Context, listed map[string]bool, since, at time.Time) (_ int, err error) {
	defer failed(&err, "record followers gone from the list")
	rows, err := s.db.QueryContext(ctx, `SELECT openid FROM followers WHERE subscribed = 1 AND subscribed_at < ? AND last_interaction_at < ?`, ms(since), ms(since))
	if err != nil {
		return 0, err
	}
	var gone []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return 0, err
		}
		if !listed[id] {
			gone = append(gone, id)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(gone) == 0 {
		return 0, err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	stmt, err := tx.PrepareContext(ctx, `UPDATE followers SET unsubscribed_at = ?, `+forgotten+`
		WHERE openid = ? AND subscribed = 1 AND subscribed_at < ? AND last_interaction_at < ?`)
	if err != nil {
		return 0, err
	}
	defer stmt.Close()
	n := 0
	for _, id := range gone {
		r, err := stmt.ExecContext(ctx, ms(at), id, ms(since), ms(since))
		if err != nil {
			return 0, err
		}
		if k, err := r.RowsAffected(); err == nil {
			n += int(k)
		}
	}
	return n, tx.Commit()
}

// FollowingCount is how many followers the store has as following.
func (s *Store) FollowingCount(ctx context.Context) (n int, err error) {
	defer failed(&err, "count followers")
	err = s.db.QueryRowContext(ctx, `SELECT count(*) FROM followers WHERE subscribed = 1`).Scan(&n)
	return n, err
}

// FollowingIDs are the openids of the followers the store has as following.
func (s *Store) FollowingIDs(ctx context.Context) (_ map[string]bool, err error) {
	defer failed(&err, "list followers")
	rows, err := s.db.QueryContext(ctx, `SELECT openid FROM followers WHERE subscribed = 1`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	ids := map[string]bool{}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids[id] = true
	}
	return ids, rows.Err()
}

// UpsertFollowerIDs records openids from the follower list (user/get) as
// subscribed, leaving what is known of them alone. It returns how many
// were new.
func (s *Store) UpsertFollowerIDs(ctx context.Context, openids []string) (_ int, err error) {
	defer failed(&err, "record follower list page")
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO followers (openid, subscribed) VALUES (?, 1)
		ON CONFLICT(openid) DO UPDATE SET subscribed = 1`)
	if err != nil {
		return 0, err
	}
	defer stmt.Close()
	var before, after int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM followers`).Scan(&before); err != nil {
		return 0, err
	}
	// In openid order, as the last-seen writer locks them: in WeChat's
	// order the two crossed on PostgreSQL and deadlocked.
	for _, id := range slices.Sorted(slices.Values(openids)) {
		if _, err := stmt.ExecContext(ctx, id); err != nil {
			return 0, err
		}
	}
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM followers`).Scan(&after); err != nil {
		return 0, err
	}
	return after - before, tx.Commit()
}

// PushRecipients calls fn with the openid of every subscribed follower who
// has not opted out, when since is set interacted after since (WeChat's
// 48-hour window for customer-service messages), and when joinedBefore is
// set subscribed before it (a day's followers: a rerun of a past day
// reached followers who came after it, whose welcome had carried a later
// reading). Followers known without a subscription time (synced, or seen
// before the table kept it) count as having followed all along.
func (s *Store) PushRecipients(ctx context.Context, since, joinedBefore time.Time, fn func(openid string) error) error {
	before := int64(math.MaxInt64)
	if !joinedBefore.IsZero() {
		before = joinedBefore.UnixMilli()
	}
	rows, err := s.db.QueryContext(ctx, `SELECT openid FROM followers WHERE subscribed = 1 AND push_opt_out = 0
		AND last_interaction_at >= ? AND subscribed_at < ? ORDER BY openid`, ms(since), before)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return err
		}
		if err := fn(id); err != nil {
			return err
		}
	}
	return rows.Err()
}

// Leavers returns those of openids who no longer take the daily reading:
// unfollowed, opted out, or not known. A push re-reads them for each few
// recipients just before sending: its list was read when it started, and a
// run of ten thousand takes minutes.
func (s *Store) Leavers(ctx context.Context, openids []string) (_ map[string]bool, err error) {
	defer failed(&err, "read followers' subscriptions")
	out := make(map[string]bool, len(openids))
	if len(openids) == 0 {
		return out, nil
	}
	args := make([]any, len(openids))
	for i, id := range openids {
		args[i] = id
		out[id] = true
	}
	rows, err := s.db.QueryContext(ctx, `SELECT openid FROM followers WHERE subscribed = 1 AND push_opt_out = 0
		AND openid IN (?`+strings.Repeat(",?", len(openids)-1)+`)`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		delete(out, id)
	}
	return out, rows.Err()
}

// FollowerStats counts followers: now, opted in to the daily reading, new
// and lost by day since a time, and by the channel (scene) they came
// through.
type FollowerStats struct {
	Followers int            // subscribed now
	OptedIn   int            // of them, taking the daily reading
	NewByDay  map[string]int // YYYY-MM-DD → subscriptions
	LostByDay map[string]int // YYYY-MM-DD → unsubscriptions
	ByScene   map[string]int // scene ("" for none) → subscribed now
}

// Stats counts followers, with new and lost by day in loc since since.
func (s *Store) Stats(ctx context.Context, since time.Time, loc *time.Location) (_ FollowerStats, err error) {
	defer failed(&err, "follower stats")
	st := FollowerStats{NewByDay: map[string]int{}, LostByDay: map[string]int{}, ByScene: map[string]int{}}
	rows, err := s.db.QueryContext(ctx, `SELECT subscribed, push_opt_out, subscribed_at, unsubscribed_at, scene FROM followers
		WHERE subscribed = 1 OR unsubscribed_at >= ?`, ms(since))
	if err != nil {
		return st, err
	}
	defer rows.Close()
	for rows.Next() {
		var sub, out int
		var subAt, unsubAt int64
		var scene string
		if err := rows.Scan(&sub, &out, &subAt, &unsubAt, &scene); err != nil {
			return st, err
		}
		if sub == 1 {
			st.Followers++
			st.ByScene[scene]++
			if out == 0 {
				st.OptedIn++
			}
			if subAt >= ms(since) && subAt > 0 {
				st.NewByDay[time.UnixMilli(subAt).In(loc).Format(content.DateLayout)]++
			}
		} else if unsubAt > 0 {
			st.LostByDay[time.UnixMilli(unsubAt).In(loc).Format(content.DateLayout)]++
		}
	}
	return st, rows.Err()
}

// ListFollowers returns followers, most recently active first, at most n
// (0: all).
func (s *Store) ListFollowers(ctx context.Context, n int) (_ []Follower, err error) {
	defer failed(&err, "list followers")
	q := `SELECT openid, subscribed, subscribed_at, unsubscribed_at, last_interaction_at, push_opt_out, scene
		FROM followers ORDER BY last_interaction_at DESC, openid`
	if n > 0 {
		q += fmt.Sprintf(" LIMIT %d", n)
	}
	rows, err := s.db.QueryContext(ctx, q)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Follower
	for rows.Next() {
		var f Follower
		var sub, subAt, unsubAt, last int64
		var opt int
		if err := rows.Scan(&f.OpenID, &sub, &subAt, &unsubAt, &last, &opt, &f.Scene); err != nil {
			return nil, err
		}
		f.Subscribed, f.PushOptOut = sub == 1, opt == 1
		f.SubscribedAt, f.UnsubscribedAt, f.LastInteractionAt = fromMS(subAt), fromMS(unsubAt), fromMS(last)
		out = append(out, f)
	}
	return out, rows.Err()
}
