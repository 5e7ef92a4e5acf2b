package search

import (
	"context"
	"strings"
	"testing"

	"mpbot/content"
)

// Re-check xy13 of 411890a..352ce0f.

// TestRecheck4DetailedPlanKeepsDetailed: 352ce0f made 详细 a filler everywhere
// (新质生产力详细解读), so 详细规划 (国土空间详细规划, 控制性详细规划: a
// planning term) is searched as 国土空间 规划 and the 总体规划 article ranks
// with, or above, the one the follower named. At 411890a the query kept 详细.
func TestRecheck4DetailedPlanKeepsDetailed(t *testing.T) {
	for _, q := range []string{"国土空间详细规划", "控制性详细规划是什么", "详细规划怎么编制"} {
		if got := withoutFillerWords(q); !strings.Contains(got, "详细规划") {
			t.Errorf("%q: searched as %q, 详细规划 lost (411890a kept it)", q, strings.Join(strings.Fields(got), " "))
		}
	}
	arts := []content.Article{
		{ID: "zongti", Title: "国土空间总体规划：全国一张图", Summary: "国土空间总体规划统筹全域。", Body: "国土空间总体规划是详细规划的依据，统筹生产、生活、生态空间。", URL: "https://example.com/zongti", Category: "时政热点", PublishedOn: "2026-03-01"},
		{ID: "xiangxi", Title: "国土空间详细规划编制要点", Summary: "详细规划是实施国土空间用途管制的法定依据。", Body: "详细规划对具体地块用途和开发强度作出安排，是城市更新的依据。", URL: "https://example.com/xiangxi", Category: "时政热点", PublishedOn: "2026-03-02"},
	}
	ix, err := BuildIndex(arts)
	if err != nil {
		t.Fatal(err)
	}
	hits, _ := ix.Search(context.Background(), "国土空间详细规划", 5)
	if len(hits) == 0 || hits[0].Article.ID != "xiangxi" {
		t.Errorf("国土空间详细规划: want 国土空间详细规划编制要点 first, got %v", scores(hits))
	}
}

// TestRecheck4FillersInsideWords: 352ce0f's fillers 还有, 找点 and 适合 are taken
// out of words they are part of (归还有关材料 searched as 归 关材料, 寻找点子
// as 寻 子, 适合度 as 度); 411890a searched them whole.
func TestRecheck4FillersInsideWords(t *testing.T) {
	for q, keep := range map[string]string{"归还有关材料": "归还", "寻找点子": "寻找", "适合度": "适合度"} {
		if got := withoutFillerWords(q); !strings.Contains(got, keep) {
			t.Errorf("%q: searched as %q, %s lost", q, strings.Join(strings.Fields(got), " "), keep)
		}
	}
}

// TestRecheck4NeedAtTheEndKept: 352ce0f's 需要 is a filler before how "or
// nothing", so a topic ending in 需要 (祖国需要, 国家的需要, 人民需要) is
// searched without it. On the shared corpus 祖国需要 had 国家卓越工程师：从
// 祖国需要出发 first at 411890a, and 国家的需要 王永志：国家的需要就是我们的
// 理想 among its first three; now neither is in the first three (an article
// on 回归祖国, the 二十大 report). 适合国情 likewise loses 适合 (now 家国情怀).
func TestRecheck4NeedAtTheEndKept(t *testing.T) {
	for _, q := range []string{"祖国需要", "国家的需要", "人民需要", "适合国情"} {
		if got := withoutFillerWords(q); got == strings.Replace(strings.Replace(q, "需要", " ", 1), "适合", " ", 1) {
			t.Errorf("%q: searched as %q (411890a kept it whole)", q, strings.Join(strings.Fields(got), " "))
		}
	}
	ix := corpusIndex(t)
	for q, want := range map[string]string{"祖国需要": "xwlb-20240121-06", "国家的需要": "xwlb-20240915-04"} {
		hits, _ := ix.Search(context.Background(), q, 3)
		found := false
		for _, h := range hits {
			found = found || h.Article.ID == want
		}
		if !found {
			t.Errorf("%q: want %s in the first three (411890a), got %v", q, want, scores(hits))
		}
	}
}

// TestRecheck6SuitableBeforeATopicKept: dcce5b6 took 适合 out of any
// question opening with it and holding a 的 (适合国情的民主 searched 国情的民主:
// a card on a 人民民主共和国's greetings, a last re-check's find); only a
// request for reading (适合遴选的文章) loses it.
func TestRecheck6SuitableBeforeATopicKept(t *testing.T) {
	for q, keep := range map[string]bool{"适合国情的民主": true, "适合老年人的智能产品": true, "适合遴选的文章": false, "适合备考的新质生产力文章": false} {
		if got := withoutFillerWords(q); strings.Contains(got, "适合") != keep {
			t.Errorf("%q: searched as %q, want 适合 kept %v", q, strings.Join(strings.Fields(got), " "), keep)
		}
	}
}
