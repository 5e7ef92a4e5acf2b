package bot

import (
	"context"
	"fmt"
	"log/slog"
	"reflect"
	"testing"
	"time"

	"mpbot/content"
)

// TestRoutesKeepAnswers: a bot keeping the ways texts were found to take
// (search.cache_size above 0) answers every message as one finding each
// anew does, text after text of conversations where the same words mean a
// search once and a choice, a page, a day or a follow-up the next time;
// and it does keep the ways of plain questions, so what is compared went
// through them.
func TestRoutesKeepAnswers(t *testing.T) {
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, chinaTime)
	newBot := func(cacheSize int) (*Bot, *eventLog) {
		spec := okSearch
		spec.CacheSize = cacheSize
		s, err := Compile(demoSpec(), spec, okPush, nil)
		if err != nil {
			t.Fatal(err)
		}
		catalog := newDemoCatalog()
		daily := func(ctx context.Context) (content.Article, error) { return catalog.Get(ctx, "demo-renmin") }
		readings := func(_ context.Context, through string, n int) ([]content.Reading, error) {
			a, _ := catalog.Get(context.Background(), "demo-fengqiao")
			return []content.Reading{{Day: "2026-11-30", Article: a}}[:min(n, 1)], nil
		}
		log := &eventLog{}
		b := New(s, Deps{Catalog: catalog, FollowUps: NewMemoryFollowUps(), Daily: daily, Readings: readings, Events: log,
			Log: slog.New(slog.DiscardHandler), Now: func() time.Time { return now }})
		b.random = func(int) int { return 0 }
		return b, log
	}
	plain, plainLog := newBot(0)
	kept, keptLog := newBot(64)
	// Each text comes at least twice, in different states: no list open,
	// a list open, a card open, after readings.
	conversations := [][]string{
		{"枫桥经验", "二", "枫桥经验", "二", "二", "更多", "枫桥经验", "下一篇", "下一篇", "上一篇", "枫桥经验"},
		{"二", "第二篇", "人民至上", "第二篇", "二", "选2", "第一个和第二个", "浦江经验", "第一个和第二个"},
		{"最新的枫桥经验", "枫桥经验", "最新的呢", "最新的枫桥经验", "最新的呢", "2025年的呢", "人民至上", "2025年的呢", "那2024年的", "两会", "那2024年的"},
		{"每日一读", "昨天的呢", "更多", "昨天的呢", "每日一读", "上周的呢", "人民至上", "上周的呢"},
		{"8月22日阅兵", "阅兵", "8月22日阅兵", "昨天的新闻", "昨天的新闻", "你好，两会", "你好，两会", "谢谢", "谢谢"},
		{"嗯，那个，枫桥经验。", "嗯，那个，枫桥经验。", "上一页", "返回", "枫桥经验", "上一页", "返回", "全过程人民民主", "全过程人民民主"},
		{"2号", "今天有什么新闻", "2号", "2号", "no2", "今天有什么新闻", "no2"},
		{"那2024年的", "两会", "那2024年的", "去年的呢", "全过程人民民主", "去年的呢"},
		{"帮助", "帮助", "今天有什么新闻", "今天有什么新闻", "上周的新闻", "上周的新闻", "退订", "退订了吗", "订阅", "退订了吗"},
	}
	for i, conv := range conversations {
		from := fmt.Sprintf("follower-%d", i)
		for j, text := range conv {
			m := Message{From: from, Kind: KindText, Text: text}
			want, got := plain.Answer(context.Background(), m), kept.Answer(context.Background(), m)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("conversation %d, message %d (%s):\nkept ways: %+v\nfound anew: %+v", i, j, text, got, want)
			}
		}
	}
	// An import in between: a way that read the store (最新的冰雪经济
	// with no article on it was searched) may differ after it.
	ask := func(text string) {
		t.Helper()
		m := Message{From: "follower-import", Kind: KindText, Text: text}
		if want, got := plain.Answer(context.Background(), m), kept.Answer(context.Background(), m); !reflect.DeepEqual(got, want) {
			t.Errorf("%s:\nkept ways: %+v\nfound anew: %+v", text, got, want)
		}
	}
	ask("最新的冰雪经济")
	more := content.DemoArticles()
	for i, day := range []string{"2026-11-02", "2026-11-20", "2026-11-11"} {
		more = append(more, content.Article{ID: fmt.Sprintf("ice-%d", i), Title: fmt.Sprintf("冰雪经济第%d讲", i+1), Body: "冰雪经济带动冬季旅游。",
			PublishedOn: day, URL: fmt.Sprintf("https://example.com/ice-%d", i)})
	}
	plain.catalog, kept.catalog = catalogOf(more), catalogOf(more)
	ask("最新的冰雪经济")
	for i := range keptLog.events {
		keptLog.events[i].Latency = 0
	}
	for i := range plainLog.events {
		plainLog.events[i].Latency = 0
	}
	if !reflect.DeepEqual(keptLog.events, plainLog.events) {
		t.Errorf("the query logs differ:\nkept ways: %+v\nfound anew: %+v", keptLog.events, plainLog.events)
	}
	r := kept.routes.Load()
	if r == nil {
		t.Fatal("no ways kept")
	}
	for text, want := range map[string]bool{"枫桥经验": true, "人民至上": true, "全过程人民民主": true, "嗯，那个，枫桥经验。": true,
		"二": false, "最新的枫桥经验": false, "2025年的呢": false, "那2024年的": false, "8月22日阅兵": false, "第一个和第二个": false} {
		if _, ok := r.lookup(text, dayPair{midnight(now), midnight(now)}); ok != want {
			t.Errorf("%s kept: %v, want %v", text, ok, want)
		}
	}
	if _, ok := r.lookup("枫桥经验", dayPair{midnight(now.AddDate(0, 0, 1)), midnight(now.AddDate(0, 0, 1))}); ok {
		t.Error("a way found yesterday is kept today")
	}
}
