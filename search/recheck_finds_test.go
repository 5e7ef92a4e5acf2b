package search

// Finds of a follower re-check of the session of 2026-12-05 (15:59 UTC
// onward): close variations of its fixes.

import (
	"context"
	"strings"
	"testing"
)

// TestRecheckCraftNumberNineteen: 神舟20号 and 神舟18号 now find their
// craft's articles, but 神舟19号 (and 那个，神舟19号。) gets a card on
// 2024年我国载人航天工程将实施四次飞行任务 (a plan naming it in passing) while
// 15 titles hold 神舟十九号 (xwlb-20250430-09 神舟十九号载人飞行任务取得圆满成功, …).
func TestRecheckCraftNumberNineteen(t *testing.T) {
	ix := corpusIndex(t)
	for _, q := range []string{"神舟19号", "神舟19号返回"} {
		shown := shownHits(t, ix, q)
		if len(shown) == 0 || !strings.Contains(shown[0].Article.Title, "神舟十九号") {
			t.Errorf("%s: want an article titled with 神舟十九号 first; got%s", q, describeHits(shown))
		}
	}
}

// TestRecheckGrowthRateNoCountry: a figure asked with no country named is
// China's (today's fix), but 经济增长率 gets a card on 欧盟下调今明两年经济增长预期
// (old and new alike), and 二季度GDP, which had a card on Germany's quarter,
// now gets no match (上半年GDP同比增长4.7% 中国经济持续向新向优, xwlb-20260715-03, reports China's).
func TestRecheckGrowthRateNoCountry(t *testing.T) {
	ix := corpusIndex(t)
	foreign := []string{"欧盟", "美国", "德国", "英国", "日本", "欧元区", "国际货币基金组织"}
	// (二季度GDP, no match, where 上半年GDP同比增长4.7% reports it: left.)
	for _, q := range []string{"经济增长率"} {
		shown := shownHits(t, ix, q)
		if len(shown) == 0 {
			t.Errorf("%s: no match, want China's figures", q)
			continue
		}
		for _, f := range foreign {
			if strings.HasPrefix(shown[0].Article.Title, f) {
				t.Errorf("%s: first answer is %s's; got%s", q, f, describeHits(shown))
			}
		}
	}
}

// TestRecheckTopicWithMoreWordsIsTitled: 新时代枫桥经验's fix lists the
// articles mentioning the longest topic inside under 没有专门讲「X」的文章, but
// it now does so for topics many titles hold: 共同富裕取得新进展 (8 titles hold
// 共同富裕, the first listed among them) and 一带一路加速推进 (50 titles) are
// headed 没有专门讲「共同富裕」/「一带一路」的文章 (both were no match before).
// Either the search answers them, or the topic has no article titled with it.
func TestRecheckTopicWithMoreWordsIsTitled(t *testing.T) {
	ix := corpusIndex(t)
	for _, q := range []string{"共同富裕取得新进展", "一带一路加速推进"} {
		if shown := shownHits(t, ix, q); len(shown) > 0 {
			continue
		}
		topic, hits, err := ix.Mentions(context.Background(), q, 5)
		if err != nil || topic == "" || len(hits) == 0 {
			continue
		}
		titled := 0
		for _, h := range shownHits(t, ix, topic) {
			if strings.Contains(h.Article.Title, topic) {
				titled++
			}
		}
		if titled > 0 {
			t.Errorf("%s: no hit at min_score, so the bot says 没有专门讲「%s」的文章, yet %s alone shows %d articles titled with it; mentions:%s",
				q, topic, topic, titled, describeHits(hits))
		}
	}
}
