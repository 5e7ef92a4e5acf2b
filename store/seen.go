package store

import (
	"context"
	"log/slog"
	"time"
)

// SeenWriter records "this follower wrote to us" in batches. It is on the
// path of every message, where one store write each would serialise the
// replies on SQLite's single writer; a batch a fraction of a second later
// costs one transaction for many messages. A crash loses at most the last
// unflushed batch of last-seen times, never a subscription or an opt-out.
type SeenWriter struct {
	store *Store
	log   *slog.Logger
	in    chan seen
	done  chan struct{}
}

type seen struct {
	openid string
	at     time.Time
}

// seenBatch is the most updates one transaction takes.
const seenBatch = 512

// NewSeenWriter starts a writer flushing at least every interval.
func (s *Store) NewSeenWriter(interval time.Duration, log *slog.Logger) *SeenWriter {
	w := &SeenWriter{store: s, log: log, in: make(chan seen, 4*seenBatch), done: make(chan struct{})}
	go w.loop(interval)
	return w
}

// FollowerSeen queues the update; when the queue is full it writes at once.
func (w *SeenWriter) FollowerSeen(ctx context.Context, openid string, at time.Time) error {
	select {
	case w.in <- seen{openid, at}:
		return nil
	default:
		return w.store.FollowerSeen(ctx, openid, at)
	}
}

// Close flushes what is queued and stops the writer.
func (w *SeenWriter) Close() {
	close(w.in)
	<-w.done
}

func (w *SeenWriter) loop(interval time.Duration) {
	defer close(w.done)
	t := time.NewTicker(interval)
	defer t.Stop()
	pending := map[string]time.Time{}
	flush := func() {
		if len(pending) == 0 {
			return
		}
		if err := w.store.followersSeen(context.Background(), pending); err != nil {
			w.log.Error("record followers' last messages", "count", len(pending), "err", err)
		}
		clear(pending)
	}
	for {
		select {
		case s, ok := <-w.in:
			if !ok {
				flush()
				return
			}
			if s.at.After(pending[s.openid]) {
				pending[s.openid] = s.at
			}
			if len(pending) >= seenBatch {
				flush()
			}
		case <-t.C:
			flush()
		}
	}
}

// followersSeen records many last-seen times in one transaction.
func (s *Store) followersSeen(ctx context.Context, seen map[string]time.Time) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	args := make([]any, 0, 2*len(seen))
	for id, at := range seen {
		args = append(args, id, ms(at))
	}
	if err := tx.insertRows(ctx, `INSERT INTO followers (openid, subscribed, last_interaction_at) VALUES `, `(?, 1, ?)`,
		` ON CONFLICT(openid) DO UPDATE SET subscribed = 1, last_interaction_at = `+laterInteraction, args); err != nil {
		return err
	}
	return tx.Commit()
}
