package bot

import (
	"context"
	"fmt"
	"log/slog"
	"math/rand/v2"
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

// TestRoutesKeepAnswersAtRandom: a keeping bot and a non-keeping one get
// the same random conversations (three followers with their lists and
// subscriptions, a clock crossing midnight in China and in push.timezone,
// a reload) and must answer alike, message by message. (A review's test:
// TestRoutesKeepAnswers' sequences had no followers store, no clock moving
// and no reload.)
func TestRoutesKeepAnswersAtRandom(t *testing.T) {
	vocab := []string{"枫桥经验", "人民至上", "浦江经验", "全过程人民民主", "两会", "阅兵", "二", "2", "第二篇", "第二个", "更多", "换一篇",
		"下一篇", "上一篇", "返回", "上一页", "最新的呢", "2025年的呢", "那2024年的", "去年的呢", "2024年的", "昨天的呢", "上周的呢",
		"每日一读", "昨天的每日一读", "昨天推送的是什么", "今天有什么新闻", "昨天的新闻", "谢谢", "你好，两会", "帮助", "退订", "退订了吗",
		"开启推送", "第一个和第二个", "12月2日的新闻", "12月1日", "12月2日", "明天的每日一读", "今天", "昨天", "今年的呢", "前年的呢",
		"昨天枫桥经验", "枫桥经验 昨天", "往期", "往期每日一读", "好的", "嗯", "知道了", "收到", "还有吗", "别的", "2号", "no2", "①",
		"最新的枫桥经验", "枫桥经验最新一期", "上次的", "去年", "今年", "本周", "这周的", "11月的呢", "12月的呢", "那12月的呢",
		"1和2", "第一个和第二个都想看", "不想退订了", "人民至上，不对，是枫桥经验", "2025年的呢？谢谢", "订阅", "那十八号呢", "第十七届", "二十届三中全会", "那十九届的呢",
		"那第十八届的呢", "80周年", "那70周年呢", "前三季度呢", "全年的呢", "那12月1号的呢"}
	zones := []string{"Asia/Shanghai", "Pacific/Kiritimati", "America/Los_Angeles", "UTC"}
	hits := map[string]int{}
	defer func() { t.Logf("kept ways used: %v", hits) }()
	seeds := uint64(60)
	if testing.Short() {
		seeds = 10
	}
	for seed := uint64(1); seed <= seeds; seed++ {
		rng := rand.New(rand.NewPCG(seed, 7))
		zone, _ := time.LoadLocation(zones[int(seed)%len(zones)])
		now := time.Date(2026, 12, 1, 23, 40, 0, 0, chinaTime).Add(-time.Duration(rng.IntN(20)) * time.Hour)
		mk := func(cacheSize int, extra bool) *Settings {
			spec := okSearch
			spec.CacheSize = cacheSize
			r := demoSpec()
			if extra {
				r.Rules = append(r.Rules, RuleSpec{Name: "x", Keywords: []string{"人民至上"}, ResponseSpec: text("规则答复。")})
			}
			s, err := Compile(r, spec, okPush, nil)
			if err != nil {
				t.Fatal(err)
			}
			s.SetReadingZone(zone)
			return s
		}
		newBot := func(cacheSize int) (*Bot, *eventLog) {
			catalog := newDemoCatalog()
			daily := func(ctx context.Context) (content.Article, error) { return catalog.Get(ctx, "demo-renmin") }
			readings := func(_ context.Context, through string, n int) ([]content.Reading, error) {
				var out []content.Reading
				for i, id := range []string{"demo-fengqiao", "demo-pujiang", "demo-minzhu"} {
					day := time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC).AddDate(0, 0, -i).Format(content.DateLayout)
					if day <= through && len(out) < n {
						a, _ := catalog.Get(context.Background(), id)
						out = append(out, content.Reading{Day: day, Article: a})
					}
				}
				return out, nil
			}
			log := &eventLog{}
			b := New(mk(cacheSize, false), Deps{Catalog: catalog, FollowUps: NewMemoryFollowUps(), Daily: daily, Readings: readings, Events: log,
				Followers: &followerLog{}, Log: slog.New(slog.DiscardHandler), Now: func() time.Time { return now }})
			b.random = func(int) int { return 0 }
			return b, log
		}
		plain, _ := newBot(0)
		kept, _ := newBot(64)
		reloaded := false
		for i := 0; i < 300; i++ {
			if rng.IntN(10) == 0 {
				now = now.Add(time.Duration(rng.IntN(90)) * time.Minute)
			}
			if !reloaded && i == 150 {
				plain.SetSettings(mk(0, true))
				kept.SetSettings(mk(64, true))
				reloaded = true
			}
			from := fmt.Sprintf("f%d", rng.IntN(3))
			text := vocab[rng.IntN(len(vocab))]
			m := Message{From: from, Kind: KindText, Text: text}
			if r := kept.routes.Load(); r != nil && r.settings == kept.settings.Load() {
				if _, ok := r.lookup(text, dayPair{midnight(now.In(chinaTime)), midnight(now.In(zone))}); ok {
					hits[text]++
				}
			}
			want, got := plain.Answer(context.Background(), m), kept.Answer(context.Background(), m)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("seed %d msg %d %s at %s (%s) from %s:\nkept: %+v\nanew: %+v", seed, i, text, now, zone, from, got, want)
			}
		}
	}
}
