package search

import (
	"context"
	"mpbot/content"
	"path/filepath"
	"slices"
	"sync/atomic"
	"testing"
	"time"
)

// once returns a hook that, the first time it runs, says so on entered and
// waits for release; later calls pass straight through.
func once(entered chan<- struct{}, release <-chan struct{}) func() {
	var armed atomic.Bool
	armed.Store(true)
	return func() {
		if armed.CompareAndSwap(true, false) {
			close(entered)
			<-release
		}
	}
}

// failAfter is how long a step may take before the test calls it stuck: a
// guard against hanging, not a measure (the step takes microseconds).
const failAfter = time.Minute

func within(t *testing.T, what string, done <-chan struct{}) {
	t.Helper()
	select {
	case <-done:
	case <-time.After(failAfter):
		t.Fatalf("%s: still waiting after %v", what, failAfter)
	}
}

// TestSearchAndImportDoNotWait: a search stopped half-way does not hold up
// an import (its Sync publishes, and new searches see the import), and the
// stopped search finishes on the index as it was when it started. Then the
// other way round: an update stopped before it publishes does not hold up
// searches, which answer from the index as it was.
func TestSearchAndImportDoNotWait(t *testing.T) {
	ctx := context.Background()
	l := openTestLibrary(t, filepath.Join(t.TempDir(), "m.db"))
	if _, err := l.Seed(ctx, content.DemoArticles()); err != nil {
		t.Fatal(err)
	}
	ix := l.Index()
	ix.SetCacheSize(16)

	searching, releaseSearch := make(chan struct{}), make(chan struct{})
	ix.hooks.midSearch = once(searching, releaseSearch)
	updating, releaseUpdate := make(chan struct{}), make(chan struct{})
	holdUpdate := once(updating, releaseUpdate)
	ix.hooks.beforePublish = func() {
		select {
		case <-releaseSearch: // armed only in the second half
			holdUpdate()
		default:
		}
	}
	held := make(chan []content.Hit)
	go func() {
		hits, _ := ix.Search(ctx, "低空经济 无人机", 3)
		held <- hits
	}()
	<-searching

	imported := make(chan struct{})
	go func() {
		defer close(imported)
		if _, err := l.Import(ctx, []content.Article{{ID: "low", Title: "低空经济：无人机物流起飞", URL: "https://example.com/low"}}, nil); err != nil {
			t.Error(err)
		}
	}()
	within(t, "an import while a search is in progress", imported)
	if got := topID(t, l, "低空经济 无人机"); got != "low" {
		t.Fatalf("a search after the import: %q", got)
	}
	close(releaseSearch)
	if hits := <-held; slices.Contains(ids(hits), "low") {
		t.Fatalf("the search started before the import saw it: %v", ids(hits))
	}
	// The held search cached its answer under the old generation; it is
	// not served now.
	if got := topID(t, l, "低空经济 无人机"); got != "low" {
		t.Fatalf("after the held search returned: %q", got)
	}

	// The second half: an update stopped before it publishes.
	imported = make(chan struct{})
	go func() {
		defer close(imported)
		if _, err := l.Import(ctx, []content.Article{{ID: "eco", Title: "深海科技与海洋经济观察", URL: "https://example.com/eco"}}, nil); err != nil {
			t.Error(err)
		}
	}()
	<-updating
	searched := make(chan struct{})
	go func() {
		defer close(searched)
		if hits, _ := l.Search(ctx, "枫桥经验", 3); len(hits) == 0 || hits[0].Article.ID != "demo-fengqiao" {
			t.Errorf("a search during an update: %v", ids(hits))
		}
		if hits, _ := l.Search(ctx, "深海科技 海洋经济", 3); slices.Contains(ids(hits), "eco") {
			t.Errorf("an unpublished update was searched: %v", ids(hits))
		}
	}()
	within(t, "searches while an update is in progress", searched)
	close(releaseUpdate)
	within(t, "the import once released", imported)
	if got := topID(t, l, "深海科技 海洋经济"); got != "eco" {
		t.Fatalf("after the update published: %q", got)
	}
}
