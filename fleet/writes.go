package fleet

import (
	"context"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"
)

// A message costs this replica one Redis round trip. Its claim (SET NX
// GET) must be answered before the bot runs, but what the answer leaves
// behind — the reply kept for WeChat's retries, the follower's numbered
// list — need not hold anything up: those writes wait in a queue and go in
// the same pipeline as the next command this replica sends, usually the
// next message's claim. A queue nothing takes within flushAfter is sent on
// its own by the flusher.
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
}

// Bounds of the queue.
const (
	defaultFlushAfter = 2 * time.Millisecond
	maxQueued         = 1024 // beyond this a writer sends the queue itself
)

type writeQueue struct {
	order   sync.RWMutex
	mu      sync.Mutex
	pending []write
	kick    chan struct{} // the queue went from empty to not
	stop    chan struct{}
	done    chan struct{}
}

// enqueue queues w; with a full queue it sends the queue at once.
func (r *Redis) enqueue(ctx context.Context, w write) error {
	if w.del {
		// After every write before it, and before anything after it.
		r.q.mu.Lock()
		r.q.pending = append(r.q.pending, w)
		r.q.mu.Unlock()
		return r.roundTrip(ctx, nil, true)
	}
	r.q.mu.Lock()
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
		if w.del {
			pipe.Del(ctx, w.key)
		} else {
			pipe.Set(ctx, w.key, w.value, w.ttl)
		}
	}
	if queue != nil {
		queue(pipe)
	}
	cmds, err := pipe.Exec(ctx)
	if len(writes) > 0 {
		failed := 0
		var first error
		for _, c := range cmds[:min(len(writes), len(cmds))] {
			if c.Err() != nil {
				failed++
				first = c.Err()
			}
		}
		if failed > 0 {
			r.lost.Add(int64(failed))
			r.log.Warn("Redis writes failed: a retry of those messages on another replica may be answered again, and their followers' numbered lists are lost",
				"failed", failed, "of", len(writes), "err", first)
		}
	}
	return err
}

// flush runs the flusher until Close: the queue goes out flushAfter after
// it stopped being empty, unless a command took it first.
func (r *Redis) flush() {
	defer close(r.q.done)
	for {
		select {
		case <-r.q.kick:
		case <-r.q.stop:
			r.roundTrip(context.Background(), nil, false)
			return
		}
		t := time.NewTimer(time.Duration(r.flushAfter.Load()))
		select {
		case <-t.C:
		case <-r.q.stop:
			t.Stop()
		}
		r.roundTrip(context.Background(), nil, false)
	}
}

// SetFlushAfter sets how long queued writes wait for a command to ride
// with (2 ms by default). Tests lengthen it to count round trips exactly.
func (r *Redis) SetFlushAfter(d time.Duration) { r.flushAfter.Store(int64(d)) }

// RoundTrips is how many commands and pipelines this connection has sent.
func (r *Redis) RoundTrips() int64 { return r.trips.Load() }

// LostWrites is how many queued writes Redis did not take.
func (r *Redis) LostWrites() int64 { return r.lost.Load() }
