package main

import (
	"fmt"
	"strings"
	"testing"
)

// TestRecheck8DisownedStopKeepsTheReading: a follower who disowns a stop (退订？
// 不是我发的 "unsubscribe? I didn't send that") stays subscribed. Since
// d395a52 takesBack reads 不是 only whole or as 不是要/不是想/不是说, so
// these unsubscribe; at cc0ef15 they stopped nothing.
func TestRecheck8DisownedStopKeepsTheReading(t *testing.T) {
	send := webhookSender(t)
	for i, tc := range []struct{ kind, text string }{
		{"text", "退订？不是我发的"},
		{"text", "退订，不是我本人操作的"},
		{"text", "关掉推送，这不是我说的"},
		{"text", "退订，不是我发的，别给我退"},
		{"text", "退订？不是我点的"},
		{"voice", "退订？不是我发的。"},
	} {
		from := fmt.Sprintf("o_rc8_disown_%d", i)
		if out := send(from, "text", "订阅"); !strings.Contains(out, "已为你订阅") {
			t.Fatalf("订阅: %s", out)
		}
		out := send(from, tc.kind, tc.text)
		state := send(from, "text", "退订了吗")
		if strings.Contains(state, "没有订阅") {
			t.Errorf("%s %q disowns the stop, yet unsubscribed (reply %q; 退订了吗: %s)", tc.kind, tc.text, out, state)
		}
	}
}

// TestRecheck8StopBesideAnotherQuestionKeepsItsAnswer: a stop beside a question
// of something else (a human, a topic) is not answered with the switch's
// status. At cc0ef15 these got the human hand-off or the topic's card;
// since d395a52's stopAsked they get "你现在订阅着每日一读…回复「退订」可以取消".
func TestRecheck8StopBesideAnotherQuestionKeepsItsAnswer(t *testing.T) {
	say := shippedSay(t, writeConfig(t, t.TempDir(), ""))
	for i, tc := range []struct{ text, want string }{
		{"我要退订，人工在吗", "转人工客服"},
		{"退订，怎么联系人工？", "转人工客服"},
		{"取消推送，客服在吗", "转人工客服"},
		{"关掉推送，人工客服呢？", "转人工客服"},
		{"退订，枫桥经验是什么？", "枫桥经验"},
		{"退订，八八战略是什么？", "八八战略"},
		{"关掉推送，两会热词有哪些？", "两会"},
	} {
		from := fmt.Sprintf("o_rc8_beside_%d", i)
		say(from, "订阅")
		if out := say(from, tc.text); !strings.Contains(out, tc.want) || strings.Contains(out, "你现在订阅着") {
			t.Errorf("%q: want %s, got:\n%s", tc.text, tc.want, out)
		}
	}
}

// TestRecheck8ResignedStopStillStops (a judgement call): a follower who says
// they no longer want the reading and then gives up, 每日一读不想看了，算了吧
// ("don't want to read it any more, forget it"), had been unsubscribed at
// cc0ef15; since d395a52 the 算了 after it takes the stop back and they get
// "no article found", still subscribed. Here 算了 is resignation, not a
// never mind of a request (as in 关掉推送，算了算了).
func TestRecheck8ResignedStopStillStops(t *testing.T) {
	send := webhookSender(t)
	for i, text := range []string{"每日一读不想看了，算了吧", "每日一读不要了，算了"} {
		from := fmt.Sprintf("o_rc8_resigned_%d", i)
		send(from, "text", "订阅")
		out := send(from, "text", text)
		if state := send(from, "text", "退订了吗"); !strings.Contains(state, "没有订阅") {
			t.Errorf("%q: still subscribed (reply %q; 退订了吗: %s)", text, out, state)
		}
	}
}
