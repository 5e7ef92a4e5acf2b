package bot

import (
	"context"
	"log/slog"
	"strings"
	"testing"

	"mpbot/content"
	"mpbot/search"
)

// optBot is the demo bot with push keywords of its own, for the daily
// reading's switch asked in followers' words.
func optBot(t *testing.T) *Bot {
	t.Helper()
	push := PushSpec{SubscribeKeywords: []string{"订阅"}, UnsubscribeKeywords: []string{"退订", "取消订阅", "不要再推送", "别推了", "td", "停止推送"},
		SubscribeReply: "已订阅。", UnsubscribeReply: "已退订。"}
	s, err := Compile(demoSpec(), okSearch, push, search.Fold)
	if err != nil {
		t.Fatal(err)
	}
	c := newDemoCatalog()
	daily := func(ctx context.Context) (content.Article, error) { return c.Get(ctx, "demo-renmin") }
	return New(s, Deps{Catalog: c, FollowUps: NewMemoryFollowUps(), Daily: daily, Log: slog.New(slog.DiscardHandler)})
}

// optFirst is the first reply b gives text.
func optFirst(b *Bot, text string) string {
	r := b.Answer(context.Background(), Message{Kind: KindText, From: "o_state", Text: text})
	if len(r) == 0 {
		return "(none)"
	}
	return r[0].String()
}

// TestGoodBaStateSaidIsNoOptOut: ad7d950 reads 停了/关了 as a request when
// 吧 is anywhere in the message, so the resigned 好吧 before the state said
// (好吧，推送停了: "oh well, the push has stopped") unsubscribes, though
// 推送停了 alone is no request (7ea7ecf) and the 吧 asks for nothing.
func TestGoodBaStateSaidIsNoOptOut(t *testing.T) {
	b := optBot(t)
	for _, text := range []string{"好吧，推送停了", "好吧推送停了", "好吧，每日一读关了"} {
		if got := optFirst(b, text); strings.Contains(got, "已退订") {
			t.Errorf("%q: %q, a state said after 好吧 unsubscribes", text, got)
		}
	}
}

// TestPoliteXingBuXingStops: politeRequest (ad7d950) lists 行不行, but
// onlyAsking knows no 行不行, so 推送停掉行不行？ gets no match where
// 推送停掉行吗？ unsubscribes.
func TestPoliteXingBuXingStops(t *testing.T) {
	b := optBot(t)
	if got := optFirst(b, "推送停掉行吗？"); !strings.Contains(got, "已退订") {
		t.Fatalf("control 推送停掉行吗？: %q", got)
	}
	for _, text := range []string{"推送停掉行不行？", "关掉推送行不行？"} {
		if got := optFirst(b, text); !strings.Contains(got, "已退订") {
			t.Errorf("%q: %q, want the opt-out as 推送停掉行吗？ gets", text, got)
		}
	}
}

// TestStopRequestsWithBaStillUnsubscribe: a request to stop the daily
// reading that had unsubscribed and then got no match, the follower still
// subscribed (a re-check's find): 停了/关了 with 吧 (a request, not a state
// said), the verb first (关了推送吧), and a no followed by a polite 可以吗？.
func TestStopRequestsWithBaStillUnsubscribe(t *testing.T) {
	b := optBot(t)
	for _, text := range []string{"推送关了吧", "每日一读停了吧", "推送停了吧", "每日一读关了吧", "关了推送吧", "停了推送吧", "我不想要每日一读了，可以吗？"} {
		if got := optFirst(b, text); !strings.Contains(got, "已退订") {
			t.Errorf("%q: %q, want the opt-out (已退订)", text, got)
		}
	}
}
