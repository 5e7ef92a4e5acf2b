package search

import (
	"context"
	"mpbot/content"
	"testing"
)

// The snippets of a list are what they are whatever other followers asked
// in between: 更多 asks for page 2's snippets minutes after the search.
func TestSnippetsKeepTheSearchsReading(t *testing.T) {
	ix, err := BuildIndex(content.DemoArticles())
	if err != nil {
		t.Fatal(err)
	}
	ix.SetSynonyms(shippedTerms(t))
	ctx := context.Background()
	bodies := map[string]string{}
	for _, a := range content.DemoArticles() {
		bodies[a.ID] = a.Body
	}
	body := func(id string) (string, error) { return bodies[id], nil }
	for _, q := range []string{"风桥经验", "fengqiao jingyan", "fengqiao jingyan shenlun", "风桥经验 申论", "新质生产立", "浦江经严"} {
		ix.SetCacheSize(0)
		res, _ := ix.SearchResult(ctx, q, 5, false)
		if len(res.Hits) == 0 {
			t.Logf("%q: no hits", q)
			continue
		}
		right := ix.Snippets(q, res.Hits, body)
		for _, other := range []string{"国常会", "两会", "乡村振兴", "人民至上", "新质生产力", "遴选", "政府工作报告", "申论", "二十大"} {
			ix.Search(ctx, other, 5)
		}
		later := ix.Snippets(q, res.Hits, body)
		for i := range right {
			t.Logf("%q (corrected %q) %s: right after %q; after others %q", q, res.Corrected, right[i].Article.ID, right[i].Snippet, later[i].Snippet)
			if right[i].Snippet != later[i].Snippet {
				t.Errorf("%q: snippet of %s changed with other followers' searches: %q, then %q", q, right[i].Article.ID, right[i].Snippet, later[i].Snippet)
			}
		}
	}
}
