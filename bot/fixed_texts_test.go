package bot

import (
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
