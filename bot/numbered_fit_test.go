package bot

import (
	"strings"
	"testing"

	"mpbot/content"
)

// TestRecheck8NumberedListThatFitsIsNotCut: numbered questions whose list fits
// WeChat's 2,048 bytes with the plain footer are all shown, as at cc0ef15.
// Since 0ae347f the list always keeps room for the longer 「更多」 footer
// (27 bytes more), so a list of 2,023-2,047 bytes loses its last article
// to 更多 although it fit whole.
func TestRecheck8NumberedListThatFitsIsNotCut(t *testing.T) {
	for _, pad := range []int{476, 480, 484} {
		arts := content.DemoArticles()
		for i := range arts {
			arts[i].URL += "?from=" + strings.Repeat("x", pad)
		}
		ask := asker(t, newDemoBot(t, catalogOf(arts), NewMemoryFollowUps()))
		r := replyText(ask("1.新质生产力是什么 2.枫桥经验是什么 3.浦江经验是什么"))
		if !strings.Contains(r, "问题3：") || strings.Contains(r, "「更多」") {
			t.Errorf("pad %d: want all three questions' articles (they fit with the plain footer), got %d bytes:\n%s", pad, len(r), r)
		}
	}
}
