package jobs

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"

	"mpbot/content"
	"mpbot/store"
)

// Delivery modes.
const (
	ModeLog       = "log"       // write what would be sent to the outbox file
	ModeCustomer  = "customer"  // a news message through the customer-service API
	ModeTemplate  = "template"  // a template message (verified service accounts)
	ModeBroadcast = "broadcast" // the day's one mass send: draft, previews, sendall
	ModeOff       = "off"       // no push: paused, no day's reading chosen
)

// ErrPushOff means push.mode is off: nothing is chosen or sent.
var ErrPushOff = errors.New("the daily push is off (push.mode: off)")

// Broadcaster is the mass send, in its steps, so the job can record each
// and wait between the preview and the send.
type Broadcaster interface {
	Draft(ctx context.Context, a content.Article) (mediaID string, err error)
	Preview(ctx context.Context, mediaID, openid string) error
	// SendAll sends to all; msgID is WeChat's id of the mass send, for its
	// receipt (0 when WeChat says it was sent already).
	SendAll(ctx context.Context, mediaID, key string) (msgID int64, err error)
	// Check reports what would stop an article's mass send (no cover),
	// without a call.
	Check(a content.Article) error
}

// broadcastRecipient is the ledger row of a mass send.
const broadcastRecipient = store.BroadcastRecipient

// Sender delivers the day's reading to one follower; msgID is WeChat's id
// of the message when it gives one (template messages), for its receipt.
// When ctx ends (a shutdown), a call under way is finished, not cut off
// (its outcome would be unknown), and no further attempt is made; so are
// a Broadcaster's.
type Sender interface {
	Send(ctx context.Context, openid string, a content.Article) (msgID int64, err error)
}

// OnceSender is a Sender whose API drops a repeat of the same key (the
// template API's client_msg_id): a delivery whose outcome a crash left
// unknown can then be sent again safely.
type OnceSender interface {
	Sender
	SendOnce(ctx context.Context, openid string, a content.Article, key string) (msgID int64, err error)
}

// deliveryKey is stable for a follower and a day, so a resend is a repeat.
func deliveryKey(day, openid string) string { return day + ":" + openid }

// CodedError is an error carrying WeChat's errcode. The WeChat adapter's
// *wechat.Error is one (main asserts it); the push reads codes only this
// way, never from error texts.
type CodedError interface {
	error
	Errcode() int64
}

// UnsureError is a failed call that may have taken effect (no answer
// within the timeout); *wechat.Error is one (main asserts it).
type UnsureError interface {
	error
	MaybeDelivered() bool
}

// TokenError is a failed call that never went out for want of an access
// token (the fetch refused, its endpoint down); *wechat.Error is one (main
// asserts it).
type TokenError interface {
	error
	TokenUnavailable() bool
}

// RetryableError is a failed call that trying again later may get
// through (WeChat busy, a 5xx, no connection); *wechat.Error is one (main
// asserts it).
type RetryableError interface {
	error
	Retryable() bool
}

// unreachable reports a delivery failed, after the sender's own retries,
// for WeChat being out of reach or busy: the next follower's call meets the
// same.
func unreachable(err error) bool {
	r, ok := errors.AsType[RetryableError](err)
	return ok && r.Retryable() && !tokenUnavailable(err) && errcode(err) != 45011
}

func tokenUnavailable(err error) bool {
	t, ok := errors.AsType[TokenError](err)
	return ok && t.TokenUnavailable()
}

func errcode(err error) int64 {
	var c CodedError
	if errors.As(err, &c) {
		return c.Errcode()
	}
	return 0
}

// Config is a run's settings, read from the live config at the start of
// each run.
type Config struct {
	Mode     string
	Category string
	Location *time.Location
	QPS      float64       // API calls per second, for per-follower modes
	Window   time.Duration // customer mode: only followers seen this recently (WeChat: 48 h)
	// Broadcast mode: staff who get a preview first, and how long before
	// the real send they get it.
	PreviewOpenIDs []string
	PreviewLead    time.Duration
	// LeaseTTL is how long a run's claim on a day outlives its last
	// renewal: how long a process that died mid-push keeps the others from
	// finishing the day. Renewed every third of it. Default 30 s.
	LeaseTTL time.Duration
	// Sender delivers to one follower in the per-follower modes (log,
	// customer, template); Broadcaster does the broadcast mode's mass send.
	// Nil when the mode cannot send from here (no AppSecret).
	Sender      Sender
	Broadcaster Broadcaster
}

func (c Config) leaseTTL() time.Duration {
	if c.LeaseTTL > 0 {
		return c.LeaseTTL
	}
	return 30 * time.Second
}

// DailyPush delivers the day's reading (每日一读) to the followers who want
// it, exactly once per follower per day: the ledger is marked before and
// after every API call, and a lease keeps a second process from running the
// same day.
type DailyPush struct {
	Store *store.Store
	// Sleep waits between a preview and the mass send (default: a timer
	// that ends with ctx); tests replace it.
	Sleep func(ctx context.Context, d time.Duration) error
	// Config is read at the start of each run, so a config reload applies
	// to the next run.
	Config func() Config
	Owner  string // this process, for the lease (NewOwner)
	// Gone reports whether a lease holder has died, so its day can be taken
	// over at once; nil is HolderGone (a process on this host that no
	// longer runs).
	Gone func(owner string) bool
	Now  func() time.Time
	Log  *slog.Logger
	// Progress, if set, is told how many recipients are done.
	Progress func(done, total int)
	// Limiter, if set, makes the limiter for push.qps; a fleet's is shared
	// (Redis) so the rate holds for all replicas together. Default: this
	// process only.
	Limiter func(qps float64) Limiter
}

// Limiter paces API calls.
type Limiter interface {
	Wait(ctx context.Context) error
}

// RunOptions are one run's choices.
type RunOptions struct {
	Day       string // YYYY-MM-DD; empty for today in the configured zone
	DryRun    bool   // report, send nothing
	ArticleID string // push this article instead of the day's choice (and record it as the choice)
}

// Result is what a run did.
type Result struct {
	Day, Mode  string
	Article    content.Article
	Recipients int            // followers who want the reading and are reachable
	Pending    int            // of them, not yet delivered before this run
	Sent       int            // delivered by this run
	Skipped    map[string]int // by reason
	Failed     map[string]int // by reason; a rerun tries these again
	Unknown    int            // in flight when an earlier run died: not resent
	Stopped    string         // why the run stopped early, if it did
	// NotAttempted are the deliveries no call was started for once the
	// run stopped: no ledger row, a rerun sends them. (Counted under
	// Failed, they doubled the failures the ledger holds.)
	NotAttempted int
}

// ErrNothingToPush means the category has no article left for the day.
var ErrNothingToPush = errors.New("nothing to push")

// ErrCannotSend means the config's push.mode needs what this process lacks
// (the AppSecret, for the API): the config's fault, not the run's.
var ErrCannotSend = errors.New("cannot send here")

// batch is how many recipients are looked up in the ledger at once and
// handed to the senders: twice the senders, so none waits for work.
const batch = 2 * senders

// StoppedByShutdown is the note of a day whose run was stopped by its
// process shutting down, for the operator reading push status; another
// process standing by takes such a day over when it is today's (see
// HaltedForAll); a past day's, only a rerun (a fleet run's find: the note
// promised a replica).
const StoppedByShutdown = "stopped by shutdown; mpbot push --date continues it (a replica standing by does, for today's push)"

// senders is how many API calls a run has in flight at once.
const senders = 8

// Run performs (or with DryRun, describes) a day's push.
func (p *DailyPush) Run(ctx context.Context, opts RunOptions) (Result, error) {
	res, err := p.run(ctx, opts)
	if errors.Is(err, store.ErrReadingChanged) && opts.ArticleID == "" {
		// `mpbot schedule` changed the day's reading between this run
		// reading it and marking its first delivery: nothing was sent,
		// and the run starts again with the article now chosen. (With
		// --article the operator's two choices disagree: the error says so.)
		p.Log.Warn("the day's reading changed as the push began; starting again with it", "day", res.Day, "error", err)
		res, err = p.run(ctx, opts)
	}
	return res, err
}

func (p *DailyPush) run(ctx context.Context, opts RunOptions) (Result, error) {
	cfg := p.Config()
	now := p.Now()
	day := opts.Day
	if day == "" {
		day = now.In(cfg.Location).Format(content.DateLayout)
	}
	res := Result{Day: day, Mode: cfg.Mode, Skipped: map[string]int{}, Failed: map[string]int{}}
	if cfg.Mode == ModeOff {
		return res, ErrPushOff
	}
	// A dry run sends nothing: it shows who a mode would reach before the
	// AppSecret is set (a newcomer run's find: refused), but a mass send's
	// shows what WeChat's preview says.
	if cfg.Sender == nil && !(cfg.Mode == ModeBroadcast && cfg.Broadcaster != nil) && !(opts.DryRun && cfg.Mode != ModeBroadcast) {
		if opts.DryRun {
			// "cannot send" read as the dry run's own failure, and
			// README as if only previews needed the API (an operator
			// run's find).
			return res, fmt.Errorf("%w: a dry run of push.mode %q is made against the WeChat API, as the mass send would be (is wechat.app_secret set?); push.mode log rehearses without it", ErrCannotSend, cfg.Mode)
		}
		return res, fmt.Errorf("%w: push.mode %q needs the WeChat API (is wechat.app_secret set?)", ErrCannotSend, cfg.Mode)
	}
	rehearsed, err := p.rehearsal(ctx, day, cfg.Mode, opts.DryRun)
	if err != nil {
		return res, err
	}
	sent, err := p.Store.GoneOut(ctx, day)
	if err != nil {
		return res, err
	}
	if rehearsed {
		sent = "" // a dry run's: the outbox's rows, still there, reached nobody
	}
	if sent != "" && opts.ArticleID != "" && opts.ArticleID != sent {
		// --article of another than the one gone out: refused, a run or
		// its dry run, the day done or stopped.
		return res, &store.DayPushed{Day: day, Sent: sent}
	}
	if !rehearsed {
		if done, err := p.done(ctx, day, sent, &res); done || err != nil {
			return res, err
		}
	}
	if err := p.sameReach(ctx, day, cfg.Mode); err != nil {
		return res, err
	}
	if res.Article, err = p.reading(ctx, now.In(cfg.Location).Format(content.DateLayout), day, cfg.Category, rehearsed, opts); err != nil {
		return res, err
	}
	if cfg.Mode == ModeBroadcast {
		return p.broadcast(ctx, cfg, res, opts.DryRun)
	}
	recipients, err := p.recipients(ctx, cfg, now, day)
	if err != nil {
		return res, err
	}
	res.Recipients = len(recipients)
	if opts.DryRun {
		res.Pending, err = p.pending(ctx, day, cfg.Mode, res.Article.ID, recipients)
		return res, err
	}
	return p.deliver(ctx, cfg, res, recipients)
}

// rehearsal sets aside day's deliveries by push.mode log before a run in a
// mode that sends: the outbox reached nobody. A dry run, which records
// nothing, reports whether there are any; it counts them still to send.
func (p *DailyPush) rehearsal(ctx context.Context, day, mode string, dry bool) (bool, error) {
	switch {
	case mode == ModeLog || mode == ModeOff:
		return false, nil
	case dry:
		modes, err := p.Store.ModesGoneOut(ctx, day, reasonUnsureKeyed)
		return modes[ModeLog] > 0, err
	}
	n, err := p.Store.ForgetRehearsal(ctx, day, ModeLog, p.Now())
	if n > 0 {
		p.Log.Info("daily push: the day's rehearsal in push.mode log set aside; its followers are sent the reading", "day", day, "mode", mode, "outbox_deliveries", n)
	}
	return false, err
}

// Rehearsed reports whether day was pushed in push.mode log, which reached
// nobody, when push.mode is now one that sends: a run sends it for real.
func (p *DailyPush) Rehearsed(ctx context.Context, day string) (bool, error) {
	return p.rehearsal(ctx, day, p.Config().Mode, true)
}

// done reports whether day's push is done, with res.Article the article it
// sent (or the day's reading, when nothing went out), and ErrPushDone. A day
// done is done whatever has changed since: followers who came (a dry run
// had said "2 not yet delivered" of a day the run then called sent), --article
// (it had made another article the reading of a day nobody could be reached
// on, then said "already sent" of it), push.mode (broadcast's dry run had
// said "still to send" of a day sent by customer messages), or its article
// removed from the store (the run had said nothing was left to read, the
// dry run failed: an operator run's finds).
func (p *DailyPush) done(ctx context.Context, day, sent string, res *Result) (bool, error) {
	sum, err := p.Store.LedgerSummary(ctx, day)
	if err != nil || sum.RunState != store.Done {
		return false, err
	}
	id := cmp.Or(sent, sum.ArticleID)
	res.Article, err = p.Store.Get(ctx, id)
	switch {
	case errors.Is(err, content.ErrNotFound):
		res.Article = content.Article{ID: id, Title: "(removed from the store since)"}
	case err != nil:
		return false, fmt.Errorf("daily reading for %s: %w", day, err)
	}
	return true, fmt.Errorf("%w: %s", store.ErrPushDone, day)
}

// sameReach refuses a run of day by a mass send when deliveries to
// followers went out on it, and one to followers when a mass send did:
// push.mode changed mid-day (a day stopped by 45009, the account verified
// and rerun by broadcast), it would reach followers the day had reached
// already (an operator run's find: two followers sent it twice).
func (p *DailyPush) sameReach(ctx context.Context, day, mode string) error {
	modes, err := p.Store.ModesGoneOut(ctx, day, reasonUnsureKeyed)
	if err != nil {
		return err
	}
	for _, other := range slices.Sorted(maps.Keys(modes)) { // one named, the same each run
		n := modes[other]
		// The outbox (log) reached nobody.
		if mode != ModeLog && other != ModeLog && (mode == ModeBroadcast) != (other == ModeBroadcast) {
			return fmt.Errorf("%w: %s went out by %s (%d) before push.mode became %s, which would reach them again: run the day with push.mode: %s (MPBOT_PUSH_MODE=%s mpbot push --date %s)",
				ErrCannotSend, day, other, n, mode, other, other, day)
		}
	}
	return nil
}

// reading is the day's article: the one asked for (recorded as the day's
// choice unless this is a dry run), else the day's choice; a dry run's of a
// day to come, after the days before it take theirs (an operator run's
// find: it named the next unread article for every day, as push status had).
func (p *DailyPush) reading(ctx context.Context, today, day, category string, rehearsed bool, opts RunOptions) (content.Article, error) {
	var a content.Article
	var err error
	switch {
	case opts.ArticleID != "" && !opts.DryRun:
		a, err = p.Store.ScheduleDaily(ctx, day, opts.ArticleID)
	case opts.ArticleID != "":
		a, err = p.Store.Get(ctx, opts.ArticleID)
	case opts.DryRun:
		// A dry run records nothing, not even the day's choice.
		// A day rehearsed (the run sets the rehearsal aside first) is
		// planned as the run will read it.
		var plan []store.Planned
		again := ""
		if rehearsed {
			again = day
		}
		if plan, err = p.Store.PlanThrough(ctx, today, day, category, again); err == nil {
			if a = plan[len(plan)-1].Article; a.ID == "" {
				return a, fmt.Errorf("%w: no article of %q left to read on %s", ErrNothingToPush, category, day)
			}
		}
	default:
		a, err = p.Store.DailyReading(ctx, day, category)
		if errors.Is(err, content.ErrNotFound) {
			return a, fmt.Errorf("%w: no article of %q left to read on %s", ErrNothingToPush, category, day)
		}
	}
	if err != nil {
		return a, fmt.Errorf("daily reading for %s: %w", day, err)
	}
	return a, nil
}

// recipients are the followers a run of day at now delivers to: those
// who followed by the day's end (in customer mode, seen in its window).
func (p *DailyPush) recipients(ctx context.Context, cfg Config, now time.Time, day string) ([]string, error) {
	var since time.Time
	if cfg.Mode == ModeCustomer {
		since = now.Add(-cfg.Window)
	}
	var recipients []string
	err := p.following(ctx, cfg, since, day, func(id string) error {
		recipients = append(recipients, id)
		return nil
	})
	return recipients, err
}

// following calls each for the followers taking day's reading who
// followed by the day's end and were seen since since (zero: whenever).
func (p *DailyPush) following(ctx context.Context, cfg Config, since time.Time, day string, each func(string) error) error {
	start, err := time.ParseInLocation(content.DateLayout, day, cfg.Location)
	if err != nil {
		return fmt.Errorf("push day %q: %w", day, err)
	}
	return p.Store.PushRecipients(ctx, since, start.AddDate(0, 0, 1), each)
}

// Taking counts the followers taking day's reading, seen lately or not:
// those a mode without customer's window would reach.
func (p *DailyPush) Taking(ctx context.Context, day string) (int, error) {
	n := 0
	err := p.following(ctx, p.Config(), time.Time{}, day, func(string) error {
		n++
		return nil
	})
	return n, err
}

// Unsent counts the deliveries a rerun of day would make now: the
// followers it reaches with no ledger row or a failed one (a run stopped
// by WeChat's quota leaves most of them never attempted); for a broadcast,
// 1 until it is sent.
func (p *DailyPush) Unsent(ctx context.Context, day string) (int, error) {
	cfg := p.Config()
	if cfg.Mode == ModeBroadcast {
		known, err := p.Store.Deliveries(ctx, day, []string{broadcastRecipient})
		if err != nil || known[broadcastRecipient].State == store.Sent {
			return 0, err
		}
		return 1, nil
	}
	recipients, err := p.recipients(ctx, cfg, p.Now(), day)
	if err != nil {
		return 0, err
	}
	article, err := p.Store.DayReading(ctx, day)
	if err != nil {
		return 0, err
	}
	return p.pending(ctx, day, cfg.Mode, article, recipients)
}

// pending counts the recipients a run in mode would still deliver to.
func (p *DailyPush) pending(ctx context.Context, day, mode, article string, recipients []string) (int, error) {
	n := 0
	for start := 0; start < len(recipients); start += 500 {
		chunk := recipients[start:min(start+500, len(recipients))]
		known, err := p.Store.Deliveries(ctx, day, chunk)
		if err != nil {
			return n, err
		}
		for _, r := range chunk {
			if d, ok := known[r]; !ok || d.State == store.Failed || shownOther(d, article) || rehearsed(d, mode) {
				n++
			}
		}
	}
	return n, nil
}

// deliver takes the day's lease and delivers to recipients batch by batch,
// then records how the day ended.
func (p *DailyPush) deliver(ctx context.Context, cfg Config, res Result, recipients []string) (Result, error) {
	day, ttl := res.Day, cfg.leaseTTL()
	if err := p.acquire(ctx, day, ttl); err != nil {
		return res, err
	}
	stopRenewing := p.renewLease(ctx, day, ttl)
	defer stopRenewing()
	defer p.stopOnPanic(ctx, day, stopRenewing)
	limiter := p.limiter(cfg)
	if p.Progress != nil && len(recipients) > 0 {
		p.Progress(0, len(recipients)) // the run has begun: a slow first batch took its qps's time to say so
	}
	for start := 0; start < len(recipients) && res.Stopped == ""; start += batch {
		if err := p.Store.AcquirePush(ctx, day, p.Owner, p.Now(), ttl); err != nil {
			if errors.Is(err, store.ErrLeaseHeld) {
				err = fmt.Errorf("%w: %v", store.ErrLeaseLost, heldIn(err, cfg.Location))
			}
			return res, err
		}
		if err := p.runBatch(ctx, &res, cfg.Sender, limiter, recipients[start:min(start+batch, len(recipients))]); err != nil {
			stopRenewing()
			note := err.Error()
			switch {
			case res.Stopped != "": // WeChat's quota, found in the same batch
				note = res.Stopped
			case ctx.Err() != nil:
				note = StoppedByShutdown
			}
			p.Store.FinishPush(context.WithoutCancel(ctx), day, p.Owner, store.Stopped, note)
			if res.Unknown > 0 {
				// Said now: the run that finishes the day has none of its
				// own (a push run's find: no warning ever said them).
				p.Log.Warn("daily push stopped with unknown deliveries", "day", day, "unknown", res.Unknown, "sent", res.Sent, "note", unknownNote)
			}
			return res, err
		}
		if p.Progress != nil {
			p.Progress(min(start+batch, len(recipients)), len(recipients))
		}
	}
	state, note := store.Done, ""
	switch {
	case res.Stopped != "":
		state, note = store.Stopped, res.Stopped
	case len(res.Failed) > 0 || res.NotAttempted > 0:
		state, note = store.Stopped, "some deliveries failed; run again to retry them"
	}
	stopRenewing()
	if err := p.Store.FinishPush(ctx, day, p.Owner, state, note); err != nil {
		return res, err
	}
	// The counts are this run's; a run that took a day over, or reran a
	// stopped one, says the day's too (an operator run's find: "sent 0"
	// for a day another replica had sent to 3,000).
	attrs := []any{"day", day, "article", res.Article.ID, "mode", cfg.Mode, "recipients", res.Recipients,
		"sent", res.Sent}
	attrs = append(attrs, ByReason("skipped", res.Skipped)...)
	attrs = append(attrs, ByReason("failed", res.Failed)...)
	attrs = append(attrs, "not_attempted", res.NotAttempted, "unknown", res.Unknown, "stopped", res.Stopped)
	dayUnknown := 0
	if sum, err := p.Store.LedgerSummary(ctx, day); err == nil {
		dayUnknown = sum.Counts[store.Unknown]
		attrs = append(attrs, "day_sent", sum.Counts[store.Sent], "day_skipped", sum.Counts[store.Skipped], "day_failed", sum.Counts[store.Failed],
			"day_unknown", dayUnknown)
	}
	if state == store.Stopped {
		// Said as a warning, with what a rerun sends and how (an operator
		// run's find: a scheduled push stopped by the quota with 8 of 10
		// followers left logged nothing above info).
		if n, err := p.Unsent(ctx, day); err == nil {
			attrs = append(attrs, "not_sent_yet", n)
		}
		attrs = append(attrs, "rerun", "mpbot push --date "+day)
		p.Log.Warn("daily push finished", attrs...)
		return res, nil
	}
	if res.Unknown > 0 || dayUnknown > 0 {
		// Deliveries WeChat did not answer (a timeout, a run that died)
		// may have arrived and are not sent again: said as a warning (an
		// operator run's find: a push whose every call timed out logged at
		// info, which alerts on warnings missed), this run's or an earlier
		// run's of the day (a run stopped by a shutdown, then finished).
		attrs = append(attrs, "note", unknownNote)
		p.Log.Warn("daily push finished", attrs...)
		return res, nil
	}
	p.Log.Info("daily push finished", attrs...)
	return res, nil
}

// dated is a, dated day when it has no date of its own: a template's date
// field had been sent empty for the undated articles the push reads first,
// which WeChat refuses (47003: a push run's find).
func dated(a content.Article, day string) content.Article {
	if a.PublishedOn == "" {
		a.PublishedOn = day
	}
	return a
}

// unknownNote says what unknown deliveries are.
const unknownNote = "unknown deliveries may have arrived and are not sent again; many say WeChat's answers were timing out"

// stopOnPanic, deferred by a run holding day's lease, ends the day stopped
// when the run panics (a bug, which the scheduler recovers), then panics
// on: the day had stayed running, held, until its lease ran out (a
// review's find; a broadcast's too, the next review's).
func (p *DailyPush) stopOnPanic(ctx context.Context, day string, stopRenewing func()) {
	if r := recover(); r != nil {
		stopRenewing()
		p.Store.FinishPush(context.WithoutCancel(ctx), day, p.Owner, store.Stopped, fmt.Sprintf("the run panicked (a bug: see the log): %v", r))
		panic(r)
	}
}

// slowDown halves the run's rate after WeChat said "too frequent" (45011)
// even through the client's retries; a fleet's shared limiter keeps its
// rate (the replicas share it), and the failed deliveries are retried by
// a rerun.
func (p *DailyPush) slowDown(l Limiter) {
	if r, ok := l.(*rate.Limiter); ok && r.Limit() > 1 {
		r.SetLimit(r.Limit() / 2)
		p.Log.Warn("daily push: WeChat says calls are too frequent (45011); halving the rate", "qps", float64(r.Limit()))
	}
}

// acquire takes the day's lease; a holder that has died on this host (its
// process is gone, e.g. a killed `mpbot push`) is taken over at once.
func (p *DailyPush) acquire(ctx context.Context, day string, ttl time.Duration) error {
	err := p.Store.AcquirePush(ctx, day, p.Owner, p.Now(), ttl)
	gone := p.Gone
	if gone == nil {
		gone = HolderGone
	}
	var held *store.LeaseHeld
	if errors.As(err, &held) && gone(held.Owner) {
		p.Log.Warn("daily push: the process holding the day is gone; taking it over", "day", day, "holder", held.Owner)
		return p.Store.TakeOverPush(ctx, day, held.Owner, p.Owner, p.Now(), ttl)
	}
	return err
}

// limiter paces a run's API calls at push.qps (the log mode is not paced).
func (p *DailyPush) limiter(cfg Config) Limiter {
	switch {
	case cfg.Mode == ModeLog || cfg.QPS <= 0:
		return rate.NewLimiter(rate.Inf, 1)
	case p.Limiter != nil:
		return p.Limiter(cfg.QPS)
	}
	return rate.NewLimiter(rate.Limit(cfg.QPS), max(1, int(cfg.QPS)))
}

// renewLease keeps the day's lease alive while a batch is slow (API calls
// retrying), so a live run is never taken over; the returned func stops the
// renewals and waits for one under way, and must run before FinishPush,
// which a late renewal would undo.
func (p *DailyPush) renewLease(ctx context.Context, day string, ttl time.Duration) func() {
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(ttl / 3)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				// Only renewed, never taken back: a lost lease is found by
				// the ledger's fencing of this run's next marks.
				err := p.Store.RenewPush(ctx, day, p.Owner, p.Now(), ttl)
				switch {
				case errors.Is(err, store.ErrLeaseLost):
					p.Log.Warn("daily push: the lease passed to another process; this run sends no more", "day", day, "err", err)
					return
				case err != nil && ctx.Err() == nil:
					p.Log.Warn("daily push: lease not renewed", "day", day, "err", err)
				}
			}
		}
	}()
	var once sync.Once
	return func() { once.Do(func() { cancel(); <-done }) }
}

// runBatch delivers one batch: decide from the ledger, mark "sending",
// call the API, record the outcomes.
func (p *DailyPush) runBatch(ctx context.Context, res *Result, sender Sender, limiter Limiter, recipients []string) error {
	known, err := p.Store.Deliveries(ctx, res.Day, recipients)
	if err != nil {
		return err
	}
	// A follower who opted out or left since the run read its list is
	// not sent to (a fleet run's find: 33 who sent 退订 or unfollowed
	// mid-run got the reading twenty seconds later).
	leavers, err := p.Store.Leavers(ctx, recipients)
	if err != nil {
		return err
	}
	_, idempotent := sender.(OnceSender)
	var todo, unknown []store.Delivery
	for _, r := range recipients {
		d, seen := known[r]
		seen = seen && !shownOther(d, res.Article.ID) && !rehearsed(d, res.Mode)
		switch {
		case leavers[r] && (!seen || d.State == store.Failed):
			res.Skipped[reasonLeft]++
			continue
		case !seen:
			d = store.Delivery{Day: res.Day, Recipient: r}
		case d.State == store.Skipped && d.Reason == store.ShownReason:
			res.Skipped[d.Reason]++ // the welcome's card, or 每日一读 asked: not sent again
			continue
		case d.State == store.Sending && !idempotent:
			// An earlier run died between marking and recording: WeChat may
			// or may not have delivered. The customer-service API has no
			// idempotency key, so resending could deliver twice.
			d.State, d.Reason = store.Unknown, "run interrupted during the API call"
			unknown = append(unknown, d)
			continue
		case (d.State == store.Sending || d.State == store.Failed && strings.HasPrefix(d.Reason, reasonUnsureKeyed)) &&
			p.Now().Sub(cmp.Or(d.FirstSentAt, d.UpdatedAt)) >= keyWindow: // from when its key first went out
			// Its key no longer protects a resend: WeChat drops a repeat of
			// a template message's client_msg_id only within 10 minutes (a
			// review's find: a rerun the next day resent it).
			d.State, d.Reason = store.Unknown, "no answer from WeChat and over 10 minutes since, past its client_msg_id's dedupe: not sent again"
			unknown = append(unknown, d)
			continue
		case d.State == store.Sending:
			// Resent with the same key: WeChat drops it if it arrived.
		case d.State != store.Failed:
			continue // sent, skipped or unknown: settled
		}
		res.Pending++
		d.ArticleID, d.Mode, d.State, d.Reason = res.Article.ID, res.Mode, store.Sending, ""
		d.Attempts++
		todo = append(todo, d)
	}
	if len(unknown) > 0 {
		res.Unknown += len(unknown)
		if err := p.Store.RecordDeliveriesAs(ctx, p.Owner, unknown); err != nil {
			return err
		}
	}
	if len(todo) == 0 {
		return nil
	}
	// Nothing is marked yet: each delivery is marked "sending" just before
	// its own API call and its outcome recorded just after (sendAll), so a
	// run that dies leaves "sending" only on calls really under way, and
	// everyone else is sent by the rerun.
	stop, err := p.sendAll(ctx, res, sender, limiter, todo)
	if err != nil {
		return err
	}
	for _, d := range todo {
		switch d.State {
		case store.Sent:
			res.Sent++
		case store.Skipped:
			res.Skipped[d.Reason]++
		case store.Failed:
			if strings.HasPrefix(d.Reason, reasonNoToken) {
				// Its call never left (a follower run's find: "failed 8"
				// beside "not sent yet: 14" when nothing was sent).
				res.NotAttempted++
				continue
			}
			res.Failed[d.Reason]++
		case store.Unknown:
			res.Unknown++
		case notAttempted:
			res.NotAttempted++
		}
	}
	if stop != "" {
		res.Stopped = stop
	}
	return ctx.Err()
}

// sendAll makes the batch's API calls on a few goroutines (the limiter
// paces them). Each call is marked "sending" in the ledger just before it
// starts and its outcome recorded as soon as it ends; a delivery not
// attempted (the run stopped) is left unwritten, so a rerun sends it. It
// returns why the run must stop, if an answer says so, and the error of a
// ledger write (a lost lease: no further call may start).
func (p *DailyPush) sendAll(ctx context.Context, res *Result, sender Sender, limiter Limiter, todo []store.Delivery) (stop string, err error) {
	once, idempotent := sender.(OnceSender)
	// The ledger writes are made even when the run is being stopped: a
	// call under way finishes and is recorded.
	ledger := p.startLedger(context.WithoutCancel(ctx))
	var wg sync.WaitGroup
	var mu sync.Mutex
	// Halting ends the senders' waits for the limiter too: they had each
	// gone on to call WeChat after the run stopped (an operator run's find:
	// three calls after a 45009, one a second, each answered 45009).
	waiting, haltWaits := context.WithCancel(ctx)
	defer haltWaits()
	halt := func(reason string, werr error) {
		mu.Lock()
		if stop == "" {
			stop = reason
		}
		if err == nil {
			err = werr
		}
		mu.Unlock()
		haltWaits()
	}
	halted := func() bool {
		mu.Lock()
		defer mu.Unlock()
		return stop != "" || err != nil
	}
	// Deliveries failed (or left unknown) in a row for WeChat out of reach or busy: at
	// outageRun the run stops, the rest left to a rerun (a push run's find:
	// each follower had its own four tries, 3,000 of them some half an
	// hour of calls to an address that answered none).
	outage := 0
	unreached := func(d *store.Delivery, cerr error) bool {
		mu.Lock()
		defer mu.Unlock()
		switch {
		case d.State == store.Failed && unreachable(cerr), d.State == store.Unknown:
			// An answer that never came (a timeout, a proxy's 504, a page
			// served as 200) is out of reach too: each was given up as
			// unknown, never sent again, and a run through the whole
			// list had left nobody reached and nobody to rerun (a
			// re-check's find).
			outage++
		case d.State == store.Sent:
			outage = 0
		}
		return outage >= outageRun
	}
	work := make(chan int)
	for range min(senders, len(todo)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				d := &todo[i]
				if halted() || limiter.Wait(waiting) != nil || halted() {
					d.State = notAttempted
					continue
				}
				if werr := ledger.write(*d); werr != nil {
					// Fenced off (another process holds the day) or the store
					// failed: no call may start unrecorded.
					d.State = notAttempted
					halt("", werr)
					continue
				}
				// A call under way finishes even when the run is stopped
				// (SIGTERM): the sender does not cut a request off, whose
				// outcome would be unknown, but makes no further attempt
				// (WeChat busy, retrying past server.shutdown_timeout, had
				// left the day running and its calls "sending": a review's
				// find). No new call starts (limiter.Wait above).
				var cerr error
				d.MsgID, cerr = p.callSafely(d.Recipient, func() (int64, error) {
					if idempotent {
						return once.SendOnce(ctx, d.Recipient, dated(res.Article, res.Day), deliveryKey(res.Day, d.Recipient))
					}
					return sender.Send(ctx, d.Recipient, res.Article)
				})
				p.classify(ctx, d, cerr, idempotent)
				if errcode(cerr) == 45011 {
					p.slowDown(limiter)
				}
				// The outcome joins the next group of writes without waiting:
				// a failed write fails every later mark, which stops the run.
				ledger.record(*d)
				if d.State == store.Failed && haltsRun(cerr) {
					halt(d.Reason, nil)
				}
				if unreached(d, cerr) {
					halt(reasonOutage, nil)
				}
			}
		}()
	}
	for i := range todo {
		work <- i
	}
	close(work)
	wg.Wait()
	if werr := ledger.close(); werr != nil && err == nil {
		err = werr
	}
	return stop, err
}

// notAttempted marks, in a run's own list, a delivery no call was started
// for: it has no ledger row.
const notAttempted store.State = "not attempted"

// ledgerWriter writes the marks and outcomes of calls as they start and
// end. Writes that arrive together share a transaction (group commit), so
// recording each call costs far less than a transaction each. A mark is
// waited for (no call starts unrecorded); an outcome is not, and a failed
// write fails every write after it.
type ledgerWriter struct {
	p    *DailyPush
	ctx  context.Context
	in   chan ledgerWrite
	done chan struct{}
	err  error // the first failed write; owned by loop until done is closed
}

type ledgerWrite struct {
	d   store.Delivery
	ack chan error // nil for an outcome
}

func (p *DailyPush) startLedger(ctx context.Context) *ledgerWriter {
	w := &ledgerWriter{p: p, ctx: ctx, in: make(chan ledgerWrite, 2*senders), done: make(chan struct{})}
	go w.loop()
	return w
}

// write records d (a call about to start) and returns once it is in the
// ledger.
func (w *ledgerWriter) write(d store.Delivery) error {
	ack := make(chan error, 1)
	w.in <- ledgerWrite{d, ack}
	return <-ack
}

// record queues d (a call's outcome) for the next group of writes.
func (w *ledgerWriter) record(d store.Delivery) { w.in <- ledgerWrite{d: d} }

func (w *ledgerWriter) loop() {
	defer close(w.done)
	for first := range w.in {
		group := []ledgerWrite{first}
	gather:
		for {
			select {
			case next, ok := <-w.in:
				if !ok {
					break gather
				}
				group = append(group, next)
			default:
				break gather
			}
		}
		if w.err == nil {
			ds := make([]store.Delivery, len(group))
			for i, g := range group {
				ds[i] = g.d
			}
			w.err = w.p.Store.RecordDeliveriesAs(w.ctx, w.p.Owner, ds)
		}
		for _, g := range group {
			if g.ack != nil {
				g.ack <- w.err
			}
		}
	}
}

// close stops the writer once every write asked for is made, and returns
// the first that failed.
func (w *ledgerWriter) close() error {
	close(w.in)
	<-w.done
	return w.err
}

// callSafely makes one follower's call on a sender's goroutine, which the
// scheduler's recover does not reach: a panic in it (a bug of the
// adapter's) is that delivery's failure, logged with its stack, and not
// the process's end, webhook and all (a review's find).
func (p *DailyPush) callSafely(recipient string, call func() (int64, error)) (id int64, err error) {
	defer func() {
		if r := recover(); r != nil {
			p.Log.Error("daily push panicked in a send: the delivery fails, a rerun tries it again", "openid", recipient,
				"panic", r, "stack", string(debug.Stack()))
			err = fmt.Errorf("the send panicked (a bug: see the log): %v", r)
		}
	}()
	return call()
}

// classify turns an API outcome into a ledger state. idempotent says
// whether the call carried a key WeChat drops repeats by.
func (p *DailyPush) classify(ctx context.Context, d *store.Delivery, err error, idempotent bool) {
	if err == nil {
		d.State, d.Reason = store.Sent, ""
		return
	}
	if u, ok := errors.AsType[UnsureError](err); ok && u.MaybeDelivered() {
		if idempotent {
			// A keyed send fails, and a rerun within WeChat's 10 minutes
			// of dedupe sends it again safely; later, it is unknown.
			d.State, d.Reason = store.Failed, reasonUnsureKeyed+err.Error()+")"
			return
		}
		// Sent again, it would arrive twice if it arrived: customer-service
		// messages have no idempotency key.
		d.State, d.Reason = store.Unknown, "no answer from WeChat, so it may have been delivered: not sent again ("+err.Error()+")"
		return
	}
	switch code := errcode(err); code {
	case 45015:
		d.State, d.Reason = store.Skipped, "outside the 48-hour window (45015)"
	case 45047:
		d.State, d.Reason = store.Skipped, "customer-service message quota used (45047)"
	case 40003:
		d.State, d.Reason = store.Skipped, "unknown openid (40003): not a follower of this account"
	case 43004:
		d.State, d.Reason = store.Skipped, "not following (43004)"
		if err := p.Store.FollowerUnsubscribed(ctx, d.Recipient, p.Now()); err != nil {
			p.Log.Error("mark follower unsubscribed", "openid", d.Recipient, "err", err)
		}
	case 43019:
		// Blacklisted by the account (拉黑): no rerun can reach them, and as
		// a failure it kept every day stopped and every rerun calling for
		// them again (a review's find).
		d.State, d.Reason = store.Skipped, "in the account's blacklist (43019)"
	case 43101:
		// The follower turned the account's template messages off: as
		// for 43019, no rerun reaches them (a push run's find: the day
		// stayed stopped, each rerun calling for them again).
		d.State, d.Reason = store.Skipped, "refuses the account's template messages (43101)"
	case 45009:
		d.State, d.Reason = store.Failed, reasonQuota
	case 40164:
		d.State, d.Reason = store.Failed, reasonWhitelist
	case 48001:
		d.State, d.Reason = store.Failed, reasonUnauthorised
	case 45011:
		d.State, d.Reason = store.Failed, "API called too often (45011): the run slowed down; run again to retry"
	default:
		if tokenUnavailable(err) {
			// Each follower would ask again (a wrong AppSecret cost a
			// token fetch a follower): the run stops, and sent nothing.
			d.State, d.Reason = store.Failed, reasonNoToken+err.Error()+"): nothing sent; check wechat.app_id and wechat.app_secret, or run again once WeChat answers"
			return
		}
		d.State, d.Reason = store.Failed, err.Error()
	}
}

// reasonUnsureKeyed opens the reason of a keyed send (a template
// message's) WeChat gave no answer to; keyWindow is how long WeChat drops
// a repeat of its key.
const (
	reasonUnsureKeyed = "no answer from WeChat; resent with its key within 10 minutes ("
	keyWindow         = 10 * time.Minute
)

// reasonNoToken opens the reason of a delivery whose call could not get
// an access token: nothing reached WeChat.
const reasonNoToken = "no access token ("

// reasonLeft counts the recipients who opted out or unfollowed while the
// run went on: nothing is written for them, and a rerun leaves them out.
const reasonLeft = "opted out or unfollowed during the run"

// outageRun is how many deliveries failing in a row for WeChat out of
// reach stop a run; reasonOutage is then the day's note.
const (
	outageRun    = 5
	reasonOutage = "WeChat out of reach or busy: 5 deliveries in a row failed after their retries or got no answer; the rest were not tried: run again later"
)

// What stops a run because no further call can succeed today (haltsRun),
// for any process: the day's note then.
const (
	reasonQuota        = "daily API quota reached (45009): run again tomorrow, or after clearing the quota"
	reasonWhitelist    = "server IP not in the whitelist (40164): add it under 设置与开发 → 基本配置 → IP白名单"
	reasonUnauthorised = "API not authorised for this account (48001): check the account type and 接口权限"
)

// HaltedForAll reports whether note, a stopped day's, names a cause that
// stops any process's run of it as it stopped this one (WeChat's quota,
// the IP whitelist, the API not authorised): running the day again would
// only meet it again. Other stops (a shutdown, failed deliveries, a store
// error, the notes of older versions) are worth running again.
func HaltedForAll(note string) bool {
	return note == reasonQuota || note == reasonWhitelist || note == reasonUnauthorised
}

// haltsRun reports errors after which no further call can succeed today,
// or none can until someone acts (no access token).
func haltsRun(err error) bool {
	switch errcode(err) {
	case 45009, 40164, 48001:
		return true
	}
	return tokenUnavailable(err)
}

// broadcast runs the day's mass send: one ledger row, marked before the
// send; WeChat's clientmsgid makes a resend after a crash safe.
func (p *DailyPush) broadcast(ctx context.Context, cfg Config, res Result, dryRun bool) (Result, error) {
	known, err := p.Store.Deliveries(ctx, res.Day, []string{broadcastRecipient})
	if err != nil {
		return res, err
	}
	d, seen := known[broadcastRecipient]
	res.Recipients = 1
	if seen && d.State == store.Sent {
		if !dryRun {
			return res, fmt.Errorf("%w: the broadcast of %s was sent already", store.ErrPushDone, res.Day)
		}
		return res, nil
	}
	res.Pending = 1
	if dryRun {
		// A real run records the refusal in the ledger (push status
		// shows it); a dry run says it now.
		if err := cfg.Broadcaster.Check(res.Article); err != nil {
			return res, fmt.Errorf("the mass send of %s would fail: %w", res.Article.ID, err)
		}
		return res, nil
	}
	ttl := cfg.leaseTTL() + cfg.PreviewLead
	if err := p.acquire(ctx, res.Day, ttl); err != nil {
		return res, err
	}
	// The draft's uploads and the previews can take longer than the
	// lease (API calls retrying): renewed, the day is not taken over
	// while this run is alive.
	stopRenewing := p.renewLease(ctx, res.Day, ttl)
	defer stopRenewing()
	defer p.stopOnPanic(ctx, res.Day, stopRenewing)
	d = store.Delivery{Day: res.Day, Recipient: broadcastRecipient, ArticleID: res.Article.ID, Mode: ModeBroadcast,
		State: store.Sending, Attempts: d.Attempts + 1}
	if err := p.Store.RecordDeliveriesAs(ctx, p.Owner, []store.Delivery{d}); err != nil {
		return res, err
	}
	if p.Progress != nil {
		p.Progress(0, 1) // one mass send to go: mpbot_push_remaining says a broadcast runs (a review's find)
	}
	d.MsgID, err = p.sendBroadcast(ctx, cfg, res, ttl)
	stopRenewing()
	if p.Progress != nil {
		p.Progress(1, 1)
	}
	if errors.Is(err, store.ErrLeaseLost) {
		return res, err
	}
	if err != nil && ctx.Err() != nil {
		// Shut down before the send went out (the draft, the previews
		// or the lead): nothing failed. The mark stays "sending", so the
		// next run sends with the same clientmsgid (WeChat refuses a
		// repeat should the send have gone out after all), and a
		// replica standing by takes the day over.
		if err := p.Store.FinishPush(context.WithoutCancel(ctx), res.Day, p.Owner, store.Stopped, StoppedByShutdown); err != nil {
			return res, err
		}
		return res, ctx.Err()
	}
	p.classify(ctx, &d, err, true) // a mass send's clientmsgid
	if err := p.Store.RecordDeliveriesAs(context.WithoutCancel(ctx), p.Owner, []store.Delivery{d}); err != nil {
		return res, err
	}
	state, note := store.Done, ""
	switch d.State {
	case store.Sent:
		res.Sent = 1
	case store.Skipped:
		res.Skipped[d.Reason]++
	default:
		res.Failed[d.Reason]++
		state, note = store.Stopped, d.Reason
	}
	if err := p.Store.FinishPush(context.WithoutCancel(ctx), res.Day, p.Owner, state, note); err != nil {
		return res, err
	}
	if state == store.Stopped {
		// As a run of the other modes (a review's find: at info, alerts
		// on warnings missed a day's mass send left unsent).
		p.Log.Warn("daily broadcast finished", "day", res.Day, "article", res.Article.ID, "state", d.State, "reason", d.Reason,
			"not_sent_yet", 1, "rerun", "mpbot push --date "+res.Day)
		return res, nil
	}
	p.Log.Info("daily broadcast finished", "day", res.Day, "article", res.Article.ID, "state", d.State, "reason", d.Reason)
	return res, nil
}

// sendBroadcast drafts, previews and sends the mass send; only while this
// run holds the day's lease (for ttl), checked last before the send.
func (p *DailyPush) sendBroadcast(ctx context.Context, cfg Config, res Result, ttl time.Duration) (int64, error) {
	mediaID, err := cfg.Broadcaster.Draft(ctx, res.Article)
	if err != nil {
		return 0, beforeTheSend{err}
	}
	if len(cfg.PreviewOpenIDs) > 0 {
		missed := 0
		for _, id := range cfg.PreviewOpenIDs {
			err := cfg.Broadcaster.Preview(ctx, mediaID, id)
			if err == nil || ctx.Err() != nil {
				if err != nil {
					return 0, beforeTheSend{fmt.Errorf("preview to %s: %w", id, err)}
				}
				continue
			}
			// A refusal about the staff member alone (an openid
			// mistyped, 40003; one who unfollowed, 43004) or a preview
			// unanswered is no reason to keep the day's send from the
			// followers (it had been read as the mass send's own answer:
			// the day done, nothing sent: a review's find). What would
			// refuse the send too (45009, 40164, a token) stops the run.
			staff := store.Delivery{Recipient: id}
			p.classify(ctx, &staff, err, false)
			if staff.State != store.Skipped && staff.State != store.Unknown {
				return 0, beforeTheSend{fmt.Errorf("preview to %s: %w", id, err)}
			}
			missed++
			p.Log.Warn("daily broadcast preview not delivered; the followers' send goes ahead (check push.preview_openids)",
				"day", res.Day, "openid", id, "reason", staff.Reason)
		}
		p.Log.Info("daily broadcast previewed; sending after the lead", "previews", len(cfg.PreviewOpenIDs)-missed, "missed", missed,
			"lead", cfg.PreviewLead, "sends_at", p.Now().Add(cfg.PreviewLead).Format("15:04:05"))
		sleep := p.Sleep
		if sleep == nil {
			sleep = sleepCtx
		}
		if err := sleep(ctx, cfg.PreviewLead); err != nil {
			return 0, err
		}
	}
	// Another process may hold the day by now (this one stalled past its
	// lease): then it sends, not this one.
	if err := p.Store.AcquirePush(ctx, res.Day, p.Owner, p.Now(), ttl); err != nil {
		if errors.Is(err, store.ErrLeaseHeld) || errors.Is(err, store.ErrPushDone) {
			return 0, fmt.Errorf("%w: the mass send of %s was not sent by this process: %v", store.ErrLeaseLost, res.Day, heldIn(err, cfg.Location))
		}
		return 0, err
	}
	// As Sender's calls, not cut off by a shutdown (a send WeChat takes
	// is recorded with its msg id, which its receipt is matched by) nor
	// tried again after it (a review's find: retried past the shutdown).
	return cfg.Broadcaster.SendAll(ctx, mediaID, "mpbot-"+res.Day)
}

// beforeTheSend is a broadcast's failure before its mass send was made (the
// draft, its cover, a preview): whatever WeChat made of that call, no
// follower was sent anything. A draft left unanswered (a proxy's 504) had
// been read as the mass send perhaps gone out, and the day refused to
// every other mode (a review's find).
type beforeTheSend struct{ err error }

func (e beforeTheSend) Error() string      { return e.err.Error() }
func (e beforeTheSend) Unwrap() error      { return e.err }
func (beforeTheSend) MaybeDelivered() bool { return false }

// rehearsed says whether a ledger row is the outbox's (push.mode log), which
// reached nobody, for a run in mode: one that sends owes the follower the
// reading (the rows the run set aside; those of a rehearsal that died
// running, its lease run out, are taken over with the day).
func rehearsed(d store.Delivery, mode string) bool { return d.Mode == ModeLog && mode != ModeLog }

// shownOther says whether a ledger row is the follower shown the day's
// reading before the push when it was another article (the reading changed
// since): it owes them this one.
func shownOther(d store.Delivery, article string) bool {
	return d.State == store.Skipped && d.Reason == store.ShownReason && d.ArticleID != article
}

// heldIn has a LeaseHeld say its holder's times in the push's timezone, as
// push status does, before it is flattened into a lost lease's text.
func heldIn(err error, in *time.Location) error {
	var held *store.LeaseHeld
	if errors.As(err, &held) {
		held.In = in
	}
	return err
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// ByReason are a log line's attributes for counts by reason: name and
// their total, and where there are any, name_by_reason, most first, as
// push prints them: "3 already sent; 1 48001 api unauthorized". The map
// itself printed as Go writes it, skipped="map[already sent:3 …]" (a
// newcomer's run).
func ByReason(name string, m map[string]int) []any {
	n := 0
	for _, c := range m {
		n += c
	}
	if n == 0 {
		return []any{name, 0}
	}
	reasons := slices.SortedFunc(maps.Keys(m), func(a, b string) int { return cmp.Or(cmp.Compare(m[b], m[a]), strings.Compare(a, b)) })
	parts := make([]string, len(reasons))
	for i, r := range reasons {
		parts[i] = fmt.Sprintf("%d %s", m[r], r)
	}
	return []any{name, n, name + "_by_reason", strings.Join(parts, "; ")}
}
