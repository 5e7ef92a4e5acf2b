package bot

import (
	"context"
	"log/slog"
	"testing"
	"time"
	"unicode/utf8"

	"mpbot/search"
)

// FuzzAnswer sends the bot whatever a follower might type, with and without
// a list open and with the daily reading's switch read from a follower
// record: every text gets an answer (never a panic, never an empty reply),
// and what it says is valid UTF-8 within WeChat's limit for a text reply.
//
//	go test ./bot -run '^$' -fuzz FuzzAnswer -fuzztime 60s
func FuzzAnswer(f *testing.F) {
	for _, seed := range []string{"枫桥经验", "2", "第二篇", "更多", "退订了吗", "要退订", "？？", "👍", "[微笑]", "嗯，医保",
		"最后一篇", "第十一篇", "No.2", "请发一下第二篇", "你好，两会", "谢谢老师！", "再来5篇", "\x00", "今天推送了什么", "最新的遴选", "2026年9月26日新闻联播", "昨天的新闻", "2026年9月26日第二条", "8月22日的头条"} {
		f.Add(seed, true)
		f.Add(seed, false)
	}
	catalog := newDemoCatalog()
	s, err := Compile(demoSpec(), okSearch, okPush, search.Fold)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string, listOpen bool) {
		b := New(s, Deps{Catalog: catalog, FollowUps: NewMemoryFollowUps(), Followers: &followerLog{}, Log: slog.New(slog.DiscardHandler)})
		ctx := context.Background()
		if listOpen {
			b.Answer(ctx, Message{Kind: KindText, From: "o", Text: "基层治理"})
		}
		replies := b.Answer(ctx, Message{Kind: KindText, From: "o", Text: text})
		if len(replies) == 0 {
			t.Fatalf("%q: no reply", text)
		}
		for _, r := range replies {
			if r.Type == ReplyText && (r.Text == "" || !utf8.ValidString(r.Text) || len(r.Text) > 2047) {
				t.Fatalf("%q: text reply %q", text, r.Text)
			}
		}
	})
}

// FuzzDayAsked reads whatever a follower might type for a day's news: a day
// it finds is a real date of this century or the last, and asked again as
// it is shown (2025年8月22日), is the same day.
//
//	go test ./bot -run '^$' -fuzz FuzzDayAsked -fuzztime 30s
func FuzzDayAsked(f *testing.F) {
	for _, seed := range []string{"8月22日新闻联播", "二〇二五年八月二十二日的新闻", "20240305", "2024/3/5", "2月29日", "大前天的新闻", "13月1日",
		"8月22日和8月23日", "十月一日", "2025 年 8 月 22 日",
		"二九九九年一月一日的新闻", "一〇〇〇年一月一日", "25年8月22日", "8.22新闻联播", "2月30日新闻"} {
		f.Add(seed)
	}
	today := time.Date(2026, 12, 3, 9, 0, 0, 0, chinaTime)
	f.Fuzz(func(t *testing.T, text string) {
		a, ok := dayAsked(text, today)
		if !ok || a.noDate != "" {
			return
		}
		day := a.day
		if day.Year() < 1900 || day.Year() > 2099 {
			t.Fatalf("%q: %v", text, day)
		}
		if a.relative {
			return
		}
		again, ok := dayAsked(dayName(day.Format("2006-01-02")), today)
		if !ok || !again.day.Equal(day) {
			t.Fatalf("%q: %v, asked again as %s: %v %v", text, day, dayName(day.Format("2006-01-02")), again.day, ok)
		}
	})
}
