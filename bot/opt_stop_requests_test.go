package bot

import (
	"context"
	"log/slog"
	"strings"
	"testing"

	"mpbot/content"
	"mpbot/search"
)

// A request to stop the daily reading that 7ea7ecf^ answered with the
// opt-out (已退订) and 7ea7ecf answers with no match, the follower still
// subscribed: 停了/关了 with 吧 (a request, not a state said), the verb first
// (关了推送吧), and a no followed by a polite 可以吗？.
func TestStopRequestsWithBaStillUnsubscribe(t *testing.T) {
	push := PushSpec{SubscribeKeywords: []string{"订阅"}, UnsubscribeKeywords: []string{"退订", "取消订阅", "不要再推送", "别推了", "td", "停止推送"},
		SubscribeReply: "已订阅。", UnsubscribeReply: "已退订。"}
	s, err := Compile(demoSpec(), okSearch, push, search.Fold)
	if err != nil {
		t.Fatal(err)
	}
	c := newDemoCatalog()
	daily := func(ctx context.Context) (content.Article, error) { return c.Get(ctx, "demo-renmin") }
	b := New(s, Deps{Catalog: c, FollowUps: NewMemoryFollowUps(), Daily: daily, Log: slog.New(slog.DiscardHandler)})
	for _, text := range []string{"推送关了吧", "每日一读停了吧", "推送停了吧", "每日一读关了吧", "关了推送吧", "停了推送吧", "我不想要每日一读了，可以吗？"} {
		r := b.Answer(context.Background(), Message{Kind: KindText, From: "o_stop", Text: text})
		got := "(none)"
		if len(r) > 0 {
			got = r[0].String()
		}
		if !strings.Contains(got, "已退订") {
			t.Errorf("%q: %q, want the opt-out (已退订), as 7ea7ecf^ answered", text, got)
		}
	}
}
