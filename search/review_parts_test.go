package search

import (
	"context"
	"strings"
	"testing"

	"mpbot/content"
)

// A review (the session of 2026-12-06): a title holding the compound's words (面试, 结构化) credited the title with
// the query's other words too, when the article's text lacks the compound.
func TestReviewPartsInTitleCreditOtherWords(t *testing.T) {
	arts := []content.Article{
		{ID: "a", Title: "面试中的结构化表达", Summary: "谈谈表达", Body: "面试时表达要有条理。这里讲几条答题技巧：先亮观点，再分层论述。"},
		{ID: "b", Title: "遴选备考", Summary: "结构化面试答题技巧", Body: "结构化面试是遴选的重要环节。结构化面试答题技巧：审题、破题、作答。"},
		{ID: "c", Title: "结构化面试常见题型", Summary: "题型", Body: "结构化面试题型有综合分析、组织协调。"},
		{ID: "d", Title: "基层治理的经验", Summary: "枫桥经验", Body: "小事不出村。"},
		{ID: "e", Title: "秋粮收购进展顺利", Summary: "秋粮", Body: "各地秋粮收购有序推进。"},
	}
	ix, err := BuildIndex(arts)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	ix.hooks.explain = func(s string) { lines = append(lines, s) }
	for _, q := range []string{"结构化面试技巧", "结构化面试答题技巧"} {
		lines = nil
		got, _ := ix.Search(context.Background(), q, 5)
		t.Logf("%s: %s\n%s", q, describeHits(got), strings.Join(lines, "\n"))
		for _, h := range shownHits(t, ix, q) {
			if h.Article.ID == "a" {
				t.Errorf("%s: 面试中的结构化表达, whose text never says 结构化面试 nor its title 答题技巧, shown at %.2f (its title credited with the body's 答题技巧): %s", q, h.Score, describeHits(got))
			}
		}
	}
}
