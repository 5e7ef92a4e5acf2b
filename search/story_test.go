package search

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"mpbot/content"
	"mpbot/store/storetest"
)

// roundups are six 国内联播快讯 (a title shared by enough articles to be a
// roundup's), each with headed items, and an article of its own.
func roundups() []content.Article {
	items := [][2]string{
		{"2025年度中央机关公开遴选和公开选调公务员明起报名", "记者从国家公务员局获悉，2025年度中央机关公开遴选和公开选调公务员明（10月28日）起开始网上报名，笔试将于11月30日举行。"},
		{"全国规模以上工业企业利润总额超5万亿", "国家统计局今天发布的数据显示，前三季度全国规模以上工业企业实现利润总额52281.6亿元。"},
		{"冬春航季航班计划今天起执行", "从今天起，全国民航将执行冬春航季航班计划，共有194家航空公司计划每周安排客货运航班。"},
		{"第三届华语纪录电影大会闭幕", "第三届华语纪录电影大会昨晚在广东珠海闭幕，大会期间举办了主旨论坛、影片展映等系列活动。"},
		{"郑钦文夺得东京网球公开赛冠军", "在今天下午进行的东京网球公开赛决赛上，中国选手郑钦文以2比0夺得冠军。"},
		{"医保目录谈判竞价正式开始", "国家医保局今天正式启动医保目录现场谈判、竞价工作，162个通用名药品参加。"},
	}
	var out []content.Article
	for i := range 6 {
		body := "央视网消息（新闻联播）：\n\n"
		for j := range 2 {
			it := items[(i+j)%len(items)]
			if i > 0 && (i+j)%len(items) == 0 {
				it = [2]string{"各地推进秋冬种", "各地抢抓农时推进秋冬种，目前已完成七成。"}
			}
			body += it[0] + "\n\n" + it[1] + "\n\n"
		}
		out = append(out, content.Article{ID: fmt.Sprintf("roundup-%d", i), Title: "国内联播快讯", Body: body,
			URL: fmt.Sprintf("https://example.com/r%d", i), PublishedOn: fmt.Sprintf("2024-10-%02d", 20+i)})
	}
	return append(out, content.Article{ID: "own", Title: "郑钦文夺得东京网球公开赛女单冠军", Summary: "中国选手郑钦文在东京网球公开赛决赛中夺冠。",
		Body: "中国选手郑钦文在东京网球公开赛决赛中以2比0战胜对手夺得冠军，这是她职业生涯第4个巡回赛冠军。", URL: "https://example.com/own", PublishedOn: "2024-10-27"})
}

// TestRoundupItems: a question about an item of a roundup, which nothing
// else answers, is answered with the item (its headline, the roundup's id
// and page); an article of its own on the same news still wins. So after a
// restart, whether the index comes from stored analyses (read without
// bodies) or from a snapshot.
func TestRoundupItems(t *testing.T) { storetest.Each(t, testRoundupItems) }

func testRoundupItems(t *testing.T, e storetest.Engine) {
	ctx := context.Background()
	path := e.Fresh(t)
	l := openLibraryAt(t, e, path)
	if _, err := l.Import(ctx, roundups(), nil); err != nil {
		t.Fatal(err)
	}
	check := func(when string, l *Library) {
		t.Helper()
		hits, err := l.Search(ctx, "中央机关遴选什么时候报名", 3)
		if err != nil || len(hits) == 0 {
			t.Fatalf("%s: %v %v", when, hits, err)
		}
		h := hits[0]
		if h.Article.ID != "roundup-0" || h.Story == nil || h.Story.Head != "2025年度中央机关公开遴选和公开选调公务员明起报名" || h.Score < 0.4 {
			t.Fatalf("%s: want roundup-0's 遴选 item answering, got %s %+v (%.2f)", when, h.Article.ID, h.Story, h.Score)
		}
		if h.Article.Title != "国内联播快讯" || h.Article.URL != "https://example.com/r0" {
			t.Errorf("%s: the hit's article is the roundup's card: %+v", when, h.Article)
		}
		hits, _ = l.Search(ctx, "郑钦文东京网球公开赛夺冠", 3)
		if len(hits) == 0 || hits[0].Article.ID != "own" || hits[0].Story != nil {
			t.Errorf("%s: an article of its own must answer first, got %v", when, ids(hits))
		}
	}
	check("after the import", l)
	check("reopened from stored analyses", openLibraryAt(t, e, path))
	if err := l.SaveSnapshot(ctx); err != nil {
		t.Fatal(err)
	}
	again := openLibraryAt(t, e, path)
	if again.saved == 0 {
		t.Fatal("did not start from the snapshot")
	}
	check("reopened from the snapshot", again)
}

// TestAnalysisKeepsItems: a roundup's items survive the stored analysis,
// as the index is loaded without bodies.
func TestAnalysisKeepsItems(t *testing.T) {
	ix, err := BuildIndex(nil)
	if err != nil {
		t.Fatal(err)
	}
	a := roundups()[0]
	// An item in traditional characters is matched folded and shown as
	// written: its texts are kept apart.
	a.Body = strings.Replace(a.Body, "公务员", "公務員", 1)
	an := ix.Analyze(a)
	back, err := DecodeAnalysis(content.Article{ID: a.ID, Title: a.Title}, an.Encode())
	if err != nil {
		t.Fatal(err)
	}
	if len(back.stories) != 2 || len(an.stories) != 2 || !strings.Contains(back.stories[0].shown.Head, "公務員") || !strings.Contains(back.stories[0].head, "公务员") {
		t.Fatalf("items: %d analysed, %d decoded", len(an.stories), len(back.stories))
	}
	for k := range an.stories {
		if an.stories[k].shown != back.stories[k].shown || an.stories[k].text != back.stories[k].text || an.stories[k].head != back.stories[k].head ||
			len(an.stories[k].pairs) != len(back.stories[k].pairs) {
			t.Errorf("item %d: %+v decoded as %+v", k, an.stories[k], back.stories[k])
		}
	}
}
