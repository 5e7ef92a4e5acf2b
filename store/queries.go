package store

import (
	"context"
	"time"
)

// Query is one message in the query log: what a follower sent and how the
// bot answered. Follower is a keyed hash of the openid; the log never holds
// an openid.
type Query struct {
	At       time.Time
	Follower string
	Kind     string // text, voice, click, subscribe, …
	Text     string // as matched: trimmed of punctuation and emoji
	Outcome  string // card, list, no_match, rule, follow_up, …
	Rule     string
	Key      string // a menu key, or a subscription's scene
	Number   int    // a follow-up's number
	Article  string // the article sent as a card
	Question string // a follow-up's question (the list's)
	Hits     string // JSON: the top articles with their scores
	Latency  time.Duration
}

// queryColumns are the query log's columns, in Query's order.
var queryColumns = []string{"at", "follower", "kind", "text", "outcome", "rule", "menu_key", "number", "article", "question", "hits", "latency_us"}

// RecordQueries appends a batch to the query log in one transaction (on
// PostgreSQL one COPY).
func (s *Store) RecordQueries(ctx context.Context, qs []Query) (err error) {
	defer failed(&err, "record %d queries", len(qs))
	if s.db.engine == postgresEngine {
		// Every message adds a row. A row by COPY costs the server a
		// third less than by multi-row INSERTs (about 3 µs, was 4.5),
		// and this process a third (about 2 µs, was 6-8; pgx regrew its
		// parameter buffers for each INSERT, 5 KB of garbage a row).
		return s.db.copyRows(ctx, "queries", queryColumns, len(qs), func(i int, row []any) {
			q := qs[i]
			row[0], row[1], row[2], row[3], row[4], row[5] = q.At.UnixMilli(), q.Follower, q.Kind, q.Text, q.Outcome, q.Rule
			row[6], row[7], row[8], row[9], row[10], row[11] = q.Key, int64(q.Number), q.Article, q.Question, q.Hits, q.Latency.Microseconds()
		})
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	args := make([]any, 0, 12*len(qs))
	for _, q := range qs {
		args = append(args, q.At.UnixMilli(), q.Follower, q.Kind, q.Text, q.Outcome, q.Rule, q.Key, q.Number,
			q.Article, q.Question, q.Hits, q.Latency.Microseconds())
	}
	if err := tx.insertRows(ctx, `INSERT INTO queries (at, follower, kind, text, outcome, rule, menu_key, number, article, question, hits, latency_us) VALUES `,
		`(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, "", args); err != nil {
		return err
	}
	return tx.Commit()
}

// EachQuery calls fn with every query logged at or after since, oldest
// first.
func (s *Store) EachQuery(ctx context.Context, since time.Time, fn func(Query) error) (err error) {
	defer failed(&err, "read the query log")
	rows, err := s.db.QueryContext(ctx, `SELECT at, follower, kind, text, outcome, rule, menu_key, number, article, question, hits, latency_us
		FROM queries WHERE at >= ? ORDER BY at, id`, since.UnixMilli())
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var q Query
		var at, latency int64
		if err := rows.Scan(&at, &q.Follower, &q.Kind, &q.Text, &q.Outcome, &q.Rule, &q.Key, &q.Number, &q.Article, &q.Question,
			&q.Hits, &latency); err != nil {
			return err
		}
		q.At, q.Latency = time.UnixMilli(at), time.Duration(latency)*time.Microsecond
		if err := fn(q); err != nil {
			return err
		}
	}
	return rows.Err()
}

// PruneQueries deletes what the query log and the votes hold from before
// before, and reports how many queries went.
func (s *Store) PruneQueries(ctx context.Context, before time.Time) (_ int, err error) {
	defer failed(&err, "prune the query log")
	res, err := s.db.ExecContext(ctx, `DELETE FROM queries WHERE at < ?`, before.UnixMilli())
	if err != nil {
		return 0, err
	}
	if _, err := s.db.ExecContext(ctx, `DELETE FROM votes WHERE at < ?`, before.UnixMilli()); err != nil {
		return 0, err
	}
	n, _ := res.RowsAffected()
	return int(n), nil
}

// Vote is a follower's choice of an article from a list for a question.
type Vote struct {
	Question, Article, Follower string
	At                          time.Time
}

// RecordVotes keeps votes; a follower's later vote for the same article on
// the same question replaces the earlier.
func (s *Store) RecordVotes(ctx context.Context, vs []Vote) (err error) {
	defer failed(&err, "record %d votes", len(vs))
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for _, v := range vs {
		if _, err := tx.ExecContext(ctx, `INSERT INTO votes (question, article_id, follower, at) VALUES (?, ?, ?, ?)
			ON CONFLICT (question, article_id, follower) DO UPDATE SET at = excluded.at`,
			v.Question, v.Article, v.Follower, v.At.UnixMilli()); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// Votes returns every vote kept.
func (s *Store) Votes(ctx context.Context) (_ []Vote, err error) {
	defer failed(&err, "read votes")
	rows, err := s.db.QueryContext(ctx, `SELECT question, article_id, follower, at FROM votes ORDER BY question, article_id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Vote
	for rows.Next() {
		var v Vote
		var at int64
		if err := rows.Scan(&v.Question, &v.Article, &v.Follower, &at); err != nil {
			return nil, err
		}
		v.At = time.UnixMilli(at)
		out = append(out, v)
	}
	return out, rows.Err()
}

// ClearVotes forgets the votes on question, or every vote when it is "".
func (s *Store) ClearVotes(ctx context.Context, question string) (_ int, err error) {
	defer failed(&err, "clear votes")
	q, args := `DELETE FROM votes`, []any{}
	if question != "" {
		q, args = q+` WHERE question = ?`, append(args, question)
	}
	res, err := s.db.ExecContext(ctx, q, args...)
	if err != nil {
		return 0, err
	}
	n, _ := res.RowsAffected()
	return int(n), nil
}
