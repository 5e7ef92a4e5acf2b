// Package insights is the operators' view of what followers ask: the query
// log (every message, with how the bot answered, written in batches off the
// reply path), followers' votes (a number chosen from a list raises that
// article for the same question), and the report built from them.
package insights

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"hash"
	"io"
	"log/slog"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"mpbot/bot"
	"mpbot/store"
)

// Config is the insights section of the config.
type Config struct {
	// Key keys the hash that stands for a follower in the log. Without
	// one, a random key per process is used: the log still says how many
	// followers asked, but not across restarts.
	Key       string
	Retention time.Duration // how long the log is kept
}

// Log is the query log: it takes what happened with each message
// (bot.Events) and writes it in batches, keeping the follower only as a
// keyed hash. It records votes from follow-ups and prunes what is older
// than the retention.
type Log struct {
	store   *store.Store
	cfg     Config
	key     []byte
	log     *slog.Logger
	votes   *Votes
	in      chan bot.Event
	done    chan struct{}
	dropped atomic.Int64
	now     func() time.Time
	hasher  hash.Hash // the writer's HMAC
	noVotes bool      // no stable key: a follower's votes could not be told apart
	// closing guards in against a Record after Close.
	closing sync.RWMutex
	closed  bool
	final   context.Context // Close's, for the last write
	// run is the writes' context: cancelled at Close's deadline, so that
	// a write stuck on a locked table does not outlive the shutdown.
	run    context.Context
	stop   context.CancelFunc
	record func(context.Context, []store.Query) error
	// refused is the store's error while it refuses the log's writes.
	refused atomic.Pointer[error]
}

var _ bot.Events = (*Log)(nil)

// Refused is the store's error while it refuses the log's writes (a full
// disk, another process holding its lock), nil while it takes them: the
// health checks say it (a full disk had shown only in the log's error
// lines: an ops run's find).
func (l *Log) Refused() error {
	if err := l.refused.Load(); err != nil {
		return *err
	}
	return nil
}

// Timing of the writer: a batch at least every second (or every
// logBatch events), the votes reread every minute (other replicas vote
// too), the log pruned every hour.
const (
	logBatch    = 256
	flushEvery  = time.Second
	reloadEvery = time.Minute
	pruneEvery  = time.Hour
)

// Open loads the votes and starts the writer; Close stops it.
func Open(ctx context.Context, st *store.Store, cfg Config, log *slog.Logger) (*Log, error) {
	l := &Log{store: st, cfg: cfg, log: log, votes: NewVotes(time.Now), in: make(chan bot.Event, 4*logBatch),
		done: make(chan struct{}), now: time.Now, record: st.RecordQueries}
	l.run, l.stop = context.WithCancel(context.Background())
	if cfg.Key != "" {
		l.key = []byte(cfg.Key)
	} else {
		l.key, l.noVotes = []byte(rand.Text()), true
		log.Warn("insights.key is empty (MPBOT_INSIGHTS_KEY): followers are hashed with a key of this process's own, so reports cannot count the same follower across restarts, and choices from lists are not kept as votes (a follower would vote once per process)")
	}
	if err := l.reloadVotes(ctx); err != nil {
		return nil, err
	}
	go l.loop()
	return l, nil
}

// Votes is what followers chose, for the bot.
func (l *Log) Votes() *Votes { return l.votes }

// Follower is the hash that stands for an openid in the log.
func (l *Log) Follower(openid string) string {
	return follower(hmac.New(sha256.New, l.key), openid)
}

// FollowerOf is the hash that stands for an openid in a log kept with key
// (insights.key), for a report made outside serve; nil without a key.
func FollowerOf(key string) func(openid string) string {
	if key == "" {
		return nil
	}
	return func(openid string) string { return follower(hmac.New(sha256.New, []byte(key)), openid) }
}

// follower hashes openid with m, a keyed HMAC the caller owns (the writer
// keeps one rather than building one per message).
func follower(m hash.Hash, openid string) string {
	m.Reset()
	io.WriteString(m, openid)
	var sum [sha256.Size]byte
	return hex.EncodeToString(m.Sum(sum[:0])[:12])
}

// Record implements bot.Events. It never waits: when the writer is behind,
// the event is dropped and counted, and the reply goes on.
func (l *Log) Record(_ context.Context, e bot.Event) {
	l.closing.RLock()
	defer l.closing.RUnlock()
	if l.closed { // a reply finishing after shutdown began
		l.dropped.Add(1)
		return
	}
	select {
	case l.in <- e:
	default:
		if l.dropped.Add(1) == 1 {
			l.log.Warn("query log behind; dropping entries")
		}
	}
}

// Close writes what is queued, within ctx, and stops the writer.
func (l *Log) Close(ctx context.Context) {
	l.closing.Lock()
	if !l.closed {
		l.closed = true
		l.final = ctx
		close(l.in)
	}
	l.closing.Unlock()
	// A write under way finishes (cut off, it could leave a batch's
	// queries logged and its votes not), unless it is still stuck at
	// Close's deadline, when it gives up.
	atDeadline := context.AfterFunc(ctx, l.stop)
	<-l.done
	atDeadline()
	l.stop()
}

// maxPending bounds the entries kept while the store refuses them; the
// oldest go first, counted as dropped.
const maxPending = 16 * logBatch

func (l *Log) loop() {
	defer close(l.done)
	flush, reload, prune := time.NewTicker(flushEvery), time.NewTicker(reloadEvery), time.NewTicker(pruneEvery)
	defer flush.Stop()
	defer reload.Stop()
	defer prune.Stop()
	var pending []bot.Event
	failing := false
	// write logs what is pending; what the store refuses stays for the
	// next write.
	write := func(ctx context.Context) {
		if len(pending) == 0 {
			return
		}
		if err := l.write(ctx, pending); err != nil {
			l.refused.Store(&err)
			if !failing {
				l.log.Error("write the query log; will retry", "entries", len(pending), "err", err)
				failing = true
			}
			if over := len(pending) - maxPending; over > 0 {
				l.dropped.Add(int64(over))
				pending = slices.Delete(pending, 0, over)
			}
			return
		}
		l.refused.Store(nil)
		if failing {
			l.log.Info("query log written again", "entries", len(pending))
			failing = false
		}
		pending = pending[:0]
	}
	l.prune()
	for {
		select {
		case e, ok := <-l.in:
			if !ok {
				write(l.final)
				if len(pending) > 0 {
					l.log.Error("query log entries not written before shutdown", "entries", len(pending))
				}
				return
			}
			if pending = append(pending, e); len(pending) >= logBatch && !failing {
				write(l.run)
			}
		case <-flush.C:
			write(l.run)
		case <-reload.C:
			if err := l.reloadVotes(l.run); err != nil {
				l.log.Error("reread followers' votes", "err", err)
			}
		case <-prune.C:
			l.prune()
		}
	}
}

// write logs a batch and records the votes in it. An error means the
// batch was not logged (votes that fail after it are only reported).
func (l *Log) write(ctx context.Context, events []bot.Event) error {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	qs := make([]store.Query, len(events))
	var votes []store.Vote
	if l.hasher == nil {
		l.hasher = hmac.New(sha256.New, l.key)
	}
	var buf []byte
	for i, e := range events {
		hits, ok := appendHits(buf[:0], e.Hits)
		buf = hits
		if !ok {
			hits = nil // as json.Marshal's error left it
		}
		follower := follower(l.hasher, e.From)
		qs[i] = store.Query{At: e.At, Follower: follower, Kind: string(e.Kind), Text: bot.Cut(e.Text, maxLoggedRunes), Outcome: string(e.Outcome),
			Rule: e.Rule, Key: e.Key, Number: e.Number, Article: e.Article, Question: bot.Cut(e.Query, maxLoggedRunes), Hits: string(hits), Latency: e.Latency}
		if e.Outcome == bot.OutcomeFollowUp && e.Rule == "" && e.Query != "" && e.Article != "" && !l.noVotes { // a search's list
			votes = append(votes, store.Vote{Question: bot.Cut(e.Query, maxLoggedRunes), Article: e.Article, Follower: follower, At: e.At})
		}
	}
	if err := l.record(ctx, qs); err != nil {
		return err
	}
	if len(votes) == 0 {
		return nil
	}
	if err := l.store.RecordVotes(ctx, votes); err != nil {
		l.log.Error("record followers' votes", "votes", len(votes), "err", err)
	}
	for _, v := range votes {
		l.votes.add(v)
	}
	return nil
}

func (l *Log) reloadVotes(ctx context.Context) error {
	vs, err := l.store.Votes(ctx)
	if err != nil {
		return err
	}
	l.votes.replace(vs)
	return nil
}

// prune deletes what is older than the retention.
func (l *Log) prune() {
	if l.cfg.Retention <= 0 {
		return
	}
	ctx, cancel := context.WithTimeout(l.run, time.Minute)
	defer cancel()
	n, err := l.store.PruneQueries(ctx, l.now().Add(-l.cfg.Retention))
	switch {
	case err != nil:
		l.log.Error("prune the query log", "err", err)
	case n > 0:
		l.log.Info("query log pruned", "entries", n, "retention", l.cfg.Retention)
	}
}

// maxLoggedRunes is how much of a message the log keeps: what search reads
// of it and more. A follower decides a message's length (40,000 characters
// of pasted text); every report and console page reads each logged text,
// segmenting it, so what is kept bounds what they cost.
const maxLoggedRunes = 1024
