package store

import (
	"context"
	"time"
)

// Replay is a message the webhook answered, by its dedupe key's hash, and
// until when a copy of its request could still pass the timestamp check.
type Replay struct {
	Hash  uint64
	Until time.Time
}

// SaveReplays keeps rs for the next start, in place of what was kept.
func (s *Store) SaveReplays(ctx context.Context, rs []Replay) (err error) {
	defer failed(&err, "keep %d recent messages' ids", len(rs))
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `DELETE FROM webhook_replays`); err != nil {
		return err
	}
	args := make([]any, 0, 2*len(rs))
	for _, r := range rs {
		args = append(args, int64(r.Hash), r.Until.UnixMilli())
	}
	if err := tx.insertRows(ctx, `INSERT INTO webhook_replays (hash, until_ms) VALUES `, `(?, ?)`,
		` ON CONFLICT(hash) DO UPDATE SET until_ms = CASE WHEN excluded.until_ms > webhook_replays.until_ms THEN excluded.until_ms ELSE webhook_replays.until_ms END`,
		args); err != nil {
		return err
	}
	return tx.Commit()
}

// TakeReplays returns what SaveReplays kept that is still ahead of now,
// and forgets it all.
func (s *Store) TakeReplays(ctx context.Context, now time.Time) (_ []Replay, err error) {
	defer failed(&err, "read the recent messages' ids kept at shutdown")
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, `SELECT hash, until_ms FROM webhook_replays WHERE until_ms > ?`, now.UnixMilli())
	if err != nil {
		return nil, err
	}
	var rs []Replay
	for rows.Next() {
		var h, until int64
		if err := rows.Scan(&h, &until); err != nil {
			rows.Close()
			return nil, err
		}
		rs = append(rs, Replay{Hash: uint64(h), Until: time.UnixMilli(until)})
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM webhook_replays`); err != nil {
		return nil, err
	}
	return rs, tx.Commit()
}
