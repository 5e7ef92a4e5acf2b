package store

import (
	"context"

	"mpbot/content"
)

// UpsertOpen writes an article in a transaction left open, as a slow
// import would, for the commit-order test. commit ends it.
func (s *Store) UpsertOpen(ctx context.Context, a content.Article) (commit func() error, rollback func() error, err error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, nil, err
	}
	if _, err := s.upsertTx(ctx, tx, Upsert{Article: a}); err != nil {
		tx.Rollback()
		return nil, nil, err
	}
	return tx.Commit, tx.Rollback, nil
}
