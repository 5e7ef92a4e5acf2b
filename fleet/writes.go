package fleet

import (
	"cmp"
	"context"
	"errors"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"
)

// A message costs this replica at most one Redis round trip. Its claim
// (SET NX GET) must be answered before the bot runs, but what the answer
// leaves behind — the reply kept for WeChat's retries, the follower's
// numbered list — need not hold anything up: those writes wait in a queue
// and go in the same pipeline as the next command this replica sends,
// usually the next message's claim. A queue nothing takes within
// flushAfter is sent on its own.
//
// Claims go out through one sender: a claim made while the sender waits
// for Redis's answer to the pipeline before goes in the next pipeline with
// the other claims made meanwhile, up to maxClaimsPerTrip; the rest go in
// the pipelines after it, back to back. A lone claim goes at once; under
// load several messages share a round trip, and each round trip costs both
// this process and Redis a write, a read and a wake-up or two, whatever it
// carries. If a round trip fails, every claim in it whose answer was not
// read fails; Close fails the claims not yet sent.
//
// Pipelines go out on several connections at once, so two of them may
// reach Redis in either order. Claims need no order (each message has its
// own key), but reads do, and so does forgetting a follower: a follower's
// list read (their "2"), a reply another replica waits for, or a list
// deleted when they unsubscribe must come after every write sent before.
// Those ordered round trips wait for the write pipelines under way and go
// alone (order: write pipelines hold it shared, ordered ones exclusively),
// and carry the queue themselves. Two lists for one follower within one
// round trip's time may still land in either order; a person cannot type
// that fast.

// write is a queued SET (or DEL): one command in a pipeline.
type write struct {
	key   string
	value []byte
	ttl   time.Duration
	del   bool
	list  bool // a follower's list: lost, its key goes stale (writeQueue.stale)
	// retire deletes a stale list only if it was written before at: a
	// list written since (by another replica, Redis answering it) is the
	// follower's newest, and stays (retireScript).
	retire bool
	// at, on a list's write, is the written_at it carries (or the time of
	// its deletion, or the retiring's bound): lost, the lists before it
	// retire, not those other replicas wrote between it and the failure
	// seen (a re-check's find).
	at int64
}

// Bounds of the queue.
const (
	defaultFlushAfter = 2 * time.Millisecond
	maxQueued         = 1024 // beyond this a writer sends the queue itself

	// maxClaimsPerTrip bounds the claims one pipeline carries; a burst
	// beyond it goes in the trips after. Under load a trip carries a few
	// (about four in the fleet benchmark: 16 senders, 0.25 round trips a
	// message), but nothing else bounds a burst, and one pipeline of
	// thousands of claims would fail all of them together when it fails,
	// hold up every other replica's commands while Redis runs it (a
	// pipeline's commands run back to back, 2.7 µs a SET in BENCHMARKS.md),
	// and need its whole answer read within one 0.5 s read timeout. 64
	// claims are under 0.2 ms of Redis's time (the queued writes riding
	// with them are bounded apart, by maxQueued).
	maxClaimsPerTrip = 64

	// maxStale bounds the follower lists kept to be deleted once Redis
	// answers again: an outage's lists, one key each (tens of bytes).
	maxStale = 100_000
)

type writeQueue struct {
	order   sync.RWMutex
	mu      sync.Mutex
	pending []write
	next    []*batch // commands for the sender's next round trips, oldest first
	closed  bool     // Close has begun: commands fail, the sender stops
	// stale are the keys of followers' lists whose last write did not
	// reach Redis (refused while it did not answer, or in a trip that
	// failed). The list before is still there, and once Redis is back a
	// number would open an article of it, a list the follower no longer
	// sees (a fleet run's find: 2 opened item 2 of the list before the
	// outage). They are deleted ahead of every write of the first trip
	// made while Redis answers; a newer write of a key takes it out.
	stale     map[string]int64 // key → when its last write was lost (unix ms)
	staleFull bool             // maxStale reached: said once
	kick      chan struct{}    // the queue went from empty to not, or a command came
	stop      chan struct{}
	done      chan struct{}
}

// batch is commands waiting for one of the sender's round trips, at most
// maxClaimsPerTrip, each added to its pipeline by its caller's function;
// done is closed once Redis has answered them (or the trip failed: each
// command holds its error), or with err set when they were never sent.
type batch struct {
	adds []func(redis.Pipeliner)
	err  error
	done chan struct{}
}

// enqueue queues w; with a full queue it sends the queue at once.
func (r *Redis) enqueue(ctx context.Context, w write) error {
	if w.del {
		// After every write before it, and before anything after it.
		r.q.mu.Lock()
		delete(r.q.stale, w.key)
		r.q.pending = append(r.q.pending, w)
		r.q.mu.Unlock()
		return r.roundTrip(ctx, nil, true)
	}
	r.q.mu.Lock()
	delete(r.q.stale, w.key)
	r.q.pending = append(r.q.pending, w)
	n := len(r.q.pending)
	r.q.mu.Unlock()
	switch {
	case n >= maxQueued:
		return r.roundTrip(ctx, nil, false)
	case n == 1:
		select {
		case r.q.kick <- struct{}{}:
		default:
		}
	}
	return nil
}

// roundTrip sends the queued writes and then, if queue is given, the
// commands it adds, in one pipeline; ordered, after every pipeline under
// way. The caller reads its own commands' results; failed writes are
// logged and counted here (the reply they belonged to has gone, so there
// is no one else to tell).
func (r *Redis) roundTrip(ctx context.Context, queue func(redis.Pipeliner), ordered bool) error {
	if ordered {
		r.q.order.Lock()
		defer r.q.order.Unlock()
	} else {
		r.q.order.RLock()
		defer r.q.order.RUnlock()
	}
	r.q.mu.Lock()
	if !r.failing.Load() {
		r.q.queueStale()
	}
	writes := r.q.pending
	r.q.pending = nil
	r.q.mu.Unlock()
	if len(writes) == 0 && queue == nil {
		return nil
	}
	if len(writes) > 0 {
		// The writes are others' too: a caller that hung up must not
		// drop them.
		ctx = context.WithoutCancel(ctx)
	}
	pipe := r.client.Pipeline()
	for _, w := range writes {
		switch {
		case w.retire:
			retireScript.Eval(ctx, pipe, []string{w.key}, w.at)
		case w.del:
			pipe.Del(ctx, w.key)
		default:
			pipe.Set(ctx, w.key, w.value, w.ttl)
		}
	}
	if queue != nil {
		queue(pipe)
	}
	cmds, err := pipe.Exec(ctx)
	failed := 0
	if len(writes) > 0 {
		var first error
		for i, w := range writes {
			var werr error
			if i < len(cmds) {
				werr = cmds[i].Err()
			} else {
				werr = cmp.Or(err, errors.New("not sent"))
			}
			if werr == nil {
				continue
			}
			failed++
			first = werr
			if w.list {
				r.staleList(w.key, cmp.Or(w.at, time.Now().UnixMilli()))
			}
		}
		if failed > 0 {
			r.lost.Add(int64(failed))
		}
		if failed > 0 && !r.failing.Load() { // an outage's are counted, and said once (setFailing)
			r.log.Warn("Redis writes failed: a retry of those messages on another replica may be answered again, and their followers' numbered lists are lost",
				"failed", failed, "of", len(writes), "err", first)
		}
	}
	// Unanswered (a timeout, a dropped connection: not Redis's own answer,
	// redis.Nil or an error reply), or writes refused: lists queued until a
	// trip goes through would be lost unseen (FollowUps.Put).
	// A caller whose own deadline ended the trip learnt nothing of Redis
	// (a review's find: a read made at the end of a message's budget
	// marked a healthy Redis as failing, and others' lists were refused).
	var reply redis.Error
	if ctx.Err() == nil {
		r.setFailing(err != nil && !errors.As(err, &reply) || failed > 0, cmp.Or(err, errors.New("writes refused")))
	}
	return err
}

// setFailing records whether Redis answers, and logs when that changes (a
// fleet run's find: its recovery went unsaid, while every message of the
// outage logged its own lines).
func (r *Redis) setFailing(failing bool, why error) {
	switch was := r.failing.Swap(failing); {
	case failing && !was:
		r.log.Warn("Redis not answering: retries deduplicated in each replica only, numbered lists not kept", "err", why)
		select { // the sender starts probing
		case r.q.kick <- struct{}{}:
		default:
		}
	case was && !failing:
		r.log.Info("Redis answers again: retries deduplicated and numbered lists shared across replicas again")
		// The lists lost meanwhile go stale now, not with the next
		// message this replica gets: another replica may get the number.
		// A batch of no command has the sender send them at once, not
		// flushAfter later (setFailing runs on the sender's goroutine too:
		// nothing here waits for it).
		r.q.mu.Lock()
		r.q.queueStale()
		if len(r.q.pending) > 0 && !r.q.closed {
			r.q.next = append(r.q.next, &batch{done: make(chan struct{})})
		}
		r.q.mu.Unlock()
		select {
		case r.q.kick <- struct{}{}:
		default:
		}
	}
}

// staleList records that a follower's list at key was not written at lost
// (unix ms; see writeQueue.stale).
func (r *Redis) staleList(key string, lost int64) {
	r.q.mu.Lock()
	defer r.q.mu.Unlock()
	if at, ok := r.q.stale[key]; ok {
		r.q.stale[key] = max(at, lost)
		return
	}
	if len(r.q.stale) >= maxStale {
		if !r.q.staleFull {
			r.q.staleFull = true
			r.log.Warn("Redis outage: more followers' lists lost than are kept to be deleted once it answers; the earliest of the rest may open for their numbers until they expire", "kept", maxStale)
		}
		return
	}
	if r.q.stale == nil {
		r.q.stale = map[string]int64{}
	}
	r.q.stale[key] = lost
}

// retireScript deletes the list at KEYS[1] unless it was written at
// ARGV[1] (unix ms) or later: a replica cut off alone while another kept
// the follower's next list had deleted that newer one, and the follower's
// number got "no list" (a re-check's find). A list of no time (the version
// before's) is older.
var retireScript = redis.NewScript(`
local v = redis.call("GET", KEYS[1])
if not v then return 0 end
local ok, list = pcall(cjson.decode, v)
if ok and type(list) == "table" and tonumber(list["written_at"] or 0) >= tonumber(ARGV[1]) then return 0 end
return redis.call("DEL", KEYS[1])`)

// queueStale puts a deletion of each stale list ahead of the queued
// writes (q.mu held): none of those is of a stale key, whose newer write
// took it out of stale.
func (q *writeQueue) queueStale() {
	if len(q.stale) == 0 {
		return
	}
	dels := make([]write, 0, len(q.stale)+len(q.pending))
	for key, lost := range q.stale {
		dels = append(dels, write{key: key, del: true, list: true, retire: true, at: lost})
	}
	q.pending = append(dels, q.pending...)
	q.stale, q.staleFull = nil, false
}

// send has the sender add a command to its next round trip with room for
// it, with the queued writes and the commands others sent meanwhile
// (unordered: see above), and waits for Redis's answer. add runs on the
// sender's goroutine; once send returns nil, the caller reads the results
// of the commands add made (a failed round trip leaves its error in each).
// An error means the command's results are not to be read: ctx ended first
// (the command may still go out), or the connection is closing
// (redis.ErrClosed: it never will).
func (r *Redis) send(ctx context.Context, add func(redis.Pipeliner)) error {
	r.q.mu.Lock()
	if r.q.closed {
		r.q.mu.Unlock()
		return redis.ErrClosed
	}
	var b *batch
	if n := len(r.q.next); n > 0 && len(r.q.next[n-1].adds) < maxClaimsPerTrip {
		b = r.q.next[n-1]
	} else {
		b = &batch{done: make(chan struct{})}
		r.q.next = append(r.q.next, b)
	}
	b.adds = append(b.adds, add)
	r.q.mu.Unlock()
	select {
	case r.q.kick <- struct{}{}:
	default:
	}
	select {
	case <-b.done:
		return b.err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// sender runs the sender until Close: the commands sent go out at once,
// one round trip at a time, each carrying the queued writes; writes with
// no command to ride with go out flushAfter after the queue stopped being
// empty. One kick may stand for several batches (kicks do not queue up),
// so the sender goes on until none waits.
func (r *Redis) sender() {
	defer close(r.q.done)
	for {
		// While Redis does not answer, it is asked every probeEvery, so
		// that its return is seen, and said, when it comes rather than
		// with the next message (an operator run's find: at a quiet hour
		// the log had it out for as long as nobody wrote).
		var probe <-chan time.Time
		if r.failing.Load() {
			probe = time.After(probeEvery)
		}
		select {
		case <-r.q.kick:
		case <-probe:
			r.probe()
			continue
		case <-r.q.stop:
			r.trip()
			return
		}
		commands, writes := r.q.waiting()
		switch {
		case commands:
		case writes:
			// Writes alone: they wait for a command to carry them. (A
			// kick may be left from a command that went with the trip
			// before.)
			t := time.NewTimer(time.Duration(r.flushAfter.Load()))
		wait:
			for {
				select {
				case <-t.C:
					break wait
				case <-r.q.stop:
					break wait
				case <-r.q.kick:
					if commands, _ := r.q.waiting(); commands {
						break wait
					}
				}
			}
			t.Stop()
		default:
			continue
		}
		for r.trip() {
		}
	}
}

// probeEvery is how often a Redis that does not answer is asked again.
const probeEvery = 500 * time.Millisecond

// probe pings Redis, and marks it answering when it does.
func (r *Redis) probe() {
	ctx, cancel := context.WithTimeout(context.Background(), probeEvery)
	defer cancel()
	if r.client.Ping(ctx).Err() == nil {
		r.setFailing(false, nil)
	}
}

// waiting reports whether commands wait for the sender, and writes for a
// round trip.
func (q *writeQueue) waiting() (commands, writes bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	return len(q.next) > 0, len(q.pending) > 0
}

// trip sends the oldest batch of commands waiting, if any, and the queued
// writes in one pipeline, and reports whether more commands wait.
func (r *Redis) trip() (more bool) {
	r.q.mu.Lock()
	var b *batch
	if len(r.q.next) > 0 {
		b = r.q.next[0]
		r.q.next[0] = nil
		r.q.next = r.q.next[1:]
	}
	r.q.mu.Unlock()
	if b == nil {
		r.roundTrip(context.Background(), nil, false)
		return false
	}
	// Not b.err: go-redis leaves a failed pipeline's error in each of its
	// commands, where their callers read it, and the error roundTrip
	// returns may be one command's own (redis.Nil when a claim won).
	r.roundTrip(context.Background(), func(p redis.Pipeliner) {
		for _, add := range b.adds {
			add(p)
		}
	}, false)
	close(b.done)
	commands, _ := r.q.waiting()
	return commands
}

// shut makes commands sent from now on fail with redis.ErrClosed, and
// fails those waiting for the sender so at once: none of them is sent.
func (q *writeQueue) shut() {
	q.mu.Lock()
	q.closed = true
	waiting := q.next
	q.next = nil
	q.mu.Unlock()
	for _, b := range waiting {
		b.err = redis.ErrClosed
		close(b.done)
	}
}

// SetFlushAfter sets how long queued writes wait for a command to ride
// with (2 ms by default). Tests lengthen it to count round trips exactly.
func (r *Redis) SetFlushAfter(d time.Duration) { r.flushAfter.Store(int64(d)) }

// RoundTrips is how many commands and pipelines this connection has sent.
func (r *Redis) RoundTrips() int64 { return r.trips.Load() }

// LostWrites is how many queued writes Redis did not take.
func (r *Redis) LostWrites() int64 { return r.lost.Load() }
