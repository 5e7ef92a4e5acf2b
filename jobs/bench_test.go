package jobs

import (
	"context"
	"fmt"
	"testing"
	"time"
)

// BenchmarkPushLedger delivers to 20,000 followers through a sender that
// answers at once, on a real SQLite store: the cost of the ledger (marks,
// outcomes, fencing) per delivery, without the network.
func BenchmarkPushLedger(b *testing.B) {
	for range b.N {
		b.StopTimer()
		s, send, p := setup(&testing.T{}, 0)
		cfg := p.Config()
		cfg.QPS = 1e9 // the ledger's cost, not the rate limit's
		useSender(p, send)
		p.Config = func() Config { c := cfg; c.Sender = send; return c }
		ctx := context.Background()
		ids := make([]string, 20_000)
		for i := range ids {
			ids[i] = fmt.Sprintf("o%06d", i)
		}
		s.UpsertFollowerIDs(ctx, ids)
		for _, id := range ids {
			s.FollowerSeen(ctx, id, clock.Add(-time.Hour))
		}
		b.StartTimer()
		start := time.Now()
		res, err := p.Run(ctx, RunOptions{})
		if err != nil || res.Sent != len(ids) {
			b.Fatalf("%+v %v", res, err)
		}
		b.ReportMetric(float64(len(ids))/time.Since(start).Seconds(), "deliveries/s")
	}
}
