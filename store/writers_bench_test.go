package store_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"mpbot/store"
	"mpbot/store/storetest"
)

// BenchmarkWriters writes the query log's and last-seen times' batches on
// SQLite as serve's writers do: batches of 256 (under load) and of 7 (a
// quiet second), each message from a follower of 5,000. The time and
// allocations are a message's.
//
//	go test ./store -run '^$' -bench BenchmarkWriters -benchmem
func BenchmarkWriters(b *testing.B) {
	ctx := context.Background()
	at := time.Date(2026, 11, 26, 8, 0, 0, 0, time.UTC)
	for _, size := range []int{256, 7} {
		b.Run(fmt.Sprintf("queries-%d", size), func(b *testing.B) {
			s := storetest.SQLite(b)
			batch := make([]store.Query, size)
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i += size {
				for j := range batch {
					n := i + j
					batch[j] = store.Query{At: at.Add(time.Duration(n) * time.Millisecond), Follower: fmt.Sprintf("f%08d", n%5000), Kind: "text",
						Text: "二十大报告原文", Outcome: "list", Hits: `[{"id":"a","score":0.5},{"id":"b","score":0.25}]`, Latency: 80 * time.Microsecond}
				}
				if err := s.RecordQueries(ctx, batch); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("seen-%d", size), func(b *testing.B) {
			s := storetest.SQLite(b)
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i += size {
				seen := make(map[string]time.Time, size)
				for j := range size {
					n := i + j
					seen[fmt.Sprintf("o%08d", n%5000)] = at.Add(time.Duration(n) * time.Millisecond)
				}
				if err := s.FollowersSeen(ctx, seen); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
