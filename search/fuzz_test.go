package search

import (
	"strings"
	"testing"

	"mpbot/content"
)

// FuzzDecodeAnalysis: stored analyses are read back by every server; a
// corrupt one must be refused, never crash the start.
func FuzzDecodeAnalysis(f *testing.F) {
	ix, err := BuildIndex(nil)
	if err != nil {
		f.Fatal(err)
	}
	for _, a := range content.DemoArticles()[:3] {
		f.Add(ix.Analyze(a).Encode())
	}
	// A roundup's items, one of them in traditional characters (kept
	// apart from its folded text).
	r := roundups()[0]
	f.Add(ix.Analyze(r).Encode())
	r.Body = strings.Replace(r.Body, "公务员", "公務員", 1)
	f.Add(ix.Analyze(r).Encode())
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		an, err := DecodeAnalysis(content.Article{ID: "x", Title: "t", URL: "u"}, data)
		if err != nil {
			return
		}
		// What decodes must encode back to something that decodes the same.
		again, err := DecodeAnalysis(an.article, an.Encode())
		if err != nil || len(again.terms) != len(an.terms) || again.length != an.length || len(again.stories) != len(an.stories) {
			t.Fatalf("re-encoding changed the analysis: %v", err)
		}
		ix.Add(an)
	})
}

// FuzzLoadSnapshot: a damaged snapshot must be refused (the library then
// rebuilds), never crash or half-load.
func FuzzLoadSnapshot(f *testing.F) {
	ix, err := BuildIndex(append(content.DemoArticles()[:4], roundups()...))
	if err != nil {
		f.Fatal(err)
	}
	good := ix.encodeSnapshot(7)
	f.Add(good)
	f.Add(good[:len(good)/2])
	f.Add([]byte(snapshotMagic))
	seg, _ := DefaultSegmenter()
	f.Fuzz(func(t *testing.T, blob []byte) {
		fresh := NewIndex(seg)
		if _, err := fresh.loadSnapshot(blob); err != nil {
			if fresh.Len() != 0 {
				t.Fatal("a refused snapshot left data behind")
			}
			return
		}
		fresh.Search(t.Context(), "枫桥经验", 3)
	})
}
