package search

import "testing"

// TestExamNearBesideAQuestion: a sentence saying the exam is near
// (马上就要考试了，) is what the follower says, not what they ask: beside a
// question it had got no match where the question alone is answered, and
// beside advice alone it keeps the exam asked of (a demo follower run's
// finds).
func TestExamNearBesideAQuestion(t *testing.T) {
	ix := demoIndex(t)
	for q, want := range map[string]string{
		"马上就要考试了，两会热词有哪些":      "demo-lianghui",
		"下周就考试了，枫桥经验考吗":        "demo-fengqiao",
		"快考试了，新质生产力。":          "demo-xinzhi",
		"明天面试了，有什么技巧":          "demo-linxuan-mianshi",
		"明天就面试了，有什么技巧吗。":       "demo-linxuan-mianshi",
		"马上就要考试了，中国式现代化的本质要求。": "demo-xiandaihua",
	} {
		if shown := shownHits(t, ix, q); len(shown) == 0 || shown[0].Article.ID != want {
			t.Errorf("%s: want %s first, got %s", q, want, describeHits(shown))
		}
	}
}

// TestExamAdviceNotAnotherTopicsCard: advice asked beside the exam is not
// searched without it (马上考试了，有什么好的建议 would have had the 十五五
// proposal's card, the 建议 of its title: a re-check's find).
func TestExamAdviceNotAnotherTopicsCard(t *testing.T) {
	ix := corpusIndex(t)
	for _, q := range []string{"马上考试了，有什么好的建议", "下周就考试了，有什么建议。", "明天面试了，有什么好的方法"} {
		if shown := shownHits(t, ix, q); len(shown) > 0 && shown[0].Article.ID == "xwlb-20251028-02" {
			t.Errorf("%s: the 十五五 proposal's card, got %s", q, describeHits(shown))
		}
	}
}

// TestAdviceAskedOfNothing: advice asked with no topic (有什么好的建议, and
// the form the bot searches it in, 有什么 建议) had a card at
// 0.93 on the 十五五 proposal, the 建议 of its title; the proposal asked for
// keeps its answers (a re-check's find).
func TestAdviceAskedOfNothing(t *testing.T) {
	ix := corpusIndex(t)
	for _, q := range []string{"有什么好的建议", "有什么 建议", "老师有什么好的建议吗", "求建议", "给点建议吧。", "有没有好的方法？", "有什么技巧",
		"有没有什么建议", "有好的建议吗", "给我点建议", "有什么新的方法", "大家求推荐"} {
		if shown := shownHits(t, ix, q); len(shown) > 0 {
			t.Errorf("%s: asks advice of nothing named, got %s", q, describeHits(shown))
		}
	}
	for _, q := range []string{"十五五规划建议", "建议", "十五五建议"} {
		if shown := shownHits(t, ix, q); len(shown) == 0 || shown[0].Article.ID != "xwlb-20251028-02" {
			t.Errorf("%s: want the 十五五 proposal first, got %s", q, describeHits(shown))
		}
	}
}
