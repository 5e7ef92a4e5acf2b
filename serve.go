package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"runtime/debug"
	"sync/atomic"
	"time"

	"github.com/fsnotify/fsnotify"
	"github.com/spf13/viper"
	"golang.org/x/time/rate"

	"mpbot/bot"
	"mpbot/bot/wechat"
	"mpbot/content"
	"mpbot/fleet"
	"mpbot/jobs"
)

// app is mpbot wired together: store, search, bot and WeChat adapter.
type app struct {
	cfg     atomic.Pointer[Config]
	store   *content.Store
	library *content.Library
	bot     *bot.Bot
	log     *slog.Logger
	handler *wechat.Handler
	api     *wechat.API
	push    *jobs.DailyPush
	sched   *jobs.Scheduler
	obs     *observability
	redis   *fleet.Redis // nil with state.driver memory
	seen    *content.SeenWriter
}

// followerBook is the bot's follower bookkeeping: last-seen times batched,
// subscriptions and opt-outs written at once.
type followerBook struct {
	*content.Store
	seen *content.SeenWriter
}

func (f followerBook) FollowerSeen(ctx context.Context, openid string, at time.Time) error {
	return f.seen.FollowerSeen(ctx, openid, at)
}

// newApp opens the store and builds the bot. record says whether the bot
// keeps the follower table (serve) or only answers (try).
func newApp(ctx context.Context, ld *loaded, log *slog.Logger, record bool) (*app, error) {
	cfg := ld.cfg
	store, err := cfg.Store.open(ctx)
	if err != nil {
		return nil, err
	}
	started := time.Now()
	library, err := content.OpenLibrary(ctx, store, log)
	if err != nil {
		store.Close()
		return nil, err
	}
	if n, err := content.SeedDemo(ctx, library); err != nil {
		store.Close()
		return nil, fmt.Errorf("seed demo articles: %w", err)
	} else if n > 0 {
		log.Info("empty store: loaded the demo articles", "count", n, "store", cfg.Store.where())
	}
	library.Index().SetSynonyms(cfg.Search.Synonyms)
	library.Index().SetCacheSize(cfg.Search.CacheSize)
	log.Info("search index ready", "articles", library.Index().Len(), "took", time.Since(started).Round(time.Millisecond))
	a := &app{store: store, library: library, log: log, obs: newObservability()}
	var followUps bot.FollowUps = bot.NewMemoryFollowUps()
	if cfg.State.Driver == "redis" {
		if a.redis, err = fleet.Dial(ctx, string(cfg.State.RedisURL), cfg.State.KeyPrefix); err != nil {
			store.Close()
			return nil, err
		}
		followUps = fleet.FollowUps{R: a.redis, TTL: bot.FollowUpTTL}
	}
	a.cfg.Store(cfg)
	daily := func(ctx context.Context) (content.Article, error) {
		c := a.cfg.Load()
		return store.DailyReading(ctx, time.Now().In(c.location()).Format(content.DateLayout), c.Push.Category)
	}
	deps := bot.Deps{Catalog: timedCatalog{library, a.obs.search}, FollowUps: followUps, Daily: daily, Log: log}
	if record {
		a.seen = store.NewSeenWriter(time.Second, log)
		deps.Followers = followerBook{store, a.seen}
	}
	a.bot = bot.New(ld.settings, deps)
	return a, nil
}

func (a *app) close() {
	if a.seen != nil {
		a.seen.Close()
	}
	// The next start reads the index from this snapshot instead of
	// rebuilding it; nothing is written when nothing changed.
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := a.library.SaveSnapshot(ctx); err != nil {
		a.log.Warn("index snapshot not saved; the next start rebuilds it", "err", err)
	}
	a.store.Close()
	if a.redis != nil {
		a.redis.Close()
	}
}

// webhook builds the WeChat side: the API client and the handler.
func (a *app) webhook() error {
	cfg := a.cfg.Load()
	apiCfg := wechat.APIConfig{
		AppID: cfg.WeChat.AppID, AppSecret: string(cfg.WeChat.AppSecret),
		Base: cfg.WeChat.APIBase, StableToken: cfg.WeChat.StableToken, Metrics: a.obs.wechat,
	}
	if a.redis != nil {
		apiCfg.Tokens, apiCfg.Lock = fleet.TokenCache{R: a.redis}, a.redis.Lock
	}
	a.api = wechat.NewAPI(apiCfg, a.log)
	h, err := wechat.NewHandler(wechat.Config{
		AppID: cfg.WeChat.AppID, Token: string(cfg.WeChat.Token), AESKey: string(cfg.WeChat.EncodingAESKey),
		Mode: cfg.mode(), ReplyBudget: cfg.Server.ReplyBudget, Metrics: a.obs.wechat, Shared: a.sharedReplies(),
	}, a.bot.Answer, a.sender(), a.log)
	a.handler = h
	return err
}

// sharedReplies is the fleet's reply store, or nil for one process. (A
// typed nil would not be a nil interface.)
func (a *app) sharedReplies() wechat.SharedReplies {
	if a.redis == nil {
		return nil
	}
	return fleet.Replies{R: a.redis}
}

// sender is the customer-service API, or nil when there are no credentials
// to call it with (the demo): nothing then leaves the machine.
func (a *app) sender() wechat.Sender {
	if a.cfg.Load().WeChat.AppSecret == "" {
		a.log.Warn("wechat.app_secret is empty: late replies and extra replies cannot be sent")
		return nil
	}
	return a.api
}

// routes is the HTTP surface: the webhook and a health check.
func (a *app) routes() http.Handler {
	mux := http.NewServeMux()
	mux.Handle(a.cfg.Load().Server.Path, withRequestID(a.handler))
	mux.Handle("GET /metrics", a.obs.handler())
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		if err := a.store.Ping(ctx); err != nil {
			http.Error(w, "store unreachable", http.StatusServiceUnavailable)
			return
		}
		if a.redis != nil {
			if err := a.redis.Ping(ctx); err != nil {
				http.Error(w, "redis unreachable", http.StatusServiceUnavailable)
				return
			}
		}
		fmt.Fprintf(w, "ready: %d articles indexed\n", a.library.Index().Len())
	})
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		if err := a.store.Ping(ctx); err != nil {
			a.log.Error("health check: store unreadable", "err", err)
			http.Error(w, "store unreadable", http.StatusServiceUnavailable)
			return
		}
		fmt.Fprintln(w, "ok")
	})
	return mux
}

// reload applies a changed config file, or keeps the running one when the
// edit is invalid.
func (a *app) reload(path string) {
	ld, err := loadConfig(path, true)
	if err != nil {
		a.obs.reloads.WithLabelValues("rejected").Inc()
		a.log.Error("config rejected; keeping the last good config", "file", path, "err", err)
		return
	}
	a.obs.reloads.WithLabelValues("ok").Inc()
	old := a.cfg.Load()
	a.cfg.Store(ld.cfg)
	a.bot.SetSettings(ld.settings)
	a.library.Index().SetSynonyms(ld.cfg.Search.Synonyms)
	if ld.cfg.Search.CacheSize != old.Search.CacheSize {
		a.library.Index().SetCacheSize(ld.cfg.Search.CacheSize)
	}
	a.log.Info("config reloaded", "file", path)
	if a.sched != nil {
		if err := a.sched.Set(ld.cfg.Push.Schedule); err != nil {
			a.log.Error("push schedule not changed", "err", err)
		}
	}
	if changed := needsRestart(old, ld.cfg); len(changed) > 0 {
		a.log.Warn("some changes need a restart to take effect", "sections", changed)
	}
}

// watch reloads the config whenever its file changes.
func (a *app) watch(path string) error {
	v := viper.New()
	v.SetConfigFile(path)
	if err := v.ReadInConfig(); err != nil {
		return err
	}
	// viper calls this from its watcher goroutine, even when its own re-read
	// failed; reload parses the file afresh, so viper's copy is never used.
	v.OnConfigChange(func(fsnotify.Event) { a.reload(path) })
	v.WatchConfig()
	return nil
}

func serve(ctx context.Context, ld *loaded, watchPath string, log *slog.Logger) error {
	cfg := ld.cfg
	if string(cfg.WeChat.Token) == demoToken && !loopback(cfg.Server.Addr) {
		return fmt.Errorf("wechat.token is still the public demo token; set your own (MPBOT_WECHAT_TOKEN) before listening on %s", cfg.Server.Addr)
	}
	a, err := newApp(ctx, ld, log, true)
	if err != nil {
		return err
	}
	defer a.close()
	tuneMemory()
	if err := a.webhook(); err != nil {
		return err
	}
	a.startPush(ctx)
	if watchPath != "" {
		if err := a.watch(watchPath); err != nil {
			return fmt.Errorf("watch %s: %w", watchPath, err)
		}
	}
	ln, err := net.Listen("tcp", cfg.Server.Addr)
	if err != nil {
		return err
	}
	log.Info("mpbot serving", "addr", ln.Addr().String(), "path", cfg.Server.Path, "mode", cfg.mode(), "config", ld.source)
	// Imports by other processes (mpbot import) reach the index within a
	// second.
	go a.library.Watch(ctx, librarySyncInterval)
	return a.run(ctx, ln)
}

// startPush schedules the daily push, and runs it now if the process was
// down when it was due today (within push.catch_up).
func (a *app) startPush(ctx context.Context) {
	cfg := a.cfg.Load()
	a.push = newDailyPush(a.store, a.cfg.Load, a.api, a.log)
	if a.redis != nil {
		// push.qps holds for the fleet, not per replica.
		a.push.Limiter = func(qps float64) jobs.Limiter {
			return fleet.Limiter{R: a.redis, Key: "push", QPS: qps, Local: rate.NewLimiter(rate.Limit(qps), max(1, int(qps)))}
		}
	}
	next := 0
	a.push.Progress = func(done, total int) {
		if done <= 16 { // a new run's first batch
			next = 0
		}
		if done >= next || done == total {
			a.log.Info("daily push progress", "done", done, "of", total)
			next = done + 5000
		}
	}
	a.sched = jobs.NewScheduler(cfg.location(), a.log, a.runPush)
	if err := a.sched.Set(cfg.Push.Schedule); err != nil {
		a.log.Error("daily push not scheduled", "err", err)
		return
	}
	a.sched.Start()
	if due, missed := jobs.MissedRun(cfg.Push.Schedule, cfg.location(), time.Now(), cfg.Push.CatchUp); missed {
		day := due.Format(content.DateLayout)
		if state, _, err := a.store.PushRun(ctx, day); err == nil && state != "done" {
			a.log.Info("daily push was due while mpbot was down; running it now", "due", due)
			a.sched.RunNow()
		}
	}
}

// runPush runs the day's push. While another replica holds it, this one
// waits and tries again every half lease: if the holder dies mid-push, its
// lease runs out and this replica finishes the day from the ledger.
func (a *app) runPush(ctx context.Context) {
	// The day is fixed when the run is due: a replica still standing by
	// after midnight must not start the next day's push early.
	day := time.Now().In(a.cfg.Load().location()).Format(content.DateLayout)
	waiting := false
	for {
		res, err := a.push.Run(ctx, jobs.RunOptions{Day: day})
		if errors.Is(err, content.ErrLeaseHeld) {
			if !waiting {
				a.log.Info("daily push: another process is running it; standing by in case it stops", "day", day)
				waiting = true
			}
			select {
			case <-ctx.Done():
				return
			case <-time.After(a.cfg.Load().Push.LeaseTTL / 2):
			}
			continue
		}
		a.obs.recordPush(res)
		switch {
		case err == nil:
		case ctx.Err() != nil:
			a.log.Info("daily push stopped by shutdown; the next run (or another replica) sends the rest", "sent", res.Sent)
		case errors.Is(err, jobs.ErrNothingToPush):
			a.log.Warn("daily push: nothing to push", "err", err)
		case waiting && errors.Is(err, content.ErrPushDone):
			a.log.Info("daily push: finished by another process")
		default:
			a.log.Error("daily push failed", "err", err)
		}
		return
	}
}

// run serves until ctx ends, then drains in-flight requests and late replies.
func (a *app) run(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{
		Handler:           a.routes(),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      10 * time.Second,
		IdleTimeout:       time.Minute,
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	a.log.Info("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), a.cfg.Load().Server.ShutdownTimeout)
	defer cancel()
	if a.sched != nil {
		if err := a.sched.Stop(sctx); err != nil {
			a.log.Warn("daily push still running at shutdown", "err", err)
		}
	}
	err := srv.Shutdown(sctx)
	if werr := a.handler.Wait(sctx); werr != nil {
		a.log.Warn("late replies still being delivered at shutdown", "err", werr)
	}
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	return err
}

const librarySyncInterval = 500 * time.Millisecond

// tuneMemory keeps serve's resident memory close to what the index needs.
// Loading the index leaves garbage several times the index's size, which
// the runtime would otherwise return to the system only slowly; and the
// default GC target of twice the live heap is mostly idle headroom for a
// bot, whose allocation rate is low. GOGC, when set, wins.
func tuneMemory() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(50)
	}
	debug.FreeOSMemory()
}

func loopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
