package main

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"time"

	"mpbot/admin"
	"mpbot/bot"
	"mpbot/content"
	"mpbot/jobs"
	"mpbot/store"

	"github.com/fsnotify/fsnotify"
)

// serve runs the webhook until ctx ends, then shuts down within
// server.shutdown_timeout. watchPath, if set, is the config file reloaded
// on every change.
func serve(ctx context.Context, cfg *Config, watchPath string, log *slog.Logger) error {
	if err := cfg.publicDemo(); err != nil {
		return usageError{err}
	}
	for _, u := range cfg.warnings {
		log.Warn("config: " + u)
	}
	// A reload refuses a file cut inside a line, and the last good config
	// serves; at start-up there is none, so the file is served as read,
	// but said to be cut (a file cut inside a reply's text, every rule
	// after it gone, started without a word: an operator run's find).
	cut := cfg.cutInsideShipped()
	if cut != nil {
		log.Warn("config: "+cut.Error()+"; it is served as read until it is saved again", "config", cfg.source)
	}
	// Bind first: a second serve on a busy port fails at once, before it
	// loads the index or schedules a push.
	ln, err := net.Listen("tcp", cfg.Server.Addr)
	if err != nil {
		return fmt.Errorf("server.addr: %w", err) // as admin.addr's says its key
	}
	defer ln.Close()
	var adminLn net.Listener
	if cfg.Admin.Addr != "" && cfg.Admin.Token != "" {
		if adminLn, err = net.Listen("tcp", cfg.Admin.Addr); err != nil {
			return fmt.Errorf("admin.addr: %w", err)
		}
		defer adminLn.Close()
	}
	a, err := newApp(ctx, cfg, log, withWebhook)
	if err != nil {
		return err
	}
	defer a.closeInTime()
	if cut != nil {
		// Said where a rejected edit is (/readyz degraded, the metric, the
		// console) until a save applies: a warning at start alone had
		// left a replica ready, 16 rules short, with nothing to alert on
		// (a newcomer run's find).
		a.obs.rejected.Set(1)
		why := cut.Error()
		a.cutAtStart.Store(&why)
	}
	// Ended when serve returns, whatever the cause: the console, joined
	// below, stops with it (a watch that failed after the console started
	// left serve waiting for the console for good, the webhook unanswered).
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	if demo, _ := demoStored(ctx, a.store); len(demo) > 0 && a.library.Index().Len() > len(demo) {
		log.Warn("the store holds the demo articles beside yours: they answer followers and may be the daily reading; `mpbot articles rm --demo` removes them",
			"demo", len(demo), "articles", a.library.Index().Len())
	}
	a.warnUnanswered(ctx, cfg)
	if adminLn != nil {
		// The console stops with serve (ctx) and is joined before the app
		// closes its store.
		console := a.console(watchPath) // before the config watcher starts: it updates the console's bot
		consoleDone := make(chan struct{})
		go func() {
			defer close(consoleDone)
			if err := admin.Serve(ctx, adminLn, console); err != nil {
				log.Error("admin console stopped", "err", err)
			}
		}()
		defer func() { cancel(); <-consoleDone }()
		log.Info("admin console serving", "addr", adminLn.Addr().String())
		if !loopback(cfg.Admin.Addr) {
			log.Warn("the admin console listens beyond this machine over plain HTTP: its token and session cookie cross the network unencrypted; serve it through a TLS proxy or keep admin.addr on 127.0.0.1", "addr", cfg.Admin.Addr)
		}
	} else if cfg.Admin.Addr != "" {
		log.Info("admin console off: set MPBOT_ADMIN_TOKEN to turn it on", "addr", cfg.Admin.Addr)
	}
	tuneMemory()
	// Imports by other processes (mpbot import) reach the index within a
	// second.
	watchCtx, stop := context.WithCancel(context.Background())
	a.stopWatch = stop
	a.watching.Add(1)
	go func() {
		defer a.watching.Done()
		a.library.Watch(watchCtx, librarySyncInterval)
	}()
	a.watching.Add(1)
	go func() {
		defer a.watching.Done()
		a.watchWebhookState(watchCtx)
	}()
	if watchPath != "" {
		w, err := startConfigWatch(watchPath, func() { a.reload(watchPath, cfg) }, log)
		if err != nil {
			return fmt.Errorf("watch %s: %w", watchPath, err)
		}
		defer w.Close()
		// An edit saved while serve started (after the file was read,
		// before the watch began: the store and the index opening) is a
		// change too: the watch compares with the file as it finds it, and
		// the replica had served the version before for good, ready and
		// rejecting nothing (a soak run's find).
		if fileStamp(watchPath) != stampOf(a.cfg.Load().text) {
			a.reload(watchPath, cfg)
		}
	} else {
		// An operator copying config.yaml in after the start saw nothing
		// happen, and nothing said why.
		log.Info("no config file: serving the embedded defaults, without live reload; restart once config.yaml is there (or start with --config FILE)")
	}
	// Last before serving: every way out from here stops the push before
	// the store closes (a failed watch left a caught-up push sending on).
	a.startPush(ctx)
	storeAt, stateAt := cfg.where()
	log.Info("mpbot serving", "addr", ln.Addr().String(), "path", cfg.Server.Path, "mode", cfg.mode(), "config", cfg.source, "version", version(),
		"store", storeAt, "state", stateAt)
	return a.run(ctx, ln)
}

// reload applies a changed config file, or keeps the running one when the
// edit is invalid. running is the config serve started with: keys read only
// at start are compared against it.
func (a *app) reload(path string, running *Config) {
	a.reloading.Lock()
	defer a.reloading.Unlock()
	cfg, err := loadEdited(path, a.cfg.Load())
	if err != nil {
		a.obs.reloads.WithLabelValues("rejected").Inc()
		a.obs.rejected.Set(1)
		a.log.Error("config rejected; keeping the last good config", "file", path, "err", err)
		why := err.Error()
		a.rejected.Store(&why)
		return
	}
	a.obs.reloads.WithLabelValues("ok").Inc()
	a.obs.rejected.Set(0)
	a.rejected.Store(nil)
	a.cutAtStart.Store(nil)
	old := a.cfg.Swap(cfg)
	a.bot.SetSettings(cfg.settings)
	if a.consoleBot != nil {
		a.consoleBot.SetSettings(cfg.settings)
	}
	a.library.Index().SetSynonyms(cfg.Search.Synonyms, cfg.Search.Related)
	if cfg.Search.CacheSize != old.Search.CacheSize {
		a.library.Index().SetCacheSize(cfg.Search.CacheSize)
	}
	if changed, err := a.sched.Set(cfg.Push.Schedule, cfg.location); err != nil {
		a.log.Error("push schedule not changed", "err", err)
	} else if changed {
		// On the config watcher: a hung store must not hold up reloads.
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		a.pushAfterReschedule(ctx, cfg, running.Push.CatchUp)
		cancel()
	}
	a.log.Info("config reloaded", "file", path)
	// From log, or from off (log → off → customer had said nothing: an
	// on-call run's find).
	if !pushSends(old.Push.Mode) && pushSends(cfg.Push.Mode) {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		a.warnRehearsedToday(ctx, cfg, "push.mode changed from "+old.Push.Mode+" to "+cfg.Push.Mode)
		cancel()
	}
	a.warnUnanswered(context.Background(), cfg)
	for _, u := range cfg.warnings {
		if !slices.Contains(old.warnings, u) {
			a.log.Warn("config: " + u)
		}
	}
	if gone := slices.DeleteFunc(slices.Clone(old.sections), func(k string) bool { return slices.Contains(cfg.sections, k) }); len(gone) > 0 {
		// Cut short before push: or search:, the file's lists there went
		// back to the shipped ones without a word.
		a.log.Warn("config reloaded without sections the file had: their keys are the shipped defaults now; if the file was saved half-way, save it whole and it is read again",
			"sections", gone)
	}
	if gone := shrunk(old, cfg); len(gone) > 0 {
		// A file saved half-way (an editor writing in place, a copy cut
		// short) is valid YAML when it ends between sections or list
		// entries, and applied: the rules after the cut gone (人工 got a
		// list about 人工智能) until it is saved whole.
		a.log.Warn("config reloaded with fewer entries in lists of the replies; if the file was saved half-way, save it whole and it is read again",
			"keys", gone)
	}
	changed := needsRestart(running, cfg)
	if len(changed) > 0 && !slices.Equal(changed, a.restartKeys) {
		a.log.Warn("some changes need a restart to take effect", "keys", changed)
		if err := cfg.publicDemo(); err != nil {
			a.log.Warn("the next start will refuse this config", "err", err)
		}
	}
	a.restartKeys = changed
	for key, was := range old.pinned {
		if now, ok := cfg.pinned[key]; ok && now != was {
			a.log.Warn("the file changes a key an environment variable sets: the change does nothing while the variable is set",
				"key", key, "variable", envName(key))
		}
	}
}

// pushSends reports whether push.mode sends through WeChat.
func pushSends(mode string) bool { return mode != jobs.ModeLog && mode != jobs.ModeOff }

// warnRehearsedToday, push.mode being one that sends since what happened
// (a reload, a start), warns when today's push ran in log mode: nobody got
// the reading, and nothing runs the day again (an operator run's find:
// going live on a launch morning logged only "config reloaded").
func (a *app) warnRehearsedToday(ctx context.Context, cfg *Config, happened string) {
	day := cfg.today(time.Now())
	rehearsed, err := a.push.Rehearsed(ctx, day)
	switch {
	case err != nil:
		a.log.Error(happened+"; whether today's push ran in log mode is unknown", "err", err)
	case rehearsed:
		// A later time of the schedule today sends it: its run sets the
		// rehearsal aside (a re-check's find: the warning had said no
		// run would).
		if next := jobs.Firings(cfg.Push.Schedule, cfg.location, time.Now(), 1); len(next) == 1 && cfg.today(next[0]) == day {
			a.log.Info(happened+" after today's push ran in log mode: nobody got today's reading yet; the schedule's next time today sends it", "day", day, "at", next[0])
			return
		}
		a.log.Warn(happened+" after today's push ran in log mode: nobody got today's reading, and it is not run again by itself; send it with `mpbot push --date "+day+"` (the days after send by themselves)",
			"day", day)
	}
}

// warnUnanswered warns of the configured replies that have no article to
// show (bot.Unanswered), those not warned of at the last start or reload:
// the store changes under a config saved again and again.
func (a *app) warnUnanswered(ctx context.Context, cfg *Config) {
	// On the config watcher at a reload: a hung store must not hold it up.
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	found, err := a.unansweredOf(ctx, cfg)
	if err != nil {
		a.log.Warn("configured replies' articles not checked", "err", err)
	}
	for _, u := range found {
		if !slices.Contains(a.unanswered, u) {
			a.log.Warn("config: " + u)
		}
	}
	a.unanswered = found
}

// unansweredOf are the configured replies with no article to show
// (bot.Unanswered), the examples the replies give of what to send that
// get replies.no_match (examplesUnanswered), and a push.category with no
// reading (noReading).
func (a *app) unansweredOf(ctx context.Context, cfg *Config) ([]string, error) {
	found, err := bot.Unanswered(ctx, cfg.settings, a.library)
	found = append(found, a.examplesUnanswered(ctx, cfg)...)
	if w := a.noReading(ctx, cfg); w != "" {
		found = append(found, w)
	}
	return found, err
}

// examplesUnanswered asks, as a follower would, each example the replies
// give of what to send (bot.Examples), of a bot that reads the store and
// writes nothing, and names those answered with replies.no_match, at
// every place that suggests them. Asked of the bot, not of search: 往期每日一读,
// 退订 and 今天推送了什么 are answered without an article found, and had been
// warned of (a re-check's find).
func (a *app) examplesUnanswered(ctx context.Context, cfg *Config) []string {
	if a.bot == nil {
		return nil
	}
	var outcome outcomeOf
	asker := bot.New(cfg.settings, bot.Deps{Catalog: a.library, FollowUps: bot.NewMemoryFollowUps(), Daily: a.bot.Daily(), Readings: a.bot.Readings(),
		Followers: followersAsIs{a.store}, Log: quietLogger(io.Discard), Events: &outcome})
	var out []string
	for _, ex := range bot.Examples(cfg.settings) {
		if ctx.Err() != nil {
			break
		}
		asker.Answer(ctx, bot.Message{From: "mpbot-check-examples", Kind: bot.KindText, Text: ex.Term, SentAt: time.Now()})
		switch {
		case ex.Instruction && outcome.last == bot.OutcomeNoMatch:
			out = append(out, fmt.Sprintf("%s: the text tells followers to send %q, which gets replies.no_match: add a rule (keywords) answering it, or take it out of the text", strings.Join(ex.Where, ", "), ex.Term))
		case outcome.last == bot.OutcomeMentions || outcome.last == bot.OutcomeNoMatch && outcome.listed:
			// Answered with a list none of which answers it (the articles
			// that mention it, each topic's of two asked together; a
			// period's newest, logged as no match), which the report counts
			// as unanswered too; said as the follower sees it (it had been
			// called replies.no_match: a newcomer run's and a re-check's
			// finds).
			out = append(out, fmt.Sprintf("%s: the text suggests sending %q, which no article answers as asked (a follower gets a list: the articles mentioning it, or each topic's apart): name a topic of your articles", strings.Join(ex.Where, ", "), ex.Term))
		case outcome.last == bot.OutcomeNoMatch:
			out = append(out, fmt.Sprintf("%s: the text suggests sending %q, which gets replies.no_match: name a topic of your articles", strings.Join(ex.Where, ", "), ex.Term))
		}
	}
	return out
}

// outcomeOf keeps the outcome of the last message a bot answered, and
// whether it listed articles.
type outcomeOf struct {
	last   bot.Outcome
	listed bool
}

func (o *outcomeOf) Record(_ context.Context, e bot.Event) {
	o.last, o.listed = e.Outcome, len(e.Hits) > 0
}

var _ bot.Events = (*outcomeOf)(nil)

// configWarnings are what `mpbot check` warns of in cfg as it is served:
// the console's config page says them.
func (a *app) configWarnings(ctx context.Context, cfg *Config) []string {
	ctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	found, err := a.unansweredOf(ctx, cfg)
	if err != nil {
		found = append(found, "configured replies' articles not checked: "+err.Error())
	}
	return append(slices.Clone(cfg.warnings), found...)
}

// loadEdited loads the config file at path, edited while serving is
// running: one cut short is refused as cut, also when the cut broke it.
func loadEdited(path string, serving *Config) (*Config, error) {
	cfg, err := loadConfig(path, true)
	if err == nil {
		return cfg, cutShort(serving, cfg)
	}
	if data, rerr := readConfigFile(path); rerr == nil && !utf16Text(data) {
		if cut := cutShortText(serving.text, data, path); cut != nil {
			return nil, cut // what the cut broke follows from it
		}
	}
	return nil, err
}

// noReading says, when there is no daily reading to give today (no article
// of push.category left unread: the demo articles removed, a category
// misspelt), that followers asking for it get none; "" when there is
// one. An operator learnt it only from followers (an operator run's find).
//
// Tomorrow's is checked too: today's, once chosen, stays whatever the
// category, and a category misspelt after it was went unwarned (a second
// operator run's find).
//
// A category no article is of is said whatever the days chosen: a day
// scheduled by hand had hidden a misspelt one (a third operator run's find).
func (a *app) noReading(ctx context.Context, cfg *Config) string {
	if missing, err := a.categoryMissing(ctx, cfg.Push.Category); err != nil || missing != "" {
		return "push.category: " + cmp.Or(missing, fmt.Sprintf("not checked: %v", err))
	}
	today := cfg.today(time.Now())
	plan, err := a.store.PlanDaily(ctx, today, 2, cfg.Push.Category)
	tomorrow := today
	if t, err := time.Parse(content.DateLayout, today); err == nil {
		tomorrow = t.AddDate(0, 0, 1).Format(content.DateLayout)
	}
	switch {
	case err != nil:
		return fmt.Sprintf("push.category: today's reading was not checked: %v", err)
	case len(plan) == 0 || plan[0].Article.ID == "":
		return fmt.Sprintf("push.category: no article of %q is left to read today: %s", cfg.Push.Category,
			a.untilScheduled(ctx, cfg, today, "每日一读 and the welcome's reading have nothing to give (import some, or change the category)"))
	case len(plan) < 2 || plan[1].Article.ID == "":
		return fmt.Sprintf("push.category: no article of %q is left to read tomorrow: %s", cfg.Push.Category,
			a.untilScheduled(ctx, cfg, tomorrow, "from then 每日一读 and the welcome's reading have nothing to give (import some, or change the category)"))
	}
	return ""
}

// untilScheduled says what a day without a reading (day) is followed by:
// nothing until an article scheduled later (a newcomer run's find: "from
// then" had been said of a day before one the operator scheduled), else
// none.
func (a *app) untilScheduled(ctx context.Context, cfg *Config, day, none string) string {
	if next, on, ok, err := a.store.NextScheduled(ctx, cfg.Push.Category, day); err == nil && ok {
		return fmt.Sprintf("每日一读 and the welcome's reading have nothing to give until %s, the day %s (%s) is scheduled for (import some, or `mpbot schedule ID %s`)", on, next.Title, next.ID, day)
	}
	return none
}

// categoryMissing says, when no article is of category (one given: ""
// is any), which categories the store has; "" when one is.
func (a *app) categoryMissing(ctx context.Context, category string) (string, error) {
	if category == "" {
		return "", nil
	}
	counts, err := a.store.Categories(ctx)
	if err != nil || counts[category] > 0 {
		return "", err
	}
	return fmt.Sprintf("no article is of category %q: no day after those chosen gets a reading (the store has %s)", category, categoriesHeld(counts)), nil
}

// categoriesHeld names the categories of counts with their articles, for
// an operator who named one no article is of.
func categoriesHeld(counts map[string]int) string {
	var have []string
	for _, name := range slices.Sorted(maps.Keys(counts)) {
		if name != "" {
			have = append(have, fmt.Sprintf("%s (%d)", name, counts[name]))
		}
	}
	return cmp.Or(strings.Join(have, ", "), "no categories")
}

// shrunk names the lists of the followers' replies that have fewer
// entries in cfg than in old, and the rules gone by name.
func shrunk(old, cfg *Config) []string {
	var gone []string
	for _, l := range []struct {
		key     string
		was, is int
	}{
		// The welcome and the default reply gone (a block deleted by
		// mistake): followers got no reply, with only "config reloaded"
		// said (an operator's find).
		{"replies.subscribe", replyCount(old.Replies.Subscribe), replyCount(cfg.Replies.Subscribe)},
		{"replies.default", replyCount(old.Replies.Default), replyCount(cfg.Replies.Default)},
		{"replies.no_match", replyCount(old.Replies.NoMatch), replyCount(cfg.Replies.NoMatch)},
		{"replies.rules", len(old.Replies.Rules), len(cfg.Replies.Rules)},
		{"replies.subscribe_scenes", len(old.Replies.SubscribeScenes), len(cfg.Replies.SubscribeScenes)},
		{"push.subscribe_keywords", len(old.Push.SubscribeKeywords), len(cfg.Push.SubscribeKeywords)},
		{"push.unsubscribe_keywords", len(old.Push.UnsubscribeKeywords), len(cfg.Push.UnsubscribeKeywords)},
		{"search.synonyms", len(old.Search.Synonyms), len(cfg.Search.Synonyms)},
	} {
		if l.is < l.was {
			gone = append(gone, fmt.Sprintf("%s (had %d, has %d)", l.key, l.was, l.is))
		}
	}
	named := map[string]bool{}
	for _, r := range cfg.Replies.Rules {
		named[r.Name] = true
	}
	for _, r := range old.Replies.Rules {
		if r.Name != "" && !named[r.Name] {
			gone = append(gone, "rule "+r.Name)
		}
	}
	return gone
}

// replyCount is how many replies a response holds.
func replyCount(r bot.ResponseSpec) int {
	if r.Reply != nil {
		return len(r.Replies) + 1
	}
	return len(r.Replies)
}

// startPush schedules the daily push, and runs it now if the process was
// down when it was due today (within push.catch_up).
func (a *app) startPush(ctx context.Context) {
	cfg := a.cfg.Load()
	next := 0
	a.push.Progress = func(done, total int) {
		a.obs.pushRemaining.Set(float64(total - done))
		if done == 0 { // a new run begins
			next = 0
		}
		if done >= next || done == total {
			// About ten lines a run, whatever its size (every 5,000 said
			// nothing between the first batch and the end of a small one).
			a.log.Info("daily push progress", "done", done, "of", total)
			next = done + max(total/10, 16)
		}
	}
	if _, err := a.sched.Set(cfg.Push.Schedule, cfg.location); err != nil {
		a.log.Error("daily push not scheduled", "err", err)
		return
	}
	a.sched.Start()
	// The gauge of the last day pushed, as this replica finds it: started
	// after the day's push, it had said 0 until the next day's, and an alert
	// on it fired on every replica a deploy restarted (a hostile run's
	// find).
	now := time.Now()
	for _, day := range []string{cfg.today(now), cfg.today(now.AddDate(0, 0, -1))} {
		if a.notePushDone(ctx, day) {
			break
		}
	}
	if due, missed := jobs.MissedRun(cfg.Push.Schedule, cfg.location, now, cfg.Push.CatchUp); !due.IsZero() {
		day := cfg.today(due)
		state, note, err := a.store.PushRun(ctx, day)
		switch {
		case err != nil:
		case state == store.Done:
			// Going live is usually a restart (the AppSecret in the
			// environment): a day rehearsed in log mode is done, and the
			// start had said nothing (an on-call run's find).
			if pushSends(cfg.Push.Mode) {
				a.warnRehearsedToday(ctx, cfg, "serve started in push.mode "+cfg.Push.Mode)
			}
		case missed && state == store.Stopped && jobs.HaltedForAll(note):
			a.log.Warn("daily push was due while mpbot was down, and stopped earlier; not run again here (mpbot push --date continues it)", "due", due, "note", note)
		case missed && state == "" && a.pushedJustBefore(ctx, day, due):
		case missed:
			a.log.Info("daily push was due while mpbot was down; running it now", "due", due)
			a.sched.RunNow()
		case cfg.Push.Mode == jobs.ModeOff || cfg.Push.Mode != jobs.ModeBroadcast && a.noFollowers(ctx):
			// Nobody to send to (a new store's first start: it had been
			// told of a day missed while down: a review's find); a mass
			// send goes to the whole account, whatever the store holds (a
			// re-check's find).
		default:
			// Past catch_up the day is not run, and is said, as a reload
			// says it (a start had said nothing, and the day went unsent:
			// a push run's find).
			what := "not pushed"
			if state != "" {
				what = "not finished (" + string(state) + ")"
			}
			a.log.Warn("daily push was due while mpbot was down, longer ago than push.catch_up, and the day is "+what+": it does not run by itself; send it with `mpbot push --date "+day+"`", "due", due, "catch_up", cfg.Push.CatchUp)
		}
	}
}

// probeLine is a reason as a health check's line says it: one line, cut.
func probeLine(why string) string { return bot.Cut(strings.Join(strings.Fields(why), " "), 300) }

// noFollowers reports whether the store surely has no follower to push to.
func (a *app) noFollowers(ctx context.Context) bool {
	n, err := a.store.FollowingCount(ctx)
	return err == nil && n == 0
}

// seePushDone looks, at most every pushDoneLook, whether today's push is
// done in the store, by another process: a day sent by hand (`mpbot push
// --date`, as push status advises for a missed one) left the gauge a day
// behind on every replica, and the alert on it firing (a newcomer run's
// find).
func (a *app) seePushDone(ctx context.Context) {
	now := time.Now()
	if last := a.pushDoneLooked.Load(); last != 0 && now.Sub(time.Unix(0, last)) < pushDoneLook {
		return
	}
	a.pushDoneLooked.Store(now.UnixNano())
	cfg := a.cfg.Load()
	if t, err := time.ParseInLocation(content.DateLayout, cfg.today(now), cfg.location); err == nil && a.pushDoneDay.Load() < t.Unix() {
		// Bounded: a hung store had held every scrape past Prometheus's
		// timeout, the replica's metrics lost for the outage (a review's
		// find).
		ctx, cancel := context.WithTimeout(ctx, pushDoneAsk)
		defer cancel()
		a.notePushDone(ctx, cfg.today(now))
	}
}

// pushDoneLook is how often a scrape of /metrics asks the store, and
// pushDoneAsk how long it waits for the answer.
const (
	pushDoneLook = 10 * time.Second
	pushDoneAsk  = 500 * time.Millisecond
)

// notePushDone sets the gauge of the last day pushed to day when the
// store has its push done, and reports whether it has.
func (a *app) notePushDone(ctx context.Context, day string) bool {
	state, _, err := a.store.PushRun(ctx, day)
	if err != nil || state != store.Done {
		return false
	}
	t, err := time.ParseInLocation(content.DateLayout, day, a.cfg.Load().location)
	if err != nil {
		return false
	}
	a.obs.pushDone.Set(float64(t.Unix()))
	a.pushDoneDay.Store(t.Unix())
	return true
}

// pushAfterReschedule looks at today after a reload moved the push (its
// schedule or its zone). A time today has already passed first fires
// tomorrow, so a day not pushed yet would get nothing, and nobody would
// be told. Within catchUp of that time the day's push runs now, as at
// start-up; beyond it the operator is told how to send it.
func (a *app) pushAfterReschedule(ctx context.Context, cfg *Config, catchUp time.Duration) {
	due, missed := jobs.MissedRun(cfg.Push.Schedule, cfg.location, time.Now(), catchUp)
	if due.IsZero() {
		return // not due yet today: the schedule fires today
	}
	day := cfg.today(due)
	state, _, err := a.store.PushRun(ctx, day)
	switch {
	case err != nil:
		a.log.Error("push schedule changed to a time today has passed; whether today's push ran is unknown", "err", err)
	case state == store.Done:
		// Today's push ran: nothing was skipped.
	case state == "" && a.pushedJustBefore(ctx, day, due):
	case state != "" && missed:
		// Another replica runs it (or ran it and stopped, or died): this
		// one does what the schedule firing would have had it do, stand
		// by to take the day over or continue it. Left alone, a replica
		// dying mid-push had nobody to finish its day.
		a.sched.RunNow()
	case state != "":
		a.log.Warn("push schedule changed to a time today has passed, longer ago than push.catch_up, on a day not finished ("+string(state)+"): it is not continued by itself; continue it with `mpbot push --date "+day+"`", "due", due, "catch_up", catchUp)
	case missed:
		a.log.Info("push schedule changed to a time today has passed; running today's push now", "due", due)
		a.sched.RunNow()
	default:
		a.log.Warn("push schedule changed to a time today has passed, longer ago than push.catch_up: today's push will not run by itself; send it with `mpbot push --date "+day+"`", "due", due, "catch_up", catchUp)
	}
}

// recentPush is how long after a push began another day's is not run by
// itself, nor advised, when a change of the schedule's zone makes it due.
const recentPush = 20 * time.Hour

// pushedJustBefore reports, and says, that a later day's push began
// less than recentPush ago, when day's, never run, is due after a change of
// push.timezone (at a reload or while down): push.timezone moved "today"
// back to a day not pushed just after the day before went out, and run or
// advised, that was a second reading within the hour (an on-call run's
// find). Unknown (the store failing) is not so: the day is run as before.
func (a *app) pushedJustBefore(ctx context.Context, day string, due time.Time) bool {
	from, err := time.Parse("2006-01-02", day)
	if err != nil {
		return false
	}
	runs, err := a.store.Runs(ctx, from.AddDate(0, 0, -2).Format("2006-01-02"))
	if err != nil {
		return false
	}
	// A later day's: the zone moved "today" back behind a day pushed. An
	// earlier day's run (yesterday's rerun by push --date) is no such
	// thing, and had kept a start's catch-up from sending today (a
	// re-check's find).
	var last store.Run
	for _, r := range runs {
		if r.Day > day && r.Started.After(last.Started) {
			last = r
		}
	}
	if time.Since(last.Started) >= recentPush {
		return false
	}
	a.log.Warn("the push of "+day+" is due (its time passed) and was never run, but the push of "+last.Day+" began "+time.Since(last.Started).Round(time.Minute).String()+" ago: not run now, a second reading so soon; `mpbot push --date "+day+"` sends it if followers should have both",
		"due", due, "last_push", last.Started)
	return true
}

// runPush runs the day's push. While another replica holds it, this one
// waits and tries again every half lease: if the holder dies mid-push, its
// lease runs out and this replica finishes the day from the ledger.
func (a *app) runPush(ctx context.Context) {
	// The day is fixed when the run is due: a replica still standing by
	// after midnight must not start the next day's push early.
	day := a.cfg.Load().today(time.Now())
	// One run of a day at a time in a process: the lease is the process's,
	// so a second (a reload moving the push while the caught-up run
	// sends) would hold it too. Another day's run is no such second.
	if !a.pushing.start(day) {
		a.log.Info("daily push: this process is already running the day; not started again", "day", day)
		return
	}
	defer a.pushing.end(day)
	waiting := false
	for {
		// A run (this replica's before a restart, or the holder's it
		// stands by for) ended the day early for a cause that holds here
		// too (WeChat's quota, the IP whitelist): running it again would
		// only meet it again, once per replica and restart. Any other stop
		// (a shutdown, failed deliveries, a store error), or a holder that
		// died (its run still "running"), is taken over.
		state, note, err := a.store.PushRun(ctx, day)
		if err == nil && state == store.Stopped && jobs.HaltedForAll(note) {
			a.log.Warn("daily push: stopped earlier; not run again here (mpbot push status says why, mpbot push --date continues it)", "day", day, "note", note)
			return
		}
		res, err := a.push.Run(ctx, jobs.RunOptions{Day: day})
		a.obs.pushRemaining.Set(0) // a run stopped early (a quota, a shutdown) is not running
		if errors.Is(err, store.ErrLeaseHeld) {
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
		case errors.Is(err, jobs.ErrPushOff):
			a.log.Info("daily push: off (push.mode: off); nothing chosen or sent", "day", day)
		case errors.Is(err, store.ErrPushDone):
			// Finished before this firing: by another replica, while this
			// one stood by or before it started (replicas started
			// together, a catch-up), or by this process at an earlier
			// firing today (a schedule of two times; it had named another
			// process: a push run's find).
			a.log.Info("daily push: the day was finished already; nothing to send", "day", day)
		default:
			// With what this run did and what continues it: a replica cut
			// off from its store had said the error alone (a fleet run's
			// find). A takeover only of a run begun: one failing before it
			// took the day (no AppSecret) had promised one on a machine
			// alone (a re-check's find).
			next := "`mpbot push --date " + day + "` continues it (`mpbot push status --date " + day + "` counts what the ledger holds)"
			switch state, _, serr := a.store.PushRun(ctx, day); {
			case serr == nil && state == "":
				next = "no run began: `mpbot push --date " + day + "` sends it once the cause is mended"
			case serr != nil || state == store.Running:
				next = "a replica standing by takes the day over once this one's lease runs out; " + next
			}
			attrs := append([]any{"day", day, "err", err, "sent", res.Sent}, jobs.ByReason("failed", res.Failed)...)
			a.log.Error("daily push failed; "+next, append(attrs, "of", res.Pending)...)
		}
		a.notePushDone(ctx, day)
		return
	}
}

// runningDays are the days whose push runs in this process.
type runningDays struct {
	mu   sync.Mutex
	days map[string]bool
}

func (r *runningDays) start(day string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.days[day] {
		return false
	}
	if r.days == nil {
		r.days = map[string]bool{}
	}
	r.days[day] = true
	return true
}

func (r *runningDays) end(day string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	delete(r.days, day)
}

// run serves until ctx ends, then drains in-flight requests, the push's
// calls under way and late replies.
func (a *app) run(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{
		Handler:           a.routes(),
		ReadHeaderTimeout: 5 * time.Second,
		// WeChat waits 5 s for a reply: a request still arriving after
		// that is nobody's, and held shutdown (its budget 9 s by default).
		ReadTimeout:  5 * time.Second,
		WriteTimeout: 10 * time.Second,
		IdleTimeout:  time.Minute,
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		// The listener failed: the push stops before the store closes.
		sctx, cancel := context.WithTimeout(context.Background(), a.cfg.Load().Server.ShutdownTimeout)
		defer cancel()
		if serr := a.sched.Stop(sctx); serr != nil {
			a.log.Warn("daily push still running at shutdown", "err", serr)
		}
		return err
	case <-ctx.Done():
	}
	a.log.Info("shutting down")
	// Everything from here to the end of close fits in shutdown_timeout:
	// requests under way and the push get all but a tenth of it (at most a
	// second), closing the store and saving the index the rest.
	timeout := a.cfg.Load().Server.ShutdownTimeout
	a.shutdownBy = time.Now().Add(timeout)
	sctx, cancel := context.WithDeadline(context.Background(), a.shutdownBy.Add(-min(timeout/10, time.Second)))
	defer cancel()
	if err := a.sched.Stop(sctx); err != nil {
		a.log.Warn("daily push still running at shutdown", "err", err)
	}
	err := srv.Shutdown(sctx)
	<-errc
	if werr := a.handler.Wait(sctx); werr != nil {
		a.log.Warn("late replies still being delivered at shutdown", "err", werr)
	}
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	if errors.Is(err, context.DeadlineExceeded) {
		// Said as what it means for followers, not as a context error.
		err = fmt.Errorf("webhook calls still running after server.shutdown_timeout (%v) were abandoned: their followers may get no reply", timeout)
	}
	return err
}

// routes is the HTTP surface: the webhook, metrics and health checks.
func (a *app) routes() http.Handler {
	mux := http.NewServeMux()
	mux.Handle(a.cfg.Load().Server.Path, withRequestID(a.handler))
	metrics := a.obs.handler()
	mux.HandleFunc("GET /metrics", func(w http.ResponseWriter, r *http.Request) {
		a.seePushDone(r.Context())
		metrics.ServeHTTP(w, r)
	})
	// A replica stays ready and live while the store or Redis is
	// unreachable: searches are answered from the index in memory, and
	// every replica shares the one PostgreSQL and the one Redis, so a load
	// balancer dropping the unready would drop them all at once, and a
	// liveness probe restart them into a start that fails while the store
	// is down (an operator run's find: both answered 503 on every replica
	// while they answered searches). What is degraded is said, with why.
	//
	// The store and Redis are asked side by side, each within healthWait:
	// a store that hangs had spent the probe's whole time before Redis was
	// asked, which then read as unreachable too, and the probe took 2 s,
	// over a Kubernetes probe's default second (a hostile run's finds).
	degraded := func(ctx context.Context, w io.Writer) {
		ctx, cancel := context.WithTimeoutCause(ctx, healthWait, errHealthWait)
		defer cancel()
		// A ping still unanswered at the check's deadline is said as that
		// (the store or Redis hangs), not as the client's i/o timeout or
		// a context error, which read alike for a refusal. The client's
		// connection deadline may pass before the context's timer fires.
		deadline, _ := ctx.Deadline()
		ping := func(p func(context.Context) error) error {
			err := p(ctx)
			if err != nil && (context.Cause(ctx) == errHealthWait || !time.Now().Before(deadline)) {
				return errHealthWait
			}
			return err
		}
		var storeErr, redisErr error
		var wg sync.WaitGroup
		wg.Go(func() { storeErr = ping(a.store.Ping) })
		if a.redis != nil {
			wg.Go(func() { redisErr = ping(a.redis.Ping) })
		}
		wg.Wait()
		if storeErr != nil {
			a.storeDownLog.Do(func() {
				a.log.Error("health check: store unreachable (said once a minute while it lasts)", "err", storeErr)
			})
			fmt.Fprintf(w, "degraded: store unreachable (%v): searches answered from the index in memory; articles, the daily reading, lists and opt-outs wait for it\n", storeErr)
		}
		if redisErr != nil {
			fmt.Fprintf(w, "degraded: redis unreachable (%v): retries deduplicated in this replica only, numbered lists not shared\n", redisErr)
		}
		// Read but not written (a full disk, another process's lock): the
		// ping reads, and had said nothing (an ops run's find).
		if a.queries != nil && storeErr == nil {
			if err := a.queries.Refused(); err != nil {
				fmt.Fprintf(w, "degraded: the store refuses writes (%s): the query log waits, follows are queued, 订阅/退订 are not saved\n", probeLine(err.Error()))
			}
		}
		// A rejected edit: the probes had said ready, and only the log,
		// the metric and the console said the edit was not taken (an
		// operator run's find).
		if why := a.rejected.Load(); why != nil {
			serving := "the last good config serves"
			if a.cutAtStart.Load() != nil {
				// No good one: serve started on a file saved half-way
				// (a re-check's find: it said the last good config).
				serving = "the file serve started on, which looks saved half-way, serves as read"
			}
			fmt.Fprintf(w, "degraded: the config file's last edit is rejected (%s); %s\n", probeLine(*why), serving)
		} else if why := a.cutAtStart.Load(); why != nil {
			// No good config to serve at a start: the file is served as
			// read (it had said "the last good config serves": a
			// re-check's find).
			fmt.Fprintf(w, "degraded: the config file serve started on looks saved half-way (%s); it is served as read until saved again\n", probeLine(*why))
		}
	}
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "ready: %d articles indexed\n", a.library.Index().Len())
		degraded(r.Context(), w)
	})
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintln(w, "ok")
		degraded(r.Context(), w)
	})
	return mux
}

// healthWait is how long a health check waits for the store and Redis:
// under a probe's usual timeout of a second.
const healthWait = 800 * time.Millisecond

var errHealthWait = fmt.Errorf("no answer within the check's %v", healthWait)

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

// configWatcher reloads the config file when it has changed and then stayed
// unchanged for a moment: editors that save by truncating and writing, or by
// writing a temporary file and renaming it, produce several events, and a
// half-written file must never be applied.
//
// The path may be a symlink, or lead through one: an operator's link to a
// file kept elsewhere, or Kubernetes' ConfigMap volume (config.yaml →
// ..data/config.yaml, ..data → a timestamped directory swapped by a rename
// on each update). The watch covers every name along the way and the
// directory the file really is in, followed again after each change.
type configWatcher struct {
	fs      *fsnotify.Watcher
	done    chan struct{}
	watched map[string]os.FileInfo // directories, as they were when watched; follow's, then the loop's alone
}

// configSettle is how long the file must stay unchanged before a reload.
const configSettle = 300 * time.Millisecond

// configPoll is how often the file is read whatever the watch says: a
// watch holds a directory, not its name, and a directory replaced (a
// deploy renaming conf.new over conf, rm -rf conf and a new one) left it
// on the old one, reloading nothing ever again, without a word.
const configPoll = 2 * time.Second

// watchConfig calls reload after each settled change of path, until Close.
// startConfigWatch is how serve watches its config: watchConfig, which a
// test replaces with one that fails as a host out of inotify watches does.
var startConfigWatch = watchConfig

func watchConfig(path string, reload func(), log *slog.Logger) (*configWatcher, error) {
	fs, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		fs.Close()
		return nil, err
	}
	// Watch the directory: a rename-into-place replaces the file's inode,
	// which a watch on the file itself would lose.
	if err := fs.Add(filepath.Dir(abs)); err != nil {
		fs.Close()
		return nil, err
	}
	w := &configWatcher{fs: fs, done: make(chan struct{}), watched: map[string]os.FileInfo{}}
	if info, err := os.Stat(filepath.Dir(abs)); err == nil {
		w.watched[filepath.Dir(abs)] = info
	}
	// Read before the watch's goroutine starts: an edit made meanwhile
	// is a change to reload, not the state to compare with.
	names, last := w.follow(abs, log), fileStamp(abs)
	go w.loop(abs, names, last, reload, log)
	return w, nil
}

// follow returns the names whose change may change what path reads: path,
// every symlink on the way (a link to the file, or a directory component
// that is a link, such as a deploy's current → releases/v2), where each
// leads, and the file path resolves to. It watches the directories holding
// them and drops the watches of directories no longer on the way.
func (w *configWatcher) follow(path string, log *slog.Logger) map[string]bool {
	names := map[string]bool{path: true}
	dirs := map[string]bool{filepath.Dir(path): true}
	var walk func(p string, depth int)
	walk = func(p string, depth int) {
		if depth > 16 { // a longer chain is a loop
			return
		}
		for at := p; at != filepath.Dir(at); at = filepath.Dir(at) {
			info, err := os.Lstat(at)
			if err != nil || info.Mode()&os.ModeSymlink == 0 {
				continue
			}
			target, err := os.Readlink(at)
			if err != nil {
				continue
			}
			if !filepath.IsAbs(target) {
				target = filepath.Join(filepath.Dir(at), target)
			}
			names[at], names[target] = true, true
			dirs[filepath.Dir(at)], dirs[filepath.Dir(target)] = true, true
			walk(target, depth+1)
		}
	}
	walk(path, 0)
	if real, err := filepath.EvalSymlinks(path); err == nil {
		names[real] = true
		dirs[filepath.Dir(real)] = true
	}
	for d := range dirs {
		info, err := os.Stat(d)
		if was, ok := w.watched[d]; ok && err == nil && os.SameFile(was, info) {
			continue
		}
		if err != nil {
			continue // gone: the poll finds the file when it is back
		}
		w.fs.Remove(d) // the directory the name held before, if any
		if err := w.fs.Add(d); err != nil {
			log.Warn("config watch", "dir", d, "err", err)
			continue
		}
		w.watched[d] = info
	}
	for d := range w.watched {
		if !dirs[d] {
			w.fs.Remove(d) // gone already, when its directory was deleted
			delete(w.watched, d)
		}
	}
	return names
}

func (w *configWatcher) loop(path string, names map[string]bool, last string, reload func(), log *slog.Logger) {
	defer close(w.done)
	settle := time.NewTimer(time.Hour)
	settle.Stop()
	defer settle.Stop()
	poll := time.NewTicker(configPoll)
	defer poll.Stop()
	for {
		select {
		case <-poll.C:
			if fileStamp(path) != last {
				settle.Reset(configSettle)
			}
		case ev, ok := <-w.fs.Events:
			if !ok {
				return
			}
			// Only the config's own names: the directory may hold files
			// that change all the time (a store), and each event would
			// put the reload off.
			if names[filepath.Clean(ev.Name)] {
				settle.Reset(configSettle)
			}
		case err, ok := <-w.fs.Errors:
			if !ok {
				return
			}
			log.Warn("config watch", "err", err)
		case <-settle.C:
			names = w.follow(path, log) // a swapped link leads elsewhere now
			// Saving the same bytes again (or touching the file) is not a
			// change worth a reload and its log lines.
			if now := fileStamp(path); now != last {
				last = now
				reload()
			}
		}
	}
}

// fileStamp identifies a file's content.
func fileStamp(path string) string {
	data, err := os.ReadFile(path)
	if err != nil {
		return "missing"
	}
	return stampOf(data)
}

// stampOf is fileStamp of a file holding data.
func stampOf(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// Close stops the watcher and waits for it.
func (w *configWatcher) Close() error {
	err := w.fs.Close()
	<-w.done
	return err
}
