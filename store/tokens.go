package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Token returns the access token kept under key, "" when there is none or
// it has expired. With SetToken and DropToken it keeps one WeChat access
// token for serve and the commands run beside it, as Redis does for a
// fleet.
func (s *Store) Token(ctx context.Context, key string) (string, error) {
	var tok string
	err := s.db.QueryRowContext(ctx, `SELECT token FROM access_tokens WHERE key = ? AND expires_at > ?`, key, s.Now().UnixMilli()).Scan(&tok)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("read access token: %w", err)
	}
	return tok, nil
}

// SetToken keeps token under key for ttl.
func (s *Store) SetToken(ctx context.Context, key, token string, ttl time.Duration) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO access_tokens (key, token, expires_at) VALUES (?, ?, ?)
		ON CONFLICT (key) DO UPDATE SET token = excluded.token, expires_at = excluded.expires_at`,
		key, token, s.Now().Add(ttl).UnixMilli())
	if err != nil {
		return fmt.Errorf("keep access token: %w", err)
	}
	return nil
}

// DropToken removes key only while it still holds token: another process
// may have kept a fresh one meanwhile.
func (s *Store) DropToken(ctx context.Context, key, token string) error {
	if _, err := s.db.ExecContext(ctx, `DELETE FROM access_tokens WHERE key = ? AND token = ?`, key, token); err != nil {
		return fmt.Errorf("drop access token: %w", err)
	}
	return nil
}
