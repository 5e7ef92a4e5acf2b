package store

import (
	"cmp"
	"context"
	"errors"
	"slices"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Replay is a message the webhook answered, by its dedupe key's hash, and
// until when a copy of its request could still pass the timestamp check.
type Replay struct {
	Hash  uint64
	Until time.Time
}

// SaveReplays keeps rs for the processes that start next, beside what
// others kept (a process may start before the last one stops), and drops
// what has passed. A hash given twice keeps its later time.
func (s *Store) SaveReplays(ctx context.Context, rs []Replay, now time.Time) (err error) {
	defer failed(&err, "keep %d recent messages' ids", len(rs))
	// In the order of the table's key (a signed integer on both engines):
	// 600,000 in hash order took SQLite 4.8 s, in key order 0.6.
	rs = slices.Clone(rs)
	slices.SortFunc(rs, func(a, b Replay) int {
		if c := cmp.Compare(int64(a.Hash), int64(b.Hash)); c != 0 {
			return c
		}
		return b.Until.Compare(a.Until)
	})
	rs = slices.CompactFunc(rs, func(a, b Replay) bool { return a.Hash == b.Hash }) // PostgreSQL refuses one row twice in a statement
	// One save at a time, each after the last committed: a save with an
	// earlier time than one a reader has passed would never be read by it.
	tx, err := s.beginLocked(ctx, replayLock)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var last int64
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(saved_ms), 0) FROM webhook_replays`).Scan(&last); err != nil {
		return err
	}
	saved := max(s.Now().UnixMilli(), last+1)
	// What has passed goes, but for the latest save's rows: they hold the
	// high-water mark a clock behind the last saver's counts from.
	if _, err := tx.ExecContext(ctx, `DELETE FROM webhook_replays WHERE until_ms <= ? AND saved_ms < ?`, now.UnixMilli(), last); err != nil {
		return err
	}
	args := make([]any, 0, 3*len(rs))
	for _, r := range rs {
		if r.Until.After(now) {
			args = append(args, int64(r.Hash), r.Until.UnixMilli(), saved)
		}
	}
	if err := tx.insertRows(ctx, `INSERT INTO webhook_replays (hash, until_ms, saved_ms) VALUES `, `(?, ?, ?)`,
		` ON CONFLICT(hash) DO UPDATE SET saved_ms = excluded.saved_ms,
		until_ms = CASE WHEN excluded.until_ms > webhook_replays.until_ms THEN excluded.until_ms ELSE webhook_replays.until_ms END`,
		args); err != nil {
		return err
	}
	return tx.Commit()
}

// Replays returns what SaveReplays kept after the cursor (-1 for all)
// that is still ahead of now, and the cursor for the next call: a process
// reads it all when it starts, then what a process stopping after that
// keeps. The cursor passes what has passed too (a table of expired rows
// was read whole every time).
func (s *Store) Replays(ctx context.Context, after int64, now time.Time) (_ []Replay, next int64, err error) {
	defer failed(&err, "read the recent messages' ids kept at shutdown")
	if err := s.db.QueryRowContext(ctx, `SELECT COALESCE(MAX(saved_ms), ?) FROM webhook_replays`, after).Scan(&next); err != nil {
		return nil, after, err
	}
	if next <= after {
		return nil, after, nil
	}
	rows, err := s.db.QueryContext(ctx, `SELECT hash, until_ms FROM webhook_replays WHERE saved_ms > ? AND saved_ms <= ? AND until_ms > ?`,
		after, next, now.UnixMilli())
	if err != nil {
		return nil, after, err
	}
	defer rows.Close()
	var rs []Replay
	for rows.Next() {
		var h, until int64
		if err := rows.Scan(&h, &until); err != nil {
			return nil, after, err
		}
		rs = append(rs, Replay{Hash: uint64(h), Until: time.UnixMilli(until)})
	}
	if err := rows.Err(); err != nil {
		return nil, after, err
	}
	return rs, next, nil
}

// Busy reports whether err is SQLite's: the database locked by another
// connection or process (an import) past the busy timeout, which a later
// try may not meet.
func Busy(err error) bool {
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return false
	}
	code := se.Code() & 0xff
	return code == sqlite3.SQLITE_BUSY || code == sqlite3.SQLITE_LOCKED
}

// Seal records that appID's WeChat sends encrypted requests.
func (s *Store) Seal(ctx context.Context, appID string, at time.Time) (err error) {
	defer failed(&err, "record that WeChat encrypts its requests")
	_, err = s.db.ExecContext(ctx, `INSERT INTO webhook_sealed (app_id, sealed_ms) VALUES (?, ?) ON CONFLICT(app_id) DO NOTHING`, appID, at.UnixMilli())
	return err
}

// Sealed reports whether Seal was recorded for appID.
func (s *Store) Sealed(ctx context.Context, appID string) (_ bool, err error) {
	defer failed(&err, "read whether WeChat encrypts its requests")
	var n int
	err = s.db.QueryRowContext(ctx, `SELECT count(*) FROM webhook_sealed WHERE app_id = ?`, appID).Scan(&n)
	return n > 0, err
}

// Unseal forgets Seal for appID, and reports whether there was one.
func (s *Store) Unseal(ctx context.Context, appID string) (_ bool, err error) {
	defer failed(&err, "forget that WeChat encrypted its requests")
	res, err := s.db.ExecContext(ctx, `DELETE FROM webhook_sealed WHERE app_id = ?`, appID)
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n > 0, err
}
