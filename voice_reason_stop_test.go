package main

// A stop of the daily reading said in one breath beside its reason, as
// voice recognition writes it, and today's reading asked for as not pushed:
// the last note's leftovers, each got the no-match text.

import (
	"strings"
	"testing"
)

func TestVoiceStopBesideItsReason(t *testing.T) {
	send := cardSender(t)
	for i, c := range []struct {
		kind, text, want string
	}{
		{"voice", "就是我考完试了那个每日一读就不需要了谢谢。", "OFF"},
		{"voice", "那个每日一读能不能先停一下等我考完试再说。", "OFF"},
		{"voice", "我最近太忙了推送先停一下吧。", "OFF"},
		{"text", "每日一读能不能先停一下", "OFF"},
		{"text", "我考完了每日一读不需要了", "OFF"},
		// A reason with a no in it is no reason set apart: it stays as
		// it was read before.
		{"voice", "我不是要退订那个每日一读挺好的。", "ON"},
		{"voice", "每日一读挺好的我不想停。", "ON"},
		{"voice", "我朋友说每日一读不错我想订阅。", "ON"},
		// A question beside it is no stop (会怎样 asks what stopping does).
		{"voice", "那个每日一读要是不需要了会怎样。", "ON"},
	} {
		from := "o_voice_reason_" + string(rune('a'+i))
		send(from, "text", "订阅")
		out := send(from, c.kind, c.text)
		if got := switchState(send, from); got != c.want {
			t.Errorf("%s %q: subscription %s, want %s; reply:\n%s", c.kind, c.text, got, c.want, out)
		}
		if c.want == "OFF" && !strings.Contains(out, "已退订") {
			t.Errorf("%s %q: want 已退订, got:\n%s", c.kind, c.text, out)
		}
	}
}

func TestTodaysReadingNotPushed(t *testing.T) {
	send := cardSender(t)
	today := send("o_not_pushed", "text", "每日一读")
	if !strings.Contains(today, "[图文]") {
		t.Fatalf("每日一读: want today's reading's card, got:\n%s", today)
	}
	for i, text := range []string{"今天的每日一读怎么没推送", "每日一读今天怎么还没发", "今天没有推送吗", "今天还没推送吗"} {
		if out := send("o_not_pushed_"+string(rune('a'+i)), "text", text); out != today {
			t.Errorf("%q: want today's reading's card (%s), got:\n%s", text, today, out)
		}
	}
}
