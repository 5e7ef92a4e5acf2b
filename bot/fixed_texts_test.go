package bot

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"testing"
)

// A hostile run's find in the bot (the session of 2026-12-06).

// TestFixedTextsOverWeChatsLimitRefused: a reply map's text over WeChat's
// 2048 bytes is refused when the config is compiled ("text content is N
// bytes; WeChat delivers at most 2048"), but the fixed texts the bot sends
// as replies of their own — the 订阅/退订 confirmations, the answers to 退订了吗,
// replies.no_list and replies.choice_out_of_range — are taken at any length.
// Live, `mpbot check` passed a config whose push.unsubscribe_reply and
// replies.no_list were 2100 bytes, and `mpbot try 退订` / `mpbot try 2`
// printed the 2100 bytes that serve would put in the passive reply: a text
// WeChat does not deliver (README: "Text replies are kept under WeChat's
// 2048-byte limit"), so the follower is told nothing, and no one is warned.
func TestFixedTextsOverWeChatsLimitRefused(t *testing.T) {
	long := strings.Repeat("你", 700) // 2100 bytes
	for _, c := range []struct {
		where string
		set   func(r *RepliesSpec, p *PushSpec)
	}{
		{"push.subscribe_reply", func(_ *RepliesSpec, p *PushSpec) { p.SubscribeReply = long }},
		{"push.unsubscribe_reply", func(_ *RepliesSpec, p *PushSpec) { p.UnsubscribeReply = long }},
		{"push.status_on_reply", func(_ *RepliesSpec, p *PushSpec) { p.StatusOnReply = long }},
		{"push.status_off_reply", func(_ *RepliesSpec, p *PushSpec) { p.StatusOffReply = long }},
		{"replies.no_list", func(r *RepliesSpec, _ *PushSpec) { r.NoList = long }},
		{"replies.choice_out_of_range", func(r *RepliesSpec, _ *PushSpec) { r.ChoiceRange = long }},
	} {
		replies, push := RepliesSpec{NoMatch: text("none")}, okPush
		c.set(&replies, &push)
		_, err := Compile(replies, okSearch, push, nil)
		if err == nil || !strings.Contains(err.Error(), c.where) {
			t.Errorf("%s of %d bytes: Compile said %v; want an error naming %s (WeChat does not deliver a text over 2048 bytes)", c.where, len(long), err, c.where)
		}
	}
}

// TestRequestFieldsCutInLogs: a subscribe's scene and a click's key are a
// request's fields, cut to 64 bytes in a log line as the webhook cuts
// every field (a hostile run's find: a signed request's 1 KB EventKey
// made a 1,195-byte warning, and as many bytes at info each subscribe).
func TestRequestFieldsCutInLogs(t *testing.T) {
	s, err := Compile(demoSpec(), okSearch, okPush, nil)
	if err != nil {
		t.Fatal(err)
	}
	var logs bytes.Buffer
	b := New(s, Deps{Catalog: newDemoCatalog(), FollowUps: NewMemoryFollowUps(), Log: slog.New(slog.NewTextHandler(&logs, nil))})
	long := strings.Repeat("k", 1000)
	for _, m := range []Message{{Kind: KindSubscribe, EventKey: "qrscene_" + long}, {Kind: KindClick, EventKey: long}} {
		m.From = "o_long"
		b.Answer(context.Background(), m)
	}
	for _, line := range strings.Split(strings.TrimSpace(logs.String()), "\n") {
		if len(line) > 400 || strings.Contains(line, strings.Repeat("k", 65)) {
			t.Errorf("a log line of %d bytes: %.200s…", len(line), line)
		}
	}
	if !strings.Contains(logs.String(), "(1000 bytes)") {
		t.Errorf("the cut field does not say its length:\n%s", logs.String())
	}
}
