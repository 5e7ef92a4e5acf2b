package search

import (
	"context"
	"slices"
	"testing"

	"mpbot/content"
)

// TestRelatedTermsWorkOneWay: a related entry lets its first term find the
// others' articles as relevant (at the shipped min_score), the literal
// word still first, and never the reverse.
func TestRelatedTermsWorkOneWay(t *testing.T) {
	ix, err := BuildIndex([]content.Article{
		{ID: "bishi", Title: "遴选笔试备考指南", Summary: "案例分析与公文写作", Body: "遴选笔试考查案例分析、公文写作。"},
		{ID: "mianshi", Title: "遴选面试答题思路", Summary: "结构化面试", Body: "遴选面试多为结构化面试。"},
		{ID: "kaoshi", Title: "遴选考试报名须知", Summary: "报名与资格审查", Body: "遴选考试报名前请核对资格条件。"},
	})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	found := func(q string) map[string]bool {
		hits, _ := ix.Search(ctx, q, 5)
		m := map[string]bool{}
		for _, h := range hits {
			if h.Score >= shippedMinScore(t) {
				m[h.Article.ID] = true
			}
		}
		return m
	}
	if got := found("遴选考试"); got["bishi"] || got["mianshi"] {
		t.Fatalf("before any related terms 遴选考试 found %v", got)
	}
	ix.SetSynonyms(nil, [][]string{{"考试", "笔试", "面试"}})
	hits, _ := ix.Search(ctx, "遴选考试", 5)
	if got := found("遴选考试"); !got["bishi"] || !got["mianshi"] || len(hits) == 0 || hits[0].Article.ID != "kaoshi" {
		t.Fatalf("遴选考试 with related terms: %+v (want kaoshi first, then bishi and mianshi)", hits)
	}
	if got := found("遴选面试"); got["kaoshi"] || got["bishi"] {
		t.Fatalf("related terms worked backwards: 遴选面试 found %v", got)
	}
}

// TestRelatedTermIsAWordNotASubstring: a related term is found among the
// words the segmenter cut, never inside another word as synonyms are: 高考试卷
// is 高考 and 试卷, not 考试 with 笔试 and 面试 beside it.
func TestRelatedTermIsAWordNotASubstring(t *testing.T) {
	ix, err := BuildIndex(content.DemoArticles())
	if err != nil {
		t.Fatal(err)
	}
	ix.SetSynonyms(nil, [][]string{{"考试", "笔试", "面试"}})
	q := ix.parse("高考试卷")
	if !slices.Equal(q.cut, []string{"高考", "试卷"}) {
		t.Fatalf("高考试卷 was cut into %v", q.cut)
	}
	for _, c := range q.clauses {
		for _, alt := range c.alts {
			if slices.Contains(alt, "笔试") {
				t.Fatalf("高考试卷 was read with the related terms of 考试: %v", q.clauses)
			}
		}
	}
	q = ix.parse("遴选考试")
	found := false
	for _, c := range q.clauses {
		for _, alt := range c.alts {
			found = found || slices.Contains(alt, "笔试")
		}
	}
	if !found {
		t.Fatalf("遴选考试 was read without the related terms of 考试: %v", q.clauses)
	}
}
