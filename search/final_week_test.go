package search

import (
	"strings"
	"testing"
)

// TestFinalWeekQuestions: exam candidates in the final week (a follower run
// over the webhook, 300 messages, a third by voice) got no match where the
// demo article answers: the exam said near in words examNear lacked (还有五
// 天, 一周, 考前最后一周, 考了) or run on with no mark as voice writes it;
// study words beside the topic (金句, 必背); 针对X提出对策建议 with no
// problem named; an interview's hypothetical (如果你是基层干部，如何运用X);
// the exam said near before a study question; voice's 来着.
func TestFinalWeekQuestions(t *testing.T) {
	ix := demoIndex(t)
	for q, want := range map[string]string{
		"还有五天就考试了，新质生产力的要点":     "demo-xinzhi",
		"还有一周就考试了，枫桥经验":         "demo-fengqiao",
		"还有三天就考试了，共同富裕":         "demo-gongtongfuyu",
		"考前最后一周了，新质生产力的要点":      "demo-xinzhi",
		"马上就要考了，千万工程的要点":        "demo-qianwan",
		"下周就考了，概括政府工作报告的主要做法":   "demo-gzbg2024",
		"下周就考试了枫桥经验的要点。":        "demo-fengqiao",
		"马上就要考了我想看一下千万工程的文章。":   "demo-qianwan",
		"共同富裕金句":                "demo-gongtongfuyu",
		"新质生产力必背":               "demo-xinzhi",
		"中国式现代化必背金句":            "demo-xiandaihua",
		"针对新质生产力提出对策建议":         "demo-xinzhi",
		"针对共同富裕提出对策建议":          "demo-gongtongfuyu",
		"如果你是基层干部，如何运用千万工程":     "demo-qianwan",
		"如果你是一名基层干部你会怎么运用浦江经验。": "demo-pujiang",
		"政府工作报告经济增长预期目标是多少来着":   "demo-gzbg2024",
	} {
		if shown := shownHits(t, ix, q); len(shown) == 0 || shown[0].Article.ID != want {
			t.Errorf("%s: want %s first, got %s", q, want, describeHits(shown))
		}
	}
	// Not a topic: the problem alone, a role's own trouble.
	for _, q := range []string{"针对问题提出对策", "如果你是领导，你怎么办"} {
		if got := studyTopics(q); len(got) > 0 {
			t.Errorf("studyTopics(%s) = %q, want none", q, got)
		}
	}
}

// TestAdviceOfAPartWithNoArticleTitledByIt: advice asked of a part of the
// exam said near (还有五天就申论了，有什么建议) on the corpus, which titles no
// article by it, had a card on 格陵兰岛 by its summary's 建议 and 五天: no
// match; on the demo the part's article answers still.
func TestAdviceOfAPartWithNoArticleTitledByIt(t *testing.T) {
	corpus := corpusIndex(t)
	for _, q := range []string{"还有五天就申论了，有什么建议", "下周就笔试了，有什么建议", "明天面试了，有什么技巧"} {
		if shown := shownHits(t, corpus, q); len(shown) > 0 {
			t.Errorf("%s on the corpus: want no match, got %s", q, describeHits(shown))
		}
	}
	demo := demoIndex(t)
	for q, want := range map[string]string{"还有五天就申论了，有什么建议": "demo-linxuan-bishi", "明天面试了，有什么技巧": "demo-linxuan-mianshi"} {
		if shown := shownHits(t, demo, q); len(shown) == 0 || shown[0].Article.ID != want {
			t.Errorf("%s on the demo: want %s first, got %s", q, want, describeHits(shown))
		}
	}
}

// TestEmphasisTitledStays: 重点 read as a study aspect (新质生产力重点) put
// answers titled by the 重点 asked under the topic's news on the corpus (a
// re-check's finds): a typed answer titled by it stays first.
func TestEmphasisTitledStays(t *testing.T) {
	corpus := corpusIndex(t)
	for q, want := range map[string]string{"伊朗谈判重点": "伊朗称谈判重点", "防汛救灾的重点": "紧盯防汛重点"} {
		if shown := shownHits(t, corpus, q); len(shown) == 0 || !strings.Contains(shown[0].Article.Title, want) {
			t.Errorf("%s: want %s first, got %s", q, want, describeHits(shown))
		}
	}
	demo := demoIndex(t)
	for q, want := range map[string]string{"新质生产力考试重点": "demo-xinzhi", "两个确立重点难点": "demo-liangge", "枫桥经验学习重点": "demo-fengqiao",
		// What stands between the topic and its 重点 (a re-check's finds).
		"新质生产力需要掌握的重点": "demo-xinzhi", "共同富裕的重点内容有哪些需要背的": "demo-gongtongfuyu", "枫桥经验这块有哪些重点需要记住的。": "demo-fengqiao",
	} {
		if shown := shownHits(t, demo, q); len(shown) == 0 || shown[0].Article.ID != want {
			t.Errorf("%s on the demo: want %s first, got %s", q, want, describeHits(shown))
		}
	}
}

// TestWhetherSoAsksOfItsTopic: whether a topic is so (千万工程是不是习近平提
// 出的, 两会是不是三月开) had no match, its 是不是 gone from the text
// searched: the topic is searched alone when nothing sure answers.
func TestWhetherSoAsksOfItsTopic(t *testing.T) {
	demo := demoIndex(t)
	for q, want := range map[string]string{"千万工程是不是习近平提出的": "demo-qianwan", "两会是不是三月开": "demo-lianghui"} {
		if shown := shownHits(t, demo, q); len(shown) == 0 || shown[0].Article.ID != want {
			t.Errorf("%s: want %s first, got %s", q, want, describeHits(shown))
		}
	}
	for _, q := range []string{"是不是", "是不是真的"} {
		if shown := shownHits(t, demo, q); len(shown) > 0 {
			t.Errorf("%s: want no match, got %s", q, describeHits(shown))
		}
	}
}
