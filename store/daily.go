package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"mpbot/content"
	"strings"
	"time"
)

// DailyReading returns the reading (每日一读) for day (YYYY-MM-DD), choosing
// and recording it on first asking: an article of the category scheduled
// for that day, else the oldest article of the category never chosen
// before. Once chosen, every caller gets the same article for that day.
// content.ErrNotFound means there is nothing to read that day.
func (s *Store) DailyReading(ctx context.Context, day, category string) (content.Article, error) {
	return within(ctx, s, func(ctx context.Context) (content.Article, error) { return s.dailyReading(ctx, day, category) })
}

func (s *Store) dailyReading(ctx context.Context, day, category string) (_ content.Article, err error) {
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
// (an operator's explicit decision, also how an article is read twice),
// unless the day's reading has gone out to someone: a *DayPushed says so.
// Changed then, the record would name an article nobody was sent, the
// daily keyword would answer with it, and the one sent would count as
// unread and go out again the next day.
func (s *Store) ScheduleDaily(ctx context.Context, day, id string) (_ content.Article, err error) {
	defer failed(&err, "schedule %s on %s", id, day)
	a, err := s.Get(ctx, id)
	if err != nil {
		return a, err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return a, err
	}
	defer tx.Rollback()
	if tx.engine == postgresEngine {
		// The day's row locked first: a push's first marks hold it
		// share-locked (checkReading) until they commit, so the change
		// below, in a statement begun after they did, sees them and is
		// refused; and marks made after it wait and read the change.
		// In one statement alone it read the ledger as it was when it
		// began, and a push's marks committed meanwhile went unseen.
		// A day without a row gets this choice first, so that there is
		// a row to lock. (SQLite has one writer at a time.)
		if _, err := tx.ExecContext(ctx, `INSERT INTO daily_readings (day, article_id, chosen_at) VALUES (?, ?, ?)
			ON CONFLICT(day) DO NOTHING`, day, id, s.Now().UnixMilli()); err != nil {
			return a, err
		}
		if _, err := tx.ExecContext(ctx, `SELECT 1 FROM daily_readings WHERE day = ? FOR UPDATE`, day); err != nil {
			return a, err
		}
	}
	// One statement: a push starting meanwhile cannot slip between a
	// check and the change.
	res, err := tx.ExecContext(ctx, `INSERT INTO daily_readings (day, article_id, chosen_at) VALUES (?, ?, ?)
		ON CONFLICT(day) DO UPDATE SET article_id = excluded.article_id, chosen_at = excluded.chosen_at
		WHERE daily_readings.article_id = excluded.article_id OR NOT EXISTS (SELECT 1 FROM push_ledger
			WHERE push_ledger.day = excluded.day AND push_ledger.state IN ('sending', 'sent', 'unknown'))`,
		day, id, s.Now().UnixMilli())
	if err != nil {
		return a, err
	}
	if n, err := res.RowsAffected(); err == nil && n == 0 {
		tx.Rollback()
		sent, _ := s.dailyChoice(ctx, day)
		return a, &DayPushed{Day: day, Sent: sent}
	}
	return a, tx.Commit()
}

// DayPushed is a change to a day's reading after it went out.
type DayPushed struct{ Day, Sent string }

func (e *DayPushed) Error() string {
	return fmt.Sprintf("the daily reading of %s has gone out (%s); a day's reading cannot change after its push: schedule the article for a day to come (mpbot schedule ID DATE)", e.Day, e.Sent)
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

// ReadingDays returns the days whose reading is article id, in order.
func (s *Store) ReadingDays(ctx context.Context, id string) (_ []string, err error) {
	defer failed(&err, "days of the reading %s", id)
	rows, err := s.db.QueryContext(ctx, `SELECT day FROM daily_readings WHERE article_id = ? ORDER BY day`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var days []string
	for rows.Next() {
		var day string
		if err := rows.Scan(&day); err != nil {
			return nil, err
		}
		days = append(days, day)
	}
	return days, rows.Err()
}

// DayReading is the id of the reading chosen for day, "" before one is.
func (s *Store) DayReading(ctx context.Context, day string) (_ string, err error) {
	defer failed(&err, "the reading of %s", day)
	id, err := s.dailyChoice(ctx, day)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return id, err
}

func (s *Store) dailyChoice(ctx context.Context, day string) (string, error) {
	var id string
	err := s.db.QueryRowContext(ctx, `SELECT article_id FROM daily_readings WHERE day = ?`, day).Scan(&id)
	return id, err
}

// Readings returns the readings chosen for days up to through (YYYY-MM-DD),
// newest first, at most n: what followers were given as 每日一读 on those
// days (往期每日一读, 昨天的每日一读). A reading whose article was deleted
// since is left out.
func (s *Store) Readings(ctx context.Context, through string, n int) ([]content.Reading, error) {
	return within(ctx, s, func(ctx context.Context) ([]content.Reading, error) { return s.readings(ctx, through, n) })
}

func (s *Store) readings(ctx context.Context, through string, n int) (_ []content.Reading, err error) {
	defer failed(&err, "readings through %s", through)
	rows, err := s.db.QueryContext(ctx, `SELECT r.day, r.article_id FROM daily_readings r
		JOIN articles a ON a.id = r.article_id WHERE r.day <= ? ORDER BY r.day DESC LIMIT ?`, through, n)
	if err != nil {
		return nil, err
	}
	var out []content.Reading
	var ids []string
	for rows.Next() {
		var r content.Reading
		var id string
		if err := rows.Scan(&r.Day, &id); err != nil {
			rows.Close()
			return nil, err
		}
		out, ids = append(out, r), append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	kept := out[:0]
	for i, r := range out {
		a, err := s.Get(ctx, ids[i])
		if errors.Is(err, content.ErrNotFound) {
			continue
		}
		if err != nil {
			return nil, err
		}
		r.Article = a
		kept = append(kept, r)
	}
	return kept, nil
}

// GoneOut reports the day's reading when it has gone out to someone (a
// delivery sending, sent or unknown), as ScheduleDaily refuses to change
// it then; "" when it has not.
func (s *Store) GoneOut(ctx context.Context, day string) (_ string, err error) {
	defer failed(&err, "the reading gone out on %s", day)
	var id string
	err = s.db.QueryRowContext(ctx, `SELECT article_id FROM daily_readings WHERE day = ? AND EXISTS (SELECT 1 FROM push_ledger
		WHERE push_ledger.day = daily_readings.day AND push_ledger.state IN ('sending', 'sent', 'unknown'))`, day).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return id, err
}

// ModesGoneOut counts, by push.mode, the deliveries of day that went out
// or may have: sent, sending, unknown, and failed with a reason starting
// unsure (a keyed call WeChat did not answer, recorded failed to be resent
// with its key: it may have arrived); "" counts no failure.
func (s *Store) ModesGoneOut(ctx context.Context, day, unsure string) (_ map[string]int, err error) {
	defer failed(&err, "the modes of %s's deliveries", day)
	// No failure matches when unsure is "" (a NUL for none had broken
	// PostgreSQL, which takes no NUL in a text: a re-check's find).
	rows, err := s.db.QueryContext(ctx, `SELECT mode, COUNT(*) FROM push_ledger WHERE day = ?
		AND (state IN ('sending', 'sent', 'unknown') OR ? <> '' AND state = 'failed' AND reason LIKE ? ESCAPE '\') GROUP BY mode`, day, unsure, likePrefix(unsure))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	modes := map[string]int{}
	for rows.Next() {
		var mode string
		var n int
		if err := rows.Scan(&mode, &n); err != nil {
			return nil, err
		}
		modes[mode] += n
	}
	return modes, rows.Err()
}

// GoneOutOnlyIn reports whether day's deliveries that went out (sent,
// sending, unknown) all went out in mode, and some did: a day pushed in
// push.mode log alone is a rehearsal that reached nobody.
func (s *Store) GoneOutOnlyIn(ctx context.Context, day, mode string) (bool, error) {
	modes, err := s.ModesGoneOut(ctx, day, "")
	return modes[mode] > 0 && len(modes) == 1, err
}

// likePrefix is a LIKE pattern matching text starting with prefix, its
// wildcards (% and _) escaped.
func likePrefix(prefix string) string {
	return strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`).Replace(prefix) + "%"
}

// Why is how a day's reading was or would be chosen.
type Why string

// The ways a day gets its reading.
const (
	WhyChosen    Why = "chosen"       // recorded for the day (by a push, a daily reply or `mpbot schedule`)
	WhyScheduled Why = "scheduled_on" // the article names the day
	WhyNext      Why = "next unread"  // the oldest article of the category never read
)

// Planned is one day of the daily reading's plan.
type Planned struct {
	Day     string
	Article content.Article // zero when nothing is left to read
	Why     Why
}

// PlanDaily says, without recording anything, which article each of days
// days from `from` reads and why: the choice already recorded, else the
// rules DailyReading applies, each unread article used once.
func (s *Store) PlanDaily(ctx context.Context, from string, days int, category string) (_ []Planned, err error) {
	return s.planDaily(ctx, from, days, category, "")
}

// planDaily is PlanDaily with the choice of day rehearsed, when its article
// was removed since, read as none: the rehearsal in push.mode log reached
// nobody, and a run in a mode that sends reads another (ForgetRehearsal).
func (s *Store) planDaily(ctx context.Context, from string, days int, category, rehearsed string) (_ []Planned, err error) {
	defer failed(&err, "plan daily readings from %s", from)
	start, err := time.Parse(content.DateLayout, from)
	if err != nil {
		return nil, err
	}
	// The unread articles in DailyReading's order, read a page at a time
	// as the days use them: the first days*4 alone had held none for a day
	// when they were all scheduled later (a series imported with
	// scheduled_on: a review's find), while the push found one past them.
	last := start.AddDate(0, 0, days-1).Format(content.DateLayout)
	var unread []unreadArticle
	more := true
	readMore := func() error {
		page, err := s.unreadPage(ctx, category, last, len(unread), max(days*4, 64))
		unread = append(unread, page...)
		more = len(page) == max(days*4, 64)
		return err
	}
	if err := readMore(); err != nil {
		return nil, err
	}
	used := map[string]bool{}
	plan := make([]Planned, 0, days)
	for i := range days {
		day := start.AddDate(0, 0, i).Format(content.DateLayout)
		p := Planned{Day: day}
		var id string
		chosen, err := s.dailyChoice(ctx, day)
		if err == nil && day == rehearsed {
			if _, gerr := s.Get(ctx, chosen); errors.Is(gerr, content.ErrNotFound) {
				err = sql.ErrNoRows
			} else if gerr != nil {
				return nil, gerr
			}
		}
		if err == nil {
			id, p.Why = chosen, WhyChosen
		} else if !errors.Is(err, sql.ErrNoRows) {
			return nil, err
		} else if err := s.db.QueryRowContext(ctx, `SELECT id FROM articles WHERE scheduled_on = ? AND category = ? ORDER BY id LIMIT 1`,
			day, category).Scan(&id); err == nil {
			p.Why = WhyScheduled
		} else if !errors.Is(err, sql.ErrNoRows) {
			return nil, err
		} else {
			id = ""
			for j := 0; id == ""; j++ {
				if j == len(unread) {
					if !more {
						break
					}
					if err := readMore(); err != nil {
						return nil, err
					}
					if j == len(unread) {
						break
					}
				}
				if u := unread[j]; !used[u.id] && (u.scheduledOn == "" || u.scheduledOn <= day) {
					id, p.Why = u.id, WhyNext
				}
			}
		}
		if id != "" {
			used[id] = true
			p.Article, err = s.Get(ctx, id)
			switch {
			case errors.Is(err, content.ErrNotFound) && p.Why == WhyChosen:
				// Removed after it went out (a removal clears the
				// choice of a day nothing went out on).
				p.Article = content.Article{ID: id}
			case err != nil:
				return nil, err
			}
		}
		plan = append(plan, p)
	}
	return plan, nil
}

// NextScheduled is the first article of category given a day after day
// (chosen for it, as mpbot schedule does, or scheduled_on it and never
// read), that day, and whether there is one: what a day left without a
// reading gives way to.
func (s *Store) NextScheduled(ctx context.Context, category, day string) (_ content.Article, on string, ok bool, err error) {
	defer failed(&err, "next scheduled article after %s", day)
	var id string
	err = s.db.QueryRowContext(ctx, `SELECT day, id FROM (
		SELECT d.day AS day, d.article_id AS id FROM daily_readings d JOIN articles a ON a.id = d.article_id WHERE d.day > ? AND a.category = ?
		UNION ALL
		SELECT scheduled_on AS day, id FROM articles WHERE category = ? AND scheduled_on > ? AND id NOT IN (SELECT article_id FROM daily_readings)
	) AS later ORDER BY day, id LIMIT 1`, day, category, category, day).Scan(&on, &id)
	if errors.Is(err, sql.ErrNoRows) {
		return content.Article{}, "", false, nil
	}
	if err != nil {
		return content.Article{}, "", false, err
	}
	a, err := s.Get(ctx, id)
	return a, on, err == nil, err
}

type unreadArticle struct{ id, scheduledOn string }

// unreadPage is n of category's articles never read, from offset, in the
// order DailyReading takes them, but those scheduled after last.
func (s *Store) unreadPage(ctx context.Context, category, last string, offset, n int) ([]unreadArticle, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, scheduled_on FROM articles WHERE category = ? AND id NOT IN (SELECT article_id FROM daily_readings)
		AND (scheduled_on = '' OR scheduled_on <= ?) ORDER BY published_on, id LIMIT ? OFFSET ?`, category, last, n, offset)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var page []unreadArticle
	for rows.Next() {
		var u unreadArticle
		if err := rows.Scan(&u.id, &u.scheduledOn); err != nil {
			return nil, err
		}
		page = append(page, u)
	}
	return page, rows.Err()
}

// MaxPlanDays is how far ahead PlanThrough plans: a year.
const MaxPlanDays = 366

// ErrPlanTooFar means a day is further from today than MaxPlanDays.
var ErrPlanTooFar = errors.New("too far ahead to plan")

// PlanThrough plans the days from today through day, day's line last:
// each day before it takes its reading first (an operator run's find:
// planned alone, 12-06 to 12-09 each said they would send the same
// article). Today, or a day before it, is planned alone. rehearsed, when
// not "", is a day rehearsed in push.mode log that a run in a mode that
// sends is planned for: a choice of it removed since is read as none.
func (s *Store) PlanThrough(ctx context.Context, today, day, category, rehearsed string) ([]Planned, error) {
	from, days := day, 1
	if today < day {
		t0, err := time.Parse(content.DateLayout, today)
		if err != nil {
			return nil, fmt.Errorf("plan daily readings from %s: %w", today, err)
		}
		t1, err := time.Parse(content.DateLayout, day)
		if err != nil {
			return nil, fmt.Errorf("plan daily readings to %s: %w", day, err)
		}
		if days = int(t1.Sub(t0).Hours()/24) + 1; days > MaxPlanDays {
			return nil, fmt.Errorf("plan the daily reading of %s: %w (to %s)", day, ErrPlanTooFar, t0.AddDate(0, 0, MaxPlanDays-1).Format(content.DateLayout))
		}
		from = today
	}
	return s.planDaily(ctx, from, days, category, rehearsed)
}
