package search

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mpbot/content"
	"mpbot/store"
	"mpbot/store/storetest"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

func topID(t *testing.T, l *Library, q string) string {
	t.Helper()
	hits, err := l.Search(context.Background(), q, 3)
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) == 0 {
		return ""
	}
	return hits[0].Article.ID
}

// TestLibraryKeepsIndexInStep: an import by another process (another
// Library on the same file) is searchable after Sync, and a delete is gone.
func TestLibraryKeepsIndexInStep(t *testing.T) { storetest.Each(t, testLibraryKeepsIndexInStep) }

func testLibraryKeepsIndexInStep(t *testing.T, e storetest.Engine) {
	ctx := context.Background()
	path := e.Fresh(t)
	server := openLibraryAt(t, e, path)
	if n, err := server.Seed(ctx, content.DemoArticles()); err != nil || n != len(content.DemoArticles()) {
		t.Fatalf("seed: %d %v", n, err)
	}
	if got := topID(t, server, "枫桥经验"); got != "demo-fengqiao" {
		t.Fatalf("after seeding: %q", got)
	}
	importer := openLibraryAt(t, e, path)
	res, err := importer.Import(ctx, []content.Article{
		{ID: "new-1", Title: "低空经济发展观察", Summary: "无人机物流", URL: "https://example.com/low", PublishedOn: "2026-10-01"},
		{Title: "没有链接也没有编号"},
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res[0].Err != nil || res[0].Outcome != store.Added || res[1].Err == nil || !strings.Contains(res[1].Err.Error(), "needs an id or a url") {
		t.Fatalf("import results %+v", res)
	}
	if got := topID(t, server, "低空经济"); got == "new-1" {
		t.Fatal("found before Sync: the test proves nothing")
	}
	if err := server.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	if got := topID(t, server, "低空经济"); got != "new-1" {
		t.Fatalf("after Sync: %q", got)
	}
	if err := importer.Delete(ctx, "demo-fengqiao"); err != nil {
		t.Fatal(err)
	}
	server.Sync(ctx)
	if got := topID(t, server, "枫桥经验"); got == "demo-fengqiao" {
		t.Fatal("deleted article still found")
	}
}

// TestLibraryLoadsStoredAnalysis: a reopened library loads analyses from
// the store instead of segmenting again, and recomputes outdated ones.
func TestLibraryLoadsStoredAnalysis(t *testing.T) { storetest.Each(t, testLibraryLoadsStoredAnalysis) }

func testLibraryLoadsStoredAnalysis(t *testing.T, e storetest.Engine) {
	ctx := context.Background()
	path := e.Fresh(t)
	l := openLibraryAt(t, e, path)
	l.Seed(ctx, content.DemoArticles())
	// Make analyses outdated, as an older binary would have left them:
	// one unreadable, half of the others of another version (they are
	// analysed again together, on every core).
	if err := l.store.SetAnalysis(ctx, "demo-pujiang", analysisVersion-1, []byte("old")); err != nil {
		t.Fatal(err)
	}
	for i, a := range content.DemoArticles() {
		if i%2 == 0 && a.ID != "demo-pujiang" {
			it, err := l.store.GetIndexed(ctx, a.ID)
			if err != nil {
				t.Fatal(err)
			}
			if err := l.store.SetAnalysis(ctx, a.ID, analysisVersion-1, it.Analysis); err != nil {
				t.Fatal(err)
			}
		}
	}
	again := openLibraryAt(t, e, path)
	if again.index.Len() != len(content.DemoArticles()) {
		t.Fatalf("reopened index has %d articles", again.index.Len())
	}
	if got := topID(t, again, "浦江经验"); got != "demo-pujiang" {
		t.Fatalf("recomputed article not found: %q", got)
	}
	for _, a := range content.DemoArticles() {
		it, err := again.store.GetIndexed(ctx, a.ID)
		if err != nil || it.Version != analysisVersion {
			t.Fatalf("%s: analysis not rewritten: version %d %v", a.ID, it.Version, err)
		}
		stored, err := DecodeAnalysis(it.Article, it.Analysis)
		if err != nil {
			t.Fatalf("%s: rewritten analysis unreadable: %v", a.ID, err)
		}
		// The article's own analysis, not another's of the batch.
		full, err := again.store.Get(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		fresh := again.index.Analyze(full)
		if len(stored.terms) != len(fresh.terms) || stored.length != fresh.length {
			t.Fatalf("%s: stored analysis has %d terms, %v long; the article's own %d, %v", a.ID, len(stored.terms), stored.length, len(fresh.terms), fresh.length)
		}
	}
	if got := topID(t, again, "枫桥经验"); got != "demo-fengqiao" {
		t.Fatalf("枫桥经验 after the analyses were redone: %q", got)
	}
}

func TestAnalysisRoundTrip(t *testing.T) {
	l := openTestLibrary(t, filepath.Join(t.TempDir(), "m.db"))
	a := content.DemoArticles()[0]
	an := l.index.Analyze(a)
	back, err := DecodeAnalysis(a, an.Encode())
	if err != nil {
		t.Fatal(err)
	}
	if len(back.terms) != len(an.terms) || back.length != an.length || len(back.pairs) != len(an.pairs) {
		t.Fatalf("round trip lost data")
	}
	for term, tf := range an.terms {
		if *back.terms[term] != *tf {
			t.Fatalf("term %q: %v != %v", term, back.terms[term], tf)
		}
	}
	for _, bad := range [][]byte{nil, []byte("x"), an.Encode()[:10], append(an.Encode(), 1)} {
		if _, err := DecodeAnalysis(a, bad); err == nil {
			t.Errorf("decoded corrupt data %q", bad)
		}
	}
}

func TestLibraryWatch(t *testing.T) { storetest.Each(t, testLibraryWatch) }

func testLibraryWatch(t *testing.T, e storetest.Engine) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	path := e.Fresh(t)
	server := openLibraryAt(t, e, path)
	go server.Watch(ctx, 20*time.Millisecond)
	other := openLibraryAt(t, e, path)
	if _, err := other.Import(ctx, []content.Article{{ID: "w", Title: "具身智能产业观察", URL: "https://example.com/w"}}, nil); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(2 * time.Second)
	for topID(t, server, "具身智能") != "w" {
		if time.Now().After(deadline) {
			t.Fatal("watching library did not pick up the import within 2s")
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestSnapshotStartAndReplay: a library opened from a snapshot answers like
// the one that wrote it, replays changes made after it, and rebuilds from
// the stored analyses when the snapshot is unusable.
func TestSnapshotStartAndReplay(t *testing.T) { storetest.Each(t, testSnapshotStartAndReplay) }

func testSnapshotStartAndReplay(t *testing.T, e storetest.Engine) {
	ctx := context.Background()
	path := e.Fresh(t)
	first := openLibraryAt(t, e, path)
	first.Seed(ctx, content.DemoArticles())
	if err := first.SaveSnapshot(ctx); err != nil {
		t.Fatal(err)
	}
	// A change after the snapshot, by another process.
	if _, err := first.Import(ctx, []content.Article{{ID: "late", Title: "低空经济新观察", URL: "https://example.com/late"}}, nil); err != nil {
		t.Fatal(err)
	}
	if err := first.Delete(ctx, "demo-minzhu"); err != nil {
		t.Fatal(err)
	}
	second := openLibraryAt(t, e, path)
	if second.saved == 0 || second.saved == second.seq {
		t.Fatalf("did not start from the snapshot and replay: saved %d seq %d", second.saved, second.seq)
	}
	if got := topID(t, second, "低空经济"); got != "late" {
		t.Fatalf("change after the snapshot not replayed: %q", got)
	}
	if got := topID(t, second, "全过程人民民主"); got == "demo-minzhu" {
		t.Fatal("delete after the snapshot not replayed")
	}
	if got := topID(t, second, "枫桥经验"); got != "demo-fengqiao" {
		t.Fatalf("snapshot article: %q", got)
	}
	want, _ := first.Search(ctx, "基层治理 浦江经验", 5)
	got, _ := second.Search(ctx, "基层治理 浦江经验", 5)
	if len(want) != len(got) {
		t.Fatalf("snapshot answers differently: %v vs %v", got, want)
	}
	for i := range want {
		if want[i].Article.ID != got[i].Article.ID || want[i].Score != got[i].Score {
			t.Fatalf("hit %d: %+v vs %+v", i, got[i], want[i])
		}
	}
	// A corrupt snapshot is ignored, and the index rebuilt.
	if err := second.store.SaveSnapshot(ctx, 1, []byte("MPIX3garbage")); err != nil {
		t.Fatal(err)
	}
	third := openLibraryAt(t, e, path)
	if third.index.Len() != second.index.Len() || topID(t, third, "低空经济") != "late" {
		t.Fatalf("rebuild after a bad snapshot: %d articles", third.index.Len())
	}
	// So is one the store cannot read whole (its size disagreeing with
	// its chunks): the start failed.
	if err := third.SaveSnapshot(ctx); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open(map[string]string{"sqlite": "sqlite", "postgres": "pgx"}[e.Name], path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`UPDATE index_snapshot SET size = size + 1`); err != nil {
		t.Fatal(err)
	}
	fourth := openLibraryAt(t, e, path)
	if fourth.index.Len() != second.index.Len() || topID(t, fourth, "低空经济") != "late" {
		t.Fatalf("rebuild after an unreadable snapshot: %d articles", fourth.index.Len())
	}
}

// TestResultCache: a cached answer is only served while the index is
// unchanged; an import, a removal or new synonyms retire it, and callers
// cannot alter what is cached.
func TestResultCache(t *testing.T) {
	ctx := context.Background()
	l := openTestLibrary(t, filepath.Join(t.TempDir(), "m.db"))
	l.Seed(ctx, content.DemoArticles())
	ix := l.Index()
	ix.SetCacheSize(16)
	first, _ := ix.Search(ctx, "低空经济 枫桥经验", 3)
	first[0].Article.Title = "changed by a caller"
	again, _ := ix.Search(ctx, "低空经济 枫桥经验", 3)
	if len(again) == 0 || again[0].Article.Title == "changed by a caller" {
		t.Fatalf("cached hits were altered through a caller: %+v", again)
	}
	if _, err := l.Import(ctx, []content.Article{{ID: "low", Title: "低空经济与枫桥经验", URL: "https://example.com/low"}}, nil); err != nil {
		t.Fatal(err)
	}
	if got := topID(t, l, "低空经济 枫桥经验"); got != "low" {
		t.Fatalf("after an import the old answer was served: %q", got)
	}
	if err := l.Delete(ctx, "low"); err != nil {
		t.Fatal(err)
	}
	if got := topID(t, l, "低空经济 枫桥经验"); got == "low" {
		t.Fatal("after a removal the old answer was served")
	}
	if got := topID(t, l, "千万工程"); got != "demo-qianwan" {
		t.Fatalf("千万工程: %q", got)
	}
	if hits, _ := ix.Search(ctx, "万千工程", 3); len(hits) > 0 && hits[0].Article.ID == "demo-qianwan" && hits[0].Score > 0.9 {
		t.Fatal("the test needs 万千工程 to be no synonym yet")
	}
	ix.SetSynonyms([][]string{{"万千工程", "千万工程"}}, nil)
	if hits, _ := ix.Search(ctx, "万千工程", 3); len(hits) == 0 || hits[0].Article.ID != "demo-qianwan" || hits[0].Score < 0.9 {
		t.Fatalf("after a synonym edit the old answer was served: %+v", hits)
	}
	// Kept as asked, or prepared when long: asked again, each is what a
	// search without the cache finds, and a long one's key is bounded.
	long := strings.Repeat("请问枫桥经验是什么，", 12) // 360 bytes
	for _, q := range []string{"枫桥经验", "枫桥经验？", " 枫桥经验", long} {
		ix.SetCacheSize(0)
		fresh, _ := ix.Search(ctx, q, 3)
		ix.SetCacheSize(16)
		ix.Search(ctx, q, 3)
		if again, _ := ix.Search(ctx, q, 3); !reflect.DeepEqual(again, fresh) {
			t.Errorf("%.20s… asked again: %+v, a fresh search: %+v", q, again, fresh)
		}
		if key := ix.searchKey(q, 3, false); len(key.query) > rawKeyBytes && !key.prepared || len(key.query) > 4*maxQueryRunes {
			t.Errorf("%.20s… is kept under %d bytes", q, len(key.query))
		}
	}
}

func TestSnippetCache(t *testing.T) {
	ctx := context.Background()
	l := openTestLibrary(t, filepath.Join(t.TempDir(), "m.db"))
	l.Seed(ctx, content.DemoArticles())
	ix := l.Index()
	ix.SetCacheSize(16)
	hits, _ := ix.Search(ctx, "基层治理", 3)
	if len(hits) < 2 {
		t.Fatalf("need two hits: %+v", hits)
	}
	a := ix.Snippets("基层治理", hits, nil)
	b := ix.Snippets("基层治理", []content.Hit{hits[1], hits[0]}, nil)
	if b[0].Article.ID != hits[1].Article.ID || b[0].Snippet != a[1].Snippet || b[0].Snippet == "" {
		t.Fatalf("snippets for other hits came from the cache: %+v", b)
	}
}

// TestSnapshotSavedOnceByAFleet: replicas stopping together save the
// index snapshot once: one that finds the store holding one of its change
// or later writes nothing (a fleet run's find: each of three wrote the
// same 49 MB in turn, and the last ran out of its shutdown time).
func TestSnapshotSavedOnceByAFleet(t *testing.T) { storetest.Each(t, testSnapshotSavedOnceByAFleet) }

func testSnapshotSavedOnceByAFleet(t *testing.T, e storetest.Engine) {
	ctx := context.Background()
	path := e.Fresh(t)
	a := openLibraryAt(t, e, path)
	a.Seed(ctx, content.DemoArticles())
	b := openLibraryAt(t, e, path)
	if _, err := a.Import(ctx, []content.Article{{ID: "late", Title: "低空经济新观察", URL: "https://example.com/late"}}, nil); err != nil {
		t.Fatal(err)
	}
	if err := b.Sync(ctx); err != nil || b.seq != a.seq {
		t.Fatalf("replica b at change %d, a at %d: %v", b.seq, a.seq, err)
	}
	if err := a.SaveSnapshot(ctx); err != nil {
		t.Fatal(err)
	}
	// Marked, so that a second write shows.
	if err := a.store.SaveSnapshot(ctx, a.seq, []byte("a's")); err != nil {
		t.Fatal(err)
	}
	if err := b.SaveSnapshot(ctx); err != nil {
		t.Fatal(err)
	}
	if blob, err := b.store.LoadSnapshot(ctx); err != nil || string(blob) != "a's" {
		t.Fatalf("b wrote the snapshot a had saved at the same change: %.8q %v", blob, err)
	}
	// A later change is saved.
	if err := b.Delete(ctx, "late"); err != nil {
		t.Fatal(err)
	}
	if err := b.SaveSnapshot(ctx); err != nil {
		t.Fatal(err)
	}
	if blob, err := b.store.LoadSnapshot(ctx); err != nil || string(blob) == "a's" {
		t.Fatalf("b's snapshot of a later change not written: %v", err)
	}
}

// openLibraryAt opens a library on the store at where, as another process
// (or replica) would.
func openLibraryAt(t *testing.T, e storetest.Engine, where string) *Library {
	t.Helper()
	l, err := OpenLibrary(context.Background(), e.OpenAt(t, where), slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func openTestLibrary(t *testing.T, path string) *Library {
	return openLibraryAt(t, storetest.Engines()[0], path)
}

// TestSeedOnlyANewStore: the demo articles fill a store that never held an
// article, not one an operator emptied (they came back at every start).
func TestSeedOnlyANewStore(t *testing.T) {
	ctx := context.Background()
	l := openTestLibrary(t, filepath.Join(t.TempDir(), "m.db"))
	if n, err := l.Seed(ctx, content.DemoArticles()); err != nil || n != len(content.DemoArticles()) {
		t.Fatalf("new store: seeded %d %v", n, err)
	}
	for _, a := range content.DemoArticles() {
		if err := l.Delete(ctx, a.ID); err != nil {
			t.Fatal(err)
		}
	}
	if n, err := l.Seed(ctx, content.DemoArticles()); err != nil || n != 0 {
		t.Fatalf("emptied store: seeded %d %v, want 0", n, err)
	}
}

func TestOutageLogsOnceAMinute(t *testing.T) {
	var o outage
	t0 := time.Date(2026, 12, 3, 8, 0, 0, 0, time.UTC)
	var logged []int
	for i := range 130 { // two a second for 65 s
		if n, ok := o.failed(t0.Add(time.Duration(i) * 500 * time.Millisecond)); ok {
			logged = append(logged, n)
		}
	}
	if !slices.Equal(logged, []int{1, 121}) {
		t.Fatalf("logged failures %v, want the first and one a minute later", logged)
	}
	if n := o.over(); n != 130 {
		t.Fatalf("over after %d failures", n)
	}
	if n, ok := o.failed(t0.Add(time.Hour)); n != 1 || !ok {
		t.Fatalf("a new outage's first failure: %d %v", n, ok)
	}
}

// TestReimportAnalysesOnlyWhatChanged: an import of articles the store
// holds as they are leaves their stored analyses alone, and one changed in
// the same batch (its id, or its address alone) is analysed and found by
// its new words.
func TestReimportAnalysesOnlyWhatChanged(t *testing.T) {
	ctx := context.Background()
	l := openTestLibrary(t, filepath.Join(t.TempDir(), "m.db"))
	arts := content.DemoArticles()
	byURL := content.Article{Title: "海洋牧场建设观察", Summary: "深远海养殖", URL: "https://example.com/sea", Body: "海洋牧场"}
	if _, err := l.Import(ctx, append(slices.Clone(arts), byURL), nil); err != nil {
		t.Fatal(err)
	}
	stored := map[string][]byte{}
	for _, a := range arts {
		it, err := l.store.GetIndexed(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		stored[a.ID] = it.Analysis
	}
	again := slices.Clone(arts)
	again[0].Body += "\n\n新增段落讲到深海探测器蛟龙号。"
	byURL.Body += "，蛟龙号"
	var mu sync.Mutex
	var analysed []string
	l.index.hooks.analyse = func(id string) { mu.Lock(); analysed = append(analysed, id); mu.Unlock() }
	res, err := l.Import(ctx, append(again, byURL), nil)
	l.index.hooks.analyse = nil
	if slices.Sort(analysed); !slices.Equal(analysed, []string{"", arts[0].ID}) { // byURL has no id of its own yet
		t.Fatalf("analysed %q, want the two changed", analysed)
	}
	if err != nil {
		t.Fatal(err)
	}
	var outcomes []store.Outcome
	for _, r := range res {
		outcomes = append(outcomes, r.Outcome)
	}
	if outcomes[0] != store.Updated || outcomes[1] != store.Unchanged || outcomes[len(outcomes)-1] != store.Updated {
		t.Fatalf("outcomes %v", outcomes)
	}
	for _, a := range arts[1:] {
		if it, _ := l.store.GetIndexed(ctx, a.ID); !bytes.Equal(it.Analysis, stored[a.ID]) {
			t.Fatalf("%s analysed again", a.ID)
		}
	}
	hits, err := l.Search(ctx, "蛟龙号", 5)
	if err != nil || len(hits) != 2 {
		t.Fatalf("the changed articles by their new word: %v %v", hits, err)
	}
}

// TestSyncOfAHungStore: a PostgreSQL that hangs (its connections open,
// nothing passing) fails a sync at its page's deadline, for Watch to log
// and retry; it waited for ever without a word (a fleet run's find).
func TestSyncOfAHungStore(t *testing.T) {
	ctx := context.Background()
	lib, pg := libraryThroughProxy(t, slog.New(slog.DiscardHandler))
	if _, err := lib.Import(ctx, content.DemoArticles()[:2], nil); err != nil {
		t.Fatal(err)
	}
	defer func(d time.Duration) { syncPageTimeout = d }(syncPageTimeout)
	syncPageTimeout = 200 * time.Millisecond
	pg.Hang()
	done := make(chan error, 1)
	go func() { done <- lib.Sync(ctx) }()
	select {
	case err := <-done:
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("a sync with the store hung: %v, want its deadline", err)
		}
	case <-time.After(time.Minute):
		t.Fatal("a sync with the store hung did not end")
	}
}

// TestSearchesOutliveTheDeadline: the searches work in memory, so a
// context whose deadline has passed (the webhook's for the bot's I/O,
// ended by a busy first search) still gets them answered (a review's
// find: the mentions list that followed a busy search became no match).
func TestSearchesOutliveTheDeadline(t *testing.T) {
	e := storetest.Engines()[0]
	lib := openLibraryAt(t, e, e.Fresh(t))
	if _, err := lib.Seed(context.Background(), content.DemoArticles()); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
	defer cancel()
	if hits, err := lib.Search(ctx, "枫桥经验", 3); err != nil || len(hits) == 0 {
		t.Errorf("search past the deadline: %v, %v", hits, err)
	}
	if _, _, err := lib.Mentions(ctx, "枫桥经验", 3); err != nil {
		t.Errorf("mentions past the deadline: %v", err)
	}
	if hits, err := lib.Latest(ctx, 3); err != nil || len(hits) == 0 {
		t.Errorf("latest past the deadline: %v, %v", hits, err)
	}
	if _, err := lib.Day(ctx, "2026-08-22", 3); err != nil {
		t.Errorf("a day past the deadline: %v", err)
	}
}

// TestSnippetFromTheBody: an article listed for what its body mentions (its
// title and summary hold none of the query) shows where the body has it,
// read from the store; it showed its summary's opening, which says nothing
// of why it is listed (a follower run's find, on mentions lists).
func TestSnippetFromTheBody(t *testing.T) {
	ctx := context.Background()
	l := openTestLibrary(t, filepath.Join(t.TempDir(), "m.db"))
	body := strings.Repeat("会议听取了各地经济运行情况汇报。", 60) + "与会代表交流了坚持和发展新时代枫桥经验、化解基层矛盾的做法。"
	arts := []content.Article{
		{ID: "body", Title: "全省基层工作座谈会召开", Summary: "座谈会在省会召开。", Body: body, URL: "https://example.com/body", PublishedOn: "2026-05-01"},
		{ID: "summary", Title: "市域社会治理观察", Summary: "各地坚持和发展新时代枫桥经验。", Body: "正文。", URL: "https://example.com/summary", PublishedOn: "2026-05-02"},
	}
	if _, err := l.Import(ctx, arts, nil); err != nil {
		t.Fatal(err)
	}
	hits := []content.Hit{{Article: arts[0]}, {Article: arts[1]}}
	l.Index().SetCacheSize(16)
	// Without a body to read (the index alone), the summary's opening, and
	// nothing kept for the library's next ask.
	if plain := l.Index().Snippets("枫桥经验", hits, nil); plain[0].Snippet != "座谈会在省会召开。" {
		t.Errorf("without bodies: %q", plain[0].Snippet)
	}
	got := l.Snippets(ctx, "枫桥经验", hits)
	if !strings.Contains(got[0].Snippet, "新时代【枫桥经验】、化解") || !strings.HasPrefix(got[0].Snippet, "…") {
		t.Errorf("body-only mention: %q", got[0].Snippet)
	}
	if got[1].Snippet != "各地坚持和发展新时代【枫桥经验】。" {
		t.Errorf("summary mention: %q", got[1].Snippet)
	}
	// Kept: asked again, nothing is read.
	unread := func(string) (string, error) { return "", errors.New("read again") }
	if again := l.Index().Snippets("枫桥经验", hits, unread); again[0].Snippet != got[0].Snippet {
		t.Errorf("asked again: %q", again[0].Snippet)
	}
}

// TestSnippetsOfAHungStore: a store that hangs costs one list its snippets'
// budget, not the reply's whole deadline, and the lists after it show
// summaries without asking it (a review's find: every mentions list waited
// for the store, 2.4 s each).
func TestSnippetsOfAHungStore(t *testing.T) {
	ctx := context.Background()
	logs := &strings.Builder{}
	var mu sync.Mutex
	lib, pg := libraryThroughProxy(t, slog.New(slog.NewTextHandler(lockedWriter{&mu, logs}, nil)))
	arts := []content.Article{{ID: "body", Title: "全省基层工作座谈会召开", Summary: "座谈会在省会召开。", URL: "https://example.com/body",
		Body: "与会代表交流了坚持和发展新时代枫桥经验的做法。", PublishedOn: "2026-05-01"}}
	if _, err := lib.Import(ctx, arts, nil); err != nil {
		t.Fatal(err)
	}
	hits := []content.Hit{{Article: arts[0]}}
	if got := lib.Snippets(ctx, "枫桥经验", hits); !strings.Contains(got[0].Snippet, "【枫桥经验】") {
		t.Fatalf("before the hang: %q", got[0].Snippet)
	}
	lib.Index().SetCacheSize(0) // every list asks afresh
	pg.Hang()
	for i := range 2 {
		done := make(chan []content.Hit, 1)
		go func() { done <- lib.Snippets(ctx, "枫桥经验", hits) }() // no deadline of the caller's own
		select {
		case got := <-done:
			if got[0].Snippet != "座谈会在省会召开。" {
				t.Errorf("list %d with the store hung: %q", i, got[0].Snippet)
			}
		case <-time.After(time.Minute):
			t.Fatalf("list %d waited for a hung store", i)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	if n := strings.Count(logs.String(), "summaries shown for a while"); n != 1 {
		t.Errorf("%d warnings, want one, the second list not asking:\n%s", n, logs)
	}
}

// libraryThroughProxy is a library on a PostgreSQL database of the test's
// own, reached through a proxy that can hang it.
func libraryThroughProxy(t *testing.T, log *slog.Logger) (*Library, *storetest.Proxy) {
	t.Helper()
	dsn, pg := storetest.PostgresThrough(t)
	st, err := store.OpenPostgres(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	lib, err := OpenLibrary(context.Background(), st, log)
	if err != nil {
		t.Fatal(err)
	}
	return lib, pg
}

type lockedWriter struct {
	mu *sync.Mutex
	w  io.Writer
}

func (l lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// TestCardsDescribed: an article whose summary says nothing (none, 各位代表：,
// a zero-width space, as the corpus's documents have) is described on its
// card by its first paragraph, whether the index holds it from an import,
// a snapshot, a rebuild from the store or another process's import (an
// operator's find: a hit carries no body, and its card was blank).
func TestCardsDescribed(t *testing.T) { storetest.Each(t, testCardsDescribed) }

func testCardsDescribed(t *testing.T, e storetest.Engine) {
	ctx := context.Background()
	path := e.Fresh(t)
	first := openLibraryAt(t, e, path)
	arts := []content.Article{
		{ID: "none", Title: "粮食安全战略", Body: "粮食安全战略\n\n十年来，我国粮食产量稳定在1.3万亿斤以上。", URL: "https://example.com/a"},
		{ID: "hail", Title: "政府工作报告", Summary: "各位代表：", Body: "各位代表：\n\n现在，我代表国务院，向大会报告政府工作，\n请予审议。", URL: "https://example.com/b"},
		{ID: "blank", Title: "关于政府工作报告的决议", Summary: "\u200b", Body: "\u200b\n\n（2021年3月11日通过）\n\n大会批准这个报告。", URL: "https://example.com/c"},
		{ID: "kept", Title: "低空经济", Summary: "低空经济是新质生产力。", Body: "正文第一段。", URL: "https://example.com/d"},
	}
	want := map[string]string{"none": "十年来，我国粮食产量稳定在1.3万亿斤以上。", "hail": "现在，我代表国务院，向大会报告政府工作，请予审议。",
		"blank": "大会批准这个报告。", "kept": "低空经济是新质生产力。"}
	check := func(how string, l *Library) {
		t.Helper()
		for _, q := range []string{"粮食安全战略", "政府工作报告", "关于政府工作报告的决议", "低空经济"} {
			hits, err := l.Search(ctx, q, 3)
			if err != nil || len(hits) == 0 {
				t.Fatalf("%s: %s: %v %v", how, q, hits, err)
			}
			if a := hits[0].Article; a.Summary != want[a.ID] {
				t.Errorf("%s: %s's card says %q, want %q", how, a.ID, a.Summary, want[a.ID])
			}
			// A list line's snippet is cut from what the card says (a
			// review's find: 各位代表： under a list's title).
			if sn := l.Snippets(ctx, q, hits[:1]); strings.Contains(sn[0].Snippet, "各位代表") || strings.Contains(sn[0].Snippet, "\u200b") {
				t.Errorf("%s: %s's list line says %q", how, hits[0].Article.ID, sn[0].Snippet)
			}
		}
	}
	if _, err := first.Import(ctx, arts[:2], nil); err != nil {
		t.Fatal(err)
	}
	if err := first.SaveSnapshot(ctx); err != nil {
		t.Fatal(err)
	}
	other := openLibraryAt(t, e, path) // from the snapshot
	if _, err := first.Import(ctx, arts[2:], nil); err != nil {
		t.Fatal(err)
	}
	check("imported", first)
	if err := other.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	check("from a snapshot, then another's import", other)
	if err := first.store.SaveSnapshot(ctx, 1, []byte("MPIX3garbage")); err != nil {
		t.Fatal(err)
	}
	check("rebuilt from the store", openLibraryAt(t, e, path))
}

// TestNameMentionedInPassing: a topic named in full, as one run of
// characters no word of the index is (十八届三中全会), gets the articles
// whose text holds it, its snippets marking it whole (a follower run's
// find: no match, where 14 articles of the corpus mention it). The pairs
// that find it may lie apart in a text (十八届 and 二十届三中全会): the
// library reads each article listed.
func TestNameMentionedInPassing(t *testing.T) {
	ctx := context.Background()
	l := openTestLibrary(t, filepath.Join(t.TempDir(), "m.db"))
	filler := strings.Repeat("会议听取了各地经济运行情况汇报。", 20)
	arts := []content.Article{
		{ID: "held", Title: "全面深化改革的总目标", Summary: "专家解读改革总目标。", Body: filler + "与党的十八届三中全会提出的总目标相比，在前面增加了内容。",
			URL: "https://example.com/held", PublishedOn: "2026-05-01"},
		{ID: "apart", Title: "中央纪委全会精神传达", Summary: "各地传达全会精神。", Body: filler + "十八届中央纪委的工作得到肯定。会议学习贯彻二十届三中全会精神。",
			URL: "https://example.com/apart", PublishedOn: "2026-05-02"},
	}
	for i := range 10 {
		arts = append(arts, content.Article{ID: fmt.Sprintf("other%d", i), Title: fmt.Sprintf("第%d场农业博览会开幕", i+1), Body: "农业博览会展示了新品种。",
			URL: fmt.Sprintf("https://example.com/other%d", i), PublishedOn: "2026-04-01"})
	}
	if _, err := l.Import(ctx, arts, nil); err != nil {
		t.Fatal(err)
	}
	word, byPairs, err := l.Index().Mentions(ctx, "十八届三中全会", 5)
	if err != nil || word != "十八届三中全会" || !slices.ContainsFunc(byPairs, func(h content.Hit) bool { return h.Article.ID == "apart" }) {
		t.Fatalf("by the index's pairs: %q %v %v (the test needs apart found by its pairs)", word, ids(byPairs), err)
	}
	word, held, err := l.Mentions(ctx, "十八届三中全会", 5)
	if err != nil || word != "十八届三中全会" || len(held) != 1 || held[0].Article.ID != "held" {
		t.Fatalf("mentions: %q %v %v", word, ids(held), err)
	}
	if s := l.Snippets(ctx, "十八届三中全会", held)[0].Snippet; !strings.Contains(s, "【十八届三中全会】") {
		t.Errorf("snippet %q", s)
	}
	// A name no article holds: nothing, not the pairs' articles.
	if word, none, err := l.Mentions(ctx, "十八届六中全会", 5); err != nil || len(none) != 0 {
		t.Errorf("十八届六中全会: %q %v %v", word, ids(none), err)
	}
	// A store that fails to read: the articles as the pairs found them,
	// not an error (a review's find: the list became an error reply).
	if err := l.store.Close(); err != nil {
		t.Fatal(err)
	}
	if word, unread, err := l.Mentions(ctx, "十八届三中全会", 5); err != nil || word != "十八届三中全会" || len(unread) != len(byPairs) {
		t.Errorf("with the store closed: %q %v %v", word, ids(unread), err)
	}
}

// TestMentionsCountedAfterAnImport: a name no word of the index is is
// counted over every article once per view (the pass had been a third of a
// cached answer's cost, made again for each message asking it); an import
// or a removal is a new count.
func TestMentionsCountedAfterAnImport(t *testing.T) {
	ctx := context.Background()
	l := openTestLibrary(t, filepath.Join(t.TempDir(), "m.db"))
	var arts []content.Article
	for i := range 10 {
		arts = append(arts, content.Article{ID: fmt.Sprintf("other%d", i), Title: fmt.Sprintf("第%d场农业博览会开幕", i+1), Body: "农业博览会展示了新品种。",
			URL: fmt.Sprintf("https://example.com/other%d", i), PublishedOn: "2026-04-01"})
	}
	if _, err := l.Import(ctx, arts, nil); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if word, none, err := l.Mentions(ctx, "十八届六中全会", 5); err != nil || len(none) != 0 {
			t.Fatalf("before it is written: %q %v %v", word, ids(none), err)
		}
	}
	held := content.Article{ID: "held", Title: "全面从严治党的历史经验", Summary: "专家解读。",
		Body: strings.Repeat("会议听取了各地经济运行情况汇报。", 20) + "党的十八届六中全会审议通过了准则。",
		URL:  "https://example.com/held", PublishedOn: "2026-05-01"}
	if _, err := l.Import(ctx, []content.Article{held}, nil); err != nil {
		t.Fatal(err)
	}
	if word, found, err := l.Mentions(ctx, "十八届六中全会", 5); err != nil || word != "十八届六中全会" || len(found) != 1 || found[0].Article.ID != "held" {
		t.Fatalf("after its import: %q %v %v", word, ids(found), err)
	}
	if err := l.Delete(ctx, "held"); err != nil {
		t.Fatal(err)
	}
	if word, none, err := l.Mentions(ctx, "十八届六中全会", 5); err != nil || len(none) != 0 {
		t.Errorf("after its removal: %q %v %v", word, ids(none), err)
	}
}
