package main

import (
	"strings"
	"testing"

	"mpbot/bot"
)

// The daily reading's switch in the words the last session's note left
// with no match: a stop asked politely with its question mark, beside a
// greeting or a reason; the reading turned on with 把; how to turn it asked.

func TestSwitchInOtherWords(t *testing.T) {
	cfg := writeConfig(t, t.TempDir(), "")
	say := shippedSay(t, cfg)
	voice := shippedAsk(t, cfg, bot.KindVoice)
	for i, c := range []struct {
		text, want string
		voice      bool
	}{
		// Stops: each unsubscribes.
		{text: "可以把推送关掉吗？", want: "已退订"},
		{text: "能不能帮我把推送关掉？", want: "已退订"},
		{text: "请问能不能把每日一读停一下？", want: "已退订"},
		{text: "老师，能不能先停一下推送", want: "已退订"},
		{text: "老师，能不能先停一下推送？", want: "已退订"},
		{text: "不想被推送打扰了，关掉推送", want: "已退订"},
		{text: "关掉推送，太烦了", want: "已退订"},
		{text: "嗯，不想被推送打扰了，关掉推送。", want: "已退订", voice: true},
		// Turned on with 把, or the verb after the reading with 吧.
		{text: "把推送打开", want: "已为你订阅"},
		{text: "帮我把推送打开", want: "已为你订阅"},
		{text: "麻烦把每日一读重新打开一下", want: "已为你订阅"},
		{text: "推送打开吧", want: "已为你订阅"},
		// How to turn it, or whether it can be: where it stands and how.
		{text: "怎么关掉推送？", want: "订阅着"},
		{text: "推送怎么关", want: "订阅着"},
		{text: "推送怎么关闭？", want: "订阅着"},
		{text: "推送能关掉吗？", want: "订阅着"},
		{text: "推送能不能关", want: "订阅着"},
	} {
		from := "o_switch_" + string(rune('a'+i))
		ask := say
		if c.voice {
			ask = voice
		}
		if out := ask(from, c.text); !strings.Contains(out, c.want) {
			t.Errorf("%q: want %s, got:\n%s", c.text, c.want, out)
		}
	}
}

// TestSwitchWordsThatAreNoRequest: what looks like the switch but asks it
// of nobody stays as it was.
func TestSwitchWordsThatAreNoRequest(t *testing.T) {
	say := shippedSay(t, writeConfig(t, t.TempDir(), ""))
	for i, text := range []string{
		"推送打开了",               // said of it
		"不是，我不是要关掉推送",         // denied
		"我把推送关了，关掉推送以后怎么重新打开", // how, after a state
		"你们把推送关了，我朋友说的",
	} {
		from := "o_switch_no_" + string(rune('a'+i))
		if out := say(from, text); strings.Contains(out, "已退订") || strings.Contains(out, "已为你订阅") {
			t.Errorf("%q flipped the switch:\n%s", text, out)
		}
	}
}
