package search

import (
	"mpbot/content"
	"testing"
)

// Removed and replaced articles stay in the index's article table, and a
// snapshot carries them into the next start, and the next snapshot again:
// what a store held once is kept for ever, whatever it holds now.
func TestSnapshotKeepsLiveArticlesOnly(t *testing.T) {
	demo := content.DemoArticles()
	seg, err := DefaultSegmenter()
	if err != nil {
		t.Fatal(err)
	}
	fresh, err := BuildIndex(demo[:3])
	if err != nil {
		t.Fatal(err)
	}
	want := len(fresh.encodeSnapshot(1))

	// The same three live articles, after the demo's 17 were imported
	// and 14 removed, and the three edited ten times.
	ix, err := BuildIndex(demo)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range demo[3:] {
		ix.Remove(a.ID)
	}
	for k := range 10 {
		for _, a := range demo[:3] {
			a.Summary += string(rune('a' + k))
			ix.Add(ix.Analyze(a))
		}
	}
	ix.Compact()
	blob := ix.encodeSnapshot(2)
	// The next start reads it, and writes it again at its shutdown.
	next := NewIndex(seg)
	if _, err := next.loadSnapshot(blob); err != nil {
		t.Fatal(err)
	}
	again := next.encodeSnapshot(3)
	v := next.view.Load()
	t.Logf("live %d, article table %d; snapshot %d bytes, %d for the same live articles indexed afresh", next.Len(), len(v.docs), len(again), want)
	if len(v.docs) > 2*next.Len() || len(again) > 2*want {
		t.Errorf("after a restart from the snapshot the index holds %d articles' records for %d live ones; its snapshot is %d bytes against %d fresh", len(v.docs), next.Len(), len(again), want)
	}
}
