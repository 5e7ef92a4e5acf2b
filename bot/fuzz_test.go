package bot

import (
	"context"
	"log/slog"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"mpbot/content"
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
		"最后一篇", "第十一篇", "No.2", "请发一下第二篇", "你好，两会", "谢谢老师！", "再来5篇", "\x00", "今天推送了什么", "最新的遴选", "2026年9月26日新闻联播", "昨天的新闻", "2026年9月26日第二条", "8月22日的头条",
		"上个月的国常会", "本月政治局会议", "GDP上个月增长了多少", "枫桥经验和浦江经验有什么区别", "基层治理 枫桥经验", "去年的呢", "https://x.cn/a 枫桥经验", "请问怎么用",
		"更早的", "有没有更新的", "那十八号呢", "要不要退订", "我是说，枫桥经验", "枫桥经验的文章，最好是今年的", "今天又没收到每日一读", "你这个机器人好笨",
		"八月份的政治局会议", "什么时候施行", "那是哪天呢？", "最近一次国常会是哪天", "还会推送吗", "please帮我找下"} {
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
		if !mayHoldDate(text) && dateWritten.MatchString(text) {
			t.Fatalf("%q: a date the quick check passes over", text)
		}
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

// FuzzReadingAsked: a week's, a month's or a year's readings asked for are
// real days, the first not after the last unless they are to come, and a
// name is given for the list's header.
func FuzzReadingAsked(f *testing.F) {
	for _, seed := range []string{"上周的每日一读", "11月的每日一读", "去年12月的每日一读", "2025年3月每日一读", "今年的每日一读", "明天的每日一读",
		"下个月的每日一读", "十二月份的每日一读", "13月的每日一读", "上上周的每日一读有哪些", "往期每日一读", "昨天的每日一读"} {
		f.Add(seed)
	}
	today := time.Date(2026, 12, 3, 9, 0, 0, 0, chinaTime)
	f.Fuzz(func(t *testing.T, text string) {
		ask, ok := readingAsked(text, today)
		p := ask.period
		if !ok || p.name == "" {
			return
		}
		from, err1 := time.Parse(content.DateLayout, p.from)
		through, err2 := time.Parse(content.DateLayout, p.through)
		if err1 != nil || err2 != nil {
			t.Fatalf("%q: %+v", text, p)
		}
		if !p.ahead && (from.After(through) || through.After(midnight(today))) {
			t.Fatalf("%q: %+v is no period up to today", text, p)
		}
	})
}

// FuzzWithoutFillers: taking a voice message's fillers out only takes
// away, and never leaves a text with words nothing (or a filler alone
// where there was more).
func FuzzWithoutFillers(f *testing.F) {
	for _, seed := range []string{"就是关于那个，嗯，新质生产力的。", "我想看一下就是关于那个新质生产力的文章", "嗯嗯😊", "换个话题，低空经济", "那个", "关于那个人的事迹"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		got := withoutFillers(text)
		if len(got) > len(text) {
			t.Fatalf("%q became the longer %q", text, got)
		}
		if strings.IndexFunc(text, isWordRune) >= 0 && strings.IndexFunc(got, isWordRune) < 0 {
			t.Fatalf("%q lost all its words: %q", text, got)
		}
	})
}
