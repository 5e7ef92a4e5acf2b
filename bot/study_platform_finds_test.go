package bot

import (
	"strings"
	"testing"

	"mpbot/content"
	"mpbot/search"
)

// A study-platform follower run's find (over the webhook, shipped config):
// 我不想每天收到推送了 and 不想每天收到推送 got the no-match reply and left the
// follower subscribed, where 我不想收到推送了 unsubscribes: 每天 between the
// no and the reading is read as a topic. By voice, 嗯，我不想要每天的推送了，
// 帮我关掉吧。 (two clauses, both asking to stop, no reasons given) got the
// no-match reply too. The follower, told "nothing
// found", keeps getting the reading they asked to stop.
func TestStopReadingWithEveryDayBetween(t *testing.T) {
	push := PushSpec{SubscribeKeywords: []string{"订阅"}, UnsubscribeKeywords: []string{"退订", "不想收到推送"},
		SubscribeReply: "已订阅。", UnsubscribeReply: "已退订。"}
	s, err := Compile(demoSpec(), okSearch, push, search.Fold)
	if err != nil {
		t.Fatal(err)
	}
	if out, ok := s.opt(s.fold(Bare("我不想收到推送了"))); !ok || !out {
		t.Fatalf("我不想收到推送了 is no longer read as stopping: the settings here are not the shipped ones'")
	}
	for _, text := range []string{"我不想每天收到推送了", "不想每天收到推送", "我不想每天都收到推送",
		// By voice (嗯，我不想要每天的推送了，帮我关掉吧。 got the no-match reply
		// over the webhook): a no and a request to switch it off, no reasons.
		"我不想要每天的推送了，帮我关掉吧"} {
		out, ok := s.opt(s.fold(Bare(text)))
		if !ok && s.stopsReading(s.fold(Bare(text))) {
			out, ok = true, true
		}
		if !ok || !out {
			t.Errorf("%s: not read as stopping the reading (switch %v, found %v)", text, out, ok)
		}
	}
	// A stop said in a clause of its own beside the no is asked again; a
	// stop the no is of is kept.
	for _, text := range []string{"每日一读不要关掉吧", "推送不要取消，谢谢", "每天的推送别停掉", "我想订阅，帮我关掉吧"} {
		if s.stopsReading(s.fold(Bare(text))) {
			t.Errorf("%s: read as stopping the reading", text)
		}
	}
}

// A study-platform follower run's find (on the shared corpus): the header of
// a topic's newest articles, and the "none older" line after 更早的呢, quote
// the follower's words with what was asked around the topic:
//
//	霍尔木兹海峡最近怎么了 → 「霍尔木兹海峡怎么」最新的文章：
//	(voice) 嗯，老师，那个我想问一下，就是最近那个，嗯，中央经济工作会议，就是它提出了哪些重点任务啊。
//	        → 「中央经济工作会议,它提出了哪些重点任务」最新的文章：
//
// (and, after a voice card, 没有比这些更早的「还有共同富裕,浙江那个示范区」文章了).
// The quote is what the bot says it searched: on a phone it reads as the
// bot having misheard, with an ASCII comma and the follower's fillers in it.
// The voice message's clauses are quoted with the comma as said, less the
// pronoun pointing back at the meeting.
func TestNewestHeaderQuotesTheTopic(t *testing.T) {
	arts := []content.Article{
		{ID: "h1", Title: "伊朗称严禁敌对船只进入霍尔木兹海峡", Summary: "伊朗方面表示将严禁敌对船只进入霍尔木兹海峡。", PublishedOn: "2026-08-20", URL: "https://example.com/h1"},
		{ID: "h2", Title: "伊朗称继续关闭霍尔木兹海峡", Summary: "伊朗称继续关闭霍尔木兹海峡直至美方满足条件。", PublishedOn: "2026-08-19", URL: "https://example.com/h2"},
		{ID: "h3", Title: "伊朗与阿曼就霍尔木兹海峡航运路线图达成协议", Summary: "伊朗称与阿曼就霍尔木兹海峡航运路线图达成协议。", PublishedOn: "2026-08-16", URL: "https://example.com/h3"},
		{ID: "z1", Title: "中央经济工作会议在北京举行", Summary: "中央经济工作会议在北京举行，部署明年经济工作的重点任务。", PublishedOn: "2025-12-11", URL: "https://example.com/z1"},
		{ID: "z2", Title: "人民日报评论员文章：抓住关键——论学习贯彻中央经济工作会议精神", Summary: "评论员文章谈中央经济工作会议提出的重点任务。", PublishedOn: "2025-12-15", URL: "https://example.com/z2"},
		{ID: "z3", Title: "中央经济工作会议在北京举行", Summary: "中央经济工作会议在北京举行。", PublishedOn: "2024-12-12", URL: "https://example.com/z3"},
		{ID: "z4", Title: "《求是》杂志发表重要文章《当前经济工作的重点任务》", Summary: "《求是》杂志发表重要文章《当前经济工作的重点任务》。", PublishedOn: "2026-02-16", URL: "https://example.com/z4"},
		{ID: "z5", Title: "突出重点 把握关键——中央经济工作会议精神引发热烈反响", Summary: "中央经济工作会议精神引发热烈反响。", PublishedOn: "2023-12-17", URL: "https://example.com/z5"},
		{ID: "z6", Title: "中央经济工作会议在北京举行", Summary: "中央经济工作会议在北京举行。", PublishedOn: "2023-12-12", URL: "https://example.com/z6"},
	}
	b := newDemoBot(t, catalogOf(append(arts, content.DemoArticles()...)), NewMemoryFollowUps())
	for _, c := range []struct {
		text  string
		voice bool
		topic string
	}{
		{"霍尔木兹海峡最近怎么了", false, "霍尔木兹海峡"},
		{"霍尔木兹海峡最近怎么样了", false, "霍尔木兹海峡"},
		{"最近霍尔木兹海峡什么情况", false, "霍尔木兹海峡"},
		{"嗯，老师，那个我想问一下，就是最近那个，嗯，中央经济工作会议，就是它提出了哪些重点任务啊。", true, "中央经济工作会议，提出了哪些重点任务"},
		// Re-checks' finds: 它的 had left 「…，的重点任务」, 他 (voice's 它)
		// and 这个会议 (its 这个 gone with the fillers) had stayed.
		{"嗯，老师，那个我想问一下，就是最近那个，嗯，中央经济工作会议，它的重点任务有哪些啊。", true, "中央经济工作会议的重点任务"},
		{"嗯，老师，那个我想问一下，就是最近那个，嗯，中央经济工作会议，他提出了哪些重点任务啊。", true, "中央经济工作会议，提出了哪些重点任务"},
		{"嗯，老师，那个我想问一下，就是最近那个，嗯，中央经济工作会议，这个会议的重点任务有哪些啊。", true, "中央经济工作会议的重点任务"},
	} {
		ask := asker(t, b)
		if c.voice {
			ask = voiceAsker(t, b)
		}
		r := ask(c.text)
		first, _, _ := strings.Cut(r.Text, "\n")
		if r.Type != ReplyText || !strings.Contains(first, "最新的文章") {
			t.Fatalf("%s: want the topic's newest articles, got %v", c.text, r)
		}
		if quoted := first[strings.Index(first, "「")+len("「") : strings.Index(first, "」")]; quoted != c.topic {
			t.Errorf("%s: header quotes %q, want %q:\n%s", c.text, quoted, c.topic, first)
		}
	}
}
