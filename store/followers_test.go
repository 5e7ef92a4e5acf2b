package store_test

import (
	"context"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"
	"time"

	"mpbot/store/storetest"
)

// logBuffer keeps what a writer logs, for the test to read.
type logBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestFollowerSyncBesideLastSeen: mpbot followers sync records a page of
// openids while serve's last-seen writer records the same followers. On
// PostgreSQL the two locked rows in crossing orders and deadlocked (a
// review's probe: 13 of 30 pages failed); both now lock in openid order.
func TestFollowerSyncBesideLastSeen(t *testing.T) {
	storetest.Each(t, func(t *testing.T, e storetest.Engine) {
		ctx := context.Background()
		s := e.Store(t)
		ids := make([]string, 2000)
		for i := range ids {
			ids[i] = fmt.Sprintf("o%08x", rand.Uint32())
		}
		if _, err := s.UpsertFollowerIDs(ctx, ids); err != nil {
			t.Fatal(err)
		}
		logs := &logBuffer{}
		w := s.NewSeenWriter(20*time.Millisecond, slog.New(slog.NewTextHandler(logs, nil)))
		stop := make(chan struct{})
		var wg sync.WaitGroup
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				w.FollowerSeen(ctx, ids[rand.IntN(len(ids))], time.Now())
			}
		}()
		for round := range 8 {
			page := append([]string(nil), ids...)
			rand.Shuffle(len(page), func(i, j int) { page[i], page[j] = page[j], page[i] }) // WeChat's order
			if _, err := s.UpsertFollowerIDs(ctx, page); err != nil {
				t.Errorf("page %d: %v", round, err)
			}
		}
		close(stop)
		wg.Wait()
		w.Close(ctx)
		if strings.Contains(logs.String(), "deadlock") {
			t.Errorf("the last-seen writer deadlocked:\n%s", logs)
		}
	})
}
