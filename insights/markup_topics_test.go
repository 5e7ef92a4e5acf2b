package insights

import (
	"slices"
	"testing"
)

// TestTopicsNotChainedByMarkup: followers pasting HTML or script
// (<script>alert(1)</script>, <img src=x onerror=alert(1)>) chain unrelated
// topics by the markup's words. In the console after a morning of traffic
// the first unanswered topic read
//
//	70× from 35 followers  [枫桥经验 alert 奶茶]  e.g. "枫桥经验", "枫桥经验是什么", "img src=x onerror=alert("u1")>奶茶火星"
//
// 枫桥经验 and a question on milk tea on Mars made one topic through "alert"
// (one follower's 枫桥经验<script>alert('x')</script>), which tells the
// operator 35 followers asked about milk tea with 枫桥经验.
func TestTopicsNotChainedByMarkup(t *testing.T) {
	r := reportOf(t, []string{"枫桥经验", "枫桥经验", "枫桥经验 是 什么",
		"枫桥经验 script alert x script",
		"img src x onerror alert u1 奶茶 火星", "火星 上 有没有 奶茶店"})
	for _, topic := range r.Unanswered {
		if slices.Contains(topic.Terms, "枫桥经验") && (slices.Contains(topic.Terms, "奶茶") || slices.Contains(topic.Terms, "火星")) {
			t.Errorf("枫桥经验 and 奶茶火星 are one topic through the markup's words: %d× %v e.g. %v", topic.Count, topic.Terms, topic.Examples)
		}
	}
}
