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

	"mpbot/content"
)

// copiedTables are the store's tables in the order CopyFrom writes them,
// each with its primary key (an article's id is its first column). The
// change log and the index snapshot are not copied: they are the source's
// history and cache. The destination logs each article it gains, and its
// replicas index the copied analyses without segmenting again.
var copiedTables = []struct {
	name, key string
	// newer are the columns saying when a row last changed: a row the
	// destination has is changed to the source's only where the source's
	// is not older in any of them (a copy run after the fleet started
	// had undone its followers' 退订: a review's find).
	newer []string
	// kept, when set, is a further condition for changing a row the
	// destination has (on the destination's row, table named, and the
	// source's, excluded).
	kept string
}{
	{"articles", "id", []string{"updated_at"}, ""},
	// An analysis is the source's where its article is (articleTerms).
	{"article_terms", "article_id", nil, ""},
	{"followers", "openid", []string{"subscribed_at", "unsubscribed_at", "last_interaction_at"}, ""},
	// A day the destination pushed keeps its reading and its run, as
	// ScheduleDaily keeps them: a one-machine store that chose another
	// article for the day later had replaced the fleet's (an operator
	// run's find: 往期每日一读 named an article nobody got, and the one
	// sent counted as unread, to go out again).
	{"daily_readings", "day", []string{"chosen_at"}, "(daily_readings.article_id = excluded.article_id OR NOT " + dayPushed + ")"},
	{"push_runs", "day", []string{"lease_until"}, "NOT " + dayPushed},
	{"push_ledger", "day, recipient", []string{"updated_at"}, ""},
	{"media", "url", []string{"uploaded_at"}, ""},
	{"push_receipts", "msg_id", []string{"received_at"}, ""},
	{"votes", "question, article_id, follower", []string{"at"}, ""},
	// That WeChat encrypts (compat mode): without it, the destination took
	// plaintext again until the next encrypted request.
	{"webhook_sealed", "app_id", []string{"sealed_ms"}, ""},
}

// dayPushed holds when the destination's ledger has the day's reading gone
// out to someone (the day of the row copied, excluded): not a rehearsal in
// push.mode log, which reached nobody (a review's find: a fleet's
// rehearsal kept its article over the one the one machine's followers
// got).
const dayPushed = `EXISTS (SELECT 1 FROM push_ledger WHERE push_ledger.day = excluded.day AND push_ledger.state IN ('sending', 'sent', 'unknown') AND push_ledger.mode <> 'log')`

// CopiedTables names the tables CopyFrom copies, in its order.
func CopiedTables() []string {
	names := make([]string, len(copiedTables))
	for i, t := range copiedTables {
		names[i] = t.name
	}
	return names
}

// asTheDemo reports whether an article row is a demo article as the demo
// has it.
func asTheDemo(cols []string, vals []any) bool {
	field := func(name string) string {
		i := slices.Index(cols, name)
		if i < 0 {
			return ""
		}
		if b, ok := vals[i].([]byte); ok {
			return string(b)
		}
		return fmt.Sprint(vals[i])
	}
	return content.AsTheDemo(content.Article{ID: field("id"), Title: field("title"), Summary: field("summary"), Body: field("body"), URL: field("url")})
}

// updatedAt is an article row's updated_at (Unix ms), or 0.
func updatedAt(cols []string, vals []any) int64 {
	if i := slices.Index(cols, "updated_at"); i >= 0 {
		switch v := vals[i].(type) {
		case int64:
			return v
		case int32:
			return int64(v)
		}
	}
	return 0
}

// copyBatch rows share a transaction.
const copyBatch = 2000

// OpenCopySource opens the SQLite store at path to copy from: read only,
// without migrating it (a store copy had added mpbot's tables to a file of
// another program, and would change a running older serve's schema under
// it: an operator run's finds). A file that is no mpbot store, or a store
// of another schema version than this build's, is refused.
func OpenCopySource(ctx context.Context, path string) (*Store, error) {
	db, err := sql.Open("sqlite", fileURI(path)+"?mode=ro&_pragma=busy_timeout(5000)")
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
// into the PostgreSQL store of a fleet. A row s has already is changed to
// the source's where they differ and the source's is not older, so a copy
// run again brings what changed on the one machine since (a follower's
// 退订 between two copies had been kept as taking the reading, and the
// fleet would push to them: an operator run's find), and leaves what the
// fleet changed since; an interrupted copy is run again. progress, if
// set, hears each table's count as it goes.
func (s *Store) CopyFrom(ctx context.Context, src *Store, progress func(table string, copied int)) (map[string]Copied, error) {
	counts := map[string]Copied{}
	articles := map[string]bool{} // the articles this copy wrote: their analyses are the source's
	removed, err := s.removedArticles(ctx)
	if err != nil {
		return counts, fmt.Errorf("copy articles: %w", err)
	}
	for _, t := range copiedTables {
		c, err := s.copyTable(ctx, src, t.name, t.key, t.newer, t.kept, articles, removed, func(n int) {
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

// removedArticles are the articles removed from s, and not added again
// since, with when (Unix ms).
func (s *Store) removedArticles(ctx context.Context) (map[string]int64, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT article_id, MAX(at) FROM changes WHERE deleted = 1
		AND NOT EXISTS (SELECT 1 FROM articles WHERE articles.id = changes.article_id) GROUP BY article_id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	removed := map[string]int64{}
	for rows.Next() {
		var id string
		var at int64
		if err := rows.Scan(&id, &at); err != nil {
			return nil, err
		}
		removed[id] = at
	}
	return removed, rows.Err()
}

func (s *Store) copyTable(ctx context.Context, src *Store, table, key string, newer []string, kept string, articles map[string]bool, removed map[string]int64, progress func(int)) (Copied, error) {
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
	// where some column differs and the source's row is not older.
	keys := strings.Split(key, ", ")
	var set, differs, notOlder []string
	for _, col := range cols {
		if !slices.Contains(keys, col) {
			set = append(set, col+" = excluded."+col)
			differs = append(differs, table+"."+col+" IS DISTINCT FROM excluded."+col)
		}
		if slices.Contains(newer, col) {
			notOlder = append(notOlder, "excluded."+col+" >= "+table+"."+col)
		}
	}
	values := `INSERT INTO ` + table + ` (` + strings.Join(cols, ", ") + `) VALUES (?` + strings.Repeat(", ?", len(cols)-1) + `)`
	keep := values + ` ON CONFLICT (` + key + `) DO NOTHING`
	insert := keep
	if len(set) > 0 {
		where := "(" + strings.Join(differs, " OR ") + ")"
		if len(notOlder) > 0 {
			where += " AND " + strings.Join(notOlder, " AND ")
		}
		if kept != "" {
			where += " AND " + kept
		}
		insert = values + ` ON CONFLICT (` + key + `) DO UPDATE SET ` + strings.Join(set, ", ") + ` WHERE ` + where
	}
	n := 0
	begin := s.db.BeginTx
	logged := table == "articles" || table == "article_terms"
	if logged { // its rows are logged as changes, so running replicas index them
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
		keepStmt, err := tx.PrepareContext(ctx, keep)
		if err != nil {
			stmt.Close()
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
			// An article removed from the destination since the source's
			// last change stays removed, with its analysis: a copy run
			// again after the fleet's `articles rm --demo` put the demo
			// articles back (a newcomer run's find).
			// A demo article as the demo has it stays removed whenever the
			// source was made (a store made after the removal had put them
			// back: a review's find).
			if at, ok := removed[fmt.Sprint(vals[0])]; ok && (table == "articles" && (updatedAt(cols, vals) <= at || asTheDemo(cols, vals)) || table == "article_terms" && !articles[fmt.Sprint(vals[0])]) {
				n++
				continue
			}
			// Nor is a day's reading of such an article (the day's push
			// found "nothing to push", 每日一读 none: a re-check's find).
			if table == "daily_readings" {
				if i := slices.Index(cols, "article_id"); i >= 0 {
					if id := fmt.Sprint(vals[i]); removed[id] != 0 && !articles[id] {
						n++
						continue
					}
				}
			}
			use := stmt
			if table == "article_terms" && !articles[fmt.Sprint(vals[0])] {
				// An analysis of an article the destination keeps (the
				// same, or newer there) stays the destination's.
				use = keepStmt
			}
			res, err := use.ExecContext(ctx, vals...)
			if err != nil {
				tx.Rollback()
				return c, err
			}
			written, _ := res.RowsAffected()
			if written == 1 && logged {
				// So replicas already running on s pick the article, or
				// its analysis copied after it, up.
				if table == "articles" {
					articles[fmt.Sprint(vals[0])] = true
				}
				if err := recordChange(ctx, tx, fmt.Sprint(vals[0]), false, s.Now()); err != nil {
					tx.Rollback()
					return c, err
				}
			}
			n++
			c.Written += int(written)
		}
		stmt.Close()
		keepStmt.Close()
		if err := tx.Commit(); err != nil {
			return c, err
		}
		c.Read = n
		progress(n)
	}
	return c, rows.Err()
}
