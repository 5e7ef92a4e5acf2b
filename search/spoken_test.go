package search

import (
	"context"
	"testing"

	"mpbot/content"
)

// TestSpokenOfKeepsItsPhrase (a review's find): 讲 after 有没有/有 asks for
// articles (f880cd8), but not before what it makes a phrase of (讲政治,
// 讲诚信, 讲规矩): searched as 政治, 有没有讲政治的文章 had listed the 11th
// congress's 政治报告 on the corpus.
func TestSpokenOfKeepsItsPhrase(t *testing.T) {
	arts := []content.Article{
		{ID: "jzz", Title: "旗帜鲜明讲政治 坚定不移跟党走", Summary: "广大党员干部表示，要旗帜鲜明讲政治。", URL: "https://example.com/jzz", PublishedOn: "2024-03-01"},
		{ID: "jzz2", Title: "把讲政治贯穿始终", Summary: "讲政治是马克思主义政党的根本要求。", URL: "https://example.com/jzz2", PublishedOn: "2024-05-01"},
		{ID: "zzbg", Title: "在中国共产党第十一次全国代表大会上的政治报告", Summary: "政治报告全文。", URL: "https://example.com/zzbg", PublishedOn: "2024-01-01"},
		{ID: "zz", Title: "政治局会议研究经济工作", Summary: "中共中央政治局召开会议，分析研究经济形势。", URL: "https://example.com/zz", PublishedOn: "2024-07-01"},
		{ID: "zz3", Title: "提高政治能力", Summary: "政治能力是干部的首要能力。", URL: "https://example.com/zz3", PublishedOn: "2024-08-01"},
	}
	ix, err := BuildIndex(arts)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"讲政治", "有没有讲政治的文章", "有讲政治的吗"} {
		hits, _ := ix.Search(context.Background(), q, 5)
		if len(hits) == 0 || hits[0].Article.ID != "jzz" && hits[0].Article.ID != "jzz2" {
			var ids []string
			for _, h := range hits {
				ids = append(ids, h.Article.ID)
			}
			t.Errorf("%s: %v first; want an article on 讲政治", q, ids)
		}
	}
}
