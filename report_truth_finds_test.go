package main

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"mpbot/bot/wechat"
)

// truthAsk sends texts as one follower through a running serve, in order.
func truthAsk(t *testing.T, sim *wechat.Simulator, msg *int64, who string, texts ...string) []*wechat.Outbound {
	t.Helper()
	var outs []*wechat.Outbound
	for _, text := range texts {
		*msg++
		out, err := sim.Send(context.Background(), wechat.Inbound{From: who, MsgType: "text", Content: text, MsgID: *msg, CreateTime: time.Now().Unix()})
		if err != nil {
			t.Fatal(err)
		}
		outs = append(outs, out)
	}
	return outs
}

// TestPeriodFallbackChoiceIsNoVote: a month asked of a topic after the
// store's newest article (2026年11月的基层治理 on the demo store, whose newest
// is of September) is told 2026年11月还没有文章。 above the topic's newest,
// newest first; the query log has the question as no_match. A number chosen
// from that list was kept as a vote for the article on the question
// (report: "2026年11月的基层治理" → demo-sixia: 1 follower, +0.10), and so was
// one from 最新的基层治理's list. The README: "one from a list no search
// ranked (the past readings, the latest articles, a day's or a period's
// news) is not [a vote]". The list is dated, not ranked: FollowUp.by()
// names no maker for a Newest list, so the choice is logged with Rule "".
// Found by an insights run (truth) on the demo store and on the corpus
// (2026年11月CPI, then 1: a vote for July's CPI figures on November's question).
func TestPeriodFallbackChoiceIsNoVote(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	t.Setenv("MPBOT_INSIGHTS_KEY", "test-key-test-key")
	logs := &syncBuffer{}
	base, stop := startServe(t, cfg, logs)
	sim := simulatorFor(t, cfg, base)
	msg := int64(0)
	outs := truthAsk(t, sim, &msg, "o_month", "2026年11月的基层治理", "1")
	if !strings.Contains(outs[0].Content, "还没有文章") || outs[1].MsgType != "news" {
		t.Fatalf("want the month's no-article list, then a card: %+v %+v", outs[0], outs[1])
	}
	stop()
	r := reportJSON(t, cfg)
	for _, v := range r.Votes {
		if strings.Contains(v.Question, "2026年11月") {
			t.Errorf("vote kept on %q → %s (+%.2f): the list was the topic's newest under 2026年11月还没有文章, ordered by date, no search's ranking", v.Question, v.Article, v.Boost)
		}
	}
}

// TestReportKeepsRuleHitsAfterARename: the report's "Rules and menu
// keys" lists only the rules of the config read now. A rule renamed by a
// live edit (greeting → hello) loses its hits of the period from the
// report: `rule hello 0` and `never used: … rule hello`, and `rule
// greeting` (answered 你好 in the period) is nowhere, while "Most asked"
// still shows 你好 answered by a rule. Unnamed rules are labelled
// rules[i]: a rule inserted above them moves their hits to another rule.
func TestReportKeepsRuleHitsAfterARename(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	t.Setenv("MPBOT_INSIGHTS_KEY", "test-key-test-key")
	logs := &syncBuffer{}
	base, stop := startServe(t, cfg, logs)
	sim := simulatorFor(t, cfg, base)
	msg := int64(0)
	truthAsk(t, sim, &msg, "o_hi", "你好")
	stop()
	before := reportJSON(t, cfg)
	ruled := 0
	for _, h := range before.Rules {
		ruled += h.Count
	}
	if ruled != 1 {
		t.Fatalf("before the rename: %d rule hits, want 1 (greeting): %+v", ruled, before.Rules)
	}
	b, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(b), "    - name: greeting\n", "    - name: hello\n", 1)
	if edited == string(b) {
		t.Fatal("no greeting rule in the shipped config")
	}
	if err := os.WriteFile(cfg, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	after := reportJSON(t, cfg)
	ruled = 0
	for _, h := range after.Rules {
		ruled += h.Count
	}
	if ruled != 1 {
		t.Errorf("after renaming rule greeting to hello: the report's rules count %d hits in the period, want 1 (你好 was answered by a rule: Most asked %+v); rules %+v, never used %v",
			ruled, after.Asked, after.Rules, after.NeverHit)
	}
}

// TestMostAskedFoldsTraditional: followers' 国常会 and 國常會 are the
// same question (the bot answers both alike, the report's topics read
// traditional characters as simplified), but "Most asked" counts them as
// two questions of 1× each; on the corpus 国常会, 國常會 and the like were
// three rows where one question was asked three times. An operator asking
// "what is asked most" sees it split.
func TestMostAskedFoldsTraditional(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	t.Setenv("MPBOT_INSIGHTS_KEY", "test-key-test-key")
	logs := &syncBuffer{}
	base, stop := startServe(t, cfg, logs)
	sim := simulatorFor(t, cfg, base)
	msg := int64(0)
	truthAsk(t, sim, &msg, "o_simplified", "枫桥经验")
	truthAsk(t, sim, &msg, "o_traditional", "楓橋經驗")
	stop()
	r := reportJSON(t, cfg)
	for _, a := range r.Asked {
		if a.Text == "楓橋經驗" || a.Text == "枫桥经验" {
			if a.Count != 2 {
				t.Errorf("most asked: %d× %q; want 枫桥经验 2× (楓橋經驗 is the same question)", a.Count, a.Text)
			}
		}
	}
}

// TestReceiptsAreNoFollowersMessages: WeChat sends a
// TEMPLATESENDJOBFINISH event for every template message of the daily push
// (push.mode template), from the recipient's openid. The webhook keeps the
// receipt, then hands the event to the bot, whose query log records it as a
// message of that follower: the report's header ("N messages from M
// followers") and the console's 条消息 / 位粉丝发过消息 count every recipient
// of a template push as a follower who wrote, each day. Here one follower
// asks one question and three receipts arrive; the report says 4 messages
// from 4 followers. (LOCATION events, sent by WeChat itself when a follower
// opens the chat of an account reporting locations, count alike.)
func TestReceiptsAreNoFollowersMessages(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	t.Setenv("MPBOT_INSIGHTS_KEY", "test-key-test-key")
	logs := &syncBuffer{}
	base, stop := startServe(t, cfg, logs)
	sim := simulatorFor(t, cfg, base)
	msg := int64(0)
	truthAsk(t, sim, &msg, "o_asker", "枫桥经验")
	for i, who := range []string{"o_r1", "o_r2", "o_r3"} {
		in := wechat.Inbound{From: who, MsgType: "event", Event: "TEMPLATESENDJOBFINISH", CreateTime: time.Now().Unix(),
			Extra: "<MsgID>20016383" + string(rune('0'+i)) + "</MsgID><Status><![CDATA[success]]></Status>"}
		if _, err := sim.Send(context.Background(), in); err != nil {
			t.Fatal(err)
		}
	}
	stop()
	r := reportJSON(t, cfg)
	if r.Messages != 1 || r.Followers != 1 {
		t.Errorf("report: %d messages from %d followers; want 1 from 1 (three template receipts are WeChat's, not followers' messages)", r.Messages, r.Followers)
	}
}
