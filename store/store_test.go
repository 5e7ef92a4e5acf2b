package store_test

import (
	"context"
	"errors"
	"fmt"
	"mpbot/content"
	"mpbot/store"
	"mpbot/store/storetest"
	"os"
	"strings"
	"testing"
	"time"
)

func TestUpsertIsIdempotent(t *testing.T) { storetest.Each(t, testUpsertIsIdempotent) }

func testUpsertIsIdempotent(t *testing.T, e storetest.Engine) {
	ctx := context.Background()
	s := e.Store(t)
	clock := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	s.Now = func() time.Time { return clock }

	a := content.Article{ID: "a1", Title: "枫桥经验", URL: "https://example.com/a1", Tags: []string{"基层治理"}, PublishedOn: "2026-09-01"}
	if _, out, err := s.Upsert(ctx, a); err != nil || out != store.Added {
		t.Fatalf("first upsert: %v %v", out, err)
	}
	clock = clock.Add(time.Hour)
	if _, out, err := s.Upsert(ctx, a); err != nil || out != store.Unchanged {
		t.Fatalf("same article again: %v %v", out, err)
	}
	a.Title = "新时代枫桥经验"
	got, out, err := s.Upsert(ctx, a)
	if err != nil || out != store.Updated {
		t.Fatalf("changed article: %v %v", out, err)
	}
	if !got.CreatedAt.Equal(time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)) || !got.UpdatedAt.Equal(clock) {
		t.Fatalf("times: created %v updated %v", got.CreatedAt, got.UpdatedAt)
	}
	// Without an id, the url identifies the article.
	noID := content.Article{Title: "浦江经验", URL: "https://example.com/pj"}
	first, out, err := s.Upsert(ctx, noID)
	if err != nil || out != store.Added || !strings.HasPrefix(first.ID, "u-") {
		t.Fatalf("no-id upsert: %+v %v %v", first, out, err)
	}
	noID.Summary = "下访"
	second, out, err := s.Upsert(ctx, noID)
	if err != nil || out != store.Updated || second.ID != first.ID {
		t.Fatalf("no-id update: %+v %v %v", second, out, err)
	}
	if n, _ := s.Count(ctx); n != 2 {
		t.Fatalf("count %d, want 2", n)
	}
	// Imported again without a category, the article keeps the one it had.
	withCat := content.Article{ID: "c1", Title: "有栏目", URL: "https://example.com/c1", Category: "考试分析"}
	s.Upsert(ctx, withCat)
	withCat.Category = ""
	if got, out, err := s.Upsert(ctx, withCat); err != nil || out != store.Unchanged || got.Category != "考试分析" {
		t.Fatalf("re-import without a category: %v %+v %v", out, got, err)
	}
	stored, err := s.Get(ctx, "a1")
	if err != nil || stored.Title != "新时代枫桥经验" || len(stored.Tags) != 1 {
		t.Fatalf("get: %+v %v", stored, err)
	}
}

func TestStoreRejectsBadArticles(t *testing.T) { storetest.Each(t, testStoreRejectsBadArticles) }

func testStoreRejectsBadArticles(t *testing.T, e storetest.Engine) {
	s := e.Store(t)
	for _, a := range []content.Article{
		{ID: "x"},
		{Title: "no id or url"},
		{ID: "d", Title: "t", PublishedOn: "2026/01/01"},
	} {
		if _, _, err := s.Upsert(context.Background(), a); err == nil {
			t.Errorf("accepted %+v", a)
		}
	}
	// Text PostgreSQL refuses is an invalid article of its batch, not an
	// error that took the batch's other articles with it.
	res, err := s.UpsertBatch(context.Background(), []store.Upsert{
		{Article: content.Article{ID: "ok1", Title: "好", URL: "https://example.com/1"}},
		{Article: content.Article{ID: "nul", Title: "a\x00b", URL: "https://example.com/2"}},
		{Article: content.Article{ID: "bad", Title: "好", Summary: "\xff\xfe", URL: "https://example.com/3"}},
		{Article: content.Article{ID: "ok2", Title: "好", URL: "https://example.com/4"}},
	})
	if err != nil {
		t.Fatalf("the batch: %v", err)
	}
	if res[0].Err != nil || res[3].Err != nil || res[1].Err == nil || res[2].Err == nil {
		t.Fatalf("results %+v", res)
	}
	for _, id := range []string{"ok1", "ok2"} {
		if _, err := s.Get(context.Background(), id); err != nil {
			t.Errorf("%s: %v", id, err)
		}
	}
}

func TestListNewestDelete(t *testing.T) { storetest.Each(t, testListNewestDelete) }

func testListNewestDelete(t *testing.T, e storetest.Engine) {
	ctx := context.Background()
	s := e.Store(t)
	for _, a := range []content.Article{
		{ID: "old", Title: "旧", URL: "https://example.com/u1", Category: "政策理论导读", PublishedOn: "2025-01-01"},
		{ID: "new", Title: "新", URL: "https://example.com/u2", Category: "政策理论导读", PublishedOn: "2026-01-01"},
		{ID: "news", Title: "时政", URL: "https://example.com/u3", Category: "时政热点", PublishedOn: "2026-06-01"},
	} {
		if _, _, err := s.Upsert(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	if a, err := s.Newest(ctx, "政策理论导读"); err != nil || a.ID != "new" {
		t.Fatalf("newest: %v %v", a.ID, err)
	}
	if _, err := s.Newest(ctx, "考试分析"); !errors.Is(err, content.ErrNotFound) {
		t.Fatalf("newest of empty category: %v", err)
	}
	list, _ := s.List(ctx, store.Filter{})
	if len(list) != 3 || list[0].ID != "news" {
		t.Fatalf("list order: %v", list)
	}
	if err := s.Delete(ctx, "new"); err != nil {
		t.Fatal(err)
	}
	if err := s.Delete(ctx, "new"); !errors.Is(err, content.ErrNotFound) {
		t.Fatalf("second delete: %v", err)
	}
	if _, err := s.Get(ctx, "new"); !errors.Is(err, content.ErrNotFound) {
		t.Fatalf("get deleted: %v", err)
	}
}

func TestSetAnalyses(t *testing.T) { storetest.Each(t, testSetAnalyses) }

// testSetAnalyses: analyses written a batch at a time replace what each
// article had, and an article not in the batch keeps its own.
func testSetAnalyses(t *testing.T, e storetest.Engine) {
	ctx := context.Background()
	s := e.Store(t)
	for _, id := range []string{"a1", "a2", "a3"} {
		if _, _, err := s.Upsert(ctx, content.Article{ID: id, Title: "标题" + id, URL: "https://example.com/" + id}); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.SetAnalysis(ctx, "a3", 1, []byte("old a3")); err != nil {
		t.Fatal(err)
	}
	if err := s.SetAnalysis(ctx, "a1", 1, []byte("old a1")); err != nil {
		t.Fatal(err)
	}
	if err := s.SetAnalyses(ctx, []store.Analysis{{ID: "a1", Version: 2, Data: []byte("new a1")}, {ID: "a2", Version: 2, Data: []byte("new a2")}}); err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string]string{"a1": "2 new a1", "a2": "2 new a2", "a3": "1 old a3"} {
		it, err := s.GetIndexed(ctx, id)
		if got := fmt.Sprintf("%d %s", it.Version, it.Analysis); err != nil || got != want {
			t.Errorf("%s: %q %v, want %q", id, got, err, want)
		}
	}
}

// TestImportAndRemovalAtOnce: on PostgreSQL an import holding the change
// log's lock, and a removal that had locked an article's row the import
// reached next, waited for each other until PostgreSQL killed one
// ("deadlock detected"): an `mpbot articles rm` beside an import failed,
// or the import died half-way.
func TestImportAndRemovalAtOnce(t *testing.T) {
	e := storetest.Engines()[1]
	ctx := context.Background()
	dsn := e.Fresh(t)
	importer, remover := e.OpenAt(t, dsn), e.OpenAt(t, dsn)
	for _, id := range []string{"x", "y"} {
		if _, _, err := importer.Upsert(ctx, content.Article{ID: id, Title: "旧" + id, URL: "https://example.com/" + id}); err != nil {
			t.Fatal(err)
		}
	}
	upsert, commit, err := importer.BeginImport(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := upsert(content.Article{ID: "x", Title: "新x", URL: "https://example.com/x"}); err != nil {
		t.Fatal(err)
	}
	removed := make(chan error, 1)
	go func() { removed <- remover.Delete(ctx, "y") }()
	waiting := lockWaits(t, dsn)
	waitUntil(t, func() bool { return waiting("SELECT pg_advisory_xact_lock") }, "the removal waiting for the import")
	if err := upsert(content.Article{ID: "y", Title: "新y", URL: "https://example.com/y"}); err != nil {
		t.Fatalf("the import, reaching the article being removed: %v", err)
	}
	if err := commit(); err != nil {
		t.Fatal(err)
	}
	if err := <-removed; err != nil {
		t.Fatalf("the removal after the import: %v", err)
	}
	if _, err := importer.Get(ctx, "y"); !errors.Is(err, content.ErrNotFound) {
		t.Fatalf("y after its removal: %v", err)
	}
}

// TestSnapshotLoadWhileSaving: a process starting while another saves the
// index snapshot (an import finishing, a replica shutting down) read the
// snapshot's size and its chunks apart, found them disagreeing ("index
// snapshot is 3145728 bytes, expected 5242880") and failed to start. A load
// now returns one whole snapshot, whichever was saved last.
func TestSnapshotLoadWhileSaving(t *testing.T) { storetest.Each(t, testSnapshotLoadWhileSaving) }

func testSnapshotLoadWhileSaving(t *testing.T, e storetest.Engine) {
	ctx := context.Background()
	dsn := e.Fresh(t)
	savers, loader := []*store.Store{e.OpenAt(t, dsn), e.OpenAt(t, dsn)}, e.OpenAt(t, dsn)
	blobs := [][]byte{[]byte(strings.Repeat("a", 3<<19)), []byte(strings.Repeat("b", 5<<19))} // 1.5 and 2.5 MiB: 2 and 3 chunks
	if err := savers[0].SaveSnapshot(ctx, 1, blobs[0]); err != nil {
		t.Fatal(err)
	}
	// Two replicas saving at once (both shutting down): on PostgreSQL one
	// failed on the other's chunks (duplicate key).
	done := make(chan error, len(savers))
	for k, saver := range savers {
		go func() {
			for i := range 15 {
				if err := saver.SaveSnapshot(ctx, int64(i+2), blobs[(i+k)%2]); err != nil {
					done <- err
					return
				}
			}
			done <- nil
		}()
	}
	finished := 0
	for loads := 0; ; loads++ {
		select {
		case err := <-done:
			if err != nil {
				t.Fatal(err)
			}
			if finished++; finished == len(savers) {
				t.Logf("%d loads while saving", loads)
				return
			}
		default:
		}
		got, err := loader.LoadSnapshot(ctx)
		if err != nil {
			t.Fatalf("load %d: %v", loads, err)
		}
		if string(got) != string(blobs[0]) && string(got) != string(blobs[1]) {
			t.Fatalf("load %d: %d bytes, neither snapshot", loads, len(got))
		}
	}
}

// TestOneArticleAnAddress: an article imported by its address alone, then
// with an id, became a second article at the same address. The second
// import is now refused, naming the article that has the address.
func TestOneArticleAnAddress(t *testing.T) { storetest.Each(t, testOneArticleAnAddress) }

func testOneArticleAnAddress(t *testing.T, e storetest.Engine) {
	ctx := context.Background()
	s := e.Store(t)
	first, _, err := s.Upsert(ctx, content.Article{Title: "X", URL: "https://example.com/x"})
	if err != nil {
		t.Fatal(err)
	}
	_, _, err = s.Upsert(ctx, content.Article{ID: "x", Title: "X", URL: "https://example.com/x"})
	if err == nil || !strings.Contains(err.Error(), first.ID) {
		t.Fatalf("an id given later to an article at the same address: %v", err)
	}
	if _, err := s.Get(ctx, "x"); !errors.Is(err, content.ErrNotFound) {
		t.Fatalf("a second article at the address: %v", err)
	}
	// Articles with ids of their own may share an address.
	for _, id := range []string{"p", "q"} {
		if _, _, err := s.Upsert(ctx, content.Article{ID: id, Title: id, URL: "https://example.com/course"}); err != nil {
			t.Fatalf("%s at a shared address: %v", id, err)
		}
	}
	// Given the id it has, it is the same article, updated.
	if _, outcome, err := s.Upsert(ctx, content.Article{ID: first.ID, Title: "X 新", URL: "https://example.com/x"}); err != nil || outcome != store.Updated {
		t.Fatalf("the article by its own id: %v %v", outcome, err)
	}
}

// TestAnotherArticleUnderAnID: a file of the same name in a later import
// (two notes, note.md) had replaced the article of the first, whose
// answers were gone (an operator run's find). Another article under an id
// is refused, naming the one there; a revision is an update.
func TestAnotherArticleUnderAnID(t *testing.T) { storetest.Each(t, testAnotherArticleUnderAnID) }

func testAnotherArticleUnderAnID(t *testing.T, e storetest.Engine) {
	ctx := context.Background()
	s := e.Store(t)
	grain := content.Article{ID: "note", Title: "第一篇笔记：粮食安全",
		Body: "粮食安全是国家安全的重要基础。要牢牢守住十八亿亩耕地红线，稳定粮食播种面积，提高单产，确保谷物基本自给、口粮绝对安全。"}
	if _, _, err := s.Upsert(ctx, grain); err != nil {
		t.Fatal(err)
	}
	energy := content.Article{ID: "note", Title: "第二篇笔记：能源安全",
		Body: "能源是工业的粮食。推动能源革命，加快构建新型电力系统，发展风电光伏，保障油气供应，提升能源自主保障能力。"}
	if _, _, err := s.Upsert(ctx, energy); err == nil || !strings.Contains(err.Error(), "already another article") || !strings.Contains(err.Error(), grain.Title) {
		t.Fatalf("another article under the id: %v", err)
	}
	if got, err := s.Get(ctx, "note"); err != nil || got.Title != grain.Title {
		t.Fatalf("the first article after the refusal: %+v %v", got, err)
	}
	revised := grain
	revised.Title = "笔记：粮食安全"
	revised.Body = strings.Replace(grain.Body, "提高单产", "主攻单产、提高品质", 1) + "种子是农业的芯片。"
	if _, outcome, err := s.Upsert(ctx, revised); err != nil || outcome != store.Updated {
		t.Fatalf("a revision: %v %v", outcome, err)
	}
	// At the same address, what the page now says is the article.
	page := content.Article{ID: "page", Title: energy.Title, Body: energy.Body, URL: "https://example.com/p"}
	if _, _, err := s.Upsert(ctx, page); err != nil {
		t.Fatal(err)
	}
	page.Title, page.Body = grain.Title, grain.Body
	if _, outcome, err := s.Upsert(ctx, page); err != nil || outcome != store.Updated {
		t.Fatalf("a page rewritten at its address: %v %v", outcome, err)
	}
}

// TestOpenRefusesAnAddress: a PostgreSQL address given where an SQLite
// file goes is refused, not made into a file in a folder named postgres:
// (a test of this project's did so).
func TestOpenRefusesAnAddress(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if _, err := store.Open(context.Background(), "postgres://127.0.0.1:5432/mpbot"); err == nil || !strings.Contains(err.Error(), "store.driver: postgres") {
		t.Fatalf("open of an address: %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Fatalf("open of an address made %s", entries[0].Name())
	}
}

// TestOpenTakesAnyFileName: a store's path is a file name, whatever it
// holds: ? and # had been read as the start of the SQLite URI's query and
// fragment (backup?.db made a store named backup, a#b.db one named a), and
// a copy's source so named was another file, or none.
func TestOpenTakesAnyFileName(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	for _, name := range []string{"backup?.db", "a#b.db", "100%.db", "x?mode=ro.db"} {
		path := dir + "/" + name
		st, err := store.Open(ctx, path)
		if err != nil {
			t.Fatalf("open %s: %v", name, err)
		}
		a := content.Article{ID: "a1", Title: "枫桥经验", Body: "枫桥经验是基层治理的经验。", URL: "https://example.com/a1"}
		if _, _, err := st.Upsert(ctx, a); err != nil {
			t.Fatalf("upsert in %s: %v", name, err)
		}
		st.Close()
		if _, err := os.Stat(path); err != nil {
			t.Fatalf("store %s is not at its path: %v", name, err)
		}
		src, err := store.OpenCopySource(ctx, path)
		if err != nil {
			t.Fatalf("copy source %s: %v", name, err)
		}
		got, err := src.Get(ctx, "a1")
		src.Close()
		if err != nil || got.Title != a.Title {
			t.Fatalf("copy source %s holds %+v, %v", name, got, err)
		}
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), "-wal") && !strings.HasSuffix(e.Name(), "-shm") {
			names = append(names, e.Name())
		}
	}
	if len(names) != 4 {
		t.Fatalf("files made: %q", names)
	}
}

// TestOpenTakesAPathWithADoubleSlash: fileURI makes ?, # and % part of the
// file name, but a path starting with // (POSIX: the same file as one
// slash; what a template makes of ${DATA_DIR}/mpbot.db with DATA_DIR=/, or
// a join that keeps both slashes) becomes file://host/…, and SQLite refuses
// it: `mpbot import` with store.path //tmp/x/dbl.db said "store.path: store
// //tmp/x/dbl.db: SQL logic error: invalid uri authority: tmp (1)". The
// copy source (OpenCopySource) is built the same way.
func TestOpenTakesAPathWithADoubleSlash(t *testing.T) {
	ctx := context.Background()
	path := "/" + t.TempDir() + "/dbl.db" // t.TempDir is absolute: //tmp/…
	st, err := store.Open(ctx, path)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	st.Close()
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("store %s is not at its path: %v", path, err)
	}
	src, err := store.OpenCopySource(ctx, path)
	if err != nil {
		t.Fatalf("copy source %s: %v", path, err)
	}
	src.Close()
}
