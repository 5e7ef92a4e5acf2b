package search

import (
	"context"
	"fmt"
	"mpbot/content"
	"path/filepath"
	"testing"
)

// A re-check (xy14) of 3032d767 ("a removal of a tenth of the index merges it
// at once"): `mpbot articles rm` deletes one article a transaction, and
// serve's sync reads the change log twice a second, so a removal of 2,000
// articles (a tenth of the shared corpus and more) reaches the index in
// several pages. The merge comes at the page that takes the removed past a
// tenth; the pages after it are left unmerged, and their removed articles
// still weigh in what followers get: live, after `rm` of 2,000 ids,
// serve answered 亚运会中国体育代表团成立 with 2 articles where a restart
// answered 3 (巴黎奥运会中国体育代表团在北京成立 at 0.73). The README says such
// a removal "merges the index at once, as a restart would".
func TestLargeRemovalInSyncPagesAnswersAsRestart(t *testing.T) {
	arts := loadCorpus(t)
	if testing.Short() {
		t.Skip("loads the whole corpus")
	}
	ix := buildParallel(t, arts)
	ix.SetSynonyms(shippedTerms(t))
	var ops []op // every 9th article: 2,178 of 19,594, as `articles rm` of a list of ids
	for i := 0; i < len(arts); i += 9 {
		ops = append(ops, op{remove: arts[i].ID})
	}
	for len(ops) > 0 { // as serve's sync reads them while rm is still deleting
		n := min(600, len(ops))
		ix.update(ops[:n])
		ops = ops[n:]
	}
	ix.settle() // serve's next sync, finding no change (Library.Sync)
	seg, err := DefaultSegmenter()
	if err != nil {
		t.Fatal(err)
	}
	re := NewIndex(seg) // a restart: the snapshot serve writes at shutdown, loaded
	if _, err := re.loadSnapshot(ix.encodeSnapshot(1)); err != nil {
		t.Fatal(err)
	}
	re.SetSynonyms(shippedTerms(t))
	ctx := context.Background()
	for _, q := range []string{"深圳到中山跨海大桥开通"} {
		got, _ := ix.Search(ctx, q, 5)
		want, _ := re.Search(ctx, q, 5)
		if fmt.Sprint(relevantOf(got)) != fmt.Sprint(relevantOf(want)) {
			t.Errorf("%q: serving after the removal %v; after a restart %v", q, scores(got), scores(want))
		}
	}
}

func relevantOf(hs []content.Hit) []string {
	var out []string
	for _, h := range hs {
		if h.Score >= 0.4 { // the shipped search.min_score
			out = append(out, h.Article.ID)
		}
	}
	return out
}

// TestQuietSyncMergesRemovals: a removal under a tenth of the index is
// merged out by the first sync that finds no change, as a restart would
// have it: its articles no longer weigh in the terms' frequencies.
func TestQuietSyncMergesRemovals(t *testing.T) {
	ctx := context.Background()
	l := openTestLibrary(t, filepath.Join(t.TempDir(), "m.db"))
	arts := content.DemoArticles()
	for i := range 30 {
		arts = append(arts, content.Article{ID: fmt.Sprintf("extra-%d", i), Title: fmt.Sprintf("第%d篇补充文章", i+1), Body: "补充文章的正文。", URL: fmt.Sprintf("https://example.com/extra-%d", i)})
	}
	if _, err := l.Seed(ctx, arts); err != nil {
		t.Fatal(err)
	}
	if err := l.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	if err := l.Delete(ctx, arts[0].ID); err != nil {
		t.Fatal(err)
	}
	if err := l.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	if err := l.Sync(ctx); err != nil { // quiet
		t.Fatal(err)
	}
	if k := l.index.view.Load().killed; k != 0 {
		t.Errorf("after a quiet sync, %d removed articles still in the index's lists", k)
	}
}
