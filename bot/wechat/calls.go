package wechat

import (
	"slices"
	"sync"
	"time"

	"mpbot/bot"
)

// calls remembers each message's answer for a while, so that WeChat's
// retries (up to three, seconds apart) get the same reply and never run an
// action twice; and, for as long as a signed request is accepted at all,
// that the message was seen, so a captured request replayed minutes later
// runs nothing again.
type calls struct {
	mu    sync.Mutex
	m     map[string]*call // answered or being answered, kept callTTL after the answer
	order []queued         // m's keys, oldest first
	// seen holds, by hash, the messages whose call has gone, until a
	// replay of them can no longer pass the timestamp check.
	seen      map[uint64]time.Time
	seenOrder []queuedSeen
	// forgot holds, by key, when a call was forgotten: its claim may still
	// have reached the shared store after its request ended (a command
	// sent as the context ended may go out), held by nobody. A retry here
	// takes such a claim over at once rather than wait for it.
	forgot map[string]time.Time
}

type queued struct {
	key  string
	call *call
}

type queuedSeen struct {
	hash  uint64
	until time.Time
}

// call is one message being answered or recently answered.
type call struct {
	mu       sync.Mutex
	done     chan struct{} // made only when a retry has to wait
	replies  []bot.Reply
	finished bool
	late     bool // the passive window was missed; replies go through the API
	first    time.Time
	expires  time.Time
	// forgotten: the request answering it gave up before it ran the bot
	// (WeChat hung up while it waited for the shared store); a retry
	// answers the message afresh.
	forgotten bool
}

// callTTL covers WeChat's retry schedule with room to spare.
const callTTL = 2 * time.Minute

// replayTTL is how long after a message's first arrival a copy of its
// request can still carry an acceptable timestamp: the timestamp may be
// ClockWindow behind the first arrival's clock, and the replay ClockWindow
// ahead of it.
const replayTTL = 2 * ClockWindow

func newCalls() *calls {
	return &calls{m: map[string]*call{}, seen: map[uint64]time.Time{}, forgot: map[string]time.Time{}}
}

// keyHash is a dedupe key's 64-bit FNV-1a hash: the same in every process,
// so what one kept at shutdown holds in the next (a collision in a few
// minutes' messages is a chance in 10^8). WeChat's signature covers the
// keys, so nobody can choose them to collide.
func keyHash(key string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(key); i++ {
		h ^= uint64(key[i])
		h *= 1099511628211
	}
	return h
}

// Replay is a message answered lately, by its key's hash, and until when a
// copy of its request could still pass the timestamp check.
type Replay struct {
	Hash  uint64
	Until time.Time
}

// replays is every message answered (or given up on, its reply sent
// through the API) a copy of whose request could still pass at now: for
// the next process, which would answer it again.
func (cs *calls) replays(now time.Time) []Replay {
	cs.mu.Lock()
	defer cs.mu.Unlock()
	cs.expire(now)
	out := make([]Replay, 0, len(cs.m)+len(cs.seen))
	for key, c := range cs.m {
		// Not one still being answered, with nothing sent to WeChat: its
		// retry, after the restart, is for the next process to answer (a
		// review's find: the follower got nothing from either).
		c.mu.Lock()
		answered := c.finished || c.late
		c.mu.Unlock()
		if answered {
			out = append(out, Replay{keyHash(key), c.first.Add(replayTTL)})
		}
	}
	for h, until := range cs.seen {
		out = append(out, Replay{h, until})
	}
	return slices.DeleteFunc(out, func(r Replay) bool { return !now.Before(r.Until) })
}

// restore takes in what another process answered: copies of those
// requests are replays. At the start, or later from a process that was
// still stopping (then merged into the queue, in one pass).
func (cs *calls) restore(rs []Replay, now time.Time) {
	add := make([]queuedSeen, 0, len(rs))
	for _, r := range rs {
		if now.Before(r.Until) {
			add = append(add, queuedSeen{r.Hash, r.Until})
		}
	}
	slices.SortFunc(add, func(a, b queuedSeen) int { return a.until.Compare(b.until) })
	cs.mu.Lock()
	defer cs.mu.Unlock()
	add = slices.DeleteFunc(add, func(q queuedSeen) bool {
		if !q.until.After(cs.seen[q.hash]) {
			return true
		}
		cs.seen[q.hash] = q.until
		return false
	})
	if len(add) == 0 {
		return
	}
	merged := make([]queuedSeen, 0, len(cs.seenOrder)+len(add))
	i, j := 0, 0
	for i < len(cs.seenOrder) || j < len(add) {
		if j == len(add) || i < len(cs.seenOrder) && !add[j].until.Before(cs.seenOrder[i].until) {
			merged = append(merged, cs.seenOrder[i])
			i++
		} else {
			merged = append(merged, add[j])
			j++
		}
	}
	cs.seenOrder = merged
}

// begin returns the call for key and whether this request is the first
// for it; replay reports a copy of a message whose call has gone (no
// answer is kept: it is answered with nothing).
func (cs *calls) begin(key string, now time.Time) (c *call, first, replay bool) {
	cs.mu.Lock()
	defer cs.mu.Unlock()
	cs.expire(now)
	if c, ok := cs.m[key]; ok {
		return c, false, false
	}
	if until, ok := cs.seen[keyHash(key)]; ok && now.Before(until) {
		return nil, false, true
	}
	c = &call{first: now}
	cs.m[key] = c
	cs.order = append(cs.order, queued{key, c})
	return c, true, false
}

// expire moves calls past their TTL to seen, and forgets what is past
// replayTTL. Keys are queued in arrival order, so each step looks only at
// the oldest: the cost is constant per message, however many are kept.
func (cs *calls) expire(now time.Time) {
	for len(cs.order) > 0 {
		q := cs.order[0]
		if q.call.gone() {
			cs.order[0] = queued{}
			cs.order = cs.order[1:]
			continue // forgotten: not seen, and its key may be another call's now
		}
		if !q.call.expired(now) {
			break // the oldest is still being answered, or within its TTL
		}
		delete(cs.m, q.key)
		h := keyHash(q.key)
		until := q.call.first.Add(replayTTL)
		if kept := cs.seen[h]; kept.After(until) {
			until = kept // not shortening what another process kept (restore)
		}
		cs.seen[h] = until
		cs.seenOrder = append(cs.seenOrder, queuedSeen{h, until})
		cs.order[0] = queued{}
		cs.order = cs.order[1:]
	}
	for len(cs.seenOrder) > 0 && !now.Before(cs.seenOrder[0].until) {
		s := cs.seenOrder[0]
		if cs.seen[s.hash] == s.until {
			delete(cs.seen, s.hash)
		}
		cs.seenOrder = cs.seenOrder[1:]
	}
	// Let the queues' arrays go once they have drained, rather than keep
	// the high-water mark's worth of memory for ever.
	if len(cs.order) == 0 && cap(cs.order) > 1024 {
		cs.order = nil
	}
	if len(cs.seenOrder) == 0 && cap(cs.seenOrder) > 1024 {
		cs.seenOrder = nil
	}
}

// forget drops c, a call whose request gave up before running the bot, so
// that a retry begins the message afresh; a retry already waiting for c
// is woken to do so.
func (cs *calls) forget(key string, c *call, now time.Time) {
	c.mu.Lock()
	c.forgotten = true
	if c.done != nil {
		close(c.done)
	}
	c.mu.Unlock()
	cs.mu.Lock()
	defer cs.mu.Unlock()
	if cs.m[key] == c {
		delete(cs.m, key)
	}
	for k, at := range cs.forgot { // few: requests that ended while their claims waited
		if now.Sub(at) > callTTL {
			delete(cs.forgot, k)
		}
	}
	cs.forgot[key] = now
}

// forgotAround reports whether a call for key was forgotten here within
// margin of claimed: the claim is likely that call's, held by nobody.
func (cs *calls) forgotAround(key string, claimed time.Time, margin time.Duration) bool {
	cs.mu.Lock()
	defer cs.mu.Unlock()
	at, ok := cs.forgot[key]
	return ok && claimed.After(at.Add(-margin)) && claimed.Before(at.Add(margin))
}

// gone reports whether the call was forgotten.
func (c *call) gone() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.forgotten
}

// expired reports whether the call is past its TTL; one never finished
// (an answer stuck for minutes) goes too, so it cannot hold the queue.
func (c *call) expired(now time.Time) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.finished {
		return now.Sub(c.first) > callTTL
	}
	return now.After(c.expires)
}

// finish records the answer and reports whether it came too late for the
// passive reply.
func (c *call) finish(replies []bot.Reply, now time.Time) (late bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.replies, c.finished, c.expires = replies, true, now.Add(callTTL)
	if c.done != nil {
		close(c.done)
	}
	return c.late
}

// giveUp marks the answer late unless it is already there, and then runs
// answer while holding the call, so finish waits until the "success" is
// written.
func (c *call) giveUp(answer func()) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.finished {
		return false
	}
	c.late = true
	answer()
	return true
}

// wait returns a channel closed when the answer is recorded.
func (c *call) wait() <-chan struct{} {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.done == nil {
		c.done = make(chan struct{})
		if c.finished || c.forgotten {
			close(c.done)
		}
	}
	return c.done
}

// claim returns the replies for a retry's passive answer: none when the
// answer is not ready or went through the API.
func (c *call) claim() ([]bot.Reply, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.finished && !c.late {
		return c.replies, true
	}
	return nil, false
}
