package search

import (
	"context"
	"mpbot/content"
	"testing"
)

// An operator's first week (README "The first hour"): serve running on the
// demo articles, their own articles imported, then `mpbot articles rm --demo`.
// A follower asking 乡村振兴 must get what a restart (or `mpbot try`) gives:
// the article "推进乡村全面振兴", not replies.no_match.
func TestServingAfterDemoRemovedAnswersAsRestart(t *testing.T) {
	demo := content.DemoArticles()
	ix, err := BuildIndex(demo)
	if err != nil {
		t.Fatal(err)
	}
	mine := content.Article{ID: "sz-004", Title: "中央一号文件：推进乡村全面振兴",
		Summary:  "2026年中央一号文件聚焦乡村全面振兴。",
		Body:     "文件提出，要确保国家粮食安全，确保不发生规模性返贫，提升乡村产业发展水平、乡村建设水平、乡村治理水平。",
		URL:      "https://www.lxstudy.cn/shizheng/yihao.html",
		Category: "时政热点", PublishedOn: "2026-02-21"}
	ix.Add(ix.Analyze(mine))
	for _, a := range demo {
		ix.Remove(a.ID)
	}
	fresh, err := BuildIndex([]content.Article{mine})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for _, q := range []string{"乡村振兴", "浦江经验"} {
		got, _ := ix.Search(ctx, q, 5)
		want, _ := fresh.Search(ctx, q, 5)
		t.Logf("%q: serving %v; after a restart %v", q, scores(got), scores(want))
		if len(got) != len(want) || (len(got) > 0 && got[0].Article.ID != want[0].Article.ID) {
			t.Errorf("%q: serving after rm --demo finds %v; the same store after a restart finds %v", q, scores(got), scores(want))
		}
	}
}
