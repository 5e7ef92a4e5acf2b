package search

import (
	"context"
	"fmt"
	"mpbot/content"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// Searches and snippets on a serving library while another process imports
// and removes, the server watches, and snapshots are saved.
func TestLibraryRaceWatchSearchSnapshot(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	path := filepath.Join(t.TempDir(), "m.db")
	server := openTestLibrary(t, path)
	server.Seed(ctx, content.DemoArticles())
	server.Index().SetCacheSize(32)
	go server.Watch(ctx, 5*time.Millisecond)
	other := openTestLibrary(t, path)
	var wg sync.WaitGroup
	stop := make(chan struct{})
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				for _, q := range []string{"枫桥经验", "具身智能", "风桥经验", "国常会", "新质生产力"} {
					res, _ := server.SearchResult(ctx, q, 5)
					server.Snippets(ctx, q, res.Hits)
					server.Mentions(ctx, q, 5)
				}
			}
		}()
	}
	for i := range 20 {
		id := fmt.Sprintf("w%d", i)
		if _, err := other.Import(ctx, []content.Article{{ID: id, Title: "具身智能产业观察" + id, Summary: "具身智能与枫桥经验", URL: "https://example.com/" + id}}, nil); err != nil {
			t.Fatal(err)
		}
		if i%3 == 0 {
			other.Delete(ctx, fmt.Sprintf("w%d", i/2))
		}
		server.SaveSnapshot(ctx)
		time.Sleep(5 * time.Millisecond)
	}
	close(stop)
	wg.Wait()
}
