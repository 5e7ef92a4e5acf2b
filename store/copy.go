package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// copiedTables are the store's tables in the order CopyFrom writes them,
// each with its primary key (an article's id is its first column). The
// change log and the index snapshot are not copied: they are the source's
// history and cache. The destination logs each article it gains, and its
// replicas index the copied analyses without segmenting again.
var copiedTables = []struct{ name, key string }{
	{"articles", "id"},
	{"article_terms", "article_id"},
	{"followers", "openid"},
	{"daily_readings", "day"},
	{"push_runs", "day"},
	{"push_ledger", "day, recipient"},
	{"media", "url"},
	{"push_receipts", "msg_id"},
	{"votes", "question, article_id, follower"},
	// That WeChat encrypts (compat mode): without it, the destination took
	// plaintext again until the next encrypted request.
	{"webhook_sealed", "app_id"},
}

// copyBatch rows share a transaction.
const copyBatch = 2000

// CopyFrom copies every article, follower, daily choice, push record and
// uploaded cover of src into s, e.g. from the SQLite file of one machine
// into the PostgreSQL store of a fleet. Rows s already has are kept, so an
// interrupted copy can be run again. progress, if set, hears each table's
// count as it goes.
func (s *Store) CopyFrom(ctx context.Context, src *Store, progress func(table string, copied int)) (map[string]int, error) {
	counts := map[string]int{}
	for _, t := range copiedTables {
		n, err := s.copyTable(ctx, src, t.name, t.key, func(n int) {
			if progress != nil {
				progress(t.name, n)
			}
		})
		counts[t.name] = n
		if err != nil {
			return counts, fmt.Errorf("copy %s: %w", t.name, err)
		}
	}
	return counts, nil
}

func (s *Store) copyTable(ctx context.Context, src *Store, table, key string, progress func(int)) (int, error) {
	rows, err := src.db.QueryContext(ctx, `SELECT * FROM `+table+` ORDER BY `+key)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return 0, err
	}
	insert := `INSERT INTO ` + table + ` (` + strings.Join(cols, ", ") + `) VALUES (?` + strings.Repeat(", ?", len(cols)-1) + `)
		ON CONFLICT (` + key + `) DO NOTHING`
	n := 0
	begin := s.db.BeginTx
	if table == "articles" { // its rows are logged as changes
		begin = func(ctx context.Context, _ *sql.TxOptions) (*sqlTx, error) { return s.beginChanges(ctx) }
	}
	for more := true; more; {
		tx, err := begin(ctx, nil)
		if err != nil {
			return n, err
		}
		stmt, err := tx.PrepareContext(ctx, insert)
		if err != nil {
			tx.Rollback()
			return n, err
		}
		more = false
		for i := 0; i < copyBatch; i++ {
			if !rows.Next() {
				break
			}
			more = true
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				tx.Rollback()
				return n, err
			}
			res, err := stmt.ExecContext(ctx, vals...)
			if err != nil {
				tx.Rollback()
				return n, err
			}
			if added, _ := res.RowsAffected(); added == 1 && table == "articles" {
				// So replicas already running on s pick the article up.
				if err := recordChange(ctx, tx, fmt.Sprint(vals[0]), false, s.Now()); err != nil {
					tx.Rollback()
					return n, err
				}
			}
			n++
		}
		stmt.Close()
		if err := tx.Commit(); err != nil {
			return n, err
		}
		progress(n)
	}
	return n, rows.Err()
}
