package wechat

import (
	"sync"
	"time"

	"mpbot/bot"
)

// calls remembers each message's answer for a while, so that WeChat's
// retries (up to three, seconds apart) get the same reply and never run an
// action twice.
type calls struct {
	mu      sync.Mutex
	m       map[string]*call
	inserts int
}

// call is one message being answered or recently answered.
type call struct {
	done chan struct{}

	mu       sync.Mutex
	replies  []bot.Reply
	finished bool
	late     bool // the passive window was missed; replies go through the API
	expires  time.Time
}

func newCalls() *calls {
	return &calls{m: map[string]*call{}}
}

// begin returns the call for key and whether this request is the first.
func (cs *calls) begin(key string, now time.Time) (*call, bool) {
	cs.mu.Lock()
	defer cs.mu.Unlock()
	if c, ok := cs.m[key]; ok && !c.expired(now) {
		return c, false
	}
	if cs.inserts++; cs.inserts%256 == 0 {
		for k, c := range cs.m {
			if c.expired(now) {
				delete(cs.m, k)
			}
		}
	}
	c := &call{done: make(chan struct{})}
	cs.m[key] = c
	return c, true
}

func (c *call) expired(now time.Time) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.finished && now.After(c.expires)
}

// finish records the answer and reports whether it came too late for the
// passive reply.
func (c *call) finish(replies []bot.Reply, now time.Time) (late bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.replies, c.finished, c.expires = replies, true, now.Add(callTTL)
	close(c.done)
	return c.late
}

// callTTL covers WeChat's retry schedule with room to spare.
const callTTL = 2 * time.Minute

// claim returns the replies for a passive answer, or false when there is
// none to give: not ready yet (the first request then hands the answer to
// the API) or already handed over.
func (c *call) claim(first bool) ([]bot.Reply, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.finished {
		return c.replies, !c.late
	}
	if first {
		c.late = true
	}
	return nil, false
}
