package search

import (
	"strings"
	"testing"
)

// TestOwnWorkThenATaskSameAsWithout: 结合实际 before a mark and a task verb
// with a short topic (结合实际，分析健康中国的背景) had been read as 结合实际
// before a topic alone, and the rest searched with its verb as typed: a
// card on the Politburo's 分析研究 or another article, where the question
// without 结合实际 has its topic's (a re-check's find). A task verb is a
// question's frame after it: the question is answered as it is without.
func TestOwnWorkThenATaskSameAsWithout(t *testing.T) {
	ix := corpusIndex(t)
	for _, bare := range []string{"分析健康中国的背景", "请概括十五五的问题", "概括十五五的背景", "分析健康中国的问题"} {
		without := shownHits(t, ix, bare)
		for _, frame := range []string{"结合实际，", "结合工作实际，", "结合实际？"} {
			framed := shownHits(t, ix, frame+bare)
			if len(framed) != len(without) || len(without) > 0 && framed[0].Article.ID != without[0].Article.ID {
				t.Errorf("%s: got %s, want as %s: %s", frame+bare, describeHits(framed), bare, describeHits(without))
			}
		}
	}
}

// TestTaskVerbNoCardOnTheVerbsArticle: a task verb before a topic
// opening with 法 (法治中国) had been kept as 分析法 asked of, and the
// question, framed or not, had a card on the Politburo's 分析研究 (a
// re-check's find).
func TestTaskVerbNoCardOnTheVerbsArticle(t *testing.T) {
	ix := corpusIndex(t)
	for q, topic := range map[string]string{
		"结合实际，分析法治中国的问题":   "法治中国",
		"结合工作实际，分析法治中国的问题": "法治中国",
		"分析法治中国的问题":        "法治中国",
		"结合实际，分析健康中国的问题":   "健康中国",
		"结合实际，分析十五五的背景":    "十五五",
	} {
		shown := shownHits(t, ix, q)
		if len(shown) > 0 && !strings.Contains(shown[0].Article.Title, topic) && strings.Contains(shown[0].Article.Title, "分析研究") {
			t.Errorf("%s: a card on the verb's article, want no match or one titled by %s: %s", q, topic, describeHits(shown))
		}
	}
}
