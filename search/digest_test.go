package search

import (
	"fmt"
	"testing"

	"mpbot/content"
)

// TestDigestMemo: the roundup titles refine remembers for a view are those
// dfTitle finds, asked once or again, and they follow the index: a title
// that recurs once enough articles have it is read so on the next view, and
// a search on an older view asks that view.
func TestDigestMemo(t *testing.T) {
	var arts []content.Article
	for i := range digestTitles - 1 {
		arts = append(arts, content.Article{ID: fmt.Sprint("kx", i), Title: "国内联播快讯", Summary: "快讯", Body: fmt.Sprint("今天的快讯第", i, "条。")})
	}
	arts = append(arts, content.Article{ID: "other", Title: "亚洲运动会开幕", Summary: "杭州", Body: "亚洲运动会在杭州开幕。"})
	ix, err := BuildIndex(arts)
	if err != nil {
		t.Fatal(err)
	}
	check := func(r reader, want func(d int) bool) {
		t.Helper()
		for range 2 { // known, then remembered
			for d := range r.v.docs {
				got, df := r.digestTitle(uint32(d)), r.v.dfTitle(r.v.docs[d].titleText)
				if got != (df >= digestTitles) || got != want(d) {
					t.Fatalf("doc %d (%s): digestTitle %v, dfTitle %d", d, r.v.docs[d].titleText, got, df)
				}
			}
		}
	}
	old := ix.reader()
	check(old, func(int) bool { return false })
	ix.Add(ix.Analyze(content.Article{ID: "kx-last", Title: "国内联播快讯", Summary: "快讯", Body: "最后一条快讯。"}))
	cur := ix.reader()
	check(cur, func(d int) bool { return cur.v.docs[d].card.id != "other" })
	check(old, func(int) bool { return false })
	check(cur, func(d int) bool { return cur.v.docs[d].card.id != "other" })
}
