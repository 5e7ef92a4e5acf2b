package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// State is where one delivery of the push ledger stands.
type State string

// Delivery states.
const (
	Sending State = "sending" // marked before the API call; still there after a crash means "outcome unknown"
	Sent    State = "sent"
	Skipped State = "skipped" // WeChat will not take it (outside the 48-hour window, unfollowed, ...)
	Failed  State = "failed"  // may be retried by a rerun (quota, transient)
	Unknown State = "unknown" // was being sent when a run died; not resent without an idempotent API
)

// RunState is where a day's push run stands.
type RunState string

// Run states; a day that never ran has none ("").
const (
	Running RunState = "running" // a process holds the lease (or held it when it died)
	Done    RunState = "done"    // every delivery settled; the day cannot be taken again
	Stopped RunState = "stopped" // ended early (quota, failures, shutdown): a rerun continues
)

// Delivery is one ledger row.
type Delivery struct {
	Day, Recipient, ArticleID, Mode string
	State                           State
	Reason                          string
	Attempts                        int
	MsgID                           int64 // WeChat's id of the message sent (template, mass send), for its receipt
	// UpdatedAt is when the row was last written, FirstSentAt when it was
	// first marked sending (both read only; zero when never): how long ago
	// a keyed send first went out, which WeChat dedupes for 10 minutes.
	UpdatedAt, FirstSentAt time.Time
}

// BroadcastRecipient is the recipient of a mass send's one ledger row: a
// day with it reached every follower.
const BroadcastRecipient = "broadcast"

// ErrLeaseHeld means another process runs the day's push.
var ErrLeaseHeld = errors.New("another process holds the push for this day")

// LeaseHeld is ErrLeaseHeld with who holds the lease and until when.
type LeaseHeld struct {
	Day, Owner   string
	Since, Until time.Time
	// In is the zone its times are said in (push status's, the push's
	// timezone: a fleet run's find, a rerun said UTC beside its CST); nil
	// is the machine's.
	In *time.Location
}

func (e *LeaseHeld) Error() string {
	in := e.In
	if in == nil {
		in = time.Local
	}
	return fmt.Sprintf("another process holds the push for %s: %s, since %s; its lease runs out at %s",
		e.Day, e.Owner, e.Since.In(in).Format("2006-01-02 15:04:05 MST"), e.Until.In(in).Format("15:04:05 MST"))
}

func (e *LeaseHeld) Is(target error) bool { return target == ErrLeaseHeld }

// ErrPushDone means the day's push has finished; there is nothing to take.
var ErrPushDone = errors.New("the push is done for the day")

// AcquirePush takes (or renews) the lease on a day's push for owner until
// now+ttl. A done day cannot be taken again; a day another owner holds
// gives a *LeaseHeld naming it. Taken, the day loses the note of its last
// stop: a running day had been described as stopped by shutdown, the
// operator told to continue it while a replica did (an operator run's
// find).
func (s *Store) AcquirePush(ctx context.Context, day, owner string, now time.Time, ttl time.Duration) (err error) {
	defer failed(&err, "acquire push lease %s", day)
	res, err := s.db.ExecContext(ctx, `INSERT INTO push_runs (day, owner, lease_until, state, started_at) VALUES (?, ?, ?, 'running', ?)
		ON CONFLICT(day) DO UPDATE SET owner = excluded.owner, lease_until = excluded.lease_until, state = 'running', note = '',
		started_at = CASE WHEN push_runs.owner = excluded.owner THEN push_runs.started_at ELSE excluded.started_at END
		WHERE push_runs.state != 'done' AND (push_runs.owner = excluded.owner OR push_runs.lease_until < ?)`,
		day, owner, now.Add(ttl).UnixMilli(), now.UnixMilli(), now.UnixMilli())
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return s.refusal(ctx, day)
	}
	return nil
}

// RenewPush extends owner's lease on a running day; it never takes the day
// back once another process has held it (ErrLeaseLost). A holder paused
// past its lease while another took the day, delivered and stopped, had
// its renewal take the day back: its marks passed the fence, and it sent
// what it had decided from the ledger before the pause (a review's find).
func (s *Store) RenewPush(ctx context.Context, day, owner string, now time.Time, ttl time.Duration) (err error) {
	defer failed(&err, "renew push lease %s", day)
	res, err := s.db.ExecContext(ctx, `UPDATE push_runs SET lease_until = ? WHERE day = ? AND owner = ? AND state = 'running'`,
		now.Add(ttl).UnixMilli(), day, owner)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("%w: %w", ErrLeaseLost, s.refusal(ctx, day))
	}
	return nil
}

// TakeOverPush takes the day's lease from dead, a holder known to have
// died (its process is gone), without waiting for its lease to run out.
func (s *Store) TakeOverPush(ctx context.Context, day, dead, owner string, now time.Time, ttl time.Duration) (err error) {
	defer failed(&err, "take over push lease %s from %s", day, dead)
	res, err := s.db.ExecContext(ctx, `UPDATE push_runs SET owner = ?, lease_until = ?, started_at = ?, state = 'running', note = ''
		WHERE day = ? AND owner = ? AND state != 'done'`, owner, now.Add(ttl).UnixMilli(), now.UnixMilli(), day, dead)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return s.refusal(ctx, day)
	}
	return nil
}

// refusal says why a day's lease could not be taken.
func (s *Store) refusal(ctx context.Context, day string) error {
	var state RunState
	var owner string
	var since, until int64
	if err := s.db.QueryRowContext(ctx, `SELECT state, owner, started_at, lease_until FROM push_runs WHERE day = ?`, day).
		Scan(&state, &owner, &since, &until); err != nil {
		return err
	}
	if state == Done {
		return fmt.Errorf("%w: %s", ErrPushDone, day)
	}
	return &LeaseHeld{Day: day, Owner: owner, Since: time.UnixMilli(since), Until: time.UnixMilli(until)}
}

// FinishPush ends owner's run of day as done or stopped, with a note. A
// day no longer running is left as it is: a run that panicked after ending
// it done would have stopped it (a review's find).
func (s *Store) FinishPush(ctx context.Context, day, owner string, state RunState, note string) (err error) {
	defer failed(&err, "finish push %s", day)
	_, err = s.db.ExecContext(ctx, `UPDATE push_runs SET state = ?, note = ?, lease_until = 0 WHERE day = ? AND owner = ? AND state = 'running'`,
		state, note, day, owner)
	return err
}

// ForgetRehearsal sets aside day's deliveries by mode, a mode that reached
// nobody (push.mode log: the outbox), before a run that sends: its rows go,
// and a day it ended done is stopped, to be taken again (an operator run's
// find: after a rehearsal in log mode the real mode said "already sent").
// A day running under a lease not run out by now is left as it is: its
// lease refuses the run (one run out is taken over, rows and all). It
// returns how many rows went.
func (s *Store) ForgetRehearsal(ctx context.Context, day, mode string, now time.Time) (_ int64, err error) {
	defer failed(&err, "set aside the %s rehearsal of %s", mode, day)
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	res, err := tx.ExecContext(ctx, `DELETE FROM push_ledger WHERE day = ? AND mode = ?
		AND NOT EXISTS (SELECT 1 FROM push_runs WHERE day = ? AND state = 'running' AND lease_until >= ?)`, day, mode, day, now.UnixMilli())
	if err != nil {
		return 0, err
	}
	n, err := res.RowsAffected()
	if err != nil || n == 0 {
		return 0, err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE push_runs SET state = 'stopped', note = ? WHERE day = ? AND state = 'done'`,
		"rehearsed in push.mode "+mode+", which reached nobody", day); err != nil {
		return 0, err
	}
	// Its reading removed since (kept for the rehearsal, as for a day gone
	// out), the day reads another: it had found "nothing to push" with
	// articles unread (an operator run's find).
	if _, err := tx.ExecContext(ctx, `DELETE FROM daily_readings WHERE day = ? AND article_id NOT IN (SELECT id FROM articles)
		AND NOT EXISTS (SELECT 1 FROM push_ledger WHERE push_ledger.day = daily_readings.day AND push_ledger.state IN ('sending', 'sent', 'unknown'))`, day); err != nil {
		return 0, err
	}
	return n, tx.Commit()
}

// RehearsedOnly reports whether what went out on day went out in
// push.mode log alone: to the outbox, which reached nobody.
func (s *Store) RehearsedOnly(ctx context.Context, day string) (_ bool, err error) {
	defer failed(&err, "the modes gone out on %s", day)
	var log, other int
	err = s.db.QueryRowContext(ctx, `SELECT COALESCE(SUM(CASE WHEN mode = 'log' THEN 1 ELSE 0 END), 0), COALESCE(SUM(CASE WHEN mode <> 'log' THEN 1 ELSE 0 END), 0)
		FROM push_ledger WHERE day = ? AND state IN ('sending', 'sent', 'unknown')`, day).Scan(&log, &other)
	return log > 0 && other == 0, err
}

// PushRun returns a day's run state and note ("" when it never ran).
func (s *Store) PushRun(ctx context.Context, day string) (state RunState, note string, err error) {
	defer failed(&err, "push run %s", day)
	err = s.db.QueryRowContext(ctx, `SELECT state, note FROM push_runs WHERE day = ?`, day).Scan(&state, &note)
	if errors.Is(err, sql.ErrNoRows) {
		return "", "", nil
	}
	return state, note, err
}

// Deliveries returns the ledger rows of day for the given recipients.
func (s *Store) Deliveries(ctx context.Context, day string, recipients []string) (_ map[string]Delivery, err error) {
	defer failed(&err, "read push ledger %s", day)
	out := make(map[string]Delivery, len(recipients))
	if len(recipients) == 0 {
		return out, nil
	}
	args := make([]any, 0, len(recipients)+1)
	args = append(args, day)
	for _, r := range recipients {
		args = append(args, r)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT day, recipient, article_id, mode, state, reason, attempts, msg_id, updated_at, first_sent_at FROM push_ledger
		WHERE day = ? AND recipient IN (?`+strings.Repeat(",?", len(recipients)-1)+`)`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var d Delivery
		var updated, first int64
		if err := rows.Scan(&d.Day, &d.Recipient, &d.ArticleID, &d.Mode, &d.State, &d.Reason, &d.Attempts, &d.MsgID, &updated, &first); err != nil {
			return nil, err
		}
		d.UpdatedAt = time.UnixMilli(updated)
		if first != 0 {
			d.FirstSentAt = time.UnixMilli(first)
		}
		out[d.Recipient] = d
	}
	return out, rows.Err()
}

// Reached returns the recipients day's push reached, or may have: sent,
// being sent, or unknown.
func (s *Store) Reached(ctx context.Context, day string) (_ []string, err error) {
	defer failed(&err, "read push ledger %s", day)
	rows, err := s.db.QueryContext(ctx, `SELECT recipient FROM push_ledger WHERE day = ? AND state IN (?, ?, ?)`, day, Sent, Sending, Unknown)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var r string
		if err := rows.Scan(&r); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// ShownReason is a skipped delivery's reason when the follower was shown
// the day's reading before the push reached them: the welcome's card, or
// 每日一读 asked. (A new follower got the welcome's card and, hours later,
// the same article pushed: a fleet run's find.)
const ShownReason = "shown it already (the welcome or 每日一读 asked)"

// ReadingShown records that openid was shown articleID, day's reading,
// before the push: a skipped delivery the push leaves settled when it
// sends that article. It replaces a failed delivery, which a rerun would
// retry, and an earlier article shown before the day's reading changed
// (which would have the push send this one again: a review's find), and
// the outbox's row (push.mode log, which reached nobody: a run that sends
// sets it aside and had pushed the follower the reading they had read); any
// other row (the push reached the follower first) is kept.
func (s *Store) ReadingShown(ctx context.Context, day, openid, articleID string) (err error) {
	defer failed(&err, "record %s shown to %s on %s", articleID, openid, day)
	_, err = s.db.ExecContext(ctx, `INSERT INTO push_ledger (day, recipient, article_id, mode, state, reason, attempts, updated_at, msg_id)
		VALUES (?, ?, ?, 'reply', ?, ?, 0, ?, 0)
		ON CONFLICT(day, recipient) DO UPDATE SET article_id = excluded.article_id, mode = excluded.mode, state = excluded.state,
		reason = excluded.reason, updated_at = excluded.updated_at
		WHERE push_ledger.state = ? OR push_ledger.state = ? AND push_ledger.reason = ? OR push_ledger.mode = 'log'`,
		day, openid, articleID, Skipped, ShownReason, s.Now().UnixMilli(), Failed, Skipped, ShownReason)
	return err
}

// ErrLeaseLost means another process took over the day's push: this one
// must stop sending.
var ErrLeaseLost = errors.New("the push lease passed to another process")

// RecordDeliveries writes ledger rows in one transaction: the batch marked
// sending before its API calls, or its outcomes after.
func (s *Store) RecordDeliveries(ctx context.Context, ds []Delivery) error {
	return s.RecordDeliveriesAs(ctx, "", ds)
}

// RecordDeliveriesAs is RecordDeliveries by the lease holder owner: the
// write is refused (ErrLeaseLost) once another process holds the day, so a
// run that lost its lease can neither mark nor send more.
func (s *Store) RecordDeliveriesAs(ctx context.Context, owner string, ds []Delivery) (err error) {
	defer failed(&err, "record deliveries")
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if owner != "" && len(ds) > 0 {
		q := `SELECT owner FROM push_runs WHERE day = ?`
		if tx.engine == postgresEngine {
			// The day's row stays share-locked to commit: a takeover
			// waits for this write, or this check waits for the takeover
			// and reads its owner. A holder stalled between a plain check
			// and its write (a paused VM) marked and sent after another
			// process took the day: a follower got the reading twice.
			// (SQLite has one writer at a time.)
			q += ` FOR SHARE`
		}
		var holder string
		err := tx.QueryRowContext(ctx, q, ds[0].Day).Scan(&holder)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if holder != owner {
			return fmt.Errorf("%w (%s holds %s)", ErrLeaseLost, holder, ds[0].Day)
		}
	}
	if err := checkReading(ctx, tx, ds); err != nil {
		return err
	}
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO push_ledger (day, recipient, article_id, mode, state, reason, attempts, updated_at, msg_id, first_sent_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT(day, recipient) DO UPDATE SET article_id = excluded.article_id, mode = excluded.mode, state = excluded.state,
		reason = excluded.reason, attempts = excluded.attempts, updated_at = excluded.updated_at,
		msg_id = CASE WHEN excluded.msg_id != 0 THEN excluded.msg_id ELSE push_ledger.msg_id END,
		first_sent_at = CASE WHEN push_ledger.first_sent_at != 0 THEN push_ledger.first_sent_at ELSE excluded.first_sent_at END`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	now := s.Now().UnixMilli()
	for _, d := range ds {
		first := int64(0)
		if d.State == Sending {
			first = now // kept by the row once set
		}
		if _, err := stmt.ExecContext(ctx, d.Day, d.Recipient, d.ArticleID, d.Mode, d.State, d.Reason, d.Attempts, now, d.MsgID, first); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// ErrReadingChanged means the day's reading was changed (`mpbot schedule`)
// after a push read it and before it marked its first delivery: the push
// must read it again, not send the article it read.
var ErrReadingChanged = errors.New("the day's reading changed since the push read it")

// checkReading refuses marks of deliveries as sending of an article that is
// not the day's recorded reading. ScheduleDaily refuses a change once a
// delivery is marked, so only a push's first marks can meet one; without
// the check a push that read its article just before an operator's
// schedule sent it while the record, and the daily reply, named the other.
func checkReading(ctx context.Context, tx *sqlTx, ds []Delivery) error {
	i := slices.IndexFunc(ds, func(d Delivery) bool { return d.State == Sending })
	if i < 0 {
		return nil
	}
	q := `SELECT article_id FROM daily_readings WHERE day = ?`
	if tx.engine == postgresEngine {
		// Locked to commit, as the lease above: ScheduleDaily locks the
		// row to change it, so it waits for these marks (and then
		// refuses), or these wait for it and read its change.
		q += ` FOR SHARE`
	}
	var chosen string
	err := tx.QueryRowContext(ctx, q, ds[i].Day).Scan(&chosen)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		// A push records its reading before it marks: the record is
		// gone with its article (`mpbot articles rm`).
		return fmt.Errorf("%w: %s was removed", ErrReadingChanged, ds[i].ArticleID)
	case err != nil:
		return err
	}
	for _, d := range ds[i:] {
		if d.State == Sending && d.ArticleID != chosen {
			return fmt.Errorf("%w: %s is now %s's reading, not %s", ErrReadingChanged, chosen, d.Day, d.ArticleID)
		}
	}
	return nil
}

// PushSummary counts a day's ledger by state, and skips and failures by
// reason.
type PushSummary struct {
	Day       string
	ArticleID string
	Counts    map[State]int
	Reasons   map[string]int // "state: reason" → deliveries, for skipped, failed and unknown
	RunState  RunState
	RunNote   string
	// Holder and LeaseUntil are who runs it and until when, while running:
	// a lease run out is a holder gone (killed) that a rerun takes over.
	Holder     string
	LeaseUntil time.Time
	Receipts   []Receipt // WeChat's own, for the day's mass send or template messages
}

// Receipt is WeChat's report of what it delivered: a mass send's counts
// (MASSSENDJOBFINISH), or one template message's status
// (TEMPLATESENDJOBFINISH). For template messages the summary holds one
// receipt per status, Total counting them.
type Receipt struct {
	MsgID                         int64
	Kind                          string // broadcast or template
	Status                        string
	Total, Filtered, Sent, Errors int
	At                            time.Time
}

// RecordReceipt keeps a receipt; WeChat may send it again, which replaces it.
func (s *Store) RecordReceipt(ctx context.Context, r Receipt) (err error) {
	defer failed(&err, "record receipt of message %d", r.MsgID)
	_, err = s.db.ExecContext(ctx, `INSERT INTO push_receipts (msg_id, kind, status, total, filtered, sent, errors, received_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT(msg_id) DO UPDATE SET kind = excluded.kind, status = excluded.status, total = excluded.total,
		filtered = excluded.filtered, sent = excluded.sent, errors = excluded.errors, received_at = excluded.received_at`,
		r.MsgID, r.Kind, r.Status, r.Total, r.Filtered, r.Sent, r.Errors, r.At.UnixMilli())
	return err
}

// receipts returns the receipts of a day's messages: a mass send's as it
// came, template messages' counted by status.
func (s *Store) receipts(ctx context.Context, day string) ([]Receipt, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT r.kind, r.status, count(*), CAST(sum(r.total) AS BIGINT), CAST(sum(r.filtered) AS BIGINT), CAST(sum(r.sent) AS BIGINT),
		CAST(sum(r.errors) AS BIGINT), max(r.received_at), min(r.msg_id)
		FROM push_ledger l JOIN push_receipts r ON r.msg_id = l.msg_id
		WHERE l.day = ? AND l.msg_id > 0 GROUP BY r.kind, r.status ORDER BY r.kind, r.status`, day)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Receipt
	for rows.Next() {
		var r Receipt
		var n int
		var at int64
		if err := rows.Scan(&r.Kind, &r.Status, &n, &r.Total, &r.Filtered, &r.Sent, &r.Errors, &at, &r.MsgID); err != nil {
			return nil, err
		}
		if r.Kind == "template" {
			r.Total = n
		}
		r.At = time.UnixMilli(at)
		out = append(out, r)
	}
	return out, rows.Err()
}

// LedgerSummary summarises a day's push.
func (s *Store) LedgerSummary(ctx context.Context, day string) (_ PushSummary, err error) {
	defer failed(&err, "summarise push %s", day)
	sum := PushSummary{Day: day, Counts: map[State]int{}, Reasons: map[string]int{}}
	rows, err := s.db.QueryContext(ctx, `SELECT state, reason, article_id, count(*) FROM push_ledger WHERE day = ? GROUP BY state, reason, article_id`, day)
	if err != nil {
		return sum, err
	}
	defer rows.Close()
	var tried string // an article of rows that reached nobody
	for rows.Next() {
		var state State
		var reason, article string
		var n int
		if err := rows.Scan(&state, &reason, &article, &n); err != nil {
			return sum, err
		}
		sum.Counts[state] += n
		switch {
		case reason == ShownReason:
			// What was pushed names the day, not an article shown before
			// the day's reading changed (a review's find: status named it).
		case state == Sent || state == Sending || state == Unknown:
			sum.ArticleID = article
		default:
			// A run that sent nothing may be followed, after the day's
			// reading changed, by one sending another article: the
			// skipped rows of the first had named theirs (a review's find).
			tried = article
		}
		if state != Sent && state != Sending {
			sum.Reasons[string(state)+": "+reason] += n
		}
	}
	if err := rows.Err(); err != nil {
		return sum, err
	}
	if sum.ArticleID == "" {
		sum.ArticleID = tried
	}
	if sum.ArticleID == "" {
		// No ledger rows but the readings shown (a push yet to run, or one
		// that found nobody to send to): the day's choice names the
		// article (push status printed "article " blank).
		if id, err := s.dailyChoice(ctx, day); err == nil {
			sum.ArticleID = id
		} else if !errors.Is(err, sql.ErrNoRows) {
			return sum, err
		}
	}
	if sum.Receipts, err = s.receipts(ctx, day); err != nil {
		return sum, err
	}
	var until int64
	err = s.db.QueryRowContext(ctx, `SELECT state, note, owner, lease_until FROM push_runs WHERE day = ?`, day).
		Scan(&sum.RunState, &sum.RunNote, &sum.Holder, &until)
	if errors.Is(err, sql.ErrNoRows) {
		return sum, nil
	}
	if sum.RunState == Running {
		sum.LeaseUntil = time.UnixMilli(until)
	} else {
		sum.Holder = ""
	}
	return sum, err
}

// MediaID returns the stored permanent material id for url, if any.
func (s *Store) MediaID(ctx context.Context, url string) (_ string, _ bool, err error) {
	defer failed(&err, "cover material of %s", url)
	var id string
	err = s.db.QueryRowContext(ctx, `SELECT media_id FROM media WHERE url = ?`, url).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	return id, err == nil, err
}

// SetMediaID records the permanent material id uploaded for url.
func (s *Store) SetMediaID(ctx context.Context, url, id string) (err error) {
	defer failed(&err, "record cover material of %s", url)
	_, err = s.db.ExecContext(ctx, `INSERT INTO media (url, media_id, uploaded_at) VALUES (?, ?, ?)
		ON CONFLICT(url) DO UPDATE SET media_id = excluded.media_id, uploaded_at = excluded.uploaded_at`, url, id, s.Now().UnixMilli())
	return err
}

// Run is a day's push run as the report lists it.
type Run struct {
	Day     string
	State   RunState
	Started time.Time
}

// FirstRun is the day of the first push run the store holds; "" when it
// holds none.
func (s *Store) FirstRun(ctx context.Context) (day string, err error) {
	defer failed(&err, "read the first push run")
	var first sql.NullString
	if err := s.db.QueryRowContext(ctx, `SELECT MIN(day) FROM push_runs`).Scan(&first); err != nil {
		return "", err
	}
	return first.String, nil
}

// Runs returns the push runs of the days from `from` on (YYYY-MM-DD).
func (s *Store) Runs(ctx context.Context, from string) (_ []Run, err error) {
	defer failed(&err, "list push runs")
	rows, err := s.db.QueryContext(ctx, `SELECT day, state, started_at FROM push_runs WHERE day >= ? ORDER BY day`, from)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Run
	for rows.Next() {
		var r Run
		var started int64
		if err := rows.Scan(&r.Day, &r.State, &started); err != nil {
			return nil, err
		}
		r.Started = time.UnixMilli(started)
		out = append(out, r)
	}
	return out, rows.Err()
}
