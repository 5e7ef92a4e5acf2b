// Package fleet keeps in Redis what the replicas of a fleet must agree on:
// the WeChat access token, followers' pending numbered lists, each
// message's answer and the daily push's API rate. Each type here implements
// an interface its consumer declares (bot.FollowUps, wechat.TokenStore,
// wechat.SharedReplies, jobs.Limiter; main asserts the ones this package
// cannot import); with state.driver: memory nothing here is used.
package fleet

import (
	"cmp"
	"context"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"net"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/redis/go-redis/v9"
	"github.com/redis/go-redis/v9/logging"

	"mpbot/bot"
)

// Redis is a connection with a key prefix, so several fleets (or tests)
// can share one server.
type Redis struct {
	client     *redis.Client
	prefix     string
	log        *slog.Logger
	q          writeQueue
	flushAfter atomic.Int64  // a time.Duration
	claimWait  time.Duration // defaultClaimWait; tests lengthen it before claiming
	id         string        // this connection's, in its claims' tokens
	claims     atomic.Int64
	trips      atomic.Int64
	lost       atomic.Int64
	// failing is set by a round trip Redis did not answer (a timeout, a
	// dropped connection) and cleared by one it did: a write queued then
	// would be lost unseen.
	failing atomic.Bool
	closing sync.Once
	breaker *breaker
}

// Dial connects to url (redis://host:port/db), checks the server answers
// and starts the sender of commands and queued writes; Close stops it.
func Dial(ctx context.Context, url, prefix string, log *slog.Logger) (*Redis, error) {
	opts, err := redis.ParseURL(url)
	if err != nil {
		return nil, fmt.Errorf("state.redis_url: %w", err)
	}
	// Redis answers in well under a millisecond; when it does not, a webhook
	// call must learn so fast and go on without it (5 s is WeChat's whole
	// budget, and go-redis's defaults retry for seconds).
	opts.DialTimeout, opts.ReadTimeout, opts.WriteTimeout = time.Second, 500*time.Millisecond, 500*time.Millisecond
	opts.MaxRetries, opts.DialerRetries, opts.DialerRetryTimeout = 1, 1, 10*time.Millisecond
	// A caller's deadline bounds its command too, retry included: a health
	// check waited out the read timeout and the retry, past its own 0.8 s
	// and a probe's second (a review's find).
	opts.ContextTimeoutEnabled = true
	// go-redis prints every failed dial to stderr (a process-wide setting);
	// the callers here log what failed, once, with context.
	redis.SetLogger(&logging.VoidLogger{})
	c := redis.NewClient(opts)
	r := newRedis(c, prefix, log)
	if err := c.Ping(ctx).Err(); err != nil {
		// Redis answered that this config cannot use it (a wrong
		// password, user or database). Anything else (unreachable,
		// still loading its data, too many clients) passes.
		if redis.IsAuthError(err) || redis.IsPermissionError(err) || redis.HasErrorPrefix(err, "DB index") ||
			redis.HasErrorPrefix(err, "invalid password") || redis.HasErrorPrefix(err, "AUTH") {
			r.Close()
			return nil, fmt.Errorf("redis %s: %w", opts.Addr, err)
		}
		// Unreachable: a replica (re)started during an outage starts as
		// a running one goes on, without it, rather than stay down; so
		// do the commands an operator needs then (push status).
		log.Warn("redis unreachable at start; going on without it until it answers (retries deduplicated in this process only, numbered lists not shared)", "addr", opts.Addr, "err", err)
	}
	return r, nil
}

// newRedis wraps a client: its hooks, and the sender of commands and
// queued writes.
func newRedis(c *redis.Client, prefix string, log *slog.Logger) *Redis {
	r := &Redis{client: c, prefix: prefix, log: log, id: rand.Text()[:12], claimWait: defaultClaimWait,
		q: writeQueue{kick: make(chan struct{}, 1), stop: make(chan struct{}), done: make(chan struct{})}}
	r.flushAfter.Store(int64(defaultFlushAfter))
	r.breaker = &breaker{}
	c.AddHook(r.breaker)
	c.AddHook(tripCounter{&r.trips})
	go r.sender()
	return r
}

// setup reports whether cmd is what go-redis sends on a new connection
// (HELLO, CLIENT SETINFO, AUTH, SELECT): not a round trip of ours.
func setup(cmd redis.Cmder) bool {
	switch cmd.Name() {
	case "hello", "client", "auth", "select":
		return true
	}
	return false
}

// tripCounter counts round trips: a command or a pipeline each.
type tripCounter struct{ n *atomic.Int64 }

func (c tripCounter) DialHook(next redis.DialHook) redis.DialHook { return next }

func (c tripCounter) ProcessHook(next redis.ProcessHook) redis.ProcessHook {
	return func(ctx context.Context, cmd redis.Cmder) error {
		if !setup(cmd) {
			c.n.Add(1)
		}
		return next(ctx, cmd)
	}
}

func (c tripCounter) ProcessPipelineHook(next redis.ProcessPipelineHook) redis.ProcessPipelineHook {
	return func(ctx context.Context, cmds []redis.Cmder) error {
		if len(cmds) > 0 && !setup(cmds[0]) {
			c.n.Add(1)
		}
		return next(ctx, cmds)
	}
}

// breaker fails dials at once for a second after one failed, so while Redis
// is down every command costs nothing rather than a dial attempt each.
// Its error says why the last dial failed: a mistyped host reads "no such
// host", not as an outage.
type breaker struct {
	downUntil atomic.Int64
	why       atomic.Pointer[error] // the last dial's failure
}

func (b *breaker) DialHook(next redis.DialHook) redis.DialHook {
	return func(ctx context.Context, network, addr string) (net.Conn, error) {
		if until := b.downUntil.Load(); time.Now().UnixNano() < until {
			err := fmt.Errorf("redis %s unreachable; next try in %v", addr, time.Duration(until-time.Now().UnixNano()).Round(time.Millisecond))
			if why := b.why.Load(); why != nil {
				err = fmt.Errorf("%w: %w", err, *why)
			}
			return nil, err
		}
		conn, err := next(ctx, network, addr)
		if err != nil {
			b.why.Store(&err)
			b.downUntil.Store(time.Now().Add(time.Second).UnixNano())
		}
		return conn, err
	}
}

// open reports whether a dial failed within the last second.
func (b *breaker) open() bool { return time.Now().UnixNano() < b.downUntil.Load() }

func (b *breaker) ProcessHook(next redis.ProcessHook) redis.ProcessHook { return next }

func (b *breaker) ProcessPipelineHook(next redis.ProcessPipelineHook) redis.ProcessPipelineHook {
	return next
}

// Close stops the sender and closes the connection pool. The round trip
// under way is answered; claims waiting for a later one fail at once with
// redis.ErrClosed, as do claims made from now on (at shutdown the bot
// answers those without them, rather than wait for Redis); queued writes
// are sent.
func (r *Redis) Close() error {
	var err error
	r.closing.Do(func() {
		r.q.shut()
		close(r.q.stop)
		<-r.q.done
		// The lists to retire are kept in this process only: one
		// restarted during an outage forgets them (a re-check's find), and
		// the lists before them may open for their numbers until they
		// expire. Said, since it cannot be helped here.
		r.q.mu.Lock()
		if n := len(r.q.stale); n > 0 {
			r.log.Warn("closing while Redis does not answer: the lists of followers whose newer list was not kept are not retired; each may open for their numbers until it expires", "followers", n)
		}
		r.q.mu.Unlock()
		err = r.client.Close()
	})
	return err
}

// Ping reports whether Redis answers.
func (r *Redis) Ping(ctx context.Context) error { return r.client.Ping(ctx).Err() }

func (r *Redis) key(parts ...string) string {
	k := r.prefix
	for _, p := range parts {
		k += ":" + p
	}
	return k
}

var _ bot.FollowUps = FollowUps{}

// FollowUps keeps numbered lists in Redis, so a follower's "2" works
// whichever replica answers it. It implements bot.FollowUps.
type FollowUps struct {
	R   *Redis
	TTL time.Duration
}

// Put implements bot.FollowUps. The list is written with this replica's
// next round trip.
func (f FollowUps) Put(ctx context.Context, openid string, fu bot.FollowUp) error {
	key := f.R.key("followup", openid)
	now := time.Now()
	if f.R.breaker.open() {
		// Queued, the write would fail unseen: the bot is told, and its
		// list asks for no number that would not work. The list before
		// is deleted once Redis answers.
		f.R.staleList(key, now.UnixMilli())
		return errors.New("redis unreachable: the list is not kept")
	}
	if f.R.failing.Load() {
		// Redis stalls (a fleet run's find: under DEBUG SLEEP the lists
		// were shown with their numbers and lost, and the numbers got "no
		// list"), the same.
		f.R.staleList(key, now.UnixMilli())
		return errors.New("redis not answering: the list is not kept")
	}
	// With the time it was written: a list lost on another replica
	// retires only the lists before it (retireScript).
	b, err := storedList(fu, now)
	if err != nil {
		return fmt.Errorf("store the list: %w", err)
	}
	return f.R.enqueue(ctx, write{key: key, value: b, ttl: f.TTL, list: true, at: now.UnixMilli()})
}

// storedList is fu as Redis keeps it: its JSON, and written_at, when it
// was written (unix ms), which bot.FollowUp's reading passes over.
// (Embedded in a struct, FollowUp's own MarshalJSON would have left the
// time out.)
func storedList(fu bot.FollowUp, at time.Time) ([]byte, error) {
	// Its own MarshalJSON, not json.Marshal's, which checks and copies
	// the method's output again: a list a message on the fleet, 3.2 µs
	// for this whole function against 5.0 for json.Marshal alone.
	b, err := fu.MarshalJSON()
	if err != nil || len(b) < 2 || b[len(b)-1] != '}' {
		return nil, cmp.Or(err, errors.New("a list is no JSON object"))
	}
	sep := ","
	if len(b) == 2 { // {}
		sep = ""
	}
	return fmt.Appendf(b[:len(b)-1], `%s"written_at":%d}`, sep, at.UnixMilli()), nil
}

// Get implements bot.FollowUps. While Redis does not answer, it fails at
// once: queued behind the claim that found so, then timing out and
// retrying, a number after a list had taken the whole reply budget, its
// apology too late for the passive reply (an operator run's find).
func (f FollowUps) Get(ctx context.Context, openid string) (bot.FollowUp, error) {
	if f.R.failing.Load() {
		return bot.FollowUp{}, errors.New("redis not answering: the list is not read")
	}
	var get *redis.StringCmd
	f.R.roundTrip(ctx, func(p redis.Pipeliner) { get = p.Get(ctx, f.R.key("followup", openid)) }, true)
	b, err := get.Bytes()
	if errors.Is(err, redis.Nil) {
		return bot.FollowUp{}, nil
	}
	if err != nil {
		return bot.FollowUp{}, err
	}
	var fu bot.FollowUp
	if len(b) > 0 && b[0] == '[' {
		// A list written by the version before, which kept the ids alone:
		// replicas of both versions share Redis while a fleet is upgraded.
		return fu, json.Unmarshal(b, &fu.IDs)
	}
	return fu, json.Unmarshal(b, &fu)
}

// Forget implements bot.FollowUps, with this replica's next round trip.
func (f FollowUps) Forget(ctx context.Context, openid string) error {
	return f.R.enqueue(ctx, write{key: f.R.key("followup", openid), del: true, list: true, at: time.Now().UnixMilli()})
}

// TokenCache keeps the fleet's one WeChat access token in Redis. It
// implements wechat.TokenStore.
type TokenCache struct {
	R *Redis
}

// Token implements wechat.TokenStore: "" when there is none.
func (t TokenCache) Token(ctx context.Context, key string) (string, error) {
	v, err := t.R.client.Get(ctx, t.R.key("token", key)).Result()
	if errors.Is(err, redis.Nil) {
		return "", nil
	}
	return v, err
}

// SetToken implements wechat.TokenStore.
func (t TokenCache) SetToken(ctx context.Context, key, token string, ttl time.Duration) error {
	return t.R.client.Set(ctx, t.R.key("token", key), token, ttl).Err()
}

// deleteIfScript drops a key only while it holds the given value, in one
// step: a replica must not throw away the token another just fetched.
var deleteIfScript = redis.NewScript(`if redis.call("GET", KEYS[1]) == ARGV[1] then return redis.call("DEL", KEYS[1]) end return 0`)

// DropToken implements wechat.TokenStore: key goes only while it still
// holds token.
func (t TokenCache) DropToken(ctx context.Context, key, token string) error {
	return deleteIfScript.Run(ctx, t.R.client, []string{t.R.key("token", key)}, token).Err()
}

// Lock takes a fleet-wide lock named name for at most ttl, waiting while
// another replica holds it; unlock releases it if it is still ours.
func (r *Redis) Lock(ctx context.Context, name string, ttl time.Duration) (func(), error) {
	key := r.key("lock", name)
	token := fmt.Sprintf("%d", time.Now().UnixNano())
	for {
		ok, err := r.client.SetNX(ctx, key, token, ttl).Result()
		if err != nil {
			return nil, err
		}
		if ok {
			return func() {
				ctx, cancel := context.WithTimeout(context.Background(), time.Second)
				defer cancel()
				deleteIfScript.Run(ctx, r.client, []string{key}, token)
			}, nil
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// Replies records each message's answer in Redis, so that a WeChat retry
// landing on another replica gets the same reply and no second action. It
// implements wechat.SharedReplies.
type Replies struct {
	R *Redis
}

// sharedAnswer is what Redis holds of a message's answer.
type sharedAnswer struct {
	Late    bool        `json:"late,omitempty"`
	Replies []bot.Reply `json:"replies,omitempty"`
}

// Claim implements wechat.SharedReplies: the claim is a key of its own,
// holding when it was made and a token of this claim, kept for ttl (as long
// as a replay of the message could pass the timestamp check); the answer is
// kept apart, for as long as retries come. One round trip, shared with the
// claims other messages make meanwhile: SET NX GET, after the writes queued
// by the messages before.
//
// The token makes a pipeline go-redis ran twice (it retries one whose
// answer it could not read, which Redis may have run) find its own claim
// and win, rather than lose to itself and leave a whole trip's messages
// waiting for answers nobody writes. A claim that cannot be sent within
// defaultClaimWait fails, and the bot answers without it; so does every
// claim of a round trip that fails before its answer is read.
//
// A claim lost to another replica reads how long that one has left to
// live (a second round trip, on the rare retry only): its age by Redis's
// clock, which replicas' clocks cannot skew.
func (s Replies) Claim(caller context.Context, key string, ttl time.Duration) (won bool, age time.Duration, id string, err error) {
	ctx, cancel := context.WithTimeout(caller, s.R.claimWait)
	defer cancel()
	var set *redis.StatusCmd
	token := fmt.Sprintf("%s-%d", s.R.id, s.R.claims.Add(1))
	k, value := s.R.key("claim", key), fmt.Sprintf("%d:%s", time.Now().UnixMilli(), token)
	if err := s.R.send(ctx, func(p redis.Pipeliner) {
		set = p.SetArgs(ctx, k, value, redis.SetArgs{Mode: "NX", TTL: ttl, Get: true})
	}); err != nil {
		if caller.Err() == nil && errors.Is(err, context.DeadlineExceeded) {
			// Redis did not answer within the claim's wait, before the
			// round trip itself gave up: the list this message leaves is
			// not to be queued and lost (a README run's find: the first
			// lists of a stall were).
			s.R.setFailing(true, err)
		}
		return false, 0, "", fmt.Errorf("claim %s: %w", key, err)
	}
	prev, err := set.Result()
	if errors.Is(err, redis.Nil) {
		return true, 0, value, nil
	}
	if err != nil {
		return false, 0, "", fmt.Errorf("claim %s: %w", key, err)
	}
	// The time, then the token; a claim of the version before has no token.
	if _, theirs, _ := strings.Cut(prev, ":"); theirs == token {
		return true, 0, prev, nil
	}
	left, err := s.R.client.PTTL(ctx, k).Result()
	if err != nil {
		return false, 0, "", fmt.Errorf("claim of %s: %w", key, err)
	}
	// Every claim is made for ttl (replayTTL, in every version); one
	// gone meanwhile is as old as can be.
	age = ttl
	if left > 0 {
		age = max(0, ttl-left)
	}
	return false, age, prev, nil
}

// Takeover implements wechat.SharedReplies, in one step: the claim
// becomes this replica's while no answer (nor word of a late one) is
// stored and the claim is still theirs, so that of two retries finding it
// abandoned one takes it over, and a claimer that records its answer at
// the last moment keeps it. The new claim lives ttl from now, so that its
// age counts from the takeover.
func (s Replies) Takeover(ctx context.Context, key, id string, ttl time.Duration) (bool, string, error) {
	token := fmt.Sprintf("%s-%d", s.R.id, s.R.claims.Add(1))
	value := fmt.Sprintf("%d:%s", time.Now().UnixMilli(), token)
	n, err := takeoverScript.Run(ctx, s.R.client, []string{s.R.key("claim", key), s.R.key("reply", key)},
		id, value, ttl.Milliseconds()).Int()
	if err != nil {
		return false, "", fmt.Errorf("take over the claim of %s: %w", key, err)
	}
	return n == 1, value, nil
}

// Owns implements wechat.SharedReplies: one GET, made only for a late
// answer.
func (s Replies) Owns(ctx context.Context, key, id string) (bool, error) {
	v, err := s.R.client.Get(ctx, s.R.key("claim", key)).Result()
	if errors.Is(err, redis.Nil) {
		return true, nil
	}
	if err != nil {
		return false, fmt.Errorf("read the claim of %s: %w", key, err)
	}
	return v == id, nil
}

// takeoverScript replaces the claim KEYS[1] holding ARGV[1] (or gone) by
// ARGV[2] for ARGV[3] ms, unless the answer KEYS[2] is there.
var takeoverScript = redis.NewScript(`
if redis.call("EXISTS", KEYS[2]) == 1 then
	return 0
end
local v = redis.call("GET", KEYS[1])
if v == ARGV[2] then
	return 1 -- this very takeover, run again by go-redis's retry after its answer was lost
end
if v and v ~= ARGV[1] then
	return 0
end
redis.call("SET", KEYS[1], ARGV[2], "PX", ARGV[3])
return 1`)

// defaultClaimWait bounds how long a claim waits for the sender: as long as
// a claim alone took before claims shared round trips (a read timeout and
// its one retry), so that a stalled Redis leaves the bot its reply budget.
const defaultClaimWait = time.Second

// Store implements wechat.SharedReplies. The answer is written with this
// replica's next round trip.
func (s Replies) Store(ctx context.Context, key string, replies []bot.Reply, late bool, ttl time.Duration) error {
	b, err := json.Marshal(sharedAnswer{Late: late, Replies: replies})
	if err != nil {
		return err
	}
	return s.R.enqueue(ctx, write{key: s.R.key("reply", key), value: b, ttl: ttl})
}

// Load implements wechat.SharedReplies.
func (s Replies) Load(ctx context.Context, key string) ([]bot.Reply, bool, bool, error) {
	var get *redis.StringCmd
	s.R.roundTrip(ctx, func(p redis.Pipeliner) { get = p.Get(ctx, s.R.key("reply", key)) }, true)
	b, err := get.Bytes()
	if errors.Is(err, redis.Nil) {
		return nil, false, false, nil
	}
	if err != nil {
		return nil, false, false, err
	}
	var a sharedAnswer
	if err := json.Unmarshal(b, &a); err != nil {
		return nil, false, false, err
	}
	return a.Replies, a.Late, true, nil
}

// Limiter paces calls to qps a second across every replica sharing Redis:
// a counter per window, and a call over the limit waits for the next
// window. The window is a second, allowing qps rounded down; below one a
// second it is as many seconds as one call needs (0.5: one call every 2 s;
// 0.3: every 4 s), over a window never faster than qps: 0.5 ran at one a
// second (the limit was qps as a whole number, at least one).
type Limiter struct {
	R   *Redis
	Key string
	QPS float64
	// Local is used while Redis is unreachable, so calls go on at this
	// replica's share rather than stop (or run unpaced).
	Local interface {
		Wait(ctx context.Context) error
	}
}

// window is the limiter's counting window, in seconds, and the calls it
// allows.
func (l Limiter) window() (seconds, calls int64) {
	if l.QPS < 1 {
		return int64(math.Ceil(1 / max(l.QPS, 1e-3))), 1
	}
	// A rate past any whole count (.inf, 1e19) converts to a negative one,
	// under which no call ever went (an operator run's find: a fleet's
	// push sent nothing, for ever); a billion a second is no limit.
	return 1, int64(min(l.QPS, 1e9))
}

// Wait implements the push job's Limiter.
func (l Limiter) Wait(ctx context.Context) error {
	seconds, limit := l.window()
	for {
		if l.R.failing.Load() || l.R.breaker.open() {
			// Redis not answering: each call had waited out the read
			// timeout and the retry first, about a second (a fleet run's
			// find: at push.qps 50 the push went 7.5 calls a second). The
			// sender's probe sees its return.
			return l.Local.Wait(ctx)
		}
		now := time.Now()
		slot := now.Unix() / seconds
		key := l.R.key("rate", l.Key, fmt.Sprint(slot))
		n, err := l.R.client.Incr(ctx, key).Result()
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			var reply redis.Error // Redis's own answer (OOM): it answers
			if !errors.As(err, &reply) {
				l.R.setFailing(true, err)
			}
			return l.Local.Wait(ctx)
		}
		if n == 1 {
			l.R.client.Expire(ctx, key, time.Duration(2*seconds)*time.Second)
		}
		if n <= limit {
			// Counted in the window the call asked in; should that window
			// have ended during the round trip, the call would go out in
			// the next one uncounted there: count it again, there.
			if time.Now().Unix()/seconds == slot {
				return nil
			}
			continue
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(time.Until(time.Unix((slot+1)*seconds, 0))):
		}
	}
}
