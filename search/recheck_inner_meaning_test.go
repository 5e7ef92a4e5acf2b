package search

import (
	"mpbot/content"
	"slices"
	"testing"
)

// TestRecheck2InnerMeaningAskedKeepsItsArticles: 的内涵 and 的科学内涵 dropped as
// fillers (f80ac95, kept by c0ed9aa everywhere but 内涵式发展) leave 新质生产力
// alone: a tax-revenue news item leads, and the two articles on the concept's
// 基本内涵 (the Politburo's 11th study session, xwlb-20240201-01, and
// xwlb-20240314-01, which 93fa3ca listed first) are not among the first
// five.
func TestRecheck2InnerMeaningAskedKeepsItsArticles(t *testing.T) {
	ix := corpusIndex(t)
	onIt := []string{"xwlb-20240201-01", "xwlb-20240314-01"}
	for _, q := range []string{"新质生产力的内涵", "新质生产力的科学内涵", "新质生产力的内涵是什么"} {
		hits, err := ix.Search(t.Context(), q, 5)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.ContainsFunc(hits[:min(3, len(hits))], func(h content.Hit) bool { return slices.Contains(onIt, h.Article.ID) }) {
			t.Errorf("%s: want an article on 新质生产力's 内涵 (%v) among the first three: %v", q, onIt, scored(hits))
		}
	}
}
