package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"
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

// CopiedTables names the tables CopyFrom copies, in its order.
func CopiedTables() []string {
	names := make([]string, len(copiedTables))
	for i, t := range copiedTables {
		names[i] = t.name
	}
	return names
}

// copyBatch rows share a transaction.
const copyBatch = 2000

// OpenCopySource opens the SQLite store at path to copy from: read only,
// without migrating it (a store copy had added mpbot's tables to a file of
// another program, and would change a running older serve's schema under
// it: an operator run's finds). A file that is no mpbot store, or a store
// of another schema version than this build's, is refused.
func OpenCopySource(ctx context.Context, path string) (*Store, error) {
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro&_pragma=busy_timeout(5000)")
	if err != nil {
		return nil, fmt.Errorf("store %s: %w", path, err)
	}
	s := &Store{db: &sqlDB{DB: db, engine: sqliteEngine, bound: new(sync.Map)}, Now: time.Now}
	if err := s.sameSchema(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("store %s: %w", path, err)
	}
	return s, nil
}

// sameSchema reports an error unless s has every migration of this build
// and no other.
func (s *Store) sameSchema(ctx context.Context) error {
	var tables int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`).Scan(&tables); err != nil {
		return err
	}
	if tables == 0 {
		return errors.New("no mpbot store (it has no schema_migrations table)")
	}
	rows, err := s.db.QueryContext(ctx, `SELECT version FROM schema_migrations`)
	if err != nil {
		return err
	}
	var have []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			rows.Close()
			return err
		}
		have = append(have, v)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	names, err := fs.Glob(migrations, "migrations/sqlite/*.sql")
	if err != nil {
		return err
	}
	var want []string
	for _, n := range names {
		want = append(want, strings.TrimSuffix(filepath.Base(n), ".sql"))
	}
	slices.Sort(have)
	slices.Sort(want)
	switch {
	case slices.Equal(have, want):
		return nil
	case len(have) > 0 && !slices.Contains(want, have[len(have)-1]):
		return fmt.Errorf("written by a newer mpbot (schema %s; this build knows %s): copy with that build", have[len(have)-1], want[len(want)-1])
	default:
		return fmt.Errorf("written by an older mpbot (schema %s of %s): stop its serve, start this build's serve on it once (it migrates the file), then copy", lastOr(have, "none"), want[len(want)-1])
	}
}

func lastOr(s []string, none string) string {
	if len(s) == 0 {
		return none
	}
	return s[len(s)-1]
}

// Copied is what CopyFrom did with one table's rows.
type Copied struct {
	Read    int // rows of the source
	Written int // ... added to the destination, or changed there to the source's
}

// CopyFrom copies every article, follower, daily choice, push record and
// uploaded cover of src into s, e.g. from the SQLite file of one machine
// into the PostgreSQL store of a fleet. The source wins: a row s has
// already is changed to the source's where they differ, so a copy run
// again brings what changed on the one machine since (a follower's 退订
// between two copies had been kept as taking the reading, and the fleet
// would push to them: an operator run's find), and an interrupted copy is
// run again. progress, if set, hears each table's count as it goes.
func (s *Store) CopyFrom(ctx context.Context, src *Store, progress func(table string, copied int)) (map[string]Copied, error) {
	counts := map[string]Copied{}
	for _, t := range copiedTables {
		c, err := s.copyTable(ctx, src, t.name, t.key, func(n int) {
			if progress != nil {
				progress(t.name, n)
			}
		})
		counts[t.name] = c
		if err != nil {
			return counts, fmt.Errorf("copy %s: %w", t.name, err)
		}
	}
	return counts, nil
}

func (s *Store) copyTable(ctx context.Context, src *Store, table, key string, progress func(int)) (Copied, error) {
	var c Copied
	rows, err := src.db.QueryContext(ctx, `SELECT * FROM `+table+` ORDER BY `+key)
	if err != nil {
		return c, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return c, err
	}
	// A row already there is set to the source's, and counted written, only
	// where some column differs.
	keys := strings.Split(key, ", ")
	var set, differs []string
	for _, col := range cols {
		if !slices.Contains(keys, col) {
			set = append(set, col+" = excluded."+col)
			differs = append(differs, table+"."+col+" IS DISTINCT FROM excluded."+col)
		}
	}
	insert := `INSERT INTO ` + table + ` (` + strings.Join(cols, ", ") + `) VALUES (?` + strings.Repeat(", ?", len(cols)-1) + `)
		ON CONFLICT (` + key + `) DO NOTHING`
	if len(set) > 0 {
		insert = `INSERT INTO ` + table + ` (` + strings.Join(cols, ", ") + `) VALUES (?` + strings.Repeat(", ?", len(cols)-1) + `)
		ON CONFLICT (` + key + `) DO UPDATE SET ` + strings.Join(set, ", ") + ` WHERE ` + strings.Join(differs, " OR ")
	}
	n := 0
	begin := s.db.BeginTx
	if table == "articles" { // its rows are logged as changes
		begin = func(ctx context.Context, _ *sql.TxOptions) (*sqlTx, error) { return s.beginChanges(ctx) }
	}
	for more := true; more; {
		tx, err := begin(ctx, nil)
		if err != nil {
			return c, err
		}
		stmt, err := tx.PrepareContext(ctx, insert)
		if err != nil {
			tx.Rollback()
			return c, err
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
				return c, err
			}
			res, err := stmt.ExecContext(ctx, vals...)
			if err != nil {
				tx.Rollback()
				return c, err
			}
			written, _ := res.RowsAffected()
			if written == 1 && table == "articles" {
				// So replicas already running on s pick the article up.
				if err := recordChange(ctx, tx, fmt.Sprint(vals[0]), false, s.Now()); err != nil {
					tx.Rollback()
					return c, err
				}
			}
			n++
			c.Written += int(written)
		}
		stmt.Close()
		if err := tx.Commit(); err != nil {
			return c, err
		}
		c.Read = n
		progress(n)
	}
	return c, rows.Err()
}
