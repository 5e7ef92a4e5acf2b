package search

import (
	"strings"
	"testing"
)

// TestImportantInTitles: 重点 as a request noun (dropped after a topic) was
// cut where it is a real word of the titles asked for: each had had first a
// title holding the query typed, and then an unrelated or weaker one (a
// re-check's find) (突出重点: 纠治涉企执法突出问题…; 乡村振兴重点: 各地推动人才下乡 助力
// 乡村振兴, not 关于做好2023年全面推进乡村振兴重点工作的意见; 重点外贸: 长三角
// 外贸规模创新高, not 重点外贸企业新签订单连续4个月向好).
func TestImportantInTitles(t *testing.T) {
	ix := corpusIndex(t)
	for _, q := range []string{"突出重点", "把握战略重点", "乡村振兴重点", "重点外贸", "防汛重点", "能源重点", "西部地区重点",
		"社会保障重点", "三大重点", "各地重点", "国家重点", "谈判重点"} {
		hits := shownHits(t, ix, q)
		if len(hits) == 0 || !strings.Contains(hits[0].Article.Title, q) {
			t.Errorf("%s: want first a title holding %s, got %s", q, q, describeHits(hits))
		}
	}
}

// TestExamNearThenAdviceAlone: the exam said near (考前最后一周了, 考前
// an exam word) and advice asked of nothing named had no match, and then
// had, searched as the exam's word alone, the 十五五 proposal's 说明 (0.65, 0.79) or a
// 国内联播快讯 card on an exam (0.98: 明天考试了，有什么建议).
func TestExamNearThenAdviceAlone(t *testing.T) {
	ix := corpusIndex(t)
	for _, q := range []string{"考前最后一周了，有什么建议", "马上就要考试了，有什么好的建议", "还有五天就考试了，有什么建议", "明天考试了，有什么建议",
		"还有一个月就考试了，有什么建议", "考前最后一周了，求建议", "考前最后一周，有什么建议"} {
		if hits := shownHits(t, ix, q); len(hits) > 0 {
			t.Errorf("%s: want no match, got %s", q, describeHits(hits))
		}
	}
}

// TestInterviewNearThenAdvice: an exam part named (面试) said near beside
// advice alone had the demo's interview article first at 1.00, and then no
// match once a study topic of the exam's words alone was skipped (a
// re-check's find): a part is searched for an answer titled by it.
func TestInterviewNearThenAdvice(t *testing.T) {
	ix := demoIndex(t)
	for _, q := range []string{"明天面试了，有什么建议", "明天面试了，有没有什么建议", "还有三天就面试了，有什么建议",
		"还有三天就面试了，有没有什么建议", "明天遴选面试了，有什么建议"} {
		if shown := shownHits(t, ix, q); len(shown) == 0 || shown[0].Article.ID != "demo-linxuan-mianshi" {
			t.Errorf("%s: want demo-linxuan-mianshi first (as 明天面试了，有什么技巧), got %s", q, describeHits(shown))
		}
	}
}

// TestEssayExamNearThenAdvice: 申论 kept beside advice had been searched
// with 建议 and brought back the 十五五 proposal's 说明 card (0.65–0.81; a
// re-check's find): the answer's title must name the part kept.
func TestEssayExamNearThenAdvice(t *testing.T) {
	ix := corpusIndex(t)
	for _, q := range []string{"下周申论考试，有什么建议", "下周申论考试，求建议", "下周申论考试，有没有什么建议",
		"明天申论考试，有什么建议", "马上申论考试了，求建议"} {
		for _, h := range shownHits(t, ix, q) {
			if strings.Contains(h.Article.Title, "五年规划") || strings.Contains(h.Article.Title, "意见和建议") {
				t.Errorf("%s: want no card on a proposal (建议 is the advice asked), got %s", q, describeHits(shownHits(t, ix, q)))
				break
			}
		}
	}
}

// TestSelectionPartNotAnyTitle: 遴选 kept beside advice alone (明天遴选了，有什么
// 建议) had been searched for an answer titled by 遴选, and a title with 遴选
// as a verb passed: 国家公园空间布局方案发布 遴选出49个国家公园候选区 at 0.96
// where there had been no match (a re-check's find).
func TestSelectionPartNotAnyTitle(t *testing.T) {
	ix := corpusIndex(t)
	for _, q := range []string{"马上遴选了，有什么建议", "明天遴选了，有什么建议", "下周遴选了，有什么建议",
		"还有五天就遴选了，有什么建议", "遴选考前最后一周了，有什么建议", "马上就要遴选了，有什么建议"} {
		for _, h := range shownHits(t, ix, q) {
			if strings.Contains(h.Article.Title, "国家公园") {
				t.Errorf("%s: want no card on the national parks' 遴选, got %s", q, describeHits(shownHits(t, ix, q)))
				break
			}
		}
	}
}
