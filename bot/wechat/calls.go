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
	mu       sync.Mutex
	done     chan struct{} // made only when a retry has to wait
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
	c := &call{}
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
	if c.done != nil {
		close(c.done)
	}
	return c.late
}

// callTTL covers WeChat's retry schedule with room to spare.
const callTTL = 2 * time.Minute

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
		if c.finished {
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
