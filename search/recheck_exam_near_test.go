package search

import "testing"

// TestExamNearKeepsTheExamsMeaning: a sentence saying the exam is near
// (明天面试了，) is cut only beside a question naming a topic or asking
// advice: what is left may ask of the exam itself (穿什么衣服, 加油, 有什么
// 热点, 最近有什么新闻), and searched alone it had an unrelated article first
// where it had got no match (a re-check's find).
func TestExamNearKeepsTheExamsMeaning(t *testing.T) {
	ix := corpusIndex(t)
	for q, wrong := range map[string]string{
		// What to wear to the interview: 给成长快的孩子换上一件大衣服 (0.73, a card).
		"明天面试了，穿什么衣服": "xwlb-20260724-02",
		// Cheering oneself on: 驰骋大漠 为祖国“加油” (0.98, a list of 加油 articles).
		"明天面试了，加油": "xwlb-20230504-05",
		// The exam's hot topics: 蛇年春节 县域游乡村游成为新热点 (0.82, a list);
		// 有什么热点 typed alone has the bot's latest articles instead.
		"明天考试了，有什么热点": "xwlb-20250204-06",
		// Recent news: 凡人善举暖人心 生活处处有温情 (0.74, a list); 最近有什么新闻
		// typed alone has the bot's latest articles.
		"马上考试了，最近有什么新闻": "xwlb-20260621-08",
	} {
		if shown := shownHits(t, ix, q); len(shown) > 0 && shown[0].Article.ID == wrong {
			t.Errorf("%s: an unrelated article first (no match at 5730292), got %s", q, describeHits(shown))
		}
	}
}

// TestExamNearAlone: the exam said near and nothing asked (下周就考试了)
// had a card on 第六届跨国公司领导人青岛峰会下周举行, by its 下周 (a
// re-check's find); the exam alone is still searched.
func TestExamNearAlone(t *testing.T) {
	ix := corpusIndex(t)
	for _, q := range []string{"下周就考试了", "下周就考试了，好的", "明天面试了。", "马上就要考试了！", "下周考试"} {
		if shown := shownHits(t, ix, q); len(shown) > 0 {
			t.Errorf("%s: asks nothing, got %s", q, describeHits(shown))
		}
	}
	if shown := shownHits(t, ix, "考试"); len(shown) == 0 {
		t.Error("考试: no match")
	}
}
