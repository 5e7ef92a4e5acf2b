package search

import (
	"context"
	"math/bits"
	"mpbot/content"
	"reflect"
	"testing"
)

// TestSegmentsAnswerAlike: an index built one article at a time (many
// segments, merged as they go) answers exactly like one built in one batch
// (one segment), before and after compaction; it never holds more than
// about log₂(articles) segments; and removals and replacements are seen.
func TestSegmentsAnswerAlike(t *testing.T) {
	arts := append(content.DemoArticles(), typoArticles...)
	batch, err := BuildIndex(arts)
	if err != nil {
		t.Fatal(err)
	}
	single := NewIndex(batch.seg)
	for i, a := range arts {
		single.Add(single.Analyze(a))
		if n, most := len(single.view.Load().segs), bits.Len(uint(i+1)); n > most {
			t.Fatalf("%d articles in %d segments", i+1, n)
		}
	}
	if len(single.view.Load().segs) < 2 {
		t.Fatal("one segment: the comparison proves nothing")
	}
	queries := []string{"枫桥经验", "基层治理 浦江经验", "千万工程", "fengqiao jingyan", "脱贫功坚", "新质生产力 特征", "两个确立", "红烧肉"}
	same := func(stage string, a, b *Index) {
		t.Helper()
		for _, q := range queries {
			ra, _ := a.SearchResult(context.Background(), q, 5, true)
			rb, _ := b.SearchResult(context.Background(), q, 5, true)
			if !reflect.DeepEqual(ra, rb) {
				t.Errorf("%s: %q answers differently:\n%+v\n%+v", stage, q, ra, rb)
			}
		}
	}
	same("built one at a time", single, batch)
	single.Compact()
	if n := len(single.view.Load().segs); n != 1 {
		t.Fatalf("compacted into %d segments", n)
	}
	same("compacted", single, batch)

	// A replaced article is found by its new text only; a removed one is
	// gone, before and after the segments merge.
	changed := arts[0]
	changed.Title = "低空经济发展观察"
	single.Add(single.Analyze(changed))
	single.Remove(arts[1].ID)
	for _, stage := range []string{"unmerged", "merged"} {
		if hits, _ := single.Search(context.Background(), "低空经济", 1); len(hits) == 0 || hits[0].Article.ID != changed.ID {
			t.Errorf("%s: replaced article not found by its new title: %v", stage, ids(hits))
		}
		if hits, _ := single.Search(context.Background(), arts[0].Title, 5); len(hits) > 0 && hits[0].Article.ID == changed.ID && hits[0].Article.Title != changed.Title {
			t.Errorf("%s: the old version is still served", stage)
		}
		for _, h := range func() []content.Hit { h, _ := single.Search(context.Background(), arts[1].Title, 5); return h }() {
			if h.Article.ID == arts[1].ID {
				t.Errorf("%s: removed article found", stage)
			}
		}
		if single.Len() != len(arts)-1 {
			t.Errorf("%s: %d live articles", stage, single.Len())
		}
		single.Compact()
	}
	v := single.view.Load()
	if v.killed != 0 || len(v.segs) != 1 {
		t.Errorf("compacted view: %d segments, %d removals unmerged", len(v.segs), v.killed)
	}
	for _, s := range v.segs {
		for i := range s.postings {
			s.postings[i].each(func(d uint32, _ uint8) {
				if v.isDead(d) {
					t.Fatalf("a removed article's posting survived compaction")
				}
			})
		}
	}
}
