package bot

import (
	"context"
	"log/slog"
	"testing"
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
		"最后一篇", "第十一篇", "No.2", "请发一下第二篇", "你好，两会", "谢谢老师！", "再来5篇", "\x00", "今天推送了什么", "最新的遴选"} {
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
