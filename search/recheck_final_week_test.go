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
