package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
)

// The store's SQL is written once, with ? placeholders and only what SQLite
// and PostgreSQL both understand (ON CONFLICT ... excluded, CASE instead of
// the two-argument max). These wrappers rewrite the placeholders for
// PostgreSQL, so no call site can forget to.

type engine int

const (
	sqliteEngine engine = iota
	postgresEngine
)

func (e engine) String() string { return [...]string{"sqlite", "postgres"}[e] }

type sqlDB struct {
	*sql.DB
	engine engine
	bound  *sync.Map // query → its PostgreSQL form; the store has a few dozen queries
	// full is insertRows' statements of rowsPerInsert rows on SQLite,
	// prepared once: parsing one cost two fifths of a batch's time
	// (PostgreSQL's driver keeps its own prepared statements).
	full sync.Map // text → *sql.Stmt
}

type sqlTx struct {
	*sql.Tx
	engine engine
	bound  *sync.Map
	db     *sqlDB
}

func (d *sqlDB) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	return d.DB.ExecContext(ctx, d.bind(q), args...)
}

func (d *sqlDB) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	return d.DB.QueryContext(ctx, d.bind(q), args...)
}

func (d *sqlDB) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	return d.DB.QueryRowContext(ctx, d.bind(q), args...)
}

func (d *sqlDB) BeginTx(ctx context.Context, opts *sql.TxOptions) (*sqlTx, error) {
	tx, err := d.DB.BeginTx(ctx, opts)
	if err != nil {
		return nil, err
	}
	return &sqlTx{Tx: tx, engine: d.engine, bound: d.bound, db: d}, nil
}

// prepared is q prepared on the database, once.
func (d *sqlDB) prepared(ctx context.Context, q string) (*sql.Stmt, error) {
	if st, ok := d.full.Load(q); ok {
		return st.(*sql.Stmt), nil
	}
	st, err := d.DB.PrepareContext(ctx, q)
	if err != nil {
		return nil, err
	}
	if old, loaded := d.full.LoadOrStore(q, st); loaded {
		st.Close()
		return old.(*sql.Stmt), nil
	}
	return st, nil
}

// Close closes the prepared statements, then the database.
func (d *sqlDB) Close() error {
	d.full.Range(func(q, st any) bool {
		st.(*sql.Stmt).Close()
		d.full.Delete(q)
		return true
	})
	return d.DB.Close()
}

func (t *sqlTx) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	return t.Tx.ExecContext(ctx, t.bind(q), args...)
}

func (t *sqlTx) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	return t.Tx.QueryContext(ctx, t.bind(q), args...)
}

func (t *sqlTx) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	return t.Tx.QueryRowContext(ctx, t.bind(q), args...)
}

func (t *sqlTx) PrepareContext(ctx context.Context, q string) (*sql.Stmt, error) {
	return t.Tx.PrepareContext(ctx, t.bind(q))
}

func (d *sqlDB) bind(q string) string { return bind(d.engine, d.bound, q) }
func (t *sqlTx) bind(q string) string { return bind(t.engine, t.bound, q) }

func bind(e engine, cache *sync.Map, q string) string {
	if e != postgresEngine || !strings.Contains(q, "?") {
		return q
	}
	if b, ok := cache.Load(q); ok {
		return b.(string)
	}
	b := rebind(q)
	cache.Store(q, b)
	return b
}

// rebind numbers the ? placeholders ($1, $2, ...), leaving quoted text alone.
func rebind(q string) string {
	var b strings.Builder
	b.Grow(len(q) + 16)
	n := 0
	var quote byte
	for i := 0; i < len(q); i++ {
		c := q[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '?':
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// b2i stores a flag as the INTEGER both schemas use (pgx will not encode a
// Go bool into an integer column).
func b2i(v bool) int {
	if v {
		return 1
	}
	return 0
}

// rowsPerInsert is how many rows insertRows puts in one INSERT: enough
// that the per-statement cost (several allocations and a prepare on
// SQLite) is spread thin, few enough for both engines' limits on bound
// parameters (32,766 on SQLite, 65,535 on PostgreSQL) at any width here.
const rowsPerInsert = 64

// insertRows runs head + row + ", " + row … + tail for args, as many
// values a row as row has placeholders, rowsPerInsert rows a statement.
func (t *sqlTx) insertRows(ctx context.Context, head, row, tail string, args []any) error {
	width := strings.Count(row, "?")
	for len(args) > 0 {
		n := min(len(args)/width, rowsPerInsert)
		var q strings.Builder
		q.Grow(len(head) + len(tail) + n*(len(row)+2))
		q.WriteString(head)
		for i := range n {
			if i > 0 {
				q.WriteString(", ")
			}
			q.WriteString(row)
		}
		q.WriteString(tail)
		if err := t.execRows(ctx, q.String(), n == rowsPerInsert, args[:n*width]); err != nil {
			return err
		}
		args = args[n*width:]
	}
	return nil
}

// execRows runs an insertRows statement, a prepared one when it is full
// (its text is then always the same) on SQLite.
func (t *sqlTx) execRows(ctx context.Context, q string, full bool, args []any) error {
	if !full || t.engine != sqliteEngine {
		_, err := t.ExecContext(ctx, q, args...)
		return err
	}
	st, err := t.db.prepared(ctx, q)
	if err != nil {
		return err
	}
	_, err = t.Tx.StmtContext(ctx, st).ExecContext(ctx, args...)
	return err
}

// copyRows writes n rows into table's columns with PostgreSQL's COPY, in
// one statement: all or none. fill sets row i's values, in columns' order,
// into row (reused for the next row once encoded).
func (d *sqlDB) copyRows(ctx context.Context, table string, columns []string, n int, fill func(i int, row []any)) error {
	conn, err := d.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	return conn.Raw(func(driverConn any) error {
		pc, ok := driverConn.(*stdlib.Conn)
		if !ok {
			return fmt.Errorf("COPY into %s: driver %T is not pgx's", table, driverConn)
		}
		_, err := pc.Conn().CopyFrom(ctx, pgx.Identifier{table}, columns,
			&copySource{n: n, fill: fill, row: make([]any, len(columns)), at: -1})
		return err
	})
}

// copySource is pgx.CopyFromSource over copyRows' fill.
type copySource struct {
	n, at int
	fill  func(i int, row []any)
	row   []any
}

func (c *copySource) Next() bool {
	c.at++
	return c.at < c.n
}

func (c *copySource) Values() ([]any, error) {
	c.fill(c.at, c.row)
	return c.row, nil
}

func (c *copySource) Err() error { return nil }
