package search

import (
	"strings"
	"testing"
)

// TestExamNearBesideATopicOfShortWords: a sentence saying the
// exam is near had been cut only when what was left held a topic or a word
// of 4+ characters (a re-check's find). Topics the segmenter cuts into 2-character
// words (教育/强国, 文化/自信, 中央/八项/规定, 十五/五/规划, 粮食/安全, 防汛/抗旱) fail that
// test, so the exam's sentence stays and the query gets no match (at 3ed1122
// each had the topic's own article first at 0.88-1.00). Now four Han
// characters in words of a topic's count too.
func TestExamNearBesideATopicOfShortWords(t *testing.T) {
	ix := corpusIndex(t)
	for q, want := range map[string]string{
		"马上就要考试了，中央八项规定有哪些":    "中央八项规定",
		"马上就要考试了，十五五规划建议有哪些要点": "第十五个五年规划的建议",
		"马上就要考试了，十五五规划有哪些要点":   "第十五个五年规划的建议",
		"快考试了，粮食安全有哪些":         "粮食安全",
		"明天面试了，文化自信是什么":        "文化自信",
		"马上就要考试了，教育强国":         "教育强国",
	} {
		shown := shownHits(t, ix, q)
		if len(shown) == 0 || !strings.Contains(shown[0].Article.Title, want) {
			t.Errorf("%s: want an article on %s first, got %s", q, want, describeHits(shown))
		}
	}
	demo := demoIndex(t)
	for _, q := range []string{"马上就要考试了，防汛抗旱", "马上就要考试了，防汛抗旱有哪些要点"} {
		if shown := shownHits(t, demo, q); len(shown) == 0 || shown[0].Article.ID != "demo-guochanghui" {
			t.Errorf("%s (demo): want the 国常会 防汛抗旱 article, got %s", q, describeHits(shown))
		}
	}
}

// TestExamNearWithAQuestionParsedAway: examNearOnly runs on the parsed
// text, where the question's aspect/request has been taken out, so a real
// request beside the exam's sentence is silenced (demo, at 3ed1122 each had
// a 遴选 exam article first).
func TestExamNearWithAQuestionParsedAway(t *testing.T) {
	demo := demoIndex(t)
	for q, want := range map[string]string{
		"下周就考试了 申论有什么技巧": "demo-linxuan-bishi",   // q.text 下周就考试了 申论有什么: 申论 is an exam word
		"马上就要面试了，推荐点资料":  "demo-linxuan-mianshi", // (考试 is no part of it named: 明天考试了，有什么建议 had a journalists' exam)
	} {
		if shown := shownHits(t, demo, q); len(shown) == 0 || shown[0].Article.ID != want {
			t.Errorf("%s (demo): want %s first, got %s", q, want, describeHits(shown))
		}
	}
}
