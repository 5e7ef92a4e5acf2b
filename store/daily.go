package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"mpbot/content"
)

// DailyReading returns the reading (每日一读) for day (YYYY-MM-DD), choosing
// and recording it on first asking: an article of the category scheduled
// for that day, else the oldest article of the category never chosen
// before. Once chosen, every caller gets the same article for that day.
// content.ErrNotFound means there is nothing to read that day.
func (s *Store) DailyReading(ctx context.Context, day, category string) (_ content.Article, err error) {
	defer failed(&err, "daily reading %s", day)
	if id, err := s.dailyChoice(ctx, day); err == nil {
		return s.Get(ctx, id)
	} else if !errors.Is(err, sql.ErrNoRows) {
		return content.Article{}, err
	}
	var id string
	err = s.db.QueryRowContext(ctx, `SELECT id FROM articles WHERE scheduled_on = ? AND category = ?
		ORDER BY id LIMIT 1`, day, category).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		err = s.db.QueryRowContext(ctx, `SELECT id FROM articles WHERE category = ?
			AND id NOT IN (SELECT article_id FROM daily_readings)
			AND (scheduled_on = '' OR scheduled_on <= ?)
			ORDER BY published_on, id LIMIT 1`, category, day).Scan(&id)
	}
	if errors.Is(err, sql.ErrNoRows) {
		return content.Article{}, fmt.Errorf("no article of %q left to read: %w", category, content.ErrNotFound)
	}
	if err != nil {
		return content.Article{}, err
	}
	return s.chooseDaily(ctx, day, id)
}

// ScheduleDaily makes id the reading of day, replacing any earlier choice
// (an operator's explicit decision, also how an article is read twice).
func (s *Store) ScheduleDaily(ctx context.Context, day, id string) (_ content.Article, err error) {
	defer failed(&err, "schedule %s on %s", id, day)
	a, err := s.Get(ctx, id)
	if err != nil {
		return a, err
	}
	if _, err := s.db.ExecContext(ctx, `INSERT INTO daily_readings (day, article_id, chosen_at) VALUES (?, ?, ?)
		ON CONFLICT(day) DO UPDATE SET article_id = excluded.article_id, chosen_at = excluded.chosen_at`,
		day, id, s.Now().UnixMilli()); err != nil {
		return a, err
	}
	return a, nil
}

// chooseDaily records id for day unless another process chose first, and
// returns whichever choice stands.
func (s *Store) chooseDaily(ctx context.Context, day, id string) (content.Article, error) {
	if _, err := s.db.ExecContext(ctx, `INSERT INTO daily_readings (day, article_id, chosen_at) VALUES (?, ?, ?)
		ON CONFLICT(day) DO NOTHING`, day, id, s.Now().UnixMilli()); err != nil {
		return content.Article{}, err
	}
	chosen, err := s.dailyChoice(ctx, day)
	if err != nil {
		return content.Article{}, err
	}
	return s.Get(ctx, chosen)
}

func (s *Store) dailyChoice(ctx context.Context, day string) (string, error) {
	var id string
	err := s.db.QueryRowContext(ctx, `SELECT article_id FROM daily_readings WHERE day = ?`, day).Scan(&id)
	return id, err
}
