package main

import (
	"strings"
	"testing"
)

// TestLongMessageContextIsNotTheQuestion: 74a0923 searches a long message
// ending with ？ in parts, now also "the sentence before the last". When the
// last sentence is a question no article answers (may I volunteer?), the
// sentence before is only the follower's context, and its card is a
// confident answer to a question nobody asked. At 635695f these got the
// no-match reply (which offers 人工); at HEAD a card on the context:
// the demo's 国常会 防汛 article for a question about volunteering.
func TestLongMessageContextIsNotTheQuestion(t *testing.T) {
	say := shippedSay(t, writeConfig(t, t.TempDir(), ""))
	for i, text := range []string{
		"最近国务院常务会议部署了防汛工作，我们县里也在动员。我能当志愿者吗？",
	} {
		out := say("o_ctx_"+string(rune('a'+i)), text)
		if strings.Contains(out, "→ "+demoURL) || strings.Contains(out, "1. <a href=\""+demoURL) {
			t.Errorf("%s: the question (the last sentence) has no article; got a card on the context:\n%s", text, out)
		}
	}
}
