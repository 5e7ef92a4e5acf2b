package store_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"mpbot/store"
	"mpbot/store/storetest"
)

func TestQueryLog(t *testing.T) { storetest.Each(t, testQueryLog) }

// testQueryLog writes two batches larger than one INSERT holds (on SQLite,
// a full INSERT's statement is prepared once and used again) and reads
// every entry back whole, in order; pruning drops the old ones.
func testQueryLog(t *testing.T, e storetest.Engine) {
	ctx := context.Background()
	s := e.Store(t)
	at := time.Date(2026, 11, 26, 8, 0, 0, 0, time.UTC)
	var want []store.Query
	for i := range 300 {
		want = append(want, store.Query{At: at.Add(time.Duration(i) * time.Second), Follower: fmt.Sprintf("f%d", i%7), Kind: "text",
			Text: fmt.Sprintf("问题 %d 'quoted' ?", i), Outcome: "list", Rule: "r", Key: "K", Number: i % 5, Article: "a", Question: "q",
			Hits: `[{"id":"a","score":0.5}]`, Latency: time.Duration(i) * time.Microsecond})
	}
	for _, batch := range [][]store.Query{want[:150], want[150:]} {
		if err := s.RecordQueries(ctx, batch); err != nil {
			t.Fatal(err)
		}
	}
	var got []store.Query
	if err := s.EachQuery(ctx, at, func(q store.Query) error { got = append(got, q); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("read %d of %d", len(got), len(want))
	}
	for i := range want {
		if !got[i].At.Equal(want[i].At) {
			t.Fatalf("entry %d at %v, want %v", i, got[i].At, want[i].At)
		}
		got[i].At = want[i].At
		if got[i] != want[i] {
			t.Fatalf("entry %d:\n got %+v\nwant %+v", i, got[i], want[i])
		}
	}
	n, err := s.PruneQueries(ctx, at.Add(100*time.Second))
	if err != nil || n != 100 {
		t.Fatalf("pruned %d, %v; want 100", n, err)
	}
}

// TestQueryLogBatchWholeOrNothing: on PostgreSQL (one COPY a batch), a
// batch holding a row the server refuses (text that is not UTF-8) is
// written not at all, and says so.
func TestQueryLogBatchWholeOrNothing(t *testing.T) {
	e := storetest.Engines()[1]
	if e.Name != "postgres" {
		t.Fatalf("engine %s, want postgres", e.Name)
	}
	ctx := context.Background()
	s := e.Store(t)
	at := time.Date(2026, 11, 26, 8, 0, 0, 0, time.UTC)
	batch := []store.Query{
		{At: at, Follower: "f1", Kind: "text", Text: "好", Outcome: "card"},
		{At: at.Add(time.Second), Follower: "f2", Kind: "text", Text: "bad \xff", Outcome: "card"},
	}
	if err := s.RecordQueries(ctx, batch); err == nil || !strings.Contains(err.Error(), "record 2 queries") {
		t.Fatalf("a batch with a row PostgreSQL refuses: %v", err)
	}
	n := 0
	if err := s.EachQuery(ctx, at.Add(-time.Hour), func(store.Query) error { n++; return nil }); err != nil || n != 0 {
		t.Fatalf("%d rows of a refused batch written, %v", n, err)
	}
}
