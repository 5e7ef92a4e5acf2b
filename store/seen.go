package store

import (
	"context"
	"log/slog"
	"maps"
	"slices"
	"sync"
	"time"
)

// SeenWriter records "this follower wrote to us" in batches. It is on the
// path of every message, where one store write each would serialise the
// replies on SQLite's single writer; a batch a fraction of a second later
// costs one transaction for many messages. A crash loses at most the last
// unflushed batch of last-seen times, never a subscription or an opt-out.
//
// It also holds what the store refused while down or locked and WeChat will
// not send again: a follow (as a follower seen) and an unfollow
// (FollowerLeft), retried with each flush until the store takes them.
type SeenWriter struct {
	store *Store
	log   *slog.Logger
	in    chan seen
	done  chan struct{}
	// closing guards in: a handler still answering after Close writes
	// directly instead of sending on a closed channel.
	closing sync.RWMutex
	closed  bool
	final   context.Context // Close's, for the last flush
	write   func(context.Context, map[string]time.Time) error
	left    func(context.Context, map[string]time.Time) error
	joined  func(context.Context, map[string]Joined) error
	// run is the flushes' context: cancelled at Close's deadline, so that
	// a flush stuck on a locked table does not outlive the shutdown.
	run  context.Context
	stop context.CancelFunc
}

type seen struct {
	openid string
	at     time.Time
	left   bool   // unfollowed at at, not a message
	joined bool   // followed at at, through scene
	scene  string // ... the channel's
}

// Joined is a follow the store refused, recorded once it takes writes.
type Joined struct {
	At    time.Time
	Scene string
}

// seenFlushTimeout bounds one flush, as the query log's writes are.
var seenFlushTimeout = 30 * time.Second

// seenBatch is the most updates one transaction takes.
const seenBatch = 512

// NewSeenWriter starts a writer flushing at least every interval.
func (s *Store) NewSeenWriter(interval time.Duration, log *slog.Logger) *SeenWriter {
	w := &SeenWriter{store: s, log: log, in: make(chan seen, 4*seenBatch), done: make(chan struct{}), write: s.followersSeen, left: s.followersLeftAt,
		joined: s.followersJoinedAt}
	w.run, w.stop = context.WithCancel(context.Background())
	go w.loop(interval)
	return w
}

// FollowerSeen queues the update; when the queue is full it writes at once.
func (w *SeenWriter) FollowerSeen(ctx context.Context, openid string, at time.Time) error {
	return w.queue(seen{openid: openid, at: at}, func() error { return w.store.FollowerSeen(ctx, openid, at) })
}

// queue hands s to the writer, or, when the writer is closed or its queue
// full, writes it at once.
func (w *SeenWriter) queue(s seen, now func() error) error {
	w.closing.RLock()
	defer w.closing.RUnlock()
	if !w.closed {
		select {
		case w.in <- s:
			return nil
		default:
		}
	}
	return now()
}

// FollowerLeft queues an unfollow the store refused, to be recorded once
// it takes writes again, unless the follower came back meanwhile (a hostile
// run's find: an unfollow during an outage was logged and lost, WeChat
// having been answered; the follower stayed subscribed with their data).
func (w *SeenWriter) FollowerLeft(ctx context.Context, openid string, at time.Time) error {
	return w.queue(seen{openid: openid, at: at, left: true}, func() error { return w.left(ctx, map[string]time.Time{openid: at}) })
}

// FollowerJoined queues a follow the store refused, with its time and
// channel, to be recorded once it takes writes again, unless the follower
// left meanwhile (queued as a follower seen, the follow had been recorded
// without its time, counted a follower all along by a past day's push, and
// without its channel: a fleet run's find).
func (w *SeenWriter) FollowerJoined(ctx context.Context, openid, scene string, at time.Time) error {
	return w.queue(seen{openid: openid, at: at, joined: true, scene: scene},
		func() error { return w.joined(ctx, map[string]Joined{openid: {at, scene}}) })
}

// Close writes what is queued, within ctx, and stops the writer.
func (w *SeenWriter) Close(ctx context.Context) {
	w.closing.Lock()
	if !w.closed {
		w.closed = true
		w.final = ctx
		close(w.in)
	}
	w.closing.Unlock()
	// A flush under way finishes, unless it is still stuck at Close's
	// deadline, when it gives up and the last one runs (and fails) within
	// what is left.
	atDeadline := context.AfterFunc(ctx, w.stop)
	<-w.done
	atDeadline()
	w.stop()
}

// seenGrain is how far apart two messages of a follower must be for the
// later to be written: the last message's time opens WeChat's 48-hour
// window and says who is active, where a minute is nothing, and a follower
// writing five messages in a row had cost five upserts (a fleet's
// PostgreSQL spent a quarter of its load on them). The time kept lags the
// true one by less than seenGrain.
const seenGrain = time.Minute

// maxSeenWritten bounds what the writer remembers of the times it wrote:
// past it, the memory starts again, and a follower's next message is
// written at once.
const maxSeenWritten = 20_000

// maxSeenPending bounds what the writer holds while the store refuses it
// (a long import holding SQLite's lock, PostgreSQL away): beyond it, the
// oldest news of a follower's last message is the least worth keeping.
const maxSeenPending = 100_000

func (w *SeenWriter) loop(interval time.Duration) {
	defer close(w.done)
	t := time.NewTicker(interval)
	defer t.Stop()
	pending := map[string]time.Time{}
	leaving := map[string]time.Time{} // unfollows the store refused
	joining := map[string]Joined{}    // follows the store refused
	joinFailing := false
	written := map[string]time.Time{} // what was last written of each follower, by this writer
	failing, leftFailing := false, false
	// flush writes what is pending; what the store refuses stays for the
	// next flush.
	flush := func(ctx context.Context) {
		// Before the messages, which would record a follower without
		// the time they followed.
		if len(joining) > 0 {
			if recordBatch(ctx, w.log, joining, w.joined, "followers who followed", &joinFailing) {
				w.log.Info("followers who followed while the store refused it recorded", "count", len(joining))
				clear(joining)
			} else {
				// The store refuses: the messages wait too, bounded, and
				// no batch's size starts another flush before the next
				// tick (a review's find: each message past a batch had).
				failing = true
				if len(pending) > maxSeenPending {
					w.log.Error("dropping followers' last messages the store would not take", "count", len(pending))
					clear(pending)
				}
				return
			}
		}
		defer func() {
			// After the last messages: a message queued before the
			// unfollow is then no follow again.
			if len(leaving) > 0 && recordBatch(ctx, w.log, leaving, w.left, "followers who left", &leftFailing) {
				w.log.Info("followers who left while the store refused it recorded", "count", len(leaving))
				clear(leaving)
			}
		}()
		if len(pending) == 0 {
			return
		}
		if !recordBatch(ctx, w.log, pending, w.write, "followers' last messages", &failing) {
			if len(pending) > maxSeenPending {
				w.log.Error("dropping followers' last messages the store would not take", "count", len(pending))
				clear(pending)
			}
			return
		}
		if len(written)+len(pending) > maxSeenWritten {
			clear(written)
		}
		maps.Copy(written, pending)
		clear(pending)
	}
	for {
		select {
		case s, ok := <-w.in:
			if !ok {
				flush(w.final)
				if len(pending) > 0 {
					w.log.Error("followers' last messages not recorded before shutdown", "count", len(pending))
				}
				if len(joining) > 0 {
					ids := slices.Sorted(maps.Keys(joining))
					w.log.Error("followers who followed not recorded before shutdown", "count", len(ids), "openids", ids[:min(len(ids), 20)])
				}
				if len(leaving) > 0 {
					ids := slices.Sorted(maps.Keys(leaving))
					w.log.Error("followers who left not recorded before shutdown", "count", len(ids), "openids", ids[:min(len(ids), 20)])
				}
				return
			}
			if s.joined {
				if len(joining) >= maxSeenPending {
					w.log.Error("dropping a follower who followed: too many wait for the store", "openid", s.openid)
					continue
				}
				if s.at.After(joining[s.openid].At) {
					joining[s.openid] = Joined{s.at, s.scene}
				}
				continue
			}
			if s.left {
				if len(leaving) >= maxSeenPending {
					// Bounded as the last messages are: a store refusing
					// writes for that long is an outage the log has said.
					w.log.Error("dropping a follower who left: too many wait for the store", "openid", s.openid)
					continue
				}
				if s.at.After(leaving[s.openid]) {
					leaving[s.openid] = s.at
				}
				delete(written, s.openid) // a message after a return is written at once
				continue
			}
			if last, ok := written[s.openid]; ok && s.at.Sub(last) < seenGrain {
				continue
			}
			if s.at.After(pending[s.openid]) {
				pending[s.openid] = s.at
			}
			if len(pending) >= seenBatch && !failing {
				flush(w.run)
			}
		case <-t.C:
			flush(w.run)
		}
	}
}

// recordBatch writes m with write, bounded: a store that hangs (its
// connections open, nothing answering) is a failure to log, once until it
// works again, and retry, not a flush that waits for ever without a word (a
// fleet run's find).
func recordBatch[V any](ctx context.Context, log *slog.Logger, m map[string]V, write func(context.Context, map[string]V) error, what string, failing *bool) bool {
	fctx, cancel := context.WithTimeout(ctx, seenFlushTimeout)
	err := write(fctx, m)
	cancel()
	if err != nil {
		if !*failing {
			log.Error("record "+what+"; will retry", "count", len(m), "err", err)
			*failing = true
		}
		return false
	}
	if *failing {
		log.Info(what+" recorded again", "count", len(m))
		*failing = false
	}
	return true
}

// followersJoinedAt records follows the store refused when they came, in
// one transaction: each only if the follower did not leave or follow again
// since.
func (s *Store) followersJoinedAt(ctx context.Context, joined map[string]Joined) (err error) {
	defer failed(&err, "record %d followers who followed", len(joined))
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for _, id := range slices.Sorted(maps.Keys(joined)) {
		j := joined[id]
		if _, err := tx.ExecContext(ctx, joinedLate, id, ms(j.At), ms(j.At), j.Scene); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// joinedLate records a follow after the fact (openid, when, when, scene).
const joinedLate = `INSERT INTO followers (openid, subscribed, subscribed_at, unsubscribed_at, last_interaction_at, scene)
	VALUES (?, 1, ?, 0, ?, ?)
	ON CONFLICT(openid) DO UPDATE SET subscribed = 1, subscribed_at = excluded.subscribed_at, unsubscribed_at = 0,
	last_interaction_at = ` + laterInteraction + `, scene = excluded.scene
	WHERE followers.unsubscribed_at <= excluded.subscribed_at AND followers.subscribed_at <= excluded.subscribed_at`

// followersSeen records many last-seen times in one transaction.
func (s *Store) followersSeen(ctx context.Context, seen map[string]time.Time) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	// In openid order: two replicas flushing the same followers on
	// PostgreSQL then lock their rows in the same order, never crosswise.
	ids := slices.Sorted(maps.Keys(seen))
	args := make([]any, 0, 2*len(seen))
	for _, id := range ids {
		args = append(args, id, ms(seen[id]))
	}
	if err := tx.insertRows(ctx, `INSERT INTO followers (openid, subscribed, last_interaction_at) VALUES `, `(?, 1, ?)`, seenConflict, args); err != nil {
		return err
	}
	return tx.Commit()
}
