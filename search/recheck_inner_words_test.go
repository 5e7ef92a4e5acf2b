package search

import (
	"strings"
	"testing"
)

// TestInnerWordsKeptOnTheCorpus: fillers added in 7c33d3a and f80ac95 cut
// words a topic needs.
//   - 考吗 after 必 or 常 (新质生产力必考吗, 新质生产力常考吗) leaves the
//     character alone in the query: no match, where before the change the
//     topic's articles were listed; 新质生产力是必考吗 lists two articles on
//     科技创新是必由之路 (before: 新质生产力's).
//   - 的内涵 is cut out of 内涵式发展 (城市的内涵式发展: 式发展 searched; the
//     articles naming 城市内涵式发展 were first and second before, now an
//     article without it leads).
func TestInnerWordsKeptOnTheCorpus(t *testing.T) {
	ix := corpusIndex(t)
	for q, inTitle := range map[string]string{
		"新质生产力必考吗":  "新质生产力",
		"新质生产力常考吗":  "新质生产力",
		"新质生产力是必考吗": "新质生产力",
	} {
		hits, err := ix.Search(t.Context(), q, 3)
		if err != nil {
			t.Fatal(err)
		}
		if len(hits) == 0 || !strings.Contains(hits[0].Article.Title, inTitle) {
			t.Errorf("%s: want %s's articles: %v", q, inTitle, scored(hits))
		}
	}
	for _, q := range []string{"城市的内涵式发展", "城市的内涵式发展是什么意思"} {
		hits, err := ix.Search(t.Context(), q, 3)
		if err != nil {
			t.Fatal(err)
		}
		if len(hits) == 0 || !strings.Contains(hits[0].Article.Title+hits[0].Article.Summary, "内涵式发展") {
			t.Errorf("%s: want an article on 内涵式发展 first: %v", q, scored(hits))
		}
	}
}

// TestInnerWordsKept: the same, as the query is read.
func TestInnerWordsKept(t *testing.T) {
	for q, kept := range map[string]string{
		"城市的内涵式发展":    "内涵式发展",
		"高校的内涵式发展是什么": "内涵式发展",
		"学校的内涵建设怎么搞":  "内涵建设",
	} {
		if got := strings.Join(strings.Fields(normalizeQuery(q)), ""); !strings.Contains(got, kept) {
			t.Errorf("%s searched as %q: want %s kept", q, normalizeQuery(q), kept)
		}
	}
}
