package wechat

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"mpbot/bot"
)

// memShared is SharedReplies in memory, standing in for Redis between two
// handlers that play two replicas.
type memShared struct {
	mu      sync.Mutex
	answers map[string]*sharedEntry
	down    bool
	claims  int
}

// claim records a new claim of key, and returns its id.
func (s *memShared) claim(key string) string {
	s.claims++
	e := &sharedEntry{claimed: time.Now(), id: fmt.Sprint("claim-", s.claims)}
	s.answers[key] = e
	return e.id
}

type sharedEntry struct {
	done, late bool
	replies    []bot.Reply
	claimed    time.Time
	id         string // of the claim
}

func (s *memShared) Claim(_ context.Context, key string, _ time.Duration) (bool, time.Duration, string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.down {
		return false, 0, "", errors.New("connection refused")
	}
	if e, ok := s.answers[key]; ok {
		return false, time.Since(e.claimed), e.id, nil
	}
	return true, 0, s.claim(key), nil
}

func (s *memShared) Store(_ context.Context, key string, replies []bot.Reply, late bool, _ time.Duration) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.down {
		return errors.New("connection refused")
	}
	e := &sharedEntry{done: true, late: late, replies: replies}
	if old := s.answers[key]; old != nil {
		e.claimed, e.id = old.claimed, old.id
	}
	s.answers[key] = e
	return nil
}

// Takeover is the Redis script's: no answer stored, and the claim still
// the one seen.
func (s *memShared) Takeover(_ context.Context, key, id string, _ time.Duration) (bool, string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.down {
		return false, "", errors.New("connection refused")
	}
	if e, ok := s.answers[key]; ok && (e.done || e.id != id) {
		return false, "", nil
	}
	return true, s.claim(key), nil
}

func (s *memShared) Owns(_ context.Context, key, id string) (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	e, ok := s.answers[key]
	return !ok || e.id == id, nil
}

func (s *memShared) Load(_ context.Context, key string) ([]bot.Reply, bool, bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	e, ok := s.answers[key]
	if !ok {
		return nil, false, false, nil
	}
	return e.replies, e.late, e.done, nil
}

// TestRetryOnAnotherReplica: the first request is still being answered on
// replica A when WeChat's retry reaches replica B; B waits for A's answer,
// replies the same, and its bot never runs.
func TestRetryOnAnotherReplica(t *testing.T) {
	shared := &memShared{answers: map[string]*sharedEntry{}}
	withShared := func(c *Config, _ *harness) { c.Shared = shared }
	a, b := newHarness(t, ModeSafe, withShared), newHarness(t, ModeSafe, withShared)
	a.catalog.delay = 300 * time.Millisecond
	in := a.text("o_x", "枫桥经验")
	var wg sync.WaitGroup
	var outA, outB *Outbound
	wg.Add(2)
	go func() { defer wg.Done(); outA = a.send(in) }()
	go func() {
		defer wg.Done()
		time.Sleep(50 * time.Millisecond)
		outB = b.send(in)
	}()
	wg.Wait()
	if outA.MsgType != "news" || outB.MsgType != "news" || outA.Articles[0].URL != outB.Articles[0].URL {
		t.Fatalf("A %+v, B %+v", outA, outB)
	}
	if a.answers.Load()+b.answers.Load() != 1 || b.answers.Load() != 0 {
		t.Fatalf("bot ran %d times on A and %d on B", a.answers.Load(), b.answers.Load())
	}

	// With the shared state down, each replica answers on its own.
	shared.down = true
	if out := b.send(b.text("o_y", "帮助")); out.MsgType != "text" {
		t.Fatalf("with shared state down: %+v", out)
	}
	if n := b.logs.count("deduplicating in this process only"); n != 1 {
		t.Fatalf("degradation logged %d times", n)
	}
}

// slowClaims is shared state whose claims take a while (a stalled Redis,
// up to the claim's second).
type slowClaims struct {
	memShared
	wait time.Duration
}

func (s *slowClaims) Claim(ctx context.Context, key string, ttl time.Duration) (bool, time.Duration, string, error) {
	time.Sleep(s.wait)
	return s.memShared.Claim(ctx, key, ttl)
}

// TestClaimInsideTheBudget: the reply budget counts from the call's start,
// so a slow claim comes out of it: the fallback "success" leaves by the
// budget's end, not a claim's wait later (past WeChat's 5 s with a budget
// of 4.5 s).
func TestClaimInsideTheBudget(t *testing.T) {
	const budget = 1500 * time.Millisecond
	shared := &slowClaims{memShared: memShared{answers: map[string]*sharedEntry{}}, wait: budget}
	hs := newHarness(t, ModeSafe, withBudget(budget), func(c *Config, _ *harness) { c.Shared = shared })
	release := make(chan struct{})
	hs.catalog.block = release
	defer close(release)
	start := time.Now()
	out := hs.send(hs.text("o_claim", "浦江经验"))
	took := time.Since(start)
	// Without the claim inside it, the fallback came at claim + budget
	// (3 s here); the bound leaves a second for a busy machine.
	if !out.Success || took > budget+time.Second {
		t.Fatalf("fallback after %v (success %v), want by the budget's end (%v)", took, out.Success, budget)
	}
}

// TestRetryInsideTheBudget: the replica that loses the claim to another
// waits for that one's answer only for what is left of its budget after the
// claim, not for a whole budget more.
func TestRetryInsideTheBudget(t *testing.T) {
	const budget = 1500 * time.Millisecond
	shared := &slowClaims{memShared: memShared{answers: map[string]*sharedEntry{}}, wait: budget}
	withShared := func(c *Config, _ *harness) { c.Shared = shared }
	a, b := newHarness(t, ModeSafe, withBudget(budget), withShared), newHarness(t, ModeSafe, withBudget(budget), withShared)
	release := make(chan struct{})
	a.catalog.block = release
	defer close(release)
	in := a.text("o_retry", "浦江经验")
	go a.send(in)
	for claimed := false; !claimed; {
		shared.mu.Lock()
		claimed = len(shared.answers) > 0
		shared.mu.Unlock()
		if !claimed {
			time.Sleep(5 * time.Millisecond) // polling for the claim, not waiting a fixed time
		}
	}
	start := time.Now()
	out := b.send(in) // WeChat's retry, on the other replica
	if took := time.Since(start); !out.Success || took > budget+time.Second {
		t.Fatalf("the retry's answer after %v (success %v), want by the budget's end (%v)", took, out.Success, budget)
	}
}

// TestRetryTakesOverAnAbandonedClaim: the replica that claimed a message
// died before answering. WeChat's retry, on another replica, finds the
// claim with nothing recorded past the claimer's budget and takes the
// message over: the follower is answered. A slow but live claimer records
// that its answer is late when its budget ends, and is not taken over.
func TestRetryTakesOverAnAbandonedClaim(t *testing.T) {
	const budget = time.Second
	shared := &memShared{answers: map[string]*sharedEntry{}}
	withShared := func(c *Config, _ *harness) { c.Shared = shared }
	a, b := newHarness(t, ModeSafe, withBudget(budget), withShared), newHarness(t, ModeSafe, withBudget(budget), withShared)

	// The dead replica's claim, made when WeChat's first request came 5 s
	// ago; a claim a moment old is waited for, not taken over.
	for _, tc := range []struct {
		age      time.Duration
		answered bool
	}{
		{age: 5 * time.Second, answered: true},
		{age: 100 * time.Millisecond, answered: false},
	} {
		in := b.text("o_orphan", "浦江经验")
		key := fmt.Sprintf("%s|%d", in.From, in.MsgID)
		shared.mu.Lock()
		shared.answers[key] = &sharedEntry{claimed: time.Now().Add(-tc.age)}
		shared.mu.Unlock()
		ran := b.answers.Load()
		out := b.send(in)
		if got := out.MsgType != "" && !out.Success; got != tc.answered || (b.answers.Load() > ran) != tc.answered {
			t.Fatalf("claim %v old: answered %v (bot ran %d times), want %v: %+v", tc.age, got, b.answers.Load()-ran, tc.answered, out)
		}
		if tc.answered {
			// Its answer is recorded for the retries after it.
			if replies, _, done, _ := shared.Load(context.Background(), key); !done || len(replies) == 0 {
				t.Fatalf("the taken-over answer was not recorded: %v %v", replies, done)
			}
		}
	}
	if n := b.logs.count("answering a message another replica claimed and did not answer"); n != 1 {
		t.Fatalf("takeover logged %d times, want 1", n)
	}

	// A live replica past its budget: its watchdog records the answer as
	// late, and the retry leaves the answer to it.
	release := make(chan struct{})
	a.catalog.block = release
	defer func() {
		if release != nil {
			close(release)
		}
	}()
	in := a.text("o_slow", "浦江经验")
	done := make(chan *Outbound)
	go func() { done <- a.send(in) }()
	waitFor(t, func() bool { return a.logs.count("reply not ready within budget") == 1 }, "A's watchdog")
	// The retry comes past the takeover point of A's claim.
	key := fmt.Sprintf("%s|%d", in.From, in.MsgID)
	shared.mu.Lock()
	shared.answers[key].claimed = time.Now().Add(-5 * time.Second)
	shared.mu.Unlock()
	ran := b.answers.Load()
	if out := b.send(in); !out.Success || b.answers.Load() != ran {
		t.Fatalf("retry of a late answer on B: %+v, bot ran %d times", out, b.answers.Load()-ran)
	}
	close(release)
	release = nil
	if out := <-done; !out.Success {
		t.Fatalf("A's fallback: %+v", out)
	}
}

// stallingShared holds back a replica's word that its answer is late until
// released: the replica stalled (a paused process) before it could say so.
type stallingShared struct {
	*memShared
	held    chan struct{} // closed when the word is held
	release chan struct{}
}

func (s *stallingShared) Store(ctx context.Context, key string, replies []bot.Reply, late bool, ttl time.Duration) error {
	if late && replies == nil {
		close(s.held)
		<-s.release
	}
	return s.memShared.Store(ctx, key, replies, late, ttl)
}

// TestStalledReplicaTakenOverSendsNothingLate: a replica that stalled
// past its budget before saying its answer was late is taken over by
// WeChat's retry on another; back, it must not send its own answer through
// the customer-service API as well (a fleet run's find: the follower got
// the card, then 文章暂时无法读取).
func TestStalledReplicaTakenOverSendsNothingLate(t *testing.T) {
	const budget = time.Second
	shared := &memShared{answers: map[string]*sharedEntry{}}
	stall := &stallingShared{memShared: shared, held: make(chan struct{}), release: make(chan struct{})}
	a := newHarness(t, ModeSafe, withBudget(budget), func(c *Config, _ *harness) { c.Shared = stall })
	b := newHarness(t, ModeSafe, withBudget(budget), func(c *Config, _ *harness) { c.Shared = shared })
	release := make(chan struct{})
	a.catalog.block = release
	in := a.text("o_stalled", "浦江经验")
	done := make(chan *Outbound)
	go func() { done <- a.send(in) }()
	<-stall.held
	// WeChat's retry comes past the takeover point of A's claim.
	key := fmt.Sprintf("%s|%d", in.From, in.MsgID)
	shared.mu.Lock()
	shared.answers[key].claimed = time.Now().Add(-5 * time.Second)
	shared.mu.Unlock()
	if out := b.send(in); out.MsgType != "news" || b.answers.Load() != 1 {
		t.Fatalf("the retry on B: %+v, bot ran %d times", out, b.answers.Load())
	}
	close(stall.release)
	close(release)
	if out := <-done; !out.Success {
		t.Fatalf("A's answer to WeChat: %+v", out)
	}
	waitFor(t, func() bool { return a.logs.count("late answer dropped") == 1 || len(a.api.Calls(customSend)) > 0 }, "A to drop or send its late answer")
	if n := len(a.api.Calls(customSend)); n != 0 {
		t.Fatalf("A sent its late answer %d times after B answered", n)
	}
	// The query log has B's answer alone: A's, dropped, had been logged
	// beside it (a fleet run's find: follow_up and unavailable).
	if na, nb := a.events.n.Load(), b.events.n.Load(); na != 0 || nb != 1 {
		t.Fatalf("the query log has %d events of A's and %d of B's for one message, want 0 and 1", na, nb)
	}
}

// hangingClaims is a shared store whose claims hang, while hang is set,
// until the request ends (a replica paused while it waited for Redis).
type hangingClaims struct {
	*memShared
	hang    atomic.Bool
	land    atomic.Bool   // a hanging claim reaches the store all the same, as a command sent as its context ends may
	waiting chan struct{} // a claim is hanging
}

func (s *hangingClaims) Claim(ctx context.Context, key string, ttl time.Duration) (bool, time.Duration, string, error) {
	if s.hang.Load() {
		s.waiting <- struct{}{}
		<-ctx.Done()
		if s.land.Load() {
			s.memShared.Claim(context.WithoutCancel(ctx), key, ttl)
		}
		return false, 0, "", ctx.Err()
	}
	return s.memShared.Claim(ctx, key, ttl)
}

// TestClaimOutlivedByItsRequest: a replica whose claim waited until WeChat
// hung up does not answer the message (a fleet run's find: another replica
// answered WeChat's retry, and this one ran the bot too: two 退订), nor
// counts the shared store as failing; WeChat's retry reaching it answers.
func TestClaimOutlivedByItsRequest(t *testing.T) {
	m := NewMetrics(prometheus.NewRegistry())
	shared := &hangingClaims{memShared: &memShared{answers: map[string]*sharedEntry{}}, waiting: make(chan struct{}, 1)}
	shared.hang.Store(true)
	hs := newHarness(t, ModeSafe, func(c *Config, _ *harness) { c.Shared, c.Metrics = shared, m })
	in := hs.text("o_hung", "浦江经验")
	ctx, cancel := context.WithCancel(context.Background())
	gaveUp := make(chan error)
	go func() {
		_, err := hs.sim.Send(ctx, in)
		gaveUp <- err
	}()
	<-shared.waiting
	cancel() // WeChat's 5 s are over
	if err := <-gaveUp; err == nil {
		t.Fatal("the request cancelled got an answer")
	}
	waitFor(t, func() bool { return hs.logs.count("message given up") == 1 }, "the message given up")
	if n := hs.answers.Load(); n != 0 {
		t.Fatalf("the bot ran %d times for a request that had ended", n)
	}
	if got := testutil.ToFloat64(m.sharedErrors); got != 0 {
		t.Fatalf("shared state errors %v, want 0: the request ended, the store did not fail", got)
	}
	shared.hang.Store(false)
	if out := hs.send(in); out.MsgType != "news" || hs.answers.Load() != 1 {
		t.Fatalf("WeChat's retry: %+v, bot ran %d times", out, hs.answers.Load())
	}
	// A retry that came while the claim hung, and waited for it, answers
	// once the request it waited for gives up.
	shared.hang.Store(true)
	in = hs.text("o_hung", "浦江经验")
	ctx, cancel = context.WithCancel(context.Background())
	go func() {
		_, err := hs.sim.Send(ctx, in)
		gaveUp <- err
	}()
	<-shared.waiting
	shared.hang.Store(false)
	retried := make(chan *Outbound)
	go func() { retried <- hs.send(in) }()
	waitFor(t, func() bool { return testutil.ToFloat64(m.dedupeHits) == 1 }, "the retry waiting for the first request")
	cancel()
	<-gaveUp
	if out := <-retried; out.MsgType != "news" || hs.answers.Load() != 2 {
		t.Fatalf("the retry that waited: %+v, bot ran %d times in all", out, hs.answers.Load())
	}
	// The claim given up reached the store all the same (a review's find:
	// held by nobody, every retry here answered "success"): a retry here
	// takes it over.
	shared.hang.Store(true)
	shared.land.Store(true)
	in = hs.text("o_hung", "浦江经验")
	ctx, cancel = context.WithCancel(context.Background())
	go func() {
		_, err := hs.sim.Send(ctx, in)
		gaveUp <- err
	}()
	<-shared.waiting
	cancel()
	<-gaveUp
	waitFor(t, func() bool { return hs.logs.count("message given up") == 3 }, "the third message given up")
	shared.hang.Store(false)
	if out := hs.send(in); out.MsgType != "news" || hs.answers.Load() != 3 {
		t.Fatalf("the retry of a message whose claim landed after its request ended: %+v, bot ran %d times in all", out, hs.answers.Load())
	}
}

// TestLateWordNotOverATakeover: a replica whose budget ends after another
// took its message over does not record that its answer is late over the
// other's answer (a fleet run's find: a third replica's retry then got
// "success", the card hidden).
func TestLateWordNotOverATakeover(t *testing.T) {
	const budget = time.Second
	shared := &memShared{answers: map[string]*sharedEntry{}}
	withShared := func(c *Config, _ *harness) { c.Shared = shared }
	a, b, c := newHarness(t, ModeSafe, withBudget(budget), withShared), newHarness(t, ModeSafe, withBudget(budget), withShared),
		newHarness(t, ModeSafe, withBudget(budget), withShared)
	release := make(chan struct{})
	a.catalog.block = release
	defer func() {
		if release != nil {
			close(release)
		}
	}()
	in := a.text("o_taken", "浦江经验")
	done := make(chan *Outbound)
	go func() { done <- a.send(in) }()
	key := fmt.Sprintf("%s|%d", in.From, in.MsgID)
	waitFor(t, func() bool { shared.mu.Lock(); defer shared.mu.Unlock(); return shared.answers[key] != nil }, "A's claim")
	// A stalls; WeChat's retry reaches B past the takeover point.
	shared.mu.Lock()
	shared.answers[key].claimed = time.Now().Add(-5 * time.Second)
	shared.mu.Unlock()
	if out := b.send(in); out.MsgType != "news" {
		t.Fatalf("the retry on B: %+v", out)
	}
	if out := <-done; !out.Success { // A's budget ended: its watchdog's "success"
		t.Fatalf("A's answer to WeChat: %+v", out)
	}
	close(release)
	release = nil
	if out := c.send(in); out.MsgType != "news" || c.answers.Load() != 0 {
		t.Fatalf("the next retry, on C: %+v (bot ran %d times), want B's card", out, c.answers.Load())
	}
}
