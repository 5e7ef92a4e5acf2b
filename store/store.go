package store

import (
	"cmp"
	"context"
	"crypto/sha1"
	"database/sql"
	"embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"mpbot/content"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
	_ "modernc.org/sqlite" // registers the cgo-free "sqlite" driver
)

//go:embed migrations/sqlite/*.sql migrations/postgres/*.sql
var migrations embed.FS

// Store keeps articles, followers and the push ledger in SQLite (one
// process, the default) or PostgreSQL (a fleet). It is the source of truth;
// search indexes are derived from it.
type Store struct {
	db  *sqlDB
	Now func() time.Time // replaced in tests
	// calls are the calls within gave up waiting for, still running;
	// closing guards calls.Add against Close's Wait.
	calls   sync.WaitGroup
	closing sync.RWMutex
	closed  bool
}

// Open opens (creating if needed) the SQLite store at path and applies any
// migrations the file has not seen yet.
func Open(ctx context.Context, path string) (*Store, error) {
	if strings.Contains(path, "://") {
		// postgres://… made an SQLite file in a folder named postgres:.
		return nil, fmt.Errorf("store %s: an address, not an SQLite file (for PostgreSQL set store.driver: postgres and store.dsn)", path)
	}
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		// SQLite said only "unable to open database file (14)" (an ops
		// run's find, as for the two below).
		return nil, fmt.Errorf("store %s is a folder: name the store's file in it (%s)", path, filepath.Join(path, "mpbot.db"))
	}
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("store %s: %w", path, err)
		}
		// SQLite writes its -wal and -shm files beside the store, to read
		// it too: a folder it cannot write in (a read-only mount) is said.
		probe, err := os.CreateTemp(dir, ".mpbot-store-*")
		if err != nil {
			return nil, fmt.Errorf("store %s: cannot write in its folder %s, where SQLite keeps the store and its -wal and -shm files: %w", path, dir, err)
		}
		probe.Close()
		os.Remove(probe.Name())
	}
	// _txlock=immediate: a transaction that reads before it writes (every
	// import does) would otherwise fail at once with SQLITE_BUSY when another
	// process committed in between, instead of waiting its turn.
	dsn := fileURI(path) + "?_pragma=journal_mode(WAL)&_pragma=busy_timeout(5000)&_pragma=synchronous(NORMAL)&_txlock=immediate"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("store %s: %w", path, err)
	}
	// As PostgreSQL's pool: calls within gave up on (SQLite waiting on
	// another process's locks) hold no more than these, and no new ones
	// open while they wait (a review's find: the pool had no bound).
	db.SetMaxOpenConns(poolSize)
	db.SetMaxIdleConns(poolSize)
	s, err := newStore(ctx, db, sqliteEngine, path)
	if err != nil && (strings.Contains(err.Error(), "disk I/O error") || strings.Contains(err.Error(), "disk is full")) {
		// SQLite's words for a full disk at start: its -shm file could
		// not be made (4874).
		err = fmt.Errorf("%w (is the disk full?)", err)
	}
	return s, err
}

// fileURI is path as an SQLite file: URI: its ? and # would start the
// URI's query and fragment (backup?.db opened a store named backup), and %
// an escape.
func fileURI(path string) string {
	path = strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(path)
	if strings.HasPrefix(path, "/") {
		// With an empty authority: file://tmp/… (a path starting //)
		// named a host, which SQLite refuses (a review's find).
		return "file://" + path
	}
	return "file:" + path
}

func newStore(ctx context.Context, db *sql.DB, e engine, where string) (*Store, error) {
	s := &Store{db: &sqlDB{DB: db, engine: e, bound: new(sync.Map)}, Now: time.Now}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("store %s: %w", where, err)
	}
	return s, nil
}

// OpenPostgres connects to the PostgreSQL database at dsn (a URL or
// key=value string, as libpq takes) and applies any migrations it has not
// seen yet. Replicas starting together migrate one at a time.
func OpenPostgres(ctx context.Context, dsn string) (*Store, error) {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("store.dsn: %w", err)
	}
	db := stdlib.OpenDB(*cfg)
	db.SetMaxOpenConns(poolSize)
	db.SetMaxIdleConns(poolSize)
	where := fmt.Sprintf("postgres %s@%s:%d/%s", cfg.User, cfg.Host, cfg.Port, cfg.Database)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("store %s: %w", where, err)
	}
	return newStore(ctx, db, postgresEngine, where)
}

// poolSize is how many connections a store keeps open at most, on either
// engine.
const poolSize = 16

// Close releases the database, once the calls within gave up on have
// ended.
func (s *Store) Close() error {
	s.closing.Lock()
	s.closed = true
	s.closing.Unlock()
	s.calls.Wait()
	return s.db.Close()
}

// within returns f's result or, on SQLite, ctx's error once ctx's deadline
// passes though f has not returned: SQLite waits on another process's
// locks (an import's write transaction, an operator's sqlite3, a stalled
// disk) without looking at ctx, its busy timeout (5 s) and more (10 s seen
// on the WAL index's lock), and a follower's reply had waited past
// WeChat's window for a number, 每日一读, 退订 or a follow, as had /readyz
// past its second (an operator run's find). f goes on beside, holding one
// of the pool's connections (poolSize: calls past them wait for one, and that
// wait ends with ctx); Close waits for it. PostgreSQL's driver ends a call
// with its context.
func within[T any](ctx context.Context, s *Store, f func(context.Context) (T, error)) (T, error) {
	if _, ok := ctx.Deadline(); !ok || s.db.engine != sqliteEngine {
		return f(ctx)
	}
	type result struct {
		v   T
		err error
	}
	s.closing.RLock()
	if s.closed {
		s.closing.RUnlock()
		return f(ctx) // the database is closed: f says so at once
	}
	s.calls.Add(1)
	s.closing.RUnlock()
	done := make(chan result, 1)
	go func() {
		defer s.calls.Done()
		v, err := f(ctx)
		done <- result{v, err}
	}()
	select {
	case r := <-done:
		return r.v, r.err
	case <-ctx.Done():
		var zero T
		return zero, fmt.Errorf("the store did not answer in time (another process holding its locks?): %w", ctx.Err())
	}
}

// withinErr is within for a call that returns only an error.
func withinErr(ctx context.Context, s *Store, f func(context.Context) error) error {
	_, err := within(ctx, s, func(ctx context.Context) (struct{}, error) { return struct{}{}, f(ctx) })
	return err
}

// Ping reports whether the store can be read.
func (s *Store) Ping(ctx context.Context) error {
	return withinErr(ctx, s, func(ctx context.Context) (err error) {
		defer failed(&err, "ping")
		var n int
		return s.db.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations`).Scan(&n)
	})
}

// migrationLock keys the PostgreSQL advisory locks the store takes; any
// constant works as long as nothing else in the database uses it.
const (
	migrationLock = 0x6d70626f74_01
	changeLock    = 0x6d70626f74_02
	snapshotLock  = 0x6d70626f74_03
	replayLock    = 0x6d70626f74_04
)

func (s *Store) migrate(ctx context.Context) error {
	if _, err := s.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version TEXT PRIMARY KEY, applied_at BIGINT NOT NULL)`); err != nil {
		return err
	}
	dir := "migrations/" + s.db.engine.String()
	names, err := fs.Glob(migrations, dir+"/*.sql")
	if err != nil {
		return err
	}
	sort.Strings(names)
	for _, name := range names {
		if err := s.migrateOne(ctx, name); err != nil {
			return err
		}
	}
	return nil
}

func (s *Store) migrateOne(ctx context.Context, name string) error {
	version := strings.TrimSuffix(filepath.Base(name), ".sql")
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if s.db.engine == postgresEngine {
		// Two replicas starting at once: the second waits here, then sees
		// the version recorded and skips it.
		if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(?)`, migrationLock); err != nil {
			return err
		}
	}
	var seen int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations WHERE version = ?`, version).Scan(&seen); err != nil {
		return err
	}
	if seen > 0 {
		return nil
	}
	script, err := migrations.ReadFile(name)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, string(script)); err != nil {
		return fmt.Errorf("migration %s: %w", version, err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)`, version, s.Now().Unix()); err != nil {
		return err
	}
	return tx.Commit()
}

// Outcome says what Upsert did with one article.
type Outcome int

const (
	Added Outcome = iota
	Updated
	Unchanged
)

func (o Outcome) String() string {
	return [...]string{"added", "updated", "unchanged"}[o]
}

// Upsert adds an article or updates the one with the same id (or, when the
// article has no id, the same url), so re-importing never duplicates.
func (s *Store) Upsert(ctx context.Context, a content.Article) (_ content.Article, _ Outcome, err error) {
	defer failed(&err, "upsert article")
	res, err := s.UpsertBatch(ctx, []Upsert{{Article: a}})
	if err != nil {
		return a, 0, err
	}
	return res[0].Article, res[0].Outcome, res[0].Err
}

// Upsert is one article to write, with the search index's analysis of it
// (opaque to the store; may be nil).
type Upsert struct {
	Article  content.Article
	Analysis []byte
	Version  int
}

// UpsertResult says what happened to one article of a batch.
type UpsertResult struct {
	Article content.Article // as stored, with its id and times
	Outcome Outcome
	Err     error // the article was invalid; the rest of the batch went in
	// Replaced is the article an update replaced when it had another
	// title at another address: a rewrite under its id, or another
	// article given a taken id (two notices of one template, ids 1 of two
	// columns' exports: the first had gone without a word, an operator
	// run's find), for the import to say.
	Replaced *content.Article
}

// UpsertBatch writes articles in one transaction. An invalid article is
// reported in its result and skipped; only a database failure fails the
// batch.
func (s *Store) UpsertBatch(ctx context.Context, items []Upsert) (_ []UpsertResult, err error) {
	defer failed(&err, "upsert articles")
	return s.upsertBatch(ctx, items, true)
}

// Unchanged reports which articles the store holds as they are (as
// UpsertBatch would find them unchanged), reading only: an import analyses
// the others alone (re-importing an unchanged corpus segmented every
// article for nothing).
func (s *Store) Unchanged(ctx context.Context, articles []content.Article) (_ []bool, err error) {
	defer failed(&err, "compare articles")
	same := make([]bool, len(articles))
	for i, a := range articles {
		if a.Validate() != nil {
			continue
		}
		if a.ID == "" {
			if a.ID, err = idAtURL(ctx, s.db, a.URL); err != nil {
				return nil, err
			} else if a.ID == "" {
				continue
			}
		}
		old, err := getArticle(ctx, s.db, a.ID)
		if errors.Is(err, content.ErrNotFound) {
			continue
		} else if err != nil {
			return nil, err
		}
		same[i] = unchangedFrom(old, &a)
	}
	return same, nil
}

// Preview reports what UpsertBatch would do, and writes nothing.
func (s *Store) Preview(ctx context.Context, items []Upsert) (_ []UpsertResult, err error) {
	defer failed(&err, "preview import")
	return s.upsertBatch(ctx, items, false)
}

func (s *Store) upsertBatch(ctx context.Context, items []Upsert, commit bool) ([]UpsertResult, error) {
	results := make([]UpsertResult, len(items))
	tx, err := s.beginChanges(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	for i, it := range items {
		r, err := s.upsertTx(ctx, tx, it)
		if err != nil {
			var invalid invalidError
			if !errors.As(err, &invalid) {
				return nil, err
			}
			results[i] = UpsertResult{Article: it.Article, Err: invalid.error}
			continue
		}
		results[i] = r
	}
	if !commit {
		return results, tx.Rollback()
	}
	return results, tx.Commit()
}

type invalidError struct{ error }

func (s *Store) upsertTx(ctx context.Context, tx *sqlTx, it Upsert) (UpsertResult, error) {
	a := it.Article
	if err := a.Validate(); err != nil {
		return UpsertResult{}, invalidError{err}
	}
	if a.ID == "" {
		id, err := idAtURL(ctx, tx, a.URL)
		if err != nil {
			return UpsertResult{}, err
		}
		a.ID = cmp.Or(id, urlID(a.URL))
	} else if other := urlID(a.URL); a.URL != "" && other != a.ID {
		// An article imported by its address alone, given an id later,
		// became a second article at the same address (either one then
		// answered a lookup by address). Articles with ids of their own
		// may share an address (notes linking to one course page).
		var one int
		err := tx.QueryRowContext(ctx, `SELECT 1 FROM articles WHERE id = ? AND url = ?`, other, a.URL).Scan(&one)
		switch {
		case err == nil:
			return UpsertResult{}, invalidError{fmt.Errorf("url %s is already article %s's (imported by its address alone): give this one id %q, or remove %s first (mpbot articles rm %s)",
				a.URL, other, other, other, other)}
		case !errors.Is(err, sql.ErrNoRows):
			return UpsertResult{}, err
		}
	}
	old, err := getArticle(ctx, tx, a.ID)
	outcome := Updated
	var replaced *content.Article
	switch {
	case errors.Is(err, content.ErrNotFound):
		outcome = Added
		a.CreatedAt = s.Now().UTC().Truncate(time.Millisecond)
	case err != nil:
		return UpsertResult{}, err
	default:
		a.CreatedAt = old.CreatedAt
		a.UpdatedAt = old.UpdatedAt
		if unchangedFrom(old, &a) {
			return UpsertResult{Article: old, Outcome: Unchanged}, nil
		}
		if (a.URL == "" || a.URL != old.URL) && anotherArticle(old, a) {
			// Two notes of one file name in two imports (note.md): the
			// second replaced the first, whose followers' answers were
			// gone (an operator run's find). An article revised keeps
			// most of its words, or its address.
			return UpsertResult{}, invalidError{fmt.Errorf("id %s is already another article (%q, not this one's title or text): give this one an id of its own (id: in its front matter or JSON), or remove %s first (mpbot articles rm %s)",
				a.ID, old.Title, a.ID, a.ID)}
		}
		if movedAndRetitled(old, a) {
			replaced = &old
		}
	}
	a.UpdatedAt = s.Now().UTC().Truncate(time.Millisecond)
	tags, _ := json.Marshal(nonNil(a.Tags))
	_, err = tx.ExecContext(ctx, `INSERT INTO articles
		(id, title, summary, body, url, cover, category, tags, source, author, published_on, scheduled_on, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT(id) DO UPDATE SET title=excluded.title, summary=excluded.summary, body=excluded.body, url=excluded.url,
		cover=excluded.cover, category=excluded.category, tags=excluded.tags, source=excluded.source, author=excluded.author,
		published_on=excluded.published_on, scheduled_on=excluded.scheduled_on, updated_at=excluded.updated_at`,
		a.ID, a.Title, a.Summary, a.Body, a.URL, a.Cover, a.Category, string(tags), a.Source, a.Author,
		a.PublishedOn, a.ScheduledOn, a.CreatedAt.UnixMilli(), a.UpdatedAt.UnixMilli())
	if err != nil {
		return UpsertResult{}, err
	}
	if it.Analysis != nil {
		_, err = tx.ExecContext(ctx, `INSERT INTO article_terms (article_id, version, data) VALUES (?, ?, ?)
			ON CONFLICT(article_id) DO UPDATE SET version=excluded.version, data=excluded.data`, a.ID, it.Version, it.Analysis)
	} else {
		_, err = tx.ExecContext(ctx, `DELETE FROM article_terms WHERE article_id = ?`, a.ID)
	}
	if err != nil {
		return UpsertResult{}, err
	}
	if err := recordChange(ctx, tx, a.ID, false, s.Now()); err != nil {
		return UpsertResult{}, err
	}
	return UpsertResult{Article: a, Outcome: outcome, Replaced: replaced}, nil
}

// Get returns the article with the given id or content.ErrNotFound.
func (s *Store) Get(ctx context.Context, id string) (content.Article, error) {
	return within(ctx, s, func(ctx context.Context) (_ content.Article, err error) {
		defer failed(&err, "get article %s", id)
		return getArticle(ctx, s.db, id)
	})
}

// Delete removes an article; deleting a missing id is content.ErrNotFound.
func (s *Store) Delete(ctx context.Context, id string) (err error) {
	defer failed(&err, "delete article %s", id)
	tx, err := s.beginChanges(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	res, err := tx.ExecContext(ctx, `DELETE FROM articles WHERE id = ?`, id)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return content.ErrNotFound
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM article_terms WHERE article_id = ?`, id); err != nil {
		return err
	}
	// A day whose reading this was, and that nothing went out on, reads
	// another: left, the record named an article gone, and the day's push
	// found "nothing to push". A day it went out on keeps its record, one
	// rehearsed in push.mode log too: in log mode the day is done
	// (ForgetRehearsal clears it when a mode that sends runs the day).
	if tx.engine == postgresEngine {
		// Locked first, as ScheduleDaily does: a push's first marks
		// hold the row share-locked until they commit, and the statement
		// below, begun after they did, sees them.
		if _, err := tx.ExecContext(ctx, `SELECT 1 FROM daily_readings WHERE article_id = ? FOR UPDATE`, id); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM daily_readings WHERE article_id = ? AND NOT EXISTS (SELECT 1 FROM push_ledger
		WHERE push_ledger.day = daily_readings.day AND push_ledger.state IN ('sending', 'sent', 'unknown'))`, id); err != nil {
		return err
	}
	if err := recordChange(ctx, tx, id, true, s.Now()); err != nil {
		return err
	}
	return tx.Commit()
}

// beginChanges begins a transaction that changes articles. On PostgreSQL
// it first takes the change log's lock: sequence numbers are handed out at
// insert, not at commit, so a poller that saw seq 11 committed could later
// miss 10; writers of changes queue on this lock until commit, so seq order
// is commit order. Taken before any article's row: an import holding it
// and a removal holding an article's row the import reaches next waited
// for each other, and PostgreSQL killed one (deadlock detected). (SQLite
// has one writer at a time anyway.)
func (s *Store) beginChanges(ctx context.Context) (*sqlTx, error) {
	return s.beginLocked(ctx, changeLock)
}

// beginLocked begins a transaction holding lock until it ends, on
// PostgreSQL; SQLite's BEGIN IMMEDIATE already holds the one write lock.
func (s *Store) beginLocked(ctx context.Context, lock int64) (*sqlTx, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	if tx.engine == postgresEngine {
		if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(?)`, lock); err != nil {
			tx.Rollback()
			return nil, err
		}
	}
	return tx, nil
}

// recordChange logs a change in a transaction begun by beginChanges.
func recordChange(ctx context.Context, tx *sqlTx, id string, deleted bool, now time.Time) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO changes (article_id, deleted, at) VALUES (?, ?, ?)`, id, b2i(deleted), now.UnixMilli())
	return err
}

// Change is one add, update or delete of an article.
type Change struct {
	Seq       int64
	ArticleID string
	Deleted   bool
}

// Changes returns the changes after seq, oldest first, at most limit.
func (s *Store) Changes(ctx context.Context, after int64, limit int) (_ []Change, err error) {
	defer failed(&err, "read change log")
	rows, err := s.db.QueryContext(ctx, `SELECT seq, article_id, deleted FROM changes WHERE seq > ? ORDER BY seq LIMIT ?`, after, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Change
	for rows.Next() {
		var c Change
		if err := rows.Scan(&c.Seq, &c.ArticleID, &c.Deleted); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// LastChange returns the sequence number of the newest change, 0 if none.
func (s *Store) LastChange(ctx context.Context) (_ int64, err error) {
	defer failed(&err, "read change log")
	var seq sql.NullInt64
	err = s.db.QueryRowContext(ctx, `SELECT max(seq) FROM changes`).Scan(&seq)
	return seq.Int64, err
}

// Count returns how many articles the store holds.
func (s *Store) Count(ctx context.Context) (_ int, err error) {
	defer failed(&err, "count articles")
	var n int
	err = s.db.QueryRowContext(ctx, `SELECT count(*) FROM articles`).Scan(&n)
	return n, err
}

// Categories counts the articles of each category ("" for none).
func (s *Store) Categories(ctx context.Context) (_ map[string]int, err error) {
	defer failed(&err, "count categories")
	rows, err := s.db.QueryContext(ctx, `SELECT category, count(*) FROM articles GROUP BY category`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var c string
		var n int
		if err := rows.Scan(&c, &n); err != nil {
			return nil, err
		}
		out[c] = n
	}
	return out, rows.Err()
}

// Filter narrows List. Zero values match everything.
type Filter struct {
	Category string
	Title    string // articles titled so, exactly
	Limit    int
}

// List returns articles newest first (by published_on, then id).
func (s *Store) List(ctx context.Context, f Filter) (_ []content.Article, err error) {
	defer failed(&err, "list articles")
	q := `SELECT ` + articleColumns + ` FROM articles`
	var args []any
	var where []string
	if f.Category != "" {
		where, args = append(where, `category = ?`), append(args, f.Category)
	}
	if f.Title != "" {
		where, args = append(where, `title = ?`), append(args, f.Title)
	}
	if len(where) > 0 {
		q += ` WHERE ` + strings.Join(where, " AND ")
	}
	q += ` ORDER BY published_on DESC, id DESC`
	if f.Limit > 0 {
		q += fmt.Sprintf(` LIMIT %d`, f.Limit)
	}
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []content.Article
	for rows.Next() {
		a, err := scanArticle(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// Newest returns the most recently published article of a category.
func (s *Store) Newest(ctx context.Context, category string) (_ content.Article, err error) {
	defer failed(&err, "newest article of %q", category)
	list, err := s.List(ctx, Filter{Category: category, Limit: 1})
	if err != nil {
		return content.Article{}, err
	}
	if len(list) == 0 {
		return content.Article{}, content.ErrNotFound
	}
	return list[0], nil
}

// Indexed is an article as the search index loads it: the card, with the
// start of its body (for a card whose summary says nothing: its first
// paragraph, which 4,000 characters hold past any run of headings the
// corpus has), and the stored analysis, if any.
type Indexed struct {
	Article  content.Article
	Version  int
	Analysis []byte
}

const indexedQuery = `SELECT a.id, a.title, a.summary, substr(a.body, 1, 4000), a.url, a.cover, a.category, a.tags, a.source, a.author,
		a.published_on, a.scheduled_on, a.created_at, a.updated_at, coalesce(t.version, 0), t.data
		FROM articles a LEFT JOIN article_terms t ON t.article_id = a.id`

// GetIndexed returns one article's card and stored analysis.
func (s *Store) GetIndexed(ctx context.Context, id string) (_ Indexed, err error) {
	defer failed(&err, "get analysis of %s", id)
	var found *Indexed
	err = s.eachIndexed(ctx, indexedQuery+` WHERE a.id = ?`, []any{id}, func(it Indexed) error { found = &it; return nil })
	if err == nil && found == nil {
		err = content.ErrNotFound
	}
	if err != nil {
		return Indexed{}, err
	}
	return *found, nil
}

// snapshotChunk is the size of the pieces a snapshot is stored in.
const snapshotChunk = 1 << 20

// SaveSnapshot stores the index snapshot, replacing the previous one.
func (s *Store) SaveSnapshot(ctx context.Context, seq int64, data []byte) error {
	_, err := s.saveSnapshot(ctx, seq, data, false)
	return err
}

// SaveNewSnapshot stores the index snapshot of change seq unless the store
// holds one of seq or later (another replica's, saved as the fleet
// stopped: each of three wrote the same 49 MB in turn, and the last ran out
// of its shutdown time). saved reports whether it was written.
func (s *Store) SaveNewSnapshot(ctx context.Context, seq int64, data []byte) (saved bool, err error) {
	return s.saveSnapshot(ctx, seq, data, true)
}

// SnapshotSeq returns the change the stored index snapshot reflects, 0
// when there is none.
func (s *Store) SnapshotSeq(ctx context.Context) (seq int64, err error) {
	defer failed(&err, "read index snapshot")
	err = s.db.QueryRowContext(ctx, `SELECT seq FROM index_snapshot WHERE id = 1`).Scan(&seq)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return seq, err
}

func (s *Store) saveSnapshot(ctx context.Context, seq int64, data []byte, onlyNew bool) (saved bool, err error) {
	defer failed(&err, "save index snapshot")
	// Two replicas saving at once both deleted the chunks and one failed
	// on the other's (duplicate key): they take turns.
	tx, err := s.beginLocked(ctx, snapshotLock)
	if err != nil {
		return false, err
	}
	defer tx.Rollback()
	if onlyNew {
		var stored int64
		if err := tx.QueryRowContext(ctx, `SELECT seq FROM index_snapshot WHERE id = 1`).Scan(&stored); err != nil && !errors.Is(err, sql.ErrNoRows) {
			return false, err
		}
		if stored >= seq {
			return false, nil
		}
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM index_snapshot_chunks`); err != nil {
		return false, err
	}
	for n := 0; n*snapshotChunk < len(data); n++ {
		chunk := data[n*snapshotChunk : min((n+1)*snapshotChunk, len(data))]
		if _, err := tx.ExecContext(ctx, `INSERT INTO index_snapshot_chunks (n, data) VALUES (?, ?)`, n, chunk); err != nil {
			return false, err
		}
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO index_snapshot (id, seq, saved, size) VALUES (1, ?, ?, ?)
		ON CONFLICT(id) DO UPDATE SET seq=excluded.seq, saved=excluded.saved, size=excluded.size`, seq, s.Now().UnixMilli(), len(data)); err != nil {
		return false, err
	}
	return true, tx.Commit()
}

// LoadSnapshot returns the stored index snapshot, or nil when there is none.
func (s *Store) LoadSnapshot(ctx context.Context) (_ []byte, err error) {
	defer failed(&err, "load index snapshot")
	// One statement, so one view of the tables on either engine: read
	// apart, the size and the chunks of a snapshot another process was
	// saving meanwhile disagreed, and the start failed.
	rows, err := s.db.QueryContext(ctx, `SELECT s.size, c.data FROM index_snapshot s JOIN index_snapshot_chunks c ON s.id = 1 ORDER BY c.n`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var data []byte
	size := -1
	for rows.Next() {
		var chunk sql.RawBytes
		if err := rows.Scan(&size, &chunk); err != nil {
			return nil, err
		}
		if data == nil {
			data = make([]byte, 0, size)
		}
		data = append(data, chunk...)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if size < 0 {
		return nil, nil // none saved
	}
	if len(data) != size {
		return nil, fmt.Errorf("index snapshot is %d bytes, expected %d", len(data), size)
	}
	return data, nil
}

// SetAnalysis stores a recomputed analysis without touching the article.
func (s *Store) SetAnalysis(ctx context.Context, id string, version int, data []byte) (err error) {
	defer failed(&err, "store analysis of %s", id)
	_, err = s.db.ExecContext(ctx, setAnalysisSQL, id, version, data)
	return err
}

const setAnalysisSQL = `INSERT INTO article_terms (article_id, version, data) VALUES (?, ?, ?)
	ON CONFLICT(article_id) DO UPDATE SET version=excluded.version, data=excluded.data`

// Analysis is one article's search analysis, to store.
type Analysis struct {
	ID      string
	Version int
	Data    []byte
}

// SetAnalyses stores several articles' analyses in one transaction: a
// whole store analysed again after an upgrade writes a batch at a time, not
// an article at a time.
func (s *Store) SetAnalyses(ctx context.Context, items []Analysis) (err error) {
	defer failed(&err, "store %d analyses", len(items))
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for _, it := range items {
		if _, err := tx.ExecContext(ctx, setAnalysisSQL, it.ID, it.Version, it.Data); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// EachIndexed streams every article's card and stored analysis to fn.
func (s *Store) EachIndexed(ctx context.Context, fn func(Indexed) error) error {
	return s.eachIndexed(ctx, indexedQuery, nil, fn)
}

func (s *Store) eachIndexed(ctx context.Context, query string, args []any, fn func(Indexed) error) error {
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var it Indexed
		var tags string
		var created, updated int64
		a := &it.Article
		if err := rows.Scan(&a.ID, &a.Title, &a.Summary, &a.Body, &a.URL, &a.Cover, &a.Category, &tags, &a.Source, &a.Author,
			&a.PublishedOn, &a.ScheduledOn, &created, &updated, &it.Version, &it.Analysis); err != nil {
			return err
		}
		if err := json.Unmarshal([]byte(tags), &a.Tags); err != nil {
			return fmt.Errorf("article %s: tags: %w", a.ID, err)
		}
		if len(a.Tags) == 0 {
			a.Tags = nil
		}
		a.CreatedAt, a.UpdatedAt = time.UnixMilli(created).UTC(), time.UnixMilli(updated).UTC()
		if err := fn(it); err != nil {
			return err
		}
	}
	return rows.Err()
}

const articleColumns = `id, title, summary, body, url, cover, category, tags, source, author, published_on, scheduled_on, created_at, updated_at`

type queryer interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func getArticle(ctx context.Context, q queryer, id string) (content.Article, error) {
	a, err := scanArticle(q.QueryRowContext(ctx, `SELECT `+articleColumns+` FROM articles WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return content.Article{}, content.ErrNotFound
	}
	return a, err
}

func scanArticle(row interface{ Scan(...any) error }) (content.Article, error) {
	var a content.Article
	var tags string
	var created, updated int64
	err := row.Scan(&a.ID, &a.Title, &a.Summary, &a.Body, &a.URL, &a.Cover, &a.Category, &tags, &a.Source, &a.Author,
		&a.PublishedOn, &a.ScheduledOn, &created, &updated)
	if err != nil {
		return a, err
	}
	if err := json.Unmarshal([]byte(tags), &a.Tags); err != nil {
		return a, fmt.Errorf("article %s: tags: %w", a.ID, err)
	}
	if len(a.Tags) == 0 {
		a.Tags = nil
	}
	a.CreatedAt = time.UnixMilli(created).UTC()
	a.UpdatedAt = time.UnixMilli(updated).UTC()
	return a, nil
}

// idAtURL is the id of the article stored at url, by which one imported by
// its address alone is found again, or "" when there is none.
func idAtURL(ctx context.Context, q queryer, url string) (string, error) {
	// "url <> ''" lets SQLite use the partial index on url (it cannot tell
	// a parameter is not ''): without it, every article imported by its
	// address scanned the whole table.
	var id string
	err := q.QueryRowContext(ctx, `SELECT id FROM articles WHERE url = ? AND url <> '' LIMIT 1`, url).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return id, err
}

// anotherArticle reports whether b shares so few of a's character pairs
// (in its title and its text's opening) that it is another article, not a
// revision of a. Texts too short to tell are the same article.
func anotherArticle(a, b content.Article) bool {
	pa, pb := pairsOf(a), pairsOf(b)
	if len(pa) < minPairsToTell || len(pb) < minPairsToTell {
		return false
	}
	shared := 0
	for p := range pb {
		if pa[p] {
			shared++
		}
	}
	return float64(shared) < maxSharedByAnother*float64(min(len(pa), len(pb)))
}

// movedAndRetitled reports whether b has another title at another address
// than a: a rewrite under a's id, or another article however alike their
// words. An address moved to https or to www. is the same.
func movedAndRetitled(a, b content.Article) bool {
	address := func(u string) string {
		u = strings.TrimPrefix(strings.TrimPrefix(u, "https://"), "http://")
		return strings.TrimSuffix(strings.TrimPrefix(u, "www."), "/")
	}
	return a.URL != "" && b.URL != "" && address(a.URL) != address(b.URL) && strings.TrimSpace(a.Title) != strings.TrimSpace(b.Title)
}

const (
	minPairsToTell     = 20
	maxSharedByAnother = 0.15
	pairsRead          = 2000 // runes of a body read
)

func pairsOf(a content.Article) map[[2]rune]bool {
	pairs := make(map[[2]rune]bool)
	add := func(text string, most int) {
		prev := rune(-1)
		for _, r := range text {
			if most--; most < 0 {
				return
			}
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				prev = -1
				continue
			}
			if prev >= 0 {
				pairs[[2]rune{prev, r}] = true
			}
			prev = r
		}
	}
	add(a.Title, pairsRead)
	add(a.Body, pairsRead)
	return pairs
}

// unchangedFrom reports whether a is old as stored, once a takes old's
// category when it names none (a file re-imported without --category keeps
// the category an earlier import gave it): the one rule of an upsert and of
// Unchanged, which decides what an import analyses.
func unchangedFrom(old content.Article, a *content.Article) bool {
	if a.Category == "" {
		a.Category = old.Category
	}
	return sameContent(old, *a)
}

func sameContent(a, b content.Article) bool {
	a.CreatedAt, a.UpdatedAt, b.CreatedAt, b.UpdatedAt = time.Time{}, time.Time{}, time.Time{}, time.Time{}
	return a.ID == b.ID && a.Title == b.Title && a.Summary == b.Summary && a.Body == b.Body && a.URL == b.URL &&
		a.Cover == b.Cover && a.Category == b.Category && slices.Equal(a.Tags, b.Tags) && a.Source == b.Source &&
		a.Author == b.Author && a.PublishedOn == b.PublishedOn && a.ScheduledOn == b.ScheduledOn
}

// urlID gives an article imported without an id a stable one, so the same
// url always lands on the same row.
func urlID(url string) string {
	sum := sha1.Sum([]byte(url))
	return "u-" + hex.EncodeToString(sum[:6])
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// failed names the operation in an error leaving the store, so that a
// caller's log says what failed: "store: acquire push lease 2026-12-01: …".
func failed(err *error, op string, args ...any) {
	if *err != nil {
		*err = &opError{fmt.Sprintf(op, args...), *err}
	}
}

// opError is a store operation that failed. An operation failing inside
// another says "store:" once: store: schedule x on 2026-12-04: get article
// x: not found.
type opError struct {
	op  string
	err error
}

func (e *opError) Error() string {
	return "store: " + e.op + ": " + strings.TrimPrefix(e.err.Error(), "store: ")
}

func (e *opError) Unwrap() error { return e.err }
