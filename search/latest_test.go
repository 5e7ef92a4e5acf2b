package search

import (
	"context"
	"fmt"
	"testing"
	"time"

	"mpbot/content"
)

// TestLatest: the articles published last, newest first, a day's in the
// order of their ids, an edited one too; not those dated after today in China, nor
// undated ones, nor roundups sharing their title, nor removed ones.
func TestLatest(t *testing.T) {
	arts := []content.Article{
		{ID: "old", Title: "去年的文章", Body: "正文。", PublishedOn: "2025-05-01"},
		{ID: "d1", Title: "头条", Body: "正文。", PublishedOn: "2026-06-01"},
		{ID: "d2", Title: "第二条", Body: "正文。", PublishedOn: "2026-06-01"},
		{ID: "undated", Title: "没有日期", Body: "正文。"},
		{ID: "future", Title: "定时发布", Body: "正文。", PublishedOn: "2026-06-02"},
		{ID: "prev", Title: "前一天", Body: "正文。", PublishedOn: "2026-05-31"},
		{ID: "gone", Title: "已删除", Body: "正文。", PublishedOn: "2026-06-01"},
	}
	for i := range 6 {
		arts = append(arts, content.Article{ID: fmt.Sprintf("r%d", i), Title: "国内联播快讯", PublishedOn: fmt.Sprintf("2026-05-%02d", 26+i),
			Body: "央视网消息（新闻联播）：\n\n各地推进秋冬种\n\n各地抢抓农时推进秋冬种。\n\n医保目录谈判开始\n\n国家医保局启动谈判。\n\n"})
	}
	// A roundup whose body has no paragraph breaks (43 of the corpus's):
	// its items are not told apart, and its title is a roundup's.
	arts = append(arts, content.Article{ID: "r-flat", Title: "国内联播快讯", PublishedOn: "2026-05-31",
		Body: "央视网消息（新闻联播）：各地推进秋冬种。各地抢抓农时推进秋冬种。医保目录谈判开始。国家医保局启动谈判。"})
	// A title every meeting has is no roundup's.
	for i := range 5 {
		arts = append(arts, content.Article{ID: fmt.Sprintf("m%d", i), Title: "国务院常务会议召开", PublishedOn: fmt.Sprintf("2025-04-%02d", i+1), Body: "会议部署工作。"})
	}
	ix, err := BuildIndex(arts)
	if err != nil {
		t.Fatal(err)
	}
	ix.Remove("gone")
	// An edit adds d1 again, last in the index: its day's order stays.
	edited := arts[1]
	edited.Title = "头条（更新）"
	ix.Add(ix.Analyze(edited))
	// 2026-06-01 in China, the evening before in UTC.
	ix.now = func() time.Time { return time.Date(2026, 5, 31, 20, 0, 0, 0, time.UTC) }
	for n, want := range map[int]string{0: "[]", 1: "[d1]", 3: "[d1 d2 prev]", 10: "[d1 d2 prev old m4 m3 m2 m1 m0]"} {
		hits, err := ix.Latest(context.Background(), n)
		if err != nil {
			t.Fatal(err)
		}
		if got := fmt.Sprint(ids(hits)); got != want {
			t.Errorf("latest %d: %s, want %s", n, got, want)
		}
		for _, h := range hits {
			if h.Article.Title == "" || h.Article.PublishedOn == "" {
				t.Errorf("latest %d: %+v has no card", n, h.Article)
			}
		}
	}
	// A day's articles, in the order of their ids (the edited d1 first),
	// roundups too; not removed ones; none for a day that is no date.
	for _, c := range []struct {
		day  string
		n    int
		want string
	}{
		{"2026-06-01", 10, "[d1 d2]"}, {"2026-06-01", 1, "[d1]"}, {"2026-05-31", 10, "[prev r-flat r5]"},
		{"2026-06-02", 10, "[future]"}, {"2026-06-03", 10, "[]"}, {"2026-02-30", 10, "[]"}, {"", 10, "[]"}, {"2026-06-01", 0, "[]"},
	} {
		hits, err := ix.Day(context.Background(), c.day, c.n)
		if err != nil {
			t.Fatal(err)
		}
		if got := fmt.Sprint(ids(hits)); got != c.want {
			t.Errorf("day %q, %d: %s, want %s", c.day, c.n, got, c.want)
		}
		for _, h := range hits {
			if h.Article.Title == "" || h.Article.PublishedOn != c.day {
				t.Errorf("day %q: %+v", c.day, h.Article)
			}
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := ix.Latest(ctx, 3); err == nil {
		t.Error("a cancelled latest gave no error")
	}
	if _, err := ix.Day(ctx, "2026-06-01", 3); err == nil {
		t.Error("a cancelled day gave no error")
	}
}

// TestLatestPastManyRoundups: the newest articles are found first and the
// roundups among them left out; when they are all roundups, more are
// looked at until n others are found.
func TestLatestPastManyRoundups(t *testing.T) {
	arts := []content.Article{{ID: "a", Title: "稍早的文章", Body: "正文。", PublishedOn: "2026-05-01"}, {ID: "b", Title: "更早的文章", Body: "正文。", PublishedOn: "2026-04-01"}}
	for i := range 30 {
		arts = append(arts, content.Article{ID: fmt.Sprintf("r%02d", i), Title: "国内联播快讯", PublishedOn: "2026-05-31",
			Body: "央视网消息（新闻联播）：\n\n各地推进秋冬种\n\n各地抢抓农时推进秋冬种。\n\n医保目录谈判开始\n\n国家医保局启动谈判。\n\n"})
	}
	ix, err := BuildIndex(arts)
	if err != nil {
		t.Fatal(err)
	}
	ix.now = func() time.Time { return time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC) }
	for n, want := range map[int]string{1: "[a]", 2: "[a b]", 5: "[a b]"} {
		if hits, err := ix.Latest(context.Background(), n); err != nil || fmt.Sprint(ids(hits)) != want {
			t.Errorf("latest %d: %v %v, want %s", n, ids(hits), err, want)
		}
	}
}
