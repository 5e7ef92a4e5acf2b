package insights

import (
	"strings"
	"testing"
)

// TestTopicsNotChainedBy中国: questions are one topic by a word they
// share, and the topics are chained through any word: 中国 (a word of half
// the questions a Chinese account gets, as 问题 and 怎么办 are of the ways
// of asking) made football and high-speed rail one topic. On the corpus
// (truth's run), four no-match questions of four followers:
//
//	4× from 4 followers  [中国 足球 高铁]  e.g. "中国足球什么时候能进世界杯", "中国高铁最高时速", "足球彩票怎么买"
//
// The operator reads one topic of four; there are two of two (足球, 高铁),
// and 高铁票怎么退 is not among the examples. Words as the segmenter cut them.
func TestTopicsNotChainedBy中国(t *testing.T) {
	r := reportOf(t, []string{"中国 足球 什么时候 能 进 世界杯", "足球 彩票 怎么 买", "中国 高铁 最高 时速", "高铁 票 怎么 退"})
	for _, topic := range r.Unanswered {
		joined := strings.Join(topic.Examples, " | ")
		if strings.Contains(joined, "足球") && strings.Contains(joined, "高铁") {
			t.Errorf("one topic %d× %v of football and high-speed rail, linked by 中国 alone: %s", topic.Count, topic.Terms, joined)
		}
	}
	if len(r.Unanswered) != 2 {
		t.Errorf("%d topics, want 2 (足球's two questions, 高铁's two)", len(r.Unanswered))
	}
}
