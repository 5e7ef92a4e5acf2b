package search

// A re-check's find (a frame said as a sentence of its own).

import (
	"context"
	"strings"
	"testing"

	"mpbot/content"
)

// TestFrameAloneInItsSentence: a frame said as a sentence of its own
// (不好意思。枫桥经验) was cut at 9b5dc8d, the marks after it trimmed; since
// eachSentence a sentence that is only a frame keeps it (CutPrefix's rest is
// empty), and the topic's card falls below min_score.
func TestFrameAloneInItsSentence(t *testing.T) {
	for _, in := range []string{"不好意思。枫桥经验", "新来的。想看两会", "深刻领悟！两个确立", "打扰一下！新质生产力", "问个问题?一带一路"} {
		got := withoutFrames(in)
		for _, f := range []string{"不好意思", "新来的", "深刻领悟", "打扰一下", "问个问题"} {
			if strings.Contains(got, f) {
				t.Errorf("withoutFrames(%s) = %q, still holds %s", in, got, f)
			}
		}
	}
	ix, err := BuildIndex(content.DemoArticles())
	if err != nil {
		t.Fatal(err)
	}
	for q, id := range map[string]string{"不好意思。枫桥经验": "demo-fengqiao", "打扰一下。新质生产力": "demo-xinzhi", "大家好？新质生产力": "demo-xinzhi", "我刚关注。两个确立": "demo-liangge"} {
		hits, err := ix.Search(context.Background(), q, 3)
		if err != nil || len(hits) == 0 || hits[0].Article.ID != id || hits[0].Score < shippedMinScore(t) {
			t.Errorf("%s: %v %v, want %s above min_score (as at 9b5dc8d)", q, scored(hits), err, id)
		}
	}
}
