package store

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"time"

	"mpbot/content"
)

// UpsertOpen writes an article in a transaction left open, as a slow
// import would, for the commit-order test. commit ends it.
func (s *Store) UpsertOpen(ctx context.Context, a content.Article) (commit func() error, rollback func() error, err error) {
	tx, err := s.beginChanges(ctx)
	if err != nil {
		return nil, nil, err
	}
	if _, err := s.upsertTx(ctx, tx, Upsert{Article: a}); err != nil {
		tx.Rollback()
		return nil, nil, err
	}
	return tx.Commit, tx.Rollback, nil
}

// BeginImport begins an import's transaction, as UpsertBatch does, whose
// articles the test writes one at a time with upsert.
func (s *Store) BeginImport(ctx context.Context) (upsert func(content.Article) error, commit func() error, err error) {
	tx, err := s.beginChanges(ctx)
	if err != nil {
		return nil, nil, err
	}
	upsert = func(a content.Article) error {
		_, err := s.upsertTx(ctx, tx, Upsert{Article: a})
		return err
	}
	return upsert, tx.Commit, nil
}

// FailWrites makes the writer's next n flushes fail, as a store busy with
// a long import would; call it before any follower is queued. left says
// how many failures are still to come.
func (w *SeenWriter) FailWrites(n int) (left func() int) {
	var fails atomic.Int64
	fails.Store(int64(n))
	write := w.write
	w.write = func(ctx context.Context, seen map[string]time.Time) error {
		if fails.Add(-1) >= 0 {
			return errors.New("database is locked (5) (SQLITE_BUSY)")
		}
		return write(ctx, seen)
	}
	return func() int { return int(max(fails.Load(), 0)) }
}

// BlockWrites makes every flush wait until its context ends, as one on a
// table another transaction holds locked would; started is closed when the
// first one waits.
func (w *SeenWriter) BlockWrites() (started <-chan struct{}) {
	ch := make(chan struct{})
	var once sync.Once
	w.write = func(ctx context.Context, _ map[string]time.Time) error {
		once.Do(func() { close(ch) })
		<-ctx.Done()
		return ctx.Err()
	}
	return ch
}

// SeenBatch is how many followers a SeenWriter writes at once.
const SeenBatch = seenBatch

// FollowersSeen is what a SeenWriter's flush writes, for benchmarks.
func (s *Store) FollowersSeen(ctx context.Context, seen map[string]time.Time) error {
	return s.followersSeen(ctx, seen)
}

// SetSeenFlushTimeout shortens the seen writer's flush deadline for a
// test; restore puts it back.
func SetSeenFlushTimeout(d time.Duration) (restore func()) {
	old := seenFlushTimeout
	seenFlushTimeout = d
	return func() { seenFlushTimeout = old }
}
