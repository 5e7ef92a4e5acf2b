package content

import (
	"bytes"
	"testing"
)

// FuzzDecodeAnalysis: stored analyses are read back by every server; a
// corrupt one must be refused, never crash the start.
func FuzzDecodeAnalysis(f *testing.F) {
	ix, err := BuildIndex(nil)
	if err != nil {
		f.Fatal(err)
	}
	for _, a := range DemoArticles()[:3] {
		f.Add(ix.Analyze(a).Encode())
	}
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		an, err := DecodeAnalysis(Article{ID: "x", Title: "t", URL: "u"}, data)
		if err != nil {
			return
		}
		// What decodes must encode back to something that decodes the same.
		again, err := DecodeAnalysis(an.article, an.Encode())
		if err != nil || len(again.terms) != len(an.terms) || again.length != an.length {
			t.Fatalf("re-encoding changed the analysis: %v", err)
		}
		ix.Add(an)
	})
}

// FuzzLoadSnapshot: a damaged snapshot must be refused (the library then
// rebuilds), never crash or half-load.
func FuzzLoadSnapshot(f *testing.F) {
	ix, err := BuildIndex(DemoArticles()[:4])
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

// FuzzReadArticles: any bytes as a JSON Lines, Markdown or HTML file give
// articles or file:line errors, never a crash.
func FuzzReadArticles(f *testing.F) {
	f.Add([]byte(`{"id":"a","title":"好","url":"https://x/a"}`+"\n{bad"), byte(0))
	f.Add([]byte("---\ntitle: 标题\nurl: https://x\n---\n# 标题\n\n正文"), byte(1))
	f.Add([]byte(`<html><head><link rel="canonical" href="https://x/y"></head><body><h1>标题</h1><p>2023-06-26| 来源:某网 正文正文正文</p></body></html>`), byte(2))
	f.Fuzz(func(t *testing.T, data []byte, kind byte) {
		var arts []Article
		var errs []error
		switch kind % 3 {
		case 0:
			arts, errs = ReadJSONL(bytes.NewReader(data), "f.jsonl")
		case 1:
			arts, errs = readMarkdownFile("f.md", data)
		case 2:
			arts, errs = readHTMLFile("f.html", data)
		}
		for _, a := range arts {
			if err := a.Validate(); err != nil {
				t.Fatalf("reader returned an invalid article: %v", err)
			}
		}
		for _, e := range errs {
			if e == nil {
				t.Fatal("nil error")
			}
		}
	})
}
