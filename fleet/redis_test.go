package fleet

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"mpbot/bot"
	"mpbot/bot/wechat"
	"mpbot/bot/wechat/wechattest"
)

// testRedis connects to the Redis the project's machines run
// (127.0.0.1:6379, or $MPBOT_TEST_REDIS) under a key prefix of its own.
func testRedis(t *testing.T) *Redis {
	t.Helper()
	return dialTest(t, fmt.Sprintf("mpbot-test-%d-%s", time.Now().UnixNano(), t.Name()))
}

// replicaOf is another replica's connection to r's keys.
func replicaOf(t *testing.T, r *Redis) *Redis {
	t.Helper()
	return dialTest(t, r.prefix)
}

func dialTest(t *testing.T, prefix string) *Redis {
	t.Helper()
	url := os.Getenv("MPBOT_TEST_REDIS")
	if url == "" {
		url = "redis://127.0.0.1:6379/0"
	}
	r, err := Dial(context.Background(), url, prefix, slog.New(slog.DiscardHandler))
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("Redis needed under CI: %v", err)
		}
		t.Skipf("no Redis: %v", err)
	}
	t.Cleanup(func() {
		ctx := context.Background()
		keys, _ := r.client.Keys(ctx, prefix+":*").Result()
		if len(keys) > 0 {
			r.client.Del(ctx, keys...)
		}
		r.Close()
	})
	return r
}

// TestFollowUpsAcrossReplicas: a list one replica wrote is read by
// another (once the writer's queue has gone out, by itself, with nothing
// else sent), and by the writer at once.
func TestFollowUpsAcrossReplicas(t *testing.T) {
	ctx := context.Background()
	r := testRedis(t)
	a, b := FollowUps{R: r, TTL: time.Minute}, FollowUps{R: replicaOf(t, r), TTL: time.Minute}
	if err := a.Put(ctx, "o1", bot.FollowUp{Query: "遴选", IDs: []string{"x", "y"}}); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the other replica reads the list", func() bool {
		fu, err := b.Get(ctx, "o1")
		if err != nil {
			t.Fatal(err)
		}
		return len(fu.IDs) == 2 && fu.IDs[1] == "y" && fu.Query == "遴选"
	})
	b.Forget(ctx, "o1")
	if fu, _ := b.Get(ctx, "o1"); fu.IDs != nil {
		t.Fatalf("forgotten list still there for the replica that forgot it: %+v", fu)
	}
	waitFor(t, "the list gone for the other replica", func() bool {
		fu, _ := a.Get(ctx, "o1")
		return fu.IDs == nil
	})
	// A list as the version before wrote it (ids alone) still reads.
	r.client.Set(ctx, r.key("followup", "o3"), `["p","q"]`, time.Minute)
	if fu, err := a.Get(ctx, "o3"); err != nil || len(fu.IDs) != 2 || fu.IDs[0] != "p" {
		t.Fatalf("old list: %+v %v", fu, err)
	}
	// Lists expire by themselves (Redis's TTL, not a sweep of ours).
	short := FollowUps{R: r, TTL: 50 * time.Millisecond}
	short.Put(ctx, "o2", bot.FollowUp{IDs: []string{"z"}})
	var ttl time.Duration
	waitFor(t, "the list written", func() bool {
		ttl = r.client.PTTL(ctx, r.key("followup", "o2")).Val()
		return ttl != -2*time.Nanosecond // -2: no such key (yet)
	})
	if ttl <= 0 || ttl > 50*time.Millisecond {
		t.Fatalf("list TTL %v, want at most 50ms", ttl)
	}
}

// TestQueuedWritesRideWithTheNextCommand: with the flusher held off, a
// message's writes go out in the pipeline of the next command — one round
// trip for both — and Close sends what is left.
func TestQueuedWritesRideWithTheNextCommand(t *testing.T) {
	ctx := context.Background()
	r := testRedis(t)
	other := replicaOf(t, r)
	r.SetFlushAfter(time.Hour)
	replies, lists := Replies{R: r}, FollowUps{R: r, TTL: time.Minute}
	before := r.RoundTrips()
	for i := range 50 {
		key := fmt.Sprintf("o%d|%d", i, i)
		if won, _, err := replies.Claim(ctx, key, time.Minute); !won || err != nil {
			t.Fatalf("claim %d: %v %v", i, won, err)
		}
		lists.Put(ctx, fmt.Sprintf("o%d", i), bot.FollowUp{IDs: []string{"a"}})
		replies.Store(ctx, key, []bot.Reply{{Type: bot.ReplyText, Text: "好"}}, false, time.Minute)
	}
	if n := r.RoundTrips() - before; n != 50 {
		t.Fatalf("%d round trips for 50 messages, want 50", n)
	}
	lists.Put(ctx, "o50", bot.FollowUp{IDs: []string{"w"}})
	if fu, err := lists.Get(ctx, "o50"); err != nil || len(fu.IDs) != 1 {
		t.Fatalf("the writer does not read its own list at once: %+v %v", fu, err)
	}
	// Message 48's writes went with message 49's claim; 49's with the
	// Get; the Store after it waits.
	if _, _, done, _ := (Replies{R: other}).Load(ctx, "o48|48"); !done {
		t.Fatal("message 48's answer not written with the next claim")
	}
	replies.Store(ctx, "o50|50", nil, false, time.Minute)
	if _, _, done, _ := (Replies{R: other}).Load(ctx, "o50|50"); done {
		t.Fatal("an answer went out with no command to carry it")
	}
	r.Close()
	if _, _, done, _ := (Replies{R: other}).Load(ctx, "o50|50"); !done {
		t.Fatal("Close did not send the queued writes")
	}
}

// waitFor polls cond until it holds, failing after a generous deadline.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(time.Millisecond)
	}
}

// TestRepliesClaim: the first replica to claim a message wins; the others
// learn when it was claimed (a retry waits for its answer, a replay
// minutes later gets nothing), and the claim outlives the answer.
func TestRepliesClaim(t *testing.T) {
	ctx := context.Background()
	r := testRedis(t)
	a, b := Replies{R: r}, Replies{R: r}
	before := time.Now().Add(-time.Millisecond)
	if won, _, err := a.Claim(ctx, "o|1", 10*time.Minute); !won || err != nil {
		t.Fatalf("first claim: %v %v", won, err)
	}
	won, claimed, err := b.Claim(ctx, "o|1", 10*time.Minute)
	if won || err != nil || claimed.Before(before) || claimed.After(time.Now()) {
		t.Fatalf("second claim: won %v at %v, %v", won, claimed, err)
	}
	if _, _, done, _ := b.Load(ctx, "o|1"); done {
		t.Fatal("answer done before it was stored")
	}
	if err := a.Store(ctx, "o|1", []bot.Reply{{Type: bot.ReplyText, Text: "好"}}, false, 2*time.Minute); err != nil {
		t.Fatal(err)
	}
	replies, late, done, err := b.Load(ctx, "o|1")
	if err != nil || !done || late || len(replies) != 1 || replies[0].Text != "好" {
		t.Fatalf("load: %v %v %v %v", replies, late, done, err)
	}
	claimTTL := r.client.PTTL(ctx, r.key("claim", "o|1")).Val()
	replyTTL := r.client.PTTL(ctx, r.key("reply", "o|1")).Val()
	if claimTTL <= 2*time.Minute || replyTTL > 2*time.Minute {
		t.Fatalf("claim kept %v, answer %v: the claim must outlive the answer", claimTTL, replyTTL)
	}
}

// TestSharedToken: two replicas' API clients share one access token
// through Redis: one fetch for both, and after WeChat rejects it, one
// replacement, not one per replica.
func TestSharedToken(t *testing.T) {
	r := testRedis(t)
	fake := wechattest.NewFakeAPI()
	defer fake.Close()
	newReplica := func() *wechat.API {
		return wechat.NewAPI(wechat.APIConfig{AppID: "wx_fleet", AppSecret: "s", Base: fake.URL, Backoff: time.Millisecond,
			Tokens: TokenCache{R: r}, Lock: r.Lock}, slog.New(slog.DiscardHandler))
	}
	replicas := []*wechat.API{newReplica(), newReplica()}
	send := func() {
		var wg sync.WaitGroup
		for _, api := range replicas {
			for i := range 5 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					if err := api.Post(context.Background(), "/cgi-bin/message/custom/send", map[string]int{"n": i}, nil); err != nil {
						t.Error(err)
					}
				}()
			}
		}
		wg.Wait()
	}
	send()
	if n := fake.TokensIssued(); n != 1 {
		t.Fatalf("%d tokens fetched by two replicas, want 1", n)
	}
	fake.ExpireToken()
	send()
	if n := fake.TokensIssued(); n != 2 {
		t.Fatalf("%d tokens after expiry, want 2", n)
	}
}

// TestRedisDownStillSends: with Redis unreachable, API calls still go out
// (token fetched without the lock, not cached) and follow-ups report errors
// the bot logs instead of failing replies.
func TestRedisDownStillSends(t *testing.T) {
	dead := newRedis(redis.NewClient(&redis.Options{Addr: "127.0.0.1:1", DialTimeout: 100 * time.Millisecond, MaxRetries: -1}), "x", slog.New(slog.DiscardHandler))
	defer dead.Close()
	fake := wechattest.NewFakeAPI()
	defer fake.Close()
	api := wechat.NewAPI(wechat.APIConfig{AppID: "wx_down", AppSecret: "s", Base: fake.URL, Attempts: 1,
		Tokens: TokenCache{R: dead}, Lock: dead.Lock}, slog.New(slog.DiscardHandler))
	if err := api.Post(context.Background(), "/cgi-bin/message/custom/send", map[string]int{}, nil); err != nil {
		t.Fatalf("call with Redis down: %v", err)
	}
	if _, err := (FollowUps{R: dead, TTL: time.Minute}).Get(context.Background(), "o"); err == nil {
		t.Fatal("follow-ups with Redis down reported no error")
	}
}

// TestLimiterHoldsForTheFleet: two replicas' limiters together stay within
// the shared rate.
func TestLimiterHoldsForTheFleet(t *testing.T) {
	r := testRedis(t)
	const qps = 20
	var mu sync.Mutex
	var times []time.Time
	var wg sync.WaitGroup
	ctx, cancel := context.WithTimeout(context.Background(), 2500*time.Millisecond)
	defer cancel()
	for range 2 {
		l := Limiter{R: r, Key: "push", QPS: qps}
		wg.Add(1)
		go func() {
			defer wg.Done()
			for l.Wait(ctx) == nil {
				mu.Lock()
				times = append(times, time.Now())
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	perSecond := map[int64]int{}
	for _, tm := range times {
		perSecond[tm.Unix()]++
	}
	// A call let through at the very end of a second may be timed in the
	// next one: allow that one.
	for sec, n := range perSecond {
		if n > qps+1 {
			t.Fatalf("second %d: %d calls over the fleet's %d", sec, n, qps)
		}
	}
	if len(times) < qps {
		t.Fatalf("only %d calls in 2.5 s", len(times))
	}
}

// slowPipeline holds up pipelines that write key, telling entered when one
// starts.
type slowPipeline struct {
	key     string
	entered chan struct{}
}

func (h slowPipeline) DialHook(next redis.DialHook) redis.DialHook          { return next }
func (h slowPipeline) ProcessHook(next redis.ProcessHook) redis.ProcessHook { return next }
func (h slowPipeline) ProcessPipelineHook(next redis.ProcessPipelineHook) redis.ProcessPipelineHook {
	return func(ctx context.Context, cmds []redis.Cmder) error {
		for _, c := range cmds {
			if c.Name() == "set" && len(c.Args()) > 1 && c.Args()[1] == h.key {
				select {
				case h.entered <- struct{}{}:
				default:
				}
				time.Sleep(100 * time.Millisecond)
			}
		}
		return next(ctx, cmds)
	}
}

// TestForgetAfterASlowWrite: a follower's list goes out with another
// message's claim, and that pipeline is slow; the follower unsubscribes
// meanwhile. The list must be gone afterwards (WeChat requires a leaving
// follower's data to go), and the replica reading it must not see it.
func TestForgetAfterASlowWrite(t *testing.T) {
	ctx := context.Background()
	r := testRedis(t)
	other := replicaOf(t, r)
	r.SetFlushAfter(time.Hour)
	slow := slowPipeline{key: r.key("followup", "o_slow"), entered: make(chan struct{}, 1)}
	r.client.AddHook(slow)
	lists := FollowUps{R: r, TTL: time.Minute}
	lists.Put(ctx, "o_slow", bot.FollowUp{IDs: []string{"a"}})
	claimed := make(chan error, 1)
	go func() {
		_, _, err := Replies{R: r}.Claim(ctx, "o_other|1", time.Minute)
		claimed <- err
	}()
	<-slow.entered // the list is on its way, slowly
	if err := lists.Forget(ctx, "o_slow"); err != nil {
		t.Fatal(err)
	}
	if err := <-claimed; err != nil {
		t.Fatal(err)
	}
	if fu, _ := (FollowUps{R: other}).Get(ctx, "o_slow"); fu.IDs != nil {
		t.Fatalf("the list of a follower who left is still in Redis: %+v", fu)
	}
}

// holdPipeline holds up the pipelines that set key until release is
// closed, telling entered when one starts.
type holdPipeline struct {
	key     string
	entered chan struct{}
	release chan struct{}
}

func (h holdPipeline) DialHook(next redis.DialHook) redis.DialHook          { return next }
func (h holdPipeline) ProcessHook(next redis.ProcessHook) redis.ProcessHook { return next }
func (h holdPipeline) ProcessPipelineHook(next redis.ProcessPipelineHook) redis.ProcessPipelineHook {
	return func(ctx context.Context, cmds []redis.Cmder) error {
		for _, c := range cmds {
			if len(c.Args()) > 1 && c.Args()[1] == h.key {
				h.entered <- struct{}{}
				<-h.release
			}
		}
		return next(ctx, cmds)
	}
}

// await returns once the held command has reached the hook, or fails the
// test if it never does.
func (h holdPipeline) await(t *testing.T) {
	t.Helper()
	select {
	case <-h.entered:
	case <-time.After(10 * time.Second):
		t.Fatal("the held claim never reached Redis")
	}
}

// TestClaimsShareRoundTrips: claims made while the one before is on its
// way go out together in the next pipeline, with the queued writes: one
// round trip for twenty messages, each told rightly whether it won (a
// replica claiming the same messages afterwards loses every one, and
// learns when they were claimed). A claim whose caller gives up while it
// waits returns at once.
func TestClaimsShareRoundTrips(t *testing.T) {
	ctx := context.Background()
	r := testRedis(t)
	other := replicaOf(t, r)
	r.SetFlushAfter(time.Hour)
	hold := holdPipeline{key: r.key("claim", "o_first|1"), entered: make(chan struct{}), release: make(chan struct{})}
	r.client.AddHook(hold)
	replies := Replies{R: r}
	before := r.RoundTrips()
	first := make(chan error, 1)
	go func() {
		_, _, err := replies.Claim(ctx, "o_first|1", time.Minute)
		first <- err
	}()
	hold.await(t) // the sender is busy with the first claim
	FollowUps{R: r, TTL: time.Minute}.Put(ctx, "o_first", bot.FollowUp{IDs: []string{"a"}})

	gaveUp, cancel := context.WithCancel(ctx)
	cancelled := make(chan error, 1)
	go func() {
		_, _, err := replies.Claim(gaveUp, "o_gone|1", time.Minute)
		cancelled <- err
	}()
	const n = 20
	var wg sync.WaitGroup
	won := make([]bool, n)
	errs := make([]error, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			won[i], _, errs[i] = replies.Claim(ctx, fmt.Sprintf("o%d|%d", i, i), time.Minute)
		}()
	}
	waitFor(t, "the claims queued behind the first", func() bool {
		r.q.mu.Lock()
		defer r.q.mu.Unlock()
		return r.q.next != nil && len(r.q.next.adds) == n+1
	})
	cancel()
	if err := <-cancelled; !errors.Is(err, context.Canceled) {
		t.Fatalf("a claim whose caller gave up returned %v", err)
	}
	close(hold.release)
	wg.Wait()
	if err := <-first; err != nil {
		t.Fatal(err)
	}
	for i := range n {
		if !won[i] || errs[i] != nil {
			t.Fatalf("claim %d: won %v, %v", i, won[i], errs[i])
		}
	}
	if trips := r.RoundTrips() - before; trips != 2 {
		t.Fatalf("%d round trips for %d claims made while one was on its way, want 2", trips, n+2)
	}
	if fu, err := (FollowUps{R: other}).Get(ctx, "o_first"); err != nil || len(fu.IDs) != 1 {
		t.Fatalf("the list queued meanwhile did not go with the claims: %+v %v", fu, err)
	}
	for i := range n {
		won, at, err := Replies{R: other}.Claim(ctx, fmt.Sprintf("o%d|%d", i, i), time.Minute)
		if won || err != nil || at.IsZero() || time.Since(at) > time.Minute {
			t.Fatalf("the other replica's claim %d: won %v at %v, %v", i, won, at, err)
		}
	}
}

// TestClaimFindingItsOwnClaimWins: a claim that finds its own token (go-redis
// retries a pipeline whose answer it could not read, and Redis may have run
// it already) wins; another replica's claim of the same message still loses,
// and learns when it was claimed.
func TestClaimFindingItsOwnClaimWins(t *testing.T) {
	ctx := context.Background()
	r := testRedis(t)
	other := replicaOf(t, r)
	next := fmt.Sprintf("%s-%d", r.id, r.claims.Load()+1)
	if err := r.client.Set(ctx, r.key("claim", "o_twice|1"), "5:"+next, time.Minute).Err(); err != nil {
		t.Fatal(err)
	}
	won, _, err := Replies{R: r}.Claim(ctx, "o_twice|1", time.Minute)
	if err != nil || !won {
		t.Fatalf("a claim finding its own token: won %v, %v", won, err)
	}
	won, at, err := Replies{R: other}.Claim(ctx, "o_twice|1", time.Minute)
	if err != nil || won || !at.Equal(time.UnixMilli(5)) {
		t.Fatalf("the other replica's claim: won %v at %v, %v", won, at, err)
	}
}

// TestClaimGivesUpOnAStalledRedis: a claim that cannot go out because the
// round trip before it hangs fails within claimWait, so that the bot can
// answer in its reply budget.
func TestClaimGivesUpOnAStalledRedis(t *testing.T) {
	ctx := context.Background()
	r := testRedis(t)
	hold := holdPipeline{key: r.key("claim", "o_stall|1"), entered: make(chan struct{}), release: make(chan struct{})}
	r.client.AddHook(hold)
	defer close(hold.release)
	go Replies{R: r}.Claim(ctx, "o_stall|1", time.Minute)
	hold.await(t)
	start := time.Now()
	_, _, err := Replies{R: r}.Claim(ctx, "o_behind|1", time.Minute)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("a claim behind a stalled trip: %v after %v", err, time.Since(start))
	}
}
