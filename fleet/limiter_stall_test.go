package fleet

import (
	"context"
	"testing"
	"time"

	"golang.org/x/time/rate"
)

// TestLimiterWhileRedisStalls (a fleet operator run's find): Redis stalls
// (its connections open, nothing answering: a paused process, a partition)
// while a replica delivers the daily push. Limiter.Local is there so that
// "calls go on at this replica's share rather than stop (or run unpaced)";
// but every Wait first asks the stalled Redis, and waits out its read
// timeout and retry (about a second) before falling back, each time: the
// push ran at 7.5 calls a second with push.qps 50 (323 followers took 43 s
// instead of 7), where the webhook's reads fail at once once a stall is
// seen. At push.qps 50, 20 calls should take under half a second. Once
// Redis answers again, the calls are counted for the fleet again.
func TestLimiterWhileRedisStalls(t *testing.T) {
	p := startProxy(t)
	r := dialThrough(t, p)
	const qps = 50
	l := Limiter{R: r, Key: "push", QPS: qps, Local: rate.NewLimiter(qps, qps)}
	if err := l.Wait(context.Background()); err != nil {
		t.Fatal(err)
	}
	p.setMode(holdRequests)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	start := time.Now()
	calls := 0
	for ; calls < 20 && l.Wait(ctx) == nil; calls++ {
	}
	if calls < 20 {
		t.Fatalf("with Redis stalled, %d calls went in %v at push.qps %d (want 20 within 3 s, at the replica's own rate)", calls, time.Since(start).Round(time.Millisecond), qps)
	}
	p.setMode(forward)
	p.drop()
	waitFor(t, "Redis's return seen", func() bool { return !r.failing.Load() })
	before := r.RoundTrips()
	if err := l.Wait(context.Background()); err != nil {
		t.Fatal(err)
	}
	if r.RoundTrips() == before {
		t.Error("a call after Redis came back was not counted in Redis")
	}
}
