package content

import (
	"context"
	"crypto/sha1"
	"database/sql"
	"embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	_ "modernc.org/sqlite" // registers the cgo-free "sqlite" driver
)

//go:embed migrations/*.sql
var migrations embed.FS

// Store keeps articles in SQLite. It is the source of truth; search indexes
// are derived from it.
type Store struct {
	db  *sql.DB
	Now func() time.Time // replaced in tests
}

// Open opens (creating if needed) the SQLite store at path and applies any
// migrations the file has not seen yet.
func Open(ctx context.Context, path string) (*Store, error) {
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("store %s: %w", path, err)
		}
	}
	dsn := "file:" + path + "?_pragma=journal_mode(WAL)&_pragma=busy_timeout(5000)&_pragma=synchronous(NORMAL)"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("store %s: %w", path, err)
	}
	s := &Store{db: db, Now: time.Now}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("store %s: %w", path, err)
	}
	return s, nil
}

// Close releases the database.
func (s *Store) Close() error { return s.db.Close() }

// Ping reports whether the store can be read.
func (s *Store) Ping(ctx context.Context) error {
	var n int
	return s.db.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations`).Scan(&n)
}

func (s *Store) migrate(ctx context.Context) error {
	if _, err := s.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version TEXT PRIMARY KEY, applied_at INTEGER NOT NULL)`); err != nil {
		return err
	}
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return err
	}
	sort.Strings(names)
	for _, name := range names {
		version := strings.TrimSuffix(filepath.Base(name), ".sql")
		var seen int
		if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations WHERE version = ?`, version).Scan(&seen); err != nil {
			return err
		}
		if seen > 0 {
			continue
		}
		script, err := migrations.ReadFile(name)
		if err != nil {
			return err
		}
		tx, err := s.db.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, string(script)); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %s: %w", version, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)`, version, s.Now().Unix()); err != nil {
			tx.Rollback()
			return err
		}
		if err := tx.Commit(); err != nil {
			return err
		}
	}
	return nil
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
func (s *Store) Upsert(ctx context.Context, a Article) (Article, Outcome, error) {
	if err := a.Validate(); err != nil {
		return a, 0, err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return a, 0, err
	}
	defer tx.Rollback()
	if a.ID == "" {
		err := tx.QueryRowContext(ctx, `SELECT id FROM articles WHERE url = ? LIMIT 1`, a.URL).Scan(&a.ID)
		if errors.Is(err, sql.ErrNoRows) {
			a.ID = urlID(a.URL)
		} else if err != nil {
			return a, 0, err
		}
	}
	old, err := getArticle(ctx, tx, a.ID)
	outcome := Updated
	switch {
	case errors.Is(err, ErrNotFound):
		outcome = Added
		a.CreatedAt = s.Now().UTC().Truncate(time.Millisecond)
	case err != nil:
		return a, 0, err
	default:
		a.CreatedAt = old.CreatedAt
		a.UpdatedAt = old.UpdatedAt
		if sameContent(old, a) {
			return old, Unchanged, nil
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
		return a, 0, err
	}
	return a, outcome, tx.Commit()
}

// Get returns the article with the given id or ErrNotFound.
func (s *Store) Get(ctx context.Context, id string) (Article, error) {
	return getArticle(ctx, s.db, id)
}

// Delete removes an article; deleting a missing id is ErrNotFound.
func (s *Store) Delete(ctx context.Context, id string) error {
	res, err := s.db.ExecContext(ctx, `DELETE FROM articles WHERE id = ?`, id)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("%s: %w", id, ErrNotFound)
	}
	return nil
}

// Count returns how many articles the store holds.
func (s *Store) Count(ctx context.Context) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM articles`).Scan(&n)
	return n, err
}

// Filter narrows List. Zero values match everything.
type Filter struct {
	Category string
	Limit    int
}

// List returns articles newest first (by published_on, then id).
func (s *Store) List(ctx context.Context, f Filter) ([]Article, error) {
	q := `SELECT ` + articleColumns + ` FROM articles`
	var args []any
	if f.Category != "" {
		q += ` WHERE category = ?`
		args = append(args, f.Category)
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
	var out []Article
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
func (s *Store) Newest(ctx context.Context, category string) (Article, error) {
	list, err := s.List(ctx, Filter{Category: category, Limit: 1})
	if err != nil {
		return Article{}, err
	}
	if len(list) == 0 {
		return Article{}, fmt.Errorf("category %q: %w", category, ErrNotFound)
	}
	return list[0], nil
}

const articleColumns = `id, title, summary, body, url, cover, category, tags, source, author, published_on, scheduled_on, created_at, updated_at`

type queryer interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func getArticle(ctx context.Context, q queryer, id string) (Article, error) {
	a, err := scanArticle(q.QueryRowContext(ctx, `SELECT `+articleColumns+` FROM articles WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return Article{}, fmt.Errorf("%s: %w", id, ErrNotFound)
	}
	return a, err
}

func scanArticle(row interface{ Scan(...any) error }) (Article, error) {
	var a Article
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

func sameContent(a, b Article) bool {
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
