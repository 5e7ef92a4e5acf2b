package wechat

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"mpbot/bot"
)

// memShared is SharedReplies in memory, standing in for Redis between two
// handlers that play two replicas.
type memShared struct {
	mu      sync.Mutex
	answers map[string]*sharedEntry
	down    bool
}

type sharedEntry struct {
	done, late bool
	replies    []bot.Reply
	claimed    time.Time
}

func (s *memShared) Claim(_ context.Context, key string, _ time.Duration) (bool, time.Time, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.down {
		return false, time.Time{}, errors.New("connection refused")
	}
	if e, ok := s.answers[key]; ok {
		return false, e.claimed, nil
	}
	s.answers[key] = &sharedEntry{claimed: time.Now()}
	return true, time.Time{}, nil
}

func (s *memShared) Store(_ context.Context, key string, replies []bot.Reply, late bool, _ time.Duration) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.down {
		return errors.New("connection refused")
	}
	e := &sharedEntry{done: true, late: late, replies: replies}
	if old := s.answers[key]; old != nil {
		e.claimed = old.claimed
	}
	s.answers[key] = e
	return nil
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

func (s *slowClaims) Claim(ctx context.Context, key string, ttl time.Duration) (bool, time.Time, error) {
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
