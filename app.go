package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/time/rate"

	"mpbot/admin"
	"mpbot/bot"
	"mpbot/bot/wechat"
	"mpbot/content"
	"mpbot/fleet"
	"mpbot/insights"
	"mpbot/jobs"
	"mpbot/search"
	"mpbot/store"
)

// The seams between packages, checked by the compiler where the real types
// meet: an interface a consumer declares, satisfied by another package's type.
var (
	_ bot.Catalog          = (*search.Library)(nil)
	_ bot.Catalog          = timedCatalog{}
	_ bot.Followers        = followerBook{}
	_ bot.FollowUps        = fleet.FollowUps{}
	_ wechat.Answerer      = (*bot.Bot)(nil).Answer
	_ wechat.CoverCache    = (*store.Store)(nil)
	_ wechat.TokenStore    = fleet.TokenCache{}
	_ wechat.TokenStore    = (*store.Store)(nil)
	_ wechat.SharedReplies = fleet.Replies{}
	_ jobs.Sender          = (*wechat.API)(nil)
	_ jobs.OnceSender      = (*wechat.TemplateSender)(nil)
	_ jobs.Broadcaster     = (*wechat.Broadcaster)(nil)
	_ jobs.CodedError      = (*wechat.Error)(nil)
	_ jobs.UnsureError     = (*wechat.Error)(nil)
	_ jobs.TokenError      = (*wechat.Error)(nil)
	_ jobs.RetryableError  = (*wechat.Error)(nil)
	_ jobs.FollowerLister  = (*wechat.API)(nil)
	_ jobs.Limiter         = fleet.Limiter{}
)

// app is mpbot wired together: the one place that builds the store, the
// search library, the bot, the WeChat API client and webhook, the daily push
// and its schedule. Commands ask for the parts they need; close stops and
// joins them in reverse order.
type app struct {
	log *slog.Logger
	cfg atomic.Pointer[Config] // the live snapshot, swapped on reload
	// reloading serialises reloads: the watcher's and the one serve makes
	// for an edit saved while it started would otherwise run together,
	// both swapping the snapshot and writing what the reload keeps (a
	// review's find).
	reloading sync.Mutex

	// pushDoneDay is what the push gauge says (Unix time of the day's
	// midnight), and pushDoneLooked when /metrics last asked the store
	// (Unix ns).
	pushDoneDay, pushDoneLooked atomic.Int64

	// rejected is why the config file's last edit was rejected, while the
	// last good config serves; nil when it was taken.
	rejected atomic.Pointer[string]
	// cutAtStart is why the file serve started on looks saved half-way,
	// until a reload applies an edit; nil when it does not.
	cutAtStart atomic.Pointer[string]
	obs        *observability
	// pushing are the days whose push runs here (runPush).
	pushing runningDays
	// storeDownLog lets the health checks log the store unreachable once
	// a minute: every probe had logged an ERROR line (18 in 9 s with two
	// probers: a hostile run's find).
	storeDownLog rate.Sometimes

	store   *store.Store
	redis   *fleet.Redis      // nil with state.driver memory
	api     *wechat.API       // nil without wechat.app_secret
	library *search.Library   // nil unless the command searches
	bot     *bot.Bot          // nil unless the command answers messages
	seen    *store.SeenWriter // serve: followers' last messages, batched
	queries *insights.Log     // serve: the query log (nil when insights.enabled is off)
	// consoleBot answers the console's try box: the bot's settings and
	// search, no follower bookkeeping, no query log.
	consoleBot *bot.Bot
	handler    *wechat.Handler // serve
	// unanswered are the configured replies last warned of as having no
	// article to show; serve's start, then the config watcher, own it.
	unanswered []string
	// restartKeys are the keys last warned of as needing a restart, so
	// that an editor's two writes of one save warn once (an operator
	// run's find); the config watcher owns it.
	restartKeys []string
	push        *jobs.DailyPush
	sched       *jobs.Scheduler // serve

	stopWatch context.CancelFunc // the library's watch of the store, and of replays kept by a process stopping (serve)
	watching  sync.WaitGroup
	// Owned by newApp, then by the webhook state's watch (serve).
	replays        int64 // the cursor of what was read of the replays kept (store.Replays)
	replaysFailing bool
	sealKept       bool   // the store says WeChat encrypts (compat mode)
	sealAppID      string // the AppID the handler serves (a reload changes the config's, not the handler's)
	sealFailing    bool
	// shutdownBy is when serve must have finished closing, once SIGTERM
	// (or the end of its context) has come.
	shutdownBy time.Time
}

// parts says what a command needs beyond the store, the API client and the
// push job; each part implies the ones before it.
type parts int

const (
	storeOnly   parts = iota
	withLibrary       // the search index
	withDemo          // ... and the demo articles in an empty store
	withBot           // ... and the bot, answering messages
	withWebhook       // ... and the webhook, follower bookkeeping and the push schedule
)

// newApp builds what need asks for, from the config snapshot cfg.
func newApp(ctx context.Context, cfg *Config, log *slog.Logger, need parts) (a *app, err error) {
	a = &app{log: log, obs: newObservability(), storeDownLog: rate.Sometimes{Interval: time.Minute}}
	a.cfg.Store(cfg)
	built := a // a is nil once a failing return has set it
	defer func() {
		if err != nil {
			built.close()
			a = nil
		}
	}()
	if abs, missing := cfg.Store.missing(); missing {
		// Run from another folder, a relative path made a second,
		// empty store there, and articles list printed nothing.
		log.Warn("no store at store.path: creating a new, empty one (a relative path is from the folder mpbot runs in)", "path", abs)
	}
	if a.store, err = openStore(ctx, cfg.Store); err != nil {
		key := "store.path"
		if cfg.Store.Driver == "postgres" {
			key = "store.dsn"
		}
		return nil, fmt.Errorf("%s: %w", key, err) // the key to mend (a fleet run's find)
	}
	if cfg.State.Driver == "redis" {
		if a.redis, err = fleet.Dial(ctx, string(cfg.State.RedisURL), cfg.State.KeyPrefix, log); err != nil {
			return nil, fmt.Errorf("state.redis_url: %w", err) // the key to mend (a fleet run's find: serve named neither)
		}
		a.obs.watchRedis(a.redis)
	}
	a.api = a.newAPI(cfg)
	a.push = a.newPush()
	if need >= withLibrary {
		if err := a.openLibrary(ctx, cfg, need >= withDemo); err != nil {
			return nil, err
		}
	}
	if need >= withWebhook && cfg.Insights.Enabled {
		if a.queries, err = insights.Open(ctx, a.store, insights.Config{Key: string(cfg.Insights.Key), Retention: cfg.keep}, log); err != nil {
			return nil, err
		}
	}
	if need >= withBot {
		a.bot = a.newBot(cfg, need >= withWebhook)
	}
	if need >= withWebhook {
		if a.handler, err = a.newHandler(cfg); err != nil {
			return nil, err
		}
		if a.redis == nil {
			a.replays = -1
			a.takeReplays(ctx)
		}
		a.takeSeal(ctx, cfg)
		a.sched = jobs.NewScheduler(log, a.runPush)
	}
	return a, nil
}

func openStore(ctx context.Context, c StoreConfig) (*store.Store, error) {
	if c.Driver == "postgres" {
		return store.OpenPostgres(ctx, string(c.DSN))
	}
	return store.Open(ctx, c.Path)
}

// missing reports an SQLite store that is not there (yet), with its path
// made absolute: a relative one is from the folder mpbot runs in, and run
// from another one a command made a second, empty store there.
func (c StoreConfig) missing() (string, bool) {
	if c.Driver == "postgres" {
		return "", false
	}
	if _, err := os.Stat(c.Path); !errors.Is(err, os.ErrNotExist) {
		return "", false
	}
	abs, _ := filepath.Abs(c.Path)
	return abs, true
}

// where names the store for logs, without the DSN's password.
func (c StoreConfig) where() string {
	if c.Driver == "postgres" {
		return "postgres"
	}
	return c.Path
}

// newAPI is the process's one WeChat API client (one token for all its
// calls, shared with the fleet through Redis), or nil when there is no
// AppSecret to call it with: then nothing leaves the machine.
func (a *app) newAPI(cfg *Config) *wechat.API {
	if cfg.WeChat.AppSecret == "" {
		return nil
	}
	c := wechat.APIConfig{
		AppID: cfg.WeChat.AppID, AppSecret: string(cfg.WeChat.AppSecret),
		Base: cfg.WeChat.APIBase, StableToken: cfg.WeChat.StableToken, Metrics: a.obs.wechat,
	}
	if a.redis != nil {
		c.Tokens, c.Lock = fleet.TokenCache{R: a.redis}, a.redis.Lock
	} else {
		c.Tokens = a.store // shared with the commands run beside serve
	}
	return wechat.NewAPI(c, a.log)
}

// requireAPI is the API client for commands that cannot work without one.
func (a *app) requireAPI() (*wechat.API, error) {
	if a.api == nil {
		return nil, errors.New("wechat.app_secret is empty: set MPBOT_WECHAT_APP_SECRET to use the WeChat API")
	}
	return a.api, nil
}

// openLibrary loads the search index and, if demo, fills an empty store
// with the demo articles.
func (a *app) openLibrary(ctx context.Context, cfg *Config, demo bool) error {
	started := time.Now()
	lib, err := search.OpenLibrary(ctx, a.store, a.log)
	if err != nil {
		return err
	}
	a.library = lib
	if demo {
		if n, err := lib.Seed(ctx, content.DemoArticles()); err != nil {
			return fmt.Errorf("seed demo articles: %w", err)
		} else if n > 0 {
			a.log.Info("empty store: loaded the demo articles", "count", n, "store", cfg.Store.where())
		}
	}
	lib.Index().SetSynonyms(cfg.Search.Synonyms, cfg.Search.Related)
	lib.Index().SetCacheSize(cfg.Search.CacheSize)
	a.log.Debug("search index ready", "articles", lib.Index().Len(), "took", time.Since(started).Round(time.Millisecond))
	return nil
}

// newBot builds the bot; record says whether it keeps the follower table
// (serve) or only answers (try).
func (a *app) newBot(cfg *Config, record bool) *bot.Bot {
	var followUps bot.FollowUps = bot.NewMemoryFollowUps()
	if a.redis != nil && record { // mpbot try --openid X must not replace X's list in the fleet
		followUps = fleet.FollowUps{R: a.redis, TTL: bot.FollowUpTTL}
	}
	daily := func(ctx context.Context) (content.Article, error) {
		c := a.cfg.Load()
		return a.store.DailyReading(ctx, c.today(time.Now()), c.Push.Category)
	}
	deps := bot.Deps{Catalog: timedCatalog{a.library, a.obs.search}, FollowUps: followUps, Daily: daily, Readings: a.store.Readings, Log: a.log}
	if record {
		a.seen = a.store.NewSeenWriter(time.Second, a.log)
		deps.Followers = followerBook{a.store, a.seen}
	} else {
		deps.Followers = followersAsIs{a.store}
	}
	if a.queries != nil {
		deps.Events, deps.Votes = a.queries, a.queries.Votes()
	}
	return bot.New(cfg.settings, deps)
}

// followerBook is the bot's follower bookkeeping: last-seen times batched,
// subscriptions and opt-outs written at once.
type followerBook struct {
	*store.Store
	seen *store.SeenWriter
}

func (f followerBook) FollowerSeen(ctx context.Context, openid string, at time.Time) error {
	return f.seen.FollowerSeen(ctx, openid, at)
}

// FollowerSubscribed records a new follower; when the store refuses it
// (PostgreSQL down), the follow is queued with the last-seen writer, which
// retries until the store takes it, with its time and channel. (A subscribe
// during an outage was lost, and the push skipped the follower.)
//
// The write has half of what is left of the answer's time: the welcome
// reads today's reading after it, and a write waiting on another process
// (an import's transaction) had left it none (an operator run's find: the
// welcome carried 文章暂时无法读取 though the reading read).
func (f followerBook) FollowerSubscribed(ctx context.Context, openid, scene string, at time.Time) error {
	wctx := ctx
	if deadline, ok := ctx.Deadline(); ok {
		var cancel context.CancelFunc
		wctx, cancel = context.WithDeadline(ctx, time.Now().Add(time.Until(deadline)/2))
		defer cancel()
	}
	err := f.Store.FollowerSubscribed(wctx, openid, scene, at)
	if err != nil {
		if qerr := f.seen.FollowerJoined(ctx, openid, scene, at); qerr == nil {
			return fmt.Errorf("%w (queued, recorded once the store takes it)", err)
		}
	}
	return err
}

// FollowerUnsubscribed records a follower who left; when the store
// refuses it, the unfollow is queued with the last-seen writer, which
// retries until the store takes it (WeChat, answered, does not send the
// event again: a hostile run's find, the follower stayed subscribed).
func (f followerBook) FollowerUnsubscribed(ctx context.Context, openid string, at time.Time) error {
	err := f.Store.FollowerUnsubscribed(ctx, openid, at)
	if err != nil {
		if qerr := f.seen.FollowerLeft(ctx, openid, at); qerr == nil {
			return fmt.Errorf("%w (queued, recorded once the store takes it)", err)
		}
	}
	return err
}

// followersAsIs reads the follower table and changes nothing in it: mpbot
// try answers 退订了吗 as serve would (it was searched there, with no
// table), and records no follower.
type followersAsIs struct{ *store.Store }

func (followersAsIs) FollowerSubscribed(context.Context, string, string, time.Time) error { return nil }
func (followersAsIs) FollowerSeen(context.Context, string, time.Time) error               { return nil }
func (followersAsIs) FollowerUnsubscribed(context.Context, string, time.Time) error       { return nil }
func (followersAsIs) SetPushOptOut(context.Context, string, bool, time.Time) error        { return nil }

var _ bot.Followers = followersAsIs{}

// receiptBook keeps WeChat's delivery receipts in the push ledger.
type receiptBook struct{ *store.Store }

func (b receiptBook) RecordReceipt(ctx context.Context, r wechat.Receipt) error {
	return b.Store.RecordReceipt(ctx, store.Receipt{MsgID: r.MsgID, Kind: r.Kind, Status: r.Status,
		Total: r.Total, Filtered: r.Filtered, Sent: r.Sent, Errors: r.Errors, At: r.At})
}

// newHandler builds the webhook WeChat calls.
func (a *app) newHandler(cfg *Config) (*wechat.Handler, error) {
	var shared wechat.SharedReplies // a typed nil would not be a nil interface
	if a.redis != nil {
		shared = fleet.Replies{R: a.redis}
	}
	var sender wechat.Sender
	if a.api != nil {
		sender = a.api
	} else {
		// One string, each item numbered: a list value printed them run
		// together, unreadable.
		a.log.Warn("wechat.app_secret is empty: the WeChat API cannot be called, so these are off (set MPBOT_WECHAT_APP_SECRET to turn them on)",
			"off", "(1) replies after the first (mode all, the welcome's daily card): folded into the one passive reply; "+
				"(2) replies not ready within server.reply_budget: WeChat is told success and the reply is dropped; "+
				"(3) the daily push in push.mode customer, template and broadcast (log mode still writes the outbox); "+
				"(4) followers sync and import --from-account")
	}
	return wechat.NewHandler(wechat.Config{
		AppID: cfg.WeChat.AppID, Token: string(cfg.WeChat.Token), AESKey: string(cfg.WeChat.EncodingAESKey),
		Mode: cfg.mode(), ReplyBudget: cfg.Server.ReplyBudget, Metrics: a.obs.wechat, Shared: shared, TrustedProxies: cfg.proxies,
		Receipts: receiptBook{a.store}, Shown: a.readingShown,
	}, a.bot.Answer, sender, a.log)
}

// readingShown records today's reading as having reached a follower, in
// the push's ledger, where the push finds it settled; in the modes that push
// to each follower and in the outbox's, their rehearsal (a mass send reaches
// everyone; off reaches no one).
func (a *app) readingShown(ctx context.Context, openid, articleID string) {
	c := a.cfg.Load()
	// The outbox too (push.mode log): its day is a rehearsal, which a mode
	// that sends runs again for real, and a follower shown the reading
	// meanwhile had been pushed it twice (a follower re-check's find).
	if c.Push.Mode != jobs.ModeCustomer && c.Push.Mode != jobs.ModeTemplate && c.Push.Mode != jobs.ModeLog {
		return
	}
	if err := a.store.ReadingShown(ctx, c.today(time.Now()), openid, articleID); err != nil {
		a.log.ErrorContext(ctx, "record today's reading as shown; the day's push may send it again", "openid", openid, "err", err)
	}
}

// takeSeal takes in, in compat mode, that WeChat has sent encrypted
// requests before this start: plaintext is a forgery. A start in plain
// mode forgets it, so that compat takes plaintext again until WeChat
// encrypts (for an account whose console went back to plaintext).
func (a *app) takeSeal(ctx context.Context, cfg *Config) {
	switch cfg.mode() {
	case wechat.ModeSafe:
		// Safe mode refuses plaintext anyway; what it sees is kept for a
		// switch to compat.
		a.sealAppID = cfg.WeChat.AppID
		a.sealKept, _ = a.store.Sealed(ctx, cfg.WeChat.AppID)
	case wechat.ModeCompat:
		a.sealAppID = cfg.WeChat.AppID
		sealed, err := a.store.Sealed(ctx, cfg.WeChat.AppID)
		if err != nil {
			a.log.Warn("compat mode: whether WeChat encrypted its requests before is unknown; plaintext ones are taken until an encrypted one comes", "err", err)
		}
		if sealed {
			a.handler.Seal()
			a.sealKept = true
			a.log.Info("compat mode: WeChat has sent encrypted requests before; plaintext ones are refused (a start in wechat.mode plain forgets it)")
		}
	case wechat.ModePlain:
		forgot, err := a.store.Unseal(ctx, cfg.WeChat.AppID)
		switch {
		case err != nil:
			a.log.Warn("plain mode: could not forget that WeChat encrypted its requests; compat mode still refuses plaintext", "err", err)
		case forgot:
			a.log.Warn("plain mode: forgot that WeChat encrypted its requests; processes started in compat mode from now on take plaintext until an encrypted one comes")
		}
	}
}

// keepSeal keeps in the store, once, that WeChat has sent an encrypted
// request (in compat or safe mode: a switch to compat refuses plaintext); off the request path (a locked store held the
// first reply 5 s), and tried again at the next sync until it is kept.
func (a *app) keepSeal(ctx context.Context) {
	if a.sealKept || !a.handler.Sealed() {
		return
	}
	if err := a.store.Seal(ctx, a.sealAppID, time.Now()); err != nil {
		if !a.sealFailing {
			a.log.Warn("could not keep that WeChat encrypts its requests; trying again", "err", err)
			a.sealFailing = true
		}
		return
	}
	a.sealKept, a.sealFailing = true, false
	// Said as kept for compat mode, whatever the mode: a server in safe
	// mode had read as if it were in compat mode (a newcomer run's find).
	a.log.Info("WeChat encrypts its requests: kept, so that should the account use compat mode, plaintext ones are refused in compat mode, also after a restart")
}

// newPush wires the daily push to the store and the live config.
func (a *app) newPush() *jobs.DailyPush {
	cfg := a.cfg.Load()
	outbox := &jobs.Outbox{Path: filepath.Join(filepath.Dir(cfg.Store.Path), "outbox.jsonl"), Now: time.Now}
	p := &jobs.DailyPush{
		Store:  a.store,
		Config: func() jobs.Config { return a.pushConfig(a.cfg.Load(), outbox) },
		Owner:  jobs.NewOwner(),
		Now:    time.Now,
		Log:    a.log,
	}
	if a.redis != nil {
		// push.qps holds for the fleet, not per replica.
		p.Limiter = func(qps float64) jobs.Limiter {
			return fleet.Limiter{R: a.redis, Key: "push", QPS: qps, Local: rate.NewLimiter(rate.Limit(qps), max(1, int(qps)))}
		}
	}
	return p
}

// pushConfig is a run's settings from the config snapshot c: every push key
// applies to the next run after a reload.
func (a *app) pushConfig(c *Config, outbox *jobs.Outbox) jobs.Config {
	jc := jobs.Config{Mode: c.Push.Mode, Category: c.Push.Category, Location: c.location, QPS: c.Push.QPS, Window: 48 * time.Hour,
		PreviewOpenIDs: c.Push.PreviewOpenIDs, PreviewLead: c.Push.PreviewLead, LeaseTTL: c.Push.LeaseTTL}
	switch {
	case c.Push.Mode == jobs.ModeLog:
		jc.Sender = outbox
	case a.api == nil: // the other modes call the WeChat API
	case c.Push.Mode == jobs.ModeCustomer:
		jc.Sender = a.api
	case c.Push.Mode == jobs.ModeTemplate:
		jc.Sender = &wechat.TemplateSender{API: a.api, TemplateID: c.Push.TemplateID, Fields: c.Push.TemplateFields}
	case c.Push.Mode == jobs.ModeBroadcast:
		jc.Broadcaster = &wechat.Broadcaster{API: a.api, TagID: c.Push.TagID, Covers: a.store, DefaultID: c.Push.DefaultThumb}
	}
	return jc
}

// close stops and joins what newApp and serve started, in reverse order,
// and saves the search index for the next start.
func (a *app) close() {
	// serve's shutdown deadline bounds the closing writes.
	deadline := a.shutdownBy
	if deadline.IsZero() {
		deadline = time.Now().Add(30 * time.Second)
	}
	ctx, cancel := context.WithDeadline(context.Background(), deadline)
	defer cancel()
	if a.stopWatch != nil {
		a.stopWatch()
		a.watching.Wait()
	}
	// The writers close side by side, by a deadline a little before
	// serve's, so that what each could not write is logged before the
	// process exits at serve's (a fleet run's find: with PostgreSQL hung,
	// the last-seen writer took the whole of it, and neither count was
	// logged).
	wctx, wcancel := context.WithDeadline(ctx, deadline.Add(-min(time.Until(deadline)/10, 500*time.Millisecond)))
	var writers sync.WaitGroup
	if a.seen != nil {
		writers.Go(func() { a.seen.Close(wctx) })
	}
	if a.queries != nil {
		writers.Go(func() { a.queries.Close(wctx) })
	}
	writers.Wait()
	wcancel()
	if a.handler != nil {
		a.keepSeal(ctx)
		if a.redis == nil {
			a.keepReplays(ctx)
		}
	}
	if a.library != nil {
		// The next start reads the index from this snapshot instead of
		// applying every change since the last one; nothing is written
		// when nothing changed.
		if ctx.Err() != nil {
			a.log.Warn("index snapshot not saved: server.shutdown_timeout reached; the next start applies the changes since the last one")
		} else if err := a.library.SaveSnapshot(ctx); err != nil {
			a.log.Warn("index snapshot not saved; the next start applies the changes since the last one", "err", err)
		}
	}
	if a.redis != nil {
		a.redis.Close()
	}
	if a.store != nil {
		a.store.Close()
	}
}

// keepReplays keeps the messages answered lately in the store, so that a
// process started next answers a replay of one with nothing, as this one
// would (a fleet's Redis keeps them). A store locked by another process
// (an import) is tried again for up to half of what is left of ctx: the
// index snapshot comes after.
func (a *app) keepReplays(ctx context.Context) {
	rs := a.handler.Replays()
	kept := make([]store.Replay, len(rs))
	for i, r := range rs {
		kept[i] = store.Replay(r)
	}
	if deadline, ok := ctx.Deadline(); ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithDeadline(ctx, time.Now().Add(time.Until(deadline)/2))
		defer cancel()
	}
	for {
		err := a.store.SaveReplays(ctx, kept, time.Now())
		if err == nil {
			a.log.Info("recent messages kept for the next start", "messages", len(kept))
			return
		}
		if !store.Busy(err) || ctx.Err() != nil {
			a.log.Warn("recent messages not kept for the next start: a replay of one within its timestamp window would be answered again", "messages", len(kept), "err", err)
			return
		}
		select {
		case <-ctx.Done():
		case <-time.After(250 * time.Millisecond):
		}
	}
}

// takeReplays takes in what processes stopped since the last read kept
// (keepReplays): all of it at the start, then what one still stopping
// when this one started keeps (a rolling restart).
func (a *app) takeReplays(ctx context.Context) {
	kept, next, err := a.store.Replays(ctx, a.replays, time.Now())
	if err != nil {
		if !a.replaysFailing {
			a.log.Warn("recent messages of a process stopped not read: a replay of one within its timestamp window would be answered again; trying again", "err", err)
			a.replaysFailing = true
		}
		return
	}
	a.replaysFailing = false
	rs := make([]wechat.Replay, len(kept))
	for i, r := range kept {
		rs[i] = wechat.Replay(r)
	}
	a.handler.TakeReplays(rs)
	if len(rs) > 0 {
		a.log.Info("recent messages of a process stopped taken in: replays of them are answered with nothing", "messages", len(rs))
	}
	a.replays = next
}

// webhookSyncInterval is how soon a message kept by a process stopping
// after this one started protects this one too, and how soon a compat
// seal is kept.
const webhookSyncInterval = 2 * time.Second

// watchWebhookState, until ctx ends, takes in what processes stopping keep
// (without a fleet's Redis) and keeps the compat seal.
func (a *app) watchWebhookState(ctx context.Context) {
	t := time.NewTicker(webhookSyncInterval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if a.redis == nil {
				a.takeReplays(ctx)
			}
			a.keepSeal(ctx)
		}
	}
}

// closeInTime closes the app, but returns at serve's shutdown deadline
// even if closing has not finished: a write can wait seconds for SQLite's
// lock while another process (an import) holds it, and serve must end
// within server.shutdown_timeout. Whatever was not written is logged as
// lost by the writer that held it; the process is exiting, so the closing
// goroutine is left to the exit, and the store's journal keeps the file
// whole.
func (a *app) closeInTime() {
	if a.shutdownBy.IsZero() {
		a.close()
		return
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		a.close()
	}()
	t := time.NewTimer(time.Until(a.shutdownBy))
	defer t.Stop()
	select {
	case <-done:
	case <-t.C:
		a.log.Error("closing not finished within server.shutdown_timeout; exiting without it")
	}
}

// console builds the operators' web console on the running app.
func (a *app) console(configPath string) *admin.Console {
	cfg := a.cfg.Load()
	// The follower table read, never written: 退订了吗 had been answered
	// with replies.no_match, where followers are told their subscription
	// (an operator run's find).
	deps := bot.Deps{Catalog: a.library, FollowUps: bot.NewMemoryFollowUps(), Daily: a.bot.Daily(), Readings: a.bot.Readings(), Log: a.log,
		Followers: followersAsIs{a.store}}
	if a.queries != nil {
		deps.Votes = a.queries.Votes() // lists in the order followers get them
	}
	a.consoleBot = bot.New(cfg.settings, deps)
	return admin.New(admin.Deps{
		Token: string(cfg.Admin.Token),
		// The trusted proxies as the config says them now (a reload).
		ClientAddr: func(r *http.Request) string { return wechat.ClientAddr(r, a.cfg.Load().proxies) },
		Report: func(ctx context.Context, since time.Time) (*insights.Report, error) {
			return a.report(ctx, since)
		},
		Answer: func(ctx context.Context, session, text string) []bot.Reply {
			return a.consoleBot.Answer(ctx, bot.Message{From: "console-" + session, Kind: bot.KindText, Text: text, SentAt: time.Now()})
		},
		Search:  func(ctx context.Context, q string) ([]content.Hit, error) { return a.library.Search(ctx, q, 10) },
		Article: a.store.Get,
		Plan: func(ctx context.Context, days int) ([]store.Planned, error) {
			c := a.cfg.Load()
			return a.store.PlanDaily(ctx, c.today(time.Now()), days, c.Push.Category)
		},
		Rules: func() string { return a.cfg.Load().settings.Describe() },
		Check: func(ctx context.Context) admin.ConfigCheck {
			live := a.cfg.Load()
			c := admin.ConfigCheck{File: configPath, Warnings: a.configWarnings(ctx, live)}
			if configPath == "" {
				return c
			}
			if _, err := loadEdited(configPath, live); err != nil { // as the reload judged it
				c.Problem = err.Error()
			} else if why := a.cutAtStart.Load(); why != nil {
				c.Problem = *why + "; served as read (serve started on it) until saved again"
			}
			return c
		},
		Log: a.log,
	})
}

// dailyRules are the labels (of labels, the rules' in config order) of
// the rules whose reply is the day's reading, for the report to count what
// they said as their answer.
func (c *Config) dailyRules(labels []string) []string {
	var out []string
	for i, r := range c.Replies.Rules {
		specs := r.Replies
		if r.Reply != nil {
			specs = []bot.ReplySpec{*r.Reply}
		}
		if i < len(labels) && slices.ContainsFunc(specs, func(s bot.ReplySpec) bool { return s.Type == "daily" }) {
			out = append(out, labels[i])
		}
	}
	return out
}

// report reports on the query log from since to now, with the live
// config's rules and the votes the bot uses.
func (a *app) report(ctx context.Context, since time.Time) (*insights.Report, error) {
	seg, err := search.DefaultSegmenter()
	if err != nil {
		return nil, err
	}
	var votes *insights.Votes
	if a.queries != nil {
		votes = a.queries.Votes()
	} else if votes, err = insights.LoadVotes(ctx, a.store); err != nil {
		return nil, err
	}
	cfg := a.cfg.Load()
	rules, keys := cfg.settings.Rules()
	// A rule's menu key no button of menu.buttons carries is never sent:
	// with no menu, the report listed `menu key DAILY_READING` as never
	// used (a newcomer run's find).
	onMenu := map[string]bool{}
	var carried func([]wechat.Button)
	carried = func(bs []wechat.Button) {
		for _, b := range bs {
			onMenu[b.Key] = b.Key != ""
			carried(b.SubButtons)
		}
	}
	carried(cfg.Menu.Buttons)
	for label, ks := range keys {
		keys[label] = slices.DeleteFunc(ks, func(k string) bool { return !onMenu[k] })
	}
	// Words as search reads them, traditional characters folded: 楓橋經驗
	// is 枫桥经验's topic, and no synonym of it to propose.
	terms := func(text string) []string { return seg.Words(search.Fold(text)) }
	// Without insights.key serve hashes with a key of its own, new at each
	// start: a day's opt-outs before a restart would not match (0 said
	// where there were some: a review's find), so none is counted.
	follower := insights.FollowerOf(string(cfg.Insights.Key))
	now := time.Now()
	var due []string
	if cfg.Push.Mode != jobs.ModeOff {
		due = pushDue(cfg.Push.Schedule, cfg.location, since, now)
	}
	r, err := insights.Build(ctx, insights.Source{Store: a.store, Votes: votes, Terms: terms, Fold: search.Fold, Rules: rules, Keys: keys, DailyRules: cfg.dailyRules(rules), Follower: follower,
		Synonyms: cfg.Search.Synonyms, WeakScore: (cfg.Search.MinScore + cfg.Search.ClearScore) / 2, Loc: cfg.location, PushDue: due}, since, now)
	if err != nil {
		return nil, err
	}
	// What the log does, not the file: insights.enabled needs a restart,
	// and a serve started with it logs on until then (the console had said
	// new questions were no longer recorded above a count still rising:
	// an operator run's find).
	r.Kept, r.LogOff = mustDays(cfg.Insights.Retention), !cfg.Insights.Enabled
	if a.handler != nil { // serve's console: what it does, either way
		r.LogOff, r.LogOnRestart = a.queries == nil, a.queries == nil && cfg.Insights.Enabled
	}
	return r, nil
}

// pushDue are the days from since's to now's on which spec fires in loc at
// a time a minute or more before now: a push firing has its run recorded
// within that minute.
func pushDue(spec string, loc *time.Location, since, now time.Time) []string {
	var days []string
	last := now.In(loc).Format("2006-01-02")
	for d := since.In(loc); ; d = d.AddDate(0, 0, 1) {
		day := d.Format("2006-01-02")
		if day > last {
			return days
		}
		if at, ok := jobs.ScheduledAt(spec, loc, day); ok && at.Add(time.Minute).Before(now) {
			days = append(days, day)
		}
	}
}
